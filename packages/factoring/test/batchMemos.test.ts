// What a batch shares between its decisions (interned messages, buyer profiles, predictions) is
// keyed by everything that shapes it: an invoice that differs is never served another's answer.
import { describe, expect, it } from 'vitest';
import {
  type BatchItem,
  type BuyerHistory,
  evaluateBatch,
  standardPolicy,
  trustSourceFromRecord,
  type VerifiedEvent,
} from '../src/index.js';
import { DAY, deal, NOW } from './fixtures.js';

const trust = trustSourceFromRecord({
  a0a0a0a0a0a0a0a0: 0.85,
  b0b0b0b0b0b0b0b0: 0.9,
  c0c0c0c0c0c0c0c0: { level: 0.7, observedAt: NOW, pathLength: 1 },
});
const ASOF = NOW + 70 * DAY;

/** Invoice `i` of the well-signed deal, with a credit note of `creditMinor` (none for 0). */
function item(i: number, creditMinor: number, over: Parameters<typeof deal>[0] = {}): BatchItem {
  const d = deal(
    {
      invoiceId: `inv-${i}`,
      invoiceNumber: `INV-${1000 + i}`,
      issuedAt: NOW + i * DAY,
      dueAt: NOW + (i + 60) * DAY,
      ...over,
    },
    { ids: `i${i}` },
  );
  const credit: VerifiedEvent[] =
    creditMinor === 0
      ? []
      : [
          {
            subjectId: d.invoice.invoiceId,
            id: `i${i}-e9`,
            eventType: 'invoice.credited',
            signerQuid: d.invoice.supplierQuid,
            sequence: 9,
            timestamp: d.invoice.issuedAt + 5 * DAY,
            payload: {
              creditNoteId: `cn-${i}`,
              amountMinor: creditMinor,
              reason: 'discount',
              creditedAt: d.invoice.issuedAt + 5 * DAY,
            },
          },
        ];
  return { invoice: d.invoice, events: [...d.events, ...credit] };
}

/**
 * The batch's decisions, each next to the same invoice decided in a batch of its own (a fresh
 * cache), without the running limits (the only thing the rest of the batch may change).
 */
function batchAndAlone(
  items: readonly BatchItem[],
  buyerHistories?: Record<string, BuyerHistory>,
): { batch: string[]; alone: string[] } {
  const policy = standardPolicy();
  const decide = (its: readonly BatchItem[]): string[] =>
    evaluateBatch({
      items: its,
      trust,
      policy,
      asOf: ASOF,
      ...(buyerHistories !== undefined ? { buyerHistories } : {}),
      trace: true,
    }).decisions.map((d) => JSON.stringify({ ...d, limits: null }));
  return { batch: decide(items), alone: items.flatMap((it) => decide([it])) };
}

describe('batch memos', () => {
  it('a credit note of another amount gets its own message, not the first one made', () => {
    const items = [item(1, 5_000), item(2, 7_000), item(3, 5_000), item(4, 0), item(5, 7_001)];
    const { batch, alone } = batchAndAlone(items);
    expect(batch).toEqual(alone);
    const r = evaluateBatch({ items, trust, policy: standardPolicy(), asOf: ASOF });
    const messages = r.decisions.map(
      (d) => d.reasons.find((x) => x.code === 'CREDIT_NOTE_APPLIED')?.message ?? '',
    );
    expect(messages.map((m) => m.match(/\d+/)?.[0] ?? '-')).toEqual(['5000', '7000', '5000', '-', '7001']);
  });
});
