// The question trust verification asks about keys, so a verified key history (rotations,
// recoveries) can answer it instead of the default "the key must derive to the quid".

import { quidIdFromPublicKey } from '../wire/quidIdFromPublicKey.js';

/**
 * Answers whether `publicKey` was a key of `quid` when a transaction was committed at `origin`
 * (`origin.timestamp` is the committing block's time; `origin` is undefined when no block time is
 * known, and a history that knows the key changed should then say no).
 * The default ({@link derivedKeyHistory}) accepts only the key the quid was derived from. Plug in
 * a history only if it is itself verified: the node lets anyone register or update any quid's
 * IDENTITY with any key (PROTOCOL §6.3), so "the registered key" read from the node proves nothing.
 *
 * @example
 * ```ts
 * const rotated: KeyHistory = {
 *   wasKeyOf: (quid, key) => quidIdFromPublicKey(key) === quid || (quid === bureau.quidId && key === bureauKeyV2),
 * };
 * ```
 */
export interface KeyHistory {
  wasKeyOf(
    quid: string,
    publicKey: string,
    origin: { readonly blockIndex: number; readonly offset: number; readonly timestamp: number } | undefined,
  ): boolean;
}

/**
 * The default key rule: a key belongs to a quid exactly when the quid is derived from it
 * (PROTOCOL §1).
 *
 * @example
 * ```ts
 * derivedKeyHistory.wasKeyOf(signer.quidId, signer.publicKey, undefined); // true
 * ```
 */
export const derivedKeyHistory: KeyHistory = {
  wasKeyOf: (quid, publicKey) => signerQuidOf(publicKey) === quid,
};

/** Quid of a public key, or `''` when it is not a valid P-256 key. Internal. */
export function signerQuidOf(publicKey: string): string {
  try {
    return quidIdFromPublicKey(publicKey);
  } catch {
    return '';
  }
}
