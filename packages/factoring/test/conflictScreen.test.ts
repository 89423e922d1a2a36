// The conflict screen (repeats, one sequence or one id on different events) compares each event
// with every earlier one on short streams and goes through an index on long ones: a stream of
// 16,000 events took a second to screen. Both must find the same conflicts in the same order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractStreamFacts, type VerifiedEvent } from '../src/index.js';
import { deal, NOW } from './fixtures.js';

const d = deal();
const SUPPLIER = d.invoice.supplierQuid;
const BUYER = d.invoice.buyerQuid;
const OPTIONS = { requireSubject: true, detectConflicts: true, validatePayloads: true } as const;

// Few ids, sequences and contents, so that repeats and clashes are common.
const eventArb: fc.Arbitrary<VerifiedEvent> = fc
  .record({
    id: fc.constantFrom('e1', 'e2', 'e3', 'e4'),
    sequence: fc.integer({ min: 5, max: 8 }),
    kind: fc.constantFrom('credit', 'payment', 'purchase'),
    amount: fc.constantFrom(100, 200),
  })
  .map(({ id, sequence, kind, amount }) => ({
    subjectId: d.invoice.invoiceId,
    id,
    sequence,
    timestamp: NOW + sequence,
    ...(kind === 'credit'
      ? {
          eventType: 'invoice.credited',
          signerQuid: SUPPLIER,
          payload: { creditNoteId: `cn-${amount}`, amountMinor: amount, reason: 'r', creditedAt: NOW },
        }
      : kind === 'payment'
        ? {
            eventType: 'payment.received',
            signerQuid: SUPPLIER,
            payload: {
              paymentId: 'p',
              allocationId: 'a',
              amountMinor: amount,
              currency: 'USD',
              receivedAt: NOW,
            },
          }
        : {
            eventType: 'factor.purchased',
            signerQuid: 'f0f0f0f0f0f0f0f0',
            payload: { financierQuid: 'f0f0f0f0f0f0f0f0', purchasePriceMinor: amount, factoredAt: NOW },
          }),
  }));

// Events of another invoice, appended after the stream: never read, they only make it long.
const padding: VerifiedEvent[] = Array.from({ length: 80 }, (_, i) => ({
  subjectId: 'another-invoice',
  id: `pad-${i}`,
  eventType: 'buyer.acknowledged',
  signerQuid: BUYER,
  sequence: 1_000 + i,
  timestamp: NOW,
  payload: { buyerQuid: BUYER, acknowledgedAmountMinor: 1, acknowledgedAt: NOW },
}));

describe('the conflict screen on short and long streams', () => {
  it('finds the same conflicts, repeats and totals whether it scans or uses the index', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 30 }), (extra) => {
        const short = extractStreamFacts(d.invoice, [...d.events, ...extra], true, OPTIONS);
        const long = extractStreamFacts(d.invoice, [...d.events, ...extra, ...padding], true, OPTIONS);
        const { foreign: _a, ...s } = short;
        const { foreign: _b, ...l } = long;
        expect(JSON.stringify(l)).toBe(JSON.stringify(s));
        expect(long.foreign).toHaveLength(padding.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('credit notes repeated under one id, in long streams', () => {
  // Many ids with few payloads each, and few ids with many payloads each: both past the length at
  // which lists and variants are looked up through an index.
  it.each([
    { notes: 19, amounts: 5 },
    { notes: 1, amounts: 40 },
  ])(
    'each different payload under an id counts once ($notes + 1 ids, $amounts amounts)',
    ({ notes, amounts }) => {
      const noteArb = fc.record({
        note: fc.integer({ min: 0, max: notes }),
        amount: fc.integer({ min: 1, max: amounts }),
        reason: fc.constantFrom('a', 'b'),
      });
      fc.assert(
        fc.property(fc.array(noteArb, { minLength: 30, maxLength: 120 }), (notes) => {
          const events: VerifiedEvent[] = notes.map((n, i) => ({
            subjectId: d.invoice.invoiceId,
            id: `cn-event-${i}`,
            eventType: 'invoice.credited',
            signerQuid: SUPPLIER,
            sequence: 10 + i,
            timestamp: NOW,
            payload: {
              creditNoteId: `cn-${n.note}`,
              amountMinor: n.amount,
              reason: n.reason,
              creditedAt: NOW,
            },
          }));
          const facts = extractStreamFacts(d.invoice, [...d.events, ...events], true, OPTIONS);
          // Reference: per credit note id, the distinct payloads, each counted once.
          const byNote = new Map<string, Set<string>>();
          for (const e of events) {
            const p = e.payload as { creditNoteId: string };
            const set = byNote.get(p.creditNoteId) ?? new Set<string>();
            set.add(JSON.stringify(e.payload));
            byNote.set(p.creditNoteId, set);
          }
          let credited = 0;
          for (const set of byNote.values())
            for (const json of set) credited += (JSON.parse(json) as { amountMinor: number }).amountMinor;
          expect(facts.creditedMinor).toBe(credited);
          const conflicted = [...byNote].filter(([, set]) => set.size > 1).length;
          expect(facts.conflicting.filter((c) => c.detail.includes('credit note'))).toHaveLength(conflicted);
        }),
        { numRuns: 200 },
      );
    },
  );
});

describe('disputes replayed from a long stream', () => {
  it('the open disputes and their amounts are those a replay in stream order gives', () => {
    const stepArb = fc.record({
      dispute: fc.integer({ min: 0, max: 11 }),
      resolve: fc.boolean(),
      amount: fc.integer({ min: 1, max: 9 }),
    });
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 20, maxLength: 80 }), (steps) => {
        const events: VerifiedEvent[] = steps.map((s, i) => ({
          subjectId: d.invoice.invoiceId,
          id: `dispute-step-${i}`,
          eventType: s.resolve ? 'dispute.resolved' : 'buyer.disputed',
          signerQuid: BUYER,
          sequence: 10 + i,
          timestamp: NOW,
          payload: s.resolve
            ? { disputeId: `d-${s.dispute}`, outcome: 'withdrawn', resolvedAt: NOW }
            : {
                buyerQuid: BUYER,
                disputeId: `d-${s.dispute}`,
                disputedAmountMinor: s.amount,
                reason: 'r',
                disputedAt: NOW,
              },
        }));
        const facts = extractStreamFacts(d.invoice, [...d.events, ...events], true, OPTIONS);
        // Reference: raised opens (or reopens at its amount); raised again while open keeps the
        // larger amount; the buyer's resolution closes it.
        const open = new Map<number, number>();
        for (const s of steps) {
          if (s.resolve) open.delete(s.dispute);
          else open.set(s.dispute, Math.max(open.get(s.dispute) ?? 0, s.amount));
        }
        expect(facts.openDisputeCount).toBe(open.size);
        expect(facts.openDisputedMinor).toBe([...open.values()].reduce((a, b) => a + b, 0));
      }),
      { numRuns: 200 },
    );
  });
});
