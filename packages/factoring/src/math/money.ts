// Integer helpers for minor units and basis points. Products that would leave the exact range of a
// double fall back to BigInt, so every result is exact whatever the amount.

const MAX = Number.MAX_SAFE_INTEGER;

/**
 * `floor(a * b / d)` for non-negative safe integers, exact.
 *
 * @example
 * ```ts
 * mulDivFloor(5_000_000, 8_500, 10_000); // 4_250_000
 * ```
 */
export function mulDivFloor(a: number, b: number, d: number): number {
  const p = a * b;
  if (p <= MAX) {
    let q = Math.floor(p / d);
    // The double division can land one off when p/d sits next to an integer.
    if (q * d > p) q--;
    else if ((q + 1) * d <= p) q++;
    return q;
  }
  return Number((BigInt(a) * BigInt(b)) / BigInt(d));
}

/**
 * `ceil(a * b / d)` for non-negative safe integers, exact.
 *
 * @example
 * ```ts
 * mulDivCeil(1, 1, 3); // 1
 * ```
 */
export function mulDivCeil(a: number, b: number, d: number): number {
  const p = a * b;
  if (p <= MAX) {
    const q = mulDivFloor(a, b, d);
    return q * d === p ? q : q + 1;
  }
  const big = BigInt(a) * BigInt(b);
  const bd = BigInt(d);
  const q = big / bd;
  return Number(q * bd === big ? q : q + 1n);
}

/**
 * Clamps an integer into `[lo, hi]`.
 *
 * @example
 * ```ts
 * clampInt(12_000, 0, 10_000); // 10_000
 * ```
 */
export function clampInt(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

/**
 * Converts a 0..1 trust level to parts per million, rounding half up (the only float-to-integer step
 * outside the proof-of-concept preset).
 *
 * @example
 * ```ts
 * trustToPpm(0.81); // 810_000
 * ```
 */
export function trustToPpm(level: number): number {
  return Math.floor(level * 1_000_000 + 0.5);
}
