// Key events of the quids the decision rests on besides the supplier and the buyer: the carrier
// that attested shipment and delivery. A carrier key frozen the day before it "delivered" is a
// stolen witness; the rule read only the supplier's and the buyer's keys.
import { describe, expect, it } from 'vitest';
import {
  applyRecentKeyEvents,
  type BatchItem,
  evaluateBatch,
  evaluateInvoice,
  type RecentKeyEvent,
  standardPolicy,
  trustSourceFromRecord,
} from '../src/index.js';
import { AS_OF, BOOK, DAY, DEAL_TRUST, deal, NOW } from './fixtures.js';

const CARRIER = 'c0c0c0c0c0c0c0c0';
const trust = trustSourceFromRecord(DEAL_TRUST);
const policy = standardPolicy();
const codes = (d: { reasons: readonly { code: string }[] }): string[] => d.reasons.map((r) => r.code);

function decided() {
  const d = deal();
  const decision = evaluateInvoice({
    invoice: d.invoice,
    events: d.events,
    trust,
    policy,
    asOf: AS_OF,
    portfolio: BOOK,
  });
  return { ...d, decision };
}

// Frozen (reported compromised) the day before the delivery it signed.
const carrierFrozen: RecentKeyEvent[] = [{ quid: CARRIER, kind: 'frozen', at: NOW + 2 * DAY }];

describe("a carrier whose key was frozen around the delivery it attested (the stream's other signer)", () => {
  it('the invoice naming the carrier: its key freeze holds the approval for review (RECENT_KEY_EVENT)', () => {
    const { invoice, decision } = decided();
    expect(decision.outcome).toBe('approve');
    const d = applyRecentKeyEvents(decision, { invoice, events: carrierFrozen });
    expect(d.outcome).toBe('review');
    expect(codes(d)).toContain('RECENT_KEY_EVENT');
    expect(d.reasons.find((r) => r.code === 'RECENT_KEY_EVENT')?.message).toMatch(/carrier c0c0c0c0c0c0c0c0/);
  });

  it('an invoice naming no carrier, the stream given: the signer of the delivery counts', () => {
    const { invoice, events, decision } = decided();
    const { carrierQuid: _, ...bare } = invoice;
    const d = applyRecentKeyEvents(decision, { invoice: bare, stream: events, events: carrierFrozen });
    expect(d.outcome).toBe('review');
    expect(d.reasons.find((r) => r.code === 'RECENT_KEY_EVENT')?.message).toMatch(/signer c0c0c0c0c0c0c0c0/);
  });

  it('a stream signer written in upper case is still the carrier whose key was frozen', () => {
    const { invoice, events, decision } = decided();
    const { carrierQuid: _, ...bare } = invoice;
    const upper = events.map((e) =>
      e.signerQuid === CARRIER ? { ...e, signerQuid: CARRIER.toUpperCase() } : e,
    );
    const d = applyRecentKeyEvents(decision, { invoice: bare, stream: upper, events: carrierFrozen });
    expect(d.outcome).toBe('review');
  });

  it('in a batch, the item carrier key freeze holds the item before it is reserved and summed', () => {
    const d = deal();
    const item: BatchItem = { invoice: d.invoice, events: d.events, keyEvents: { events: carrierFrozen } };
    const r = evaluateBatch({ items: [item], trust, policy, asOf: AS_OF, portfolio: BOOK });
    expect(r.decisions[0]?.outcome).toBe('review');
    expect(codes(r.decisions[0] ?? { reasons: [] })).toContain('RECENT_KEY_EVENT');
    expect(r.summary.counts.approve).toBe(0);
  });

  it('false-positive trap: a carrier key event outside the window, with a working key since, changes nothing', () => {
    const { invoice, decision } = decided();
    const old: RecentKeyEvent[] = [{ quid: CARRIER, kind: 'rotated', at: AS_OF - 200 * DAY }];
    expect(applyRecentKeyEvents(decision, { invoice, events: old })).toBe(decision);
  });

  it('a stream that is not a list is refused with its path', () => {
    const { invoice, decision } = decided();
    expect(() =>
      applyRecentKeyEvents(decision, { invoice, stream: 'x' as unknown as [], events: carrierFrozen }),
    ).toThrow(/stream/);
  });
});

// An invoice decided well after its evidence was signed, under a 30-day key-event window: the
// window before the decision date no longer reaches the freeze that followed the signature.
describe('a key frozen after it signed the evidence, more than the window before the decision', () => {
  const LATE = NOW + 50 * DAY;
  const month = { windowSeconds: 30 * DAY, action: 'review' } as const;
  const lateDeal = () => deal({ dueAt: NOW + 90 * DAY, terms: 'NET-90' });
  function lateDecision() {
    const d = lateDeal();
    const decision = evaluateInvoice({
      invoice: d.invoice,
      events: d.events,
      trust,
      policy,
      asOf: LATE,
      portfolio: BOOK,
    });
    return { ...d, decision };
  }
  // The buyer acknowledged at NOW + 4 days; its key was reported compromised ten days later and
  // rotated the next day (36 and 35 days before the decision): the acknowledgement may be the thief's.
  const buyerFrozenAfterAck: RecentKeyEvent[] = [
    { quid: 'b0b0b0b0b0b0b0b0', kind: 'frozen', at: NOW + 14 * DAY },
    { quid: 'b0b0b0b0b0b0b0b0', kind: 'rotated', at: NOW + 15 * DAY },
  ];

  it('the acknowledgement signed ten days before the buyer key was frozen: held for review, not approved', () => {
    const { invoice, events, decision } = lateDecision();
    expect(decision.outcome).toBe('approve');
    const d = applyRecentKeyEvents(decision, {
      invoice,
      stream: events,
      events: buyerFrozenAfterAck,
      policy: month,
    });
    expect(d.outcome).toBe('review');
    expect(d.reasons.find((r) => r.code === 'RECENT_KEY_EVENT')?.message).toMatch(
      /buyer b0b0b0b0b0b0b0b0 key events: frozen at \d+, rotated at \d+/,
    );
  });

  it('a freeze within the window before its first signature counts too (compromised before it signed)', () => {
    const { invoice, events, decision } = lateDecision();
    const before: RecentKeyEvent[] = [
      { quid: 'b0b0b0b0b0b0b0b0', kind: 'frozen', at: NOW - 20 * DAY },
      { quid: 'b0b0b0b0b0b0b0b0', kind: 'rotated', at: NOW - 19 * DAY },
    ];
    const d = applyRecentKeyEvents(decision, { invoice, stream: events, events: before, policy: month });
    expect(d.outcome).toBe('review');
  });

  it('in a batch, the item stream dates the signatures: held the same way', () => {
    const d = lateDeal();
    const item: BatchItem = {
      invoice: d.invoice,
      events: d.events,
      keyEvents: { events: buyerFrozenAfterAck, policy: month },
    };
    const r = evaluateBatch({ items: [item], trust, policy, asOf: LATE, portfolio: BOOK });
    expect(r.decisions[0]?.outcome).toBe('review');
  });

  it('false-positive trap: a freeze and rotation more than the window before every signature changes nothing', () => {
    const { invoice, events, decision } = lateDecision();
    const old: RecentKeyEvent[] = [
      { quid: 'b0b0b0b0b0b0b0b0', kind: 'frozen', at: NOW - 40 * DAY },
      { quid: 'b0b0b0b0b0b0b0b0', kind: 'rotated', at: NOW - 39 * DAY },
    ];
    expect(applyRecentKeyEvents(decision, { invoice, stream: events, events: old, policy: month })).toBe(
      decision,
    );
  });
});
