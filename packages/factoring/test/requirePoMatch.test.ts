// Policy requirePoMatch: no buyer PO match, or a later mismatch, and the invoice is not approved.
import { describe, expect, it } from 'vitest';
import {
  type BatchItem,
  evaluateBatch,
  evaluateInvoice,
  type FactoringPolicy,
  standardPolicy,
  trustSourceFromRecord,
  type VerifiedEvent,
} from '../src/index.js';
import { AS_OF, DAY, type Deal, deal, NOW, viaBureau } from './fixtures.js';

const trust = trustSourceFromRecord({
  a0a0a0a0a0a0a0a0: viaBureau('a0a0a0a0a0a0a0a0', 0.85),
  b0b0b0b0b0b0b0b0: viaBureau('b0b0b0b0b0b0b0b0', 0.9),
  c0c0c0c0c0c0c0c0: viaBureau('c0c0c0c0c0c0c0c0', 0.8),
});
const BUYER = 'b0b0b0b0b0b0b0b0';
const SUPPLIER = 'a0a0a0a0a0a0a0a0';
const portfolio = { buyerLimitMinor: { [BUYER]: 50_000_000 } };

/** A buyer verdict at stream position `sequence` (after deal()'s four events). */
function verdict(
  type: 'po.matched' | 'po.mismatch',
  sequence: number,
  over: { signer?: string; poNumber?: string; invoiceId?: string; matchedAmountMinor?: number } = {},
): VerifiedEvent {
  const invoiceId = over.invoiceId ?? 'inv-100';
  const signer = over.signer ?? BUYER;
  const base = { buyerQuid: signer, poNumber: over.poNumber ?? 'PO-789', mode: 'three-way' };
  return {
    subjectId: invoiceId,
    id: `${invoiceId}-po-${sequence}`,
    eventType: type,
    signerQuid: signer,
    sequence,
    // An hour per sequence after the acknowledgement: before AS_OF (later evidence does not count).
    timestamp: NOW + 4 * DAY + sequence * 3_600,
    payload:
      type === 'po.matched'
        ? {
            ...base,
            matchedAmountMinor: over.matchedAmountMinor ?? 5_000_000,
            matchedAt: NOW + 4 * DAY + sequence * 3_600,
          }
        : {
            ...base,
            reasons: [{ code: 'QTY_OVER_RECEIVED', lineId: '2' }],
            mismatchedAt: NOW + 4 * DAY + sequence * 3_600,
          },
  } as VerifiedEvent;
}

function decide(
  events: readonly VerifiedEvent[],
  policy: FactoringPolicy = standardPolicy({ requirePoMatch: true }),
) {
  const d: Deal = deal();
  return evaluateInvoice({
    invoice: d.invoice,
    events: [...d.events, ...events],
    trust,
    policy,
    asOf: AS_OF,
    portfolio,
  });
}
const codes = (d: { reasons: readonly { code: string }[] }) => d.reasons.map((r) => r.code);

