import { describe, expect, it } from 'vitest';
import { main } from '../main.js';

describe('reconciliation-job example', () => {
  it('matches the statement against open invoices, posts payment.received and moves their lifecycle', async () => {
    const { result, statesAfter } = await main({ post: true });
    const byRef = (ref: string) => result.lines.find((l) => l.transactionId.endsWith(`:${ref}`));

    // Entry 1 quotes the RF reference of INV-2026-0101 and pays it in full.
    expect(byRef('1')).toMatchObject({
      status: 'auto',
      allocations: [{ kind: 'full', cashMinor: 1_248_000 }],
    });
    // Entry 2 names INV-2026-0102 in free text, short by a bank fee: suggested, not forced.
    expect(byRef('2')?.status).toBe('suggested');
    expect(byRef('2')?.suggestions[0]?.invoiceIds).toEqual([expect.stringContaining('INV-2026-0102')]);
    // Entry 3 is a first instalment on INV-2026-0103.
    expect(byRef('3')).toMatchObject({
      status: 'auto',
      allocations: [{ kind: 'partial', cashMinor: 400_000 }],
    });
    // A deposit refund and an outgoing payment are never matched.
    expect(byRef('4')?.status).toBe('unmatched');
    expect(byRef('5')).toMatchObject({ status: 'skipped', reason: 'NOT_A_CREDIT' });

    expect(result.events.map((e) => [e.payload.amountMinor, e.payload.reconciled])).toEqual([
      [1_248_000, true],
      [400_000, true],
    ]);
    expect(Object.values(statesAfter).sort()).toEqual(['PartiallyPaid', 'Reconciled']);
  });
});
