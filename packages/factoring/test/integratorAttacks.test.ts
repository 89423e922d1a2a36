// A first-time integrator's path through the documented flows (README, docs/quick-start.md,
// docs/financier-decisions.md, examples/): where following the docs or the types led to an
// approval the engine should not give, a wrong amount, or a safety input silently ignored.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  applyLedgerFindings,
  applyRecentKeyEvents,
  type BatchItem,
  createPortfolioState,
  evaluateBatch,
  evaluateInvoice,
  type FactoringDecision,
  type Portfolio,
  pocPolicy,
  reserveApproval,
  standardPolicy,
  type TrustReading,
  trustSourceFromRecord,
  type VerifiedEvent,
  verificationTasks,
} from '../src/index.js';
import { AS_OF, BOOK, DAY, DEAL_TRUST, type Deal, deal, NOW } from './fixtures.js';

const PEER = 'f1f1f1f1f1f1f1f1';

/** A peer financier's report on the deal's stream (it co-owns the title in the fixtures). */
function report(d: Deal, kind: string, reporter = PEER, id = 'fs-1'): VerifiedEvent {
  return {
    subjectId: d.invoice.invoiceId,
    id,
    eventType: `fraud.signal.${kind}`,
    signerQuid: reporter,
    sequence: 5,
    timestamp: NOW + 5 * DAY,
    payload: {
      reporterQuid: reporter,
      evidence: 'assigned to us under facility 118',
      reportedAt: NOW + 5 * DAY,
      severity: 'high',
    },
  };
}

function decide(
  d: Deal,
  events: readonly VerifiedEvent[],
  trust: Readonly<Record<string, TrustReading>>,
  policy = standardPolicy(),
): FactoringDecision {
  return evaluateInvoice({
    invoice: d.invoice,
    events,
    trust: trustSourceFromRecord(trust),
    policy,
    asOf: AS_OF,
    portfolio: BOOK,
  });
}

const codes = (x: FactoringDecision): string[] => x.reasons.map((r) => r.code);

describe('trust read for the invoice parties only (the quick start read supplier, buyer and carrier)', () => {
  it("a peer financier's double-financing report whose reporter was never read is held (REPORTER_TRUST_MISSING), not approved", () => {
    const d = deal();
    const x = decide(d, [...d.events, report(d, 'double-financing')], DEAL_TRUST);
    expect(x.outcome).toBe('pending');
    expect(x.offer).toBeNull();
    expect(codes(x)).toContain('REPORTER_TRUST_MISSING');
    expect(codes(x)).not.toContain('UNTRUSTED_REPORTER_IGNORED');
    expect(x.reasons.find((r) => r.code === 'REPORTER_TRUST_MISSING')?.message).toContain(PEER);
    expect(verificationTasks(x).map((t) => t.task)).toContain('REFRESH_TRUST');
  });

  it('the same report with the reporter read and trusted rejects', () => {
    const d = deal();
    const trust = { ...DEAL_TRUST, [PEER]: { level: 0.9, observedAt: NOW, pathLength: 1 } };
    const x = decide(d, [...d.events, report(d, 'double-financing')], trust);
    expect(x.outcome).toBe('reject');
    expect(codes(x)).toContain('FRAUD_SIGNAL');
  });

  it('the reporter read with no trust path (what ledger.trustReading returns for a stranger) is ignored, as documented', () => {
    const d = deal();
    const trust = { ...DEAL_TRUST, [PEER]: { level: 0, observedAt: NOW, pathLength: 0, path: [] } };
    const x = decide(d, [...d.events, report(d, 'double-financing')], trust);
    expect(x.outcome).toBe('approve');
    expect(codes(x)).toContain('UNTRUSTED_REPORTER_IGNORED');
  });

  it('a weak kind (round-amount) from an unread reporter is held too: read, it could reach review', () => {
    const d = deal();
    const x = decide(d, [...d.events, report(d, 'round-amount')], DEAL_TRUST);
    expect(x.outcome).toBe('pending');
    expect(codes(x)).toContain('REPORTER_TRUST_MISSING');
  });

  it('the proof-of-concept preset weighs no reporter, so it keeps its verdict', () => {
    const d = deal();
    const x = decide(d, [...d.events, report(d, 'invoice-forged')], DEAL_TRUST, pocPolicy());
    expect(x.outcome).toBe('reject');
    expect(codes(x)).not.toContain('REPORTER_TRUST_MISSING');
  });
});

