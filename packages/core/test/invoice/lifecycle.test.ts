import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveInvoiceLifecycle, type VerifiedInvoiceEvent } from '../../src/index.js';
import {
  acknowledged,
  BUYER,
  CARRIER,
  credited,
  delivered,
  disputed,
  FIN_F,
  FIN_G,
  issued,
  OWNERS,
  paid,
  purchased,
  resolved,
  STRANGER,
  SUPPLIER,
  shipped,
  stream,
  T0,
} from './fixtures.js';

const OPTIONS = { invoiceId: 'inv-0001', titleOwners: OWNERS };

function codes(events: VerifiedInvoiceEvent[], options = OPTIONS): string[] {
  return deriveInvoiceLifecycle(events, options).violations.map((v) => v.code);
}

describe('deriveInvoiceLifecycle: happy path', () => {
  it('walks Draft -> Issued -> Shipped -> Delivered -> Acknowledged -> Factored -> PartiallyPaid -> Paid -> Reconciled', () => {
    expect(deriveInvoiceLifecycle([]).state).toBe('Draft');
    const events = stream(
      issued(),
      shipped(),
      delivered(),
      acknowledged(),
      purchased(),
      paid('p1', 2_000_000, FIN_F, { reconciled: true }),
      paid('p2', 3_000_000, FIN_F),
    );
    const life = deriveInvoiceLifecycle(events, OPTIONS);
    expect(life.violations).toEqual([]);
    expect(life.history.map((h) => `${h.from}->${h.to}`)).toEqual([
      'Draft->Issued',
      'Issued->Shipped',
      'Shipped->Delivered',
      'Delivered->Acknowledged',
      'Acknowledged->Factored',
      'Factored->PartiallyPaid',
      'PartiallyPaid->Paid',
    ]);
    expect(life.state).toBe('Paid');
    expect(life.totals).toEqual({
      invoicedMinor: 5_000_000,
      creditedMinor: 0,
      paidMinor: 5_000_000,
      openMinor: 0,
      disputedMinor: 0,
    });
    expect(life.factored).toMatchObject({
      financierQuid: FIN_F,
      purchasePriceMinor: 4_850_000,
      eventId: 'e5',
    });
    expect(life.parties).toMatchObject({ shippingCarrierQuid: CARRIER, purchasingFinancierQuid: FIN_F });
    expect(life.currency).toBe('USD');
    expect(life.invoiceId).toBe('inv-0001');

    const reconciled = stream(
      ...events.map((e) => [e.eventType, e.signerQuid, e.payload ?? {}] as [string, string, never]),
    );
    const last = reconciled[6]!;
    const allReconciled = [
      ...reconciled.slice(0, 6),
      { ...last, payload: { ...last.payload, reconciled: true } },
    ];
    const life2 = deriveInvoiceLifecycle(allReconciled, OPTIONS);
    expect(life2.state).toBe('Reconciled');
    expect(life2.history.at(-1)).toMatchObject({ from: 'PartiallyPaid', to: 'Reconciled' });
  });

  it('lets the supplier record payments before factoring, and skips optional steps', () => {
    const life = deriveInvoiceLifecycle(
      stream(issued(), paid('p1', 5_000_000, SUPPLIER, { reconciled: true })),
      OPTIONS,
    );
    expect(life.violations).toEqual([]);
    expect(life.state).toBe('Reconciled');
  });

  it('records fraud signals without changing state', () => {
    const life = deriveInvoiceLifecycle(
      stream(issued(), [
        'fraud.signal.invoice-forged',
        FIN_G,
        { reporterQuid: FIN_G, evidence: 'PO reused', reportedAt: T0 + 10 },
      ]),
      OPTIONS,
    );
    expect(life.violations).toEqual([]);
    expect(life.state).toBe('Issued');
    expect(life.fraudSignals).toMatchObject([{ kind: 'invoice-forged', reporterQuid: FIN_G, eventId: 'e2' }]);
    expect(life.history.at(-1)).toMatchObject({ from: 'Issued', to: 'Issued' });
  });
});

