// Inputs that change under the engine: a financier's service hands it objects it also holds (an
// ORM entity, a cache entry, a message on a bus), and edits them while the engine works. The engine
// decides on ONE view of its input: what it checked is what it decides on, and what it decides is
// what it books (the items as they were when evaluateBatch was called, a portfolio as it was when
// its state was made, each party's trust read once per decision).
import { describe, expect, it } from 'vitest';
import {
  type BatchItem,
  type BatchRequest,
  compilePolicy,
  createPortfolioState,
  evaluateBatch,
  evaluateInvoice,
  type FactoringDecision,
  type InvoiceInput,
  isFactoringError,
  type Portfolio,
  reserveApproval,
  standardPolicy,
  type TitleOwnerShare,
  type TrustReading,
  type TrustSource,
  trustSourceFromRecord,
  type VerifiedEvent,
} from '../src/index.js';
import { AS_OF, BOOK, DAY, DEAL_TRUST, deal, NOW } from './fixtures.js';

const BUYER = 'b0b0b0b0b0b0b0b0';
const trust = trustSourceFromRecord(DEAL_TRUST);
const policy = standardPolicy();

/** Two invoices of the fixture's deal, decided in this order (one day apart). */
function twoItems(): BatchItem[] {
  return [
    deal({ invoiceId: 'inv-1', invoiceNumber: 'INV-1' }),
    deal({ invoiceId: 'inv-2', invoiceNumber: 'INV-2', issuedAt: NOW + DAY, dueAt: NOW + 61 * DAY }),
  ];
}

const batch = (items: BatchItem[], more: Partial<BatchRequest> = {}) =>
  evaluateBatch({ items, trust, policy, asOf: AS_OF, portfolio: BOOK, ...more });

/** The same object, with `key` answering `first` on its first read and `then` on every later one. */
function flipping<T extends object>(obj: T, key: string, first: unknown, then: unknown): T {
  let reads = 0;
  Object.defineProperty(obj, key, { enumerable: true, get: () => (reads++ === 0 ? first : then) });
  return obj;
}

describe('an onDecision handler that edits later items mid-batch', () => {
  const plain = batch(twoItems());

  it('a later invoice whose amount is edited by the handler: decided as it was checked, not on the edit', () => {
    expect(plain.decisions.map((d) => d.outcome)).toEqual(['approve', 'approve']);
    for (const amountMinor of [5_000_000.5, -1, 900_000_000]) {
      const items = twoItems();
      const r = batch(items, {
        onDecision: (_, i) => {
          if (i === 0) (items[1]?.invoice as { amountMinor: number }).amountMinor = amountMinor;
        },
      });
      expect(r.decisions).toEqual(plain.decisions);
      expect(r.decisions[1]?.offer?.faceMinor).toBe(5_000_000);
      expect(r.summary).toEqual(plain.summary);
      expect(r.financedRecords.map((x) => x.amountMinor)).toEqual([5_000_000, 5_000_000]);
    }
  });

  it("a later invoice's buyer, events or evidence edited by the handler: decided on the batch as called", () => {
    const edits: ((item: BatchItem) => void)[] = [
      (it) => {
        (it.invoice as { buyerQuid: string }).buyerQuid = 'd0d0d0d0d0d0d0d0';
      },
      (it) => {
        (it.events as VerifiedEvent[]).length = 1;
      },
      (it) => {
        (it.events as VerifiedEvent[]).reverse();
      },
      (it) => {
        ((it.events[3] as VerifiedEvent).payload as Record<string, unknown>)['acknowledgedAmountMinor'] = 1;
      },
      (it) => {
        (it as { ledgerFindings?: unknown }).ledgerFindings = { findings: [{ code: '' }] };
      },
    ];
    for (const edit of edits) {
      const items = twoItems();
      const r = batch(items, { onDecision: (_, i) => i === 0 && edit(items[1] as BatchItem) });
      expect(r.decisions).toEqual(plain.decisions);
      expect(r.summary).toEqual(plain.summary);
      expect(r.financedRecords).toEqual(plain.financedRecords);
      expect(r.portfolioAfter).toEqual(plain.portfolioAfter);
    }
  });

  it("a buyer's history edited by the handler: every profile was taken before the first decision", () => {
    const record = { invoiceId: 'h1', amountMinor: 1_000_000, dueAt: NOW - 90 * DAY, paidAt: NOW - 90 * DAY };
    const histories = { [BUYER]: { records: [record] } };
    const before = batch(twoItems(), { buyerHistories: { [BUYER]: { records: [{ ...record }] } } });
    const r = batch(twoItems(), {
      buyerHistories: histories,
      onDecision: () => {
        record.paidAt = NOW + 400 * DAY;
        (record as { disputed?: boolean }).disputed = true;
      },
    });
    expect(r.decisions).toEqual(before.decisions);
  });
});

