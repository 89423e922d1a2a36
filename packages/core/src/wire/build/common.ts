import { SignatureError } from '../../errors/SignatureError.js';
import { MAX_DOMAIN_BYTES, QUID_ID_PATTERN } from '../protocol.js';
import { signTransaction } from '../signTransaction.js';
import type { QuidnugTx, Signer } from '../types.js';
import { verifyTransactionAsync } from '../verifyTransactionAsync.js';
import { checkSeconds, checkString } from './checks.js';
import type { Issues } from './Issues.js';

/**
 * Fields every builder takes.
 *
 * @example
 * ```ts
 * const base: BuilderBase = { signer, trustDomain: 'factoring.supply-chain.us', timestamp: 1745000000 };
 * ```
 */
export interface BuilderBase {
  /** Signs the transaction; its quid becomes truster / creator / issuer. */
  readonly signer: Signer;
  /** Domain the transaction belongs to (≤ 253 bytes; must be registered on the node). */
  readonly trustDomain: string;
  /** Unix seconds; defaults to `Math.floor(Date.now() / 1000)`. Never 0. */
  readonly timestamp?: number;
}

/** Keys of {@link BuilderBase}. */
export const BASE_KEYS = ['signer', 'trustDomain', 'timestamp'] as const;

/** Checks signer, domain and timestamp; returns the timestamp to use. Internal. */
export function checkBase(issues: Issues, input: BuilderBase, domainRequired: boolean): number {
  const { signer } = input;
  if (
    typeof signer !== 'object' ||
    signer === null ||
    typeof signer.sign !== 'function' ||
    typeof signer.publicKey !== 'string' ||
    !/^04[0-9a-f]{128}$/.test(signer.publicKey) ||
    !QUID_ID_PATTERN.test(signer.quidId)
  ) {
    issues.add('signer', 'expected a Signer with a lowercase uncompressed publicKey, a quidId and sign()');
  }
  checkString(issues, 'trustDomain', input.trustDomain, {
    required: domainRequired,
    maxBytes: MAX_DOMAIN_BYTES,
  });
  if (typeof input.trustDomain !== 'string' && !domainRequired)
    issues.add('trustDomain', 'expected a string');
  const timestamp = input.timestamp ?? Math.floor(Date.now() / 1000);
  checkSeconds(issues, 'timestamp', timestamp);
  return timestamp;
}

/** Refuses a field that must equal the signer's quid when it says otherwise. */
export function checkBoundToSigner(issues: Issues, path: string, value: unknown, signer: Signer): void {
  if (value !== undefined && value !== signer.quidId) {
    issues.add(
      path,
      `must be the signer's own quid ${signer.quidId} (the node does not bind keys to quids; the SDK does)`,
    );
  }
}

/**
 * Signs a checked transaction. Signatures from keys the SDK does not hold itself (WebCrypto, HSM,
 * KMS) are verified before the transaction is handed out.
 */
export async function signChecked<T extends QuidnugTx>(tx: T, signer: Signer): Promise<T> {
  const signed = await signTransaction(tx, signer);
  if (!(await verifyTransactionAsync(signed))) {
    throw new SignatureError(
      'SIGNING_FAILED',
      `signer ${signer.quidId} produced a signature that does not verify against its publicKey`,
    );
  }
  return signed;
}
