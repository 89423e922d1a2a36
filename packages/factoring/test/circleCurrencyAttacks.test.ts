// Circles of sales with a leg in another currency. The circle search compared amounts in raw minor
// units, so a circle with one leg in yen was missed (7,500,000 yen and 5,000,000 cents are never
// "alike") and its dollar invoices were bought; and numbers in different currencies that looked
// alike by accident (5,050,000 yen beside 5,000,000 cents) were reported as "the same amount".
// A circle of trades is a circle whatever the currency of a leg: without an exchange rate its
// amounts cannot be compared, so every invoice on it is held for review with a reason that says
// so (CIRCULAR_TRADE_MIXED_CURRENCY); amounts in one currency are still compared (CIRCULAR_TRADE).
import { describe, expect, it } from 'vitest';
import {
  type BatchItem,
  evaluateBatch,
  type FactoringDecision,
  type InvoiceFingerprintRecord,
  type Portfolio,
  standardPolicy,
  type TitleOwnerShare,
  trustSourceFromRecord,
} from '../src/index.js';
import { AS_OF, DAY, DEAL_TRUST, type Deal, deal, NOW, viaBureau } from './fixtures.js';

const SUPPLIER = 'a0a0a0a0a0a0a0a0';
const BUYER = 'b0b0b0b0b0b0b0b0';
const CARRIER = 'c0c0c0c0c0c0c0c0';
const THIRD = 'd0d0d0d0d0d0d0d0';

const trust = trustSourceFromRecord({ ...DEAL_TRUST, [THIRD]: viaBureau(THIRD, 0.88) });
// No limits on file: a batch may then mix currencies (no limit adds them up).
const noLimits = standardPolicy({ requireBuyerLimit: false, newDebtor: 'accept' });

const stake = (ownerId: string, percentage: number, stakeType: string): TitleOwnerShare => ({
  ownerId,
  percentage,
  stakeType,
});

function sale(id: string, from: string, to: string, amountMinor: number, currency: string, day = 0): Deal {
  return deal({
    invoiceId: id,
    invoiceNumber: `INV-${id}`,
    supplierQuid: from,
    buyerQuid: to,
    amountMinor,
    currency,
    issuedAt: NOW + day * DAY,
    dueAt: NOW + day * DAY + 60 * DAY,
    titleOwners: [stake(from, 0.96, 'supplier'), stake(to, 0.02, 'buyer'), stake(CARRIER, 0.02, 'carrier')],
  });
}

const codes = (d: FactoringDecision | undefined): string[] => (d?.reasons ?? []).map((r) => r.code);

function decideAll(items: BatchItem[], portfolio?: Portfolio): FactoringDecision[] {
  return [
    ...evaluateBatch({ items, trust, policy: noLimits, asOf: AS_OF, ...(portfolio && { portfolio }) })
      .decisions,
  ];
}

/** The known-invoice record of a sale, as a registry or the book would store it. */
function recordOf(d: Deal, currency?: string): InvoiceFingerprintRecord {
  const inv = d.invoice;
  return {
    invoiceId: inv.invoiceId,
    invoiceNumber: inv.invoiceNumber ?? '',
    supplierQuid: inv.supplierQuid,
    buyerQuid: inv.buyerQuid,
    amountMinor: inv.amountMinor,
    issuedAt: inv.issuedAt,
    ...(currency !== undefined && { currency }),
  };
}