describe('deriveInvoiceLifecycle: illegal transitions are reported and change nothing', () => {
  const cases: [string, VerifiedInvoiceEvent[], string, string][] = [
    ['delivery before shipment', stream(issued(), delivered()), 'NOT_SHIPPED', 'Issued'],
    ['payment before issue', stream(paid('p1', 100)), 'NOT_ISSUED', 'Draft'],
    [
      'ack after full payment',
      stream(issued(), paid('p1', 5_000_000), acknowledged()),
      'ALREADY_SETTLED',
      'Paid',
    ],
    [
      'second factor.purchased',
      stream(issued(), purchased(FIN_F), purchased(FIN_G)),
      'ALREADY_FACTORED',
      'Factored',
    ],
    [
      'payment exceeding open amount',
      stream(issued(), paid('p1', 4_000_000), paid('p2', 1_000_001)),
      'PAYMENT_EXCEEDS_OPEN',
      'PartiallyPaid',
    ],
    ['second issue', stream(issued(), issued()), 'ALREADY_ISSUED', 'Issued'],
    ['issue for another asset', stream(issued({ invoiceId: 'inv-9' })), 'INVOICE_ID_MISMATCH', 'Draft'],
    ['due before issue', stream(issued({ dueAt: 1 })), 'DUE_BEFORE_ISSUE', 'Draft'],
    ['second shipment', stream(issued(), shipped(), shipped()), 'ALREADY_SHIPPED', 'Shipped'],
    [
      'second delivery',
      stream(issued(), shipped(), delivered(), delivered()),
      'ALREADY_DELIVERED',
      'Delivered',
    ],
    [
      'delivered before shipped',
      stream(issued(), shipped(T0 + 500), delivered(T0 + 100)),
      'DELIVERED_BEFORE_SHIPPED',
      'Shipped',
    ],
    [
      'second acknowledgement',
      stream(issued(), acknowledged(), acknowledged()),
      'ALREADY_ACKNOWLEDGED',
      'Acknowledged',
    ],
    ['ack above invoice', stream(issued(), acknowledged(5_000_001)), 'ACK_EXCEEDS_INVOICE', 'Issued'],
    [
      'dispute after full payment',
      stream(issued(), paid('p1', 5_000_000), disputed('d1', 1)),
      'ALREADY_SETTLED',
      'Paid',
    ],
    [
      'duplicate dispute id',
      stream(issued(), disputed('d1', 1), disputed('d1', 1)),
      'DUPLICATE_DISPUTE',
      'Disputed',
    ],
    [
      'dispute above open amount',
      stream(issued(), paid('p1', 4_000_000), disputed('d1', 1_000_001)),
      'DISPUTE_EXCEEDS_OPEN',
      'PartiallyPaid',
    ],
    [
      'resolve unknown dispute',
      stream(issued(), resolved('d9', 'withdrawn', BUYER)),
      'UNKNOWN_DISPUTE',
      'Issued',
    ],
    [
      'resolve twice',
      stream(issued(), disputed('d1', 1), resolved('d1', 'withdrawn', BUYER), resolved('d1', 'rejected')),
      'DISPUTE_NOT_OPEN',
      'Issued',
    ],
    [
      'duplicate credit note',
      stream(issued(), credited('c1', 1), credited('c1', 1)),
      'DUPLICATE_CREDIT_NOTE',
      'Issued',
    ],
    [
      'credit above open amount',
      stream(issued(), credited('c1', 5_000_001)),
      'CREDIT_EXCEEDS_OPEN',
      'Issued',
    ],
    ['credit for unknown dispute', stream(issued(), credited('c1', 1, 'd9')), 'UNKNOWN_DISPUTE', 'Issued'],
    [
      'purchase while disputed',
      stream(issued(), disputed('d1', 10), purchased()),
      'DISPUTE_OPEN',
      'Disputed',
    ],
    [
      'purchase of a settled invoice',
      stream(issued(), paid('p1', 5_000_000), purchased()),
      'ALREADY_SETTLED',
      'Paid',
    ],
    [
      'purchase above open amount',
      stream(issued(), purchased(FIN_F, 5_000_001)),
      'PURCHASE_EXCEEDS_OPEN',
      'Issued',
    ],
    [
      'payment in another currency',
      stream(issued(), paid('p1', 1, SUPPLIER, { currency: 'EUR' })),
      'CURRENCY_MISMATCH',
      'Issued',
    ],
    [
      'duplicate payment allocation',
      stream(issued(), paid('p1', 1), paid('p1', 1)),
      'DUPLICATE_PAYMENT',
      'PartiallyPaid',
    ],
    [
      'unknown event type',
      stream(issued(), ['note.added', SUPPLIER, { text: 'hi' }]),
      'UNKNOWN_EVENT_TYPE',
      'Issued',
    ],
    [
      'invalid payload',
      stream(issued(), ['carrier.shipped', CARRIER, { carrierQuid: CARRIER }]),
      'INVALID_PAYLOAD',
      'Issued',
    ],
    [
      'ack by the supplier',
      stream(issued(), [
        'buyer.acknowledged',
        SUPPLIER,
        { buyerQuid: BUYER, acknowledgedAmountMinor: 1, acknowledgedAt: T0 },
      ]),
      'SIGNER_NOT_AUTHORIZED',
      'Issued',
    ],
    [
      'delivery by another carrier',
      stream(issued(), shipped(), [
        'carrier.delivered',
        STRANGER,
        { carrierQuid: STRANGER, deliveryProof: 'x', deliveredAt: T0 + 300 },
      ]),
      'SIGNER_NOT_AUTHORIZED',
      'Shipped',
    ],
    ['purchase by a non-owner', stream(issued(), purchased(STRANGER)), 'SIGNER_NOT_AUTHORIZED', 'Issued'],
    [
      'payment by a financier that did not buy',
      stream(issued(), purchased(FIN_F), paid('p1', 1, FIN_G)),
      'SIGNER_NOT_AUTHORIZED',
      'Factored',
    ],
    [
      'issue by the buyer',
      stream(['invoice.issued', BUYER, { ...issued()[2] }]),
      'SIGNER_NOT_AUTHORIZED',
      'Draft',
    ],
    [
      'issue naming a buyer who is not an owner',
      stream(issued({ buyerQuid: STRANGER })),
      'PARTY_MISMATCH',
      'Draft',
    ],
  ];

  for (const [name, events, code, state] of cases) {
    it(name, () => {
      const life = deriveInvoiceLifecycle(events, OPTIONS);
      expect(life.violations.map((v) => v.code)).toEqual([code]);
      expect(life.violations[0]?.eventId).toBe(events.at(-1)?.id);
      expect(life.violations[0]?.message.length).toBeGreaterThan(5);
      expect(life.state).toBe(state);
      // the refused event is not in the history
      expect(life.history.map((h) => h.eventId)).not.toContain(events.at(-1)?.id);
    });
  }

  it("does not let the supplier withdraw the buyer's dispute", () => {
    const life = deriveInvoiceLifecycle(
      stream(issued(), disputed('d1', 10), resolved('d1', 'withdrawn')),
      OPTIONS,
    );
    expect(life.violations.map((v) => v.code)).toEqual(['SIGNER_NOT_AUTHORIZED']);
    expect(life.state).toBe('Disputed');
  });

  it('reports a duplicated event id', () => {
    const [a, b] = stream(issued(), shipped());
    expect(codes([a!, b!, b!])).toEqual(['DUPLICATE_EVENT']);
  });

  it('can skip signer checks for data checked elsewhere', () => {
    const events = stream(issued(), purchased(STRANGER));
    expect(codes(events, { ...OPTIONS, checkSigners: false } as typeof OPTIONS)).toEqual([]);
  });
});

