// When a `key.invalidated` event on a quid's stream is not the quid's own freeze. Internal.

import {
  type NonceAnchor,
  nonceAnchorSignableBytes,
  quidIdFromPublicKey,
  verifySignature,
} from '@quidfin/core';

/** True when `publicKey` is a P-256 key the quid `quid` derives from. */
export function derivesTo(publicKey: unknown, quid: string): boolean {
  try {
    return typeof publicKey === 'string' && quidIdFromPublicKey(publicKey) === quid;
  } catch {
    return false;
  }
}

/**
 * Why `anchor` (a `key.invalidated` payload's) is not `quid` freezing its epoch-0 key, or
 * undefined when it is: anyone may post an EVENT on any quid's stream, so only an invalidation
 * signed by the key being frozen counts.
 */
export function freezeProblem(
  anchor: unknown,
  quid: string,
  epoch0Key: string | undefined,
): string | undefined {
  const a = anchor as Partial<NonceAnchor> | null;
  if (typeof a !== 'object' || a === null) return 'payload.anchor is not an object';
  if (a.kind !== 2) return 'not an invalidation (kind 2)';
  if (a.signerQuid !== quid) return `anchor names ${String(a.signerQuid)}, not the stream's quid`;
  if (a.fromEpoch !== a.toEpoch) return 'an invalidation keeps its epoch';
  if (a.fromEpoch !== 0) return 'only epoch 0 has a key this node shows';
  if (epoch0Key === undefined) return 'no registered key to check it against';
  try {
    const ok = verifySignature(epoch0Key, nonceAnchorSignableBytes(a as NonceAnchor), String(a.signature));
    return ok ? undefined : 'anchor signature does not verify with the epoch-0 key';
  } catch {
    return 'anchor cannot be encoded';
  }
}
