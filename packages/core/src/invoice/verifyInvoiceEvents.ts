// Signed EVENT transactions of one invoice -> verified events a decision engine may read.
import { quidIdFromPublicKey } from '../wire/quidIdFromPublicKey.js';
import type { EventTx } from '../wire/types.js';
import { verifyTransaction } from '../wire/verifyTransaction.js';
import { checkEventSigner } from './checkEventSigner.js';
import { deriveInvoiceParties, type TitleOwner } from './InvoiceParties.js';
import { safeParseInvoiceEventPayload } from './parseInvoiceEventPayload.js';
import type { VerifiedInvoiceEvent } from './VerifiedInvoiceEvent.js';

/**
 * A verified event that also names the stream it was read from.
 *
 * @example
 * ```ts
 * const e: SubjectInvoiceEvent = { subjectId: 'inv-1', id: 'e1', eventType: 'carrier.shipped', signerQuid: 'cccccccccccccccc',
 *   sequence: 2, timestamp: 1_790_000_100, payload: { carrierQuid: 'cccccccccccccccc', billOfLading: 'BOL-1', shippedAt: 1_790_000_100 } };
 * ```
 */
export interface SubjectInvoiceEvent extends VerifiedInvoiceEvent {
  readonly subjectId: string;
}

/**
 * Why a transaction did not become an accepted event:
 * - `NOT_AN_EVENT`: not an EVENT transaction;
 * - `WRONG_SUBJECT`: an event of another stream (another invoice, or a quid's stream);
 * - `BAD_SIGNATURE`: the signature does not verify as the node checks it;
 * - `BAD_KEY`: the public key is not a P-256 point, so no signer quid can be derived;
 * - `NOT_ISSUED`: no valid `invoice.issued` by its supplier on the stream, so no role can be checked;
 * - `INVALID_PAYLOAD`, `UNKNOWN_EVENT_TYPE`, `SIGNER_NOT_AUTHORIZED`, `SIGNER_PAYLOAD_MISMATCH`:
 *   from core's payload schemas and {@link checkEventSigner}.
 *
 * @example
 * ```ts
 * const code: InvoiceEventRefusalCode = 'WRONG_SUBJECT';
 * ```
 */
export type InvoiceEventRefusalCode =
  | 'NOT_AN_EVENT'
  | 'WRONG_SUBJECT'
  | 'BAD_SIGNATURE'
  | 'BAD_KEY'
  | 'NOT_ISSUED'
  | 'INVALID_PAYLOAD'
  | 'UNKNOWN_EVENT_TYPE'
  | 'SIGNER_NOT_AUTHORIZED'
  | 'SIGNER_PAYLOAD_MISMATCH';

/**
 * A refused transaction. `event` is set when the transaction is genuinely signed and on this
 * invoice's stream (refused for its payload or its signer's role): it is evidence, e.g. a supplier
 * signing a carrier's delivery. Forged, unsigned or foreign transactions carry no event.
 *
 * @example
 * ```ts
 * for (const r of result.refused) console.warn(r.transactionId, r.code, r.message);
 * ```
 */
export interface InvoiceEventRefusal {
  readonly transactionId: string;
  readonly code: InvoiceEventRefusalCode;
  readonly message: string;
  readonly event?: SubjectInvoiceEvent;
}

/**
 * What {@link verifyInvoiceEvents} accepted (sorted by sequence, then id) and what it refused.
 *
 * @example
 * ```ts
 * const { events, refused } = verifyInvoiceEvents(txs, { invoiceId: 'inv-1' });
 * ```
 */
export interface InvoiceEventVerification {
  readonly events: readonly SubjectInvoiceEvent[];
  readonly refused: readonly InvoiceEventRefusal[];
}

/**
 * Options of {@link verifyInvoiceEvents}.
 *
 * @example
 * ```ts
 * const o: VerifyInvoiceEventsOptions = { invoiceId: 'inv-1', titleOwners: title.owners ?? [] };
 * ```
 */
export interface VerifyInvoiceEventsOptions {
  /** The invoice (its TITLE asset id): every event must be on this TITLE stream. */
  readonly invoiceId: string;
  /** Owners of the invoice's TITLE: carriers and financiers are owners with that stakeType. */
  readonly titleOwners?: readonly TitleOwner[];
}

