// Copies of a receivable re-issued in another currency. The duplicate index compared raw minor
// units across currencies: an invoice in yen with the number, parties, day and raw amount of a
// dollar invoice was "an exact copy of the same amount" (rejected on a false description), and
// amount-equal / amount-near scored yen beside cents. The same number from the same supplier to the
// same buyer in another currency is still suspicious (one receivable financed twice, once per
// currency): it is held for review with the rules that fired (`number-equal`, `other-currency`),
// never called the same amount. A record without a currency is in `portfolio.currency`. The records
// the engine hands back (`financedRecords`, `portfolioAfter.knownInvoices`) and the ones it indexes
// dropped the invoice's currency, so a book stored back lost it.
import { describe, expect, it } from 'vitest';
import {
  type BatchItem,
  createDuplicateIndex,
  createPortfolioState,
  type DuplicateMatch,
  evaluateBatch,
  evaluateInvoice,
  type FactoringDecision,
  type InvoiceFingerprintRecord,
  type Portfolio,
  reserveApproval,
  scoreDuplicate,
  standardPolicy,
  trustSourceFromRecord,
} from '../src/index.js';
import { AS_OF, DAY, DEAL_TRUST, type Deal, deal, NOW } from './fixtures.js';

const trust = trustSourceFromRecord(DEAL_TRUST);
// No limits on file: one book may then hold invoices in several currencies.
const policy = standardPolicy({ requireBuyerLimit: false, newDebtor: 'accept' });
const codes = (d: FactoringDecision | undefined): string[] => (d?.reasons ?? []).map((r) => r.code);

/** The known-invoice record of a deal, as the book stores it (with or without its currency). */
function recordOf(d: Deal, currency: string | undefined, over: Partial<InvoiceFingerprintRecord> = {}) {
  const inv = d.invoice;
  const r: InvoiceFingerprintRecord = {
    invoiceId: 'inv-known',
    invoiceNumber: inv.invoiceNumber ?? '',
    supplierQuid: inv.supplierQuid,
    buyerQuid: inv.buyerQuid,
    amountMinor: inv.amountMinor,
    issuedAt: inv.issuedAt,
    ...(inv.poReference !== undefined && { poReference: inv.poReference }),
    ...(currency !== undefined && { currency }),
    ...over,
  };
  return r;
}

function decide(d: Deal, portfolio: Portfolio, p = policy): FactoringDecision {
  return evaluateInvoice({ invoice: d.invoice, events: d.events, trust, policy: p, asOf: AS_OF, portfolio });
}

/** The match for `id` in a decision's duplicates. */
const matchOf = (d: FactoringDecision, id: string): DuplicateMatch | undefined =>
  d.duplicates.find((m) => m.invoiceId === id);

describe('a receivable re-issued in another currency (same number, parties, day and raw amount)', () => {
  for (const [known, now] of [
    ['USD', 'JPY'],
    ['JPY', 'USD'],
  ] as const) {
    it(`a ${now} invoice copying a known ${known} one is held for review as the same number in another currency, not rejected as "the same amount"`, () => {
      const d = deal({ currency: now });
      const r = decide(d, { knownInvoices: [recordOf(d, known)] });
      expect(r.outcome).toBe('review');
      expect(codes(r)).toContain('DUPLICATE_FUZZY');
      expect(codes(r)).not.toContain('DUPLICATE_EXACT');
      const m = matchOf(r, 'inv-known');
      expect(m?.exact).toBe(false);
      expect(m?.rules).toContain('number-equal');
      expect(m?.rules).toContain('other-currency');
      expect(m?.rules).not.toContain('amount-equal');
      expect(m?.rules).not.toContain('fingerprint');
      const message = r.reasons.find((x) => x.code === 'DUPLICATE_FUZZY')?.message ?? '';
      expect(message).toContain('other-currency');
    });
  }

  it('the same copy in the same currency is still an exact duplicate, rejected', () => {
    const d = deal({ currency: 'JPY' });
    const r = decide(d, { knownInvoices: [recordOf(d, 'JPY')] });
    expect(r.outcome).toBe('reject');
    expect(codes(r)).toContain('DUPLICATE_EXACT');
  });

  it('a record without a currency is in portfolio.currency: a yen copy of it in a dollar book is held as another currency', () => {
    const d = deal({ currency: 'JPY' });
    const r = decide(d, { currency: 'USD', knownInvoices: [recordOf(d, undefined)] });
    expect(r.outcome).toBe('review');
    expect(codes(r)).not.toContain('DUPLICATE_EXACT');
    expect(matchOf(r, 'inv-known')?.rules).toContain('other-currency');
  });

  it("a record without a currency in a yen book is the yen invoice's exact copy", () => {
    const d = deal({ currency: 'JPY' });
    const r = decide(d, { currency: 'JPY', knownInvoices: [recordOf(d, undefined)] });
    expect(codes(r)).toContain('DUPLICATE_EXACT');
  });

  it('a record without a currency in a book that states none is compared as before (exact, rejected)', () => {
    const d = deal({ currency: 'JPY' });
    const r = decide(d, { knownInvoices: [recordOf(d, undefined)] });
    expect(codes(r)).toContain('DUPLICATE_EXACT');
  });

  it('a policy that reviews only scores of 8 or more still holds the same number in another currency (it was an exact match before)', () => {
    const strict = standardPolicy({
      requireBuyerLimit: false,
      newDebtor: 'accept',
      duplicateReviewScore: 8,
      duplicateSoftScore: 8,
    });
    const d = deal({ currency: 'JPY' });
    const r = decide(d, { knownInvoices: [recordOf(d, 'USD')] }, strict);
    expect(r.outcome).toBe('review');
    expect(codes(r)).toContain('DUPLICATE_FUZZY');
    expect(codes(r)).not.toContain('DUPLICATE_SOFT_MATCH');
    const message = r.reasons.find((x) => x.code === 'DUPLICATE_FUZZY')?.message ?? '';
    expect(message).toContain('inv-known issued in another currency, amounts not compared');
  });

  it('the same number in another currency issued months apart is still held (a re-dated receivable in a new currency)', () => {
    const d = deal({ currency: 'JPY' });
    const r = decide(d, {
      knownInvoices: [recordOf(d, 'USD', { issuedAt: NOW - 200 * DAY, amountMinor: 37_000 })],
    });
    expect(r.outcome).toBe('review');
    expect(codes(r)).toContain('DUPLICATE_FUZZY');
    expect(matchOf(r, 'inv-known')?.rules).toEqual(['number-equal', 'other-currency', 'same-po']);
  });
});

