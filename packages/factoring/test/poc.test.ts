// The proof of concept (PROTOCOL.md Appendix B.2/B.3, invoice_factor.py and its 15 tests, and the
// demo of B.1) reproduced by the `pocPolicy()` preset: verdicts, messages, flags and figures.
import { describe, expect, it } from 'vitest';
import {
  compilePolicy,
  evaluateBatch,
  evaluateInvoice,
  extractStreamFacts,
  type FactoringDecision,
  FactoringInputError,
  type InvoiceInput,
  pocPolicy,
  standardPolicy,
  trustSourceFromRecord,
  type VerifiedEvent,
} from '../src/index.js';
import { AS_OF, BOOK, DAY, DEAL_TRUST, deal, ev, NET_60, NOW, pocEvents, pocInvoice } from './fixtures.js';

function poc(
  invoice: InvoiceInput,
  events: VerifiedEvent[],
  trust: Record<string, number>,
  overrides?: Parameters<typeof pocPolicy>[0],
): FactoringDecision {
  return evaluateInvoice({
    invoice,
    events,
    trust: trustSourceFromRecord(trust),
    policy: pocPolicy(overrides),
    asOf: NOW,
  });
}

describe('proof-of-concept preset: the 15 tests of invoice_factor_test.py', () => {
  it('1 full lifecycle approves: discount 0.0215, offer 4,892,500', () => {
    const d = poc(pocInvoice(), pocEvents(), { a0a0a0a0a0a0a0a0: 0.85, b0b0b0b0b0b0b0b0: 0.9 });
    expect(d.outcome).toBe('approve');
    expect(d.compat?.verdict).toBe('approve');
    expect(d.compat?.discountFraction).toBeCloseTo(0.0215, 12);
    expect(d.offer?.discountFraction).toBeGreaterThan(0.01);
    expect(d.compat?.offerPriceCents).toBe(4_892_500);
    expect(d.offer?.purchasePriceMinor).toBe(4_892_500);
    expect(d.compat?.reasons).toEqual([
      'delivery confirmed',
      'buyer acknowledged',
      'supplier trust = 0.850',
      'buyer trust = 0.900',
      'blended risk = 0.115; discount = 2.15%; offer = $48925.00',
    ]);
  });

  it('2 higher risk, higher discount: 0.015 / 4,925,000 vs 0.0435 / 4,782,500', () => {
    const hi = poc(pocInvoice(), pocEvents(), { a0a0a0a0a0a0a0a0: 0.95, b0b0b0b0b0b0b0b0: 0.95 });
    const lo = poc(pocInvoice(), pocEvents(), { a0a0a0a0a0a0a0a0: 0.7, b0b0b0b0b0b0b0b0: 0.65 });
    expect([hi.outcome, lo.outcome]).toEqual(['approve', 'approve']);
    expect(hi.compat?.discountFraction).toBeCloseTo(0.015, 12);
    expect(hi.compat?.offerPriceCents).toBe(4_925_000);
    expect(hi.compat?.discountFraction).toBe(0.015000000000000005);
    expect(lo.compat?.discountFraction).toBe(0.04350000000000001);
    expect(lo.compat?.discountFraction).toBeCloseTo(0.0435, 12);
    expect(lo.compat?.offerPriceCents).toBe(4_782_500);
    expect(lo.compat!.discountFraction).toBeGreaterThan(hi.compat!.discountFraction);
  });

  it('3 missing delivery is pending', () => {
    const d = poc(pocInvoice(), pocEvents({ delivered: false }), {
      a0a0a0a0a0a0a0a0: 0.9,
      b0b0b0b0b0b0b0b0: 0.9,
    });
    expect(d.outcome).toBe('pending');
    expect(d.compat?.reasons[0]).toContain('no carrier.delivered');
    expect(d.reasons[0]?.code).toBe('DELIVERY_MISSING');
    expect(d.offer).toBeNull();
  });

  it('4 missing buyer acknowledgement is pending', () => {
    const d = poc(pocInvoice(), pocEvents({ acked: false }), {
      a0a0a0a0a0a0a0a0: 0.9,
      b0b0b0b0b0b0b0b0: 0.9,
    });
    expect(d.outcome).toBe('pending');
    expect(d.compat?.reasons).toEqual(['no buyer.acknowledged event yet']);
  });

  it('5 policy can relax requirements: discount 0.02, offer 4,900,000', () => {
    const d = poc(
      pocInvoice(),
      pocEvents({ delivered: false, acked: false }),
      { a0a0a0a0a0a0a0a0: 0.9, b0b0b0b0b0b0b0b0: 0.9 },
      { requireDelivery: false, requireBuyerAck: false },
    );
    expect(d.outcome).toBe('approve');
    expect(d.compat?.discountFraction).toBeCloseTo(0.02, 12);
    expect(d.compat?.offerPriceCents).toBe(4_900_000);
    // The fixed strings are added even when the checks were waived, as upstream does.
    expect(d.compat?.reasons.slice(0, 2)).toEqual(['delivery confirmed', 'buyer acknowledged']);
  });

  it('6 double factoring rejects', () => {
    const events = [
      ...pocEvents(),
      ev('factor.purchased', 'f3f3f3f3f3f3f3f3', { financier: 'f3f3f3f3f3f3f3f3', purchasePrice: 48_500 }),
    ];
    const d = poc(pocInvoice(), events, { a0a0a0a0a0a0a0a0: 0.9, b0b0b0b0b0b0b0b0: 0.9 });
    expect(d.outcome).toBe('reject');
    expect(d.compat?.fraudFlags).toContain('double-factoring');
    expect(d.compat?.reasons).toEqual([
      'double-factoring: 1 prior factor.purchased event(s) on this invoice',
    ]);
    expect(d.fraudFlags).toContain('DOUBLE_FACTORED');
    // Trust is not queried (upstream leaves both at 0).
    expect([d.compat?.supplierTrust, d.compat?.buyerTrust]).toEqual([0, 0]);
  });

  it('7 fraud signal rejects', () => {
    const events = [
      ...pocEvents(),
      ev('fraud.signal.invoice-forged', 'f1f1f1f1f1f1f1f1', {
        evidence: 'PDF signed with a key not belonging to supplier-a',
      }),
    ];
    const d = poc(pocInvoice(), events, { a0a0a0a0a0a0a0a0: 0.9, b0b0b0b0b0b0b0b0: 0.9 });
    expect(d.outcome).toBe('reject');
    expect(d.compat?.fraudFlags).toEqual(['invoice-forged']);
    expect(d.compat?.reasons).toEqual(['outstanding fraud signals on this invoice']);
  });

  it('8 low supplier trust rejects', () => {
    const d = poc(pocInvoice(), pocEvents(), { a0a0a0a0a0a0a0a0: 0.2, b0b0b0b0b0b0b0b0: 0.9 });
    expect(d.outcome).toBe('reject');
    expect(d.compat?.reasons.join(' ').toLowerCase()).toContain('supplier trust');
    expect(d.compat?.reasons.at(-1)).toBe('supplier trust 0.200 below threshold 0.5');
    expect([d.compat?.supplierTrust, d.compat?.buyerTrust]).toEqual([0.2, 0.9]);
  });

  it('9 low buyer trust rejects', () => {
    const d = poc(pocInvoice(), pocEvents(), { a0a0a0a0a0a0a0a0: 0.9, b0b0b0b0b0b0b0b0: 0.3 });
    expect(d.outcome).toBe('reject');
    expect(d.compat?.reasons.at(-1)).toBe('buyer trust 0.300 below threshold 0.6');
    expect(d.reasons[0]?.code).toBe('BUYER_TRUST_LOW');
  });

  it('10 out-of-range trust raises', () => {
    expect(() => poc(pocInvoice(), pocEvents(), { a0a0a0a0a0a0a0a0: 1.5, b0b0b0b0b0b0b0b0: 0.9 })).toThrow(
      FactoringInputError,
    );
    expect(() => poc(pocInvoice(), pocEvents(), { a0a0a0a0a0a0a0a0: 1.5, b0b0b0b0b0b0b0b0: 0.9 })).toThrow(
      'supplier trust out of range: 1.5',
    );
  });

  it('11 invalid policy weights raise', () => {
    expect(() => compilePolicy(pocPolicy({ buyerWeight: 0.5, supplierWeight: 0.5 + 0.01 }))).toThrow(
      FactoringInputError,
    );
    expect(() =>
      poc(pocInvoice(), pocEvents(), { a0a0a0a0a0a0a0a0: 0.9 }, { buyerWeight: 0.5, supplierWeight: 0.51 }),
    ).toThrow(/sum to 1\.0/);
  });

  it('12 custom thresholds: strict rejects, permissive approves (0.048, 4,760,000)', () => {
    const trust = { a0a0a0a0a0a0a0a0: 0.55, b0b0b0b0b0b0b0b0: 0.65 };
    const strict = poc(pocInvoice(), pocEvents(), trust, { minSupplierTrust: 0.8, minBuyerTrust: 0.8 });
    const permissive = poc(pocInvoice(), pocEvents(), trust, { minSupplierTrust: 0.5, minBuyerTrust: 0.5 });
    expect(strict.outcome).toBe('reject');
    expect(strict.compat?.reasons.at(-1)).toBe('supplier trust 0.550 below threshold 0.8');
    expect(permissive.outcome).toBe('approve');
    expect(permissive.compat?.discountFraction).toBeCloseTo(0.048, 12);
    expect(permissive.compat?.offerPriceCents).toBe(4_760_000);
    expect(permissive.compat?.reasons.at(-1)).toBe(
      'blended risk = 0.380; discount = 4.80%; offer = $47600.00',
    );
  });

  it('13 feature extraction: ship, delivery, ack, no purchase, carrier-z', () => {
    const f = extractStreamFacts(pocInvoice(), pocEvents(), false);
    expect(f.shipped?.carrierQuid).toBe('c0c0c0c0c0c0c0c0');
    expect(f.delivered?.carrierQuid).toBe('c0c0c0c0c0c0c0c0');
    expect(f.ack).toBeDefined();
    expect(f.purchases).toHaveLength(0);
  });

  it('14 feature extraction with a purchase and a fraud signal', () => {
    const events = [
      ...pocEvents(),
      ev('factor.purchased', 'f1f1f1f1f1f1f1f1', { financier: 'f1f1f1f1f1f1f1f1' }),
      ev('fraud.signal.invoice-forged', 'f1f1f1f1f1f1f1f1', { evidence: '...' }),
    ];
    const f = extractStreamFacts(pocInvoice(), events, false);
    expect(f.purchases).toHaveLength(1);
    expect(f.fraudSignals).toHaveLength(1);
  });

  it('15 batch summary: approve 1, pending 1, reject 1', () => {
    const inv3: InvoiceInput = {
      invoiceId: 'inv-3',
      supplierQuid: 'a0b0a0b0a0b0a0b0',
      buyerQuid: 'b0b0b0b0b0b0b0b0',
      amountMinor: 1_000_000,
      currency: 'USD',
      issuedAt: NOW,
      dueAt: NOW + NET_60,
    };
    const r = evaluateBatch({
      items: [
        { invoice: pocInvoice('inv-1'), events: pocEvents() },
        { invoice: pocInvoice('inv-2'), events: pocEvents({ delivered: false }) },
        { invoice: inv3, events: pocEvents() },
      ],
      trust: trustSourceFromRecord({ a0a0a0a0a0a0a0a0: 0.9, b0b0b0b0b0b0b0b0: 0.9 }),
      policy: pocPolicy(),
      asOf: NOW,
    });
    expect(r.summary.counts).toEqual({ approve: 1, review: 0, pending: 1, reject: 1 });
    expect(r.decisions.map((d) => d.outcome)).toEqual(['approve', 'pending', 'reject']);
  });
});

