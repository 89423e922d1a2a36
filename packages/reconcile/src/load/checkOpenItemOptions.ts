// Checks the options of the open-item loaders at once, before any row is read.
import { OptionsChecker } from '@quidfin/core';
import { ReconcileInputError } from '../errors/ReconcileInputError.js';
import type { OpenItemOptions } from './OpenItemOptions.js';

const REQUIRED = ['invoiceNumber', 'payerId', 'currency', 'amount'] as const;
const OPTIONAL = [
  'invoiceId',
  'kind',
  'payerName',
  'payerAccounts',
  'openAmount',
  'issuedAt',
  'dueAt',
  'paymentReference',
  'poNumber',
  'customerNumber',
  'supplierId',
  'paymentTerms',
] as const;

/**
 * Checks {@link OpenItemOptions} and throws one {@link ReconcileInputError} listing every problem
 * (`options.columns.amount`, `options.creditNotes.by`, ...).
 *
 * @example
 * ```ts
 * checkOpenItemOptions({ columns: { invoiceNumber: 'Nr', payerId: 'K', currency: 'C', amount: 'A' }, creditNotes: { by: 'negative-amount' } });
 * ```
 */
export function checkOpenItemOptions(o: OpenItemOptions): void {
  const check = new OptionsChecker();
  if (check.object('options', o)) {
    if (check.object('options.columns', o.columns)) {
      for (const k of REQUIRED) check.string(`options.columns.${k}`, o.columns[k], { nonEmpty: true });
      for (const k of OPTIONAL)
        check.string(`options.columns.${k}`, o.columns[k], { nonEmpty: true, optional: true });
    }
    if (check.object('options.creditNotes', o.creditNotes)) {
      const c = o.creditNotes;
      if (
        check.oneOf('options.creditNotes.by', c.by, ['negative-amount', 'kind-column']) &&
        c.by === 'kind-column'
      ) {
        if (check.array('options.creditNotes.creditNoteValues', c.creditNoteValues, { nonEmpty: true }))
          c.creditNoteValues.forEach((v, i) => {
            check.string(`options.creditNotes.creditNoteValues[${i}]`, v, { nonEmpty: true });
          });
        check.string('options.columns.kind', o.columns?.kind, { nonEmpty: true });
      }
    }
    check.string('options.delimiter', o.delimiter, { nonEmpty: true, optional: true });
    check.oneOf('options.decimalSeparator', o.decimalSeparator, ['.', ','], { optional: true });
    check.oneOf(
      'options.dateFormat',
      o.dateFormat,
      ['YYYY-MM-DD', 'DD.MM.YYYY', 'MM/DD/YYYY', 'DD/MM/YYYY'],
      { optional: true },
    );
  }
  check.throwIfInvalid((issues) => new ReconcileInputError(issues));
}
