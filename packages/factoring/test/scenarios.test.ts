// Labelled scenario suite for the standard policy: one row per fraud check and underwriting rule,
// plus false-positive traps (legitimate invoices that look like fraud). Each row states the
// expected outcome and the reason codes that must (and must not) appear.
import { describe, expect, it } from 'vitest';
import {
  type BuyerHistory,
  type DecisionOutcome,
  evaluateInvoice,
  type FactoringDecision,
  type InvoiceFingerprintRecord,
  type InvoiceInput,
  type PolicyOverrides,
  type Portfolio,
  ReasonCode,
  type ReasonCodeValue,
  standardPolicy,
  type TrustReading,
  trustSourceFromRecord,
  type VerifiedEvent,
  verificationTasks,
} from '../src/index.js';
import { AS_OF, DAY, type Deal, deal, NOW, OWNERS, viaBureau } from './fixtures.js';

type Label = 'fraud' | 'trap' | 'underwriting';

interface Scenario {
  name: string;
  label: Label;
  check: string;
  invoice?: Partial<InvoiceInput>;
  dealOpts?: Parameters<typeof deal>[1];
  events?: (d: Deal) => VerifiedEvent[];
  trust?: Record<string, number | TrustReading | undefined>;
  portfolio?: Portfolio;
  history?: BuyerHistory;
  policy?: PolicyOverrides;
  asOf?: number;
  outcome: DecisionOutcome;
  has?: ReasonCodeValue[];
  hasNot?: ReasonCodeValue[];
  extra?: (d: FactoringDecision) => void;
}

const BASE_TRUST: Record<string, number | TrustReading> = {
  a0a0a0a0a0a0a0a0: viaBureau('a0a0a0a0a0a0a0a0', 0.85),
  b0b0b0b0b0b0b0b0: viaBureau('b0b0b0b0b0b0b0b0', 0.9),
  c0c0c0c0c0c0c0c0: { level: 0.7, observedAt: NOW, pathLength: 1 },
  f1f1f1f1f1f1f1f1: 0.8,
};
const BASE_PORTFOLIO: Portfolio = { buyerLimitMinor: { b0b0b0b0b0b0b0b0: 50_000_000 } };

function known(over: Partial<InvoiceFingerprintRecord>): InvoiceFingerprintRecord {
  return {
    invoiceId: 'inv-old',
    invoiceNumber: 'INV-2026-0100',
    supplierQuid: 'a0a0a0a0a0a0a0a0',
    buyerQuid: 'b0b0b0b0b0b0b0b0',
    amountMinor: 5_000_000,
    issuedAt: NOW,
    ...over,
  };
}

function add(...extra: VerifiedEvent[]): (d: Deal) => VerifiedEvent[] {
  return (d) => [...d.events, ...extra];
}

// Fields the contract requires that a row does not care about (a row's own fields win).
const REQUIRED: Record<string, Record<string, string | number>> = {
  'factor.purchased': { factoredAt: NOW + 5 * DAY },
  'buyer.disputed': { reason: 'x', disputedAt: NOW + 5 * DAY },
  'dispute.resolved': { resolvedAt: NOW + 5 * DAY },
  'invoice.credited': { reason: 'x', creditedAt: NOW + 5 * DAY },
  'payment.received': { currency: 'USD', receivedAt: NOW + 5 * DAY },
};

let sequence = 10;

/** An extra event on the deal's stream (invoice inv-100), at the next free sequence. */
function e(
  id: string,
  eventType: string,
  signer: string,
  payload: Record<string, string | number>,
): VerifiedEvent {
  const required = eventType.startsWith('fraud.signal.')
    ? { reportedAt: NOW + 5 * DAY }
    : REQUIRED[eventType];
  return {
    subjectId: 'inv-100',
    id,
    eventType,
    signerQuid: signer,
    sequence: sequence++,
    timestamp: NOW + 5 * DAY,
    payload: { ...required, ...payload },
  };
}

function replace(index: number, patch: Partial<VerifiedEvent>): (d: Deal) => VerifiedEvent[] {
  return (d) => d.events.map((x, i) => (i === index ? { ...x, ...patch } : x));
}

function history(
  n: number,
  disputed: number,
  daysLate: (i: number) => number,
  dilutedEach = 0,
): BuyerHistory {
  return {
    records: Array.from({ length: n }, (_, i) => ({
      dueAt: NOW - 200 * DAY + i * DAY,
      paidAt: NOW - 200 * DAY + i * DAY + daysLate(i) * DAY,
      amountMinor: 1_000_000,
      disputed: i < disputed,
      dilutedMinor: dilutedEach,
    })),
  };
}