describe('proof-of-concept preset: the demo (Appendix B.1)', () => {
  const F = 'financier-prime-cap';
  const inv: InvoiceInput = { ...pocInvoice('inv-1a2b3c4d'), terms: 'NET-60' };
  const demoPolicy = { minSupplierTrust: 0.4, minBuyerTrust: 0.4 };
  // Trust the node returns to F: 0.9 x 0.85 and 0.9 x 0.9.
  const trustF = { a0a0a0a0a0a0a0a0: 0.9 * 0.85, b0b0b0b0b0b0b0b0: 0.9 * 0.9 };

  it('step 5: pending before delivery', () => {
    const d = poc(inv, pocEvents({ shipped: false, delivered: false, acked: false }), trustF, demoPolicy);
    expect(d.compat?.verdict).toBe('pending');
    expect(d.compat?.reasons).toEqual(['no carrier.delivered event yet']);
  });

  it('step 7: pending before acknowledgement', () => {
    const d = poc(inv, pocEvents({ acked: false }), trustF, demoPolicy);
    expect(d.compat?.reasons).toEqual(['no buyer.acknowledged event yet']);
  });

  it('step 9: approve at 0.765 / 0.81: discount 3.035 %, printed 3.04 %, offer 4,848,250', () => {
    expect(trustF['a0a0a0a0a0a0a0a0']).toBe(0.765);
    expect(trustF['b0b0b0b0b0b0b0b0']).toBe(0.81);
    const d = poc(inv, pocEvents(), trustF, demoPolicy);
    expect(d.outcome).toBe('approve');
    expect(d.compat?.discountFraction).toBeCloseTo(0.03035, 12);
    // The exact double CPython 3 computes for this formula.
    expect(d.compat?.discountFraction).toBe(0.030350000000000002);
    expect(d.compat?.offerPriceCents).toBe(4_848_250);
    expect(d.offer?.purchasePriceMinor).toBe(4_848_250);
    expect(d.offer?.feeMinor).toBe(151_750);
    expect(d.compat?.reasons.at(-1)).toBe('blended risk = 0.204; discount = 3.04%; offer = $48482.50');
  });

  it('offers are truncated toward zero like Python int(), never rounded', () => {
    // CPython: int(5000001 * (1 - d)) = 4848250 for 4848250.96965; int(1234567 * ...) = 1197097.
    for (const [amount, offer] of [
      [5_000_001, 4_848_250],
      [1_234_567, 1_197_097],
      [999, 968],
    ] as const) {
      const d = poc({ ...inv, amountMinor: amount }, pocEvents(), trustF, demoPolicy);
      expect([amount, d.compat?.offerPriceCents]).toEqual([amount, offer]);
    }
  });

  it('step 11: G rejects after F recorded its purchase (double factoring)', () => {
    const events = [
      ...pocEvents(),
      ev('factor.purchased', F, { financier: F, purchasePrice: 4_850_000, discount: 0.03, factoredAt: NOW }),
    ];
    const d = poc(inv, events, { a0a0a0a0a0a0a0a0: 0.85 * 0.85, b0b0b0b0b0b0b0b0: 0.85 * 0.9 }, demoPolicy);
    expect(d.compat?.verdict).toBe('reject');
    expect(d.compat?.reasons).toEqual([
      'double-factoring: 1 prior factor.purchased event(s) on this invoice',
    ]);
    expect(d.compat?.fraudFlags).toEqual(['double-factoring']);
  });

  it('step 11 without the purchase: G would get 0.7225 / 0.765 and about 3.4775 %', () => {
    const d = poc(
      inv,
      pocEvents(),
      { a0a0a0a0a0a0a0a0: 0.85 * 0.85, b0b0b0b0b0b0b0b0: 0.85 * 0.9 },
      demoPolicy,
    );
    expect(d.compat?.supplierTrust).toBeCloseTo(0.7225, 12);
    expect(d.compat?.buyerTrust).toBeCloseTo(0.765, 12);
    expect(d.compat?.discountFraction).toBeCloseTo(0.034775, 12);
    expect(d.compat?.discountFraction).toBe(0.03477500000000001);
    expect(d.compat?.offerPriceCents).toBe(4_826_125);
  });

  it('step 12: the second invoice with an invoice-forged signal from G is rejected by F', () => {
    const inv2 = { ...pocInvoice('inv-2b', 'a0a0a0a0a0a0a0a0', 8_000_000) };
    const events = [
      ...pocEvents(),
      ev('fraud.signal.invoice-forged', 'financier-second-cap', {
        evidence: 'PO number matches another invoice for different buyer',
        reporter: 'financier-second-cap',
      }),
    ];
    const d = poc(inv2, events, trustF, demoPolicy);
    expect(d.compat?.verdict).toBe('reject');
    expect(d.compat?.reasons).toEqual(['outstanding fraud signals on this invoice']);
    expect(d.compat?.fraudFlags).toEqual(['invoice-forged']);
  });

  it('other fraud kinds are ignored by the proof of concept (only invoice-forged counts)', () => {
    const events = [
      ...pocEvents(),
      ev('fraud.signal.double-financing', 'f1f1f1f1f1f1f1f1', { evidence: 'x' }),
    ];
    const d = poc(inv, events, trustF, demoPolicy);
    expect(d.outcome).toBe('approve');
  });
});

