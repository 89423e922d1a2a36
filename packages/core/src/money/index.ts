// Money layer of @quidfin/core: integer minor units, parsing and formatting, currencies, IBANs.
export { allocateMinor } from './allocateMinor.js';
export { type CurrencyCode, currencyExponent, ISO_4217_EXPONENTS, isCurrencyCode } from './currencies.js';
export { formatMoney } from './formatMoney.js';
export { isValidIban } from './iban.js';
export {
  assertSafeMinor,
  exponentOf,
  type Money,
  minorFromBigInt,
  minorToBigInt,
  requireCurrency,
} from './Money.js';
export { addMinor, subtractMinor, sumMinor } from './moneyArithmetic.js';
export { parseMoney } from './parseMoney.js';
export { toDecimalString } from './toDecimalString.js';