describe('deriveInvoiceLifecycle: disputes, credit notes and partial payments', () => {
  it('returns to the prior state when a dispute is withdrawn', () => {
    const life = deriveInvoiceLifecycle(
      stream(issued(), shipped(), delivered(), disputed('d1', 100_000), resolved('d1', 'withdrawn', BUYER)),
      OPTIONS,
    );
    expect(life.violations).toEqual([]);
    expect(life.history.map((h) => h.to)).toEqual([
      'Issued',
      'Shipped',
      'Delivered',
      'Disputed',
      'Delivered',
    ]);
    expect(life.disputes).toMatchObject([{ disputeId: 'd1', status: 'withdrawn', resolvedEventId: 'e5' }]);
    expect(life.totals.disputedMinor).toBe(0);
  });

  it('credits a disputed amount and reduces the open amount', () => {
    const life = deriveInvoiceLifecycle(
      stream(
        issued(),
        acknowledged(),
        disputed('d1', 100_000),
        credited('c1', 100_000, 'd1'),
        resolved('d1', 'credited'),
        paid('p1', 4_900_000, SUPPLIER, { reconciled: true }),
      ),
      OPTIONS,
    );
    expect(life.violations).toEqual([]);
    expect(life.history.map((h) => h.to)).toEqual([
      'Issued',
      'Acknowledged',
      'Disputed',
      'Disputed',
      'Acknowledged',
      'Reconciled',
    ]);
    expect(life.totals).toMatchObject({ creditedMinor: 100_000, paidMinor: 4_900_000, openMinor: 0 });
  });

  it('shows Disputed with the open disputed amount, and Credited when fully credited', () => {
    const open = deriveInvoiceLifecycle(stream(issued(), disputed('d1', 700), disputed('d2', 300)), OPTIONS);
    expect(open.state).toBe('Disputed');
    expect(open.totals.disputedMinor).toBe(1000);
    const full = deriveInvoiceLifecycle(
      stream(issued(), credited('c1', 2_000_000), credited('c2', 3_000_000)),
      OPTIONS,
    );
    expect(full.state).toBe('Credited');
    expect(full.totals.openMinor).toBe(0);
    expect(codes(stream(issued(), credited('c1', 5_000_000), paid('p1', 1)))).toEqual([
      'PAYMENT_EXCEEDS_OPEN',
    ]);
  });

  it('tracks partial payments and accepts payments while disputed', () => {
    const life = deriveInvoiceLifecycle(
      stream(
        issued(),
        paid('p1', 1_000_000),
        disputed('d1', 500_000),
        paid('p2', 3_500_000),
        resolved('d1', 'rejected'),
      ),
      OPTIONS,
    );
    expect(life.violations).toEqual([]);
    expect(life.history.map((h) => h.to)).toEqual([
      'Issued',
      'PartiallyPaid',
      'Disputed',
      'Disputed',
      'PartiallyPaid',
    ]);
    expect(life.totals).toMatchObject({ paidMinor: 4_500_000, openMinor: 500_000 });
    const settled = stream(
      issued(),
      paid('p1', 1_000_000),
      disputed('d1', 500_000),
      paid('p2', 3_500_000),
      resolved('d1', 'rejected'),
      paid('p3', 500_000),
    );
    expect(deriveInvoiceLifecycle(settled, OPTIONS).state).toBe('Paid');
  });
});

