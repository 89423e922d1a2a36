import type { CurrencyCode } from '../money/currencies.js';
import { encodeGoJson } from '../wire/encodeGoJson.js';
import { checkParsedEventSigner } from './checkEventSigner.js';
import type { InvoiceParties, TitleOwner } from './InvoiceParties.js';
import { holdsStake, partiesFromIssued } from './InvoiceParties.js';
import type { InvoiceState } from './InvoiceState.js';
import { safeParseInvoiceEventPayload } from './parseInvoiceEventPayload.js';
import type {
  BuyerAcknowledgedPayload,
  BuyerDisputedPayload,
  CarrierDeliveredPayload,
  CarrierShippedPayload,
  DisputeOutcome,
  FactorPurchasedPayload,
  FraudSignalPayload,
  InvoiceCreditedPayload,
  InvoiceEventPayload,
  InvoiceIssuedPayload,
  InvoiceSentPayload,
  PaymentReceivedPayload,
  PoMatchedPayload,
  PoMismatchPayload,
} from './payloadTypes.js';
import type { VerifiedInvoiceEvent } from './VerifiedInvoiceEvent.js';

/**
 * Why an event did not change the lifecycle. Signer codes come from {@link checkEventSigner}.
 *
 * @example
 * ```ts
 * const code: LifecycleViolationCode = 'PAYMENT_EXCEEDS_OPEN';
 * ```
 */
export type LifecycleViolationCode =
  | 'DUPLICATE_EVENT'
  | 'UNKNOWN_EVENT_TYPE'
  | 'INVALID_PAYLOAD'
  | 'SIGNER_NOT_AUTHORIZED'
  | 'SIGNER_PAYLOAD_MISMATCH'
  | 'PARTY_MISMATCH'
  | 'NOT_ISSUED'
  | 'ALREADY_ISSUED'
  | 'INVOICE_ID_MISMATCH'
  | 'DUE_BEFORE_ISSUE'
  | 'ALREADY_SHIPPED'
  | 'NOT_SHIPPED'
  | 'ALREADY_DELIVERED'
  | 'DELIVERED_BEFORE_SHIPPED'
  | 'ALREADY_ACKNOWLEDGED'
  | 'ACK_EXCEEDS_INVOICE'
  | 'ALREADY_SETTLED'
  | 'DUPLICATE_DISPUTE'
  | 'DISPUTE_EXCEEDS_OPEN'
  | 'DISPUTE_NOT_OPEN'
  | 'UNKNOWN_DISPUTE'
  | 'DUPLICATE_CREDIT_NOTE'
  | 'CREDIT_EXCEEDS_OPEN'
  | 'ALREADY_FACTORED'
  | 'DISPUTE_OPEN'
  | 'PURCHASE_EXCEEDS_OPEN'
  | 'ADVANCE_EXCEEDS_PRICE'
  | 'CURRENCY_MISMATCH'
  | 'DUPLICATE_PAYMENT'
  | 'PAYMENT_EXCEEDS_OPEN'
  | 'PO_REFERENCE_MISMATCH'
  | 'MATCH_EXCEEDS_INVOICE';

/**
 * Two different events the stream cannot tell apart by position: `EVENT_ID` when they share a
 * transaction id (the node's EVENT id covers neither payload nor signer), `SEQUENCE` when they
 * share a sequence number (the node accepts several pending events with one sequence, so two
 * financiers racing to buy the same invoice both land). Both events are still judged on their own
 * merits; the conflict is a flag for whoever acts on the invoice.
 *
 * @example
 * ```ts
 * const lifecycle = deriveInvoiceLifecycle(events);
 * for (const c of lifecycle.conflicts) console.warn(c.code, c.events.map((e) => `${e.eventType} by ${e.signerQuid}`));
 * ```
 */
export interface LifecycleConflict {
  readonly code: 'EVENT_ID_CONFLICT' | 'SEQUENCE_CONFLICT';
  /** The shared event id, or the shared sequence as a decimal string. */
  readonly key: string;
  readonly events: readonly {
    readonly eventId: string;
    readonly eventType: string;
    readonly signerQuid: string;
    readonly sequence: number;
  }[];
  readonly message: string;
}

