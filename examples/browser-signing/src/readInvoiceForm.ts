// Reads the invoice form into a signed-document-ready InvoiceDocument. Every problem becomes a
// FormError that names the field as the supplier sees it ("Line 2 unit price"), never a schema path.
import {
  type CurrencyCode,
  checkInvoiceDocument,
  computeInvoiceTotals,
  type InvoiceDocument,
  parseMoney,
} from '@quidfin/core';
import { FormError } from './FormError.js';

const DAY_MS = 86_400_000;
const QUANTITY = /^\d{1,9}(\.\d{1,6})?$/;

const field = (id: string): string =>
  (document.getElementById(id) as HTMLInputElement | HTMLSelectElement).value.trim();

/** The form's fields for the document's top-level paths, for the rare issue the form cannot pre-empt. */
const LABELS: Record<string, string> = {
  invoiceNumber: 'Invoice number',
  'supplier.name': 'Supplier name',
  'buyer.name': 'Buyer name',
  'buyer.quid': 'Buyer',
  currency: 'Currency',
  lineItems: 'Invoice lines',
};

/** "lineItems.1.quantity" -> "Line 2 quantity"; other paths through LABELS. */
function label(path: string): string {
  const line = /^lineItems\.(\d+)\.(\w+)/.exec(path);
  if (line) {
    const part = { description: 'description', quantity: 'quantity', unitPriceMinor: 'unit price' }[
      line[2] ?? ''
    ];
    return `Line ${Number(line[1]) + 1} ${part ?? 'amount'}`;
  }
  return LABELS[path] ?? 'The invoice';
}

/** Reads the form; throws FormError on anything the supplier must correct. */
export function readInvoiceForm(supplierQuid: string, issuedOn: Date): InvoiceDocument {
  const currency = field('currency') as CurrencyCode;
  const taxRateBps = Number(field('vat'));
  if (field('invoice-number') === '') throw new FormError('Invoice number: enter one.', 'invoice-number');
  if (!/^[0-9a-f]{16}$/.test(field('buyer-quid'))) {
    throw new FormError('Buyer: the quid is 16 hexadecimal characters.', 'buyer-quid');
  }
  const rows = [...document.querySelectorAll<HTMLTableRowElement>('#lines tr')];
  const lines = rows.flatMap((row, i) => {
    const cell = (name: string) =>
      row.querySelector<HTMLInputElement>(`[name="${name}"]`)?.value.trim() ?? '';
    const [description, quantity, unitPrice] = [cell('description'), cell('quantity'), cell('unitPrice')];
    if (description === '' && quantity === '' && unitPrice === '') return [];
    const n = i + 1;
    if (description === '') throw new FormError(`Line ${n} description: enter one, or clear the line.`);
    if (!QUANTITY.test(quantity)) throw new FormError(`Line ${n} quantity: "${quantity}" is not a number.`);
    let unitPriceMinor: string;
    try {
      unitPriceMinor = String(parseMoney(unitPrice, currency).amountMinor);
    } catch {
      throw new FormError(`Line ${n} unit price: "${unitPrice}" is not an amount in ${currency}.`);
    }
    return [{ description, quantity, unitPriceMinor, taxRateBps }];
  });
  if (lines.length === 0) throw new FormError('Invoice lines: add at least one line.');

  // Line amounts and totals are computed exactly (bigint), rounded half-up per line.
  const totals = computeInvoiceTotals(lines);
  const due = new Date(issuedOn.getTime() + Number(field('terms').replace('NET-', '')) * DAY_MS);
  const draft: InvoiceDocument = {
    invoiceNumber: field('invoice-number'),
    issueDate: issuedOn.toISOString().slice(0, 10),
    dueDate: due.toISOString().slice(0, 10),
    currency,
    supplier: { quid: supplierQuid, name: field('supplier-name') },
    buyer: { quid: field('buyer-quid'), name: field('buyer-name') },
    lineItems: lines.map((line, i) => ({ ...line, amountMinor: totals.lineAmountsMinor[i] ?? '0' })),
    subtotalMinor: totals.subtotalMinor,
    taxMinor: totals.taxMinor,
    totalMinor: totals.totalMinor,
  };
  // The same checks a verifier runs; their paths are translated into the form's words.
  const checked = checkInvoiceDocument(draft);
  if (!checked.ok) {
    const issue = checked.issues[0];
    throw new FormError(`${label(issue?.path ?? '')}: ${issue?.message ?? 'not valid'}.`);
  }
  return checked.document;
}
