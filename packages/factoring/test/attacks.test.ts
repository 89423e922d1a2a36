// Attacks from issue #11 (and the double-factoring race of #18), one test per attack, each named
// after it: what a supplier, a replaying stranger or a careless integration tried, and what the
// engine must do instead.
import { describe, expect, it } from 'vitest';
import {
  type BatchItem,
  compilePolicy,
  evaluateBatch,
  evaluateInvoice,
  type FactoringDecision,
  FactoringInputError,
  invoiceFingerprint,
  type PolicyOverrides,
  type Portfolio,
  standardPolicy,
  type TitleOwnerShare,
  type TrustReading,
  trustSourceFromRecord,
  type VerifiedEvent,
} from '../src/index.js';
import { AS_OF, DAY, type Deal, deal, NOW, OWNERS, viaBureau } from './fixtures.js';

const SUPPLIER = 'a0a0a0a0a0a0a0a0';
const BUYER = 'b0b0b0b0b0b0b0b0';
const CARRIER = 'c0c0c0c0c0c0c0c0';
const FIN_F = 'f0f0f0f0f0f0f0f0';
const FIN_G = 'f1f1f1f1f1f1f1f1';

const TRUST: Record<string, TrustReading> = {
  [SUPPLIER]: viaBureau(SUPPLIER, 0.85),
  [BUYER]: viaBureau(BUYER, 0.9),
  [CARRIER]: { level: 0.7, observedAt: NOW, pathLength: 1 },
  [FIN_G]: { level: 0.8, pathLength: 1 },
  [FIN_F]: { level: 0.05, pathLength: 3 },
};

function run(
  d: Deal,
  extra: {
    events?: VerifiedEvent[];
    rejectedEvents?: VerifiedEvent[];
    trust?: Record<string, TrustReading | undefined>;
    policy?: PolicyOverrides;
    portfolio?: Portfolio;
    asOf?: number;
  } = {},
): FactoringDecision {
  const trust: Record<string, TrustReading> = { ...TRUST };
  for (const [k, v] of Object.entries(extra.trust ?? {})) {
    if (v === undefined) delete trust[k];
    else trust[k] = v;
  }
  return evaluateInvoice({
    invoice: d.invoice,
    events: extra.events ?? d.events,
    ...(extra.rejectedEvents ? { rejectedEvents: extra.rejectedEvents } : {}),
    trust: trustSourceFromRecord(trust),
    policy: standardPolicy(extra.policy),
    asOf: extra.asOf ?? AS_OF,
    portfolio: extra.portfolio ?? { buyerLimitMinor: { [BUYER]: 50_000_000 } },
  });
}

function event(
  d: Deal,
  id: string,
  eventType: string,
  signerQuid: string,
  payload: Record<string, string | number>,
  sequence = 10,
): VerifiedEvent {
  return {
    subjectId: d.invoice.invoiceId,
    id,
    eventType,
    signerQuid,
    sequence,
    timestamp: NOW + 5 * DAY,
    payload,
  };
}

const codes = (d: FactoringDecision): string[] => d.reasons.map((r) => r.code);