describe('proof-of-concept preset: vetoes the proof of concept reads whatever their sequence (red-team round 7)', () => {
  // The proof of concept reads no sequence: any factor.purchased vetoes, any invoice-forged signal
  // rejects. The preset dropped such an event when its sequence or timestamp could not be placed
  // (0, NaN, missing), and approved the invoice the proof of concept rejects.
  const trust = { a0a0a0a0a0a0a0a0: 0.9, b0b0b0b0b0b0b0b0: 0.9 };
  const keys: Partial<VerifiedEvent>[] = [
    { sequence: 0 },
    { sequence: -1 },
    { sequence: Number.NaN },
    { sequence: 2.5 },
    { sequence: undefined as never, timestamp: undefined as never },
    { timestamp: Number.POSITIVE_INFINITY },
  ];

  it('a factor.purchased that cannot be placed in the stream still rejects as double factoring', () => {
    for (const key of keys) {
      const purchase = ev('factor.purchased', 'f3f3f3f3f3f3f3f3', { financier: 'f3f3f3f3f3f3f3f3' });
      const d = poc(pocInvoice(), [...pocEvents(), { ...purchase, ...key }], trust);
      expect(d.outcome, JSON.stringify(key)).toBe('reject');
      expect(d.compat?.fraudFlags).toEqual(['double-factoring']);
    }
  });

  it('an invoice-forged signal that cannot be placed in the stream still rejects', () => {
    for (const key of keys) {
      const signal = ev('fraud.signal.invoice-forged', 'f1f1f1f1f1f1f1f1', { evidence: 'forged PDF' });
      const d = poc(pocInvoice(), [...pocEvents(), { ...signal, ...key }], trust);
      expect(d.outcome, JSON.stringify(key)).toBe('reject');
      expect(d.compat?.fraudFlags).toEqual(['invoice-forged']);
    }
  });

  it('the same decision whatever the order of two unplaceable signals', () => {
    const a = {
      ...ev('fraud.signal.invoice-forged', 'f1f1f1f1f1f1f1f1', { evidence: 'a' }),
      sequence: Number.NaN,
    };
    const b = { ...ev('fraud.signal.invoice-forged', 'f2f2f2f2f2f2f2f2', { evidence: 'b' }), sequence: 0 };
    const one = poc(pocInvoice(), [...pocEvents(), a, b], trust);
    const two = poc(pocInvoice(), [b, ...pocEvents(), a], trust);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  });
});

