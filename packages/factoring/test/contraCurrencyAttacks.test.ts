// Contra in another currency: what the supplier owes the buyer in yen cannot be set off against an
// invoice in cents minor unit for minor unit. Netted raw, one direction cut too much and the other
// too little (an advance on money the buyer will not pay). Without an exchange rate the engine
// holds the invoice for review (CONTRA_CURRENCY_MISMATCH); a contra in the invoice's own currency
// is still cut (CONTRA_HAIRCUT).
import { describe, expect, it } from 'vitest';
import {
  type BatchItem,
  evaluateBatch,
  evaluateInvoice,
  type FactoringDecision,
  type Portfolio,
  standardPolicy,
  type TitleOwnerShare,
  trustSourceFromRecord,
} from '../src/index.js';
import { AS_OF, DEAL_TRUST, type Deal, deal } from './fixtures.js';

const SUPPLIER = 'a0a0a0a0a0a0a0a0';
const BUYER = 'b0b0b0b0b0b0b0b0';
const CARRIER = 'c0c0c0c0c0c0c0c0';
const SISTER = 'b1b1b1b1b1b1b1b1';

const trust = trustSourceFromRecord(DEAL_TRUST);
// No limits on file: a batch may then mix currencies (no limit adds them up).
const noLimits = standardPolicy({ requireBuyerLimit: false, newDebtor: 'accept' });

const stake = (ownerId: string, percentage: number, stakeType: string): TitleOwnerShare => ({
  ownerId,
  percentage,
  stakeType,
});

/** An invoice from `from` to `to` with its own ids and a title that names them. */
function sale(id: string, from: string, to: string, amountMinor: number, currency: string): Deal {
  return deal({
    invoiceId: id,
    invoiceNumber: `INV-${id}`,
    supplierQuid: from,
    buyerQuid: to,
    amountMinor,
    currency,
    titleOwners: [stake(from, 0.96, 'supplier'), stake(to, 0.02, 'buyer'), stake(CARRIER, 0.02, 'carrier')],
  });
}

const codes = (d: FactoringDecision | undefined): string[] => (d?.reasons ?? []).map((r) => r.code);

function decideAll(items: BatchItem[], portfolio?: Portfolio, policy = noLimits): FactoringDecision[] {
  return [...evaluateBatch({ items, trust, policy, asOf: AS_OF, ...(portfolio && { portfolio }) }).decisions];
}

describe('contra in another currency within a batch with no limits', () => {
  it('the supplier owes the buyer 1,000,000 yen: the 5,000,000-cent invoice is held for review, not cut by 1,000,000 cents', () => {
    const [usd] = decideAll([
      sale('usd-1', SUPPLIER, BUYER, 5_000_000, 'USD'),
      sale('jpy-1', BUYER, SUPPLIER, 1_000_000, 'JPY'),
    ]);
    expect(usd?.outcome).toBe('review');
    expect(codes(usd)).toContain('CONTRA_CURRENCY_MISMATCH');
    expect(codes(usd)).not.toContain('CONTRA_HAIRCUT');
    expect(usd?.offer?.haircuts ?? []).not.toContainEqual(
      expect.objectContaining({ code: 'CONTRA_HAIRCUT' }),
    );
  });

  it('the supplier owes the buyer 1,000,000 cents: the 50,000,000-yen invoice is held for review, not approved with 1,000,000 yen set off', () => {
    const [jpy, usd] = decideAll([
      sale('jpy-2', SUPPLIER, BUYER, 50_000_000, 'JPY'),
      sale('usd-2', BUYER, SUPPLIER, 1_000_000, 'USD'),
    ]);
    expect(jpy?.outcome).toBe('review');
    expect(codes(jpy)).toContain('CONTRA_CURRENCY_MISMATCH');
    expect(codes(jpy)).not.toContain('CONTRA_HAIRCUT');
    // The other way round too: what its supplier owes its buyer is in yen.
    expect(usd?.outcome).toBe('review');
    expect(codes(usd)).toContain('CONTRA_CURRENCY_MISMATCH');
  });

  it('the message names the other currency and what is owed in it', () => {
    const [usd] = decideAll([
      sale('usd-3', SUPPLIER, BUYER, 5_000_000, 'USD'),
      sale('jpy-3', BUYER, SUPPLIER, 1_000_000, 'JPY'),
    ]);
    const r = usd?.reasons.find((x) => x.code === 'CONTRA_CURRENCY_MISMATCH');
    expect(r?.severity).toBe('review');
    expect(r?.message).toContain('1000000 JPY');
  });

  it('a contra in the same currency is still cut and approved (CONTRA_HAIRCUT)', () => {
    const [usd] = decideAll([
      sale('usd-4', SUPPLIER, BUYER, 5_000_000, 'USD'),
      sale('usd-5', BUYER, SUPPLIER, 1_000_000, 'USD'),
    ]);
    expect(usd?.outcome).toBe('approve');
    expect(usd?.offer?.haircuts).toContainEqual({ code: 'CONTRA_HAIRCUT', amountMinor: 1_000_000 });
    expect(codes(usd)).not.toContain('CONTRA_CURRENCY_MISMATCH');
  });

  it('owed in both the same and another currency: the same-currency part is cut, and the invoice is held for the rest', () => {
    const [usd] = decideAll([
      sale('usd-6', SUPPLIER, BUYER, 5_000_000, 'USD'),
      sale('usd-7', BUYER, SUPPLIER, 1_000_000, 'USD'),
      sale('jpy-7', BUYER, SUPPLIER, 2_000_000, 'JPY'),
    ]);
    expect(usd?.outcome).toBe('review');
    expect(usd?.offer?.haircuts).toContainEqual({ code: 'CONTRA_HAIRCUT', amountMinor: 1_000_000 });
    expect(codes(usd)).toContain('CONTRA_CURRENCY_MISMATCH');
  });

  it("a sister company of the buyer's group sells back in yen: the group is one party, the invoice is held", () => {
    const [usd] = decideAll(
      [sale('usd-8', SUPPLIER, BUYER, 5_000_000, 'USD'), sale('jpy-8', SISTER, SUPPLIER, 1_000_000, 'JPY')],
      { buyerGroup: { [BUYER]: 'group-b', [SISTER]: 'group-b' } },
    );
    expect(codes(usd)).toContain('CONTRA_CURRENCY_MISMATCH');
    expect(usd?.outcome).toBe('review');
  });
});