describe('finding 1: money only from accepted, valid events', () => {
  const credit = (d: Deal, amountMinor: number): VerifiedEvent =>
    event(d, 'cn', 'invoice.credited', SUPPLIER, {
      creditNoteId: 'cn-1',
      amountMinor,
      reason: 'refund',
      creditedAt: NOW + 5 * DAY,
    });

  it('negative credit note: a refused invoice.credited of -2,000,000 fed as evidence does not raise the advance', () => {
    const d = deal();
    const clean = run(d);
    const attacked = run(d, { rejectedEvents: [credit(d, -2_000_000)] });
    expect(clean.outcome).toBe('approve');
    expect(attacked.offer?.advanceMinor ?? 0).toBeLessThanOrEqual(clean.offer?.advanceMinor ?? 0);
    expect(attacked.offer?.eligibleMinor ?? 0).toBeLessThanOrEqual(d.invoice.amountMinor);
  });

  it('negative credit note on the accepted stream is an invalid payload: no money, held for review', () => {
    const d = deal();
    const x = run(d, { events: [...d.events, credit(d, -2_000_000)] });
    expect(x.outcome).toBe('review');
    expect(codes(x)).toContain('INVALID_EVENT_PAYLOAD');
    expect(x.offer?.eligibleMinor ?? 0).toBeLessThanOrEqual(d.invoice.amountMinor);
  });

  it('negative payment.received never adds to the eligible amount', () => {
    const d = deal();
    const pay = event(d, 'pay', 'payment.received', SUPPLIER, {
      paymentId: 'p1',
      allocationId: 'a1',
      amountMinor: -1_000_000,
      currency: 'USD',
      receivedAt: NOW + 5 * DAY,
    });
    const x = run(d, { events: [...d.events, pay] });
    expect(x.outcome).not.toBe('approve');
    expect(x.offer?.eligibleMinor ?? 0).toBeLessThanOrEqual(d.invoice.amountMinor);
  });

  it('fractional payment of 0.5 is impossible: no half-cent eligible amount', () => {
    const d = deal();
    const pay = event(d, 'pay', 'payment.received', SUPPLIER, {
      paymentId: 'p1',
      allocationId: 'a1',
      amountMinor: 0.5,
      currency: 'USD',
      receivedAt: NOW + 5 * DAY,
    });
    const x = run(d, { events: [...d.events, pay] });
    expect(codes(x)).toContain('INVALID_EVENT_PAYLOAD');
    for (const v of [x.offer?.eligibleMinor, x.offer?.advanceMinor, x.offer?.feeMinor]) {
      if (v !== undefined) expect(Number.isSafeInteger(v)).toBe(true);
    }
  });

  it('credit note with a misspelt amount field fails instead of counting as a zero credit', () => {
    const d = deal();
    const bad = event(d, 'cn', 'invoice.credited', SUPPLIER, {
      creditNoteId: 'cn-1',
      amount: 4_000_000,
      reason: 'refund',
      creditedAt: NOW + 5 * DAY,
    });
    const x = run(d, { events: [...d.events, bad] });
    expect(x.outcome).toBe('review');
    expect(codes(x)).toContain('INVALID_EVENT_PAYLOAD');
  });

  it('a stream edited in place after a first decision is validated again (no stale verdict)', () => {
    const d = deal();
    const events = [...d.events];
    expect(run(d, { events }).outcome).toBe('approve');
    events.push(credit(d, -2_000_000));
    expect(codes(run(d, { events }))).toContain('INVALID_EVENT_PAYLOAD');
    events[4] = credit(d, 100_000);
    const again = run(d, { events });
    expect(codes(again)).not.toContain('INVALID_EVENT_PAYLOAD');
    expect(codes(again)).toContain('CREDIT_NOTE_APPLIED');
  });

  // A service re-decides its book with one compiled policy and the same objects: whatever the
  // engine keeps between calls (schema verdicts today), it must see a change to what it read.
  const kept = compilePolicy(standardPolicy());
  const decideKept = (d: Deal, trust: Record<string, TrustReading> = TRUST): FactoringDecision =>
    evaluateInvoice({
      invoice: d.invoice,
      events: d.events,
      trust: trustSourceFromRecord(trust),
      policy: kept,
      asOf: AS_OF,
      portfolio: { buyerLimitMinor: { [BUYER]: 50_000_000, [FIN_G]: 50_000_000 } },
    });

  it('title owners edited in place after a first decision are read again (no stale stream facts): a carrier dropped from the title no longer attests', () => {
    const owners = [...OWNERS];
    const d = deal({ titleOwners: owners });
    expect(decideKept(d).outcome).toBe('approve');
    // Same invoice object, same owner list, one entry replaced: the carrier now holds a financier stake.
    owners[2] = { ownerId: CARRIER, percentage: 0.02, stakeType: 'financier' };
    const again = decideKept(d);
    expect(again.outcome).not.toBe('approve');
    expect(codes(again)).toContain('SIGNER_MISMATCH');
  });

  it('an invoice object edited in place after a first decision is read again: a new buyer is not acknowledged by the old one', () => {
    const d = deal();
    expect(decideKept(d).outcome).toBe('approve');
    (d.invoice as { buyerQuid: string }).buyerQuid = FIN_G;
    const again = decideKept(d, {
      ...TRUST,
      [FIN_G]: viaBureau(FIN_G, 0.9),
    });
    expect(again.outcome).not.toBe('approve');
    expect(codes(again)).toContain('ACK_MISSING');
  });

  it('an event replaced in the same list after a first decision is read again: a dispute added in place holds the invoice', () => {
    const d = deal();
    expect(decideKept(d).outcome).toBe('approve');
    d.events[3] = event(d, 'dsp', 'buyer.disputed', BUYER, {
      buyerQuid: BUYER,
      disputeId: 'd-1',
      disputedAmountMinor: 1_000_000,
      reason: 'short delivery',
      disputedAt: NOW + 5 * DAY,
    });
    expect(decideKept(d).outcome).not.toBe('approve');
  });

  it('half-cent book: a portfolio limit or exposure of 0.5 is refused with its path, not used', () => {
    const d = deal();
    expect(() => run(d, { portfolio: { buyerLimitMinor: { [BUYER]: 10_000_000.5 } } })).toThrow(
      FactoringInputError,
    );
    let caught: unknown;
    try {
      run(d, { portfolio: { buyerExposureMinor: { [BUYER]: 0.5 }, facilityLimitMinor: -1 } });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(FactoringInputError);
    expect((caught as FactoringInputError).issues.map((i) => i.path)).toEqual([
      `portfolio.buyerExposureMinor.${BUYER}`,
      'portfolio.facilityLimitMinor',
    ]);
  });

  it('a buyer history with a negative dilution or half-cent amount is refused, not priced on', () => {
    const d = deal();
    const history = {
      records: [{ dueAt: NOW - 40 * DAY, paidAt: NOW - 30 * DAY, amountMinor: 1_000.5, dilutedMinor: -50 }],
    };
    expect(() =>
      evaluateInvoice({
        invoice: d.invoice,
        events: d.events,
        trust: trustSourceFromRecord(TRUST),
        policy: standardPolicy(),
        asOf: AS_OF,
        buyerHistory: history,
      }),
    ).toThrow(FactoringInputError);
  });

  it('payment in another currency is not counted as money against a USD invoice', () => {
    const d = deal();
    const pay = event(d, 'pay', 'payment.received', SUPPLIER, {
      paymentId: 'p1',
      allocationId: 'a1',
      amountMinor: 1_000_000,
      currency: 'JPY',
      receivedAt: NOW + 5 * DAY,
    });
    const x = run(d, { events: [...d.events, pay] });
    expect(codes(x)).toContain('PAYMENT_CURRENCY_MISMATCH');
    expect(codes(x)).not.toContain('PARTIALLY_PAID');
    expect(x.outcome).toBe('review');
  });

  it('refused events are fraud evidence only: a supplier-signed delivery among them is a forged attestation', () => {
    const d = deal();
    const forged = { ...(d.events[2] as VerifiedEvent), id: 'forged', signerQuid: SUPPLIER };
    const x = run(d, { rejectedEvents: [forged] });
    expect(codes(x)).toContain('SUPPLIER_FORGED_ATTESTATION');
    expect(x.outcome).toBe('reject');
  });

  it('a refused acknowledgement never counts as the buyer acknowledging', () => {
    const d = deal();
    const ack = d.events[3] as VerifiedEvent;
    const x = run(d, { events: d.events.slice(0, 3), rejectedEvents: [ack] });
    expect(codes(x)).toContain('ACK_MISSING');
    expect(x.outcome).not.toBe('approve');
  });
});

describe('finding 2: duplicates of a financed receivable inside and across batches', () => {
  function copy(id: string, financed: boolean): BatchItem {
    const d = deal({ invoiceId: id }, { ids: id });
    const events = financed
      ? [
          ...d.events,
          event(d, `${id}-fp`, 'factor.purchased', FIN_G, {
            financierQuid: FIN_G,
            purchasePriceMinor: 4_000_000,
            factoredAt: NOW + 5 * DAY,
          }),
        ]
      : d.events;
    return { invoice: d.invoice, events };
  }
  const batch = (items: BatchItem[], portfolio?: Portfolio) =>
    evaluateBatch({
      items,
      trust: trustSourceFromRecord(TRUST),
      policy: standardPolicy(),
      asOf: AS_OF,
      portfolio: portfolio ?? { buyerLimitMinor: { [BUYER]: 50_000_000 } },
    });

  it('copy of an already-factored receivable is refused when it sorts first in the batch', () => {
    const r = batch([copy('inv-a', false), copy('inv-b', true)]);
    expect(r.decisions.map((d) => d.outcome)).toEqual(['reject', 'reject']);
    expect(codes(r.decisions[0] as FactoringDecision)).toContain('DUPLICATE_OF_FINANCED');
  });

  it('copy of an already-factored receivable is refused when it sorts last in the batch', () => {
    const r = batch([copy('inv-b', true), copy('inv-c', false)]);
    expect(r.decisions.map((d) => d.outcome)).toEqual(['reject', 'reject']);
    expect(codes(r.decisions[1] as FactoringDecision)).toContain('DUPLICATE_OF_FINANCED');
  });

  it('the order of the items does not change any outcome', () => {
    const a = batch([copy('inv-a', false), copy('inv-b', true), copy('inv-c', false)]);
    const b = batch([copy('inv-c', false), copy('inv-b', true), copy('inv-a', false)]);
    const byId = (r: typeof a) => Object.fromEntries(r.decisions.map((d) => [d.invoiceId, d.outcome]));
    expect(byId(a)).toEqual(byId(b));
    expect(Object.values(byId(a))).not.toContain('approve');
  });

  it('look-alike of a financed receivable (reformatted number) is flagged even when it sorts first', () => {
    const lookAlike = (id: string, n: string, financed: boolean): BatchItem => {
      const it = copy(id, financed);
      return { ...it, invoice: { ...it.invoice, invoiceNumber: n } };
    };
    for (const items of [
      [lookAlike('inv-a', 'INV-2026-0100', false), lookAlike('inv-b', 'INV-2026-0100-A', true)],
      [lookAlike('inv-b', 'INV-2026-0100-A', true), lookAlike('inv-a', 'INV-2026-0100', false)],
    ]) {
      const r = batch(items);
      const a = r.decisions.find((d) => d.invoiceId === 'inv-a') as FactoringDecision;
      expect(a.outcome).not.toBe('approve');
      expect(codes(a)).toContain('DUPLICATE_FUZZY');
    }
  });

  it('a receivable financed in an earlier batch (caller registry) is refused in the next one', () => {
    const first = batch([copy('inv-a', false)]);
    expect(first.decisions[0]?.outcome).toBe('approve');
    // Both forms of INV-2026-0100: as normalised, and with its digit runs joined.
    expect(first.financedFingerprints).toHaveLength(2);
    const second = batch([copy('inv-z', false)], {
      buyerLimitMinor: { [BUYER]: 50_000_000 },
      financedFingerprints: first.financedFingerprints,
    });
    expect(second.decisions[0]?.outcome).toBe('reject');
    expect(codes(second.decisions[0] as FactoringDecision)).toContain('DUPLICATE_OF_FINANCED');
  });

  it('evaluateInvoice reads the same registry', () => {
    const d = deal();
    const fp = invoiceFingerprint({ ...d.invoice, invoiceNumber: d.invoice.invoiceNumber ?? '' });
    const x = run(d, { portfolio: { financedFingerprints: [fp] } });
    expect(x.outcome).toBe('reject');
    expect(codes(x)).toContain('DUPLICATE_OF_FINANCED');
  });
});

describe('finding 3: events of another invoice', () => {
  it("replayed acknowledgement: a genuine buyer.acknowledged from another invoice's stream is refused", () => {
    const d = deal();
    const other = deal({ invoiceId: 'inv-999' }, { ids: 'inv-999' });
    const replayed = other.events[3] as VerifiedEvent;
    const x = run(d, { events: [...d.events.slice(0, 3), replayed] });
    expect(codes(x)).toContain('EVENT_SUBJECT_MISMATCH');
    expect(codes(x)).toContain('ACK_MISSING');
    expect(x.outcome).toBe('reject');
  });

  it('an event that names no subject is not counted under the standard policy', () => {
    const d = deal();
    const { subjectId: _drop, ...ack } = d.events[3] as VerifiedEvent;
    const x = run(d, { events: [...d.events.slice(0, 3), ack] });
    expect(codes(x)).toContain('EVENT_SUBJECT_MISSING');
    expect(codes(x)).toContain('ACK_MISSING');
    expect(x.outcome).not.toBe('approve');
  });
});

describe('finding 4: fraud signals weighted by kind', () => {
  let seq = 20;
  const signal = (d: Deal, kind: string, reporter: string, severity?: string): VerifiedEvent =>
    event(
      d,
      `fs-${kind}-${reporter}`,
      `fraud.signal.${kind}`,
      reporter,
      {
        reporterQuid: reporter,
        evidence: 'seen',
        reportedAt: NOW + 5 * DAY,
        ...(severity ? { severity } : {}),
      },
      seq++,
    );

  it("trusted financier's invoice-forged signal without a severity rejects", () => {
    const d = deal();
    const x = run(d, { events: [...d.events, signal(d, 'invoice-forged', FIN_G)] });
    expect(x.outcome).toBe('reject');
    expect(codes(x)).toContain('FRAUD_SIGNAL');
  });

  it("trusted financier's double-financing signal rejects even at low severity", () => {
    const d = deal();
    const x = run(d, { events: [...d.events, signal(d, 'double-financing', FIN_G, 'low')] });
    expect(x.outcome).toBe('reject');
  });

  it('missing severity is not silently medium: the message says how it was weighed', () => {
    const d = deal();
    const x = run(d, { events: [...d.events, signal(d, 'round-amount', FIN_G)] });
    const msg = x.reasons.find((r) => r.code.startsWith('FRAUD_SIGNAL') || r.code === 'WEAK_FRAUD_SIGNAL');
    expect(msg?.message).toContain('severity not stated');
  });

  it('untrusted reporter cannot veto: a barely trusted co-owner crying forgery gets review at most', () => {
    const d = deal();
    const x = run(d, { events: [...d.events, signal(d, 'invoice-forged', FIN_F, 'high')] });
    expect(x.outcome).not.toBe('reject');
  });

  it('many barely trusted reporters together cannot veto either', () => {
    const d = deal();
    const weak: Record<string, TrustReading> = {};
    const events = [...d.events];
    // Each reporter co-owns a sliver of the title (shares are positive and sum to 1).
    const owners = [...(d.invoice.titleOwners ?? [])];
    owners[0] = { ...(owners[0] as TitleOwnerShare), percentage: 0.912 };
    for (let k = 0; k < 8; k++) {
      const q = `e${k}e${k}e${k}e${k}e${k}e${k}e${k}e${k}`;
      weak[q] = { level: 0.2, pathLength: 3 };
      owners.push({ ownerId: q, percentage: 0.001, stakeType: 'financier' });
      events.push(signal(d, 'invoice-forged', q, 'high'));
    }
    const x = run({ invoice: { ...d.invoice, titleOwners: owners }, events }, { events, trust: weak });
    expect(x.outcome).not.toBe('reject');
    expect(x.outcome).toBe('review');
  });
});

describe('finding 5: open disputes hold a single-invoice purchase', () => {
  const dispute = (d: Deal): VerifiedEvent =>
    event(d, 'dsp', 'buyer.disputed', BUYER, {
      buyerQuid: BUYER,
      disputeId: 'd-1',
      disputedAmountMinor: 500_000,
      reason: 'damaged goods',
      disputedAt: AS_OF - 2 * DAY,
    });

  it('invoice disputed two days before evaluation is held, not approved with the disputed part cut', () => {
    const d = deal();
    const x = run(d, { events: [...d.events, dispute(d)] });
    expect(['pending', 'review']).toContain(x.outcome);
    expect(codes(x)).toContain('DISPUTE_OPEN');
    expect(x.offer).toBeNull();
  });

  it("openDisputes: 'haircut' (asset-based lending) funds the undisputed part", () => {
    const d = deal();
    const x = run(d, { events: [...d.events, dispute(d)], policy: { openDisputes: 'haircut' } });
    expect(x.outcome).toBe('approve');
    expect(codes(x)).toContain('DISPUTED_AMOUNT_INELIGIBLE');
    expect(x.offer?.eligibleMinor).toBe(4_500_000);
  });

  it('a dispute the buyer withdrew no longer holds the invoice', () => {
    const d = deal();
    const withdrawn = event(
      d,
      'res',
      'dispute.resolved',
      BUYER,
      { disputeId: 'd-1', outcome: 'withdrawn', resolvedAt: AS_OF - DAY },
      11,
    );
    const x = run(d, { events: [...d.events, dispute(d), withdrawn] });
    expect(x.outcome).toBe('approve');
  });
});

describe('finding 6: expired trust gives one outcome whatever the path', () => {
  it('expired bureau attestation (validUntil passed) and an expired edge the node skipped decide alike', () => {
    const d = deal();
    const passed = run(d, {
      trust: {
        [SUPPLIER]: {
          level: 0.85,
          validUntil: AS_OF - DAY,
          pathLength: 2,
          path: ['f9f9f9f9f9f9f9f9', 'e9e9e9e9e9e9e9e9', SUPPLIER],
        },
      },
    });
    const skipped = run(d, { trust: { [SUPPLIER]: undefined } });
    expect(passed.outcome).toBe('reject');
    expect(skipped.outcome).toBe(passed.outcome);
    const decisive = (x: FactoringDecision) =>
      x.reasons.filter((r) => r.severity === 'reject' || r.severity === 'review' || r.severity === 'pending');
    expect(decisive(passed).map((r) => r.code)).toEqual(decisive(skipped).map((r) => r.code));
    expect(codes(passed)).toContain('TRUST_EXPIRED');
    expect(passed.trust.supplier).toBe(0);
  });

  it('expired buyer trust: validUntil passed equals no path to the buyer', () => {
    const d = deal();
    const passed = run(d, {
      trust: {
        [BUYER]: {
          level: 0.9,
          validUntil: AS_OF - 1,
          pathLength: 2,
          path: ['f9f9f9f9f9f9f9f9', 'e9e9e9e9e9e9e9e9', BUYER],
        },
      },
    });
    const skipped = run(d, { trust: { [BUYER]: undefined } });
    expect(passed.outcome).toBe(skipped.outcome);
    expect(codes(passed)).toEqual(expect.arrayContaining(codes(skipped)));
  });
});

describe('neighbour of finding 6: a trust reading with no date cannot be shown to be fresh', () => {
  // A level cached years ago and passed without observedAt counted as read today: no STALE_TRUST,
  // no PD inflation, full advance. The engine cannot tell its age, so it waits for a dated reading.
  it('an undated supplier reading is pending (TRUST_UNDATED), not approved as if read today', () => {
    const x = run(deal(), {
      trust: {
        [SUPPLIER]: { level: 0.85, pathLength: 2, path: ['f9f9f9f9f9f9f9f9', 'e9e9e9e9e9e9e9e9', SUPPLIER] },
      },
    });
    expect(x.outcome).toBe('pending');
    expect(codes(x)).toContain('TRUST_UNDATED');
    expect(x.reasons.find((r) => r.code === 'TRUST_UNDATED')?.message).toContain(SUPPLIER);
  });

  it('an undated buyer reading (a bare level) is pending too', () => {
    const x = run(deal(), {
      trust: {
        [BUYER]: { level: 0.9, pathLength: 2, path: ['f9f9f9f9f9f9f9f9', 'e9e9e9e9e9e9e9e9', BUYER] },
      },
    });
    expect(x.outcome).toBe('pending');
    expect(codes(x)).toContain('TRUST_UNDATED');
  });

  it('the same readings dated today are approved as before', () => {
    expect(run(deal()).outcome).toBe('approve');
  });

  it('undatedTrust: "fresh" takes an undated reading as current (the caller vouches for its age)', () => {
    const x = run(deal(), {
      trust: {
        [SUPPLIER]: { level: 0.85, pathLength: 2, path: ['f9f9f9f9f9f9f9f9', 'e9e9e9e9e9e9e9e9', SUPPLIER] },
      },
      policy: { undatedTrust: 'fresh' },
    });
    expect(codes(x)).not.toContain('TRUST_UNDATED');
    expect(x.outcome).toBe('approve');
  });
});

describe('neighbour of finding 6: a trust reading too old to price', () => {
  // A reading dated at the epoch (observedAt 1, a default left in) or years back was priced as
  // stale (PD inflated, advance cut) and approved; an undated one of the same age is held.
  it('a reading older than maxTrustAgeSeconds (standard: 365 days) is pending (TRUST_TOO_OLD), not priced', () => {
    for (const observedAt of [1, NOW - 400 * DAY]) {
      const x = run(deal(), {
        trust: {
          [SUPPLIER]: {
            level: 0.85,
            observedAt,
            pathLength: 2,
            path: ['f9f9f9f9f9f9f9f9', 'e9e9e9e9e9e9e9e9', SUPPLIER],
          },
        },
      });
      expect([observedAt, x.outcome]).toEqual([observedAt, 'pending']);
      expect(codes(x)).toContain('TRUST_TOO_OLD');
      expect(x.offer).toBeNull();
    }
  });

  it('a stale reading within the bound (200 days) is still priced with its cut', () => {
    const x = run(deal(), {
      trust: {
        [BUYER]: viaBureau(BUYER, 0.9, NOW - 200 * DAY),
      },
    });
    expect(x.outcome).toBe('approve');
    expect(codes(x)).toContain('STALE_TRUST');
    expect(codes(x)).not.toContain('TRUST_TOO_OLD');
  });
});

describe('neighbour of finding 6: a reading that says there is no trust path', () => {
  // pathLength 0 means no path from the financier (what the node reports when it finds none), but
  // the supplier's level of 0.85 beside it was still used: the supplier passed its threshold.
  it('a supplier reading with pathLength 0 counts as no trust (SUPPLIER_TRUST_LOW), whatever its level', () => {
    const x = run(deal(), { trust: { [SUPPLIER]: { level: 0.85, observedAt: NOW, pathLength: 0 } } });
    expect(x.outcome).toBe('reject');
    expect(codes(x)).toContain('SUPPLIER_TRUST_LOW');
    expect(x.trust.supplier).toBe(0);
  });

  it('a buyer reading with pathLength 0 decides as no reading at all', () => {
    const none = run(deal(), { trust: { [BUYER]: undefined } });
    const pathless = run(deal(), { trust: { [BUYER]: { level: 0.9, observedAt: NOW, pathLength: 0 } } });
    expect(pathless.outcome).toBe(none.outcome);
    expect(codes(pathless)).toEqual(expect.arrayContaining(codes(none)));
    expect(pathless.trust.buyer).toBe(0);
  });
});

describe('finding 8: concentration of the financier’s own book', () => {
  it("one buyer above its share of the financier's facility is cut to fit", () => {
    const d = deal();
    const x = run(d, {
      portfolio: {
        facilityLimitMinor: 100_000_000,
        buyerLimitMinor: { [BUYER]: 500_000_000 },
        buyerExposureMinor: { [BUYER]: 18_000_000 },
        totalExposureMinor: 30_000_000,
      },
    });
    expect(codes(x)).toContain('LIMIT_HAIRCUT');
    expect(x.limits?.buyer.afterMinor).toBeLessThanOrEqual(20_000_000);
  });

  it('a buyer at its facility share is refused in reject mode', () => {
    const d = deal();
    const x = run(d, {
      policy: { limitMode: 'reject' },
      portfolio: {
        facilityLimitMinor: 100_000_000,
        buyerLimitMinor: { [BUYER]: 500_000_000 },
        buyerExposureMinor: { [BUYER]: 20_000_000 },
      },
    });
    expect(x.outcome).toBe('reject');
    expect(codes(x)).toContain('BUYER_CONCENTRATION_EXCEEDED');
  });

  it('a buyer group (parent and subsidiaries) at its share is refused even when each buyer is small', () => {
    const d = deal();
    const x = run(d, {
      policy: { limitMode: 'reject' },
      portfolio: {
        facilityLimitMinor: 100_000_000,
        buyerLimitMinor: { [BUYER]: 500_000_000 },
        buyerGroup: { [BUYER]: 'megacorp', '9090909090909090': 'megacorp' },
        buyerExposureMinor: { [BUYER]: 1_000_000, '9090909090909090': 29_000_000 },
      },
    });
    expect(x.outcome).toBe('reject');
    expect(codes(x)).toContain('GROUP_CONCENTRATION_EXCEEDED');
  });

  it('a batch keeps the group share across its own approvals', () => {
    const items: BatchItem[] = [];
    for (let k = 0; k < 6; k++) {
      const d = deal({ invoiceId: `inv-g${k}`, invoiceNumber: `G-${k}` }, { ids: `inv-g${k}` });
      items.push({ invoice: d.invoice, events: d.events });
    }
    const r = evaluateBatch({
      items,
      trust: trustSourceFromRecord(TRUST),
      policy: standardPolicy({ limitMode: 'reject', maxBuyerShareOfFacilityBps: 10_000 }),
      asOf: AS_OF,
      portfolio: {
        facilityLimitMinor: 50_000_000,
        buyerLimitMinor: { [BUYER]: 500_000_000 },
        buyerGroup: { [BUYER]: 'megacorp' },
      },
    });
    const after = r.decisions.filter((x) => x.outcome === 'approve').length;
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThan(6);
    expect(Object.keys(r.summary.byReason)).toContain('GROUP_CONCENTRATION_EXCEEDED');
  });
});

describe('issue 18: the double-factoring race', () => {
  const purchase = (d: Deal, id: string, fin: string, price: number): VerifiedEvent =>
    event(
      d,
      id,
      'factor.purchased',
      fin,
      { financierQuid: fin, purchasePriceMinor: price, factoredAt: NOW + 5 * DAY },
      5,
    );

  it('double-factoring race: two different factor.purchased at one subject and sequence are a hard reject', () => {
    const d = deal();
    const x = run(d, {
      events: [...d.events, purchase(d, 'tx-1', FIN_G, 4_000_000), purchase(d, 'tx-1', FIN_F, 4_100_000)],
    });
    expect(x.outcome).toBe('reject');
    expect(codes(x)).toContain('DOUBLE_FACTORING_RACE');
  });

  it('the same event delivered twice (same content) is not a race', () => {
    const d = deal();
    const a = d.events[3] as VerifiedEvent;
    const x = run(d, { events: [...d.events, { ...a }] });
    expect(codes(x)).not.toContain('DOUBLE_FACTORING_RACE');
    expect(codes(x)).not.toContain('SEQUENCE_CONFLICT');
    expect(x.outcome).toBe('approve');
  });

  it('two different events of other types at one sequence are a sequence conflict (reject)', () => {
    const d = deal();
    const other = {
      ...(d.events[3] as VerifiedEvent),
      payload: { ...(d.events[3] as VerifiedEvent).payload, acknowledgedAmountMinor: 9_000_000 },
    };
    const x = run(d, { events: [...d.events, other] });
    expect(x.outcome).toBe('reject');
    expect(codes(x)).toContain('SEQUENCE_CONFLICT');
  });
});

describe('stopAtFirstDecisive: a hold never hides a later reject', () => {
  // Stopping at the first hold showed a reviewer "fuzzy duplicate" (or "no acknowledgement yet")
  // and skipped the trust rule that rejects the invoice: a person could approve what the engine
  // would refuse. A reject is final, so the run stops there; holds run on to it.
  const nearCopy = {
    invoiceId: 'inv-old',
    invoiceNumber: 'INV-2026-0100',
    supplierQuid: SUPPLIER,
    buyerQuid: BUYER,
    amountMinor: 5_000_001,
    issuedAt: NOW,
  };
  const lowBuyer = {
    [BUYER]: viaBureau(BUYER, 0.3),
  };

  it('a fuzzy duplicate (review) before a buyer below its threshold (reject) gives reject', () => {
    const x = run(deal(), {
      trust: lowBuyer,
      policy: { stopAtFirstDecisive: true },
      portfolio: { buyerLimitMinor: { [BUYER]: 50_000_000 }, knownInvoices: [nearCopy] },
    });
    expect(codes(x)).toEqual(expect.arrayContaining(['DUPLICATE_FUZZY', 'BUYER_TRUST_LOW']));
    expect(x.outcome).toBe('reject');
  });

  it('a missing acknowledgement (pending) before a buyer below its threshold (reject) gives reject', () => {
    const d = deal();
    const x = run(d, {
      events: d.events.filter((e) => e.eventType !== 'buyer.acknowledged'),
      trust: lowBuyer,
      policy: { stopAtFirstDecisive: true },
    });
    expect(codes(x)).toEqual(expect.arrayContaining(['ACK_MISSING', 'BUYER_TRUST_LOW']));
    expect(x.outcome).toBe('reject');
  });

  it('the first reject still stops the run: the rules after it are skipped', () => {
    const x = run(deal(), { trust: lowBuyer, policy: { stopAtFirstDecisive: true } });
    expect(x.outcome).toBe('reject');
    const after = x.trace.slice(x.trace.findIndex((t) => t.rule === 'buyer-trust') + 1);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((t) => t.outcome === 'skip')).toBe(true);
  });

  it('every outcome under stopAtFirstDecisive is the full run’s outcome (the scenarios of this file)', () => {
    const cases: Parameters<typeof run>[1][] = [
      { trust: lowBuyer },
      { trust: lowBuyer, portfolio: { buyerLimitMinor: { [BUYER]: 50_000_000 }, knownInvoices: [nearCopy] } },
      { portfolio: { buyerLimitMinor: { [BUYER]: 50_000_000 }, knownInvoices: [nearCopy] } },
      {
        trust: {
          [SUPPLIER]: {
            level: 0.85,
            pathLength: 2,
            path: ['f9f9f9f9f9f9f9f9', 'e9e9e9e9e9e9e9e9', SUPPLIER],
          },
        },
      },
      {},
    ];
    for (const c of cases) {
      const full = run(deal(), c);
      const stopped = run(deal(), { ...c, policy: { stopAtFirstDecisive: true } });
      expect(stopped.outcome).toBe(full.outcome);
    }
  });
});
