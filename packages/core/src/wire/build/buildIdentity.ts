import { MAX_DESCRIPTION_BYTES, MAX_DOMAIN_BYTES, MAX_NAME_BYTES } from '../protocol.js';
import type { IdentityTx, JsonObject } from '../types.js';
import { checkInt, checkJsonObject, checkKnownKeys, checkString, cloneJson } from './checks.js';
import { BASE_KEYS, type BuilderBase, checkBase, checkBoundToSigner, signChecked } from './common.js';
import { Issues } from './Issues.js';

/**
 * Input of {@link buildIdentity}.
 *
 * @example
 * ```ts
 * const input: BuildIdentityInput = { signer, trustDomain: 'd', name: 'Acme Ltd', updateNonce: 1, attributes: { role: 'supplier' } };
 * ```
 */
export interface BuildIdentityInput extends BuilderBase {
  /** Display name, ≤ 256 bytes. */
  readonly name: string;
  /** ≥ 1, and above the committed value on an update. */
  readonly updateNonce: number;
  /** ≤ 4096 bytes. */
  readonly description?: string;
  /** Free-form JSON attributes (an empty object is dropped by the node, like an absent one). */
  readonly attributes?: JsonObject;
  /** Home domain, ≤ 253 bytes. */
  readonly homeDomain?: string;
  /** Optional; must equal `signer.quidId` (self-registration only). */
  readonly quidId?: string;
  /** Optional; must equal `signer.quidId`. */
  readonly creator?: string;
}

const KEYS = [
  ...BASE_KEYS,
  'name',
  'updateNonce',
  'description',
  'attributes',
  'homeDomain',
  'quidId',
  'creator',
];

/**
 * Builds and signs the signer's own IDENTITY (quidId = creator = signer's quid: the node binds
 * neither, so a foreign quid would let this key write that quid's event stream). Refuses with
 * `ValidationError('INVALID_TRANSACTION')` anything the node would drop or rewrite.
 *
 * @example
 * ```ts
 * const tx = await buildIdentity({ signer, trustDomain: 'factoring.supply-chain.us', name: 'Acme & Sons', updateNonce: 1 });
 * ```
 */
export async function buildIdentity(input: BuildIdentityInput): Promise<IdentityTx> {
  const issues = new Issues();
  checkKnownKeys(issues, input, KEYS);
  const timestamp = checkBase(issues, input, false);
  checkBoundToSigner(issues, 'quidId', input.quidId, input.signer);
  checkBoundToSigner(issues, 'creator', input.creator, input.signer);
  checkString(issues, 'name', input.name, { required: true, maxBytes: MAX_NAME_BYTES });
  checkInt(issues, 'updateNonce', input.updateNonce, 1);
  checkString(issues, 'description', input.description, {
    maxBytes: MAX_DESCRIPTION_BYTES,
    control: 'allow-whitespace',
  });
  checkString(issues, 'homeDomain', input.homeDomain, { maxBytes: MAX_DOMAIN_BYTES });
  if (input.attributes !== undefined) checkJsonObject(issues, 'attributes', input.attributes);
  issues.throwIfAny();
  const tx: IdentityTx = {
    id: '',
    type: 'IDENTITY',
    trustDomain: input.trustDomain,
    timestamp,
    signature: '',
    publicKey: input.signer.publicKey,
    quidId: input.signer.quidId,
    name: input.name,
    creator: input.signer.quidId,
    updateNonce: input.updateNonce,
  };
  if (input.description) tx.description = input.description;
  if (input.attributes !== undefined && Object.keys(input.attributes).length)
    tx.attributes = cloneJson(input.attributes);
  if (input.homeDomain) tx.homeDomain = input.homeDomain;
  return signChecked(tx, input.signer);
}