export const SCENARIOS: Scenario[] = [
  // ---- baseline
  {
    name: 'clean invoice approves',
    label: 'trap',
    check: 'baseline',
    outcome: 'approve',
    hasNot: ['STALE_TRUST'],
  },

  // ---- signer-role binding
  {
    name: 'supplier forges its own delivery',
    label: 'fraud',
    check: 'signer-roles',
    events: replace(2, { signerQuid: 'a0a0a0a0a0a0a0a0' }),
    outcome: 'reject',
    has: ['SUPPLIER_FORGED_ATTESTATION', 'DELIVERY_MISSING'],
  },
  {
    name: 'supplier signs the buyer acknowledgement',
    label: 'fraud',
    check: 'signer-roles',
    events: replace(3, { signerQuid: 'a0a0a0a0a0a0a0a0' }),
    outcome: 'reject',
    has: ['SUPPLIER_FORGED_ATTESTATION', 'ACK_MISSING'],
  },
  {
    name: 'acknowledgement signed by the carrier does not count',
    label: 'fraud',
    check: 'signer-roles',
    events: replace(3, { signerQuid: 'c0c0c0c0c0c0c0c0' }),
    outcome: 'review',
    has: ['SIGNER_MISMATCH', 'ACK_MISSING'],
    hasNot: ['SUPPLIER_FORGED_ATTESTATION'],
  },
  {
    name: 'delivery by a carrier other than the one that shipped',
    label: 'fraud',
    check: 'signer-roles',
    events: replace(2, {
      signerQuid: 'c1c1c1c1c1c1c1c1',
      payload: { carrierQuid: 'c1c1c1c1c1c1c1c1', deliveryProof: 'POD-x', deliveredAt: NOW + 3 * DAY },
    }),
    outcome: 'review',
    has: ['SIGNER_MISMATCH', 'DELIVERY_MISSING'],
  },
  {
    name: 'factor.purchased signed by the buyer is not a purchase',
    label: 'trap',
    check: 'double-factoring',
    events: add(
      e('x-fp', 'factor.purchased', 'b0b0b0b0b0b0b0b0', {
        financierQuid: 'b0b0b0b0b0b0b0b0',
        purchasePriceMinor: 1,
      }),
    ),
    outcome: 'review',
    has: ['SIGNER_MISMATCH'],
    hasNot: ['DOUBLE_FACTORED', 'INVALID_EVENT_PAYLOAD'],
  },

  // ---- double factoring
  {
    name: 'another financier already purchased the invoice',
    label: 'fraud',
    check: 'double-factoring',
    events: add(
      e('x-fp', 'factor.purchased', 'f1f1f1f1f1f1f1f1', {
        financierQuid: 'f1f1f1f1f1f1f1f1',
        purchasePriceMinor: 4_800_000,
        factoredAt: NOW,
      }),
    ),
    outcome: 'reject',
    has: ['DOUBLE_FACTORED'],
  },

  // ---- duplicates across streams
  {
    name: 'same invoice re-submitted under a new id with a reformatted number',
    label: 'fraud',
    check: 'duplicate-exact',
    portfolio: { ...BASE_PORTFOLIO, knownInvoices: [known({ invoiceNumber: 'inv 2026/00100' })] },
    outcome: 'reject',
    has: ['DUPLICATE_EXACT'],
  },
  {
    name: 're-dated copy with the amount nudged by 0.5 %',
    label: 'fraud',
    check: 'duplicate-fuzzy',
    portfolio: {
      ...BASE_PORTFOLIO,
      knownInvoices: [known({ issuedAt: NOW - 10 * DAY, amountMinor: 4_975_000 })],
    },
    outcome: 'review',
    has: ['DUPLICATE_FUZZY'],
    hasNot: ['DUPLICATE_EXACT'],
  },
  {
    name: 'number with a suffix added, same amount',
    label: 'fraud',
    check: 'duplicate-fuzzy',
    portfolio: {
      ...BASE_PORTFOLIO,
      knownInvoices: [known({ invoiceNumber: 'INV-2026-0100-A', issuedAt: NOW - 3 * DAY })],
    },
    outcome: 'review',
    has: ['DUPLICATE_FUZZY'],
  },
  {
    name: 'same bill of lading on an invoice of the same day: one shipment, two receivables, held',
    label: 'fraud',
    check: 'duplicate-document',
    portfolio: {
      ...BASE_PORTFOLIO,
      knownInvoices: [
        known({ invoiceNumber: 'INV-2026-0077', amountMinor: 3_000_000, documentRefs: ['BOL-inv-100'] }),
      ],
    },
    outcome: 'review',
    has: ['SHARED_SHIPPING_DOCUMENT'],
    hasNot: ['DUPLICATE_SOFT_MATCH'],
  },
  {
    name: 'a number containing a known one, same day, another amount: soft match, advance cut',
    label: 'fraud',
    check: 'duplicate-soft',
    portfolio: {
      ...BASE_PORTFOLIO,
      knownInvoices: [known({ invoiceNumber: 'INV-2026-0100-R', amountMinor: 3_000_000 })],
    },
    outcome: 'approve',
    has: ['DUPLICATE_SOFT_MATCH'],
    extra: (d) => expect(d.offer?.advanceRateBps).toBe(8_000),
  },
  {
    name: 'monthly recurring invoice, same amount and blanket PO, next number',
    label: 'trap',
    check: 'duplicate-fuzzy',
    portfolio: {
      ...BASE_PORTFOLIO,
      knownInvoices: [known({ invoiceNumber: 'INV-2026-0099', issuedAt: NOW - 30 * DAY })],
    },
    outcome: 'approve',
    hasNot: ['DUPLICATE_FUZZY', 'DUPLICATE_SOFT_MATCH', 'DUPLICATE_EXACT'],
  },
  {
    name: 'two same-day orders for the same amount with different numbers',
    label: 'trap',
    check: 'duplicate-fuzzy',
    portfolio: { ...BASE_PORTFOLIO, knownInvoices: [known({ invoiceNumber: 'INV-2026-0101' })] },
    outcome: 'approve',
    hasNot: ['DUPLICATE_FUZZY', 'DUPLICATE_SOFT_MATCH', 'DUPLICATE_EXACT'],
  },
  {
    name: 'same invoice number from a different supplier',
    label: 'trap',
    check: 'duplicate-exact',
    portfolio: { ...BASE_PORTFOLIO, knownInvoices: [known({ supplierQuid: 'a0b0a0b0a0b0a0b0' })] },
    outcome: 'approve',
    hasNot: ['DUPLICATE_EXACT', 'DUPLICATE_FUZZY'],
  },

  // ---- fraud signals weighted by reporter trust
  {
    name: 'high-severity signal from a well-trusted co-owner vetoes',
    label: 'fraud',
    check: 'fraud-signals',
    events: add(
      e('x-fs', 'fraud.signal.invoice-forged', 'f1f1f1f1f1f1f1f1', {
        reporterQuid: 'f1f1f1f1f1f1f1f1',
        evidence: 'PO reused',
        severity: 'high',
        reportedAt: NOW,
      }),
    ),
    outcome: 'reject',
    has: ['FRAUD_SIGNAL'],
  },
  {
    name: 'double financing reported by a co-owner trusted at the decisive level rejects, severity unstated',
    label: 'fraud',
    check: 'fraud-signals',
    trust: { f1f1f1f1f1f1f1f1: 0.5 },
    events: add(
      e('x-fs', 'fraud.signal.double-financing', 'f1f1f1f1f1f1f1f1', {
        reporterQuid: 'f1f1f1f1f1f1f1f1',
        evidence: 'seen elsewhere',
        reportedAt: NOW,
      }),
    ),
    outcome: 'reject',
    has: ['FRAUD_SIGNAL'],
  },
  {
    name: 'a high signal of a minor kind from a moderately trusted co-owner goes to review',
    label: 'fraud',
    check: 'fraud-signals',
    trust: { f1f1f1f1f1f1f1f1: 0.5 },
    events: add(
      e('x-fs', 'fraud.signal.unusual-terms', 'f1f1f1f1f1f1f1f1', {
        reporterQuid: 'f1f1f1f1f1f1f1f1',
        evidence: 'terms changed after issue',
        severity: 'high',
        reportedAt: NOW,
      }),
    ),
    outcome: 'review',
    has: ['FRAUD_SIGNAL_REVIEW'],
  },
  {
    name: 'low-severity signal from a half-trusted reporter is only noted',
    label: 'fraud',
    check: 'fraud-signals',
    trust: { f1f1f1f1f1f1f1f1: 0.5 },
    events: add(
      e('x-fs', 'fraud.signal.round-amount', 'f1f1f1f1f1f1f1f1', {
        reporterQuid: 'f1f1f1f1f1f1f1f1',
        evidence: 'round',
        severity: 'low',
        reportedAt: NOW,
      }),
    ),
    outcome: 'approve',
    has: ['WEAK_FRAUD_SIGNAL'],
  },
  {
    name: 'competitor with no trust path cries fraud',
    label: 'trap',
    check: 'fraud-signals',
    // Read, with no path (as ledger.trustReading returns a stranger); never read is held instead.
    trust: { f0f0f0f0f0f0f0f0: { level: 0, pathLength: 0 } },
    events: add(
      e('x-fs', 'fraud.signal.invoice-forged', 'f0f0f0f0f0f0f0f0', {
        reporterQuid: 'f0f0f0f0f0f0f0f0',
        evidence: 'trust me',
        severity: 'high',
        reportedAt: NOW,
      }),
    ),
    outcome: 'approve',
    has: ['UNTRUSTED_REPORTER_IGNORED'],
    hasNot: ['FRAUD_SIGNAL', 'FRAUD_SIGNAL_REVIEW'],
  },
  {
    name: 'competitor never read (no reading in the trust source) cries fraud: held for the reading',
    label: 'underwriting',
    check: 'fraud-signals',
    events: add(
      e('x-fs', 'fraud.signal.invoice-forged', 'f0f0f0f0f0f0f0f0', {
        reporterQuid: 'f0f0f0f0f0f0f0f0',
        evidence: 'trust me',
        severity: 'high',
        reportedAt: NOW,
      }),
    ),
    outcome: 'pending',
    has: ['REPORTER_TRUST_MISSING'],
    hasNot: ['UNTRUSTED_REPORTER_IGNORED', 'FRAUD_SIGNAL'],
  },
  {
    name: 'fraud signal from a party not on the title does not count',
    label: 'fraud',
    check: 'fraud-signals',
    trust: { outsider: 1 },
    events: add(
      e('x-fs', 'fraud.signal.invoice-forged', '0123456789abcdef', {
        reporterQuid: '0123456789abcdef',
        evidence: 'x',
        severity: 'high',
        reportedAt: NOW,
      }),
    ),
    outcome: 'review',
    has: ['SIGNER_MISMATCH'],
    hasNot: ['FRAUD_SIGNAL'],
  },

  // ---- acknowledged amount
  {
    name: 'buyer acknowledges 20 % less than invoiced (inflated invoice)',
    label: 'fraud',
    check: 'ack-amount',
    dealOpts: { ackAmount: 4_000_000 },
    outcome: 'review',
    has: ['ACK_AMOUNT_MISMATCH'],
    extra: (d) => expect(d.offer?.eligibleMinor).toBe(4_000_000),
  },
  {
    name: 'buyer acknowledges more than invoiced',
    label: 'fraud',
    check: 'ack-amount',
    dealOpts: { ackAmount: 5_500_000 },
    outcome: 'review',
    has: ['ACK_AMOUNT_MISMATCH'],
  },
  {
    name: 'buyer acknowledges 1 % less (short-ship within tolerance): haircut only',
    label: 'trap',
    check: 'ack-amount',
    dealOpts: { ackAmount: 4_950_000 },
    outcome: 'approve',
    has: ['ACK_SHORTFALL'],
    hasNot: ['ACK_AMOUNT_MISMATCH'],
    extra: (d) => expect(d.offer?.eligibleMinor).toBe(4_950_000),
  },

  // ---- logistics
  {
    name: 'delivered two days before it was shipped',
    label: 'fraud',
    check: 'logistics',
    dealOpts: { shippedAt: NOW + 3 * DAY, deliveredAt: NOW + DAY },
    outcome: 'reject',
    has: ['DELIVERY_BEFORE_SHIPMENT'],
  },
  {
    name: 'buyer acknowledged goods two days before they were delivered',
    label: 'fraud',
    check: 'logistics',
    dealOpts: { deliveredAt: NOW + 6 * DAY, ackAt: NOW + 4 * DAY },
    outcome: 'review',
    has: ['DELIVERY_AFTER_ACKNOWLEDGEMENT'],
  },
  {
    name: 'courier delivery stamped 30 minutes before the shipment clock (skew)',
    label: 'trap',
    check: 'logistics',
    dealOpts: { shippedAt: NOW + DAY, deliveredAt: NOW + DAY - 1_800, ackAt: NOW + DAY },
    outcome: 'approve',
    hasNot: ['DELIVERY_BEFORE_SHIPMENT', 'DELIVERY_AFTER_ACKNOWLEDGEMENT'],
  },

  // ---- trust paths and freshness
  {
    name: 'carrier with no trust path',
    label: 'fraud',
    check: 'trust-paths',
    trust: { c0c0c0c0c0c0c0c0: undefined },
    outcome: 'review',
    has: ['CARRIER_NO_TRUST_PATH'],
  },
  {
    name: 'buyer with no trust path (look-alike debtor)',
    label: 'fraud',
    check: 'trust-paths',
    trust: { b0b0b0b0b0b0b0b0: undefined },
    outcome: 'reject',
    has: ['BUYER_NO_TRUST_PATH', 'BUYER_TRUST_LOW'],
  },
  {
    name: 'bureau trust 200 days old: stale, advance cut and PD inflated',
    label: 'underwriting',
    check: 'trust-freshness',
    trust: {
      b0b0b0b0b0b0b0b0: viaBureau('b0b0b0b0b0b0b0b0', 0.9, NOW - 200 * DAY),
    },
    outcome: 'approve',
    has: ['STALE_TRUST'],
    extra: (d) => {
      expect(d.offer?.advanceRateBps).toBe(8_500);
      expect(d.offer?.risk?.pdAnnualBps).toBeGreaterThan(20);
    },
  },
  {
    name: 'due 20 days after issue under NET-60 terms: priced to the terms and held (pre-invoicing sign)',
    label: 'fraud',
    check: 'terms',
    invoice: { dueAt: NOW + 20 * DAY, terms: 'NET-60' },
    outcome: 'review',
    has: ['DUE_DATE_BEFORE_TERMS'],
  },
  {
    name: 'net 30 from delivery, nothing delivered yet (delivery not required): pending, not priced from issue',
    label: 'underwriting',
    check: 'terms',
    invoice: { dueAt: NOW + 30 * DAY, terms: 'net 30 from delivery' },
    events: (d) => d.events.filter((e) => e.eventType !== 'carrier.delivered'),
    policy: { requireDelivery: false },
    outcome: 'pending',
    has: ['TERMS_START_UNKNOWN'],
  },
  {
    name: 'payment terms of several thousand characters: not read, held for review',
    label: 'fraud',
    check: 'terms',
    invoice: { terms: `Net 30 ${'conditions apply '.repeat(150)}` },
    outcome: 'review',
    has: ['TERMS_TOO_LONG'],
  },
  {
    name: 'cash-in-advance terms on an open invoice: held for review',
    label: 'underwriting',
    check: 'terms',
    invoice: { terms: 'CIA' },
    outcome: 'review',
    has: ['CASH_TERMS'],
  },
  {
    name: 'a 50 % deposit in the terms: that half is paid up front, not eligible (not a discount)',
    label: 'underwriting',
    check: 'early-payment-discount',
    invoice: { terms: '50% deposit, balance net 60' },
    outcome: 'approve',
    has: ['TERMS_DEPOSIT'],
    extra: (d) => expect(d.offer?.eligibleMinor).toBe(2_500_000),
  },
  {
    name: 'the terms offer an early-payment discount at no stated rate: held for review',
    label: 'underwriting',
    check: 'early-payment-discount',
    invoice: { terms: 'Net 60, Skonto nach Vereinbarung' },
    outcome: 'review',
    has: ['DISCOUNT_RATE_UNKNOWN'],
  },
  {
    name: 'the terms state days in words the engine does not read, and no net days: held for review',
    label: 'underwriting',
    check: 'terms',
    invoice: { terms: 'zweitausend Tage netto' },
    outcome: 'review',
    has: ['TERMS_DAYS_UNREAD'],
  },
  {
    name: 'the terms give a discount window and no net period, and the due date is before the customary net date: held for review',
    label: 'underwriting',
    check: 'terms',
    invoice: { terms: '2% within 10 days', dueAt: NOW + 20 * DAY },
    outcome: 'review',
    has: ['TERMS_NET_UNSTATED'],
  },
  {
    name: 'the buyer acknowledged the invoice 40 days before its stated issue date (re-dated)',
    label: 'fraud',
    check: 'logistics',
    dealOpts: { shippedAt: NOW - 45 * DAY, deliveredAt: NOW - 42 * DAY, ackAt: NOW - 40 * DAY },
    outcome: 'review',
    has: ['ACK_BEFORE_ISSUE'],
  },
  {
    name: "the buyer's reading runs through another quid but names no path (whose word cannot be told)",
    label: 'fraud',
    check: 'trust-paths',
    trust: { b0b0b0b0b0b0b0b0: { level: 0.9, observedAt: NOW, pathLength: 2 } },
    outcome: 'pending',
    has: ['TRUST_PATH_UNKNOWN'],
  },
  {
    name: 'the buyer is trusted through the supplier alone (a friend posing as the debtor)',
    label: 'fraud',
    check: 'trust-paths',
    trust: {
      b0b0b0b0b0b0b0b0: {
        level: 0.9,
        observedAt: NOW,
        pathLength: 2,
        path: ['f9f9f9f9f9f9f9f9', 'a0a0a0a0a0a0a0a0', 'b0b0b0b0b0b0b0b0'],
      },
    },
    outcome: 'review',
    has: ['BUYER_TRUST_VIA_SUPPLIER'],
  },
  {
    name: 'the carrier that attests delivery is trusted through the supplier alone',
    label: 'fraud',
    check: 'trust-paths',
    trust: {
      c0c0c0c0c0c0c0c0: {
        level: 0.7,
        observedAt: NOW,
        pathLength: 2,
        path: ['f9f9f9f9f9f9f9f9', 'a0a0a0a0a0a0a0a0', 'c0c0c0c0c0c0c0c0'],
      },
    },
    outcome: 'review',
    has: ['CARRIER_TRUST_VIA_SUPPLIER'],
  },
  {
    name: 'first invoice to a debtor the financier never dealt with, funded only on the default limit',
    label: 'fraud',
    check: 'limits',
    policy: { defaultBuyerLimitMinor: 50_000_000 },
    portfolio: { facilityLimitMinor: 1_000_000_000 },
    outcome: 'review',
    has: ['NEW_DEBTOR'],
  },
  {
    name: 'an invoice number of separators only: no copy check can read it',
    label: 'fraud',
    check: 'duplicates',
    invoice: { invoiceNumber: '--' },
    outcome: 'review',
    has: ['INVOICE_NUMBER_UNREADABLE'],
  },
  {
    name: 'buyer trust read over a year ago: too old to price, the invoice waits for a new reading',
    label: 'underwriting',
    check: 'trust-freshness',
    trust: {
      b0b0b0b0b0b0b0b0: viaBureau('b0b0b0b0b0b0b0b0', 0.9, NOW - 400 * DAY),
    },
    outcome: 'pending',
    has: ['TRUST_TOO_OLD'],
  },
  {
    name: 'a flat fee of 10 % beside a 10 % reserve: the advance is cut to the purchase price',
    label: 'underwriting',
    check: 'pricing',
    policy: { fee: { kind: 'flat', rateBps: 1_000 } },
    outcome: 'approve',
    has: ['FEE_ABOVE_RESERVE'],
    extra: (d) => expect(d.offer?.advanceMinor).toBe(d.offer?.purchasePriceMinor),
  },
  {
    name: 'buyer trust with no date: its age is unknown, so the invoice waits for a dated reading',
    label: 'underwriting',
    check: 'trust-freshness',
    trust: {
      b0b0b0b0b0b0b0b0: {
        level: 0.9,
        pathLength: 2,
        path: ['f9f9f9f9f9f9f9f9', 'e9e9e9e9e9e9e9e9', 'b0b0b0b0b0b0b0b0'],
      },
    },
    outcome: 'pending',
    has: ['TRUST_UNDATED'],
  },
  {
    name: 'bureau trust past its validUntil',
    label: 'underwriting',
    check: 'trust-freshness',
    trust: {
      b0b0b0b0b0b0b0b0: {
        level: 0.9,
        observedAt: NOW,
        validUntil: NOW + DAY,
        pathLength: 2,
        path: ['f9f9f9f9f9f9f9f9', 'e9e9e9e9e9e9e9e9', 'b0b0b0b0b0b0b0b0'],
      },
    },
    // An expired reading counts as none, exactly like a node that skipped the expired edge.
    outcome: 'reject',
    has: ['TRUST_EXPIRED', 'BUYER_NO_TRUST_PATH', 'BUYER_TRUST_LOW'],
  },
  {
    name: 'low buyer trust',
    label: 'underwriting',
    check: 'trust-thresholds',
    trust: { b0b0b0b0b0b0b0b0: { level: 0.3, observedAt: NOW, pathLength: 1 } },
    outcome: 'reject',
    has: ['BUYER_TRUST_LOW'],
  },
  {
    name: 'low supplier trust',
    label: 'underwriting',
    check: 'trust-thresholds',
    trust: { a0a0a0a0a0a0a0a0: { level: 0.2, observedAt: NOW, pathLength: 1 } },
    outcome: 'reject',
    has: ['SUPPLIER_TRUST_LOW'],
  },

  // ---- buyer dispute rate
  {
    name: 'buyer disputed 3 of its last 10 invoices',
    label: 'underwriting',
    check: 'dispute-rate',
    history: history(10, 3, () => 2),
    outcome: 'review',
    has: ['BUYER_DISPUTE_RATE_HIGH'],
  },
  {
    name: 'one dispute in a two-invoice history is not judged',
    label: 'trap',
    check: 'dispute-rate',
    history: history(2, 1, () => 0),
    outcome: 'approve',
    hasNot: ['BUYER_DISPUTE_RATE_HIGH'],
  },
  {
    name: 'thin history of disputes: a buyer that disputed all four of its invoices is held, not approved for want of a fifth',
    label: 'fraud',
    check: 'dispute-rate',
    history: history(4, 4, () => 0),
    outcome: 'review',
    has: ['BUYER_DISPUTE_RATE_HIGH'],
  },
  {
    name: 'thin history of disputes: two disputes in two invoices is held',
    label: 'fraud',
    check: 'dispute-rate',
    history: history(2, 2, () => 0),
    outcome: 'review',
    has: ['BUYER_DISPUTE_RATE_HIGH'],
  },
  {
    name: 'thin history of disputes: one dispute in two invoices that is most of their money is held (the money share counts)',
    label: 'fraud',
    check: 'dispute-rate',
    history: {
      records: [
        { dueAt: NOW - 200 * DAY, paidAt: NOW - 200 * DAY, amountMinor: 9_000_000, disputed: true },
        { dueAt: NOW - 199 * DAY, paidAt: NOW - 199 * DAY, amountMinor: 1_000_000, disputed: false },
      ],
    },
    outcome: 'review',
    has: ['BUYER_DISPUTE_RATE_HIGH'],
  },
  {
    name: "a buyer's single invoice on record, disputed, is too thin to judge",
    label: 'trap',
    check: 'dispute-rate',
    history: history(1, 1, () => 0),
    outcome: 'approve',
    hasNot: ['BUYER_DISPUTE_RATE_HIGH'],
  },
  {
    name: 'one dispute in four invoices is too thin to judge',
    label: 'trap',
    check: 'dispute-rate',
    history: history(4, 1, () => 0),
    outcome: 'approve',
    hasNot: ['BUYER_DISPUTE_RATE_HIGH'],
  },

  // ---- title
  {
    name: 'title transferred: a financier now holds the largest stake',
    label: 'fraud',
    check: 'title',
    invoice: {
      titleOwners: [
        { ownerId: 'a0a0a0a0a0a0a0a0', percentage: 0.02, stakeType: 'supplier' },
        { ownerId: 'f1f1f1f1f1f1f1f1', percentage: 0.92, stakeType: 'financier' },
        ...OWNERS.slice(1, 4),
      ],
    },
    outcome: 'reject',
    has: ['TITLE_NOT_OWNED_BY_SUPPLIER'],
  },
  {
    name: 'supplier dropped from the title',
    label: 'fraud',
    check: 'title',
    invoice: {
      titleOwners: [
        ...OWNERS.slice(1, 4),
        { ownerId: 'f1f1f1f1f1f1f1f1', percentage: 0.94, stakeType: 'financier' },
      ],
    },
    outcome: 'reject',
    has: ['TITLE_NOT_OWNED_BY_SUPPLIER'],
  },
  {
    name: 'title not passed: it may already be sold, so the invoice waits for it',
    label: 'fraud',
    check: 'title',
    // Spread over the fixture's title by deal(): the invoice goes in with no title.
    invoice: { titleOwners: undefined } as unknown as Partial<InvoiceInput>,
    outcome: 'pending',
    has: ['TITLE_UNKNOWN'],
  },
  {
    name: "the title's buyer stake held by a quid that is not the invoice's buyer",
    label: 'fraud',
    check: 'title',
    invoice: {
      titleOwners: [
        { ownerId: 'a0a0a0a0a0a0a0a0', percentage: 0.94, stakeType: 'supplier' },
        { ownerId: 'e0e0e0e0e0e0e0e0', percentage: 0.02, stakeType: 'buyer' },
        ...OWNERS.slice(2, 4),
      ],
    },
    outcome: 'review',
    has: ['TITLE_ROLE_MISMATCH'],
  },
  {
    name: "another financier holds 47 % of the title beside the supplier's 51 %",
    label: 'fraud',
    check: 'title',
    invoice: {
      titleOwners: [
        { ownerId: 'a0a0a0a0a0a0a0a0', percentage: 0.51, stakeType: 'supplier' },
        { ownerId: 'b0b0b0b0b0b0b0b0', percentage: 0.02, stakeType: 'buyer' },
        { ownerId: 'f1f1f1f1f1f1f1f1', percentage: 0.47, stakeType: 'financier' },
      ],
    },
    outcome: 'review',
    has: ['TITLE_SHARED'],
  },

  // ---- parties and dates
  {
    name: 'supplier invoices itself',
    label: 'fraud',
    check: 'self-dealing',
    invoice: { buyerQuid: 'a0a0a0a0a0a0a0a0' },
    trust: { a0a0a0a0a0a0a0a0: { level: 0.85, observedAt: NOW, pathLength: 1 } },
    outcome: 'reject',
    has: ['SUPPLIER_IS_BUYER'],
  },
  {
    name: 'supplier and buyer in one group of the book: an intra-group sale',
    label: 'fraud',
    check: 'self-dealing',
    portfolio: {
      ...BASE_PORTFOLIO,
      buyerGroup: { a0a0a0a0a0a0a0a0: 'GROUP-ACME', b0b0b0b0b0b0b0b0: 'GROUP-ACME' },
    },
    outcome: 'reject',
    has: ['RELATED_PARTY'],
    hasNot: ['SUPPLIER_IS_BUYER'],
  },
  {
    name: 'invoice dated after the decision (future receivable)',
    label: 'fraud',
    check: 'future-dated',
    asOf: NOW - DAY,
    // Readings the financier held on that date (a reading observed later is refused as input).
    trust: {
      a0a0a0a0a0a0a0a0: viaBureau('a0a0a0a0a0a0a0a0', 0.85, NOW - 2 * DAY),
      b0b0b0b0b0b0b0b0: viaBureau('b0b0b0b0b0b0b0b0', 0.9, NOW - 2 * DAY),
      c0c0c0c0c0c0c0c0: { level: 0.7, observedAt: NOW - 2 * DAY, pathLength: 1 },
    },
    outcome: 'reject',
    has: ['ISSUED_AFTER_DECISION_DATE'],
  },
  {
    name: 'invoice due 30 years after issue: the fee would take it all',
    label: 'underwriting',
    check: 'tenor',
    invoice: { dueAt: NOW + 30 * 365 * DAY, terms: 'NET-10950' },
    outcome: 'reject',
    has: ['TENOR_TOO_LONG'],
  },
  {
    name: 'invoice due in 180 days from the decision date (the longest tenor the standard policy funds)',
    label: 'trap',
    check: 'tenor',
    invoice: { dueAt: AS_OF + 180 * DAY, terms: 'NET-187' },
    outcome: 'approve',
    hasNot: ['TENOR_TOO_LONG'],
  },
  {
    name: 'a flat fee of 100 % leaves nothing to pay for the invoice',
    label: 'underwriting',
    check: 'pricing',
    policy: { fee: { kind: 'flat', rateBps: 10_000 } },
    outcome: 'reject',
    has: ['PRICE_NOT_POSITIVE'],
  },
  {
    name: 'zero-amount invoice',
    label: 'underwriting',
    check: 'invoice-valid',
    invoice: { amountMinor: 0 },
    dealOpts: { ackAmount: 0 },
    outcome: 'reject',
    has: ['INVALID_INVOICE'],
  },

  // ---- eligibility
  {
    name: 'invoice 100 days old',
    label: 'underwriting',
    check: 'ageing',
    asOf: NOW + 100 * DAY,
    outcome: 'reject',
    has: ['AGED_OVER_CUTOFF'],
  },
  {
    name: 'NET-10 invoice 75 days past due',
    label: 'underwriting',
    check: 'past-due',
    invoice: { dueAt: NOW + 10 * DAY },
    asOf: NOW + 85 * DAY,
    outcome: 'reject',
    has: ['PAST_DUE_CUTOFF'],
    hasNot: ['AGED_OVER_CUTOFF'],
  },
  {
    name: "60 % of the buyer's balance is over 90 days",
    label: 'underwriting',
    check: 'cross-aging',
    portfolio: {
      ...BASE_PORTFOLIO,
      buyerAging: { b0b0b0b0b0b0b0b0: { openMinor: 10_000_000, over90Minor: 6_000_000 } },
    },
    outcome: 'reject',
    has: ['CROSS_AGED_DEBTOR'],
  },
  {
    name: '40 % over 90 days stays under the 50 % cross-age line',
    label: 'trap',
    check: 'cross-aging',
    portfolio: {
      ...BASE_PORTFOLIO,
      buyerAging: { b0b0b0b0b0b0b0b0: { openMinor: 10_000_000, over90Minor: 4_000_000 } },
    },
    outcome: 'approve',
    hasNot: ['CROSS_AGED_DEBTOR'],
  },
  {
    name: 'open dispute on 1,000,000 of the invoice',
    label: 'underwriting',
    check: 'disputes',
    events: add(
      e('x-d', 'buyer.disputed', 'b0b0b0b0b0b0b0b0', {
        buyerQuid: 'b0b0b0b0b0b0b0b0',
        disputeId: 'd1',
        disputedAmountMinor: 1_000_000,
        reason: 'damaged',
        disputedAt: NOW,
      }),
    ),
    outcome: 'pending',
    has: ['DISPUTE_OPEN'],
    hasNot: ['DISPUTED_AMOUNT_INELIGIBLE'],
    extra: (d) => expect(d.offer).toBeNull(),
  },
  {
    name: "open dispute under openDisputes: 'haircut' (asset-based lending) funds the rest",
    label: 'underwriting',
    check: 'disputes',
    policy: { openDisputes: 'haircut' },
    events: add(
      e('x-d', 'buyer.disputed', 'b0b0b0b0b0b0b0b0', {
        buyerQuid: 'b0b0b0b0b0b0b0b0',
        disputeId: 'd1',
        disputedAmountMinor: 1_000_000,
        reason: 'damaged',
        disputedAt: NOW,
      }),
    ),
    outcome: 'approve',
    has: ['DISPUTED_AMOUNT_INELIGIBLE'],
    extra: (d) => expect(d.offer?.eligibleMinor).toBe(4_000_000),
  },
  {
    name: 'dispute withdrawn by the buyer',
    label: 'trap',
    check: 'disputes',
    events: add(
      e('x-d', 'buyer.disputed', 'b0b0b0b0b0b0b0b0', {
        buyerQuid: 'b0b0b0b0b0b0b0b0',
        disputeId: 'd1',
        disputedAmountMinor: 1_000_000,
        reason: 'x',
        disputedAt: NOW,
      }),
      e('x-r', 'dispute.resolved', 'b0b0b0b0b0b0b0b0', {
        disputeId: 'd1',
        outcome: 'withdrawn',
        resolvedAt: NOW + DAY,
      }),
    ),
    outcome: 'approve',
    hasNot: ['DISPUTED_AMOUNT_INELIGIBLE'],
    extra: (d) => expect(d.offer?.eligibleMinor).toBe(5_000_000),
  },
  {
    name: 'the whole invoice is disputed',
    label: 'underwriting',
    check: 'disputes',
    events: add(
      e('x-d', 'buyer.disputed', 'b0b0b0b0b0b0b0b0', {
        buyerQuid: 'b0b0b0b0b0b0b0b0',
        disputeId: 'd1',
        disputedAmountMinor: 5_000_000,
        reason: 'x',
        disputedAt: NOW,
      }),
    ),
    outcome: 'reject',
    has: ['FULLY_DISPUTED'],
  },
  {
    name: 'credit note for the full amount',
    label: 'underwriting',
    check: 'credits',
    events: add(
      e('x-c', 'invoice.credited', 'a0a0a0a0a0a0a0a0', {
        creditNoteId: 'cn1',
        amountMinor: 5_000_000,
        reason: 'x',
        creditedAt: NOW,
      }),
    ),
    outcome: 'reject',
    has: ['FULLY_CREDITED'],
  },
  {
    name: 'partial credit note',
    label: 'underwriting',
    check: 'credits',
    events: add(
      e('x-c', 'invoice.credited', 'a0a0a0a0a0a0a0a0', {
        creditNoteId: 'cn1',
        amountMinor: 500_000,
        reason: 'x',
        creditedAt: NOW,
      }),
    ),
    outcome: 'approve',
    has: ['CREDIT_NOTE_APPLIED'],
    hasNot: ['ACK_AMOUNT_MISMATCH'],
    extra: (d) => expect(d.offer?.eligibleMinor).toBe(4_500_000),
  },
  {
    name: 'already paid in full',
    label: 'underwriting',
    check: 'payments',
    events: add(
      e('x-p', 'payment.received', 'a0a0a0a0a0a0a0a0', {
        paymentId: 'p1',
        allocationId: 'a1',
        amountMinor: 5_000_000,
        currency: 'USD',
        receivedAt: NOW,
      }),
    ),
    outcome: 'reject',
    has: ['ALREADY_PAID'],
  },
  {
    name: 'partly paid',
    label: 'underwriting',
    check: 'payments',
    events: add(
      e('x-p', 'payment.received', 'a0a0a0a0a0a0a0a0', {
        paymentId: 'p1',
        allocationId: 'a1',
        amountMinor: 2_000_000,
        currency: 'USD',
        receivedAt: NOW,
      }),
    ),
    outcome: 'approve',
    has: ['PARTIALLY_PAID'],
    extra: (d) => expect(d.offer?.eligibleMinor).toBe(3_000_000),
  },

  // ---- concentration and limits
  {
    name: "the buyer's group has no room left under its own limit (reject mode)",
    label: 'underwriting',
    check: 'limits',
    portfolio: {
      ...BASE_PORTFOLIO,
      buyerGroup: { b0b0b0b0b0b0b0b0: 'GROUP-MEGA' },
      groupLimitMinor: { 'GROUP-MEGA': 10_000_000 },
      groupExposureMinor: { 'GROUP-MEGA': 9_000_000 },
    },
    policy: { limitMode: 'reject' },
    outcome: 'reject',
    has: ['GROUP_LIMIT_EXCEEDED'],
  },
  {
    name: 'the buyer also sells to the supplier in the book: what the supplier owes it is ineligible (contra)',
    label: 'underwriting',
    check: 'concentration',
    portfolio: {
      ...BASE_PORTFOLIO,
      supplierLedger: {
        b0b0b0b0b0b0b0b0: { totalOpenMinor: 1_000_000, byBuyerOpenMinor: { a0a0a0a0a0a0a0a0: 1_000_000 } },
      },
    },
    outcome: 'approve',
    has: ['CONTRA_HAIRCUT'],
    extra: (d) => expect(d.offer?.eligibleMinor).toBe(4_000_000),
  },
  {
    name: "the buyer sells to the supplier in the book's euros, the invoice is in dollars: not netted, held (contra in another currency)",
    label: 'underwriting',
    check: 'concentration',
    portfolio: {
      ...BASE_PORTFOLIO,
      currency: 'EUR',
      supplierLedger: {
        b0b0b0b0b0b0b0b0: { totalOpenMinor: 1_000_000, byBuyerOpenMinor: { a0a0a0a0a0a0a0a0: 1_000_000 } },
      },
    },
    outcome: 'review',
    has: ['CONTRA_CURRENCY_MISMATCH', 'CURRENCY_NOT_BOOK'],
    extra: (d) =>
      expect(d.offer?.haircuts ?? []).not.toContainEqual(expect.objectContaining({ code: 'CONTRA_HAIRCUT' })),
  },
  {
    name: "an invoice in dollars against a book kept in euros: not checked against the book's limits, held",
    label: 'underwriting',
    check: 'limits',
    portfolio: { ...BASE_PORTFOLIO, currency: 'EUR' },
    outcome: 'review',
    has: ['CURRENCY_NOT_BOOK'],
  },
  {
    name: 'concentration cap trims the eligible amount',
    label: 'underwriting',
    check: 'concentration',
    portfolio: {
      ...BASE_PORTFOLIO,
      supplierLedger: {
        a0a0a0a0a0a0a0a0: { totalOpenMinor: 10_000_000, byBuyerOpenMinor: { b0b0b0b0b0b0b0b0: 2_000_000 } },
      },
    },
    outcome: 'approve',
    has: ['CONCENTRATION_HAIRCUT'],
    extra: (d) => expect(d.offer?.eligibleMinor).toBe(1_750_000),
  },
  {
    name: 'buyer already over its concentration share',
    label: 'underwriting',
    check: 'concentration',
    portfolio: {
      ...BASE_PORTFOLIO,
      supplierLedger: {
        a0a0a0a0a0a0a0a0: { totalOpenMinor: 10_000_000, byBuyerOpenMinor: { b0b0b0b0b0b0b0b0: 5_000_000 } },
      },
    },
    outcome: 'reject',
    has: ['CONCENTRATION_EXCEEDED'],
  },
  {
    name: 'buyer limit leaves room for part of the advance',
    label: 'underwriting',
    check: 'buyer-limit',
    portfolio: {
      buyerLimitMinor: { b0b0b0b0b0b0b0b0: 10_000_000 },
      buyerExposureMinor: { b0b0b0b0b0b0b0b0: 8_000_000 },
    },
    outcome: 'approve',
    has: ['LIMIT_HAIRCUT'],
    extra: (d) => {
      expect(d.offer?.advanceMinor).toBeLessThanOrEqual(2_000_000);
      expect(d.limits?.buyer.afterMinor).toBeLessThanOrEqual(10_000_000);
    },
  },
  {
    name: 'buyer limit exhausted across other suppliers',
    label: 'underwriting',
    check: 'buyer-limit',
    portfolio: {
      buyerLimitMinor: { b0b0b0b0b0b0b0b0: 10_000_000 },
      buyerExposureMinor: { b0b0b0b0b0b0b0b0: 10_000_000 },
    },
    outcome: 'reject',
    has: ['BUYER_LIMIT_EXCEEDED'],
  },
  {
    name: "limitMode 'reject' refuses a partial fit",
    label: 'underwriting',
    check: 'buyer-limit',
    policy: { limitMode: 'reject' },
    portfolio: {
      buyerLimitMinor: { b0b0b0b0b0b0b0b0: 10_000_000 },
      buyerExposureMinor: { b0b0b0b0b0b0b0b0: 8_000_000 },
    },
    outcome: 'reject',
    has: ['BUYER_LIMIT_EXCEEDED'],
  },
  {
    name: 'supplier (client) limit exhausted',
    label: 'underwriting',
    check: 'supplier-limit',
    portfolio: {
      ...BASE_PORTFOLIO,
      supplierLimitMinor: { a0a0a0a0a0a0a0a0: 1_000_000 },
      supplierExposureMinor: { a0a0a0a0a0a0a0a0: 1_000_000 },
    },
    outcome: 'reject',
    has: ['SUPPLIER_LIMIT_EXCEEDED'],
  },
  {
    name: 'facility limit exhausted',
    label: 'underwriting',
    check: 'facility-limit',
    portfolio: { ...BASE_PORTFOLIO, facilityLimitMinor: 100_000_000, totalExposureMinor: 100_000_000 },
    outcome: 'reject',
    has: ['FACILITY_LIMIT_EXCEEDED'],
  },

  // ---- stream integrity (issue #11 findings 1 and 3, #18 double-factoring race)
  {
    name: "another invoice's acknowledgement replayed on this stream",
    label: 'fraud',
    check: 'stream-integrity',
    events: (d) => [
      ...d.events.slice(0, 3),
      { ...(d.events[3] as VerifiedEvent), id: 'other-e4', subjectId: 'inv-other' },
    ],
    outcome: 'reject',
    has: ['EVENT_SUBJECT_MISMATCH', 'ACK_MISSING'],
  },
  {
    name: 'an event read without its subject does not count',
    label: 'underwriting',
    check: 'stream-integrity',
    events: (d) => d.events.map((x, i) => (i === 3 ? { ...x, subjectId: undefined } : x)) as VerifiedEvent[],
    outcome: 'review',
    has: ['EVENT_SUBJECT_MISSING', 'ACK_MISSING'],
  },
  {
    name: 'a credit note with a negative amount breaks the contract and counts for nothing',
    label: 'fraud',
    check: 'stream-integrity',
    events: add(
      e('x-c', 'invoice.credited', 'a0a0a0a0a0a0a0a0', { creditNoteId: 'cn1', amountMinor: -2_000_000 }),
    ),
    outcome: 'review',
    has: ['INVALID_EVENT_PAYLOAD'],
    hasNot: ['CREDIT_NOTE_APPLIED'],
  },
  {
    name: 'a payment in another currency is not money for this invoice',
    label: 'underwriting',
    check: 'stream-integrity',
    events: add(
      e('x-p', 'payment.received', 'a0a0a0a0a0a0a0a0', {
        paymentId: 'p1',
        allocationId: 'a1',
        amountMinor: 2_000_000,
        currency: 'EUR',
      }),
    ),
    outcome: 'review',
    has: ['PAYMENT_CURRENCY_MISMATCH'],
    hasNot: ['PARTIALLY_PAID'],
  },
  {
    name: 'two financiers commit factor.purchased at one sequence (double-factoring race)',
    label: 'fraud',
    check: 'stream-integrity',
    events: (d) => {
      const buy = (fin: string): VerifiedEvent => ({
        subjectId: 'inv-100',
        id: 'tx-race',
        eventType: 'factor.purchased',
        signerQuid: fin,
        sequence: 5,
        timestamp: NOW + DAY,
        payload: { financierQuid: fin, purchasePriceMinor: 4_000_000, factoredAt: NOW + DAY },
      });
      return [...d.events, buy('f1f1f1f1f1f1f1f1'), buy('f0f0f0f0f0f0f0f0')];
    },
    outcome: 'reject',
    has: ['DOUBLE_FACTORING_RACE', 'DOUBLE_FACTORED'],
  },
  {
    name: 'two different acknowledgements at one sequence',
    label: 'fraud',
    check: 'stream-integrity',
    events: (d) => [
      ...d.events,
      {
        ...(d.events[3] as VerifiedEvent),
        id: 'ack-2',
        payload: { buyerQuid: 'b0b0b0b0b0b0b0b0', acknowledgedAmountMinor: 1, acknowledgedAt: NOW + 4 * DAY },
      },
    ],
    outcome: 'reject',
    has: ['SEQUENCE_CONFLICT'],
  },
  {
    name: 'a copy of a receivable the registry says is financed',
    label: 'fraud',
    check: 'duplicate-financed',
    portfolio: {
      ...BASE_PORTFOLIO,
      financedFingerprints: ['INV2026100|a0a0a0a0a0a0a0a0|b0b0b0b0b0b0b0b0|5000000|19675'],
    },
    outcome: 'reject',
    has: ['DUPLICATE_OF_FINANCED'],
  },
  {
    name: "the buyer already holds its 20 % share of the financier's facility",
    label: 'underwriting',
    check: 'buyer-concentration',
    policy: { limitMode: 'reject' },
    portfolio: {
      ...BASE_PORTFOLIO,
      facilityLimitMinor: 100_000_000,
      buyerExposureMinor: { b0b0b0b0b0b0b0b0: 20_000_000 },
    },
    outcome: 'reject',
    has: ['BUYER_CONCENTRATION_EXCEEDED'],
  },
  {
    name: 'a book with no credit limit for the buyer and no policy default: held, not funded without bound',
    label: 'underwriting',
    check: 'buyer-limit',
    portfolio: { facilityLimitMinor: 100_000_000 },
    outcome: 'pending',
    has: ['BUYER_LIMIT_MISSING'],
  },
  {
    name: "the buyer's group already holds its 30 % share of the facility",
    label: 'underwriting',
    check: 'group-concentration',
    policy: { limitMode: 'reject' },
    portfolio: {
      ...BASE_PORTFOLIO,
      facilityLimitMinor: 100_000_000,
      buyerGroup: { b0b0b0b0b0b0b0b0: 'g1', '9999999999999999': 'g1' },
      groupExposureMinor: { g1: 30_000_000 },
    },
    outcome: 'reject',
    has: ['GROUP_CONCENTRATION_EXCEEDED'],
  },

  // ---- dilution and advance
  {
    name: 'buyer dilution 9 % cuts the advance by 4 pp',
    label: 'underwriting',
    check: 'dilution',
    history: history(10, 0, () => 0, 90_000),
    outcome: 'approve',
    has: ['DILUTION_ADVANCE_CUT'],
    extra: (d) => expect(d.offer?.advanceRateBps).toBe(8_600),
  },
  {
    name: 'buyer dilution 70 %: the advance at its 50 % floor is more than the buyer is expected to pay',
    label: 'underwriting',
    check: 'dilution',
    history: history(10, 0, () => 0, 700_000),
    outcome: 'review',
    has: ['DILUTION_ADVANCE_CUT', 'DILUTION_ABOVE_RESERVE'],
    extra: (d) => expect(d.offer?.advanceRateBps).toBe(5_000),
  },

  // ---- PO match (policy requirePoMatch)
  {
    name: 'PO match required and the buyer has not matched the invoice to its PO',
    label: 'underwriting',
    check: 'po-match',
    policy: { requirePoMatch: true },
    outcome: 'pending',
    has: ['PO_MATCH_MISSING'],
  },
  {
    name: "PO match required and the buyer's latest verdict is a mismatch (short delivery)",
    label: 'underwriting',
    check: 'po-match',
    policy: { requirePoMatch: true },
    events: (d) => [
      ...d.events,
      {
        subjectId: d.invoice.invoiceId,
        id: 'po-e5',
        eventType: 'po.mismatch',
        signerQuid: 'b0b0b0b0b0b0b0b0',
        sequence: 5,
        timestamp: NOW + 5 * DAY,
        payload: {
          buyerQuid: 'b0b0b0b0b0b0b0b0',
          poNumber: 'PO-789',
          mode: 'three-way',
          reasons: [{ code: 'QTY_OVER_RECEIVED', lineId: '1' }],
          mismatchedAt: NOW + 5 * DAY,
        },
      },
    ],
    outcome: 'review',
    has: ['PO_MISMATCH'],
    hasNot: ['PO_MATCH_MISSING'],
  },

  // ---- Stream reading (stream review): dates, conflicts, who closes a dispute
  {
    name: 'delivery and acknowledgement dated two months after the decision do not count yet',
    label: 'fraud',
    check: 'evidence-dates',
    dealOpts: { deliveredAt: NOW + 60 * DAY, ackAt: NOW + 61 * DAY },
    outcome: 'pending',
    has: ['FUTURE_DATED_EVIDENCE', 'DELIVERY_MISSING', 'ACK_MISSING'],
  },
  {
    name: 'acknowledgement stamped half an hour after the decision (within the clock skew) counts',
    label: 'trap',
    check: 'evidence-dates',
    asOf: NOW + 4 * DAY - 1_800,
    outcome: 'approve',
    hasNot: ['FUTURE_DATED_EVIDENCE', 'ACK_MISSING'],
  },
  {
    name: 'two different credit notes under one creditNoteId: both count, held for review',
    label: 'fraud',
    check: 'stream-integrity',
    events: (d) => [
      ...d.events,
      creditNote(d, 'cn-e5', 5, 1_500_000, 'returned pallet 1'),
      creditNote(d, 'cn-e6', 6, 1_000_000, 'returned pallet 2'),
    ],
    outcome: 'review',
    has: ['CONFLICTING_EVENTS', 'CREDIT_NOTE_APPLIED'],
  },
  {
    name: 'one credit note delivered twice (same payload, two event ids) counts once',
    label: 'trap',
    check: 'stream-integrity',
    events: (d) => [
      ...d.events,
      creditNote(d, 'cn-e5', 5, 1_500_000, 'returned pallet'),
      creditNote(d, 'cn-e6', 6, 1_500_000, 'returned pallet', 5),
    ],
    outcome: 'approve',
    has: ['CREDIT_NOTE_APPLIED'],
    hasNot: ['CONFLICTING_EVENTS'],
    extra: (d) => expect(d.offer?.eligibleMinor).toBe(3_500_000),
  },
  {
    name: "supplier 'rejects' the buyer's open dispute: it stays open",
    label: 'fraud',
    check: 'eligibility',
    events: (d) => [
      ...d.events,
      {
        subjectId: d.invoice.invoiceId,
        id: 'dp-e5',
        eventType: 'buyer.disputed',
        signerQuid: 'b0b0b0b0b0b0b0b0',
        sequence: 5,
        timestamp: NOW + 5 * DAY,
        payload: {
          buyerQuid: 'b0b0b0b0b0b0b0b0',
          disputeId: 'D1',
          disputedAmountMinor: 1_000_000,
          reason: 'damaged',
          disputedAt: NOW + 5 * DAY,
        },
      },
      {
        subjectId: d.invoice.invoiceId,
        id: 'dp-e6',
        eventType: 'dispute.resolved',
        signerQuid: 'a0a0a0a0a0a0a0a0',
        sequence: 6,
        timestamp: NOW + 6 * DAY,
        payload: { disputeId: 'D1', outcome: 'rejected', resolvedAt: NOW + 6 * DAY },
      },
    ],
    outcome: 'pending',
    has: ['DISPUTE_OPEN'],
    extra: (d) =>
      expect(d.reasons.find((r) => r.code === 'DISPUTE_OPEN')?.message).toContain(
        'resolved by the supplier only',
      ),
  },

  // ---- the invoice as signed (invoice.issued) against the input
  {
    name: 'no invoice.issued on the stream: the invoice is not on the ledger',
    label: 'fraud',
    check: 'issued-evidence',
    events: (d) => d.events.filter((x) => x.eventType !== 'invoice.issued'),
    outcome: 'pending',
    has: ['ISSUED_EVENT_MISSING'],
  },
  {
    name: 'input re-dated: the signed invoice was issued 120 days earlier',
    label: 'fraud',
    check: 'issued-evidence',
    events: signedAs({ issuedAt: NOW - 120 * DAY, dueAt: NOW - 60 * DAY }),
    outcome: 'review',
    has: ['ISSUED_PAYLOAD_MISMATCH'],
  },
  {
    name: 'a second invoice.issued re-issues the invoice at another amount',
    label: 'fraud',
    check: 'issued-evidence',
    events: (d) => [
      ...d.events,
      {
        ...(d.events[0] as VerifiedEvent),
        id: 'ri-e9',
        sequence: 9,
        payload: { ...d.events[0]?.payload, amountMinor: 9_000_000 },
      },
    ],
    outcome: 'review',
    has: ['INVOICE_REISSUED'],
  },
  {
    name: 'signed 2/10 early-payment discount: 2 % of face is not eligible',
    label: 'underwriting',
    check: 'early-payment-discount',
    invoice: { earlyPaymentDiscount: { rateBps: 200, withinDays: 10 } },
    events: signedAs({ earlyPaymentDiscount: { rateBps: 200, withinDays: 10 } }),
    outcome: 'approve',
    has: ['EARLY_PAYMENT_DISCOUNT'],
    extra: (d) => expect(d.offer?.eligibleMinor).toBe(4_900_000),
  },
  {
    name: 'goods shipped 700 days before the invoice was issued (re-dating)',
    label: 'fraud',
    check: 'shipment-lead',
    dealOpts: { shippedAt: NOW - 700 * DAY, deliveredAt: NOW - 698 * DAY },
    outcome: 'review',
    has: ['SHIPPED_LONG_BEFORE_ISSUE'],
  },
  {
    name: "the buyer's acknowledgement says it pays 100 days after the due date: priced to that date",
    label: 'underwriting',
    check: 'ack-pay-date',
    events: (d) =>
      d.events.map((x) =>
        x.eventType === 'buyer.acknowledged'
          ? { ...x, payload: { ...x.payload, expectedPayDate: d.invoice.dueAt + 100 * DAY } }
          : x,
      ),
    outcome: 'approve',
    has: ['ACK_PAY_DATE_AFTER_DUE'],
    extra: (d) => expect(d.offer?.tenorDays).toBeGreaterThanOrEqual(153),
  },
  {
    name: 'already 40 days past due with no history (prior P90 30 days late): held, not priced as paid tomorrow',
    label: 'underwriting',
    check: 'overdue',
    invoice: { issuedAt: AS_OF - 70 * DAY, dueAt: AS_OF - 40 * DAY, terms: 'NET-30' },
    dealOpts: { shippedAt: AS_OF - 70 * DAY, deliveredAt: AS_OF - 69 * DAY, ackAt: AS_OF - 68 * DAY },
    outcome: 'review',
    has: ['OVERDUE_BEYOND_BUYER_PATTERN'],
  },
];

