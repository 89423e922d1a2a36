import { MAX_NAME_BYTES } from '../protocol.js';
import type { OwnershipStake, TitleTx } from '../types.js';
import { ASSET_ID_RE, checkKnownKeys, checkSeconds, checkString } from './checks.js';
import { BASE_KEYS, type BuilderBase, checkBase, signChecked } from './common.js';
import { Issues } from './Issues.js';
import { checkOwners } from './owners.js';

/**
 * Input of {@link buildTitle}.
 *
 * @example
 * ```ts
 * const input: BuildTitleInput = { signer, trustDomain: 'd', assetId: 'inv-1', titleType: 'invoice', owners: [{ ownerId: signer.quidId, percentage: 1, stakeType: 'supplier' }] };
 * ```
 */
export interface BuildTitleInput extends BuilderBase {
  /** `[A-Za-z0-9._:-]`, ≤ 256 bytes (it becomes a URL path segment). */
  readonly assetId: string;
  /** Shares summing to 1.0; every owner needs a committed IDENTITY first. */
  readonly owners: readonly OwnershipStake[];
  /** e.g. `"invoice"`, ≤ 256 bytes. */
  readonly titleType?: string;
  /** Unix seconds (never enforced by the node). */
  readonly expiryDate?: number;
}

const KEYS = [...BASE_KEYS, 'assetId', 'owners', 'titleType', 'expiryDate'];

/** Checks assetId / titleType / expiryDate (shared with transfers). Internal. */
export function checkTitleFields(
  issues: Issues,
  input: { assetId?: unknown; titleType?: unknown; expiryDate?: unknown },
): void {
  checkString(issues, 'assetId', input.assetId, {
    required: true,
    maxBytes: MAX_NAME_BYTES,
    pattern: ASSET_ID_RE,
    patternText: '[A-Za-z0-9._:-]',
  });
  checkString(issues, 'titleType', input.titleType, { maxBytes: MAX_NAME_BYTES });
  if (input.expiryDate !== undefined) checkSeconds(issues, 'expiryDate', input.expiryDate);
}

/**
 * Builds and signs a new TITLE (asset ownership record), with `"signatures":{}` as the node
 * expects. Refuses empty or duplicate owners, non-quid owner IDs, shares not summing to 1.0
 * within 1e-6, an asset ID outside `[A-Za-z0-9._:-]` and the other node rules.
 *
 * @example
 * ```ts
 * const tx = await buildTitle({
 *   signer: supplier, trustDomain: 'factoring.supply-chain.us', assetId: 'inv-0a1b2c3d', titleType: 'invoice',
 *   owners: [{ ownerId: supplier.quidId, percentage: 0.96, stakeType: 'supplier' }, { ownerId: buyerQuid, percentage: 0.04, stakeType: 'buyer' }],
 * });
 * ```
 */
export async function buildTitle(input: BuildTitleInput): Promise<TitleTx> {
  const issues = new Issues();
  checkKnownKeys(issues, input, KEYS);
  const timestamp = checkBase(issues, input, false);
  checkTitleFields(issues, input);
  const owners = checkOwners(issues, 'owners', input.owners);
  issues.throwIfAny();
  const tx: TitleTx = {
    id: '',
    type: 'TITLE',
    trustDomain: input.trustDomain,
    timestamp,
    signature: '',
    publicKey: input.signer.publicKey,
    assetId: input.assetId,
    owners,
    signatures: {},
  };
  if (input.expiryDate !== undefined) tx.expiryDate = input.expiryDate;
  if (input.titleType) tx.titleType = input.titleType;
  return signChecked(tx, input.signer);
}