/**
 * An event refused by the state machine: it is kept here, never silently dropped.
 *
 * @example
 * ```ts
 * const v: LifecycleViolation = { eventId: 'e7', eventType: 'carrier.delivered', code: 'NOT_SHIPPED', message: 'delivery before shipment' };
 * ```
 */
export interface LifecycleViolation {
  readonly eventId: string;
  readonly eventType: string;
  /** Who signed the refused event (event ids alone can collide). */
  readonly signerQuid?: string;
  readonly code: LifecycleViolationCode;
  readonly message: string;
}

/**
 * One accepted event and the state before and after it (equal when the event changes facts
 * but not the state, e.g. a partial credit note or a fraud signal).
 *
 * @example
 * ```ts
 * const t: LifecycleTransition = { eventId: 'e2', eventType: 'carrier.shipped', from: 'Issued', to: 'Shipped' };
 * ```
 */
export interface LifecycleTransition {
  readonly eventId: string;
  readonly eventType: string;
  readonly from: InvoiceState;
  readonly to: InvoiceState;
}

/**
 * Money totals of the invoice in minor units. `openMinor = invoiced - credited - paid`;
 * `disputedMinor` sums the disputes still open.
 *
 * @example
 * ```ts
 * const t: LifecycleTotals = { invoicedMinor: 1000, creditedMinor: 100, paidMinor: 400, openMinor: 500, disputedMinor: 0 };
 * ```
 */
export interface LifecycleTotals {
  readonly invoicedMinor: number;
  readonly creditedMinor: number;
  readonly paidMinor: number;
  readonly openMinor: number;
  readonly disputedMinor: number;
}

/** Where an accepted fact came from. */
interface Sourced {
  readonly eventId: string;
  readonly signerQuid: string;
}

/**
 * A dispute and how it stands.
 *
 * @example
 * ```ts
 * if (dispute.status === 'open') console.log(dispute.disputedAmountMinor);
 * ```
 */
export interface DisputeRecord extends BuyerDisputedPayload, Sourced {
  readonly status: 'open' | DisputeOutcome;
  readonly resolvedEventId?: string;
  readonly resolvedAt?: number;
  readonly creditNoteId?: string;
}

/**
 * One PO match verdict of the buyer (`po.matched` or `po.mismatch`); the latest one counts.
 *
 * @example
 * ```ts
 * const last = life.poMatches.at(-1);
 * if (last?.result === 'mismatch') console.log(last.reasons);
 * ```
 */
export type PoMatchRecord =
  | (PoMatchedPayload & Sourced & { readonly result: 'matched' })
  | (PoMismatchPayload & Sourced & { readonly result: 'mismatch' });

/**
 * The accepted facts of an invoice stream, each with the event that established it.
 *
 * @example
 * ```ts
 * const f = deriveInvoiceLifecycle(events).factored;
 * if (f) console.log(f.financierQuid, f.purchasePriceMinor);
 * ```
 */
export interface InvoiceLifecycle {
  readonly state: InvoiceState;
  readonly invoiceId: string | null;
  readonly currency: CurrencyCode | null;
  readonly issued: (InvoiceIssuedPayload & Sourced) | null;
  readonly parties: InvoiceParties | null;
  readonly history: readonly LifecycleTransition[];
  readonly violations: readonly LifecycleViolation[];
  /** Different events sharing an id or a sequence (see {@link LifecycleConflict}). */
  readonly conflicts: readonly LifecycleConflict[];
  readonly totals: LifecycleTotals;
  readonly shipment: (CarrierShippedPayload & Sourced) | null;
  readonly delivery: (CarrierDeliveredPayload & Sourced) | null;
  readonly acknowledgement: (BuyerAcknowledgedPayload & Sourced) | null;
  readonly factored: (FactorPurchasedPayload & Sourced) | null;
  readonly disputes: readonly DisputeRecord[];
  readonly credits: readonly (InvoiceCreditedPayload & Sourced)[];
  readonly payments: readonly (PaymentReceivedPayload & Sourced)[];
  readonly fraudSignals: readonly (FraudSignalPayload & Sourced & { readonly kind: string })[];
  /** Every `invoice.sent` (an invoice may be re-sent through another channel). */
  readonly sends: readonly (InvoiceSentPayload & Sourced)[];
  /** The buyer's PO match verdicts in stream order; the latest one decides `PoMatched`. */
  readonly poMatches: readonly PoMatchRecord[];
}