/** The deal's stream with its signed invoice.issued payload changed by `patch`. */
function signedAs(patch: Record<string, unknown>): (d: Deal) => VerifiedEvent[] {
  return (d) =>
    d.events.map((x) =>
      x.eventType === 'invoice.issued'
        ? { ...x, payload: { ...x.payload, ...patch } as VerifiedEvent['payload'] }
        : x,
    );
}

/** A supplier's credit note on `d`'s invoice (`day` dates it, days after issue). */
function creditNote(
  d: Deal,
  id: string,
  sequence: number,
  amountMinor: number,
  reason: string,
  day = sequence,
): VerifiedEvent {
  return {
    subjectId: d.invoice.invoiceId,
    id,
    eventType: 'invoice.credited',
    signerQuid: 'a0a0a0a0a0a0a0a0',
    sequence,
    timestamp: NOW + sequence * DAY,
    payload: { creditNoteId: 'CN-1', amountMinor, reason, creditedAt: NOW + day * DAY },
  };
}

function runScenario(s: Scenario): FactoringDecision {
  const d = deal(s.invoice, s.dealOpts);
  const trust: Record<string, number | TrustReading> = { ...BASE_TRUST };
  for (const [k, v] of Object.entries(s.trust ?? {})) {
    if (v === undefined) delete trust[k];
    else trust[k] = v;
  }
  return evaluateInvoice({
    invoice: d.invoice,
    events: s.events ? s.events(d) : d.events,
    trust: trustSourceFromRecord(trust),
    policy: standardPolicy(s.policy),
    asOf: s.asOf ?? AS_OF,
    portfolio: s.portfolio ?? BASE_PORTFOLIO,
    ...(s.history ? { buyerHistory: s.history } : {}),
  });
}

