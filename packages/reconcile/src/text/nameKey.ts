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
]);

/**
 * Sorted set of significant name tokens (upper case, accents folded, legal forms dropped).
 *
 * @example
 * ```ts
 * nameTokens('Müller & Söhne GmbH'); // ['MULLER', 'SOHNE']
 * ```
 */
export function nameTokens(name: string): string[] {
  const folded = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase();
  const tokens = new Set<string>();
  for (const m of folded.matchAll(/[A-Z0-9]+/g)) if (!STOP.has(m[0]) && m[0].length > 1) tokens.add(m[0]);
  return [...tokens].sort();
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
  const ta = nameTokens(a);
  const tb = new Set(nameTokens(b));
  if (ta.length === 0 || tb.size === 0) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  const containment = shared / Math.min(ta.length, tb.size);
  const dice = (2 * shared) / (ta.length + tb.size);
  return Math.round(((containment + dice) / 2) * 1000) / 1000;
}
