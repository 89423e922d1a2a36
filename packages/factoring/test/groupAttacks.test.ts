// Attacks through a buyer group (`portfolio.buyerGroup`, a parent and its subsidiaries): the contra
// and the circle searches treated each quid as its own party, so a supplier selling to one company
// of a group while another company of the group sells back to it was neither a contra nor a circle.
// A group is one counterparty there; without groups nothing changes.
import { describe, expect, it } from 'vitest';
import {
  evaluateBatch,
  evaluateInvoice,
  type FactoringDecision,
  type Portfolio,
  standardPolicy,
  type TitleOwnerShare,
  type TrustReading,
  trustSourceFromRecord,
} from '../src/index.js';
import { AS_OF, DAY, type Deal, deal, NOW, viaBureau } from './fixtures.js';

const SUPPLIER = 'a0a0a0a0a0a0a0a0';
const BUYER = 'b0b0b0b0b0b0b0b0';
const SISTER = 'b1b1b1b1b1b1b1b1';
const THIRD = 'd0d0d0d0d0d0d0d0';
const SUPPLIER_SISTER = 'a1a1a1a1a1a1a1a1';
const CARRIER = 'c0c0c0c0c0c0c0c0';
const PARTIES = [SUPPLIER, BUYER, SISTER, THIRD, SUPPLIER_SISTER];

const trust = trustSourceFromRecord({
  ...Object.fromEntries(PARTIES.map((q): [string, TrustReading] => [q, viaBureau(q, 0.9)])),
  [CARRIER]: { level: 0.7, observedAt: NOW, pathLength: 1 },
});

const stake = (ownerId: string, percentage: number, stakeType: string): TitleOwnerShare => ({
  ownerId,
  percentage,
  stakeType,
});

/** `from` invoices `to` for `amountMinor`, with a full, well-signed stream. */
const sale = (id: string, from: string, to: string, amountMinor: number, issuedAt = NOW): Deal =>
  deal(
    {
      invoiceId: id,
      invoiceNumber: `INV-${id}`,
      supplierQuid: from,
      buyerQuid: to,
      amountMinor,
      issuedAt,
      dueAt: issuedAt + 60 * DAY,
      titleOwners: [stake(from, 0.96, 'supplier'), stake(to, 0.02, 'buyer'), stake(CARRIER, 0.02, 'carrier')],
    },
    { ids: id },
  );

const limits: Portfolio = {
  buyerLimitMinor: Object.fromEntries(PARTIES.map((q) => [q, 90_000_000])),
};
const GROUP: Portfolio = { ...limits, buyerGroup: { [BUYER]: 'PARENT', [SISTER]: 'PARENT' } };

const decideAll = (items: Deal[], portfolio: Portfolio = GROUP): readonly FactoringDecision[] =>
  evaluateBatch({ items, trust, policy: standardPolicy(), asOf: AS_OF, portfolio }).decisions;
const codes = (d: FactoringDecision | undefined): string[] => d?.reasons.map((r) => r.code) ?? [];

