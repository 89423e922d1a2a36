// A supplier/buyer pair with thousands of invoices: each new one was scored against all of them
// (quadratic; 8,000 invoices of one pair took seconds in one batch). The latest 512 of a pair
// are compared rule by rule; older ones are still found through the keys that identify them.
import { describe, expect, it } from 'vitest';
import { createDuplicateIndex } from '../src/facts/duplicateIndex.js';
import type { InvoiceFingerprintRecord } from '../src/math/fingerprint.js';

const DAY = 86_400;
const T = 1_700_000_000;
const record = (i: number, over: Partial<InvoiceFingerprintRecord> = {}): InvoiceFingerprintRecord => ({
  invoiceId: `r-${i}`,
  invoiceNumber: `INV-${i}`,
  supplierQuid: 'a0a0a0a0a0a0a0a0',
  buyerQuid: 'b0b0b0b0b0b0b0b0',
  amountMinor: 1_000_000 + i * 1_000,
  issuedAt: T,
  ...over,
});

describe('a pair with more invoices than are compared rule by rule', () => {
  const index = createDuplicateIndex(Array.from({ length: 3_000 }, (_, i) => record(i)));
  const ids = (r: InvoiceFingerprintRecord) => index.find(r, 90 * DAY, 4).map((m) => m.invoiceId);

  it('an exact copy of the oldest invoice is still found (DUPLICATE_EXACT)', () => {
    const m = index.find(record(0, { invoiceId: 'copy' }), 90 * DAY, 4);
    expect(m[0]).toMatchObject({ invoiceId: 'r-0', exact: true });
  });

  it('the oldest invoice number at another amount, the same digits, and the same id are still found', () => {
    // Same number, another amount and id: number-equal.
    expect(ids(record(5, { invoiceId: 'x', amountMinor: 7 }))).toContain('r-5');
    // Another number with the same digit sequence: number-same-digits.
    expect(ids(record(123, { invoiceId: 'y', invoiceNumber: 'X-123-Y', amountMinor: 7 }))).toContain('r-123');
    // Its own id with everything else changed: same-invoice-id.
    expect(ids(record(9, { invoiceNumber: 'ZZZ', amountMinor: 9 }))).toContain('r-9');
  });

  it('a number containing a recent one is compared; one containing an old one is not (the scan is bounded)', () => {
    expect(ids(record(2_990, { invoiceId: 'z', invoiceNumber: 'INV-2990A', amountMinor: 1 }))).toContain(
      'r-2990',
    );
    expect(ids(record(10, { invoiceId: 'w', invoiceNumber: 'INV-10A', amountMinor: 1 }))).not.toContain(
      'r-10',
    );
  });

  it('a small pair is compared rule by rule throughout', () => {
    const small = createDuplicateIndex(Array.from({ length: 100 }, (_, i) => record(i)));
    const m = small.find(
      record(10, { invoiceId: 'w', invoiceNumber: 'INV-10A', amountMinor: 1 }),
      90 * DAY,
      4,
    );
    expect(m.map((x) => x.invoiceId)).toContain('r-10');
  });
});
