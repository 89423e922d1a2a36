import { currencyExponent } from '@quidfin/core';

export type { BankTransaction } from '../../src/index.js';

/** Minor units as a decimal string with the currency's exponent (test support). */
export function currencyDecimal(minor: number, currency: string): string {
  const exp = currencyExponent(currency) ?? 2;
  const s = String(minor).padStart(exp + 1, '0');
  return exp === 0 ? s : `${s.slice(0, -exp)}.${s.slice(-exp)}`;
}
