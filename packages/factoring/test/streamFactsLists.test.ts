// Stream facts built with few objects: exact-size short lists, one event per clean credit note,
// fraud-signal kinds shared per event type. The facts must stay what the stream says.

import type { JsonObject } from '@quidfin/core';
import { describe, expect, it } from 'vitest';
import { extractStreamFacts, type VerifiedEvent } from '../src/index.js';
import { deal, NOW } from './fixtures.js';

const d = deal();
const SUPPLIER = d.invoice.supplierQuid;
const BUYER = d.invoice.buyerQuid;
let seq = 10;
function e(eventType: string, signerQuid: string, payload: JsonObject, id?: string): VerifiedEvent {
  seq++;
  return {
    subjectId: d.invoice.invoiceId,
    id: id ?? `x-${seq}`,
    eventType,
    signerQuid,
    sequence: seq,
    timestamp: NOW + seq,
    payload,
  };
}

describe('stream facts lists', () => {
  it('three different credit notes under one id all count, and a re-delivery counts once', () => {
    const a = e('invoice.credited', SUPPLIER, { creditNoteId: 'cn-1', amountMinor: 100, reason: 'r' }, 'c-b');
    const events = [
      ...d.events,
      a,
      { ...a, sequence: a.sequence + 100 },
      e('invoice.credited', SUPPLIER, { creditNoteId: 'cn-1', amountMinor: 200, reason: 'r' }, 'c-c'),
      e('invoice.credited', SUPPLIER, { creditNoteId: 'cn-1', amountMinor: 400, reason: 'r' }, 'c-a'),
      e('invoice.credited', SUPPLIER, { creditNoteId: 'cn-2', amountMinor: 800, reason: 'r' }, 'c-d'),
    ];
    const f = extractStreamFacts(d.invoice, events, true);
    expect(f.creditedMinor).toBe(1_500);
    expect(f.conflicting.map((c) => c.detail)).toEqual([
      'credit note cn-1 carried by 3 different events (c-a, c-b, c-c): all count, 700 in total',
    ]);
  });

  it('three disputes, two resolved by the buyer: one stays open', () => {
    const events = [
      ...d.events,
      e('buyer.disputed', BUYER, { disputeId: 'd1', disputedAmountMinor: 10 }),
      e('buyer.disputed', BUYER, { disputeId: 'd2', disputedAmountMinor: 20 }),
      e('buyer.disputed', BUYER, { disputeId: 'd3', disputedAmountMinor: 40 }),
      e('dispute.resolved', BUYER, { disputeId: 'd1', outcome: 'withdrawn' }),
      e('dispute.resolved', BUYER, { disputeId: 'd3', outcome: 'withdrawn' }),
    ];
    const f = extractStreamFacts(d.invoice, events, true);
    expect([f.openDisputeCount, f.openDisputedMinor]).toEqual([1, 20]);
  });

  it('each fraud-signal event type keeps its own kind', () => {
    const kinds = ['round-amount', 'invoice-forged', 'amount-round', 'round-amount', 'x', 'y'];
    const events = [...d.events, ...kinds.map((k) => e(`fraud.signal.${k}`, 'f0f0f0f0f0f0f0f0', {}))];
    expect(extractStreamFacts(d.invoice, events, true).fraudSignals.map((s) => s.kind)).toEqual(kinds);
  });

  it('a second acknowledgement of another amount: the smallest counts, the first dates it', () => {
    const events = [
      ...d.events,
      e('buyer.acknowledged', BUYER, { buyerQuid: BUYER, acknowledgedAmountMinor: 4_000_000 }, 'ack-2'),
    ];
    const f = extractStreamFacts(d.invoice, events, true);
    expect(f.ack?.amountMinor).toBe(4_000_000);
    expect(f.ack?.key.id).toBe('inv-100-e4');
    expect(f.conflicting.map((c) => c.detail)).toEqual([
      'the buyer acknowledged different amounts: 5000000 (inv-100-e4), 4000000 (ack-2); the smallest, 4000000, counts',
    ]);
  });
});
