/**
 * Normalised comparison key of an invoice number or reference: upper case, only letters and
 * digits, leading zeros dropped from each digit run. `INV-2024/00123`, `inv 2024 123` and
 * `INV2024123` all give `INV2024123`.
 *
 * @example
 * ```ts
 * referenceKey('inv-2024/00123'); // 'INV2024123'
 * ```
 */
export function referenceKey(text: string): string {
  return referenceRuns(text).join('');
}

/**
 * Splits text into maximal runs of letters or digits (upper-cased, digit runs without leading
 * zeros). Free text is searched by joining consecutive runs, so separators never matter.
 *
 * @example
 * ```ts
 * referenceRuns('Inv.2024-0012, thanks'); // ['INV', '2024', '12', 'THANKS']
 * ```
 */
export function referenceRuns(text: string): string[] {
  const runs: string[] = [];
  const re = /[0-9]+|[A-Za-z\u00C0-\u024F]+/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const run = m[0];
    if (run.charCodeAt(0) <= 57) runs.push(run.replace(/^0+(?=\d)/, ''));
    else runs.push(run.toUpperCase());
  }
  return runs;
}

/**
 * Digits-only key of an invoice number: its last digit run without leading zeros, or `''` when
 * that is shorter than 4 digits (short digit groups collide too easily, see Odoo #39005). Payers
 * often write `104233` for invoice `INV-104233`.
 *
 * @example
 * ```ts
 * digitsKey('INV-0104233'); // '104233'
 * ```
 */
export function digitsKey(text: string): string {
  let last = '';
  for (const m of text.matchAll(/[0-9]+/g)) last = m[0].replace(/^0+(?=\d)/, '');
  return last.length >= 4 ? last : '';
}
