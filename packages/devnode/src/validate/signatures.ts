// Signature checks over the exact bytes the node verifies, via @quidfin/core's Go-exact
// serializer. Verdicts are remembered per (bytes kind, key, signature, tx) so that revalidating
// a block (synchronous) does not redo the elliptic-curve work already done at submission.

import {
  ownerSignableBytes as coreOwnerSignableBytes,
  type QuidnugTx,
  signableJson,
  type TitleTx,
  verifySignature,
  verifySignatureAsync,
} from '@quidfin/core';
import { goString } from '../json/goJson.js';
import { exactInt64Digits, type GoValue } from '../json/goStruct.js';
import type { TxKind } from '../state/state.js';

/**
 * Writes `tx` with core's serializer, then puts back the exact digits of int64 fields beyond
 * ±2^53 (core refuses unsafe integers; the node signs and verifies their exact digits). Each such
 * field is first written as a placeholder that occurs exactly once as `"field":placeholder`.
 */
function withExactInts(tx: GoValue, write: (tx: GoValue) => string): string {
  const digits = Object.entries(exactInt64Digits(tx));
  if (digits.length === 0) return write(tx);
  let value: GoValue = { ...tx };
  let json = '';
  for (let candidate = Number.MAX_SAFE_INTEGER; candidate > Number.MAX_SAFE_INTEGER - 1000; candidate--) {
    value = { ...tx };
    for (const [i, [field]] of digits.entries()) value[field] = candidate - i;
    json = write(value);
    if (digits.every(([field], i) => json.split(`"${field}":${candidate - i}`).length === 2)) {
      for (const [i, [field, raw]] of digits.entries()) {
        json = json.replace(`"${field}":${candidate - i}`, `"${field}":${raw}`);
      }
      return json;
    }
  }
  throw new Error('no unique placeholder for an exact int64 field');
}

/**
 * The issuer-signable bytes of a decoded transaction, or `undefined` when it cannot be
 * serialized (Go would still serialize it, so the signature then simply fails to verify).
 * A TRUST keeps whatever `type` was sent (PROTOCOL G7), which core's writer does not model, so
 * the `type` member is patched into the TRUST-layout bytes.
 */
export function issuerSignableBytes(kind: TxKind, tx: GoValue): Uint8Array | undefined {
  try {
    if (kind === 'TRUST' && tx['type'] !== 'TRUST') {
      const json = withExactInts({ ...tx, type: 'TRUST' }, (v) => signableJson(v as unknown as QuidnugTx));
      // `,"type":"TRUST",` cannot occur inside the id string (its quotes would be escaped).
      return new TextEncoder().encode(
        json.replace(',"type":"TRUST",', `,"type":${goString(String(tx['type']))},`),
      );
    }
    return new TextEncoder().encode(
      withExactInts({ ...tx, type: kind }, (v) => signableJson(v as unknown as QuidnugTx)),
    );
  } catch {
    return undefined;
  }
}

/** The bytes previous owners sign on a transfer. */
export function ownerSignableBytes(tx: GoValue): Uint8Array | undefined {
  try {
    return coreOwnerSignableBytes({ ...tx, type: 'TITLE' } as unknown as TitleTx);
  } catch {
    return undefined;
  }
}

/** Remembers signature verdicts so block revalidation can stay synchronous and cheap. */
export class SignatureChecker {
  private readonly verdicts = new WeakMap<GoValue, Map<string, boolean>>();

  private memo(tx: GoValue): Map<string, boolean> {
    let m = this.verdicts.get(tx);
    if (!m) {
      m = new Map();
      this.verdicts.set(tx, m);
    }
    return m;
  }

  /** Synchronous check (uses a remembered verdict when there is one). */
  check(
    tx: GoValue,
    slot: string,
    publicKey: string,
    bytes: () => Uint8Array | undefined,
    sig: string,
  ): boolean {
    const memo = this.memo(tx);
    const key = `${slot}|${publicKey}|${sig}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const message = bytes();
    const ok = message !== undefined && verifySignature(publicKey, message, sig);
    memo.set(key, ok);
    return ok;
  }

  /** Asynchronous pre-check (WebCrypto where present), remembered for {@link check}. */
  async precheck(
    tx: GoValue,
    slot: string,
    publicKey: string,
    bytes: () => Uint8Array | undefined,
    sig: string,
  ): Promise<void> {
    const memo = this.memo(tx);
    const key = `${slot}|${publicKey}|${sig}`;
    if (memo.has(key)) return;
    const message = bytes();
    const ok = message !== undefined && (await verifySignatureAsync(publicKey, message, sig));
    memo.set(key, ok);
  }
}
