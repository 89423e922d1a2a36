import { SignatureError } from '../../errors/SignatureError.js';
import { describeValue } from '../describeValue.js';
import { signTitleAsOwner } from '../signTitleAsOwner.js';
import { transactionId } from '../transactionId.js';
import type { OwnershipStake, Signer, TitleTx } from '../types.js';
import { verifyOwnerSignature } from '../verifyOwnerSignature.js';
import { checkTitleFields } from './buildTitle.js';
import { checkKnownKeys, checkString } from './checks.js';
import { checkBase, signChecked } from './common.js';
import { Issues } from './Issues.js';
import { checkOwners } from './owners.js';

/**
 * Input of {@link draftTitleTransfer}.
 *
 * @example
 * ```ts
 * const input: DraftTitleTransferInput = { signer: financier, current: committedTitle, owners: [{ ownerId: financier.quidId, percentage: 1 }], timestamp: 1745000020 };
 * ```
 */
export interface DraftTitleTransferInput {
  /** The issuer (usually the new owner); signs last. */
  readonly signer: Signer;
  /** The title as currently committed; its owners become `previousOwners`. */
  readonly current: TitleTx;
  /** The new owners (shares summing to 1.0). */
  readonly owners: readonly OwnershipStake[];
  /** Defaults to the current title's domain. */
  readonly trustDomain?: string;
  /** Defaults to the current title's type. */
  readonly titleType?: string;
  /** Unix seconds. */
  readonly expiryDate?: number;
  /** Unix seconds; defaults to now. Owners who sign separately must sign the same draft. */
  readonly timestamp?: number;
}

/**
 * Input of {@link buildTitleTransfer}.
 *
 * @example
 * ```ts
 * const input: BuildTitleTransferInput = { signer: financier, current, owners, previousOwnerSigners: [supplier] };
 * ```
 */
export interface BuildTitleTransferInput extends DraftTitleTransferInput {
  /** Signers of previous owners available here; each co-signs the owner bytes. */
  readonly previousOwnerSigners?: readonly Signer[];
  /**
   * Co-signatures made elsewhere with {@link signTitleAsOwner} over {@link draftTitleTransfer} of
   * the same input (same `timestamp`!), keyed by owner quid.
   */
  readonly ownerSignatures?: Readonly<Record<string, string>>;
}

const DRAFT_KEYS = ['signer', 'current', 'owners', 'trustDomain', 'titleType', 'expiryDate', 'timestamp'];
const SIG_RE = /^[0-9a-f]{128}$/;

function draft(issues: Issues, input: DraftTitleTransferInput): TitleTx {
  const current = input.current;
  if (typeof current !== 'object' || current === null || current.type !== 'TITLE') {
    issues.add('current', `expected the committed TITLE transaction, got ${describeValue(current)}`);
    issues.throwIfAny();
  }
  const trustDomain = input.trustDomain ?? current.trustDomain;
  const titleType = input.titleType ?? current.titleType;
  const timestamp = checkBase(
    issues,
    {
      signer: input.signer,
      trustDomain,
      ...(input.timestamp === undefined ? {} : { timestamp: input.timestamp }),
    },
    false,
  );
  checkTitleFields(issues, { assetId: current.assetId, titleType, expiryDate: input.expiryDate });
  const previousOwners = checkOwners(new Issues(), 'current.owners', current.owners);
  if (!Array.isArray(current.owners) || current.owners.length === 0) {
    issues.add('current.owners', 'the current title has no owners to transfer from');
  }
  const owners = checkOwners(issues, 'owners', input.owners);
  issues.throwIfAny();
  const tx: TitleTx = {
    id: '',
    type: 'TITLE',
    trustDomain,
    timestamp,
    signature: '',
    publicKey: input.signer.publicKey,
    assetId: current.assetId,
    owners,
    previousOwners,
    signatures: null,
  };
  if (input.expiryDate !== undefined) tx.expiryDate = input.expiryDate;
  if (titleType) tx.titleType = titleType;
  tx.id = transactionId(tx);
  return tx;
}

/**
 * The unsigned transfer every previous owner co-signs (with {@link signTitleAsOwner}) before the
 * issuer signs: `previousOwners` copied from the committed title, `signatures: null`, the ID
 * filled in. Pass an explicit `timestamp` when owners sign on other machines.
 *
 * @example
 * ```ts
 * const d = draftTitleTransfer({ signer: financier, current, owners, timestamp: 1745000020 });
 * const sig = await signTitleAsOwner(d, supplier); // on the supplier's machine
 * ```
 */
export function draftTitleTransfer(input: DraftTitleTransferInput): TitleTx {
  const issues = new Issues();
  checkKnownKeys(issues, input, DRAFT_KEYS);
  return draft(issues, input);
}

/**
 * Builds a complete TITLE transfer (PROTOCOL §2.4): previous owners co-sign the owner bytes
 * (signers given here, or pre-made `ownerSignatures`), then the issuer signs last over the filled
 * `signatures` map. Every previous owner must be covered. Signatures from signers given here are
 * checked against their keys.
 *
 * @example
 * ```ts
 * const tx = await buildTitleTransfer({
 *   signer: financier, current: committedTitle,
 *   owners: [{ ownerId: financier.quidId, percentage: 1, stakeType: 'financier' }],
 *   previousOwnerSigners: [supplier],
 * });
 * ```
 */
export async function buildTitleTransfer(input: BuildTitleTransferInput): Promise<TitleTx> {
  const issues = new Issues();
  checkKnownKeys(issues, input, [...DRAFT_KEYS, 'previousOwnerSigners', 'ownerSignatures']);
  const unsigned = draft(issues, input);
  const previous = new Set((unsigned.previousOwners ?? []).map((o) => o.ownerId));
  const signatures: Record<string, string> = {};
  for (const [ownerId, sig] of Object.entries(input.ownerSignatures ?? {})) {
    const path = `ownerSignatures.${ownerId}`;
    if (!previous.has(ownerId)) issues.add(path, 'is not a previous owner of the title');
    if (
      checkString(issues, path, sig, {
        required: true,
        pattern: SIG_RE,
        patternText: '128 lowercase hex chars (raw r||s)',
      })
    ) {
      signatures[ownerId] = sig;
    }
  }
  const signers = input.previousOwnerSigners ?? [];
  signers.forEach((s, i) => {
    if (!previous.has(s?.quidId))
      issues.add(`previousOwnerSigners[${i}]`, `${s?.quidId} is not a previous owner of the title`);
  });
  issues.throwIfAny();
  for (const s of signers) {
    const sig = await signTitleAsOwner(unsigned, s);
    if (!verifyOwnerSignature({ ...unsigned, signatures: { [s.quidId]: sig } }, s.quidId, s.publicKey)) {
      throw new SignatureError(
        'SIGNING_FAILED',
        `owner ${s.quidId} produced a co-signature that does not verify`,
      );
    }
    signatures[s.quidId] = sig;
  }
  for (const ownerId of previous) {
    if (!signatures[ownerId])
      issues.add(`ownerSignatures.${ownerId}`, 'missing co-signature of a previous owner');
  }
  issues.throwIfAny();
  return signChecked({ ...unsigned, signatures }, input.signer);
}
