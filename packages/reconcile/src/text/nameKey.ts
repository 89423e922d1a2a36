// Legal-form words carry no identity ("ACME GmbH" pays as "ACME").
const STOP = new Set([
  'AG',
  'BV',
  'BVBA',
  'CO',
  'CORP',
  'CORPORATION',
  'GMBH',
  'INC',
  'KG',
  'LLC',
  'LTD',
  'LIMITED',
  'NV',
  'OY',
  'PLC',
  'SA',
  'SARL',
  'SAS',
  'SPA',
  'SRL',
  'THE',
  'UG',
  'AB',
  'AS',
  'SE',
  'OHG',
  'EK',
  'UND',
  'AND',
  'ET',
  // Group words banks and payment factories add or drop ("ACME Group Shared Services").
  'GROUP',
  'GRUPPE',
  'INTERNATIONAL',
  'INTL',
  'SHARED',
  'SERVICES',
  'COMPANY',
  'MBH',
  'EV',
]);

/**
 * Upper case with umlauts and sharp s in one canonical form, whether the bank transliterated
 * them (`MUELLER`, `STRASSE`) or folded them (`MULLER`): both sides become `MULLER`, `STRASSE`.
 */
function canonical(name: string): string {
  return name
    .replace(/ß/g, 'SS')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/([A-Z])E/g, (m, c: string) => (c === 'A' || c === 'O' || c === 'U' ? c : m));
}

/**
 * Sorted set of significant name tokens (upper case, accents folded, legal forms dropped).
 *
 * @example
 * ```ts
 * nameTokens('Müller & Söhne GmbH'); // ['MULLER', 'SOHNE'] (as MUELLER + SOEHNE would give)
 * ```
 */
export function nameTokens(name: string): string[] {
  const tokens = new Set<string>();
  for (const m of canonical(name).matchAll(/[A-Z0-9]+/g))
    if (!STOP.has(m[0]) && m[0].length > 1) tokens.add(m[0]);
  return [...tokens].sort();
}

/**
 * True when a printed name has a length banks cut names at (27 characters in an MT940 `?32`
 * subfield, 35 in SEPA and SWIFT fields, or twice either), so its last word may be cut short.
 *
 * @example
 * ```ts
 * looksTruncated('MUELLER + SOEHNE MASCHINENB'); // true
 * ```
 */
export function looksTruncated(name: string): boolean {
  const n = name.trim().length;
  return n === 27 || n === 35 || n === 54 || n === 70;
}

/**
 * Tokens of a printed name in order, with the last one marked as a possible prefix when the
 * name looks truncated; a cut legal form (`GMB`) is dropped.
 *
 * @example
 * ```ts
 * printedTokens('MUELLER UND SOEHNE MASCHINENBAU GMB'); // { tokens: ['MULLER', 'SOHNE', 'MASCHINENBAU'], prefix: false }
 * ```
 */
export function printedTokens(name: string): { tokens: string[]; prefix: boolean } {
  const raw = [...canonical(name).matchAll(/[A-Z0-9]+/g)].map((m) => m[0]);
  let prefix = looksTruncated(name);
  if (prefix) {
    const last = raw[raw.length - 1] ?? '';
    if ([...STOP].some((w) => w.startsWith(last) && w !== last) || STOP.has(last)) {
      raw.pop();
      prefix = false;
    }
  }
  const tokens = raw.filter((t, k) => (!STOP.has(t) || (prefix && k === raw.length - 1)) && t.length > 1);
  return { tokens: [...new Set(tokens)], prefix };
}

/**
 * Normalised name used as an alias key: significant tokens joined by one space.
 *
 * @example
 * ```ts
 * nameKey('ACME Corp.'); // 'ACME'
 * ```
 */
export function nameKey(name: string): string {
  return nameTokens(name).join(' ');
}

/**
 * Token-set similarity of two names in [0, 1]: shared tokens over the smaller token set, damped
 * by the Dice coefficient so a single shared common word does not look like a match.
 *
 * @example
 * ```ts
 * nameSimilarity('ACME Trading GmbH', 'Acme Trading'); // 1
 * ```
 */
export function nameSimilarity(a: string, b: string): number {
  return tokenSimilarity(nameTokens(a), nameTokens(b));
}

/**
 * {@link nameSimilarity} on token lists already computed (the index keeps each payer's).
 *
 * @example
 * ```ts
 * tokenSimilarity(['ACME', 'TRADING'], ['ACME', 'TRADING']); // 1
 * ```
 */
export function tokenSimilarity(ta: readonly string[], tbList: readonly string[]): number {
  if (ta.length === 0 || tbList.length === 0) return 0;
  let shared = 0;
  for (const t of ta) if (tbList.includes(t)) shared++;
  const containment = shared / Math.min(ta.length, tbList.length);
  const dice = (2 * shared) / (ta.length + tbList.length);
  return Math.round(((containment + dice) / 2) * 1000) / 1000;
}
