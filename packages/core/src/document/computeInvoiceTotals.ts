import { divRoundHalfUp, multiplyRoundHalfUp, parseDecimal } from '../money/decimalMath.js';

/**
 * The line amounts and totals a document must carry, computed exactly in bigint.
 *
 * @example
 * ```ts
 * const t: InvoiceTotals = { lineAmountsMinor: ['2000'], lineTaxesMinor: ['200'], subtotalMinor: '2000', taxMinor: '200', totalMinor: '2200' };
 * ```
 */
export interface InvoiceTotals {
  readonly lineAmountsMinor: readonly string[];
  readonly lineTaxesMinor: readonly string[];
  readonly subtotalMinor: string;
  readonly taxMinor: string;
  readonly totalMinor: string;
}

/**
 * Computes line amounts (quantity x unit price, rounded half-up to the minor unit per line),
 * per-line tax (amount x taxRateBps / 10000, rounded half-up per line), subtotal, tax and
 * total, as integer minor-unit decimal strings. Inputs must already be well-formed
 * non-negative decimal strings (see {@link parseInvoiceDocument}).
 *
 * @example
 * ```ts
 * computeInvoiceTotals([{ quantity: '1.5', unitPriceMinor: '1001', taxRateBps: 2000 }]);
 * // { lineAmountsMinor: ['1502'], lineTaxesMinor: ['300'], subtotalMinor: '1502', taxMinor: '300', totalMinor: '1802' }
 * ```
 */
export function computeInvoiceTotals(
  lines: readonly {
    readonly quantity: string;
    readonly unitPriceMinor: string;
    readonly taxRateBps: number;
  }[],
): InvoiceTotals {
  const amounts = lines.map((l) =>
    multiplyRoundHalfUp(parseDecimal(l.quantity), parseDecimal(l.unitPriceMinor)),
  );
  const taxes = lines.map((l, i) => divRoundHalfUp((amounts[i] ?? 0n) * BigInt(l.taxRateBps), 10_000n));
  const subtotal = amounts.reduce((s, a) => s + a, 0n);
  const tax = taxes.reduce((s, t) => s + t, 0n);
  return {
    lineAmountsMinor: amounts.map(String),
    lineTaxesMinor: taxes.map(String),
    subtotalMinor: String(subtotal),
    taxMinor: String(tax),
    totalMinor: String(subtotal + tax),
  };
}