describe('accessor properties and proxies: the value checked is the value decided on', () => {
  const plain = evaluateInvoice({ ...deal(), trust, policy, asOf: AS_OF, portfolio: BOOK });
  const decideOn = (invoice: InvoiceInput, events: readonly VerifiedEvent[]) =>
    evaluateInvoice({ invoice, events, trust, policy, asOf: AS_OF, portfolio: BOOK });

  it('an invoice amount getter that answers the check 5,000,000 and the engine 5,000,000.5 is read once', () => {
    expect(plain.outcome).toBe('approve');
    const d = deal();
    const invoice = flipping({ ...d.invoice }, 'amountMinor', 5_000_000, 5_000_000.5);
    const decided = decideOn(invoice, d.events);
    expect(decided).toEqual(plain);
    expect(Number.isSafeInteger(decided.offer?.advanceMinor)).toBe(true);
  });

  it('an acknowledgement payload getter (the schema check reads one amount, the engine another) is read once', () => {
    const d = deal();
    const ack = d.events[3] as VerifiedEvent;
    const payload = flipping(
      { ...(ack.payload as object) },
      'acknowledgedAmountMinor',
      5_000_000,
      50_000_000,
    );
    const events = [...d.events.slice(0, 3), { ...ack, payload } as VerifiedEvent];
    expect(decideOn(d.invoice, events)).toEqual(plain);
  });

  it('a Proxy payload that answers each read differently is read once', () => {
    const d = deal();
    const ack = d.events[3] as VerifiedEvent;
    let reads = 0;
    const payload = new Proxy(
      { ...(ack.payload as object) },
      {
        get: (t, k) =>
          k === 'acknowledgedAmountMinor' ? (reads++ === 0 ? 5_000_000 : '5000000') : Reflect.get(t, k),
      },
    );
    const events = [...d.events.slice(0, 3), { ...ack, payload } as VerifiedEvent];
    expect(decideOn(d.invoice, events)).toEqual(plain);
  });

  it('a titleOwners element behind a getter (a valid share to the check, a third party to the engine) is read once', () => {
    const d = deal();
    const owners = [...(d.invoice.titleOwners ?? [])];
    const first = owners[0];
    flipping(owners, '0', first, { ...first, ownerId: 'e0e0e0e0e0e0e0e0', stakeType: 'pledgee' });
    const decided = decideOn({ ...d.invoice, titleOwners: owners }, d.events);
    expect(decided).toEqual(plain);
  });

  it('in a batch too: an item invoice amount getter is read once, and the books add what was priced', () => {
    const items = twoItems();
    const plainBatch = batch(twoItems());
    flipping(items[1]?.invoice as object, 'amountMinor', 5_000_000, 7_000_001);
    const r = batch(items);
    expect(r.decisions).toEqual(plainBatch.decisions);
    expect(r.summary).toEqual(plainBatch.summary);
    expect(r.financedRecords).toEqual(plainBatch.financedRecords);
  });
});

describe('a portfolio edited after createPortfolioState: the state owns a copy', () => {
  const invoice = deal().invoice;
  const known = {
    invoiceId: 'k-1',
    invoiceNumber: invoice.invoiceNumber as string,
    supplierQuid: invoice.supplierQuid,
    buyerQuid: invoice.buyerQuid,
    amountMinor: invoice.amountMinor,
    issuedAt: invoice.issuedAt,
    currency: 'USD',
  };

  it('exposures, limits and known invoices edited after the state was made change nothing it answers', () => {
    const portfolio = {
      buyerLimitMinor: { [BUYER]: 1_000_000_000 },
      buyerExposureMinor: { [BUYER]: 0 },
      knownInvoices: [] as (typeof known)[],
    };
    const state = createPortfolioState(portfolio);
    portfolio.buyerLimitMinor[BUYER] = 1;
    portfolio.buyerExposureMinor[BUYER] = 999_999_999;
    portfolio.knownInvoices.push(known);
    expect(state.buyerLimit(BUYER)).toBe(1_000_000_000);
    expect(state.buyerExposure(BUYER)).toBe(0);
    const d = evaluateInvoice({ ...deal(), trust, policy, asOf: AS_OF, portfolio: state });
    expect(d.outcome).toBe('approve');
    expect(d.duplicates).toEqual([]);
  });

  it("a batch's book after is the portfolio as the batch was called with, not as edited since", () => {
    const portfolio = { buyerLimitMinor: { [BUYER]: 1_000_000_000 }, buyerExposureMinor: { [BUYER]: 10 } };
    const r = batch(twoItems(), { portfolio });
    portfolio.buyerExposureMinor[BUYER] = 500_000_000;
    const advanced = r.summary.advanceMinor as number;
    expect(r.portfolioAfter?.buyerExposureMinor?.[BUYER]).toBe(10 + advanced);
  });
});