function bySequence(a: SubjectInvoiceEvent, b: SubjectInvoiceEvent): number {
  if (a.sequence !== b.sequence) return a.sequence - b.sequence;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Turns signed EVENT transactions into verified events of one invoice, checking everything a
 * decision needs and trusting nothing the transaction merely claims: the event is on this
 * invoice's TITLE stream, its signature verifies exactly as the node checks it, the signer quid is
 * derived from the signing key (never read from the payload), the payload passes core's schema,
 * and the signer is the party entitled to that event ({@link checkEventSigner}, parties from the
 * stream's own `invoice.issued` and the title's owners). Pure and synchronous; never throws for
 * bad input. Accepted events are what a decision engine may count; refused ones that carry an
 * `event` are evidence only (pass them as `rejectedEvents` to `@quidfin/factoring`).
 *
 * @example
 * ```ts
 * const { events, refused } = verifyInvoiceEvents(streamTxs, { invoiceId: 'inv-1', titleOwners: title.owners ?? [] });
 * const decision = evaluateInvoice({ invoice, events, rejectedEvents: refused.flatMap((r) => (r.event ? [r.event] : [])), trust, policy, asOf });
 * ```
 */
export function verifyInvoiceEvents(
  transactions: readonly EventTx[],
  options: VerifyInvoiceEventsOptions,
): InvoiceEventVerification {
  const { invoiceId } = options;
  const refused: InvoiceEventRefusal[] = [];
  const genuine: SubjectInvoiceEvent[] = [];
  for (const tx of transactions) {
    const id = typeof tx?.id === 'string' ? tx.id : '';
    if (tx === null || typeof tx !== 'object' || tx.type !== 'EVENT') {
      refused.push({ transactionId: id, code: 'NOT_AN_EVENT', message: 'not an EVENT transaction' });
      continue;
    }
    if (tx.subjectType !== 'TITLE' || tx.subjectId !== invoiceId) {
      refused.push({
        transactionId: id,
        code: 'WRONG_SUBJECT',
        message: `event of ${String(tx.subjectType)} ${String(tx.subjectId)}, not of invoice ${invoiceId}`,
      });
      continue;
    }
    let signerQuid: string;
    try {
      signerQuid = quidIdFromPublicKey(tx.publicKey);
    } catch {
      refused.push({ transactionId: id, code: 'BAD_KEY', message: 'public key is not a P-256 point' });
      continue;
    }
    let ok = false;
    try {
      ok = verifyTransaction(tx);
    } catch {
      ok = false;
    }
    if (!ok) {
      refused.push({
        transactionId: id,
        code: 'BAD_SIGNATURE',
        message: `signature of ${String(tx.eventType)} #${String(tx.sequence)} does not verify`,
      });
      continue;
    }
    genuine.push({
      subjectId: invoiceId,
      id,
      eventType: tx.eventType,
      payload: tx.payload,
      signerQuid,
      sequence: tx.sequence,
      timestamp: tx.timestamp,
    });
  }
  genuine.sort(bySequence);

  // Payloads first: only valid events may establish the parties (supplier, buyer, carrier).
  const valid: SubjectInvoiceEvent[] = [];
  for (const event of genuine) {
    const parsed = safeParseInvoiceEventPayload(event.eventType, event.payload);
    if (
      parsed.ok &&
      parsed.event.eventType === 'invoice.issued' &&
      parsed.event.payload.invoiceId !== invoiceId
    ) {
      refused.push({
        transactionId: event.id,
        code: 'INVALID_PAYLOAD',
        message: `payload.invoiceId is ${parsed.event.payload.invoiceId}, not ${invoiceId}`,
        event,
      });
      continue;
    }
    if (parsed.ok) {
      valid.push(event);
      continue;
    }
    const unknownType = parsed.issues.some((i) => i.path === 'eventType');
    refused.push({
      transactionId: event.id,
      code: unknownType ? 'UNKNOWN_EVENT_TYPE' : 'INVALID_PAYLOAD',
      message: parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; '),
      event,
    });
  }
  const parties = deriveInvoiceParties(valid, options.titleOwners);
  const events: SubjectInvoiceEvent[] = [];
  for (const event of valid) {
    if (parties === undefined) {
      refused.push({
        transactionId: event.id,
        code: 'NOT_ISSUED',
        message: 'no valid invoice.issued signed by its supplier on this stream',
        event,
      });
      continue;
    }
    const check = checkEventSigner(event, parties);
    if (check.ok) events.push(event);
    else refused.push({ transactionId: event.id, code: check.code, message: check.message, event });
  }
  return { events, refused };
}