describe('deriveInvoiceLifecycle: properties', () => {
  const eventArb = fc.oneof(
    fc.constant(issued()),
    fc.constant(shipped()),
    fc.constant(delivered()),
    fc.integer({ min: 0, max: 6_000_000 }).map((a) => acknowledged(a)),
    fc
      .tuple(fc.constantFrom(FIN_F, FIN_G, STRANGER), fc.integer({ min: 0, max: 6_000_000 }))
      .map(([f, p]) => purchased(f, p)),
    fc
      .tuple(
        fc.constantFrom('p1', 'p2', 'p3', 'p4'),
        fc.integer({ min: 1, max: 3_000_000 }),
        fc.constantFrom(SUPPLIER, FIN_F, FIN_G),
        fc.boolean(),
      )
      .map(([id, a, s, r]) => paid(id, a, s, { reconciled: r })),
    fc
      .tuple(fc.constantFrom('d1', 'd2'), fc.integer({ min: 1, max: 3_000_000 }))
      .map(([id, a]) => disputed(id, a)),
    fc
      .tuple(
        fc.constantFrom('d1', 'd2'),
        fc.constantFrom('withdrawn', 'credited', 'rejected'),
        fc.constantFrom(SUPPLIER, BUYER),
      )
      .map(([id, o, s]) => resolved(id, o, s)),
    fc
      .tuple(fc.constantFrom('c1', 'c2', 'c3'), fc.integer({ min: 1, max: 3_000_000 }))
      .map(([id, a]) => credited(id, a)),
  );
  const streamArb = fc.array(eventArb, { maxLength: 25 }).map((evs) => stream(...evs));

  it('never lets paid + credited exceed invoiced; every event is either in history or a violation', () => {
    fc.assert(
      fc.property(streamArb, (events) => {
        const life = deriveInvoiceLifecycle(events, OPTIONS);
        const { invoicedMinor, paidMinor, creditedMinor, openMinor } = life.totals;
        expect(paidMinor + creditedMinor).toBeLessThanOrEqual(invoicedMinor);
        expect(openMinor).toBe(invoicedMinor - paidMinor - creditedMinor);
        expect(openMinor).toBeGreaterThanOrEqual(0);
        expect(life.history.length + life.violations.length).toBe(events.length);
        // history chains: each transition starts where the previous ended
        life.history.forEach((h, i) => {
          if (i > 0) expect(h.from).toBe(life.history[i - 1]?.to);
        });
        expect(life.history.at(-1)?.to ?? 'Draft').toBe(life.state);
        expect(life.payments.reduce((s, p) => s + p.amountMinor, 0)).toBe(paidMinor);
      }),
      { numRuns: 300 },
    );
  });

  it('is a pure function of the events: same input, same output, input untouched', () => {
    fc.assert(
      fc.property(streamArb, (events) => {
        const snapshot = JSON.stringify(events);
        const a = deriveInvoiceLifecycle(events, OPTIONS);
        const b = deriveInvoiceLifecycle(structuredClone(events), OPTIONS);
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
        expect(JSON.stringify(events)).toBe(snapshot);
        // removing refused events does not change the outcome
        const refused = new Set(a.violations.map((v) => v.eventId));
        const accepted = events.filter((e) => !refused.has(e.id));
        const c = deriveInvoiceLifecycle(accepted, OPTIONS);
        expect(c.state).toBe(a.state);
        expect(c.totals).toEqual(a.totals);
        expect(c.violations).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
