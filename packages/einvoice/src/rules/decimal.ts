// Exact signed decimal arithmetic on strings (bigint underneath): money never goes through floats.

/** A decimal as an integer `units` scaled by 10^-scale. */
export interface Dec {
  readonly units: bigint;
  readonly scale: number;
}

const DEC = /^([+-]?)(\d{1,30})(?:\.(\d{1,18}))?$/;

/** Parses "-12.50" exactly; undefined when the text is not a plain decimal. */
export function dec(text: string): Dec | undefined {
  const m = DEC.exec(text);
  if (!m) return undefined;
  const frac = m[3] ?? '';
  const units = BigInt(`${m[2]}${frac}`);
  return { units: m[1] === '-' ? -units : units, scale: frac.length };
}

function rescale(a: Dec, scale: number): bigint {
  return a.units * 10n ** BigInt(scale - a.scale);
}

/** a + b, exactly. */
export function add(a: Dec, b: Dec): Dec {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) + rescale(b, scale), scale };
}

/** a - b, exactly. */
export function sub(a: Dec, b: Dec): Dec {
  return add(a, { units: -b.units, scale: b.scale });
}

/** a x b, exactly. */
export function mul(a: Dec, b: Dec): Dec {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

/** a / b rounded half away from zero to `scale` decimals (b must not be zero). */
export function divRound(a: Dec, b: Dec, scale: number): Dec {
  // a/b = (a.units / 10^as) / (b.units / 10^bs); scaled by 10^scale.
  let num = a.units * 10n ** BigInt(scale + b.scale);
  let den = b.units * 10n ** BigInt(a.scale);
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const neg = num < 0n;
  const abs = neg ? -num : num;
  const q = (abs * 2n + den) / (2n * den);
  return { units: neg ? -q : q, scale };
}

/** Rounds half away from zero to `scale` decimals (EN 16931 rounds amounts to 2). */
export function round(a: Dec, scale: number): Dec {
  if (a.scale <= scale) return a;
  return divRound(a, { units: 1n, scale: 0 }, scale);
}

/** Compares exactly: negative, zero or positive. */
export function cmp(a: Dec, b: Dec): number {
  const d = sub(a, b).units;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** Canonical text: no trailing fractional zeros, "-0" never. */
export function show(a: Dec): string {
  const neg = a.units < 0n;
  let digits = (neg ? -a.units : a.units).toString().padStart(a.scale + 1, '0');
  let s = a.scale ? `${digits.slice(0, -a.scale)}.${digits.slice(-a.scale)}` : digits;
  if (a.scale) s = s.replace(/\.?0+$/, '');
  digits = s;
  return neg && digits !== '0' ? `-${digits}` : digits;
}

/** Zero. */
export const ZERO: Dec = { units: 0n, scale: 0 };
