import { describe, expect, it } from 'vitest';
import { main } from '../main.js';

describe('financier-service example', () => {
  it('approves, holds and rejects the seeded invoices for the right reasons', async () => {
    const { decisions, summary } = await main();
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
  });
});
