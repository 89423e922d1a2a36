// Minimal internal equivalent of core's exponent table (core's invoice module had not landed).
// Only currencies whose exponent is not 2 are listed; every other ISO 4217 code uses 2.
const NON_TWO: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

/**
 * Number of minor-unit digits of an ISO 4217 currency (EUR 2, JPY 0, BHD 3), or `undefined`
 * when `currency` is not three capital letters.
 *
 * @example
 * ```ts
 * currencyExponent('BHD'); // 3
 * ```
 */
export function currencyExponent(currency: string): number | undefined {
  if (!/^[A-Z]{3}$/.test(currency)) return undefined;
  return NON_TWO[currency] ?? 2;
}