describe('proof-of-concept messages are never served from another value', () => {
  const parties = (s: number, b: number) => ({ a0a0a0a0a0a0a0a0: s, b0b0b0b0b0b0b0b0: b });

  it('a level of -0 prints -0.000 as Python does, even after a level of 0 was printed', () => {
    const zero = poc(pocInvoice(), pocEvents(), parties(0, 0.9));
    const negativeZero = poc(pocInvoice(), pocEvents(), parties(-0, 0.9));
    expect(zero.compat?.reasons).toContain('supplier trust = 0.000');
    expect(negativeZero.compat?.reasons).toContain('supplier trust = -0.000');
    expect(negativeZero.compat?.reasons.at(-1)).toBe('supplier trust -0.000 below threshold 0.5');
  });

  it('a changed level prints the new level, for the supplier and the buyer alike', () => {
    const before = poc(pocInvoice(), pocEvents(), parties(0.85, 0.85));
    const after = poc(pocInvoice(), pocEvents(), parties(0.8604, 0.8596));
    expect(before.compat?.reasons.slice(2, 4)).toEqual(['supplier trust = 0.850', 'buyer trust = 0.850']);
    expect(after.compat?.reasons.slice(2, 4)).toEqual(['supplier trust = 0.860', 'buyer trust = 0.860']);
  });

  it('the same blended risk under another premium prints the new discount', () => {
    const base = poc(pocInvoice(), pocEvents(), parties(0.85, 0.9));
    const steeper = poc(pocInvoice(), pocEvents(), parties(0.85, 0.9), { maxRiskPremiumFraction: 0.2 });
    expect(base.compat?.reasons.at(-1)).toBe('blended risk = 0.115; discount = 2.15%; offer = $48925.00');
    expect(steeper.compat?.reasons.at(-1)).toBe('blended risk = 0.115; discount = 3.30%; offer = $48350.00');
  });
});