describe('contra in another currency with a book in USD', () => {
  const book: Portfolio = {
    currency: 'USD',
    buyerLimitMinor: { [BUYER]: 50_000_000, [SUPPLIER]: 50_000_000 },
  };
  const standard = standardPolicy();

  it("the USD invoice is not cut by the batch's yen invoice the other way round: held for review", () => {
    const [usd] = decideAll(
      [sale('usd-9', SUPPLIER, BUYER, 5_000_000, 'USD'), sale('jpy-9', BUYER, SUPPLIER, 1_000_000, 'JPY')],
      book,
      standard,
    );
    expect(usd?.outcome).toBe('review');
    expect(codes(usd)).toContain('CONTRA_CURRENCY_MISMATCH');
    expect(codes(usd)).not.toContain('CONTRA_HAIRCUT');
  });

  it("a JPY invoice is not cut by the book's USD ledger of what the supplier owes the buyer", () => {
    const ledgerBook: Portfolio = {
      ...book,
      supplierLedger: { [BUYER]: { totalOpenMinor: 1_000_000, byBuyerOpenMinor: { [SUPPLIER]: 1_000_000 } } },
    };
    const d = sale('jpy-10', SUPPLIER, BUYER, 50_000_000, 'JPY');
    const x = evaluateInvoice({ ...d, trust, policy: standard, asOf: AS_OF, portfolio: ledgerBook });
    expect(x.outcome).toBe('review');
    expect(codes(x)).toContain('CONTRA_CURRENCY_MISMATCH');
    expect(codes(x)).not.toContain('CONTRA_HAIRCUT');
  });

  it("a USD invoice is still cut by the book's USD ledger (CONTRA_HAIRCUT)", () => {
    const ledgerBook: Portfolio = {
      ...book,
      supplierLedger: { [BUYER]: { totalOpenMinor: 1_000_000, byBuyerOpenMinor: { [SUPPLIER]: 1_000_000 } } },
    };
    const d = sale('usd-10', SUPPLIER, BUYER, 5_000_000, 'USD');
    const x = evaluateInvoice({ ...d, trust, policy: standard, asOf: AS_OF, portfolio: ledgerBook });
    expect(x.offer?.haircuts).toContainEqual({ code: 'CONTRA_HAIRCUT', amountMinor: 1_000_000 });
    expect(codes(x)).not.toContain('CONTRA_CURRENCY_MISMATCH');
  });
});
