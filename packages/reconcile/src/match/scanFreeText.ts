// Invoice numbers in free text, with guards against digit fragments (Odoo #39005): only whole
// tokens count, never a run inside a hash; amounts and dates are masked; a year is never a
// reference; a bare digit group counts only for the payer the line already identifies.
import { type Evidence, type EvidenceCode, evidence } from './Evidence.js';
import { type InvoiceIndex, postings } from './InvoiceIndex.js';

const AMOUNT = /(?<![\dA-Za-z])\d{1,3}(?:[.,' ]\d{3})*[.,]\d{2}(?!\d)/g;
const DATE = /(?<![\dA-Za-z])(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2})(?!\d)/g;
const YEAR = /^(19|20)\d\d$/;
const ALNUM = /[0-9A-Za-z\u00C0-\u024F]/;

interface Run {
  readonly v: string;
  readonly raw: string;
  readonly s: number;
  readonly e: number;
  readonly digit: boolean;
}

function runsOf(text: string): Run[] {
  const out: Run[] = [];
  const re = /[0-9]+|[A-Za-z\u00C0-\u024F]+/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const raw = m[0];
    const digit = raw.charCodeAt(0) <= 57;
    out.push({
      v: digit ? raw.replace(/^0+(?=\d)/, '') : raw.toUpperCase(),
      raw: raw.toUpperCase(),
      s: m.index,
      e: m.index + raw.length,
      digit,
    });
  }
  return out;
}

/**
 * Masks amounts (`1.234,56`) and dates (`15.03.2026`, `2026-03-15`) with spaces: their digits are
 * never references.
 *
 * @example
 * ```ts
 * maskNonReferences('Betrag 1.234,56 EUR'); // 'Betrag          EUR'
 * ```
 */
export function maskNonReferences(text: string): string {
  const blank = (m: string): string => ' '.repeat(m.length);
  return text.replace(AMOUNT, blank).replace(DATE, blank);
}

/**
 * Reads `O` written for `0` next to digits as `0` (`INV-2O26-OO123` as `INV-2026-00123`).
 *
 * @example
 * ```ts
 * zeroForO('INV-2O26-OO123'); // 'INV-2026-00123'
 * ```
 */
export function zeroForO(text: string): string {
  let out = text;
  for (let k = 0; k < 4; k++) {
    const next = out.replace(/(?<=\d)[Oo]|[Oo](?=\d)/g, '0');
    if (next === out) break;
    out = next;
  }
  return out;
}

/**
 * Scans one free-text field for invoice numbers, PO numbers and digit groups; calls `hit` with
 * evidence for each open item found. `payerIds` are the payers the line identifies.
 *
 * @example
 * ```ts
 * scanFreeText('Rechnung INV-2026-00018', 'remittanceText', 'INVOICE_NUMBER_IN_TEXT', index, [], hit);
 * ```
 */
export function scanFreeText(
  text: string,
  field: string,
  code: EvidenceCode,
  index: InvoiceIndex,
  payerIds: readonly string[],
  hit: (i: number, e: Evidence) => void,
): void {
  // Every key the index holds has a digit: a text without one (or an O beside one) names nothing.
  const hasDigit = /\d/.test(text);
  if (!hasDigit && !/[Oo]/.test(text)) return;
  const clipped = text.length > 2000 ? text.slice(0, 2000) : text;
  if (hasDigit) scanOnce(maskNonReferences(clipped), field, code, index, payerIds, hit);
  if (!/\d[Oo]|[Oo]\d|[Oo]{2}/.test(clipped)) return;
  const variant = zeroForO(clipped);
  if (variant !== clipped)
    scanOnce(maskNonReferences(variant), field, 'INVOICE_NUMBER_VARIANT', index, payerIds, hit);
}

function scanOnce(
  text: string,
  field: string,
  code: EvidenceCode,
  index: InvoiceIndex,
  payerIds: readonly string[],
  hit: (i: number, e: Evidence) => void,
): void {
  const runs = runsOf(text);
  const known = (i: number): boolean => payerIds.includes(index.invoices[i]?.payerId ?? '');
  for (let a = 0; a < runs.length; a++) {
    const start = runs[a] as Run;
    // A reference starts at a token boundary: never inside a hash or a longer word.
    if (start.s > 0 && ALNUM.test(text[start.s - 1] ?? '')) continue;
    let key = '';
    let raw = '';
    let hasDigit = false;
    let allDigits = true;
    for (let b = a; b < runs.length && b < a + index.maxKeyRuns; b++) {
      const run = runs[b] as Run;
      if (b > a) {
        const prev = runs[b - 1] as Run;
        const gap = text.slice(prev.e, run.s);
        if (gap.length > 3) break;
        // Digits joined across a decimal mark are an amount, not a number.
        if (prev.digit && run.digit && (gap.includes(',') || (gap.includes('.') && run.raw.length === 2)))
          break;
      }
      key += run.v;
      raw += run.raw;
      hasDigit ||= run.digit;
      allDigits &&= run.digit;
      if (key.length > 40) break;
      const endsToken = run.e >= text.length || !ALNUM.test(text[run.e] ?? '');
      if (!endsToken || !hasDigit || key.length < 4) continue;
      if (allDigits && b === a && YEAR.test(run.raw)) continue;
      for (const i of postings(index.byNumberKey.get(key)))
        if (!allDigits || key.length >= 6 || known(i)) hit(i, evidence('text', code, field, key));
      for (const i of postings(index.byCompactKey.get(raw))) hit(i, evidence('text', code, field, raw));
      for (const i of postings(index.byPoKey.get(key)))
        hit(i, evidence('text', 'PO_NUMBER_IN_TEXT', field, key));
      if (allDigits) {
        const tails = b > a ? [key, raw] : [run.v];
        for (const t of tails)
          for (const i of postings(index.byTail.get(t)))
            hit(i, evidence('text', 'INVOICE_NUMBER_VARIANT', field, `${t} (number without its prefix)`));
        if (b === a && run.v.length >= 4) {
          const list = postings(index.byDigits.get(run.v)).filter(known);
          if (list.length <= 3)
            for (const i of list) hit(i, evidence('text', 'DIGITS_IN_TEXT', field, run.v));
        }
      }
    }
  }
}