describe('contra through a buyer group: the supplier sells to one company, another company of its group sells to the supplier', () => {
  const forward = sale('g-1', SUPPLIER, BUYER, 5_000_000);
  const back = sale('g-2', SISTER, SUPPLIER, 1_000_000, NOW + DAY);

  it("in one batch, what the supplier owes the buyer's sister company is ineligible (CONTRA_HAIRCUT)", () => {
    const [x] = decideAll([forward, back]);
    expect(codes(x)).toContain('CONTRA_HAIRCUT');
    expect(x?.offer?.haircuts).toContainEqual({ code: 'CONTRA_HAIRCUT', amountMinor: 1_000_000 });
  });

  it('and the sister company, owed by nobody in the batch but owing through its group, is cut the other way round', () => {
    const [, y] = decideAll([forward, back]);
    expect(codes(y)).toContain('CONTRA_HAIRCUT');
    expect(y?.outcome).not.toBe('approve');
  });

  it("in the book: the sister company's ledger names the supplier as its buyer, so evaluateInvoice cuts it too", () => {
    const x = evaluateInvoice({
      invoice: forward.invoice,
      events: forward.events,
      trust,
      policy: standardPolicy(),
      asOf: AS_OF,
      portfolio: {
        ...GROUP,
        supplierLedger: {
          [SISTER]: { totalOpenMinor: 3_000_000, byBuyerOpenMinor: { [SUPPLIER]: 1_000_000 } },
        },
      },
    });
    expect(codes(x)).toContain('CONTRA_HAIRCUT');
    expect(x.offer?.haircuts).toContainEqual({ code: 'CONTRA_HAIRCUT', amountMinor: 1_000_000 });
  });

  it('the same two invoices with no group in the book are two unrelated sales: no contra (unchanged)', () => {
    for (const d of decideAll([forward, back], limits)) expect(codes(d)).not.toContain('CONTRA_HAIRCUT');
  });

  it("a group on the supplier's side counts too: the buyer sells to the supplier's sister company", () => {
    const ds = decideAll([forward, sale('g-3', BUYER, SUPPLIER_SISTER, 1_000_000, NOW + DAY)], {
      ...limits,
      buyerGroup: { [SUPPLIER]: 'ACME', [SUPPLIER_SISTER]: 'ACME' },
    });
    expect(ds[0]?.offer?.haircuts).toContainEqual({ code: 'CONTRA_HAIRCUT', amountMinor: 1_000_000 });
  });
});

describe('a circle of sales closed through a buyer group', () => {
  it("S sells to B, B's sister sells to T, T sells to S, about the same amounts: every invoice is held (CIRCULAR_TRADE)", () => {
    const ds = decideAll([
      sale('c-1', SUPPLIER, BUYER, 5_000_000),
      sale('c-2', SISTER, THIRD, 4_900_000, NOW + DAY),
      sale('c-3', THIRD, SUPPLIER, 5_050_000, NOW + 2 * DAY),
    ]);
    expect(ds.map((d) => d.outcome)).toEqual(['review', 'review', 'review']);
    for (const d of ds) expect(d.fraudFlags).toContain('CIRCULAR_TRADE');
  });

  it("S sells to B and B's sister sells the same amount straight back to S: a circle of two", () => {
    const ds = decideAll([sale('c-1', SUPPLIER, BUYER, 5_000_000), sale('c-2', SISTER, SUPPLIER, 5_000_000)]);
    for (const d of ds) {
      expect(d.outcome).not.toBe('approve');
      expect(codes(d)).toContain('CIRCULAR_TRADE');
    }
  });

  it("the leg back closed by an invoice the financier already knows (the sister's sale in knownInvoices)", () => {
    const known = sale('c-3', THIRD, SUPPLIER, 5_050_000).invoice;
    const ds = decideAll([sale('c-1', SUPPLIER, BUYER, 5_000_000), sale('c-2', SISTER, THIRD, 4_900_000)], {
      ...GROUP,
      knownInvoices: [{ ...known, invoiceNumber: known.invoiceNumber ?? '' }],
    });
    for (const d of ds) expect(codes(d)).toContain('CIRCULAR_TRADE');
  });

  it('the same three invoices with no group in the book do not close (unchanged)', () => {
    const ds = decideAll(
      [
        sale('c-1', SUPPLIER, BUYER, 5_000_000),
        sale('c-2', SISTER, THIRD, 4_900_000, NOW + DAY),
        sale('c-3', THIRD, SUPPLIER, 5_050_000, NOW + 2 * DAY),
      ],
      limits,
    );
    for (const d of ds) expect(codes(d)).not.toContain('CIRCULAR_TRADE');
  });

  it('a sale between two companies of one group does not make a circle of the group with itself', () => {
    // The intra-group sale is refused on its own (RELATED_PARTY); the other sale is ordinary trade.
    const ds = decideAll([sale('c-1', SUPPLIER, BUYER, 5_000_000), sale('c-2', BUYER, SISTER, 5_000_000)]);
    expect(codes(ds[0])).not.toContain('CIRCULAR_TRADE');
    expect(codes(ds[1])).toContain('RELATED_PARTY');
    expect(codes(ds[1])).not.toContain('CIRCULAR_TRADE');
  });
});