describe('labelled scenarios (standard policy)', () => {
  for (const s of SCENARIOS) {
    it(`[${s.label}/${s.check}] ${s.name}`, () => {
      const d = runScenario(s);
      const codes = d.reasons.map((r) => r.code);
      expect({ outcome: d.outcome, codes }).toMatchObject({ outcome: s.outcome });
      for (const c of s.has ?? []) expect(codes).toContain(c);
      for (const c of s.hasNot ?? []) expect(codes).not.toContain(c);
      if (d.offer) {
        expect(d.offer.advanceMinor).toBeLessThanOrEqual(d.offer.eligibleMinor);
        expect(d.offer.eligibleMinor).toBeLessThanOrEqual(d.offer.faceMinor);
      }
      s.extra?.(d);
    });
  }

  it('every reason code is exercised by at least one scenario', () => {
    const covered = new Set(SCENARIOS.flatMap((s) => s.has ?? []));
    // RECENT_KEY_EVENT and LEDGER_FINDING come from rules applied after the engine
    // (recentKeyEvents.test.ts, ledgerFindings.test.ts); INVOICE_ID_REUSED from a batch that lists
    // two invoices under one id (copyAttacks.test.ts), CIRCULAR_TRADE from a batch whose invoices
    // run round a circle (portfolioAttacks.test.ts), CIRCLE_SEARCH_INCOMPLETE from one too dense to
    // search.
    const after = new Set<string>([
      'RECENT_KEY_EVENT',
      'LEDGER_FINDING',
      'INVOICE_ID_REUSED',
      'CIRCULAR_TRADE',
      // A batch dense with alike cross-sales (circularTrades.test.ts, batchLateEvidenceAttacks.test.ts).
      'CIRCLE_SEARCH_INCOMPLETE',
      // A batch circle with a leg in another currency (circleCurrencyAttacks.test.ts).
      'CIRCULAR_TRADE_MIXED_CURRENCY',
    ]);
    const missing = Object.values(ReasonCode).filter((c) => !covered.has(c) && !after.has(c));
    expect(missing).toEqual([]);
  });

  it('stopAtFirstDecisive gives every scenario the outcome of the full run (a hold never hides a reject)', () => {
    for (const s of SCENARIOS) {
      const stopped = runScenario({ ...s, policy: { ...s.policy, stopAtFirstDecisive: true } });
      expect([s.name, stopped.outcome]).toEqual([s.name, runScenario(s).outcome]);
    }
  });

  it("every held scenario comes with work to do, each task citing only the decision's own holding reasons", () => {
    for (const s of SCENARIOS) {
      const d = runScenario(s);
      const tasks = verificationTasks(d);
      if (d.outcome !== 'review' && d.outcome !== 'pending') {
        expect([s.name, tasks]).toEqual([s.name, []]);
        continue;
      }
      expect([s.name, tasks.length > 0]).toEqual([s.name, true]);
      const holding = d.reasons
        .filter((r) => r.severity === 'review' || r.severity === 'pending')
        .map((r) => r.code);
      for (const t of tasks)
        for (const c of t.reasons) expect([s.name, holding]).toEqual([s.name, expect.arrayContaining([c])]);
    }
  });

  it('every trap approves or at worst soft-flags (no reject, no review)', () => {
    for (const s of SCENARIOS.filter((x) => x.label === 'trap' && x.check !== 'double-factoring')) {
      expect([s.name, runScenario(s).outcome]).toEqual([s.name, 'approve']);
    }
  });
});
