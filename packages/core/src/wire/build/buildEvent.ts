import { encodeGoJson } from '../encodeGoJson.js';
import {
  CID_PATTERN,
  MAX_EVENT_TYPE_BYTES,
  MAX_NAME_BYTES,
  MAX_PAYLOAD_BYTES,
  MIN_SEQUENCE,
  TRANSACTION_ID_PATTERN,
  utf8Length,
} from '../protocol.js';
import type { EventTx, JsonObject, SubjectType } from '../types.js';
import {
  ASSET_ID_RE,
  checkInt,
  checkJsonObject,
  checkKnownKeys,
  checkQuid,
  checkString,
  cloneJson,
} from './checks.js';
import { BASE_KEYS, type BuilderBase, checkBase, signChecked } from './common.js';
import { Issues } from './Issues.js';

/**
 * Input of {@link buildEvent}.
 *
 * @example
 * ```ts
 * const input: BuildEventInput = { signer, trustDomain: 'd', subjectId: 'inv-1', subjectType: 'TITLE', sequence: 2, eventType: 'carrier.shipped', payload: { billOfLading: 'BL-1' } };
 * ```
 */
export interface BuildEventInput extends BuilderBase {
  /** A quid (QUID stream) or an asset ID (TITLE stream). */
  readonly subjectId: string;
  readonly subjectType: SubjectType;
  /** ≥ 1: 1 on a new stream, above the committed latest otherwise. */
  readonly sequence: number;
  /** e.g. `"invoice.issued"`, ≤ 64 bytes. */
  readonly eventType: string;
  /** Inline payload (≤ 65536 bytes as JSON). `payload` and/or `payloadCid` is required. */
  readonly payload?: JsonObject;
  /** IPFS CID of an off-chain payload. */
  readonly payloadCid?: string;
  /** ID of the previous event in the stream (informational). */
  readonly previousEventId?: string;
}

const KEYS = [
  ...BASE_KEYS,
  'subjectId',
  'subjectType',
  'sequence',
  'eventType',
  'payload',
  'payloadCid',
  'previousEventId',
];
/** The node hides an event once `payload.expiresAt` (read as Unix NANOseconds) has passed. */
const MIN_NANOSECONDS = 1e17;

/**
 * Builds and signs an EVENT on a quid's or a title's stream. Refuses a missing domain, sequence
 * < 1 (0 is rewritten by the node), an empty or > 64-byte eventType, no payload and no CID, a bad
 * CID, a payload over 65536 bytes or with NaN / unsafe integers / lone surrogates, and a
 * `payload.expiresAt` that is not in nanoseconds.
 *
 * @example
 * ```ts
 * const tx = await buildEvent({
 *   signer: supplier, trustDomain: 'factoring.supply-chain.us', subjectId: 'inv-0a1b2c3d', subjectType: 'TITLE',
 *   sequence: 1, eventType: 'invoice.issued', payload: { invoiceId: 'inv-0a1b2c3d', amountMinor: 5000000, currency: 'USD' },
 * });
 * ```
 */
export async function buildEvent(input: BuildEventInput): Promise<EventTx> {
  const issues = new Issues();
  checkKnownKeys(issues, input, KEYS);
  const timestamp = checkBase(issues, input, true);
  if (input.subjectType === 'QUID') checkQuid(issues, 'subjectId', input.subjectId);
  else if (input.subjectType === 'TITLE') {
    checkString(issues, 'subjectId', input.subjectId, {
      required: true,
      maxBytes: MAX_NAME_BYTES,
      pattern: ASSET_ID_RE,
      patternText: '[A-Za-z0-9._:-]',
    });
  } else issues.add('subjectType', 'must be "QUID" or "TITLE"');
  checkInt(issues, 'sequence', input.sequence, MIN_SEQUENCE);
  checkString(issues, 'eventType', input.eventType, { required: true, maxBytes: MAX_EVENT_TYPE_BYTES });
  checkString(issues, 'payloadCid', input.payloadCid, {
    pattern: CID_PATTERN,
    patternText: 'an IPFS CID (Qm… v0 or base32 b… v1)',
  });
  checkString(issues, 'previousEventId', input.previousEventId, {
    pattern: TRANSACTION_ID_PATTERN,
    patternText: 'a transaction ID (64 lowercase hex chars)',
  });
  const { payload } = input;
  let hasPayload = false;
  if (payload !== undefined && checkJsonObject(issues, 'payload', payload)) {
    hasPayload = Object.values(payload).some((v) => v !== undefined);
    const size = utf8Length(encodeGoJson(payload));
    if (size > MAX_PAYLOAD_BYTES)
      issues.add('payload', `must be at most ${MAX_PAYLOAD_BYTES} bytes as JSON, got ${size}`);
    const { expiresAt } = payload;
    if (expiresAt !== undefined && !(typeof expiresAt === 'number' && expiresAt >= MIN_NANOSECONDS)) {
      issues.add(
        'payload.expiresAt',
        'the node reads expiresAt as Unix NANOseconds and hides the event after it; rename the key or use nanoseconds',
      );
    }
  }
  if (!hasPayload && !input.payloadCid)
    issues.add('payload', 'a non-empty payload or a payloadCid is required');
  issues.throwIfAny();
  const tx: EventTx = {
    id: '',
    type: 'EVENT',
    trustDomain: input.trustDomain,
    timestamp,
    signature: '',
    publicKey: input.signer.publicKey,
    subjectId: input.subjectId,
    subjectType: input.subjectType,
    sequence: input.sequence,
    eventType: input.eventType,
  };
  if (hasPayload && payload) tx.payload = cloneJson(payload);
  if (input.payloadCid) tx.payloadCid = input.payloadCid;
  if (input.previousEventId) tx.previousEventId = input.previousEventId;
  return signChecked(tx, input.signer);
}