describe('the invoice under a known id with its currency changed', () => {
  it('a known dollar invoice sent again under its id in yen (all else equal) is not taken for itself: held for review', () => {
    const d = deal({ currency: 'JPY' });
    const r = decide(d, { knownInvoices: [recordOf(d, 'USD', { invoiceId: d.invoice.invoiceId })] });
    expect(r.outcome).toBe('review');
    const m = matchOf(r, d.invoice.invoiceId);
    expect(m?.rules).toContain('same-invoice-id');
    expect(m?.rules).toContain('other-currency');
  });

  it('the same invoice in the same currency is itself (no match)', () => {
    const d = deal({ currency: 'USD' });
    const r = decide(d, { knownInvoices: [recordOf(d, 'USD', { invoiceId: d.invoice.invoiceId })] });
    expect(r.duplicates).toEqual([]);
    expect(r.outcome).toBe('approve');
  });
});

describe('amounts in different currencies are not compared', () => {
  it('a look-alike number with the same raw amount in another currency does not score amount-equal', () => {
    const x = recordOf(deal(), 'JPY', { invoiceId: 'x', invoiceNumber: 'INV-2026-0100A' });
    const usd = scoreDuplicate(x, { ...x, invoiceId: 'y', invoiceNumber: 'INV-2026-0100', currency: 'USD' });
    expect(usd.rules).toEqual(['number-contained', 'other-currency', 'same-issue-day', 'same-po']);
    expect(usd.score).toBe(5);
    const jpy = scoreDuplicate(x, { ...x, invoiceId: 'y', invoiceNumber: 'INV-2026-0100', currency: 'JPY' });
    expect(jpy.rules).toEqual(['number-contained', 'amount-equal', 'same-issue-day', 'same-po']);
  });

  it('an amount within 1 % in another currency does not score amount-near', () => {
    const x = recordOf(deal(), 'USD', { invoiceId: 'x', invoiceNumber: 'INV-2026-0100A' });
    const other = scoreDuplicate(x, {
      ...x,
      invoiceId: 'y',
      invoiceNumber: 'INV-2026-0100',
      amountMinor: x.amountMinor + 10,
      currency: 'EUR',
    });
    expect(other.rules).not.toContain('amount-near');
  });

  it('the index resolves a record without a currency to the book currency it is given', () => {
    const x = recordOf(deal(), undefined, { invoiceId: 'x' });
    const index = createDuplicateIndex([x], { currency: 'USD' });
    const inYen = index.find({ ...x, invoiceId: 'y', currency: 'JPY' }, 90 * DAY, 4);
    expect(inYen[0]?.exact).toBe(false);
    expect(inYen[0]?.rules).toContain('other-currency');
    const inDollars = index.find({ ...x, invoiceId: 'z', currency: 'USD' }, 90 * DAY, 4);
    expect(inDollars[0]?.exact).toBe(true);
  });
});

