// Internal exact decimal arithmetic on non-negative decimal strings, in bigint.

/** A non-negative decimal as digits and a scale: value = digits / 10^scale. */
export interface Decimal {
  readonly digits: bigint;
  readonly scale: number;
}

/** Parses a non-negative plain decimal string ("12", "1.25"); the caller has checked the format. */
export function parseDecimal(text: string): Decimal {
  const [whole = '0', fraction = ''] = text.split('.');
  return { digits: BigInt(whole + fraction), scale: fraction.length };
}

/** round-half-up(numerator / denominator) for non-negative bigints. */
export function divRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/** round-half-up(a x b) to an integer. */
export function multiplyRoundHalfUp(a: Decimal, b: Decimal): bigint {
  return divRoundHalfUp(a.digits * b.digits, 10n ** BigInt(a.scale + b.scale));
}
