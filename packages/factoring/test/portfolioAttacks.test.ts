// Attacks through the financier's book and the other inputs around the invoice (adversarial review
// of the decision engine, round 4): a misspelt portfolio key, an omitted or forged title, a related
// party the book reveals, a buyer history no buyer could have, limits kept in another currency.
// One test per attack, each named after it: the engine must refuse the input with its path, or
// hold or decline the invoice. Never approve.
import { describe, expect, it } from 'vitest';
import {
  createPortfolioState,
  evaluateBatch,
  evaluateInvoice,
  type FactoringDecision,
  type FactoringInputError,
  type InvoiceInput,
  isFactoringError,
  type PaidInvoiceRecord,
  type Portfolio,
  pocPolicy,
  profileBuyer,
  standardPolicy,
  type TitleOwnerShare,
  type TrustReading,
  trustSourceFromRecord,
} from '../src/index.js';
import { AS_OF, BOOK, DAY, type Deal, deal, NOW, refused, viaBureau } from './fixtures.js';

const SUPPLIER = 'a0a0a0a0a0a0a0a0';
const BUYER = 'b0b0b0b0b0b0b0b0';
const CARRIER = 'c0c0c0c0c0c0c0c0';
const FIN_F = 'f0f0f0f0f0f0f0f0';
const OTHER = 'e0e0e0e0e0e0e0e0';

const TRUST: Record<string, TrustReading> = {
  [SUPPLIER]: viaBureau(SUPPLIER, 0.85),
  [BUYER]: viaBureau(BUYER, 0.9),
  [CARRIER]: { level: 0.7, observedAt: NOW, pathLength: 1 },
};
const trust = trustSourceFromRecord(TRUST);

/** The standard policy's decision on `d` with `portfolio` (any shape, as a JSON config gives it). */
function run(d: Deal, portfolio?: unknown, invoice: InvoiceInput = d.invoice): FactoringDecision {
  return evaluateInvoice({
    invoice,
    events: d.events,
    trust,
    policy: standardPolicy(),
    asOf: AS_OF,
    ...(portfolio !== undefined ? { portfolio: portfolio as Portfolio } : {}),
  });
}

const paths = (e: FactoringInputError): string[] => e.issues.map((i) => i.path);
const codes = (d: FactoringDecision): string[] => d.reasons.map((r) => r.code);

