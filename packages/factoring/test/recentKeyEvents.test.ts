// Recent key events (freeze, recovery, rotation) on the supplier or buyer: review by default.

import { describe, expect, it } from 'vitest';
import {
  applyRecentKeyEvents,
  DEFAULT_KEY_EVENT_POLICY,
  evaluateInvoice,
  FactoringInputError,
  pocPolicy,
  type RecentKeyEvent,
  standardPolicy,
  trustSourceFromRecord,
} from '../src/index.js';
import { AS_OF, DAY, deal, NOW } from './fixtures.js';

const trust = trustSourceFromRecord({
  a0a0a0a0a0a0a0a0: { level: 0.85, observedAt: NOW, pathLength: 2 },
  b0b0b0b0b0b0b0b0: { level: 0.9, observedAt: NOW, pathLength: 2 },
  c0c0c0c0c0c0c0c0: { level: 0.8, observedAt: NOW, pathLength: 2 },
});

function clean(policy = standardPolicy()) {
  const d = deal();
  return evaluateInvoice({
    invoice: d.invoice,
    events: d.events,
    trust,
    policy,
    asOf: AS_OF,
    portfolio: { buyerLimitMinor: { b0b0b0b0b0b0b0b0: 50_000_000 } },
  });
}
const parties = { supplierQuid: 'a0a0a0a0a0a0a0a0', buyerQuid: 'b0b0b0b0b0b0b0b0' };

describe('recent key events', () => {
  it('a supplier key recovered yesterday sends a clean approval to review, offer kept', () => {
    const base = clean();
    expect(base.outcome).toBe('approve');
    const events: RecentKeyEvent[] = [
      { quid: 'a0a0a0a0a0a0a0a0', kind: 'recovery-committed', at: AS_OF - DAY },
    ];
    const d = applyRecentKeyEvents(base, { ...parties, events });
    expect(d.outcome).toBe('review');
    expect(d.reasons.map((r) => r.code)).toContain('RECENT_KEY_EVENT');
    expect(d.reasons.find((r) => r.code === 'RECENT_KEY_EVENT')?.message).toMatch(
      /supplier a0a0a0a0a0a0a0a0/,
    );
    expect(d.offer).toEqual(base.offer);
  });

  it('a frozen buyer key with policy reject rejects and drops the offer', () => {
    const events: RecentKeyEvent[] = [{ quid: 'b0b0b0b0b0b0b0b0', kind: 'frozen', at: AS_OF - 10 }];
    const d = applyRecentKeyEvents(clean(), {
      ...parties,
      events,
      policy: { ...DEFAULT_KEY_EVENT_POLICY, action: 'reject' },
    });
    expect({ outcome: d.outcome, offer: d.offer, limits: d.limits }).toEqual({
      outcome: 'reject',
      offer: null,
      limits: null,
    });
  });

  it('a recovery still pending counts however old; a closed one outside the window does not', () => {
    const old = AS_OF - 200 * DAY;
    const pending = applyRecentKeyEvents(clean(), {
      ...parties,
      events: [{ quid: 'a0a0a0a0a0a0a0a0', kind: 'recovery-opened', at: old }],
    });
    expect(pending.outcome).toBe('review');
    const closed = applyRecentKeyEvents(clean(), {
      ...parties,
      events: [
        { quid: 'a0a0a0a0a0a0a0a0', kind: 'recovery-opened', at: old },
        { quid: 'a0a0a0a0a0a0a0a0', kind: 'recovery-vetoed', at: old + DAY },
      ],
    });
    expect(closed.outcome).toBe('approve');
  });

  it('false-positive traps: another quid, an event after asOf, and policy ignore leave the decision alone', () => {
    const base = clean();
    const other = applyRecentKeyEvents(base, {
      ...parties,
      events: [{ quid: 'c0c0c0c0c0c0c0c0', kind: 'frozen', at: AS_OF - 1 }],
    });
    expect(other).toBe(base);
    const later = applyRecentKeyEvents(base, {
      ...parties,
      events: [{ quid: 'a0a0a0a0a0a0a0a0', kind: 'frozen', at: AS_OF + 1 }],
    });
    expect(later).toBe(base);
    const ignored = applyRecentKeyEvents(base, {
      ...parties,
      events: [{ quid: 'a0a0a0a0a0a0a0a0', kind: 'frozen', at: AS_OF - 1 }],
      policy: { ...DEFAULT_KEY_EVENT_POLICY, action: 'ignore' },
    });
    expect(ignored).toBe(base);
  });

  it('a worse outcome stays; the proof-of-concept verdict is held instead of approved', () => {
    const rejected = { ...clean(), outcome: 'reject' as const, offer: null };
    expect(
      applyRecentKeyEvents(rejected, {
        ...parties,
        events: [{ quid: 'b0b0b0b0b0b0b0b0', kind: 'rotated', at: AS_OF }],
      }).outcome,
    ).toBe('reject');
    const poc = clean(pocPolicy());
    expect(poc.compat?.verdict).toBe('approve');
    const held = applyRecentKeyEvents(poc, {
      ...parties,
      events: [{ quid: 'b0b0b0b0b0b0b0b0', kind: 'rotated', at: AS_OF }],
    });
    expect(held.compat?.verdict).toBe('pending');
  });

  it('refuses malformed events and policy with a typed error', () => {
    const bad = [{ quid: 'a0a0a0a0a0a0a0a0', kind: 'stolen', at: 1.5 }] as unknown as RecentKeyEvent[];
    expect(() => applyRecentKeyEvents(clean(), { ...parties, events: bad })).toThrow(FactoringInputError);
    expect(() =>
      applyRecentKeyEvents(clean(), {
        ...parties,
        events: [],
        policy: { windowSeconds: -1, action: 'review' },
      }),
    ).toThrow(/windowSeconds/);
  });
});
