// Red-team round 8: dates the engine reads as Unix seconds, given in milliseconds (JavaScript's
// Date.getTime(), a bureau export). A millisecond date lies thousands of years ahead: an expiry
// that never comes, or a history record "not yet due" and dropped. Each is refused with its path,
// never decided on.
import { describe, expect, it } from 'vitest';
import {
  evaluateBatch,
  evaluateInvoice,
  invoiceFingerprints,
  type PaidInvoiceRecord,
  type Portfolio,
  standardPolicy,
  type TrustReading,
  trustSourceFromRecord,
} from '../src/index.js';
import { AS_OF, BOOK, DAY, DEAL_TRUST, deal, NOW, refused, viaBureau } from './fixtures.js';

const BUYER = 'b0b0b0b0b0b0b0b0';

function decideWith(
  readings: Record<string, TrustReading>,
  extra: { records?: PaidInvoiceRecord[]; portfolio?: Portfolio } = {},
) {
  const d = deal();
  return evaluateInvoice({
    invoice: d.invoice,
    events: d.events,
    trust: trustSourceFromRecord(readings),
    policy: standardPolicy(),
    asOf: AS_OF,
    portfolio: extra.portfolio ?? BOOK,
    ...(extra.records !== undefined ? { buyerHistory: { records: extra.records } } : {}),
  });
}

// Ten invoices the buyer left unpaid 90-100 days past due, all disputed.
const UNPAID: PaidInvoiceRecord[] = Array.from({ length: 10 }, (_, i) => ({
  dueAt: NOW - (100 - i) * DAY,
  amountMinor: 5_000_000,
  disputed: true,
}));
const inMillis = (r: PaidInvoiceRecord): PaidInvoiceRecord => ({
  ...r,
  dueAt: r.dueAt * 1000,
  ...(r.paidAt !== undefined ? { paidAt: r.paidAt * 1000 } : {}),
});

describe('dates given in milliseconds where the engine reads seconds (red-team round 8)', () => {
  it('a buyer trust reading whose validUntil is in milliseconds (expired two days after issue) is INVALID_TRUST, not an edge that never expires', () => {
    const expiry = NOW + 2 * DAY;
    // In seconds the edge expired before the decision: the buyer has no trust path.
    const inSeconds = decideWith({
      ...DEAL_TRUST,
      [BUYER]: { ...viaBureau(BUYER, 0.9), validUntil: expiry },
    });
    expect(inSeconds.outcome).toBe('reject');
    const e = refused(() =>
      decideWith({ ...DEAL_TRUST, [BUYER]: { ...viaBureau(BUYER, 0.9), validUntil: expiry * 1000 } }),
    );
    expect(e.code).toBe('INVALID_TRUST');
    expect(e.issues.map((i) => i.path)).toEqual(['trust.buyer.validUntil']);
    expect(e.issues[0]?.message).toContain('milliseconds');
  });

  it('a validUntil in seconds far ahead (year 5000) still reads as a valid, unexpired edge', () => {
    const d = decideWith({
      ...DEAL_TRUST,
      [BUYER]: { ...viaBureau(BUYER, 0.9), validUntil: 95_617_584_000 },
    });
    expect(d.outcome).toBe('approve');
  });

  it('a buyer history dated in milliseconds (ten disputed invoices unpaid for months) is refused, not dropped as "not yet due" and priced as no history', () => {
    // In seconds the history cross-ages the buyer (unpaid invoices over 90 days past due).
    expect(decideWith(DEAL_TRUST, { records: UNPAID }).outcome).toBe('reject');
    const e = refused(() => decideWith(DEAL_TRUST, { records: UNPAID.map(inMillis) }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues[0]?.path).toBe('buyerHistory.records[0].dueAt');
    expect(e.issues[0]?.message).toContain('milliseconds');
  });

  it('the same history in a batch is refused at buyerHistories.<quid> before any decision', () => {
    const d = deal();
    const seen: number[] = [];
    const e = refused(() =>
      evaluateBatch({
        items: [{ invoice: d.invoice, events: d.events }],
        trust: trustSourceFromRecord(DEAL_TRUST),
        policy: standardPolicy(),
        asOf: AS_OF,
        portfolio: BOOK,
        buyerHistories: { [BUYER]: { records: UNPAID.map(inMillis) } },
        onDecision: (_d, i) => seen.push(i),
      }),
    );
    expect(e.issues[0]?.path).toBe(`buyerHistories.${BUYER}.records[0].dueAt`);
    expect(seen).toEqual([]);
  });

  it('a financed fingerprint made from a record issued "in milliseconds" is refused at its entry, not missed so the receivable is bought again', () => {
    const d = deal();
    const rec = {
      invoiceNumber: d.invoice.invoiceNumber as string,
      supplierQuid: d.invoice.supplierQuid,
      buyerQuid: d.invoice.buyerQuid,
      amountMinor: d.invoice.amountMinor,
      issuedAt: d.invoice.issuedAt,
    };
    expect(
      decideWith(DEAL_TRUST, { portfolio: { ...BOOK, financedFingerprints: invoiceFingerprints(rec) } })
        .outcome,
    ).toBe('reject');
    const fps = invoiceFingerprints({ ...rec, issuedAt: rec.issuedAt * 1000 });
    const e = refused(() => decideWith(DEAL_TRUST, { portfolio: { ...BOOK, financedFingerprints: fps } }));
    expect(e.issues.map((i) => i.path)).toEqual(fps.map((_, i) => `portfolio.financedFingerprints[${i}]`));
    expect(e.issues[0]?.message).toContain('milliseconds');
  });

  it('a known invoice issued "in milliseconds" is refused at its path, not scored as a near copy of the invoice it is', () => {
    const d = deal();
    const rec = {
      invoiceId: 'inv-old',
      invoiceNumber: d.invoice.invoiceNumber as string,
      supplierQuid: d.invoice.supplierQuid,
      buyerQuid: d.invoice.buyerQuid,
      amountMinor: d.invoice.amountMinor,
      issuedAt: d.invoice.issuedAt,
      currency: 'USD',
    };
    // In seconds: the exact copy, rejected.
    expect(decideWith(DEAL_TRUST, { portfolio: { ...BOOK, knownInvoices: [rec] } }).outcome).toBe('reject');
    const e = refused(() =>
      decideWith(DEAL_TRUST, {
        portfolio: { ...BOOK, knownInvoices: [{ ...rec, issuedAt: rec.issuedAt * 1000 }] },
      }),
    );
    expect(e.issues.map((i) => i.path)).toEqual(['portfolio.knownInvoices[0].issuedAt']);
  });
});