describe('trust read once per party per decision', () => {
  it('a TrustSource whose answer for the buyer changes between two reads decides on one reading', () => {
    const reads = new Map<string, number>();
    const weak: TrustReading = { level: 0.1, observedAt: NOW - 400 * DAY, validUntil: NOW };
    const fickle: TrustSource = {
      trustIn: (quid) => {
        const n = (reads.get(quid) ?? 0) + 1;
        reads.set(quid, n);
        // The first read is the expired weak one; any later read a strong fresh one.
        return quid === BUYER && n === 1 ? weak : DEAL_TRUST[quid];
      },
    };
    const d = evaluateInvoice({ ...deal(), trust: fickle, policy, asOf: AS_OF, portfolio: BOOK });
    expect(reads.get(BUYER)).toBe(1);
    expect(d.outcome).not.toBe('approve');
    // The second read (a fresh reading) hid why the buyer counted as untrusted.
    expect(d.reasons.map((r) => r.code)).toContain('TRUST_EXPIRED');
  });
});

describe('trustSourceFromRecord reads each reading once, when it is made', () => {
  it('a reading edited (or answering through a getter) after the source was made does not move the decision', () => {
    const record: Record<string, TrustReading> = {
      ...DEAL_TRUST,
      [BUYER]: { ...(DEAL_TRUST[BUYER] as TrustReading) },
    };
    let reads = 0;
    const SUPPLIER = 'a0a0a0a0a0a0a0a0';
    const supplierReading = DEAL_TRUST[SUPPLIER] as TrustReading;
    Object.defineProperty(record, SUPPLIER, {
      enumerable: true,
      get: () => {
        reads++;
        return reads === 1 ? supplierReading : { level: 0.01 };
      },
    });
    const source = trustSourceFromRecord(record);
    (record[BUYER] as { level: number }).level = 0.01;
    const first = evaluateBatch({ items: [deal()], trust: source, policy, asOf: AS_OF, portfolio: BOOK });
    const again = evaluateInvoice({ ...deal(), trust: source, policy, asOf: AS_OF, portfolio: BOOK });
    expect(reads).toBe(1);
    expect([first.decisions[0]?.outcome, again.outcome]).toEqual(['approve', 'approve']);
  });
});

describe('reserveApproval given a decision whose offer was edited after it was made', () => {
  it('an advance raised by the caller (limits edited to match) is refused, nothing booked', () => {
    const state = createPortfolioState(BOOK as Portfolio);
    const d = deal();
    const decision = evaluateInvoice({ ...d, trust, policy, asOf: AS_OF, portfolio: state });
    expect(decision.outcome).toBe('approve');
    const offer = decision.offer as { advanceMinor: number; purchasePriceMinor: number };
    const limits = decision.limits as { buyer: { afterMinor: number } };
    const raise = offer.purchasePriceMinor - offer.advanceMinor;
    expect(raise).toBeGreaterThan(0);
    offer.advanceMinor += raise;
    limits.buyer.afterMinor += raise;
    let thrown: unknown;
    try {
      reserveApproval(state, d.invoice, decision as FactoringDecision);
    } catch (e) {
      thrown = e;
    }
    expect(isFactoringError(thrown)).toBe(true);
    expect((thrown as { issues: { path: string }[] }).issues.map((i) => i.path)).toContain(
      'decision.offer.advanceMinor',
    );
    expect(state.buyerExposure(BUYER)).toBe(0);
  });
});

