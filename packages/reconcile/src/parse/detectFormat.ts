// Tells camt XML, BAI2 and MT940 apart from the start of a file.

/**
 * `'camt'`, `'bai2'`, `'mt940'` or `undefined` for the first characters of a file (at least the
 * first 512, or the whole file when shorter).
 *
 * @example
 * ```ts
 * detectFormat('01,BANK,CUST,260302,1200,1,,,2/'); // 'bai2'
 * ```
 */
export function detectFormat(start: string): 'camt' | 'bai2' | 'mt940' | undefined {
  const head = start.trimStart().slice(0, 512);
  if (head.startsWith('<')) return 'camt';
  if (/^01,/.test(head)) return 'bai2';
  if (
    /(^|\n|\{4:\s*\n?):20:/.test(head) ||
    /^:940:|^[A-Z]{6}[A-Z0-9]{2,5}\s*\n940/.test(head) ||
    /\n:20:/.test(start.slice(0, 4096))
  )
    return 'mt940';
  return undefined;
}