/**
 * Options of {@link deriveInvoiceLifecycle}.
 *
 * @example
 * ```ts
 * const options: LifecycleOptions = { invoiceId: title.assetId, titleOwners: title.owners ?? [] };
 * ```
 */
export interface LifecycleOptions {
  /** The title's assetId: `invoice.issued.invoiceId` must equal it. */
  readonly invoiceId?: string;
  /**
   * The title's current owners. With them, the supplier must be the owner with stakeType
   * "supplier", the buyer the one with "buyer", and carriers / financiers must be owners with
   * those stake types. Without them those checks fall back to "anyone but supplier and buyer".
   */
  readonly titleOwners?: readonly TitleOwner[];
  /**
   * The invoice's supplier as the title proves it: the issuer of its first valid version (core's
   * `checkTitleCustody`). With it, only that quid may sign `invoice.issued`, so a co-owner that
   * names itself supplier and lands first cannot take the invoice over.
   */
  readonly supplierQuid?: string;
  /** Check who signed each event (default true). Turn off only for data already checked. */
  readonly checkSigners?: boolean;
}

interface Acc {
  issued: (InvoiceIssuedPayload & Sourced) | null;
  parties: InvoiceParties | null;
  shipment: (CarrierShippedPayload & Sourced) | null;
  delivery: (CarrierDeliveredPayload & Sourced) | null;
  acknowledgement: (BuyerAcknowledgedPayload & Sourced) | null;
  factored: (FactorPurchasedPayload & Sourced) | null;
  disputes: DisputeRecord[];
  credits: (InvoiceCreditedPayload & Sourced)[];
  payments: (PaymentReceivedPayload & Sourced)[];
  fraudSignals: (FraudSignalPayload & Sourced & { readonly kind: string })[];
  sends: (InvoiceSentPayload & Sourced)[];
  poMatches: PoMatchRecord[];
  invoiced: number;
  credited: number;
  paid: number;
}

function openDisputed(acc: Acc): number {
  return acc.disputes.filter((d) => d.status === 'open').reduce((sum, d) => sum + d.disputedAmountMinor, 0);
}

function openAmount(acc: Acc): number {
  return acc.invoiced - acc.credited - acc.paid;
}

/** The state is a function of the accepted facts, by precedence (see the table below). */
function stateOf(acc: Acc): InvoiceState {
  if (!acc.issued) return 'Draft';
  if (acc.disputes.some((d) => d.status === 'open')) return 'Disputed';
  if (acc.credited >= acc.invoiced) return 'Credited';
  if (acc.paid + acc.credited >= acc.invoiced) {
    return acc.payments.every((p) => p.reconciled === true) ? 'Reconciled' : 'Paid';
  }
  if (acc.paid > 0) return 'PartiallyPaid';
  if (acc.factored) return 'Factored';
  if (acc.poMatches.at(-1)?.result === 'matched') return 'PoMatched';
  if (acc.acknowledgement) return 'Acknowledged';
  if (acc.delivery) return 'Delivered';
  if (acc.shipment) return 'Shipped';
  if (acc.sends.length > 0) return 'Sent';
  return 'Issued';
}

type Refusal = readonly [LifecycleViolationCode, string];

/**
 * Applies one parsed event to the accumulator, or says why it may not be applied. Pure with
 * respect to everything but `acc`, which it only changes when it returns `undefined`.
 */