describe('proof-of-concept preset: vetoes on the stream the ledger refused', () => {
  // The ledger's read path refuses events the node kept (a wrong signer, a bad payload); the
  // proof of concept reads the node's stream as it is, so a factor.purchased or an invoice-forged
  // signal there rejects. The preset read refused events for signer mismatches only, which it
  // does not report, and approved.
  const trust = { a0a0a0a0a0a0a0a0: 0.9, b0b0b0b0b0b0b0b0: 0.9 };
  const withRefused = (refused: VerifiedEvent[]): FactoringDecision =>
    evaluateInvoice({
      invoice: pocInvoice(),
      events: pocEvents(),
      rejectedEvents: refused,
      trust: trustSourceFromRecord(trust),
      policy: pocPolicy(),
      asOf: NOW,
    });

  it('a refused factor.purchased rejects as double factoring, as the proof of concept would on the node’s stream', () => {
    const d = withRefused([ev('factor.purchased', 'f3f3f3f3f3f3f3f3', { financier: 'f3f3f3f3f3f3f3f3' })]);
    expect(d.outcome).toBe('reject');
    expect(d.compat?.fraudFlags).toEqual(['double-factoring']);
  });

  it('a refused invoice-forged signal rejects', () => {
    const d = withRefused([
      ev('fraud.signal.invoice-forged', 'f1f1f1f1f1f1f1f1', { evidence: 'forged PDF' }),
    ]);
    expect(d.outcome).toBe('reject');
    expect(d.compat?.fraudFlags).toEqual(['invoice-forged']);
  });

  it('a refused event that is no veto (a late acknowledgement) changes nothing: still approved', () => {
    const d = withRefused([ev('buyer.acknowledged', 'b0b0b0b0b0b0b0b0', { acknowledgedAmountMinor: 1 })]);
    expect(d.outcome).toBe('approve');
  });

  it('refused events still move no money and attest nothing: a refused delivery does not stand in for a missing one', () => {
    const events = pocEvents().filter((e) => e.eventType !== 'carrier.delivered');
    const delivered = pocEvents().find((e) => e.eventType === 'carrier.delivered') as VerifiedEvent;
    const d = evaluateInvoice({
      invoice: pocInvoice(),
      events,
      rejectedEvents: [delivered],
      trust: trustSourceFromRecord(trust),
      policy: pocPolicy(),
      asOf: NOW,
    });
    expect(d.outcome).toBe('pending');
  });
});

