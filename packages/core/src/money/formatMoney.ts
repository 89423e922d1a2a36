import { exponentOf } from './Money.js';
import { toDecimalString } from './toDecimalString.js';

/**
 * Formats an integer minor amount for people, with the currency's own number of decimals,
 * using `Intl.NumberFormat`. The amount is handed to Intl as an exact decimal string, never
 * divided as a float, so large amounts do not drift.
 *
 * @example
 * ```ts
 * formatMoney(123456, 'USD', 'en-US'); // '$1,234.56'
 * formatMoney(123456, 'EUR', 'de-DE'); // '1.234,56 €'
 * formatMoney(1500, 'JPY', 'ja-JP');   // '￥1,500'
 * ```
 */
export function formatMoney(amountMinor: number | bigint, currency: string, locale?: string): string {
  const exponent = exponentOf(currency);
  const decimal = toDecimalString(amountMinor, currency);
  const format = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  });
  // ES2023 Intl formats numeric strings exactly; lib es2022 typings only know number | bigint.
  return (format.format as unknown as (value: string) => string)(decimal);
}