function apply(
  acc: Acc,
  parsed: InvoiceEventPayload,
  source: Sourced,
  options: LifecycleOptions,
): Refusal | undefined {
  const settled = acc.issued !== null && acc.paid + acc.credited >= acc.invoiced;
  switch (parsed.eventType) {
    case 'invoice.issued': {
      const p = parsed.payload;
      if (acc.issued) return ['ALREADY_ISSUED', `invoice already issued by event ${acc.issued.eventId}`];
      if (options.invoiceId !== undefined && p.invoiceId !== options.invoiceId) {
        return [
          'INVOICE_ID_MISMATCH',
          `payload.invoiceId ${p.invoiceId} is not the title's assetId ${options.invoiceId}`,
        ];
      }
      if (p.dueAt < p.issuedAt)
        return ['DUE_BEFORE_ISSUE', `payload.dueAt ${p.dueAt} is before payload.issuedAt ${p.issuedAt}`];
      acc.issued = { ...p, ...source };
      acc.invoiced = p.amountMinor;
      acc.parties = partiesFromIssued(p, options.titleOwners);
      return undefined;
    }
    case 'carrier.shipped':
      if (acc.shipment) return ['ALREADY_SHIPPED', `already shipped by event ${acc.shipment.eventId}`];
      acc.shipment = { ...parsed.payload, ...source };
      if (acc.parties) acc.parties = { ...acc.parties, shippingCarrierQuid: source.signerQuid };
      return undefined;
    case 'carrier.delivered': {
      const p = parsed.payload;
      if (!acc.shipment) return ['NOT_SHIPPED', 'delivery reported before any carrier.shipped'];
      if (acc.delivery) return ['ALREADY_DELIVERED', `already delivered by event ${acc.delivery.eventId}`];
      if (p.deliveredAt < acc.shipment.shippedAt) {
        return [
          'DELIVERED_BEFORE_SHIPPED',
          `payload.deliveredAt ${p.deliveredAt} is before shippedAt ${acc.shipment.shippedAt}`,
        ];
      }
      acc.delivery = { ...p, ...source };
      return undefined;
    }
    case 'buyer.acknowledged': {
      const p = parsed.payload;
      if (acc.acknowledgement)
        return ['ALREADY_ACKNOWLEDGED', `already acknowledged by event ${acc.acknowledgement.eventId}`];
      if (settled) return ['ALREADY_SETTLED', 'acknowledgement after the invoice was fully paid or credited'];
      if (p.acknowledgedAmountMinor > acc.invoiced - acc.credited) {
        return [
          'ACK_EXCEEDS_INVOICE',
          `acknowledged ${p.acknowledgedAmountMinor} exceeds the invoiced amount net of credits ${acc.invoiced - acc.credited}`,
        ];
      }
      acc.acknowledgement = { ...p, ...source };
      return undefined;
    }
    case 'buyer.disputed': {
      const p = parsed.payload;
      if (acc.disputes.some((d) => d.disputeId === p.disputeId))
        return ['DUPLICATE_DISPUTE', `dispute ${p.disputeId} already exists`];
      if (settled) return ['ALREADY_SETTLED', 'dispute after the invoice was fully paid or credited'];
      const room = openAmount(acc) - openDisputed(acc);
      if (p.disputedAmountMinor > room) {
        return [
          'DISPUTE_EXCEEDS_OPEN',
          `disputed ${p.disputedAmountMinor} exceeds the undisputed open amount ${room}`,
        ];
      }
      acc.disputes = [...acc.disputes, { ...p, ...source, status: 'open' }];
      return undefined;
    }
    case 'dispute.resolved': {
      const p = parsed.payload;
      const index = acc.disputes.findIndex((d) => d.disputeId === p.disputeId);
      const dispute = acc.disputes[index];
      if (!dispute) return ['UNKNOWN_DISPUTE', `no dispute ${p.disputeId} on this invoice`];
      if (dispute.status !== 'open')
        return ['DISPUTE_NOT_OPEN', `dispute ${p.disputeId} was already ${dispute.status}`];
      const resolved: DisputeRecord = {
        ...dispute,
        status: p.outcome,
        resolvedEventId: source.eventId,
        resolvedAt: p.resolvedAt,
        ...(p.creditNoteId !== undefined ? { creditNoteId: p.creditNoteId } : {}),
      };
      acc.disputes = acc.disputes.map((d, i) => (i === index ? resolved : d));
      return undefined;
    }
    case 'invoice.credited': {
      const p = parsed.payload;
      if (acc.credits.some((c) => c.creditNoteId === p.creditNoteId)) {
        return ['DUPLICATE_CREDIT_NOTE', `credit note ${p.creditNoteId} already applied`];
      }
      if (p.disputeId !== undefined && !acc.disputes.some((d) => d.disputeId === p.disputeId)) {
        return ['UNKNOWN_DISPUTE', `payload.disputeId ${p.disputeId} names no dispute on this invoice`];
      }
      if (p.amountMinor > openAmount(acc)) {
        return ['CREDIT_EXCEEDS_OPEN', `credit ${p.amountMinor} exceeds the open amount ${openAmount(acc)}`];
      }
      acc.credits = [...acc.credits, { ...p, ...source }];
      acc.credited += p.amountMinor;
      return undefined;
    }
    case 'factor.purchased': {
      const p = parsed.payload;
      if (acc.factored)
        return [
          'ALREADY_FACTORED',
          `already purchased by ${acc.factored.financierQuid} in event ${acc.factored.eventId}`,
        ];
      if (settled) return ['ALREADY_SETTLED', 'purchase after the invoice was fully paid or credited'];
      if (acc.disputes.some((d) => d.status === 'open'))
        return ['DISPUTE_OPEN', 'purchase while a dispute is open'];
      if (p.purchasePriceMinor > openAmount(acc)) {
        return [
          'PURCHASE_EXCEEDS_OPEN',
          `purchase price ${p.purchasePriceMinor} exceeds the open amount ${openAmount(acc)}`,
        ];
      }
      if (p.advanceMinor !== undefined && p.advanceMinor > p.purchasePriceMinor) {
        return [
          'ADVANCE_EXCEEDS_PRICE',
          `advance ${p.advanceMinor} exceeds the purchase price ${p.purchasePriceMinor}`,
        ];
      }
      acc.factored = { ...p, ...source };
      if (acc.parties) acc.parties = { ...acc.parties, purchasingFinancierQuid: source.signerQuid };
      return undefined;
    }
    case 'payment.received': {
      const p = parsed.payload;
      const currency = acc.issued?.currency;
      if (p.currency !== currency)
        return ['CURRENCY_MISMATCH', `payment in ${p.currency} on an invoice in ${currency}`];
      if (acc.payments.some((x) => x.paymentId === p.paymentId && x.allocationId === p.allocationId)) {
        return ['DUPLICATE_PAYMENT', `payment ${p.paymentId} allocation ${p.allocationId} already recorded`];
      }
      if (p.amountMinor > openAmount(acc)) {
        return [
          'PAYMENT_EXCEEDS_OPEN',
          `payment ${p.amountMinor} exceeds the open amount ${openAmount(acc)}`,
        ];
      }
      acc.payments = [...acc.payments, { ...p, ...source }];
      acc.paid += p.amountMinor;
      return undefined;
    }
    case 'invoice.sent':
      acc.sends = [...acc.sends, { ...parsed.payload, ...source }];
      return undefined;
    case 'po.matched':
    case 'po.mismatch': {
      const p = parsed.payload;
      const po = acc.issued?.poReference;
      // The buyer matches against the PO the invoice quotes; a verdict on another PO says
      // nothing about this invoice.
      if (po !== undefined && p.poNumber !== po)
        return [
          'PO_REFERENCE_MISMATCH',
          `payload.poNumber ${p.poNumber} is not the invoice's poReference ${po}`,
        ];
      if (settled)
        return ['ALREADY_SETTLED', `${parsed.eventType} after the invoice was fully paid or credited`];
      if (parsed.eventType === 'po.matched') {
        const net = acc.invoiced - acc.credited;
        if (parsed.payload.matchedAmountMinor > net)
          return [
            'MATCH_EXCEEDS_INVOICE',
            `matched ${parsed.payload.matchedAmountMinor} exceeds the invoiced amount net of credits ${net}`,
          ];
        acc.poMatches = [...acc.poMatches, { ...parsed.payload, ...source, result: 'matched' }];
      } else acc.poMatches = [...acc.poMatches, { ...parsed.payload, ...source, result: 'mismatch' }];
      return undefined;
    }
    default:
      acc.fraudSignals = [...acc.fraudSignals, { ...parsed.payload, ...source, kind: parsed.kind }];
      return undefined;
  }
}