describe('a policy with compat: poc still reads refused events as evidence of who signed what (review of the merge)', () => {
  const d = deal();
  const { invoice } = d;
  // A refused acknowledgement of this invoice signed by the supplier: a forged buyer attestation.
  const forged: VerifiedEvent = {
    subjectId: invoice.invoiceId,
    id: `${invoice.invoiceId}-x9`,
    eventType: 'buyer.acknowledged',
    signerQuid: invoice.supplierQuid,
    sequence: 5,
    timestamp: NOW + 5 * DAY,
    payload: {
      buyerQuid: invoice.buyerQuid,
      acknowledgedAmountMinor: invoice.amountMinor,
      acknowledgedAt: NOW + 5 * DAY,
    },
  };
  const decideWith = (policy: Parameters<typeof evaluateInvoice>[0]['policy']) =>
    evaluateInvoice({
      ...d,
      rejectedEvents: [forged],
      trust: trustSourceFromRecord(DEAL_TRUST),
      policy,
      asOf: AS_OF,
      portfolio: BOOK,
    });

  it('the standard policy with compat: poc rejects the refused forged acknowledgement, as without it', () => {
    expect(decideWith(standardPolicy()).outcome).toBe('reject');
    const x = decideWith(standardPolicy({ compat: 'poc' }));
    expect(x.outcome).toBe('reject');
    expect(x.reasons.map((r) => r.code)).toContain('SUPPLIER_FORGED_ATTESTATION');
  });

  it('the PoC preset with signer roles checked rejects it too', () => {
    const x = decideWith(pocPolicy({ checks: { ...pocPolicy().checks, signerRoles: true } }));
    expect(x.outcome).toBe('reject');
  });
});

