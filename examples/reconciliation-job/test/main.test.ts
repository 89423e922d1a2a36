import { describe, expect, it, vi } from 'vitest';
import { main } from '../main.js';

describe('reconciliation-job example', () => {
  it('matches the statement to open invoices, posts the events, and the lifecycle follows', async () => {
    const out: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: unknown) => void out.push(String(line)));
    const { result, statesAfter } = await main({ post: true }).finally(() => log.mockRestore());
    const printed = out.join('\n').split('\n');
    const entry = (n: number) => result.lines.find((l) => l.transactionId.endsWith(`:${n}`));

    // 1: the RF creditor reference of INV-2026-0101, paid in full.
    expect(entry(1)).toMatchObject({ status: 'auto', allocations: [{ kind: 'full', cashMinor: 1_248_000 }] });
    // 2: INV-2026-0102 named in free text, 15.00 short: a bank fee, written off.
    expect(entry(2)).toMatchObject({
      status: 'auto',
      allocations: [{ kind: 'full', cashMinor: 313_500, writeOffMinor: 1_500, writeOffReason: 'BANK_FEE' }],
    });
    // 3: a first instalment on INV-2026-0103.
    expect(entry(3)).toMatchObject({
      status: 'auto',
      allocations: [{ kind: 'partial', cashMinor: 400_000 }],
    });
    // 4 and 5: a deposit refund and an outgoing payment are never matched.
    expect(entry(4)?.status).toBe('unmatched');
    expect(entry(5)).toMatchObject({ status: 'skipped', reason: 'NOT_A_CREDIT' });

    expect(result.adjustments.map((a) => [a.eventType, a.payload.amountMinor, a.payload.reason])).toEqual([
      ['invoice.credited', 1_500, 'BANK_FEE'],
    ]);
    expect(result.events.map((e) => [e.payload.amountMinor, e.payload.reconciled])).toEqual([
      [1_248_000, true],
      [313_500, true],
      [400_000, true],
    ]);

    // The printout: aligned tables with real confidences, no raw JSON.
    expect(printed.filter((l) => l.includes('{'))).toEqual([]);
    const row = (ref: string) => printed.find((l) => l.startsWith(ref)) ?? '';
    expect(row('COBA20261120A0003')).toMatch(/AUTO\s+INV-2026-0103 \(partial\)\s+99\.89 %$/);
    expect(printed.some((l) => /confidence 1\.00|\b1\.00\b/.test(l))).toBe(false);
    const header = printed.find((l) => l.startsWith('Bank reference')) ?? '';
    const statusColumn = header.indexOf('Status');
    for (const n of [1, 2, 3, 4, 5])
      expect(row(`COBA20261120A000${n}`).slice(statusColumn)).toMatch(/^(AUTO|UNMATCHED|SKIPPED)/);

    // What the node's streams say after posting is what reconcile predicted.
    const predicted = Object.fromEntries(result.invoices.map((i) => [i.invoiceId, i.state]));
    expect(statesAfter).toEqual(predicted);
    expect(Object.values(statesAfter).sort()).toEqual(['PartiallyPaid', 'Reconciled', 'Reconciled']);
  });
});
