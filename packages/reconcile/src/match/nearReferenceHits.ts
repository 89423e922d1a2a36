// Invoice numbers with one typo: a transposed pair or a substituted non-digit resolves to an open item
// only when the line identifies the payer and exactly one of that payer's open items is one edit
// away; a number that names any known item exactly is never "corrected", and a digit keyed for
// another digit (INV-2001 for INV-1001) is another number of the series, not a typo.
import type { BankTransaction } from '../model/BankTransaction.js';
import { referenceKey } from '../text/referenceKey.js';
import { type Evidence, evidence } from './Evidence.js';
import type { LineContext } from './LineContext.js';
import { maskNonReferences } from './scanFreeText.js';

const MAX_ITEMS = 500;

/**
 * True when `a` and `b` have the same length and differ by one substituted character or one
 * swap of neighbours.
 *
 * @example
 * ```ts
 * oneEdit('INV123', 'INV132'); // true
 * oneEdit('INV123', 'INV321'); // false
 * ```
 */
export function oneEdit(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let first = -1;
  let diffs = 0;
  for (let k = 0; k < a.length; k++) {
    if (a[k] !== b[k]) {
      if (++diffs > 2) return false;
      if (first < 0) first = k;
    }
  }
  if (diffs === 1) return true;
  return a[first + 1] !== b[first + 1] && a[first] === b[first + 1] && a[first + 1] === b[first];
}

/**
 * True when `a` and `b` differ only by one swap of neighbouring characters, the usual keying slip
 * (`INV1010` for `INV1001`).
 *
 * @example
 * ```ts
 * isTransposition('INV1010', 'INV1001'); // true
 * isTransposition('INV2001', 'INV1001'); // false
 * ```
 */
export function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let first = -1;
  for (let k = 0; k < a.length; k++)
    if (a[k] !== b[k]) {
      first = k;
      break;
    }
  return a[first] === b[first + 1] && a[first + 1] === b[first] && a.slice(first + 2) === b.slice(first + 2);
}

/** One edit that is not a digit keyed for another digit: that would be a different number of the series. */
function typoOf(a: string, b: string): boolean {
  if (!oneEdit(a, b)) return false;
  if (isTransposition(a, b)) return true;
  const k = [...a].findIndex((ch, j) => ch !== b[j]);
  return !(/\d/.test(a[k] ?? '') && /\d/.test(b[k] ?? ''));
}

/**
 * Adds `INVOICE_NUMBER_NEAR` hits for tokens of the line's free text that are one edit away from
 * exactly one open item of the single identified payer. Only runs when the text names none of
 * that payer's items exactly.
 *
 * @example
 * ```ts
 * nearReferenceHits(tx, ctx, payerIds, refHits);
 * ```
 */
export function nearReferenceHits(
  tx: BankTransaction,
  ctx: LineContext,
  payerIds: readonly string[],
  refHits: Map<number, Evidence>,
): void {
  if (payerIds.length !== 1) return;
  const info = ctx.index.payers.get(payerIds[0] ?? '');
  if (info === undefined || info.items.length > MAX_ITEMS) return;
  const invoices = ctx.index.invoices;
  for (const i of refHits.keys()) if (invoices[i]?.payerId === info.payerId) return;
  const texts: [string, string][] = [];
  if (tx.endToEndId) texts.push(['endToEndId', tx.endToEndId]);
  if (tx.remittanceText.length) texts.push(['remittanceText', tx.remittanceText.join(' ')]);
  // Tokens that could be a mistyped number; most texts ("payment") have none.
  const tokens: [string, string, string, string][] = [];
  for (const [field, text] of texts) {
    for (const token of maskNonReferences(text).split(/\s+/)) {
      const compact = token.toUpperCase().replace(/[^A-Z0-9]/g, '');
      if (compact.length < 5 || !/\d/.test(compact)) continue;
      const key = referenceKey(token);
      // It names some item exactly (maybe settled, maybe another payer's): not a typo.
      if (ctx.index.byNumberKey.has(key) || ctx.index.byCompactKey.has(compact)) continue;
      tokens.push([field, token, compact, key]);
    }
  }
  if (tokens.length === 0) return;
  const open = info.items.filter((i) => ctx.open.get(i) > 0 && invoices[i]?.kind !== 'credit-note');
  const forms = open.map((i) => {
    const n = invoices[i]?.invoiceNumber ?? '';
    return [n.toUpperCase().replace(/[^A-Z0-9]/g, ''), referenceKey(n)] as const;
  });
  for (const [field, token, compact, key] of tokens) {
    const near = open.filter((_, k) => {
      const [c, r] = forms[k] ?? ['', ''];
      return oneEdit(compact, c) || oneEdit(key, r);
    });
    // Unique among every one-edit neighbour, and a slip rather than another number of the series.
    const only = near.length === 1 ? near[0] : undefined;
    if (only === undefined || refHits.has(only)) continue;
    const [c, r] = forms[open.indexOf(only)] ?? ['', ''];
    if (typoOf(compact, c) || typoOf(key, r))
      refHits.set(
        only,
        evidence(
          'text',
          'INVOICE_NUMBER_NEAR',
          field,
          `${token} is one edit from ${invoices[only]?.invoiceNumber}, the only such open item of the payer`,
        ),
      );
  }
}