function ownerCheck(
  parsed: InvoiceEventPayload,
  owners: readonly TitleOwner[] | undefined,
): Refusal | undefined {
  if (parsed.eventType !== 'invoice.issued' || !owners) return undefined;
  const has = (quid: string, stake: string) => holdsStake(owners, quid, stake);
  if (!has(parsed.payload.supplierQuid, 'supplier')) {
    return [
      'PARTY_MISMATCH',
      `payload.supplierQuid ${parsed.payload.supplierQuid} is not the title owner with stakeType "supplier"`,
    ];
  }
  if (!has(parsed.payload.buyerQuid, 'buyer')) {
    return [
      'PARTY_MISMATCH',
      `payload.buyerQuid ${parsed.payload.buyerQuid} is not a title owner with stakeType "buyer"`,
    ];
  }
  return undefined;
}

function payloadText(event: VerifiedInvoiceEvent): string | undefined {
  try {
    return event.payload === undefined ? '' : encodeGoJson(event.payload, { loneSurrogates: 'replace' });
  } catch {
    return undefined;
  }
}

/**
 * The same event seen twice: same id, signer and type, and the same payload (a re-signed or
 * high-s twin is still the same event); the signature decides only when a payload cannot be
 * written.
 */
function sameEvent(a: VerifiedInvoiceEvent, b: VerifiedInvoiceEvent): boolean {
  if (a.id !== b.id || a.signerQuid !== b.signerQuid || a.eventType !== b.eventType) return false;
  const [ta, tb] = [payloadText(a), payloadText(b)];
  if (ta !== undefined && tb !== undefined) return ta === tb;
  return a.signature !== undefined && a.signature.toLowerCase() === b.signature?.toLowerCase();
}

