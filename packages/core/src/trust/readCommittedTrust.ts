// Reads one committed TRUST transaction (an object from a block or a registry) into a TrustTx, or
// says in words why it is not a well-formed edge. Internal.

import { parseTrustTx } from '../wire/parse/parseTransaction.js';
import type { TrustTx } from '../wire/types.js';

/** The transaction, or the reason it is not a usable TRUST edge. */
export type ReadTrust =
  | { readonly tx: TrustTx }
  | { readonly problem: string; readonly partial: Partial<TrustTx> };

function partialOf(raw: unknown): Partial<TrustTx> {
  if (typeof raw !== 'object' || raw === null) return {};
  const r = raw as Record<string, unknown>;
  const pick = <K extends keyof TrustTx>(k: K, type: string): Partial<TrustTx> =>
    typeof r[k] === type ? ({ [k]: r[k] } as Partial<TrustTx>) : {};
  return {
    ...pick('id', 'string'),
    ...pick('truster', 'string'),
    ...pick('trustee', 'string'),
    ...pick('trustLevel', 'number'),
    ...pick('nonce', 'number'),
    ...pick('publicKey', 'string'),
  };
}

/**
 * Parses and checks what the node should have refused (PROTOCOL §6.2): exact TRUST shape, nonce
 * ≥ 1, level finite in 0..1, `timestamp` > 0, `validUntil` 0 or after `timestamp`. A `validUntil`
 * beyond 2^53 (nanoseconds) is kept as the number JavaScript holds.
 */
export function readCommittedTrust(raw: unknown): ReadTrust {
  const big =
    typeof raw === 'object' &&
    raw !== null &&
    typeof (raw as { validUntil?: unknown }).validUntil === 'number' &&
    Number.isInteger((raw as { validUntil: number }).validUntil) &&
    !Number.isSafeInteger((raw as { validUntil: number }).validUntil)
      ? (raw as { validUntil: number }).validUntil
      : undefined;
  let tx: TrustTx;
  try {
    tx = parseTrustTx(big === undefined ? raw : { ...(raw as object), validUntil: 1 });
  } catch (error) {
    const message = error instanceof Error ? error.message : 'not a TRUST transaction';
    return { problem: message, partial: partialOf(raw) };
  }
  if (big !== undefined) tx = { ...tx, validUntil: big };
  const problems: string[] = [];
  if (tx.nonce < 1) problems.push(`nonce ${tx.nonce} is below 1`);
  if (!(tx.trustLevel >= 0 && tx.trustLevel <= 1))
    problems.push(`trustLevel ${tx.trustLevel} is outside 0..1`);
  if (tx.timestamp <= 0) problems.push(`timestamp ${tx.timestamp} is not a time`);
  const v = tx.validUntil ?? 0;
  if (v !== 0 && v <= tx.timestamp) problems.push(`validUntil ${v} is not after timestamp ${tx.timestamp}`);
  if (problems.length > 0) return { problem: problems.join('; '), partial: tx };
  return { tx };
}
