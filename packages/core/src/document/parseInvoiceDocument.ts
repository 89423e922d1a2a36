import { ValidationError, type ValidationIssue } from '../errors/ValidationError.js';
import { describeValue } from '../wire/describeValue.js';
import { computeInvoiceTotals } from './computeInvoiceTotals.js';
import type { InvoiceDocument } from './InvoiceDocument.js';
import { invoiceDocumentSchema } from './invoiceDocumentSchema.js';
import { toValidationIssues } from './zodIssues.js';

/**
 * Result of {@link checkInvoiceDocument}: `schema` problems (shape, formats, dates, IBAN) or
 * `totals` problems (amounts that do not add up).
 *
 * @example
 * ```ts
 * const r: InvoiceDocumentCheck = checkInvoiceDocument(doc);
 * if (!r.ok && r.kind === 'totals') console.log(r.issues);
 * ```
 */
export type InvoiceDocumentCheck =
  | { readonly ok: true; readonly document: InvoiceDocument }
  | { readonly ok: false; readonly kind: 'schema' | 'totals'; readonly issues: readonly ValidationIssue[] };

/**
 * Checks a document without throwing: the schema first, then (only for a well-formed document)
 * that every line amount is quantity x unit price rounded half-up, that subtotal, tax and total
 * add up exactly, and that the due date is not before the issue date.
 *
 * @example
 * ```ts
 * const r = checkInvoiceDocument(doc);
 * if (!r.ok) for (const i of r.issues) console.log(i.path, i.message); // 'lineItems[0].amountMinor', ...
 * ```
 */
export function checkInvoiceDocument(input: unknown): InvoiceDocumentCheck {
  const parsed = invoiceDocumentSchema().safeParse(input);
  if (!parsed.success)
    return { ok: false, kind: 'schema', issues: toValidationIssues('', parsed.error.issues) };
  // zod/mini output matches InvoiceDocument field for field (strict objects).
  const doc = parsed.data as InvoiceDocument;
  if (doc.dueDate < doc.issueDate) {
    return {
      ok: false,
      kind: 'schema',
      issues: [{ path: 'dueDate', message: `${doc.dueDate} is before issueDate ${doc.issueDate}` }],
    };
  }
  const totals = computeInvoiceTotals(doc.lineItems);
  const issues: ValidationIssue[] = [];
  doc.lineItems.forEach((line, i) => {
    const expected = totals.lineAmountsMinor[i];
    if (line.amountMinor !== expected) {
      issues.push({
        path: `lineItems[${i}].amountMinor`,
        message: `is ${describeValue(line.amountMinor)} but ${line.quantity} x ${line.unitPriceMinor} rounds half-up to ${expected}`,
      });
    }
  });
  for (const key of ['subtotalMinor', 'taxMinor', 'totalMinor'] as const) {
    if (doc[key] !== totals[key]) {
      issues.push({
        path: key,
        message: `is ${describeValue(doc[key])} but the lines add up to ${totals[key]}`,
      });
    }
  }
  return issues.length ? { ok: false, kind: 'totals', issues } : { ok: true, document: doc };
}

/**
 * Validates an off-chain invoice document and returns it typed, or throws
 * `ValidationError('INVALID_DOCUMENT')` listing every problem with its path. Besides the
 * shape it checks the arithmetic: line amount = quantity x unit price rounded half-up to the
 * minor unit per line; subtotal = sum of line amounts; tax = sum of per-line taxes (amount x
 * taxRateBps / 10000, rounded half-up per line); total = subtotal + tax.
 *
 * @example
 * ```ts
 * const doc = parseInvoiceDocument(JSON.parse(text));
 * console.log(doc.totalMinor);
 * ```
 */
export function parseInvoiceDocument(input: unknown): InvoiceDocument {
  const result = checkInvoiceDocument(input);
  if (!result.ok) throw new ValidationError('INVALID_DOCUMENT', result.issues);
  return result.document;
}
