import type { BankTransaction } from '../model/BankTransaction.js';
import { isValidRfReference, repairRfReference } from '../refs/iso11649.js';
import { referenceKey } from '../text/referenceKey.js';
import { type Evidence, type EvidenceCode, evidence } from './Evidence.js';
import { type InvoiceIndex, postings } from './InvoiceIndex.js';
import type { LineContext } from './LineContext.js';
import { scanFreeText } from './scanFreeText.js';

const RF_IN_TEXT = /\bRF\d{2}(?: ?[0-9A-Z]){1,21}/gi;

/**
 * Tiers 1, 1b and 2 for one line: structured references, RF references in free text, then
 * invoice-number windows in free text (see {@link scanFreeText}); `payerIds` are the payers
 * the line identifies (bare digit groups count only for them). Returns the strongest reference evidence per invoice
 * position; problems worth telling the user about go to `notes`.
 *
 * @example
 * ```ts
 * const refHits = collectReferenceHits(tx, ctx, notes, payerIds);
 * ```
 */
export function collectReferenceHits(
  tx: BankTransaction,
  ctx: LineContext,
  notes: string[],
  payerIds: readonly string[] = [],
): Map<number, Evidence> {
  const { index } = ctx;
  const refHits = new Map<number, Evidence>();
  const hit = (i: number, e: Evidence): void => {
    const prev = refHits.get(i);
    if (prev === undefined || e.weight > prev.weight) refHits.set(i, e);
  };
  const knownRf = { has: (r: string): boolean => index.byPaymentRef.has(r) };

  // Tier 1: structured references.
  tx.creditorReferences.forEach((ref, k) => {
    const field = `creditorReferences[${k}]`;
    const c = ref.replace(/[\s-]+/g, '').toUpperCase();
    if (/^RF\d{2}/.test(c)) {
      if (isValidRfReference(c)) {
        for (const i of postings(index.byPaymentRef.get(c)))
          hit(i, evidence('reference', 'RF_REFERENCE', field, c));
        if (!index.byPaymentRef.has(c)) notes.push(`RF reference ${c} is valid but unknown`);
      } else {
        const fixed = repairRfReference(c, knownRf);
        if (fixed)
          for (const i of postings(index.byPaymentRef.get(fixed.reference)))
            hit(i, evidence('reference', 'RF_REFERENCE_REPAIRED', field, `${c} -> ${fixed.reference}`));
        else notes.push(`RF reference ${c} fails its check digits and has no unique repair`);
      }
      return;
    }
    for (const i of postings(index.byPaymentRef.get(c)))
      hit(i, evidence('reference', 'STRUCTURED_REFERENCE', field, c));
    const key = referenceKey(ref);
    for (const i of postings(index.byNumberKey.get(key)))
      hit(i, evidence('reference', 'STRUCTURED_REFERENCE', field, ref));
  });
  tx.referredDocuments.forEach((d, k) => {
    for (const i of postings(index.byNumberKey.get(referenceKey(d.number))))
      hit(i, evidence('reference', 'REFERRED_DOCUMENT', `referredDocuments[${k}]`, d.number));
  });

  // Tier 1b/2: references in free text (RF first, then invoice-number windows).
  const texts: [string, string, EvidenceCode][] = [];
  if (tx.endToEndId) texts.push(['endToEndId', tx.endToEndId, 'INVOICE_NUMBER_IN_END_TO_END_ID']);
  if (tx.remittanceText.length)
    texts.push(['remittanceText', tx.remittanceText.join(' '), 'INVOICE_NUMBER_IN_TEXT']);
  if (tx.otherReferences.length)
    texts.push(['otherReferences', tx.otherReferences.join(' '), 'INVOICE_NUMBER_IN_TEXT']);
  if (tx.additionalInfo.length)
    texts.push(['additionalInfo', tx.additionalInfo.join(' '), 'INVOICE_NUMBER_IN_TEXT']);
  for (const [field, text, code] of texts) {
    scanRf(text, field, index, ctx.rfLengths, knownRf, hit);
    scanFreeText(text, field, code, index, payerIds, hit);
  }
  return refHits;
}

function scanRf(
  text: string,
  field: string,
  index: InvoiceIndex,
  rfLengths: ReadonlySet<number>,
  known: { has(r: string): boolean },
  hit: (i: number, e: Evidence) => void,
): void {
  if (!/RF\d\d/i.test(text)) return;
  for (const m of text.matchAll(RF_IN_TEXT)) {
    const c = m[0].replace(/ /g, '').toUpperCase();
    let matched = false;
    for (let len = c.length; len >= 5 && !matched; len--) {
      const p = c.slice(0, len);
      if (isValidRfReference(p) && index.byPaymentRef.has(p)) {
        for (const i of postings(index.byPaymentRef.get(p)))
          hit(i, evidence('reference', 'RF_REFERENCE_IN_TEXT', field, p));
        matched = true;
      }
    }
    for (let len = c.length; len >= 5 && !matched; len--) {
      if (!rfLengths.has(len)) continue;
      const fixed = repairRfReference(c.slice(0, len), known);
      if (fixed?.repaired) {
        for (const i of postings(index.byPaymentRef.get(fixed.reference)))
          hit(
            i,
            evidence('reference', 'RF_REFERENCE_REPAIRED', field, `${c.slice(0, len)} -> ${fixed.reference}`),
          );
        matched = true;
      }
    }
  }
}
