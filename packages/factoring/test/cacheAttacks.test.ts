// Attacks on what the engine remembers between decisions: a financier re-decides the same book
// objects on every trust change, so the cached path is the main path. An event changed in place
// after a first decision must be judged as it is now: the engine never counts money a payload no
// longer supports.
import { describe, expect, it } from 'vitest';
import {
  compilePolicy,
  createPortfolioState,
  decide as decideOn,
  evaluateBatch,
  evaluateInvoice,
  type FactoringDecision,
  isFactoringError,
  standardPolicy,
  trustSourceFromRecord,
  type VerifiedEvent,
} from '../src/index.js';
import { AS_OF, BOOK, DAY, DEAL_TRUST, type Deal, deal, NOW } from './fixtures.js';
import { seededRandom } from './support/seededRandom.js';

const policy = standardPolicy();
const decide = (d: Deal, events: readonly VerifiedEvent[] = d.events): FactoringDecision =>
  evaluateInvoice({
    invoice: d.invoice,
    events,
    trust: trustSourceFromRecord(DEAL_TRUST),
    policy,
    asOf: AS_OF,
    portfolio: BOOK,
  });
const codes = (x: FactoringDecision): string[] => x.reasons.map((r) => r.code);
/** The decision on brand-new copies of the same events: what the engine must say on the reused ones. */
const onFreshCopies = (d: Deal): FactoringDecision => decide(d, structuredClone(d.events));

/** An event's payload as a careless caller may edit it in place (anything, not only JSON). */
type Body = Record<string, unknown>;
const bodyOf = (e: VerifiedEvent): Body => e.payload as Body;

/** The fixture deal with a 1,000,000 credit note (and its payload, to change afterwards). */
function credited(): { d: Deal; credit: VerifiedEvent; body: Body } {
  const d = deal();
  const credit = {
    subjectId: d.invoice.invoiceId,
    id: 'inv-100-cn',
    eventType: 'invoice.credited',
    signerQuid: d.invoice.supplierQuid,
    sequence: 5,
    timestamp: NOW + 5 * DAY,
    payload: {
      creditNoteId: 'cn-1',
      amountMinor: 1_000_000,
      reason: 'short shipment',
      creditedAt: NOW + 5 * DAY,
    },
  };
  d.events.push(credit);
  return { d, credit, body: bodyOf(credit) };
}