describe('an onDecision handler that edits the decision it is handed', () => {
  it('a review turned into an approval, or an advance raised, by the handler is not what the batch books', () => {
    const portfolio = { buyerLimitMinor: { [BUYER]: 1_000_000_000 } };
    // The second invoice under the first one's id with other content: held for review, with an offer.
    const items = [deal(), deal({ amountMinor: 4_000_000 }, { ackAmount: 4_000_000 })];
    const plain = batch(
      items.map((x) => structuredClone(x)),
      { portfolio },
    );
    expect(plain.decisions.map((d) => d.outcome)).toEqual(['review', 'review']);
    const r = batch(items, {
      portfolio,
      onDecision: (d) => {
        const w = d as { outcome: string; offer: { advanceMinor: number } | null };
        if (w.offer !== null) {
          w.outcome = 'approve';
          w.offer.advanceMinor += 1_000;
        }
      },
    });
    expect(r.summary.counts).toEqual(plain.summary.counts);
    expect(r.summary.advanceMinor).toBe(0);
    expect(r.financedRecords).toEqual([]);
    expect(r.portfolioAfter).toEqual(plain.portfolioAfter);
  });
});

describe('reserveApproval given a decision edited into an approval', () => {
  it("a pending decision given another approval's offer and outcome 'approve' is refused, nothing booked", () => {
    const state = createPortfolioState(BOOK as Portfolio);
    const good = evaluateInvoice({
      ...deal(),
      trust,
      policy,
      asOf: AS_OF,
      portfolio: createPortfolioState(BOOK),
    });
    const d = deal({ invoiceId: 'inv-9', invoiceNumber: 'INV-9' });
    const pending = evaluateInvoice({
      ...d,
      events: d.events.slice(0, 1),
      trust,
      policy,
      asOf: AS_OF,
      portfolio: state,
    });
    expect(pending.outcome).toBe('pending');
    const w = pending as { outcome: string; offer: unknown };
    w.outcome = 'approve';
    w.offer = good.offer;
    let thrown: unknown;
    try {
      reserveApproval(state, d.invoice, pending);
    } catch (e) {
      thrown = e;
    }
    expect(isFactoringError(thrown)).toBe(true);
    const paths = (thrown as { issues: { path: string }[] }).issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['decision.outcome', 'decision.offer']));
    expect(state.buyerExposure(BUYER)).toBe(0);
  });
});

describe('a payload Proxy that claims a class prototype', () => {
  it('is read once too, or refused: never checked on one amount and decided on another', () => {
    const plain = evaluateInvoice({ ...deal(), trust, policy, asOf: AS_OF, portfolio: BOOK });
    const d = deal();
    const ack = d.events[3] as VerifiedEvent;
    class Row {}
    let reads = 0;
    const payload = new Proxy(
      { ...(ack.payload as object) },
      {
        getPrototypeOf: () => Row.prototype,
        get: (t, k) =>
          k === 'acknowledgedAmountMinor' ? (reads++ === 0 ? 5_000_000 : 50_000_000) : Reflect.get(t, k),
      },
    );
    const events = [...d.events.slice(0, 3), { ...ack, payload } as VerifiedEvent];
    const decided = evaluateInvoice({
      invoice: d.invoice,
      events,
      trust,
      policy,
      asOf: AS_OF,
      portfolio: BOOK,
    });
    const codes = decided.reasons.map((r) => r.code);
    // Either read once (as the plain payload) or refused as a payload that is no plain object.
    if (decided.outcome === 'approve') expect(decided).toEqual(plain);
    else expect(codes).not.toContain('ACK_AMOUNT_MISMATCH');
  });
});

describe('a policy object edited after compilePolicy', () => {
  it('changes nothing the compiled policy decides', () => {
    const p = standardPolicy();
    const compiled = compilePolicy(p);
    const before = evaluateInvoice({ ...deal(), trust, policy: compiled, asOf: AS_OF, portfolio: BOOK });
    (p as { minBuyerTrust: number }).minBuyerTrust = 0.99;
    const after = evaluateInvoice({ ...deal(), trust, policy: compiled, asOf: AS_OF, portfolio: BOOK });
    expect(after).toEqual(before);
  });
});