describe('proof-of-concept preset: a hold is never reported as a rejection', () => {
  it('an event signed by the wrong party holds for review, and the PoC verdict says pending, not reject', () => {
    // The PoC has no review; the engine's review is a hold for a person, so its PoC view is
    // 'pending' (as applyRecentKeyEvents and applyLedgerFindings report a review), never a final
    // 'reject' that no reject-severity reason stands behind.
    const forged = ev('buyer.acknowledged', 'e0e0e0e0e0e0e0e0', { acknowledgedAmount: 50_000 });
    const d = evaluateInvoice({
      invoice: pocInvoice(),
      events: [...pocEvents(), forged],
      trust: trustSourceFromRecord({ a0a0a0a0a0a0a0a0: 0.85, b0b0b0b0b0b0b0b0: 0.9 }),
      // The preset with the signer check on (the proof of concept read every signer's events).
      policy: pocPolicy({ checks: { signerRoles: true } }),
      asOf: NOW,
    });
    expect(d.outcome).toBe('review');
    expect(d.reasons.map((r) => r.code)).toEqual(['SIGNER_MISMATCH']);
    expect(d.reasons.some((r) => r.severity === 'reject')).toBe(false);
    expect(d.compat?.verdict).toBe('pending');
  });
});

describe('proof-of-concept preset: the deciding rule decides by its worst reason', () => {
  it('one rule giving a pending and a reject (undated supplier reading, no path to the buyer) rejects', () => {
    // The preset stops at the first decisive rule; when that rule gives several reasons the
    // outcome is the worst of them, not the first it happened to write.
    const d = evaluateInvoice({
      invoice: pocInvoice(),
      events: pocEvents(),
      trust: trustSourceFromRecord({
        a0a0a0a0a0a0a0a0: { level: 0.85, pathLength: 1 },
        b0b0b0b0b0b0b0b0: { level: 0.9, observedAt: NOW, pathLength: 0 },
      }),
      policy: pocPolicy({ checks: { trustFreshness: true, trustPaths: true } }),
      asOf: NOW,
    });
    const codes = d.reasons.map((r) => r.code);
    expect(codes).toEqual(expect.arrayContaining(['TRUST_UNDATED', 'BUYER_NO_TRUST_PATH']));
    expect(d.outcome).toBe('reject');
    expect(d.offer).toBeNull();
    expect(d.compat?.verdict).toBe('reject');
  });
});
