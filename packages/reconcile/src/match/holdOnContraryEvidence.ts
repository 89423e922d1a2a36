// Precision before recall: a proposal whose evidence conflicts, or whose only support is thin,
// is shown to a person however high its score.
import type { BankTransaction } from '../model/BankTransaction.js';
import { isStaleFxRate } from '../money/findFxRate.js';
import { isValidRfReference } from '../refs/iso11649.js';
import { referenceKey } from '../text/referenceKey.js';
import { paidBeforeIssue } from './dateEvidence.js';
import { daysBetween } from './dates.js';
import { confidenceOf, type Evidence, type EvidenceCode, evidence } from './Evidence.js';
import { postings } from './InvoiceIndex.js';
import type { LineContext } from './LineContext.js';
import { isTransposition } from './nearReferenceHits.js';
import { sameSeriesOther } from './numberShape.js';
import type { AutoBlock, PlannedProposal } from './PlannedProposal.js';
import { maskNonReferences } from './scanFreeText.js';

/**
 * Evidence that names one document outright. A typo'd, repaired or bare-digit hit does not, nor
 * does a variant (a number without its prefix fits every series that ends the same way).
 */
const NAMING: ReadonlySet<EvidenceCode> = new Set<EvidenceCode>([
  'RF_REFERENCE',
  'RF_REFERENCE_IN_TEXT',
  'STRUCTURED_REFERENCE',
  'REFERRED_DOCUMENT',
  'INVOICE_NUMBER_IN_END_TO_END_ID',
  'INVOICE_NUMBER_IN_TEXT',
]);

/** Evidence that the line refers to the item itself, not only to its payer and amount. */
const REFERENCE_TIERS: ReadonlySet<string> = new Set(['reference', 'text', 'remittance']);
const WEAK_REFERENCES: ReadonlySet<EvidenceCode> = new Set<EvidenceCode>([
  'INVOICE_NUMBER_NEAR',
  'RF_REFERENCE_REPAIRED',
]);
const PAYER_FACTS: ReadonlySet<EvidenceCode> = new Set<EvidenceCode>([
  'PAYER_ACCOUNT',
  'PAYER_NAME_EXACT',
  'PAYER_NAME_FUZZY',
  'CUSTOMER_NUMBER_IN_TEXT',
]);
/** Value and booking dates further apart than this are a typo or a forgery, not a bank's practice. */
const MAX_VALUE_DATE_GAP_DAYS = 30;

const LEARNED: ReadonlySet<EvidenceCode> = new Set<EvidenceCode>([
  'LEARNED_ACCOUNT',
  'LEARNED_ALIAS',
  'LEARNED_ACCOUNT_UNCONFIRMED',
  'LEARNED_ALIAS_UNCONFIRMED',
]);

/**
 * Marks proposals that must not auto-apply, in this order: the account names one payer and the
 * name another (`PAYER_CONFLICT`); the text names another document, open or not, of any payer,
 * another number of the item's series or a valid RF we never issued, and the proposal leaves it out (`TEXT_NAMES_OTHER_ITEMS`,
 * with `OTHER_ITEMS_NAMED` evidence); value and booking dates more than 30 days apart
 * (`IMPLAUSIBLE_DATE`); the payment is dated before the item was issued (beyond
 * `daysBeforeIssue`) and nothing names the item (`PAID_BEFORE_ISSUE`); a part- or over-payment of
 * one item whose amount is exactly another open item of the payer (`AMOUNT_FITS_OTHER_ITEM`);
 * more than half the settled amount again left over, or kept as an FX difference
 * (`OVERPAYMENT_BEYOND_TOLERANCE`); only a repaired or one-edit reference, with neither payer evidence nor the exact amount
 * (`WEAK_REFERENCE_ONLY`); the payer is known only from learned memory and nothing names the item
 * (`LEARNED_PAYER_ONLY`). A block already set stays.
 *
 * @example
 * ```ts
 * holdOnContraryEvidence(proposals, tx, ctx, refHits, notes);
 * ```
 */
