// The per-decision input screen and the batch's repeated-id screen take fast paths: each must refuse
// or flag exactly what the full listing does.
import { describe, expect, it } from 'vitest';
import { FactoringInputError } from '../src/errors/FactoringInputError.js';
import { repeatedInvoices } from '../src/facts/repeatedInvoices.js';
import { checkInvoiceInput } from '../src/inputs/checkInvoiceInput.js';
import type { InvoiceInput } from '../src/inputs/invoice.js';
import { deal, NOW } from './fixtures.js';

/** The issue paths `checkInvoiceInput` refuses `invoice` with ([] when it accepts it). */
function refusedAt(invoice: InvoiceInput, asOf = NOW): string[] {
  try {
    checkInvoiceInput(invoice, asOf);
    return [];
  } catch (e) {
    if (!(e instanceof FactoringInputError)) throw e;
    expect(e.code).toBe('INVALID_INPUT');
    return e.issues.map((i) => i.path);
  }
}

const good = deal().invoice;
const share = (ownerId: unknown, percentage: unknown) => ({ ownerId, percentage, stakeType: 'financier' });
const with_ = (over: Record<string, unknown>): InvoiceInput => ({ ...good, ...over }) as InvoiceInput;

describe('checkInvoiceInput: the fast check refuses every unreadable field the listing names', () => {
  it('accepts a readable invoice, with and without a title', () => {
    expect(refusedAt(good)).toEqual([]);
    const { titleOwners: _t, ...untitled } = good;
    expect(refusedAt(untitled as InvoiceInput)).toEqual([]);
  });

  it.each([
    ['invoiceId', 7, 'invoice.invoiceId'],
    ['supplierQuid', undefined, 'invoice.supplierQuid'],
    ['buyerQuid', null, 'invoice.buyerQuid'],
    ['amountMinor', -1, 'invoice.amountMinor'],
    ['amountMinor', 1.5, 'invoice.amountMinor'],
    ['amountMinor', 2 ** 53, 'invoice.amountMinor'],
    ['amountMinor', '100', 'invoice.amountMinor'],
    ['issuedAt', Number.NaN, 'invoice.issuedAt'],
    ['dueAt', 1.25, 'invoice.dueAt'],
    ['titleOwners', 'all of it', 'invoice.titleOwners'],
    ['titleOwners', [], 'invoice.titleOwners'],
    ['titleOwners', [null], 'invoice.titleOwners[0]'],
    ['titleOwners', [share('', 1)], 'invoice.titleOwners[0].ownerId'],
    ['titleOwners', [share(5, 1)], 'invoice.titleOwners[0].ownerId'],
    ['titleOwners', [share('x', 0.5), share('y', Number.NaN)], 'invoice.titleOwners[1].percentage'],
    ['titleOwners', [share('x', 0.5), share('y', '0.5')], 'invoice.titleOwners[1].percentage'],
    ['titleOwners', [share('x', 1.5)], 'invoice.titleOwners[0].percentage'],
    ['titleOwners', [share('x', 0)], 'invoice.titleOwners[0].percentage'],
    ['titleOwners', [share('x', 0.5), share('y', 0.49)], 'invoice.titleOwners'],
  ])('%s = %j is refused at %s', (field, value, path) => {
    expect(refusedAt(with_({ [field]: value }))).toEqual([path]);
  });

  it('a decision date that is not integer seconds is refused, and every problem is listed at once', () => {
    expect(refusedAt(good, NOW + 0.5)).toEqual(['asOf']);
    expect(refusedAt(with_({ invoiceId: 1, dueAt: 'soon' }), Number.NaN)).toEqual([
      'invoice.invoiceId',
      'invoice.dueAt',
      'asOf',
    ]);
  });

  it('shares summing to 1 within 1e-6 pass; a sum just outside does not', () => {
    expect(refusedAt(with_({ titleOwners: [share('x', 0.94), share('y', 0.02), share('z', 0.04)] }))).toEqual(
      [],
    );
    expect(refusedAt(with_({ titleOwners: [share('x', 0.5), share('y', 0.5 + 2e-6)] }))).toEqual([
      'invoice.titleOwners',
    ]);
  });
});

describe('repeatedInvoices: ids spread over small sets are still all compared', () => {
  const listed = (ids: readonly unknown[]) =>
    ids.map((invoiceId) => ({ invoice: { ...good, invoiceId } as InvoiceInput, events: [] }));
  const inOrder = (n: number) => Array.from({ length: n }, (_, i) => i);

  it('finds one id listed twice, far apart, in a batch larger than the spread', () => {
    const ids = Array.from({ length: 2_000 }, (_, i) => `inv-${i}`);
    ids[1_999] = 'inv-3';
    const out = repeatedInvoices(listed(ids), inOrder(ids.length));
    expect(out === undefined ? [] : [...out]).toEqual([[1_999, { kind: 'copy', firstIndex: 3 }]]);
  });

  it('ids alike in length and ending are not confused', () => {
    const ids = Array.from({ length: 1_000 }, (_, i) => `${String.fromCharCode(65 + (i % 26))}${i % 40}-x9`);
    const distinct = [...new Set(ids)];
    expect(repeatedInvoices(listed(distinct), inOrder(distinct.length))).toBeUndefined();
  });

  it('an id that is not a string does not break the screen (the engine refuses its item later)', () => {
    const ids: unknown[] = Array.from({ length: 600 }, (_, i) => `inv-${i}`);
    ids[10] = 42;
    ids[500] = 42;
    const out = repeatedInvoices(listed(ids), inOrder(ids.length));
    expect(out?.get(500)).toEqual({ kind: 'copy', firstIndex: 10 });
  });
});
