import type { CurrencyCode } from '../money/currencies.js';

/**
 * A party on the off-chain invoice document.
 *
 * @example
 * ```ts
 * const supplier: InvoiceDocumentParty = { quid: 'aaaaaaaaaaaaaaaa', name: 'Acme Widgets', iban: 'DE89370400440532013000' };
 * ```
 */
export interface InvoiceDocumentParty {
  /** The party's quid id (16 lowercase hex). */
  readonly quid: string;
  readonly name: string;
  readonly taxId?: string;
  readonly address?: string;
  /** Electronic format, no spaces; checked with ISO 13616 mod-97. */
  readonly iban?: string;
}

/**
 * One invoice line. Money is integer minor units written as decimal strings, because JCS
 * (RFC 8785) rounds JS numbers above 2^53 (ENGINEERING §1.3).
 *
 * @example
 * ```ts
 * const line: InvoiceLineItem = { description: 'Widget', quantity: '1.5', unitPriceMinor: '1001', taxRateBps: 2000, amountMinor: '1502' };
 * ```
 */
export interface InvoiceLineItem {
  readonly description: string;
  /** Non-negative decimal, e.g. "3" or "1.25". */
  readonly quantity: string;
  /** Non-negative decimal minor units per unit; may have a fraction (e.g. "0.5" cents). */
  readonly unitPriceMinor: string;
  /** Tax rate in basis points (2000 = 20%). */
  readonly taxRateBps: number;
  /** quantity x unitPriceMinor, rounded half-up to a whole minor unit. */
  readonly amountMinor: string;
}

/**
 * The full invoice document, kept off-chain; `invoice.issued` carries its hash.
 * Totals: subtotal = sum of line amounts; tax = sum over lines of round-half-up(amount x rate);
 * total = subtotal + tax.
 *
 * @example
 * ```ts
 * const doc: InvoiceDocument = {
 *   invoiceNumber: 'INV-2026-0001', issueDate: '2026-11-23', dueDate: '2027-01-22', currency: 'USD',
 *   supplier: { quid: 'aaaaaaaaaaaaaaaa', name: 'Acme Widgets' },
 *   buyer: { quid: 'bbbbbbbbbbbbbbbb', name: 'MegaCorp' },
 *   lineItems: [{ description: 'Widget', quantity: '2', unitPriceMinor: '1000', taxRateBps: 1000, amountMinor: '2000' }],
 *   subtotalMinor: '2000', taxMinor: '200', totalMinor: '2200',
 * };
 * ```
 */
export interface InvoiceDocument {
  readonly invoiceNumber: string;
  /** Calendar date `YYYY-MM-DD`. */
  readonly issueDate: string;
  /** Calendar date `YYYY-MM-DD`, not before `issueDate`. */
  readonly dueDate: string;
  readonly currency: CurrencyCode;
  readonly supplier: InvoiceDocumentParty;
  readonly buyer: InvoiceDocumentParty;
  readonly lineItems: readonly InvoiceLineItem[];
  readonly subtotalMinor: string;
  readonly taxMinor: string;
  readonly totalMinor: string;
  readonly paymentReference?: string;
  readonly poReference?: string;
  readonly notes?: string;
}