describe('caller arrays and sources that answer for themselves (review of the one-view copies)', () => {
  const two = (): BatchItem[] => [
    deal({ invoiceId: 'inv-1', invoiceNumber: 'INV-1' }),
    deal({ invoiceId: 'inv-2', invoiceNumber: 'INV-2', issuedAt: NOW + DAY, dueAt: NOW + 61 * DAY }),
  ];

  it('an Array subclass whose species hands the batch a list the caller keeps: a later item swapped by onDecision is not decided on', () => {
    let held: BatchItem[] = [];
    class Items extends Array<BatchItem> {
      static override get [Symbol.species](): ArrayConstructor {
        return ((n: number) => {
          held = new Array<BatchItem>(n);
          return held;
        }) as unknown as ArrayConstructor;
      }
    }
    const items = Items.from(two()) as unknown as BatchItem[];
    const swapped = deal({
      invoiceId: 'inv-2',
      invoiceNumber: 'INV-2',
      issuedAt: NOW + DAY,
      dueAt: NOW + 61 * DAY,
      currency: 'EUR',
      amountMinor: 4_000_000.5,
    });
    const r = evaluateBatch({
      items,
      trust,
      policy,
      asOf: AS_OF,
      portfolio: BOOK,
      onDecision: (_d, i) => {
        if (i === 0 && held.length > 1) held[1] = swapped;
      },
    });
    expect(r.decisions.map((d) => [d.outcome, d.offer?.currency, d.offer?.faceMinor])).toEqual([
      ['approve', 'USD', 5_000_000],
      ['approve', 'USD', 5_000_000],
    ]);
  });

  it('a title list behind a Proxy whose `map` answers with a live list: the engine copies by index and never reads the list it hands back', () => {
    const owners = deal().invoice.titleOwners as TitleOwnerShare[];
    const first = owners[0] as TitleOwnerShare;
    const third: TitleOwnerShare = { ...first, ownerId: 'e0e0e0e0e0e0e0e0', stakeType: 'pledgee' };
    const run = (titleOwners: readonly TitleOwnerShare[]) =>
      evaluateInvoice({ ...deal({ titleOwners }), trust, policy, asOf: AS_OF, portfolio: BOOK });
    expect(run([third, ...owners.slice(1)]).outcome).toBe('reject');
    expect(run(owners).outcome).toBe('approve');
    for (const k of [1, 2, 3, 4]) {
      let reads = 0;
      const live: TitleOwnerShare[] = [...owners];
      Object.defineProperty(live, '0', { enumerable: true, get: () => (reads++ < k ? first : third) });
      const proxied = new Proxy([...owners], {
        get: (t, key, r) => (key === 'map' ? () => live : Reflect.get(t, key, r)),
      });
      // Read by index from the list given, once: the list its own `map` would hand back is never
      // asked for, so no rule reads a share that changes under it.
      expect([k, run(proxied).outcome]).toEqual([k, 'approve']);
      expect([k, reads]).toEqual([k, 0]);
    }
  });

  it('a trustSourceFromRecord source given a trustIn of its own, or an object made from its prototype, is read once per party like any source', () => {
    const weak: TrustReading = { level: 0.1, observedAt: NOW - 400 * DAY, validUntil: NOW };
    const fickle = (reads: Map<string, number>) => (quid: string) => {
      const n = (reads.get(quid) ?? 0) + 1;
      reads.set(quid, n);
      return quid === BUYER && n === 1 ? weak : DEAL_TRUST[quid];
    };
    const own = trustSourceFromRecord({});
    const ownReads = new Map<string, number>();
    expect(() => {
      (own as { trustIn: unknown }).trustIn = fickle(ownReads);
    }).toThrow(TypeError);
    const protoReads = new Map<string, number>();
    const made = Object.create(Object.getPrototypeOf(trustSourceFromRecord({})), {
      trustIn: { value: fickle(protoReads) },
    }) as TrustSource;
    const d = evaluateInvoice({ ...deal(), trust: made, policy, asOf: AS_OF, portfolio: BOOK });
    expect(protoReads.get(BUYER)).toBe(1);
    expect(d.reasons.map((r) => r.code)).toContain('TRUST_EXPIRED');
  });
});

describe('a book made of class instances (review of the one-view copies)', () => {
  it('a class-instance limit map whose getter answers the check 1,000,000 and then NaN is refused, not funded past the limit', () => {
    class Limits {}
    const lim = new Limits();
    let reads = 0;
    Object.defineProperty(lim, BUYER, {
      enumerable: true,
      get: () => (reads++ < 1 ? 1_000_000 : Number.NaN),
    });
    let thrown: unknown;
    try {
      evaluateInvoice({
        ...deal(),
        trust,
        policy,
        asOf: AS_OF,
        portfolio: { buyerLimitMinor: lim as Record<string, number> },
      });
    } catch (e) {
      thrown = e;
    }
    expect(isFactoringError(thrown)).toBe(true);
    expect((thrown as { issues: { path: string }[] }).issues.map((i) => i.path)).toContain(
      'portfolio.buyerLimitMinor',
    );
  });

  it('a class-instance book is refused by createPortfolioState, so editing it later cannot reach the state', () => {
    class Book {
      buyerLimitMinor: Record<string, number> = { [BUYER]: 50_000_000 };
    }
    expect(() => createPortfolioState(new Book() as Portfolio)).toThrow(/plain object/);
  });
});
