// Recent key events (freeze, recovery, rotation) on the supplier or buyer: review by default.

import fc from 'fast-check';
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
import { AS_OF, DAY, deal, viaBureau } from './fixtures.js';

const trust = trustSourceFromRecord({
  a0a0a0a0a0a0a0a0: viaBureau('a0a0a0a0a0a0a0a0', 0.85),
  b0b0b0b0b0b0b0b0: viaBureau('b0b0b0b0b0b0b0b0', 0.9),
  c0c0c0c0c0c0c0c0: viaBureau('c0c0c0c0c0c0c0c0', 0.8),
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

  it('false-positive traps: another quid and policy ignore leave the decision alone', () => {
    const base = clean();
    const other = applyRecentKeyEvents(base, {
      ...parties,
      events: [{ quid: 'c0c0c0c0c0c0c0c0', kind: 'frozen', at: AS_OF - 1 }],
    });
    expect(other).toBe(base);
    const ignored = applyRecentKeyEvents(base, {
      ...parties,
      events: [{ quid: 'a0a0a0a0a0a0a0a0', kind: 'frozen', at: AS_OF - 1 }],
      policy: { ...DEFAULT_KEY_EVENT_POLICY, action: 'ignore' },
    });
    expect(ignored).toBe(base);
  });

  it('freeze between the decision and the wire: a supplier key frozen one second after asOf still holds the approval', () => {
    const d = applyRecentKeyEvents(clean(), {
      ...parties,
      events: [{ quid: 'a0a0a0a0a0a0a0a0', kind: 'frozen', at: AS_OF + 1 }],
    });
    expect(d.outcome).toBe('review');
    expect(d.reasons.find((r) => r.code === 'RECENT_KEY_EVENT')?.message).toMatch(/frozen at/);
  });

  it('a key frozen long ago and never recovered still counts, however old; one recovered since does not', () => {
    const old = AS_OF - 200 * DAY;
    const stillFrozen = applyRecentKeyEvents(clean(), {
      ...parties,
      events: [{ quid: 'b0b0b0b0b0b0b0b0', kind: 'frozen', at: old }],
    });
    expect(stillFrozen.outcome).toBe('review');
    const recovered = applyRecentKeyEvents(clean(), {
      ...parties,
      events: [
        { quid: 'b0b0b0b0b0b0b0b0', kind: 'frozen', at: old },
        { quid: 'b0b0b0b0b0b0b0b0', kind: 'recovery-opened', at: old + DAY },
        { quid: 'b0b0b0b0b0b0b0b0', kind: 'recovery-committed', at: old + 2 * DAY },
      ],
    });
    expect(recovered.outcome).toBe('approve');
  });

  it('a quid written in upper case is refused with its path, not silently matched to nobody', () => {
    expect(() =>
      applyRecentKeyEvents(clean(), {
        ...parties,
        events: [{ quid: 'A0A0A0A0A0A0A0A0', kind: 'frozen', at: AS_OF - DAY }],
      }),
    ).toThrow(/events\[0\]\.quid/);
    expect(() =>
      applyRecentKeyEvents(clean(), {
        supplierQuid: 'A0A0A0A0A0A0A0A0',
        buyerQuid: 'b0b0b0b0b0b0b0b0',
        events: [],
      }),
    ).toThrow(/supplierQuid/);
  });

  it('parties of another invoice: given the invoice, the rule checks it is the decided one and uses its own parties', () => {
    const d = deal();
    const base = clean();
    const frozen: RecentKeyEvent[] = [{ quid: 'a0a0a0a0a0a0a0a0', kind: 'frozen', at: AS_OF - DAY }];
    expect(applyRecentKeyEvents(base, { invoice: d.invoice, events: frozen }).outcome).toBe('review');
    // The decided invoice's supplier cannot be swapped for a clean quid next to it.
    expect(() =>
      applyRecentKeyEvents(base, {
        invoice: d.invoice,
        supplierQuid: 'ffffffffffffffff',
        buyerQuid: 'b0b0b0b0b0b0b0b0',
        events: frozen,
      }),
    ).toThrow(/supplierQuid/);
    const other = deal({ invoiceId: 'inv-other' }, { ids: 'o' });
    expect(() => applyRecentKeyEvents(base, { invoice: other.invoice, events: frozen })).toThrow(
      /invoice\.invoiceId/,
    );
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

describe('key events committed in the same second (one block)', () => {
  const old = AS_OF - 200 * DAY;
  const B = 'b0b0b0b0b0b0b0b0';
  const codes = (events: RecentKeyEvent[]) =>
    applyRecentKeyEvents(clean(), { ...parties, events }).reasons.map((r) => r.code);

  it('a freeze and a rotation at the same second, long ago: the freeze stands in either order (review)', () => {
    const frozen: RecentKeyEvent = { quid: B, kind: 'frozen', at: old };
    const rotated: RecentKeyEvent = { quid: B, kind: 'rotated', at: old };
    // Before: [frozen, rotated] left no standing freeze (approve), [rotated, frozen] one (review).
    expect(codes([frozen, rotated])).toContain('RECENT_KEY_EVENT');
    expect(codes([rotated, frozen])).toContain('RECENT_KEY_EVENT');
  });

  it('a freeze and a committed recovery at the same second: the freeze stands in either order', () => {
    const frozen: RecentKeyEvent = { quid: B, kind: 'frozen', at: old };
    const committed: RecentKeyEvent = { quid: B, kind: 'recovery-committed', at: old };
    expect(codes([frozen, committed])).toContain('RECENT_KEY_EVENT');
    expect(codes([committed, frozen])).toContain('RECENT_KEY_EVENT');
  });

  it('a recovery opened and vetoed (or committed) at the same second: it is still pending in either order', () => {
    for (const close of ['recovery-vetoed', 'recovery-committed'] as const) {
      const opened: RecentKeyEvent = { quid: B, kind: 'recovery-opened', at: old };
      const closed: RecentKeyEvent = { quid: B, kind: close, at: old };
      expect(codes([opened, closed])).toContain('RECENT_KEY_EVENT');
      expect(codes([closed, opened])).toContain('RECENT_KEY_EVENT');
    }
  });

  it('a rotation a second after the freeze still lifts it (approve), whatever the order given', () => {
    const frozen: RecentKeyEvent = { quid: B, kind: 'frozen', at: old };
    const rotated: RecentKeyEvent = { quid: B, kind: 'rotated', at: old + 1 };
    expect(codes([rotated, frozen])).not.toContain('RECENT_KEY_EVENT');
    expect(codes([frozen, rotated])).not.toContain('RECENT_KEY_EVENT');
  });

  it('any permutation of the key events gives the same decision (outcome, reasons and messages)', () => {
    const base = clean();
    const kinds = ['frozen', 'recovery-opened', 'recovery-vetoed', 'recovery-committed', 'rotated'] as const;
    // Few quids and few seconds, old and recent, so ties are the rule.
    const event = fc.record({
      quid: fc.constantFrom('a0a0a0a0a0a0a0a0', B, 'd0d0d0d0d0d0d0d0'),
      kind: fc.constantFrom(...kinds),
      at: fc.constantFrom(old, old + 1, old + DAY, AS_OF - DAY, AS_OF - DAY + 1, AS_OF + 1),
    });
    fc.assert(
      fc.property(
        fc
          .array(event, { maxLength: 8 })
          .chain((events) =>
            fc.tuple(
              fc.constant(events),
              fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
            ),
          ),
        ([events, shuffled]) => {
          const a = applyRecentKeyEvents(base, { ...parties, events });
          const b = applyRecentKeyEvents(base, { ...parties, events: shuffled });
          expect(b.outcome).toBe(a.outcome);
          expect(b.reasons).toEqual(a.reasons);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