describe('policy requirePoMatch', () => {
  it('off by default: a clean invoice with no PO verdict is approved as before', () => {
    const d = decide([], standardPolicy());
    expect(d.outcome).toBe('approve');
    expect(codes(d)).not.toContain('PO_MATCH_MISSING');
  });

  it('no buyer PO match yet: held pending with PO_MATCH_MISSING, no offer', () => {
    const d = decide([]);
    expect(d.outcome).toBe('pending');
    expect(codes(d)).toContain('PO_MATCH_MISSING');
    expect(d.offer).toBeNull();
  });

  it("the buyer's po.matched on the invoice's PO: approved", () => {
    const d = decide([verdict('po.matched', 5)]);
    expect(d.outcome).toBe('approve');
    expect(codes(d)).not.toContain('PO_MATCH_MISSING');
  });

  it('short delivery: a po.mismatch after the match, not superseded, sends it to review with PO_MISMATCH', () => {
    const d = decide([verdict('po.matched', 5), verdict('po.mismatch', 6)]);
    expect(d.outcome).toBe('review');
    expect(codes(d)).toContain('PO_MISMATCH');
  });

  it('short delivery credited: mismatch, then a new po.matched supersedes it and the invoice is approved', () => {
    const d = decide([verdict('po.mismatch', 5), verdict('po.matched', 6)]);
    expect(d.outcome).toBe('approve');
    expect(codes(d)).not.toContain('PO_MISMATCH');
  });

  it('the latest verdict is by stream order, not array order: a mismatch at sequence 7 listed before a match at 6 still holds', () => {
    const d = decide([verdict('po.mismatch', 7), verdict('po.matched', 6)]);
    expect(codes(d)).toContain('PO_MISMATCH');
    expect(d.outcome).toBe('review');
  });

  it('forged approval: a po.matched signed by the supplier does not count, is reported as a forged attestation, and the invoice is not approved', () => {
    const d = decide([verdict('po.matched', 5, { signer: SUPPLIER })]);
    expect(d.outcome).toBe('reject');
    expect(codes(d)).toEqual(expect.arrayContaining(['SUPPLIER_FORGED_ATTESTATION', 'PO_MATCH_MISSING']));
  });

  it('a buyer signature naming another buyer in the payload does not count either', () => {
    const forged = {
      ...verdict('po.matched', 5),
      payload: { ...verdict('po.matched', 5).payload, buyerQuid: 'e0e0e0e0e0e0e0e0' },
    };
    const d = decide([forged as VerifiedEvent]);
    expect(codes(d)).toContain('PO_MATCH_MISSING');
    expect(d.outcome).not.toBe('approve');
  });

  it("a match against another PO than the invoice quotes is not this invoice's match: PO_MATCH_MISSING", () => {
    const d = decide([verdict('po.matched', 5, { poNumber: 'PO-OTHER' })]);
    expect(codes(d)).toContain('PO_MATCH_MISSING');
    expect(d.outcome).toBe('pending');
  });

  it('the trace shows the po-match rule with what it saw', () => {
    const d = decide([verdict('po.mismatch', 5)]);
    const entry = d.trace.find((t) => t.rule === 'po-match');
    expect(entry).toMatchObject({ outcome: 'fail', inputs: { required: true, verdict: 'mismatch' } });
  });

  it('evaluateBatch applies the same rule per invoice', () => {
    const [a, b] = [deal(), deal({ invoiceId: 'inv-101', invoiceNumber: 'INV-2026-0101' })];
    const items: BatchItem[] = [
      { invoice: a.invoice, events: a.events },
      { invoice: b.invoice, events: [...b.events, verdict('po.matched', 5, { invoiceId: 'inv-101' })] },
    ];
    const r = evaluateBatch({
      items,
      trust,
      policy: standardPolicy({ requirePoMatch: true }),
      asOf: AS_OF,
      portfolio,
    });
    expect(r.decisions.map((x) => codes(x).includes('PO_MATCH_MISSING'))).toEqual([true, false]);
  });
});

