// Go sorts map keys by their UTF-8 bytes, which is code-point order. JS `<` compares UTF-16 code
// units, which disagrees when a surrogate (astral character) meets U+E000..U+FFFF. Remapping the
// two ranges at the first differing unit restores code-point order without decoding.

function rank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}

/** Negative, zero or positive as `a` sorts before, equal to or after `b` in UTF-8 byte order. */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return rank(x) - rank(y);
  }
  return a.length - b.length;
}