describe('an event changed in place after a first decision', () => {
  it('a credit note whose amount is made negative in place is refused on the second decision, not added to the face', () => {
    const { d, body } = credited();
    const first = decide(d);
    expect(first.offer?.eligibleMinor).toBe(4_000_000);
    body['amountMinor'] = -1_000_000;
    const second = decide(d);
    expect(second.outcome).not.toBe('approve');
    expect(codes(second)).toContain('INVALID_EVENT_PAYLOAD');
    expect(JSON.stringify(second)).toBe(JSON.stringify(onFreshCopies(d)));
  });

  it('changed in place after the list was decided twice (when the engine keeps copies to compare): refused too', () => {
    const { d, body } = credited();
    decide(d);
    expect(decide(d).offer?.eligibleMinor).toBe(4_000_000);
    body['amountMinor'] = -1_000_000;
    const third = decide(d);
    expect(third.outcome).not.toBe('approve');
    expect(codes(third)).toContain('INVALID_EVENT_PAYLOAD');
    expect(JSON.stringify(third)).toBe(JSON.stringify(onFreshCopies(d)));
  });

  it('a credit note whose payload object is replaced on the same event is read anew', () => {
    const { d, credit, body } = credited();
    decide(d);
    (credit as { payload: unknown }).payload = { ...body, amountMinor: -3_000_000 };
    const second = decide(d);
    expect(second.outcome).not.toBe('approve');
    expect(codes(second)).toContain('INVALID_EVENT_PAYLOAD');
    expect(JSON.stringify(second)).toBe(JSON.stringify(onFreshCopies(d)));
  });

  it('a payment whose currency is deleted in place is refused, not counted as the invoice currency', () => {
    const d = deal();
    const payment = {
      subjectId: d.invoice.invoiceId,
      id: 'inv-100-pay',
      eventType: 'payment.received',
      signerQuid: d.invoice.supplierQuid,
      sequence: 5,
      timestamp: NOW + 5 * DAY,
      payload: {
        paymentId: 'p-1',
        allocationId: 'a-1',
        amountMinor: 1_000_000,
        currency: 'EUR',
        receivedAt: NOW + 5 * DAY,
      } as Record<string, unknown>,
    };
    d.events.push(payment as VerifiedEvent);
    expect(codes(decide(d))).toContain('PAYMENT_CURRENCY_MISMATCH');
    delete payment.payload['currency'];
    const second = decide(d);
    expect(codes(second)).toContain('INVALID_EVENT_PAYLOAD');
    expect(JSON.stringify(second)).toBe(JSON.stringify(onFreshCopies(d)));
  });

  it('an event whose type is changed in place is checked against the schema of its new type', () => {
    const { d, credit } = credited();
    decide(d);
    // A credit note's payload is no payment: with no currency it would count as the invoice's.
    (credit as { eventType: string }).eventType = 'payment.received';
    const second = decide(d);
    expect(codes(second)).toContain('INVALID_EVENT_PAYLOAD');
    expect(JSON.stringify(second)).toBe(JSON.stringify(onFreshCopies(d)));
  });

  it('a signed issue whose nested early-payment discount is changed in place is refused as the fresh copy is', () => {
    const d = deal();
    const issued = d.events[0] as VerifiedEvent & { payload: Record<string, unknown> };
    issued.payload['earlyPaymentDiscount'] = { rateBps: 200, withinDays: 10 };
    d.invoice = { ...d.invoice, earlyPaymentDiscount: { rateBps: 200, withinDays: 10 } };
    decide(d);
    (issued.payload['earlyPaymentDiscount'] as Record<string, unknown>)['rateBps'] = -5_000;
    const second = decide(d);
    expect(codes(second)).toContain('INVALID_EVENT_PAYLOAD');
    expect(JSON.stringify(second)).toBe(JSON.stringify(onFreshCopies(d)));
  });

  it('a book re-decided in a batch after a credit note turned negative in place is held, as fresh copies are', () => {
    const { d, body } = credited();
    const run = () =>
      evaluateBatch({
        items: [d],
        trust: trustSourceFromRecord(DEAL_TRUST),
        policy,
        asOf: AS_OF,
        portfolio: BOOK,
      });
    expect(run().decisions[0]?.offer?.eligibleMinor).toBe(4_000_000);
    body['amountMinor'] = -1_000_000;
    const second = run().decisions[0] as FactoringDecision;
    expect(second.outcome).not.toBe('approve');
    expect(codes(second)).toContain('INVALID_EVENT_PAYLOAD');
  });

  it('any field of any event changed in place between decisions gives the decision fresh copies give', () => {
    const odd: unknown[] = [
      -1_000_000,
      0,
      0.5,
      Number.NaN,
      1e20,
      '1000000',
      null,
      undefined,
      'EUR',
      'XXX',
      {},
    ];
    const random = seededRandom(7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
    for (let round = 0; round < 60; round++) {
      const { d } = credited();
      decide(d);
      const e = pick(d.events);
      const body = bodyOf(e);
      const field = pick(Object.keys(body));
      const value = pick(odd);
      if (value === undefined && random() < 0.5) delete body[field];
      else body[field] = value;
      const again = decide(d);
      expect(JSON.stringify(again), `${e.eventType}.${field} = ${String(value)}`).toBe(
        JSON.stringify(onFreshCopies(d)),
      );
    }
  });

  it('a payload that refers to itself is checked every time, without hanging', () => {
    const { d, body } = credited();
    body['self'] = body;
    const first = decide(d);
    expect(codes(first)).toContain('INVALID_EVENT_PAYLOAD');
    delete body['self'];
    body['amountMinor'] = -1;
    expect(codes(decide(d))).toContain('INVALID_EVENT_PAYLOAD');
  });
});

describe('a compiled policy is the one compilePolicy made, and stays as it was compiled', () => {
  const refusal = (policy: unknown): unknown => {
    try {
      decideWith(policy);
    } catch (e) {
      return e;
    }
    return undefined;
  };
  const decideWith = (policy: unknown): FactoringDecision => {
    const d = deal();
    return evaluateInvoice({
      invoice: d.invoice,
      events: d.events,
      trust: trustSourceFromRecord(DEAL_TRUST),
      policy: policy as never,
      asOf: AS_OF,
      portfolio: BOOK,
    });
  };

  it('a policy the caller tagged with a policyId is checked as a policy (INVALID_POLICY at policyId), not taken for a compiled one', () => {
    // Taken for a compiled policy, nothing in it was validated and the call died on a raw TypeError.
    const e = refusal({ ...standardPolicy(), policyId: 'book-7' });
    expect(isFactoringError(e) && e.code).toBe('INVALID_POLICY');
    expect(isFactoringError(e) && e.issues.map((i) => i.path)).toContain('policyId');
  });

  it('a compiled policy stored as JSON and read back is refused, not used without its checks', () => {
    const stored = JSON.parse(JSON.stringify(compilePolicy(standardPolicy())));
    const e = refusal(stored);
    expect(isFactoringError(e) && e.code).toBe('INVALID_POLICY');
    const b = (() => {
      try {
        evaluateBatch({
          items: [deal()],
          trust: trustSourceFromRecord(DEAL_TRUST),
          policy: stored,
          asOf: AS_OF,
          portfolio: BOOK,
        });
      } catch (x) {
        return x;
      }
      return undefined;
    })();
    expect(isFactoringError(b) && b.code).toBe('INVALID_POLICY');
  });

  it('a compiled policy cannot be edited after it was compiled (payload checks switched off in place)', () => {
    const compiled = compilePolicy(standardPolicy());
    expect(() => {
      (compiled.streamOptions as { validatePayloads: boolean }).validatePayloads = false;
    }).toThrow(TypeError);
    expect(() => {
      (compiled as { countsFraudKind: unknown }).countsFraudKind = () => false;
    }).toThrow(TypeError);
    expect(() => (compiled.grades as unknown[]).pop()).toThrow(TypeError);
    // Still the policy it was: a negative credit note is refused.
    const { d, body } = credited();
    body['amountMinor'] = -1;
    const decided = evaluateInvoice({
      invoice: d.invoice,
      events: d.events,
      trust: trustSourceFromRecord(DEAL_TRUST),
      policy: compiled,
      asOf: AS_OF,
      portfolio: BOOK,
    });
    expect(codes(decided)).toContain('INVALID_EVENT_PAYLOAD');
  });
});

describe('decide, the engine behind evaluateInvoice, takes only a policy compilePolicy made (review of the merge)', () => {
  const d = deal();
  const request = {
    invoice: d.invoice,
    events: d.events,
    trust: trustSourceFromRecord({
      ...DEAL_TRUST,
      b0b0b0b0b0b0b0b0: { level: 0.1, observedAt: NOW, pathLength: 1 },
    }),
    policy: standardPolicy(),
    asOf: AS_OF,
  };

  it('a compiled policy stored as JSON and edited (minBuyerTrust -1) is INVALID_POLICY, not an approval of an untrusted buyer', () => {
    const stored = JSON.parse(JSON.stringify(compilePolicy(standardPolicy())));
    stored.policy.minBuyerTrust = -1;
    let error: unknown;
    try {
      decideOn(request, stored, createPortfolioState(BOOK));
    } catch (e) {
      error = e;
    }
    expect(isFactoringError(error) && error.code).toBe('INVALID_POLICY');
  });

  it('a plain policy passed to decide is compiled and checked, not a raw TypeError', () => {
    const x = decideOn(request, standardPolicy() as never, undefined);
    expect(x.outcome).not.toBe('approve');
  });
});