describe('the index on a big pair and on shared documents', () => {
  const base = recordOf(deal(), 'USD', {
    invoiceId: 'old-0',
    invoiceNumber: 'INV-7',
    issuedAt: NOW - 400 * DAY,
  });

  it('the same number in another currency older than the latest 512 invoices of the pair is still listed (found by its key)', () => {
    const later = Array.from({ length: 600 }, (_, k) => ({
      ...base,
      invoiceId: `later-${k}`,
      invoiceNumber: `Q-${1000 + k * 7}`,
      amountMinor: 1_000 + k,
      issuedAt: NOW - 300 * DAY + k * 60,
    }));
    const index = createDuplicateIndex([base, ...later]);
    const found = index.find({ ...base, invoiceId: 'new', currency: 'JPY', issuedAt: NOW }, 90 * DAY, 4);
    expect(found.map((m) => [m.invoiceId, m.exact, m.rules])).toEqual([
      ['old-0', false, ['number-equal', 'other-currency', 'same-po']],
    ]);
  });

  it('an invoice in another currency naming the same bill of lading is listed without an amount rule', () => {
    const known = { ...base, invoiceNumber: 'X-1', documentRefs: ['BOL-9'] };
    const index = createDuplicateIndex([known]);
    const found = index.find(
      { ...known, invoiceId: 'new', invoiceNumber: 'Y-77', buyerQuid: 'other', currency: 'EUR' },
      90 * DAY,
      4,
    );
    expect(found[0]?.rules).toEqual(['other-currency', 'same-issue-day', 'same-po', 'shared-document']);
  });
});

describe('one batch with the receivable in two currencies', () => {
  const items = (): BatchItem[] => [
    deal({ currency: 'USD' }),
    deal({ invoiceId: 'inv-200', currency: 'JPY' }, { ids: 'inv-200' }),
  ];

  it('the second listing in another currency is held for review as the same number, not rejected as the same amount', () => {
    const r = evaluateBatch({ items: items(), trust, policy, asOf: AS_OF });
    const [usd, jpy] = r.decisions;
    expect(usd?.outcome).toBe('approve');
    expect(jpy?.outcome).toBe('review');
    expect(codes(jpy)).toContain('DUPLICATE_FUZZY');
    expect(codes(jpy)).not.toContain('DUPLICATE_EXACT');
    expect(jpy && matchOf(jpy, 'inv-100')?.rules).toContain('other-currency');
  });

  it('a later batch in yen, against the book the first one handed back, holds the copy as another currency', () => {
    const first = evaluateBatch({ items: [deal({ currency: 'USD' })], trust, policy, asOf: AS_OF });
    const later = evaluateBatch({
      items: [deal({ invoiceId: 'inv-300', currency: 'JPY' }, { ids: 'inv-300' })],
      trust,
      policy,
      asOf: AS_OF,
      portfolio: first.portfolioAfter ?? {},
    });
    const d = later.decisions[0];
    expect(d && matchOf(d, 'inv-100')?.rules).toContain('other-currency');
    expect(codes(d)).toContain('DUPLICATE_FUZZY');
    expect(codes(d)).not.toContain('DUPLICATE_EXACT');
    // The registry's fingerprint carries no currency: a copy of its digits is still refused there.
    expect(codes(d)).toContain('DUPLICATE_OF_FINANCED');
    expect(d?.outcome).toBe('reject');
  });
});

describe('a loop deciding invoice by invoice on one state', () => {
  it('the approval reserved in dollars joins the index with its currency: the yen copy is held as another currency', () => {
    const state = createPortfolioState({});
    const usd = deal({ currency: 'USD' });
    const first = evaluateInvoice({
      invoice: usd.invoice,
      events: usd.events,
      trust,
      policy,
      asOf: AS_OF,
      portfolio: state,
    });
    expect(first.outcome).toBe('approve');
    expect(reserveApproval(state, usd.invoice, first)).toBe(true);
    const jpy = deal({ invoiceId: 'inv-200', currency: 'JPY' }, { ids: 'inv-200' });
    const second = evaluateInvoice({
      invoice: jpy.invoice,
      events: jpy.events,
      trust,
      policy,
      asOf: AS_OF,
      portfolio: state,
    });
    expect(codes(second)).toContain('DUPLICATE_FUZZY');
    expect(codes(second)).not.toContain('DUPLICATE_EXACT');
    expect(second.outcome).not.toBe('approve');
    expect(matchOf(second, 'inv-100')?.rules).toContain('other-currency');
    expect(state.duplicates.queried?.('inv-200')?.currency).toBe('JPY');
  });
});

describe('the records the engine hands back keep the invoice’s currency', () => {
  it('financedRecords and portfolioAfter.knownInvoices carry each approved invoice’s currency', () => {
    const r = evaluateBatch({ items: [deal({ currency: 'JPY' })], trust, policy, asOf: AS_OF });
    expect(r.decisions[0]?.outcome).toBe('approve');
    expect(r.financedRecords.map((x) => x.currency)).toEqual(['JPY']);
    expect(r.portfolioAfter?.knownInvoices?.map((x) => x.currency)).toEqual(['JPY']);
  });

  it('the record an evaluation checks (and reserveApproval adds) carries the invoice’s currency', () => {
    const state = createPortfolioState({});
    const d = deal({ currency: 'EUR' });
    evaluateInvoice({ invoice: d.invoice, events: d.events, trust, policy, asOf: AS_OF, portfolio: state });
    expect(state.duplicates.queried?.(d.invoice.invoiceId)?.currency).toBe('EUR');
    expect(state.duplicates.lastQueried?.currency).toBe('EUR');
  });
});
