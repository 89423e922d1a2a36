// The form of an invoice number with its serial part left out, so that a number of the same
// series written in a remittance text can be told apart from a different kind of token.

/**
 * Shape of a number: upper case, separators next to letters dropped, the last digit run as `#`
 * (`INV-1001` and `INV 10` give `INV#`, `2026-00123` gives `2026-#`), with the length of that run.
 * Undefined for tokens that do not end in digits or have nothing before them.
 *
 * @example
 * ```ts
 * numberShape('INV-2001'); // { shape: 'INV#', serial: '2001' }
 * ```
 */
export function numberShape(token: string): { shape: string; serial: string } | undefined {
  const t = token
    .toUpperCase()
    .replace(/[^A-Z0-9\s._/-]/g, '')
    .replace(/[\s._/-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const m = /^(.*?)(\d+)$/.exec(t);
  if (m === null) return undefined;
  const head = (m[1] ?? '').replace(/-(?=[A-Z])|(?<=[A-Z])-/g, '');
  if (head.replace(/-/g, '') === '') return undefined;
  return { shape: `${head}#`, serial: m[2] ?? '' };
}

/**
 * True when `token` reads as another number of the same series as `number`: the same shape, a
 * different serial, and (for all-digit series such as `2026-00123`, where dates and periods look
 * alike) a serial at most one digit longer or shorter.
 *
 * @example
 * ```ts
 * sameSeriesOther('INV-10', 'INV-1'); // true
 * sameSeriesOther('INV-1', 'INV-1'); // false
 * ```
 */
export function sameSeriesOther(token: string, number: string): boolean {
  const a = numberShape(token);
  const b = numberShape(number);
  if (a === undefined || b === undefined || a.shape !== b.shape) return false;
  if (a.serial.replace(/^0+/, '') === b.serial.replace(/^0+/, '')) return false;
  if (/[A-Z]/.test(a.shape)) return true;
  return Math.abs(a.serial.length - b.serial.length) <= 1;
}