describe("the buyer's PO verdict under any policy (inflated invoice, F12)", () => {
  it('a po.mismatch signed by the buyer holds the invoice for review even without requirePoMatch', () => {
    const d = decide([verdict('po.mismatch', 5)], standardPolicy());
    expect(d.outcome).toBe('review');
    expect(codes(d)).toContain('PO_MISMATCH');
    expect(codes(d)).not.toContain('PO_MATCH_MISSING');
  });

  it('a po.matched for less than the invoice (1,000,000 of 5,000,000) is not a match of this invoice', () => {
    for (const policy of [standardPolicy(), standardPolicy({ requirePoMatch: true })]) {
      const d = decide([verdict('po.matched', 5, { matchedAmountMinor: 1_000_000 })], policy);
      expect(d.outcome).toBe('review');
      expect(codes(d)).toContain('PO_MISMATCH');
      expect(d.reasons.find((r) => r.code === 'PO_MISMATCH')?.message).toContain('1000000');
    }
  });

  it('a po.matched for the invoice less its credit notes (a short delivery credited) is a match', () => {
    const d: Deal = deal();
    const credit: VerifiedEvent = {
      subjectId: 'inv-100',
      id: 'inv-100-cn',
      eventType: 'invoice.credited',
      signerQuid: SUPPLIER,
      sequence: 5,
      timestamp: NOW + 4 * DAY + 5 * 3_600,
      payload: {
        creditNoteId: 'cn-1',
        amountMinor: 300_000,
        reason: 'short delivery',
        creditedAt: NOW + 4 * DAY,
      },
    };
    const x = evaluateInvoice({
      invoice: d.invoice,
      events: [...d.events, credit, verdict('po.matched', 6, { matchedAmountMinor: 4_700_000 })],
      trust,
      policy: standardPolicy({ requirePoMatch: true }),
      asOf: AS_OF,
      portfolio,
    });
    expect(x.reasons.map((r) => r.code)).not.toContain('PO_MISMATCH');
    expect(x.outcome).toBe('approve');
  });

  it('a po.matched for the invoice amount is approved as before, with or without requirePoMatch', () => {
    for (const policy of [standardPolicy(), standardPolicy({ requirePoMatch: true })]) {
      expect(decide([verdict('po.matched', 5)], policy).outcome).toBe('approve');
    }
  });
});

describe('the PO number as the buyer writes it', () => {
  it("a verdict naming the invoice's PO with other spacing or zeros (PO-789 for 'PO 789', PO-0789) counts", () => {
    for (const poNumber of ['PO 789', 'po-789', 'PO-0789']) {
      const d = decide([verdict('po.mismatch', 5, { poNumber })], standardPolicy());
      expect([poNumber, d.outcome]).toEqual([poNumber, 'review']);
      expect(codes(d)).toContain('PO_MISMATCH');
    }
  });

  it("a buyer's po.mismatch on the invoice's own stream naming another PO still holds it", () => {
    const d = decide([verdict('po.mismatch', 5, { poNumber: 'PO-999' })], standardPolicy());
    expect(d.outcome).toBe('review');
    expect(codes(d)).toContain('PO_MISMATCH');
  });
});

/** `e` with its own date (`matchedAt`) moved to `at`. */
function datedAt(e: VerifiedEvent, at: number): VerifiedEvent {
  return { ...e, payload: { ...e.payload, matchedAt: at } } as VerifiedEvent;
}

describe('a PO match dated before the invoice was issued (red-team round 8)', () => {
  it('a po.matched dated 40 days before issue does not satisfy requirePoMatch: held for review (PO_MISMATCH), a match of another invoice', () => {
    const x = decide([datedAt(verdict('po.matched', 5), NOW - 40 * DAY)]);
    expect(x.outcome).toBe('review');
    expect(codes(x)).toContain('PO_MISMATCH');
    expect(x.reasons.find((r) => r.code === 'PO_MISMATCH')?.message).toContain(
      'before the invoice was issued',
    );
  });

  it('the same match holds the invoice without requirePoMatch too (the buyer matched something else)', () => {
    const x = decide([datedAt(verdict('po.matched', 5), NOW - 40 * DAY)], standardPolicy());
    expect(x.outcome).toBe('review');
    expect(codes(x)).toContain('PO_MISMATCH');
  });

  it('a mismatch "superseded" by a later match dated before issue still holds', () => {
    const x = decide([verdict('po.mismatch', 5), datedAt(verdict('po.matched', 6), NOW - 40 * DAY)]);
    expect(x.outcome).toBe('review');
  });

  it('a match dated within the clock skew of the issue date is a match (approved as before)', () => {
    const x = decide([datedAt(verdict('po.matched', 5), NOW - 600)]);
    expect(x.outcome).toBe('approve');
  });
});