describe('finding 1: a misspelt portfolio key is refused, not read as no limit', () => {
  it('a buyer limit under the misspelt key buyerLimitsMinor is refused at its path', () => {
    const e = refused(() => run(deal(), { buyerLimitsMinor: { [BUYER]: 1_000_000 } }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(paths(e)).toEqual(['portfolio.buyerLimitsMinor']);
  });

  it('a facility limit under facilityLimit (no Minor) is refused at its path', () => {
    const e = refused(() => run(deal(), { facilityLimit: 1_000_000, totalExposureMinor: 0 }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(paths(e)).toEqual(['portfolio.facilityLimit']);
  });

  it('a misspelt key inside a supplier ledger entry is refused at its path', () => {
    const e = refused(() =>
      run(deal(), { supplierLedger: { [SUPPLIER]: { totalOpenMinor: 1, byBuyerOpenMinr: {} } } }),
    );
    expect(paths(e)).toContain(`portfolio.supplierLedger.${SUPPLIER}.byBuyerOpenMinr`);
  });

  it('a PortfolioState handed to evaluateBatch is refused, not read as an empty book', () => {
    const state = createPortfolioState({ buyerLimitMinor: { [BUYER]: 1_000_000 } });
    const e = refused(() =>
      evaluateBatch({
        items: [deal()],
        trust,
        policy: standardPolicy(),
        asOf: AS_OF,
        portfolio: state as unknown as Portfolio,
      }),
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(paths(e)).toEqual(['portfolio']);
    expect(e.issues[0]?.message).toContain('PortfolioState');
  });

  it("a buyer limit keyed by the quid in upper case is refused (it would be no one's limit, and the default would apply)", () => {
    const upper = BUYER.replace(/b/g, 'B');
    const e = refused(() =>
      evaluateInvoice({
        invoice: deal().invoice,
        events: deal().events,
        trust,
        policy: standardPolicy({ defaultBuyerLimitMinor: 900_000_000 }),
        asOf: AS_OF,
        portfolio: { buyerLimitMinor: { [upper]: 1_000_000 } },
      }),
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(paths(e)).toEqual([`portfolio.buyerLimitMinor.${upper}`]);
    expect(e.issues[0]?.message).toContain(BUYER);
  });

  it("a supplier ledger naming the buyer's quid in upper case is refused at its path", () => {
    const upper = BUYER.toUpperCase();
    const e = refused(() =>
      run(deal(), {
        buyerLimitMinor: { [BUYER]: 100_000_000 },
        supplierLedger: {
          [SUPPLIER]: { totalOpenMinor: 10_000_000, byBuyerOpenMinor: { [upper]: 9_000_000 } },
        },
      }),
    );
    expect(paths(e)).toEqual([`portfolio.supplierLedger.${SUPPLIER}.byBuyerOpenMinor.${upper}`]);
  });

  it('keys that are not quids at all (a group name, an ERP id) are left to the caller', () => {
    const x = run(deal(), {
      buyerLimitMinor: { [BUYER]: 100_000_000, 'ACME-HOLDING': 5 },
      groupLimitMinor: { PARENT: 1 },
    });
    expect(x.outcome).toBe('approve');
  });

  it('the correctly spelt buyer limit still holds the advance to the limit', () => {
    const x = run(deal(), { buyerLimitMinor: { [BUYER]: 1_000_000 } });
    expect(x.offer?.advanceMinor).toBeLessThanOrEqual(1_000_000);
  });
});

/** The deal with its title left out, as a caller that does not pass it sends it. */
function untitled(d: Deal): InvoiceInput {
  const { titleOwners: _omitted, ...invoice } = d.invoice;
  return invoice;
}

describe('finding 2: an invoice passed without its title is held, not bought unchecked', () => {
  it('a title sold 100 % to another financier but left out of the call is held (TITLE_UNKNOWN), not approved', () => {
    const sold = deal({
      titleOwners: [{ ownerId: 'f9f9f9f9f9f9f9f9', percentage: 1, stakeType: 'financier' }],
    });
    expect(run(sold).outcome).toBe('reject');
    const x = run(sold, undefined, untitled(sold));
    expect(x.outcome).toBe('pending');
    expect(codes(x)).toContain('TITLE_UNKNOWN');
    expect(x.offer).toBeNull();
    expect(x.trace.find((t) => t.rule === 'title-ownership')?.outcome).toBe('fail');
  });

  it('the proof-of-concept preset keeps deciding an untitled invoice as the proof of concept did', () => {
    const d = deal();
    const x = evaluateInvoice({
      invoice: untitled(d),
      events: d.events,
      trust,
      policy: pocPolicy(),
      asOf: AS_OF,
    });
    expect(codes(x)).not.toContain('TITLE_UNKNOWN');
  });

  it('with the title check turned off an untitled invoice is not held for its title', () => {
    const d = deal();
    const x = evaluateInvoice({
      invoice: untitled(d),
      events: d.events,
      trust,
      policy: standardPolicy({ checks: { titleOwnership: false } }),
      asOf: AS_OF,
    });
    expect(codes(x)).not.toContain('TITLE_UNKNOWN');
  });
});

const stake = (ownerId: string, percentage: number, stakeType: string): TitleOwnerShare => ({
  ownerId,
  percentage,
  stakeType,
});
const REST = [stake(CARRIER, 0.02, 'carrier'), stake(FIN_F, 0.02, 'financier')];

describe("finding 3: the title's supplier and buyer stakes must be the invoice's parties", () => {
  it("the title's buyer stake held by another quid is held for review (TITLE_ROLE_MISMATCH)", () => {
    const x = run(
      deal({ titleOwners: [stake(SUPPLIER, 0.94, 'supplier'), stake(OTHER, 0.02, 'buyer'), ...REST] }),
    );
    expect(x.outcome).toBe('review');
    expect(codes(x)).toContain('TITLE_ROLE_MISMATCH');
    expect(x.fraudFlags).toContain('TITLE_ROLE_MISMATCH');
  });

  it("the title's buyer stake held by the supplier itself is held for review", () => {
    const x = run(
      deal({ titleOwners: [stake(SUPPLIER, 0.94, 'supplier'), stake(SUPPLIER, 0.02, 'buyer'), ...REST] }),
    );
    expect(x.outcome).toBe('review');
    expect(codes(x)).toContain('TITLE_ROLE_MISMATCH');
  });

  it("supplier and buyer stakes swapped (the invoice's buyer holds the title's supplier stake) is held for review", () => {
    const x = run(
      deal({ titleOwners: [stake(SUPPLIER, 0.94, 'buyer'), stake(BUYER, 0.02, 'supplier'), ...REST] }),
    );
    expect(x.outcome).toBe('review');
    expect(codes(x)).toContain('TITLE_ROLE_MISMATCH');
  });

  it('a title whose roles match the parties is approved as before', () => {
    expect(run(deal(), BOOK).outcome).toBe('approve');
  });
});

describe('neighbour of finding 3: part of the title already belongs to another financier', () => {
  // 51/47 (and the buyer's 2 %): the supplier keeps a majority, so TITLE_NOT_OWNED_BY_SUPPLIER does
  // not fire, but 47 % of what the buyer pays belongs to a financier that already bought it. Funding
  // the whole invoice finances that part twice.
  const split = (other: number, type = 'financier') =>
    deal({
      titleOwners: [
        stake(SUPPLIER, 0.98 - other, 'supplier'),
        stake(BUYER, 0.02, 'buyer'),
        stake(OTHER, other, type),
      ],
    });

  it('another financier holding 47 % of the title beside a 51 % supplier is held for review (TITLE_SHARED), not funded in full', () => {
    const x = run(split(0.47));
    expect(x.outcome).toBe('review');
    expect(codes(x)).toContain('TITLE_SHARED');
    expect(x.reasons.find((r) => r.code === 'TITLE_SHARED')?.message).toContain(OTHER);
  });

  it('a 30 % stake of no declared type held by a stranger is held for review too', () => {
    const x = run(
      deal({
        titleOwners: [
          stake(SUPPLIER, 0.68, 'supplier'),
          stake(BUYER, 0.02, 'buyer'),
          { ownerId: OTHER, percentage: 0.3 },
        ],
      }),
    );
    expect(codes(x)).toContain('TITLE_SHARED');
    expect(x.outcome).not.toBe('approve');
  });

  it("the protocol's usual small stakes (carrier and financiers at 2 % each, 6 % in all) are not flagged", () => {
    expect(codes(run(deal()))).not.toContain('TITLE_SHARED');
  });

  it('the bound is a policy field (maxThirdPartyTitleShareBps), the proof-of-concept preset has none', () => {
    const d = split(0.2);
    const loose = evaluateInvoice({
      invoice: d.invoice,
      events: d.events,
      trust,
      policy: standardPolicy({ maxThirdPartyTitleShareBps: 2_500 }),
      asOf: AS_OF,
    });
    expect(codes(loose)).not.toContain('TITLE_SHARED');
    expect(codes(run(d))).toContain('TITLE_SHARED');
    expect(pocPolicy()).not.toHaveProperty('maxThirdPartyTitleShareBps');
  });
});

describe('finding 4: a supplier and buyer the book puts in one group are a related party', () => {
  it('supplier and buyer in one group (portfolio.buyerGroup) are rejected as a related party (RELATED_PARTY)', () => {
    const x = run(deal(), {
      buyerGroup: { [SUPPLIER]: 'GROUP-ACME', [BUYER]: 'GROUP-ACME' },
      facilityLimitMinor: 1_000_000_000,
      totalExposureMinor: 0,
    });
    expect(x.outcome).toBe('reject');
    expect(codes(x)).toContain('RELATED_PARTY');
    expect(x.offer).toBeNull();
  });

  it('supplier and buyer in different groups are not a related party', () => {
    const x = run(deal(), {
      buyerGroup: { [SUPPLIER]: 'GROUP-ACME', [BUYER]: 'GROUP-MEGA' },
      buyerLimitMinor: { [BUYER]: 100_000_000 },
    });
    expect(codes(x)).not.toContain('RELATED_PARTY');
    expect(x.outcome).toBe('approve');
  });
});

describe('finding 5: a buyer history no buyer could have is refused, and only records known at asOf count', () => {
  const due = deal({ dueAt: NOW + 150 * DAY });
  const withHistory = (records: PaidInvoiceRecord[]): FactoringDecision =>
    evaluateInvoice({
      invoice: due.invoice,
      events: due.events,
      trust,
      policy: standardPolicy(),
      asOf: AS_OF,
      buyerHistory: { records },
    });
  // An ETL that writes paidAt = 0 for "unknown": invoices "paid 53 years early".
  const epoch: PaidInvoiceRecord[] = Array.from({ length: 20 }, (_, i) => ({
    dueAt: NOW - 100 * DAY + i * DAY,
    paidAt: 0,
    amountMinor: 1_000_000,
  }));

  it('history records paid at the epoch (paidAt = 0, 15,668 days early) are refused at the record path', () => {
    const e = refused(() => withHistory(epoch));
    expect(e.code).toBe('INVALID_INPUT');
    expect(paths(e)).toContain('buyerHistory.records[0].paidAt');
    expect(e.issues[0]?.message).toContain('3650');
  });

  it('profileBuyer refuses the epoch history the engine refuses as a precomputed buyerProfile', () => {
    expect(refused(() => profileBuyer({ records: epoch }, [0, 5, 30], 5, 300)).code).toBe('INVALID_INPUT');
  });

  it('a batch refuses a buyer history paid at the epoch', () => {
    const e = refused(() =>
      evaluateBatch({
        items: [due],
        trust,
        policy: standardPolicy(),
        asOf: AS_OF,
        buyerHistories: { [BUYER]: { records: epoch } },
      }),
    );
    expect(e.code).toBe('INVALID_INPUT');
  });

  // Invoices due and paid after the decision ("140 days early"): not yet history at asOf.
  const future: PaidInvoiceRecord[] = Array.from({ length: 20 }, (_, i) => ({
    dueAt: AS_OF + (200 + i) * DAY,
    paidAt: AS_OF + (60 + i) * DAY,
    amountMinor: 1_000_000,
  }));

  it('history records due and paid after asOf do not shorten the tenor (they are not yet history)', () => {
    const none = withHistory([]);
    const x = withHistory(future);
    expect(x.payment?.daysLate).toEqual(none.payment?.daysLate);
    expect(x.payment?.expectedDays).toBe(none.payment?.expectedDays);
    expect(x.offer?.feeMinor).toBe(none.offer?.feeMinor);
  });

  it('a batch does not count history records due and paid after its asOf', () => {
    const batch = (records: PaidInvoiceRecord[]) =>
      evaluateBatch({
        items: [due],
        trust,
        policy: standardPolicy(),
        asOf: AS_OF,
        buyerHistories: { [BUYER]: { records } },
      }).decisions[0];
    expect(batch(future)?.payment?.expectedDays).toBe(batch([])?.payment?.expectedDays);
  });

  it('a history padded with 200 one-cent paid invoices does not hide a buyer that disputed its 5 real ones', () => {
    const real: PaidInvoiceRecord[] = Array.from({ length: 5 }, (_, i) => ({
      dueAt: NOW - 90 * DAY + i * DAY,
      paidAt: NOW - 80 * DAY + i * DAY,
      amountMinor: 4_000_000,
      disputed: true,
    }));
    const padding: PaidInvoiceRecord[] = Array.from({ length: 200 }, (_, i) => ({
      dueAt: NOW - 60 * DAY + (i % 50) * DAY,
      paidAt: NOW - 60 * DAY + (i % 50) * DAY,
      amountMinor: 1,
    }));
    const x = withHistory([...real, ...padding]);
    expect(codes(x)).toContain('BUYER_DISPUTE_RATE_HIGH');
    expect(x.outcome).not.toBe('approve');
    // By count the padding makes it 2.4 %; by amount it is still almost all of what the buyer owed.
    expect(
      profileBuyer({ records: [...real, ...padding] }, [0, 5, 30], 5, 300).disputeRateBps,
    ).toBeGreaterThan(9_000);
  });
});

describe("finding 6: limits are kept in the book's currency", () => {
  // A Korean financier's book in KRW (exponent 0): a buyer limit of 100,000,000 KRW (~72,000 USD),
  // and a USD invoice of 900,000.00 USD (90,000,000 cents).
  const usd = deal({ amountMinor: 90_000_000, currency: 'USD' }, { ackAmount: 90_000_000 });
  const krwBook = {
    currency: 'KRW',
    buyerLimitMinor: { [BUYER]: 100_000_000 },
    facilityLimitMinor: 1_000_000_000,
  };

  it("a USD invoice against a KRW book's limits is held for review (CURRENCY_NOT_BOOK), not checked against them", () => {
    const x = run(usd, krwBook);
    expect(x.outcome).toBe('review');
    expect(codes(x)).toContain('CURRENCY_NOT_BOOK');
    // Neither the KRW buyer limit nor the KRW facility is applied to the dollars.
    expect([x.limits?.buyer.limitMinor, x.limits?.facility.limitMinor]).toEqual([null, null]);
  });

  it("an invoice in the book's currency is still held to the book's limits", () => {
    const x = run(deal(), { currency: 'USD', buyerLimitMinor: { [BUYER]: 1_000_000 } });
    expect(codes(x)).not.toContain('CURRENCY_NOT_BOOK');
    expect(codes(x)).toContain('LIMIT_HAIRCUT');
    expect(x.offer?.advanceMinor).toBeLessThanOrEqual(1_000_000);
  });

  it('a portfolio currency that is not an ISO 4217 code is refused at portfolio.currency', () => {
    const e = refused(() => run(deal(), { currency: 'usd', buyerLimitMinor: { [BUYER]: 1_000_000 } }));
    expect(paths(e)).toEqual(['portfolio.currency']);
  });

  const jpy = deal(
    { invoiceId: 'inv-J', invoiceNumber: 'J-1', amountMinor: 5_000_000, currency: 'JPY' },
    { ids: 'J' },
  );
  const batch = (portfolio: Portfolio) =>
    evaluateBatch({ items: [usd, jpy], trust, policy: standardPolicy(), asOf: AS_OF, portfolio });

  it('a batch adding USD cents and JPY yen under one buyer limit with no portfolio.currency is refused', () => {
    const e = refused(() => batch({ buyerLimitMinor: { [BUYER]: 200_000_000 } }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(paths(e)).toEqual(['portfolio.currency']);
    expect(e.issues[0]?.message).toContain('set portfolio.currency');
  });

  it('a batch with portfolio.currency holds the foreign invoice and funds only the one in the book currency', () => {
    const r = batch({ currency: 'USD', buyerLimitMinor: { [BUYER]: 200_000_000 } });
    expect(r.decisions.map((d) => d.outcome)).toEqual(['approve', 'review']);
    expect(codes(r.decisions[1] as FactoringDecision)).toContain('CURRENCY_NOT_BOOK');
    // The summary keeps the currencies apart: the cash out is the USD approval's, no yen.
    expect(r.summary.byCurrency['USD']?.advanceMinor).toBe(r.decisions[0]?.offer?.advanceMinor);
    expect(r.summary.byCurrency['JPY']?.advanceMinor).toBe(0);
  });

  it('a batch of two currencies with no limit or exposure needs no portfolio.currency', () => {
    // Without requireBuyerLimit: nothing in the book is kept in any currency, so both are funded
    // (the caller verified both debtors: newDebtor 'accept').
    const r = evaluateBatch({
      items: [usd, jpy],
      trust,
      policy: standardPolicy({ requireBuyerLimit: false, newDebtor: 'accept' }),
      asOf: AS_OF,
      portfolio: {},
    });
    expect(r.decisions.map((d) => d.outcome)).toEqual(['approve', 'approve']);
    // Under the standard policy each is held for its missing buyer limit, not refused as a batch.
    expect(batch({}).decisions.map((d) => d.outcome)).toEqual(['pending', 'pending']);
  });
});

describe('finding 4b: a buyer that also sells to the supplier in the book (contra) is not funded on what it owes', () => {
  const contraBook = (owed: number) => ({
    buyerLimitMinor: { [BUYER]: 100_000_000 },
    supplierLedger: {
      [SUPPLIER]: { totalOpenMinor: 50_000_000, byBuyerOpenMinor: {} },
      [BUYER]: { totalOpenMinor: 6_000_000, byBuyerOpenMinor: { [SUPPLIER]: owed } },
    },
  });

  it('circular trade: the buyer is owed more by the supplier than the invoice, so nothing is funded', () => {
    const x = run(deal(), contraBook(6_000_000));
    expect(x.outcome).not.toBe('approve');
    expect(codes(x)).toContain('CONTRA_HAIRCUT');
  });

  it('a buyer owed 1,000,000 by the supplier: that much of the invoice is ineligible (CONTRA_HAIRCUT)', () => {
    const x = run(deal(), contraBook(1_000_000));
    expect(codes(x)).toContain('CONTRA_HAIRCUT');
    expect(x.offer?.haircuts).toContainEqual({ code: 'CONTRA_HAIRCUT', amountMinor: 1_000_000 });
    expect(x.offer?.eligibleMinor).toBeLessThanOrEqual(4_000_000);
  });
});

describe('neighbour of finding 4b: the supplier and the buyer invoice each other in one batch', () => {
  // Neither has a ledger in the book, so the contra was seen only from supplierLedger: both invoices
  // were funded in full, though the buyer will set off the 1,000,000 the supplier owes it.
  const forward = deal();
  const reverse = deal({
    invoiceId: 'inv-200',
    invoiceNumber: 'INV-B-0200',
    supplierQuid: BUYER,
    buyerQuid: SUPPLIER,
    amountMinor: 1_000_000,
    titleOwners: [
      stake(BUYER, 0.96, 'supplier'),
      stake(SUPPLIER, 0.02, 'buyer'),
      stake(CARRIER, 0.02, 'carrier'),
    ],
  });
  const book = { buyerLimitMinor: { [BUYER]: 50_000_000, [SUPPLIER]: 50_000_000 } };
  const decideAll = (items: Deal[]) =>
    evaluateBatch({ items, trust, policy: standardPolicy(), asOf: AS_OF, portfolio: book }).decisions;

  it("what the supplier owes the buyer on the batch's other invoice is ineligible (CONTRA_HAIRCUT)", () => {
    const [x] = decideAll([forward, reverse]);
    expect(codes(x as FactoringDecision)).toContain('CONTRA_HAIRCUT');
    expect(x?.offer?.haircuts).toContainEqual({ code: 'CONTRA_HAIRCUT', amountMinor: 1_000_000 });
  });

  it('and the other way round: the smaller invoice is wholly set off and not approved', () => {
    const [, y] = decideAll([forward, reverse]);
    expect(codes(y as FactoringDecision)).toContain('CONTRA_HAIRCUT');
    expect(y?.outcome).not.toBe('approve');
  });

  it('each alone in a batch is funded without a contra haircut', () => {
    expect(codes(decideAll([forward])[0] as FactoringDecision)).not.toContain('CONTRA_HAIRCUT');
    expect(codes(decideAll([reverse])[0] as FactoringDecision)).not.toContain('CONTRA_HAIRCUT');
  });
});

describe('contra: the book and the batch together (third review)', () => {
  // The buyer's ledger already shows 1,000,000 the supplier owes it, and the batch holds a new
  // 2,000,000 invoice from the buyer to the supplier: the buyer may set off 3,000,000. The larger of
  // the two (2,000,000) was cut, so the supplier's invoice was over-advanced by a million.
  it('what the supplier owes in the book and on the batch is cut together (3,000,000), not the larger alone', () => {
    const forward = deal();
    const reverse = deal(
      {
        invoiceId: 'inv-300',
        invoiceNumber: 'INV-B-0300',
        supplierQuid: BUYER,
        buyerQuid: SUPPLIER,
        amountMinor: 2_000_000,
        titleOwners: [
          stake(BUYER, 0.96, 'supplier'),
          stake(SUPPLIER, 0.02, 'buyer'),
          stake(CARRIER, 0.02, 'carrier'),
        ],
      },
      { ids: 'r3' },
    );
    const book = {
      buyerLimitMinor: { [BUYER]: 50_000_000, [SUPPLIER]: 50_000_000 },
      supplierLedger: { [BUYER]: { totalOpenMinor: 1_000_000, byBuyerOpenMinor: { [SUPPLIER]: 1_000_000 } } },
    };
    const [x] = evaluateBatch({
      items: [forward, reverse],
      trust,
      policy: standardPolicy(),
      asOf: AS_OF,
      portfolio: book,
    }).decisions;
    expect(x?.offer?.haircuts).toContainEqual({ code: 'CONTRA_HAIRCUT', amountMinor: 3_000_000 });
  });
});

describe('neighbour of finding 4b: a circular trade (A sells to B, B to C, C back to A)', () => {
  // Three companies invoice each other round a circle for about the same amount within days
  // (FACTORING.md F9): no sale needs to have happened for the three receivables to look real, and
  // no pair of them is a contra, so each was funded in full.
  const THIRD = 'd0d0d0d0d0d0d0d0';
  const circleTrust = trustSourceFromRecord({
    ...TRUST,
    [THIRD]: viaBureau(THIRD, 0.88),
  });
  const sale = (id: string, from: string, to: string, amountMinor: number, issuedAt = NOW) =>
    deal({
      invoiceId: id,
      invoiceNumber: `INV-${id}`,
      supplierQuid: from,
      buyerQuid: to,
      amountMinor,
      issuedAt,
      dueAt: issuedAt + 60 * DAY,
      titleOwners: [stake(from, 0.96, 'supplier'), stake(to, 0.02, 'buyer'), stake(CARRIER, 0.02, 'carrier')],
    });
  const limits = { buyerLimitMinor: { [SUPPLIER]: 90_000_000, [BUYER]: 90_000_000, [THIRD]: 90_000_000 } };
  const decideAll = (items: Deal[], portfolio: Portfolio = limits) =>
    evaluateBatch({ items, trust: circleTrust, policy: standardPolicy(), asOf: AS_OF, portfolio }).decisions;

  it('three invoices round a circle, amounts within 10 % and dates within 30 days, are all held (CIRCULAR_TRADE)', () => {
    const ds = decideAll([
      sale('c-1', SUPPLIER, BUYER, 5_000_000),
      sale('c-2', BUYER, THIRD, 4_900_000, NOW + DAY),
      sale('c-3', THIRD, SUPPLIER, 5_050_000, NOW + 2 * DAY),
    ]);
    for (const d of ds) {
      expect(d.outcome).toBe('review');
      expect(d.fraudFlags).toContain('CIRCULAR_TRADE');
    }
    expect(ds[0]?.reasons.find((r) => r.code === 'CIRCULAR_TRADE')?.message).toContain('c-2');
  });

  it('every invoice of a circle is held, even where the legs are within 10 % of one invoice and not of the others', () => {
    // 4,200,000 -> 4,600,000 -> 5,000,000: each leg is within 10 % of the middle invoice only. The
    // circle was found from c-2 alone, which was held while c-1 and c-3 were bought.
    const ds = decideAll([
      sale('c-1', SUPPLIER, BUYER, 4_200_000),
      sale('c-2', BUYER, THIRD, 4_600_000, NOW + DAY),
      sale('c-3', THIRD, SUPPLIER, 5_000_000, NOW + 2 * DAY),
    ]);
    expect(ds.map((d) => d.outcome)).toEqual(['review', 'review', 'review']);
    for (const d of ds) expect(d.fraudFlags).toContain('CIRCULAR_TRADE');
  });

  it('the circle closed by an invoice the financier already knows (portfolio.knownInvoices) is held too', () => {
    const back = sale('c-3', THIRD, SUPPLIER, 5_050_000).invoice;
    const ds = decideAll([sale('c-1', SUPPLIER, BUYER, 5_000_000), sale('c-2', BUYER, THIRD, 4_900_000)], {
      ...limits,
      knownInvoices: [{ ...back, invoiceNumber: back.invoiceNumber ?? '' }],
    });
    for (const d of ds) expect(codes(d)).toContain('CIRCULAR_TRADE');
  });

  it('the same three parties with unrelated amounts are ordinary trade, not held', () => {
    const ds = decideAll([
      sale('c-1', SUPPLIER, BUYER, 5_000_000),
      sale('c-2', BUYER, THIRD, 1_200_000),
      sale('c-3', THIRD, SUPPLIER, 3_000_000),
    ]);
    for (const d of ds) expect(codes(d)).not.toContain('CIRCULAR_TRADE');
  });

  it('a chain that does not close (A to B, B to C) is not a circle', () => {
    const ds = decideAll([sale('c-1', SUPPLIER, BUYER, 5_000_000), sale('c-2', BUYER, THIRD, 5_000_000)]);
    for (const d of ds) expect(codes(d)).not.toContain('CIRCULAR_TRADE');
  });
});

describe('finding 4c: a buyer group is one credit risk, with or without a facility limit', () => {
  const SUBS = [
    'd1d1d1d1d1d1d1d1',
    'd2d2d2d2d2d2d2d2',
    'd3d3d3d3d3d3d3d3',
    'd4d4d4d4d4d4d4d4',
    'd5d5d5d5d5d5d5d5',
  ];
  const subTrust = trustSourceFromRecord({
    ...TRUST,
    ...Object.fromEntries(SUBS.map((b) => [b, viaBureau(b, 0.9)])),
  });
  const items = SUBS.map((b, k) =>
    deal(
      {
        invoiceId: `inv-${k}`,
        invoiceNumber: `G-${k}`,
        buyerQuid: b,
        titleOwners: [stake(SUPPLIER, 0.9, 'supplier'), stake(CARRIER, 0.1, 'carrier')],
      },
      { ids: `g${k}` },
    ),
  );
  const buyerGroup = Object.fromEntries(SUBS.map((b) => [b, 'PARENT']));
  const batch = (portfolio: Portfolio, defaultBuyerLimitMinor = 0) =>
    evaluateBatch({
      items,
      trust: subTrust,
      policy: standardPolicy({ defaultBuyerLimitMinor }),
      asOf: AS_OF,
      portfolio,
    });

  it('five subsidiaries of one parent each under the default buyer limit: the default caps the whole group', () => {
    const r = batch({ buyerGroup }, 5_000_000);
    expect(r.summary.advanceMinor).toBeLessThanOrEqual(5_000_000);
  });

  it("a group's own limit (portfolio.groupLimitMinor) caps its buyers' advances together", () => {
    const buyerLimitMinor = Object.fromEntries(SUBS.map((b) => [b, 100_000_000]));
    const r = batch({ buyerGroup, groupLimitMinor: { PARENT: 10_000_000 }, buyerLimitMinor });
    expect(r.summary.advanceMinor).toBeLessThanOrEqual(10_000_000);
    expect(r.summary.byReason.LIMIT_HAIRCUT).toBeGreaterThan(0);
  });
});

describe('known invoices of the wrong shape are refused with their path, not read half way', () => {
  const d = deal();
  const trust = trustSourceFromRecord({
    [SUPPLIER]: viaBureau(SUPPLIER, 0.85, AS_OF),
    [BUYER]: viaBureau(BUYER, 0.9, AS_OF),
    [CARRIER]: { level: 0.7, observedAt: AS_OF, pathLength: 1 },
  });
  const good = {
    invoiceId: 'known-1',
    invoiceNumber: 'INV-1',
    supplierQuid: SUPPLIER,
    buyerQuid: BUYER,
    amountMinor: 1_000_000,
    issuedAt: NOW - 30 * DAY,
  };
  /** The paths `evaluateInvoice` and `evaluateBatch` refuse with these known invoices. */
  const refused = (knownInvoices: unknown[]): string[][] =>
    [
      () =>
        evaluateInvoice({
          ...d,
          trust,
          policy: standardPolicy(),
          asOf: AS_OF,
          portfolio: { ...BOOK, knownInvoices: knownInvoices as never },
        }),
      () =>
        evaluateBatch({
          items: [d],
          trust,
          policy: standardPolicy(),
          asOf: AS_OF,
          portfolio: { ...BOOK, knownInvoices: knownInvoices as never },
        }),
    ].map((f) => {
      try {
        f();
      } catch (e) {
        if (isFactoringError(e) && e.code === 'INVALID_INPUT') return e.issues.map((i) => i.path);
        return [`untyped: ${String(e)}`];
      }
      return [];
    });

  it('a known invoice that is null, a string, or has no number is INVALID_INPUT at its index, not a raw TypeError', () => {
    for (const [record, path] of [
      [null, 'portfolio.knownInvoices[1]'],
      ['INV-9', 'portfolio.knownInvoices[1]'],
      [{ invoiceId: 'x' }, 'portfolio.knownInvoices[1].invoiceNumber'],
    ] as const) {
      for (const paths of refused([good, record])) expect(paths).toContain(path);
    }
  });

  it('an amount or an issue date that is not a whole number is refused at its field, not compared as a near copy', () => {
    for (const [field, value] of [
      ['amountMinor', 'abc'],
      ['amountMinor', -5],
      ['amountMinor', 0.5],
      ['issuedAt', 'yesterday'],
      ['issuedAt', Number.NaN],
    ] as const) {
      for (const paths of refused([{ ...good, [field]: value }]))
        expect(paths).toContain(`portfolio.knownInvoices[0].${field}`);
    }
  });

  it("parties that are not strings, shipping documents that are not a list of strings and a currency 'yen' are refused at their field", () => {
    for (const [field, value] of [
      ['supplierQuid', 42],
      ['buyerQuid', undefined],
      ['documentRefs', 'BOL-1'],
      ['documentRefs', ['BOL-1', 7]],
      ['poReference', 12],
      ['currency', 'yen'],
    ] as const) {
      for (const paths of refused([{ ...good, [field]: value }]))
        expect(paths.some((p) => p.startsWith(`portfolio.knownInvoices[0].${field}`))).toBe(true);
    }
  });

  it('well-formed known invoices are accepted as before', () => {
    for (const paths of refused([
      good,
      { ...good, invoiceId: 'known-2', currency: 'USD', documentRefs: ['BOL-1'] },
    ]))
      expect(paths).toEqual([]);
  });
});

describe('red-team round 7: a portfolio part of the wrong shape is refused, not read as an empty one', () => {
  const LIMIT = { buyerLimitMinor: { [BUYER]: 10_000_000 } };

  it("the buyer's exposure given as a number instead of a map by buyer is refused, not read as no exposure", () => {
    // Read as an empty map, the buyer's 9,000,000 of exposure was 0: a 4,500,000 advance was
    // approved against a 10,000,000 limit already 90 % used.
    const e = refused(() => run(deal(), { ...LIMIT, buyerExposureMinor: 9_000_000 }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(paths(e)).toEqual(['portfolio.buyerExposureMinor']);
  });

  it('every per-party map given as a number, NaN, a string, a list or null is refused at its path', () => {
    const maps = [
      'buyerExposureMinor',
      'buyerLimitMinor',
      'supplierExposureMinor',
      'supplierLimitMinor',
      'groupExposureMinor',
      'groupLimitMinor',
      'supplierLedger',
      'buyerAging',
      'buyerGroup',
    ];
    for (const name of maps) {
      for (const bad of [5_000_000, Number.NaN, '5000000', [5_000_000], null]) {
        const e = refused(() => run(deal(), { ...LIMIT, [name]: bad }));
        expect(paths(e), `${name} = ${String(bad)}`).toContain(`portfolio.${name}`);
      }
    }
  });

  it('a supplier ledger entry or its byBuyerOpenMinor, or an ageing entry, that is not an object is refused at its path', () => {
    // A ledger whose byBuyerOpenMinor is 0 was read as owing nothing to anyone: the concentration
    // haircut on the supplier's largest debtor was dropped and more was funded.
    const cases: [unknown, string][] = [
      [{ supplierLedger: { [SUPPLIER]: null } }, `portfolio.supplierLedger.${SUPPLIER}`],
      [{ supplierLedger: { [SUPPLIER]: 10_000_000 } }, `portfolio.supplierLedger.${SUPPLIER}`],
      [
        { supplierLedger: { [SUPPLIER]: { totalOpenMinor: 10_000_000, byBuyerOpenMinor: 0 } } },
        `portfolio.supplierLedger.${SUPPLIER}.byBuyerOpenMinor`,
      ],
      [{ buyerAging: { [BUYER]: null } }, `portfolio.buyerAging.${BUYER}`],
      [{ buyerGroup: { [BUYER]: 7 } }, `portfolio.buyerGroup.${BUYER}`],
    ];
    for (const [part, path] of cases) {
      const e = refused(() => run(deal(), { ...LIMIT, ...(part as object) }));
      expect(paths(e), path).toContain(path);
    }
  });

  it('financed fingerprints given as one string (not a list) are refused: the financed receivable is not bought again', () => {
    // A string was read as the set of its characters: the fingerprint was never found and the
    // financed invoice was approved a second time.
    const d = deal();
    const fp = `INV2026100|${SUPPLIER}|${BUYER}|5000000|${d.invoice.issuedAt}`;
    const e = refused(() => run(d, { ...LIMIT, financedFingerprints: fp }));
    expect(paths(e)).toEqual(['portfolio.financedFingerprints']);
    for (const bad of [{ [fp]: true }, [1, 2], null]) {
      expect(paths(refused(() => run(d, { ...LIMIT, financedFingerprints: bad })))[0]).toMatch(
        /^portfolio\.financedFingerprints/,
      );
    }
  });

  it('a known invoice with its amount or date as a string, or not a record, is refused at its path, not scored as another invoice', () => {
    // An amount exported as "5000000" made an exact copy a fuzzy one (review instead of reject).
    const d = deal();
    const rec = {
      invoiceId: 'inv-old',
      invoiceNumber: 'INV-2026-0100',
      supplierQuid: SUPPLIER,
      buyerQuid: BUYER,
      amountMinor: 5_000_000,
      issuedAt: d.invoice.issuedAt,
      poReference: 'PO-789',
    };
    expect(codes(run(d, { ...LIMIT, knownInvoices: [rec] }))).toContain('DUPLICATE_EXACT');
    const cases: [unknown, string][] = [
      [[{ ...rec, amountMinor: '5000000' }], 'portfolio.knownInvoices[0].amountMinor'],
      [[{ ...rec, issuedAt: String(rec.issuedAt) }], 'portfolio.knownInvoices[0].issuedAt'],
      [[rec, { ...rec, invoiceNumber: 100 }], 'portfolio.knownInvoices[1].invoiceNumber'],
      [[{ ...rec, documentRefs: 'BOL-1' }], 'portfolio.knownInvoices[0].documentRefs'],
      [[null], 'portfolio.knownInvoices[0]'],
      [{ a: rec }, 'portfolio.knownInvoices'],
    ];
    for (const [known, path] of cases) {
      const e = refused(() => run(d, { ...LIMIT, knownInvoices: known }));
      expect(paths(e), path).toContain(path);
    }
  });

  it('the same shapes are refused by evaluateBatch before any decision', () => {
    for (const portfolio of [
      { ...LIMIT, buyerExposureMinor: 9_000_000 },
      { ...LIMIT, financedFingerprints: 'INV2026100' },
      { ...LIMIT, knownInvoices: [null] },
    ]) {
      const e = refused(() =>
        evaluateBatch({
          items: [deal()],
          trust,
          policy: standardPolicy(),
          asOf: AS_OF,
          portfolio: portfolio as unknown as Portfolio,
        }),
      );
      expect(e.code).toBe('INVALID_INPUT');
    }
  });
});