/** The `ts` code blocks of a doc (path from the repository root) that hand inputs to the engine. */
function engineExamples(path: string): { doc: string; code: string }[] {
  const text = readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
  const blocks = [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
  return blocks
    .filter((code) => /evaluate(Invoice|Batch)\(\{/.test(code))
    .map((code) => ({ doc: `${path}: ${code.slice(0, 60).replace(/\n/g, ' ')}`, code }));
}

const DOCS = ['docs/quick-start.md', 'docs/financier-decisions.md', 'packages/factoring/README.md'];

describe('a fraud reporter whose reading has expired (review of the merge)', () => {
  it('a trusted peer whose reading expired a second ago is held as unread (REPORTER_TRUST_MISSING), not ignored and approved', () => {
    const d = deal();
    const trust = {
      ...DEAL_TRUST,
      [PEER]: { level: 0.9, observedAt: NOW, pathLength: 1, validUntil: AS_OF - 1 },
    };
    const x = decide(d, [...d.events, report(d, 'double-financing')], trust);
    expect(x.outcome).toBe('pending');
    expect(codes(x)).toContain('REPORTER_TRUST_MISSING');
    expect(codes(x)).not.toContain('UNTRUSTED_REPORTER_IGNORED');
  });

  it("the unread reporter's fraud-signals trace entry flags, it does not pass", () => {
    const d = deal();
    const x = decide(d, [...d.events, report(d, 'double-financing')], DEAL_TRUST);
    expect(x.trace.find((t) => t.rule === 'fraud-signals')?.outcome).toBe('flag');
  });
});

describe('the documented flows an integrator copies', () => {
  const examples = DOCS.flatMap(engineExamples);

  it('finds the examples it checks', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  it("never feed the node's own trust answer (client.getTrust counts edges signed by any key) to the engine", () => {
    // docs/security-model.md: a stranger signs "bureau -> supplier 1.0" and GET /trust reports it.
    expect(examples.filter((x) => /\.getTrust\(/.test(x.code)).map((x) => x.doc)).toEqual([]);
  });

  it("bind the ledger's events to the invoice and pass the refused ones as evidence", () => {
    // Unbound, every event is EVENT_SUBJECT_MISSING: the quick start could never approve; without
    // rejectedEvents a supplier's forged delivery is no SUPPLIER_FORGED_ATTESTATION.
    const raw = examples.filter(
      (x) => /view\.events/.test(x.code) && !(/subjectId/.test(x.code) && /view\.rejected/.test(x.code)),
    );
    expect(raw.map((x) => x.doc)).toEqual([]);
  });

  it('read trust in every signer of the stream, not only the invoice parties', () => {
    // A reporter never read holds the invoice (REPORTER_TRUST_MISSING); read, it is weighed.
    const partiesOnly = examples.filter(
      (x) => /trustReading|getTrust/.test(x.code) && !/signerQuid/.test(x.code),
    );
    expect(partiesOnly.map((x) => x.doc)).toEqual([]);
  });
});

describe('two batches in a row against one book (the documented "across batches" loop)', () => {
  const BUYER = 'b0b0b0b0b0b0b0b0';
  const SUPPLIER = 'a0a0a0a0a0a0a0a0';
  const LIMIT = 6_000_000;
  const book: Portfolio = {
    currency: 'USD',
    buyerLimitMinor: { [BUYER]: LIMIT },
    buyerExposureMinor: { [BUYER]: 0 },
    supplierLedger: { [SUPPLIER]: { totalOpenMinor: 40_000_000, byBuyerOpenMinor: {} } },
  };
  const item = (k: number): BatchItem => {
    const d = deal(
      { invoiceId: `inv-${k}`, invoiceNumber: `INV-77${k}`, issuedAt: NOW - k * DAY },
      { ids: `b${k}` },
    );
    return { invoice: d.invoice, events: d.events };
  };
  const batch = (items: BatchItem[], portfolio: Portfolio) =>
    evaluateBatch({
      items,
      trust: trustSourceFromRecord(DEAL_TRUST),
      policy: standardPolicy(),
      asOf: AS_OF,
      portfolio,
    });

  it('items changed after the batch (reused for the next chunk) do not change what it funded: portfolioAfter, the fingerprints and the records are of the invoices decided', () => {
    const items = [item(1)];
    const first = batch(items, book);
    expect(first.summary.counts.approve).toBe(1);
    const invoice = items[0]?.invoice as unknown as Record<string, unknown>;
    // The caller reuses its item objects before reading the result (a pooled loader).
    invoice['buyerQuid'] = 'b1b1b1b1b1b1b1b1';
    invoice['invoiceNumber'] = 'INV-OTHER';
    const after = first.portfolioAfter as Portfolio;
    expect(after.buyerExposureMinor?.[BUYER]).toBe(first.summary.advanceMinor);
    expect(first.financedRecords[0]?.buyerQuid).toBe(BUYER);
    expect(first.financedRecords[0]?.invoiceNumber).toBe('INV-771');
    expect(first.financedFingerprints.some((fp) => fp.includes('INV771') || fp.includes('INV-771'))).toBe(
      true,
    );
    // The next batch on that book sees the 4,500,000 funded on the buyer: no advance past the limit.
    const second = batch([item(2)], after);
    expect((first.summary.advanceMinor ?? 0) + (second.summary.advanceMinor ?? 0)).toBeLessThanOrEqual(LIMIT);
  });

  it("the first batch's approval counts against the buyer limit in the second when the second is given result.portfolioAfter", () => {
    const first = batch([item(1)], book);
    expect(first.summary.counts.approve).toBe(1);
    const after = first.portfolioAfter as Portfolio;
    expect(after.buyerExposureMinor?.[BUYER]).toBe(first.summary.advanceMinor);
    const second = batch([item(2)], after);
    const advanced = (first.summary.advanceMinor ?? 0) + (second.summary.advanceMinor ?? 0);
    expect(advanced).toBeLessThanOrEqual(LIMIT);
    expect(second.decisions[0]?.reasons.map((r) => r.code)).toContain('LIMIT_HAIRCUT');
  });

  it('the book after a batch carries its financed fingerprints and records: a copy in the next batch is refused', () => {
    const first = batch([item(1)], book);
    // The same receivable (number, parties, amount, day) under another id, with its own stream.
    const again = deal(
      { invoiceId: 'inv-1-again', invoiceNumber: 'INV-771', issuedAt: NOW - DAY },
      { ids: 'c1' },
    );
    const copy = { invoice: again.invoice, events: again.events };
    const second = batch([copy], first.portfolioAfter as Portfolio);
    expect(second.decisions[0]?.outcome).toBe('reject');
    expect(second.decisions[0]?.reasons.map((r) => r.code)).toContain('DUPLICATE_OF_FINANCED');
  });

  it("the book after a batch adds each approval's face to the supplier's ledger and its advance to the totals", () => {
    const first = batch([item(1)], book);
    const after = first.portfolioAfter as Portfolio;
    expect(after.supplierLedger?.[SUPPLIER]?.totalOpenMinor).toBe(40_000_000 + 5_000_000);
    expect(after.supplierLedger?.[SUPPLIER]?.byBuyerOpenMinor[BUYER]).toBe(5_000_000);
    expect(after.totalExposureMinor).toBe(first.summary.facility.afterMinor);
    expect(after.supplierExposureMinor?.[SUPPLIER]).toBe(first.summary.advanceMinor);
    expect(after.buyerLimitMinor).toEqual(book.buyerLimitMinor);
    expect(after.currency).toBe('USD');
  });

  it('a batch that approves nothing leaves the book as it was', () => {
    const held = { ...item(3), events: item(3).events.slice(0, 1) };
    const r = batch([held], book);
    expect(r.summary.counts.approve).toBe(0);
    expect(r.portfolioAfter).toEqual({ ...book, financedFingerprints: [], knownInvoices: [] });
  });

  it('approvals in two currencies with a book that states none: no book after (cents and yen are not added)', () => {
    const usd = item(4);
    const jpy = { ...item(5), invoice: { ...item(5).invoice, currency: 'JPY' } };
    jpy.events = jpy.events.map((e) =>
      e.eventType === 'invoice.issued' ? { ...e, payload: { ...e.payload, currency: 'JPY' } } : e,
    );
    const r = evaluateBatch({
      items: [usd, jpy],
      trust: trustSourceFromRecord(DEAL_TRUST),
      policy: standardPolicy({ requireBuyerLimit: false, newDebtor: 'accept' }),
      asOf: AS_OF,
    });
    expect(r.summary.counts.approve).toBe(2);
    expect(r.portfolioAfter).toBeNull();
  });
});

describe("reserveApproval's documented loop", () => {
  it('wires an approval only when its reservation succeeded (the example reserved and wired whatever it returned)', () => {
    // A refused reservation (limits moved, a copy already booked, a decision made elsewhere) is
    // "do not fund it"; an example that ignores the result teaches wiring it anyway.
    const src = readFileSync(new URL('../src/reserveApproval.ts', import.meta.url), 'utf8');
    const example = src.slice(src.lastIndexOf('@example'), src.indexOf('export function reserveApproval'));
    const calls = example.split('\n').filter((l) => l.includes('reserveApproval('));
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.filter((l) => !/(if \([^)]*|=\s*)reserveApproval\(/.test(l))).toEqual([]);
  });
});

describe('the approval before the key-event or ledger-finding rule (the demo keeps it as beforeKeyEvents)', () => {
  const SUPPLIER = 'a0a0a0a0a0a0a0a0';
  const decideOn = (state: ReturnType<typeof createPortfolioState>, d: Deal): FactoringDecision =>
    evaluateInvoice({
      invoice: d.invoice,
      events: d.events,
      trust: trustSourceFromRecord(DEAL_TRUST),
      policy: standardPolicy(),
      asOf: AS_OF,
      portfolio: state,
    });

  it("the supplier's key frozen yesterday: the held decision is not booked, and neither is the approval it replaced", () => {
    const state = createPortfolioState(BOOK);
    const d = deal();
    const before = decideOn(state, d);
    expect(before.outcome).toBe('approve');
    const held = applyRecentKeyEvents(before, {
      events: [{ quid: SUPPLIER, kind: 'frozen', at: AS_OF - DAY }],
      invoice: d.invoice,
    });
    expect(held.outcome).toBe('review');
    expect(reserveApproval(state, d.invoice, held)).toBe(false);
    expect(reserveApproval(state, d.invoice, before)).toBe(false);
    expect(state.buyerExposure(d.invoice.buyerQuid)).toBe(0);
  });

  it('a ledger finding (a refused title version) holds it the same way: the earlier approval is not booked', () => {
    const state = createPortfolioState(BOOK);
    const d = deal();
    const before = decideOn(state, d);
    const held = applyLedgerFindings(before, {
      findings: [{ code: 'TITLE_OVERWRITE', message: 'a title version without previousOwners' }],
    });
    expect(held.outcome).toBe('review');
    expect(reserveApproval(state, d.invoice, before)).toBe(false);
    expect(state.buyerExposure(d.invoice.buyerQuid)).toBe(0);
  });

  it('with nothing found the approval is the same decision and is booked', () => {
    const state = createPortfolioState(BOOK);
    const d = deal();
    const before = decideOn(state, d);
    const after = applyLedgerFindings(applyRecentKeyEvents(before, { events: [], invoice: d.invoice }), {
      findings: [],
    });
    expect(after).toBe(before);
    expect(reserveApproval(state, d.invoice, after)).toBe(true);
  });
});
