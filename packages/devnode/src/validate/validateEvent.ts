// ValidateEventTransaction (internal/core/validation.go), against committed state only.

import { isQuidId, MAX_EVENT_TYPE_BYTES, MAX_NAME_BYTES, MAX_PAYLOAD_BYTES, utf8Length } from '@quidfin/core';
import { encodeGo } from '../json/goJson.js';
import type { GoValue } from '../json/goStruct.js';
import type { ValidationContext } from './context.js';
import { isValidCid, validateStringField } from './fieldRules.js';
import { issuerSignableBytes } from './signatures.js';

function payloadSize(payload: Record<string, unknown>): number {
  try {
    return utf8Length(encodeGo(payload));
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/** True when the node would accept this EVENT now. */
export function validateEvent(ctx: ValidationContext, tx: GoValue): boolean {
  const { state } = ctx;
  const domain = tx['trustDomain'] as string;
  if (domain === '' || !state.domains.has(domain)) return false;
  const subjectId = tx['subjectId'] as string;
  const subjectType = tx['subjectType'] as string;
  if (subjectId === '') return false;
  if (subjectType !== 'QUID' && subjectType !== 'TITLE') return false;
  if (subjectType === 'QUID' ? !isQuidId(subjectId) : !validateStringField(subjectId, MAX_NAME_BYTES))
    return false;
  const eventType = tx['eventType'] as string;
  if (eventType === '' || utf8Length(eventType) > MAX_EVENT_TYPE_BYTES) return false;
  const payload = tx['payload'] as Record<string, unknown> | null;
  const hasPayload = payload !== null && Object.keys(payload).length > 0;
  const cid = tx['payloadCid'] as string;
  if (!hasPayload && cid === '') return false;
  if (cid !== '' && !isValidCid(cid)) return false;
  if (hasPayload && payloadSize(payload) > MAX_PAYLOAD_BYTES) return false;
  const subjectIdentity = subjectType === 'QUID' ? state.identities.get(subjectId) : undefined;
  const title = subjectType === 'TITLE' ? state.titles.get(subjectId) : undefined;
  if (!subjectIdentity && !title) return false;
  // Sequence against the committed stream only: `latestSequence` is the last event applied.
  const stream = state.streams.get(subjectId);
  const sequence = tx['sequence'] as number;
  if (stream) {
    if (sequence <= stream.latestSequence) return false;
  } else if (sequence !== 0 && sequence !== 1) return false;
  const sig = tx['signature'] as string;
  const pub = tx['publicKey'] as string;
  if (sig === '' || pub === '') return false;
  if (!ctx.signatures.check(tx, 'issuer', pub, () => issuerSignableBytes('EVENT', tx), sig)) return false;
  if (subjectIdentity) return subjectIdentity['publicKey'] === pub;
  // Only a current owner's registered key (exact string) may write to a title's stream.
  const owners = (title!['owners'] as Array<{ ownerId: string }> | null) ?? [];
  return owners.some((s) => state.identities.get(s.ownerId)?.['publicKey'] === pub);
}
