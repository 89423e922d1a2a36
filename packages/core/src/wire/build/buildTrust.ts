import { MAX_DESCRIPTION_BYTES, MIN_NONCE } from '../protocol.js';
import type { TrustTx } from '../types.js';
import { checkFloat, checkInt, checkKnownKeys, checkQuid, checkSeconds, checkString } from './checks.js';
import { BASE_KEYS, type BuilderBase, checkBase, checkBoundToSigner, signChecked } from './common.js';
import { Issues } from './Issues.js';

/**
 * Input of {@link buildTrust}.
 *
 * @example
 * ```ts
 * const input: BuildTrustInput = { signer, trustDomain: 'd', trustee: 'c31907f180e6e1e0', trustLevel: 1, nonce: 7, validUntil: 1767225600 };
 * ```
 */
export interface BuildTrustInput extends BuilderBase {
  /** Quid trusted by the signer. */
  readonly trustee: string;
  /** 0 to 1 inclusive; 0 records a revocation. */
  readonly trustLevel: number;
  /** ≥ 1 and above the last committed nonce for (signer, trustee): keep a persisted counter. */
  readonly nonce: number;
  /** ≤ 4096 bytes, no control characters except tab / newline / CR. */
  readonly description?: string;
  /** Unix seconds, after `timestamp`. */
  readonly validUntil?: number;
  /** Optional; must equal `signer.quidId` when given. */
  readonly truster?: string;
}

const KEYS = [...BASE_KEYS, 'trustee', 'trustLevel', 'nonce', 'description', 'validUntil', 'truster'];

/**
 * Builds and signs a TRUST edge from the signer's quid. Refuses, with `ValidationError
 * ('INVALID_TRANSACTION')` listing every path, anything the node would drop or that would break
 * the signature: bad quid, level outside [0, 1], nonce < 1, `validUntil` not after `timestamp`
 * or not in seconds, oversized description, unknown fields.
 *
 * @example
 * ```ts
 * const tx = await buildTrust({ signer, trustDomain: 'factoring.supply-chain.us', trustee: 'c31907f180e6e1e0', trustLevel: 0.9, nonce: 1 });
 * await post('/api/v1/transactions/trust', toWireJson(tx));
 * ```
 */
export async function buildTrust(input: BuildTrustInput): Promise<TrustTx> {
  const issues = new Issues();
  checkKnownKeys(issues, input, KEYS);
  const timestamp = checkBase(issues, input, false);
  checkBoundToSigner(issues, 'truster', input.truster, input.signer);
  checkQuid(issues, 'trustee', input.trustee);
  checkFloat(issues, 'trustLevel', input.trustLevel, 0, 1);
  checkInt(issues, 'nonce', input.nonce, MIN_NONCE);
  checkString(issues, 'description', input.description, {
    maxBytes: MAX_DESCRIPTION_BYTES,
    control: 'allow-whitespace',
  });
  if (input.validUntil !== undefined && checkSeconds(issues, 'validUntil', input.validUntil)) {
    if (input.validUntil <= timestamp) issues.add('validUntil', `must be after timestamp ${timestamp}`);
  }
  issues.throwIfAny();
  const tx: TrustTx = {
    id: '',
    type: 'TRUST',
    trustDomain: input.trustDomain,
    timestamp,
    signature: '',
    publicKey: input.signer.publicKey,
    truster: input.signer.quidId,
    trustee: input.trustee,
    trustLevel: input.trustLevel === 0 ? 0 : input.trustLevel,
    nonce: input.nonce,
  };
  if (input.description) tx.description = input.description;
  if (input.validUntil !== undefined) tx.validUntil = input.validUntil;
  return signChecked(tx, input.signer);
}