describe('a circle of sales with one leg in yen (A to B and B to C in dollars, C back to A in yen)', () => {
  it('the yen leg is about the same money (7,500,000 JPY beside 50,000.00 USD): every invoice on the circle is held for review, not bought', () => {
    const ds = decideAll([
      sale('m-1', SUPPLIER, BUYER, 5_000_000, 'USD'),
      sale('m-2', BUYER, THIRD, 4_900_000, 'USD', 1),
      sale('m-3', THIRD, SUPPLIER, 7_500_000, 'JPY', 2),
    ]);
    expect(ds.map((d) => d.outcome)).toEqual(['review', 'review', 'review']);
    for (const d of ds) {
      expect(codes(d)).toContain('CIRCULAR_TRADE_MIXED_CURRENCY');
      expect(d.fraudFlags).toContain('CIRCULAR_TRADE_MIXED_CURRENCY');
      // Not claimed to be of about the same amount: that was not compared.
      expect(codes(d)).not.toContain('CIRCULAR_TRADE');
    }
    const message = ds[0]?.reasons.find((r) => r.code === 'CIRCULAR_TRADE_MIXED_CURRENCY')?.message ?? '';
    expect(message).toContain('m-3');
    expect(message).toContain('JPY');
  });

  it('the yen leg only looks alike in raw minor units (5,050,000 JPY beside 5,000,000 cents): held as a circle whose amounts were not compared, not as one of the same amount', () => {
    const ds = decideAll([
      sale('r-1', SUPPLIER, BUYER, 5_000_000, 'USD'),
      sale('r-2', BUYER, THIRD, 4_900_000, 'USD', 1),
      sale('r-3', THIRD, SUPPLIER, 5_050_000, 'JPY', 2),
    ]);
    expect(ds.map((d) => d.outcome)).toEqual(['review', 'review', 'review']);
    for (const d of ds) {
      expect(codes(d)).toContain('CIRCULAR_TRADE_MIXED_CURRENCY');
      expect(codes(d)).not.toContain('CIRCULAR_TRADE');
    }
  });

  it('the yen leg issued more than 30 days away is no circle: the date window still applies', () => {
    const ds = decideAll([
      sale('w-1', SUPPLIER, BUYER, 5_000_000, 'USD'),
      sale('w-2', BUYER, THIRD, 4_900_000, 'USD', 1),
      sale('w-3', THIRD, SUPPLIER, 7_500_000, 'JPY', -40),
    ]);
    for (const d of ds) {
      expect(codes(d)).not.toContain('CIRCULAR_TRADE_MIXED_CURRENCY');
      expect(codes(d)).not.toContain('CIRCULAR_TRADE');
    }
    expect(ds[0]?.outcome).toBe('approve');
  });

  it('two yen legs of one circle are compared with each other: 7,500,000 and 75,000 JPY are no round trip', () => {
    const FOURTH = 'c0c0c0c0c0c0c0c0';
    const ds = decideAll([
      sale('y-1', SUPPLIER, BUYER, 5_000_000, 'USD'),
      sale('y-2', BUYER, THIRD, 7_500_000, 'JPY', 1),
      sale('y-3', THIRD, FOURTH, 75_000, 'JPY', 2),
      sale('y-4', FOURTH, SUPPLIER, 4_900_000, 'USD', 3),
    ]);
    for (const d of ds) expect(codes(d)).not.toContain('CIRCULAR_TRADE_MIXED_CURRENCY');
  });

  it('a circle of yen alike in yen is a CIRCULAR_TRADE, as one in dollars is', () => {
    const ds = decideAll([
      sale('j-1', SUPPLIER, BUYER, 7_500_000, 'JPY'),
      sale('j-2', BUYER, THIRD, 7_400_000, 'JPY', 1),
      sale('j-3', THIRD, SUPPLIER, 7_600_000, 'JPY', 2),
    ]);
    for (const d of ds) {
      expect(d.outcome).toBe('review');
      expect(codes(d)).toContain('CIRCULAR_TRADE');
      expect(codes(d)).not.toContain('CIRCULAR_TRADE_MIXED_CURRENCY');
    }
  });

  it('a circle in one currency is reported as CIRCULAR_TRADE even when a mixed one runs through the same invoice', () => {
    const ds = decideAll([
      sale('b-1', SUPPLIER, BUYER, 5_000_000, 'USD'),
      // Listed and issued first: a search that took any leg would close the circle through it.
      sale('b-2y', BUYER, SUPPLIER, 7_500_000, 'JPY', -1),
      sale('b-2', BUYER, SUPPLIER, 5_000_000, 'USD', 1),
    ]);
    expect(codes(ds[0])).toContain('CIRCULAR_TRADE');
    expect(codes(ds[0])).not.toContain('CIRCULAR_TRADE_MIXED_CURRENCY');
  });
});

describe('a circle closed by a known invoice in another currency (portfolio.knownInvoices)', () => {
  const a = sale('k-1', SUPPLIER, BUYER, 5_000_000, 'USD');
  const b = sale('k-2', BUYER, THIRD, 4_900_000, 'USD', 1);
  const back = sale('k-3', THIRD, SUPPLIER, 7_500_000, 'JPY', 2);

  it('a known yen invoice that closes the circle holds the dollar invoices for review', () => {
    const ds = decideAll([a, b], { knownInvoices: [recordOf(back, 'JPY')] });
    for (const d of ds) {
      expect(d.outcome).toBe('review');
      expect(codes(d)).toContain('CIRCULAR_TRADE_MIXED_CURRENCY');
    }
  });

  it('a known record in yen that looks alike in raw units (5,050,000) is not called the same amount', () => {
    const raw = sale('k-4', THIRD, SUPPLIER, 5_050_000, 'JPY', 2);
    const ds = decideAll([a, b], { knownInvoices: [recordOf(raw, 'JPY')] });
    for (const d of ds) {
      expect(codes(d)).toContain('CIRCULAR_TRADE_MIXED_CURRENCY');
      expect(codes(d)).not.toContain('CIRCULAR_TRADE');
    }
  });

  it('a known record with no currency is in the book currency: compared as dollars in a dollar book', () => {
    const alikeBack = sale('k-5', THIRD, SUPPLIER, 5_050_000, 'USD', 2);
    const ds = decideAll([a, b], { currency: 'USD', knownInvoices: [recordOf(alikeBack)] });
    for (const d of ds) expect(codes(d)).toContain('CIRCULAR_TRADE');
    const unlike = sale('k-6', THIRD, SUPPLIER, 500_000, 'USD', 2);
    const ds2 = decideAll([a, b], { currency: 'USD', knownInvoices: [recordOf(unlike)] });
    for (const d of ds2) {
      expect(codes(d)).not.toContain('CIRCULAR_TRADE');
      expect(codes(d)).not.toContain('CIRCULAR_TRADE_MIXED_CURRENCY');
    }
  });

  it('a known record with no currency, in a yen book, is not compared with dollar invoices as dollars', () => {
    const rawAlike = sale('k-7', THIRD, SUPPLIER, 5_050_000, 'USD', 2);
    const ds = decideAll([a, b], { currency: 'JPY', knownInvoices: [recordOf(rawAlike)] });
    for (const d of ds) {
      expect(codes(d)).toContain('CIRCULAR_TRADE_MIXED_CURRENCY');
      expect(codes(d)).not.toContain('CIRCULAR_TRADE');
    }
  });
});