/**
 * Derives an invoice's lifecycle from the verified events of its TITLE stream, in stream
 * order. A pure function: the same events (and options) always give the same result.
 *
 * Every accepted event is a transition in `history`; every refused event is a `violation`
 * (with a code and a message) and changes nothing. Nothing is silently ignored: events of
 * other domains are `UNKNOWN_EVENT_TYPE` violations. Only a true repeat (same id, signer, type
 * and payload) is a `DUPLICATE_EVENT`; different events sharing an id or a sequence are all
 * judged and reported in `conflicts`, so a colliding event can never push out the genuine one.
 *
 * Guards (violation code when broken), checked after the payload schema and, unless
 * `checkSigners: false`, the signer rules of {@link checkEventSigner}:
 *
 * | event | allowed when | refused with |
 * |---|---|---|
 * | `invoice.issued` | first issue; invoiceId = title assetId; dueAt >= issuedAt | ALREADY_ISSUED, INVOICE_ID_MISMATCH, DUE_BEFORE_ISSUE, PARTY_MISMATCH |
 * | any other | after `invoice.issued` | NOT_ISSUED |
 * | `carrier.shipped` | not shipped yet | ALREADY_SHIPPED |
 * | `carrier.delivered` | shipped, not delivered, deliveredAt >= shippedAt | NOT_SHIPPED, ALREADY_DELIVERED, DELIVERED_BEFORE_SHIPPED |
 * | `buyer.acknowledged` | once, not settled, amount <= invoiced - credited | ALREADY_ACKNOWLEDGED, ALREADY_SETTLED, ACK_EXCEEDS_INVOICE |
 * | `buyer.disputed` | new disputeId, not settled, amount <= undisputed open amount | DUPLICATE_DISPUTE, ALREADY_SETTLED, DISPUTE_EXCEEDS_OPEN |
 * | `dispute.resolved` | the dispute exists and is open | UNKNOWN_DISPUTE, DISPUTE_NOT_OPEN |
 * | `invoice.credited` | new creditNoteId, known disputeId, amount <= open | DUPLICATE_CREDIT_NOTE, UNKNOWN_DISPUTE, CREDIT_EXCEEDS_OPEN |
 * | `factor.purchased` | first purchase, not settled, no open dispute, price <= open, advance <= price | ALREADY_FACTORED, ALREADY_SETTLED, DISPUTE_OPEN, PURCHASE_EXCEEDS_OPEN, ADVANCE_EXCEEDS_PRICE |
 * | `payment.received` | invoice currency, new (paymentId, allocationId), amount <= open | CURRENCY_MISMATCH, DUPLICATE_PAYMENT, PAYMENT_EXCEEDS_OPEN |
 * | `invoice.sent` | always after issue (re-sends are recorded in `sends`) | |
 * | `po.matched` | poNumber = the invoice's poReference (when it has one), not settled, matched <= invoiced - credited | PO_REFERENCE_MISMATCH, ALREADY_SETTLED, MATCH_EXCEEDS_INVOICE |
 * | `po.mismatch` | poNumber = the invoice's poReference (when it has one), not settled | PO_REFERENCE_MISMATCH, ALREADY_SETTLED |
 * | `fraud.signal.*` | always (recorded in `fraudSignals`) | |
 *
 * "Settled" means paid + credited >= invoiced. The state is then read from the accepted
 * facts, first match wins, which is why resolving the last open dispute returns the invoice to
 * the state it would have without the dispute (including payments made meanwhile):
 *
 * | state | when |
 * |---|---|
 * | Draft | no `invoice.issued` yet |
 * | Disputed | a dispute is open |
 * | Credited | credited >= invoiced (fully credited) |
 * | Reconciled | paid + credited >= invoiced and every payment has `reconciled: true` |
 * | Paid | paid + credited >= invoiced |
 * | PartiallyPaid | paid > 0 |
 * | Factored | purchased by a financier |
 * | PoMatched | the buyer's latest PO verdict is `po.matched` (a later `po.mismatch` undoes it) |
 * | Acknowledged | acknowledged by the buyer |
 * | Delivered | delivered by the shipping carrier |
 * | Shipped | shipped |
 * | Sent | sent to the buyer's channel (`invoice.sent`) |
 * | Issued | otherwise |
 *
 * @example
 * ```ts
 * const life = deriveInvoiceLifecycle(events, { invoiceId: title.assetId, titleOwners: title.owners ?? [] });
 * console.log(life.state, life.totals.openMinor);
 * for (const v of life.violations) console.warn(v.eventId, v.code, v.message);
 * ```
 */
