import { describe, expect, it, vi } from 'vitest';
import { main } from '../main.js';

describe('financier-service example', () => {
  it('approves, holds and rejects the seeded invoices for the right reasons', async () => {
    const out: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: unknown) => void out.push(String(line)));
    const { decisions, summary } = await main().finally(() => log.mockRestore());
    const printed = out.join('\n').split('\n');
    const [approved, pending, unknownBuyer, doubleFinanced] = decisions;

    expect(approved?.outcome).toBe('approve');
    expect(approved?.offer?.advanceMinor).toBeGreaterThan(0);
    expect(approved?.offer?.advanceMinor).toBeLessThan(4_250_000);
    expect(approved?.offer?.feeMinor).toBeGreaterThan(0);

    expect(pending?.outcome).toBe('pending');
    expect(pending?.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(['DELIVERY_MISSING', 'ACK_MISSING']),
    );

    expect(unknownBuyer?.outcome).toBe('reject');
    expect(unknownBuyer?.reasons.map((r) => r.code)).toContain('BUYER_NO_TRUST_PATH');

    expect(doubleFinanced?.outcome).toBe('reject');
    expect(doubleFinanced?.fraudFlags).toContain('FRAUD_SIGNAL');

    expect(summary.counts).toEqual({ approve: 1, review: 0, pending: 1, reject: 2 });
    expect(summary.advanceMinor).toBe(approved?.offer?.advanceMinor);

    // The printout: a decision table with aligned columns and a summary in words, no raw JSON.
    expect(printed.filter((l) => l.includes('{'))).toEqual([]);
    const header = printed[0] ?? '';
    expect(header).toMatch(/^Invoice\s+Decision\s+Advance\s+Fee\s+Discount$/);
    const decisionColumn = header.indexOf('Decision');
    expect(printed.slice(1, 5).map((l) => l.slice(decisionColumn).split(' ')[0])).toEqual([
      'APPROVE',
      'PENDING',
      'REJECT',
      'REJECT',
    ]);
    expect(printed.at(-1)).toMatch(
      /^Batch: 1 approve, 0 review, 1 pending, 2 reject; cash out €[\d,]+\.\d{2}$/,
    );
  });
});