export function holdOnContraryEvidence(
  proposals: PlannedProposal[],
  tx: BankTransaction,
  ctx: LineContext,
  refHits: ReadonlyMap<number, Evidence>,
  notes: string[],
): void {
  const invoices = ctx.index.invoices;
  const implausible =
    tx.valueDate !== undefined &&
    tx.bookingDate !== undefined &&
    Math.abs(daysBetween(tx.bookingDate, tx.valueDate)) > MAX_VALUE_DATE_GAP_DAYS;
  if (implausible)
    notes.push(`value date ${tx.valueDate} and booking date ${tx.bookingDate} are months apart`);
  noteStaleRates(proposals, tx, ctx, notes);
  const sameAmount = postings(ctx.index.byAmount.get(tx.currency)?.get(tx.amountMinor)).filter(
    (i) => ctx.open.get(i) === tx.amountMinor && invoices[i]?.kind !== 'credit-note',
  );
  const paidOn = tx.valueDate ?? tx.bookingDate;
  // Groups carry no date evidence of their own: any member issued after the payment counts.
  const issuedAfterPayment = (i: number): boolean => {
    const issued = invoices[i]?.issuedAt;
    return (
      paidOn !== undefined &&
      issued !== undefined &&
      invoices[i]?.kind !== 'credit-note' &&
      paidBeforeIssue(issued, paidOn, ctx.options)
    );
  };
  // A valid RF we never issued is another creditor's document: the money may not be ours at all.
  const foreignRf = tx.creditorReferences
    .map((r) => r.replace(/[\s-]+/g, '').toUpperCase())
    .find((c) => /^RF\d{2}/.test(c) && isValidRfReference(c) && !ctx.index.byPaymentRef.has(c));
  const named = [...refHits].filter(([, e]) => NAMING.has(e.code)).map(([i]) => i);
  const tokens = numberTokens(tx);
  for (let k = 0; k < proposals.length; k++) {
    const p = proposals[k];
    if (p === undefined || p.blocked !== undefined) continue;
    const items = new Set(p.items);
    const numbers = p.items.map((i) => invoices[i]?.invoiceNumber ?? '');
    const keys = new Set(numbers.map(referenceKey));
    // Another document the text names (not one sharing the item's number, e.g. another payer's).
    const other =
      named
        .filter((i) => !items.has(i) && !keys.has(referenceKey(invoices[i]?.invoiceNumber ?? '')))
        .map((i) => invoices[i]?.invoiceNumber ?? '')[0] ??
      tokens.find(
        (t) =>
          !keys.has(referenceKey(t)) &&
          numbers.some((n) => sameSeriesOther(t, n) && !isTransposition(referenceKey(t), referenceKey(n))),
      ) ??
      foreignRf;
    const referenced = p.evidence.some((e) => REFERENCE_TIERS.has(e.tier) && !WEAK_REFERENCES.has(e.code));
    const codes = new Set(p.evidence.map((e) => e.code));
    const payerKnown = [...codes].some((c) => PAYER_FACTS.has(c));
    const learnedOnly = [...codes].some((c) => LEARNED.has(c)) && !payerKnown;
    const weakOnly =
      !referenced &&
      [...codes].some((c) => WEAK_REFERENCES.has(c)) &&
      !payerKnown &&
      !codes.has('LEARNED_ACCOUNT') &&
      !codes.has('LEARNED_ALIAS') &&
      !codes.has('AMOUNT_EXACT');
    const inexact = p.unappliedMinor > 0 || p.plan.some((a) => a.kind === 'partial');
    const payer = invoices[p.items[0] ?? -1]?.payerId;
    const fitsOther =
      p.items.length === 1 &&
      inexact &&
      sameAmount.some((i) => !items.has(i) && invoices[i]?.payerId === payer);
    const settled = p.plan.reduce((sum, a) => sum + a.paymentCashMinor, 0);
    // Converted money beyond the item is kept as an FX difference: the same overpayment in disguise.
    const overpaid =
      (settled > 0 && p.unappliedMinor * 2 > settled) ||
      p.plan.some((a) => a.kind !== 'credit-note' && Math.abs(a.fxDifferenceMinor) * 2 > a.cashMinor);
    const block: AutoBlock | undefined = codes.has('PAYER_CONFLICT')
      ? 'PAYER_CONFLICT'
      : other !== undefined
        ? 'TEXT_NAMES_OTHER_ITEMS'
        : implausible
          ? 'IMPLAUSIBLE_DATE'
          : (codes.has('PAID_BEFORE_ISSUE') || p.items.some(issuedAfterPayment)) && !referenced
            ? 'PAID_BEFORE_ISSUE'
            : fitsOther
              ? 'AMOUNT_FITS_OTHER_ITEM'
              : overpaid
                ? 'OVERPAYMENT_BEYOND_TOLERANCE'
                : weakOnly
                  ? 'WEAK_REFERENCE_ONLY'
                  : learnedOnly && !referenced
                    ? 'LEARNED_PAYER_ONLY'
                    : undefined;
    if (block === undefined) continue;
    const ev =
      other !== undefined && !codes.has('OTHER_ITEMS_NAMED')
        ? [...p.evidence, evidence('text', 'OTHER_ITEMS_NAMED', 'remittanceText', `the text names ${other}`)]
        : p.evidence;
    proposals[k] = { ...p, evidence: ev, confidence: confidenceOf(ev), blocked: block };
  }
}

/** Says when a rate for the line's currency was left out for its age (the line then waits for one). */
function noteStaleRates(
  proposals: readonly PlannedProposal[],
  tx: BankTransaction,
  ctx: LineContext,
  notes: string[],
): void {
  const date = tx.valueDate ?? tx.bookingDate;
  if (date === undefined || !proposals.some((p) => p.evidence.some((e) => e.code === 'CURRENCY_MISMATCH')))
    return;
  const max = ctx.options.maxFxRateAgeDays;
  const stale = ctx.options.fxRates.find(
    (r) =>
      (r.from === tx.currency || r.to === tx.currency) &&
      r.date !== undefined &&
      r.date <= date &&
      isStaleFxRate(r, date, max),
  );
  if (stale)
    notes.push(
      `FX rate ${stale.from}/${stale.to} from ${stale.date} is older than ${max} days before ${date}: not used`,
    );
}

/** Tokens of the line's free text that could be document numbers (dates and amounts masked). */
function numberTokens(tx: BankTransaction): string[] {
  const out: string[] = [];
  for (const text of [...tx.remittanceText, ...tx.additionalInfo]) {
    for (const raw of maskNonReferences(text).split(/\s+/)) {
      const t = raw.replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
      if (/\d/.test(t)) out.push(t);
    }
  }
  return out;
}