export function deriveInvoiceLifecycle(
  events: readonly VerifiedInvoiceEvent[],
  options: LifecycleOptions = {},
): InvoiceLifecycle {
  const acc: Acc = {
    issued: null,
    parties: null,
    shipment: null,
    delivery: null,
    acknowledgement: null,
    factored: null,
    disputes: [],
    credits: [],
    payments: [],
    fraudSignals: [],
    sends: [],
    poMatches: [],
    invoiced: 0,
    credited: 0,
    paid: 0,
  };
  const history: LifecycleTransition[] = [];
  const violations: LifecycleViolation[] = [];
  const byId = new Map<string, VerifiedInvoiceEvent[]>();
  const bySequence = new Map<number, VerifiedInvoiceEvent[]>();
  const conflicts = new Map<
    string,
    { code: LifecycleConflict['code']; key: string; events: VerifiedInvoiceEvent[] }
  >();
  const conflict = (
    code: LifecycleConflict['code'],
    key: string,
    earlier: readonly VerifiedInvoiceEvent[],
    event: VerifiedInvoiceEvent,
  ) => {
    const entry = conflicts.get(`${code}:${key}`) ?? { code, key, events: [...earlier] };
    entry.events.push(event);
    conflicts.set(`${code}:${key}`, entry);
  };
  const checkSigners = options.checkSigners ?? true;

  for (const event of events) {
    const refuse = ([code, message]: Refusal) => {
      violations.push({
        eventId: event.id,
        eventType: event.eventType,
        signerQuid: event.signerQuid,
        code,
        message,
      });
    };
    // The EVENT id covers neither payload nor signer: only a true repeat is a duplicate; a
    // different event under the same id is a conflict and is still judged on its own.
    const sameId = byId.get(event.id) ?? [];
    if (sameId.some((e) => sameEvent(e, event))) {
      refuse(['DUPLICATE_EVENT', `event ${event.id} appears twice in the stream`]);
      continue;
    }
    if (sameId.length > 0) conflict('EVENT_ID_CONFLICT', event.id, sameId, event);
    byId.set(event.id, [...sameId, event]);
    const sameSequence = (bySequence.get(event.sequence) ?? []).filter((e) => e.id !== event.id);
    if (sameSequence.length > 0) conflict('SEQUENCE_CONFLICT', String(event.sequence), sameSequence, event);
    bySequence.set(event.sequence, [...(bySequence.get(event.sequence) ?? []), event]);
    const result = safeParseInvoiceEventPayload(event.eventType, event.payload);
    if (!result.ok) {
      const unknown = result.issues[0]?.path === 'eventType';
      refuse([
        unknown ? 'UNKNOWN_EVENT_TYPE' : 'INVALID_PAYLOAD',
        result.issues.map((i) => `${i.path}: ${i.message}`).join('; '),
      ]);
      continue;
    }
    const parsed = result.event;
    if (parsed.eventType !== 'invoice.issued' && !acc.issued) {
      refuse(['NOT_ISSUED', `${event.eventType} before invoice.issued`]);
      continue;
    }
    // Refusals that need no signer knowledge come first (a second issue, a delivery before any
    // shipment names the carrier that could sign it).
    const structural =
      (parsed.eventType === 'invoice.issued' && acc.issued) ||
      (parsed.eventType === 'carrier.delivered' && !acc.shipment);
    if (
      checkSigners &&
      parsed.eventType === 'invoice.issued' &&
      options.supplierQuid !== undefined &&
      event.signerQuid !== options.supplierQuid
    ) {
      refuse([
        'SIGNER_NOT_AUTHORIZED',
        `invoice.issued must be signed by the title's first issuer ${options.supplierQuid}, not ${event.signerQuid}`,
      ]);
      continue;
    }
    if (checkSigners && !structural) {
      const parties =
        acc.parties ??
        (parsed.eventType === 'invoice.issued'
          ? partiesFromIssued(parsed.payload, options.titleOwners)
          : null);
      const signer = parties
        ? checkParsedEventSigner(parsed, event.signerQuid, parties)
        : ({ ok: true } as const);
      if (!signer.ok) {
        refuse([signer.code, signer.message]);
        continue;
      }
      const owner = ownerCheck(parsed, options.titleOwners);
      if (owner) {
        refuse(owner);
        continue;
      }
    }
    const from = stateOf(acc);
    const refusal = apply(acc, parsed, { eventId: event.id, signerQuid: event.signerQuid }, options);
    if (refusal) {
      refuse(refusal);
      continue;
    }
    history.push({ eventId: event.id, eventType: event.eventType, from, to: stateOf(acc) });
  }

  return {
    state: stateOf(acc),
    invoiceId: acc.issued?.invoiceId ?? null,
    currency: acc.issued?.currency ?? null,
    issued: acc.issued,
    parties: acc.parties,
    history,
    violations,
    conflicts: [...conflicts.values()].map(({ code, key, events: list }) => ({
      code,
      key,
      events: list.map((e) => ({
        eventId: e.id,
        eventType: e.eventType,
        signerQuid: e.signerQuid,
        sequence: e.sequence,
      })),
      message:
        code === 'EVENT_ID_CONFLICT'
          ? `${list.length} different events share id ${key}`
          : `${list.length} different events share sequence ${key}`,
    })),
    totals: {
      invoicedMinor: acc.invoiced,
      creditedMinor: acc.credited,
      paidMinor: acc.paid,
      openMinor: openAmount(acc),
      disputedMinor: openDisputed(acc),
    },
    shipment: acc.shipment,
    delivery: acc.delivery,
    acknowledgement: acc.acknowledgement,
    factored: acc.factored,
    disputes: acc.disputes,
    credits: acc.credits,
    payments: acc.payments,
    fraudSignals: acc.fraudSignals,
    sends: acc.sends,
    poMatches: acc.poMatches,
  };
}
