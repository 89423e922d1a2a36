import type { PayerMemory } from '../learn/PayerMemory.js';
import type { BankTransaction } from '../model/BankTransaction.js';
import type { OpenInvoice, RemittanceAdvice } from '../model/OpenInvoice.js';
import { convertMinor } from '../money/convertMinor.js';
import { normaliseAccount } from '../refs/iban.js';
import { isValidRfReference, repairRfReference } from '../refs/iso11649.js';
import { nameKey, nameSimilarity, nameTokens } from '../text/nameKey.js';
import { referenceKey, referenceRuns } from '../text/referenceKey.js';
import { daysBetween } from './dates.js';
import { confidenceOf, type Evidence, type EvidenceCode, evidence } from './Evidence.js';
import { findExactSubsets } from './findExactSubsets.js';
import { type InvoiceIndex, postings } from './InvoiceIndex.js';
import type { ResolvedOptions } from './options.js';
import type { WriteOffReason } from './Proposal.js';

/**
 * Allocation planned against the current open amounts (invoice by position).
 *
 * @example
 * ```ts
 * const a: PlannedAllocation = { item: 0, kind: 'full', cashMinor: 1000, paymentCashMinor: 1000, creditMinor: 0, writeOffMinor: 0, fxDifferenceMinor: 0 };
 * ```
 */
export interface PlannedAllocation {
  readonly item: number;
  readonly kind: 'full' | 'partial' | 'credit-note';
  readonly cashMinor: number;
  readonly paymentCashMinor: number;
  readonly creditMinor: number;
  readonly writeOffMinor: number;
  readonly writeOffReason?: WriteOffReason;
  readonly fxDifferenceMinor: number;
}

/**
 * A scored way to apply the line, before ids are attached.
 *
 * @example
 * ```ts
 * const best: PlannedProposal | undefined = evaluateLine(tx, ctx).proposals[0];
 * ```
 */
export interface PlannedProposal {
  readonly items: readonly number[];
  readonly evidence: readonly Evidence[];
  readonly confidence: number;
  readonly plan: readonly PlannedAllocation[];
  readonly unappliedMinor: number;
  readonly ambiguousGroup: boolean;
}

/**
 * Current open amount per invoice position: the invoices' own amounts plus what this run has
 * applied, kept as a sparse overlay so a run costs nothing per open invoice it does not touch.
 *
 * @example
 * ```ts
 * const open: OpenAmounts = { get: (i) => index.invoices[i]?.openAmountMinor ?? 0 };
 * ```
 */
export interface OpenAmounts {
  get(item: number): number;
}

/**
 * Everything {@link evaluateLine} needs besides the line.
 *
 * @example
 * ```ts
 * const { proposals } = evaluateLine(tx, { index, open: { get: (i) => index.invoices[i]!.openAmountMinor }, options: resolveOptions(), memory, advices: new Map(), rfLengths: index.rfLengths });
 * ```
 */
export interface LineContext {
  readonly index: InvoiceIndex;
  readonly open: OpenAmounts;
  readonly options: ResolvedOptions;
  readonly memory: PayerMemory;
  readonly advices: ReadonlyMap<string, RemittanceAdvice>;
  readonly rfLengths: ReadonlySet<number>;
}

/**
 * Outcome of evaluating one line.
 *
 * @example
 * ```ts
 * const { proposals, payerIds, notes } = evaluateLine(tx, ctx);
 * ```
 */
export interface LineEvaluation {
  readonly proposals: readonly PlannedProposal[];
  readonly payerIds: readonly string[];
  readonly notes: readonly string[];
}

const RF_IN_TEXT = /\bRF\d{2}(?: ?[0-9A-Z]){1,21}/gi;
const SCAN_LIMIT = 64;

/**
 * Runs every matching tier for one credit line and returns scored proposals (best first).
 * Cost depends on the line and the identified payer's open items, not on the number of open
 * invoices overall: every lookup goes through {@link InvoiceIndex}.
 *
 * @example
 * ```ts
 * const { proposals } = evaluateLine(tx, ctx);
 * ```
 */
export function evaluateLine(tx: BankTransaction, ctx: LineContext): LineEvaluation {
  const { index, open, options } = ctx;
  const invoices = index.invoices;
  const notes: string[] = [];
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
    const runs = referenceRuns(text.length > 2000 ? text.slice(0, 2000) : text);
    for (let a = 0; a < runs.length; a++) {
      let key = '';
      let hasDigit = false;
      for (let b = a; b < runs.length && b < a + index.maxKeyRuns; b++) {
        const run = runs[b] ?? '';
        key += run;
        if (run.charCodeAt(0) <= 57) hasDigit = true;
        if (key.length > 40) break;
        if (!hasDigit || key.length < 4) continue;
        for (const i of postings(index.byNumberKey.get(key))) hit(i, evidence('text', code, field, key));
      }
      const single = runs[a] ?? '';
      if (single.length >= 4 && single.charCodeAt(0) <= 57) {
        const list = index.byDigits.has(single) ? postings(index.byDigits.get(single)) : undefined;
        if (list !== undefined && list.length <= 3)
          for (const i of list) hit(i, evidence('text', 'DIGITS_IN_TEXT', field, single));
      }
    }
  }

  // Tier 3: payer identity.
  const payerEvidence = identifyPayers(tx, index);
  const payerIds = [...payerEvidence.keys()].sort();

  // Candidate open items.
  const candidates = new Set<number>(refHits.keys());
  const pay = tx.amountMinor;
  for (const payerId of payerIds) {
    const info = index.payers.get(payerId);
    if (info === undefined) continue;
    if (info.items.length <= SCAN_LIMIT) {
      for (const i of info.items) if (open.get(i) > 0) candidates.add(i);
    } else {
      const lo = pay - Math.max(options.feeToleranceMinor, 0);
      const hi = Math.ceil((pay * 10000) / 9000) + options.feeToleranceMinor + (tx.chargesMinor ?? 0);
      let l = 0;
      let h = info.amounts.length;
      while (l < h) {
        const m = (l + h) >>> 1;
        if ((info.amounts[m] ?? 0) < lo) l = m + 1;
        else h = m;
      }
      for (let k = l; k < info.amounts.length && (info.amounts[k] ?? 0) <= hi && k < l + SCAN_LIMIT; k++) {
        const i = info.items[info.byAmount[k] ?? 0];
        if (i !== undefined) candidates.add(i);
      }
    }
  }
  const amountKeys: [string, number][] = [[tx.currency, pay]];
  if (tx.chargesMinor) amountKeys.push([tx.currency, pay + tx.chargesMinor]);
  if (tx.instructedAmount) amountKeys.push([tx.instructedAmount.currency, tx.instructedAmount.amountMinor]);
  for (const [ccy, amount] of amountKeys) {
    const list = postings(index.byAmount.get(ccy)?.get(amount));
    if (list.length > options.maxAmountCandidates)
      notes.push(`amount ${amount} ${ccy} is shared by ${list.length} open items; amount alone not used`);
    else for (const i of list) candidates.add(i);
  }

  // Score single-item proposals.
  const proposals: PlannedProposal[] = [];
  const payerAmountCount = new Map<string, number>();
  const fits = new Map<number, AmountFit>();
  for (const i of [...candidates].sort((a, b) => a - b)) {
    const inv = invoices[i];
    const o = open.get(i);
    if (inv === undefined || inv.kind === 'credit-note') continue;
    if (o <= 0) {
      if (refHits.has(i)) notes.push(`invoice ${inv.invoiceNumber} is already settled`);
      continue;
    }
    const fit = amountFit(tx, inv, o, options, refHits.has(i));
    if (fit === undefined) continue;
    fits.set(i, fit);
    if (!refHits.has(i) && (fit.kind === 'partial' || fit.kind === 'over')) continue;
    if (fit.kind !== 'partial' && fit.kind !== 'over')
      payerAmountCount.set(inv.payerId, (payerAmountCount.get(inv.payerId) ?? 0) + 1);
  }
  for (const [i, fit] of fits) {
    const inv = invoices[i] as OpenInvoice;
    const ref = refHits.get(i);
    if (ref === undefined && (fit.kind === 'partial' || fit.kind === 'over')) continue;
    const ev: Evidence[] = [];
    if (ref) ev.push(ref);
    ev.push(...payerEvidenceFor(inv, payerEvidence, payerIds));
    ev.push(...fit.evidence);
    if (
      fit.kind === 'exact' &&
      ref === undefined &&
      payerIds.length === 0 &&
      postings(index.byAmount.get(tx.currency)?.get(pay)).length === 1
    ) {
      ev.push(
        evidence('amount', 'AMOUNT_UNIQUE_OVERALL', 'amountMinor', 'the only open item with this amount'),
      );
    }
    if (
      fit.kind !== 'partial' &&
      fit.kind !== 'over' &&
      ref === undefined &&
      payerEvidence.has(inv.payerId)
    ) {
      const n = payerAmountCount.get(inv.payerId) ?? 0;
      ev.push(
        evidence(
          'amount',
          n === 1 ? 'AMOUNT_UNIQUE_FOR_PAYER' : 'AMOUNT_AMBIGUOUS_FOR_PAYER',
          'amountMinor',
          `${n} open item(s) of this payer fit`,
        ),
      );
    }
    ev.push(...dateEvidence(tx, inv, options));
    const pattern = ctx.memory.payers[inv.payerId]?.referencePatterns;
    if (ref && pattern && (pattern[ref.code] ?? 0) > 0)
      ev.push(
        evidence(
          'memory',
          'USUAL_REFERENCE_PATTERN',
          ref.field,
          `${ref.code} seen ${pattern[ref.code]} time(s)`,
        ),
      );
    proposals.push({
      items: [i],
      evidence: ev,
      confidence: confidenceOf(ev),
      plan: [fit.plan(i)],
      unappliedMinor: fit.unapplied,
      ambiguousGroup: false,
    });
  }

  // Group proposals: remittance advice, all referenced items, exact subset of the payer's items.
  const advice = findAdvice(tx, ctx.advices);
  if (advice) {
    const p = adviceProposal(tx, advice, ctx, payerEvidence, payerIds);
    if (p) proposals.push(p);
  }
  const referenced = [...refHits.keys()]
    .filter((i) => open.get(i) > 0 && invoices[i]?.currency === tx.currency)
    .sort((a, b) => a - b);
  if (referenced.length >= 2) {
    const net = referenced.reduce((s, i) => s + signedOpen(invoices[i], open.get(i)), 0);
    const short = net - pay;
    if (short === 0 || (short > 0 && short <= tolerance(net, options))) {
      const ev: Evidence[] = [
        minWeight(referenced.map((i) => refHits.get(i) as Evidence)),
        evidence(
          'group',
          'GROUP_ALL_REFERENCED',
          'remittanceText',
          `${referenced.length} referenced items sum to the payment`,
        ),
      ];
      ev.push(
        evidence(
          'amount',
          short === 0 ? 'AMOUNT_EXACT' : 'SHORT_WITHIN_TOLERANCE',
          'amountMinor',
          `short ${short}`,
        ),
      );
      const first = invoices[referenced[0] ?? 0] as OpenInvoice;
      ev.push(...payerEvidenceFor(first, payerEvidence, payerIds));
      proposals.push(groupProposal(referenced, ev, ctx, pay, short, false));
      // The group explains the whole payment; part- or over-payments of its members are not rivals.
      const members = new Set(referenced);
      for (let k = proposals.length - 2; k >= 0; k--) {
        const p = proposals[k];
        if (
          p &&
          p.items.length === 1 &&
          members.has(p.items[0] ?? -1) &&
          (p.unappliedMinor > 0 || p.plan.some((a) => a.kind === 'partial'))
        )
          proposals.splice(k, 1);
      }
    }
  }
  const best = proposals.reduce((m, p) => Math.max(m, p.confidence), 0);
  const bestFits = proposals.some(
    (p) =>
      p.confidence >= options.autoThreshold &&
      p.unappliedMinor === 0 &&
      p.plan.every((a) => a.kind !== 'partial'),
  );
  const subsetPayers =
    payerIds.length > 0
      ? payerIds
      : [...new Set([...refHits.keys()].map((i) => invoices[i]?.payerId ?? ''))].filter((p) => p !== '');
  if (!bestFits && subsetPayers.length === 1 && best < 0.99) {
    proposals.push(
      ...subsetProposals(tx, subsetPayers[0] ?? '', ctx, refHits, payerEvidence, payerIds, notes),
    );
  }

  proposals.sort(compareProposals(invoices));
  return { proposals: dedupe(proposals), payerIds, notes };
}

function signedOpen(inv: OpenInvoice | undefined, o: number): number {
  return inv?.kind === 'credit-note' ? -o : o;
}

function minWeight(list: Evidence[]): Evidence {
  return list.reduce((m, e) => (e.weight < m.weight ? e : m));
}

function tolerance(openMinor: number, options: ResolvedOptions): number {
  return Math.max(
    options.feeToleranceMinor > 0 ? Math.min(options.feeToleranceMinor, openMinor) : 0,
    Math.floor((openMinor * options.feeToleranceBps) / 10000),
  );
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

function identifyPayers(tx: BankTransaction, index: InvoiceIndex): Map<string, Evidence[]> {
  const out = new Map<string, Evidence[]>();
  const add = (payerId: string, e: Evidence): void => {
    const list = out.get(payerId) ?? [];
    list.push(e);
    out.set(payerId, list);
  };
  if (tx.counterpartyAccount) {
    const acct = normaliseAccount(tx.counterpartyAccount);
    const list = index.payerByAccount.get(acct) ?? [];
    if (list.length === 1 && list[0])
      add(
        list[0].payerId,
        evidence('payer', list[0].learned ? 'LEARNED_ACCOUNT' : 'PAYER_ACCOUNT', 'counterpartyAccount', acct),
      );
  }
  for (const [field, name] of [
    ['counterpartyName', tx.counterpartyName],
    ['ultimateDebtorName', tx.ultimateDebtorName],
  ] as const) {
    if (!name) continue;
    const key = nameKey(name);
    const exact = index.payerByName.get(key) ?? [];
    if (exact.length === 1 && exact[0]) {
      add(
        exact[0].payerId,
        evidence('payer', exact[0].learned ? 'LEARNED_ALIAS' : 'PAYER_NAME_EXACT', field, name),
      );
      continue;
    }
    if (exact.length > 1) continue;
    const seen = new Set<string>();
    for (const t of nameTokens(name)) {
      const ids = index.payerByNameToken.get(t);
      if (ids === undefined || ids.length > 50) continue;
      for (const id of ids) seen.add(id);
    }
    let bestId = '';
    let bestScore = 0;
    let tie = false;
    for (const id of [...seen].sort()) {
      const s = nameSimilarity(name, index.payers.get(id)?.name ?? '');
      if (s > bestScore) {
        bestScore = s;
        bestId = id;
        tie = false;
      } else if (s === bestScore) tie = true;
    }
    // Abstain on a tie: two payers equally similar means the name identifies nobody.
    if (bestScore >= 0.75 && !tie)
      add(
        bestId,
        evidence(
          'payer',
          'PAYER_NAME_FUZZY',
          field,
          `${name} ~ ${index.payers.get(bestId)?.name ?? ''} (${bestScore})`,
        ),
      );
  }
  for (const [id, list] of out) {
    // Account and name evidence for the same payer both count, but each kind once.
    const uniq = new Map<string, Evidence>();
    for (const e of list) if (!uniq.has(e.code)) uniq.set(e.code, e);
    out.set(id, [...uniq.values()]);
  }
  return out;
}

function payerEvidenceFor(
  inv: OpenInvoice,
  payerEvidence: ReadonlyMap<string, Evidence[]>,
  payerIds: readonly string[],
): Evidence[] {
  const own = payerEvidence.get(inv.payerId);
  if (own) return own;
  if (payerIds.length > 0)
    return [
      evidence(
        'payer',
        'PAYER_MISMATCH',
        'counterparty',
        `line identifies ${payerIds.join(', ')}, invoice belongs to ${inv.payerId}`,
      ),
    ];
  return [];
}

function dateEvidence(tx: BankTransaction, inv: OpenInvoice, options: ResolvedOptions): Evidence[] {
  const d = tx.valueDate ?? tx.bookingDate;
  if (d === undefined) return [];
  if (inv.issuedAt && daysBetween(inv.issuedAt, d) < -options.daysBeforeIssue)
    return [
      evidence(
        'date',
        'PAID_BEFORE_ISSUE',
        'valueDate',
        `${d} < issued ${inv.issuedAt} - ${options.daysBeforeIssue}`,
      ),
    ];
  if (inv.dueAt && daysBetween(inv.dueAt, d) > options.daysAfterDue)
    return [
      evidence('date', 'LONG_OVERDUE', 'valueDate', `${d} > due ${inv.dueAt} + ${options.daysAfterDue}`),
    ];
  if (inv.issuedAt || inv.dueAt) return [evidence('date', 'DATE_PLAUSIBLE', 'valueDate', d)];
  return [];
}

interface AmountFit {
  readonly kind: 'exact' | 'tolerance' | 'discount' | 'fx' | 'partial' | 'over';
  readonly evidence: Evidence[];
  readonly unapplied: number;
  readonly plan: (item: number) => PlannedAllocation;
}

function amountFit(
  tx: BankTransaction,
  inv: OpenInvoice,
  o: number,
  options: ResolvedOptions,
  referenced: boolean,
): AmountFit | undefined {
  const pay = tx.amountMinor;
  const alloc = (
    item: number,
    kind: 'full' | 'partial',
    cash: number,
    paymentCash: number,
    writeOff: number,
    reason?: WriteOffReason,
    fx = 0,
  ): PlannedAllocation => ({
    item,
    kind,
    cashMinor: cash,
    paymentCashMinor: paymentCash,
    creditMinor: 0,
    writeOffMinor: writeOff,
    ...(reason === undefined ? {} : { writeOffReason: reason }),
    fxDifferenceMinor: fx,
  });
  if (tx.currency !== inv.currency) {
    let converted: number | undefined;
    let code: EvidenceCode = 'FX_WITHIN_TOLERANCE';
    if (tx.instructedAmount?.currency === inv.currency) {
      converted = tx.instructedAmount.amountMinor;
      code = 'FX_INSTRUCTED_AMOUNT';
    } else {
      const rate = options.fxRates.find((r) => r.from === tx.currency && r.to === inv.currency);
      if (rate) converted = convertMinor(pay, tx.currency, inv.currency, rate.rate);
    }
    if (converted === undefined) {
      return referenced
        ? {
            kind: 'partial',
            evidence: [
              evidence(
                'amount',
                'CURRENCY_MISMATCH',
                'currency',
                `${tx.currency} vs ${inv.currency}, no rate`,
              ),
            ],
            unapplied: pay,
            plan: (i) => alloc(i, 'partial', 0, 0, 0),
          }
        : undefined;
    }
    const diff = converted - o;
    const detail = `${pay} ${tx.currency} = ${converted} ${inv.currency}, open ${o}`;
    if (Math.abs(diff) * 10000 <= o * options.fxToleranceBps) {
      const cash = Math.min(converted, o);
      return {
        kind: 'fx',
        evidence: [evidence('amount', code, 'amountMinor', detail)],
        unapplied: 0,
        plan: (i) => alloc(i, 'full', cash, pay, o - cash, o - cash > 0 ? 'FX_DIFFERENCE' : undefined, diff),
      };
    }
    if (converted < o)
      return {
        kind: 'partial',
        evidence: [
          evidence(
            'amount',
            referenced ? 'PARTIAL_PAYMENT' : 'PARTIAL_WITHOUT_REFERENCE',
            'amountMinor',
            detail,
          ),
        ],
        unapplied: 0,
        plan: (i) => alloc(i, 'partial', converted, pay, 0),
      };
    return {
      kind: 'over',
      evidence: [evidence('amount', 'OVERPAYMENT', 'amountMinor', detail)],
      unapplied: 0,
      plan: (i) => alloc(i, 'full', o, pay, 0, undefined, diff),
    };
  }
  const detail = `paid ${pay}, open ${o} ${inv.currency}`;
  if (pay === o)
    return {
      kind: 'exact',
      evidence: [evidence('amount', 'AMOUNT_EXACT', 'amountMinor', detail)],
      unapplied: 0,
      plan: (i) => alloc(i, 'full', pay, pay, 0),
    };
  if (pay > o) {
    return {
      kind: 'over',
      evidence: [evidence('amount', 'OVERPAYMENT', 'amountMinor', detail)],
      unapplied: pay - o,
      plan: (i) => alloc(i, 'full', o, o, 0),
    };
  }
  const short = o - pay;
  if (tx.chargesMinor !== undefined && tx.chargesMinor === short) {
    return {
      kind: 'tolerance',
      evidence: [
        evidence('amount', 'BANK_CHARGES', 'chargesMinor', `charges ${short} explain the difference`),
      ],
      unapplied: 0,
      plan: (i) => alloc(i, 'full', pay, pay, short, 'BANK_FEE'),
    };
  }
  const epd = inv.earlyPaymentDiscount;
  if (epd && o === inv.amountMinor) {
    const discount = Math.floor((inv.amountMinor * epd.rateBps + 5000) / 10000);
    if (Math.abs(short - discount) <= options.roundingMinor) {
      const d = tx.valueDate ?? tx.bookingDate;
      const inTime =
        d === undefined ||
        inv.issuedAt === undefined ||
        daysBetween(inv.issuedAt, d) <= epd.withinDays + options.discountGraceDays;
      if (inTime) {
        return {
          kind: 'discount',
          evidence: [
            evidence(
              'amount',
              'EARLY_PAYMENT_DISCOUNT',
              'amountMinor',
              `${epd.rateBps} bps discount ${discount} within ${epd.withinDays} days`,
            ),
          ],
          unapplied: 0,
          plan: (i) => alloc(i, 'full', pay, pay, short, 'EARLY_PAYMENT_DISCOUNT'),
        };
      }
      return {
        kind: 'partial',
        evidence: [
          evidence(
            'amount',
            'LATE_DISCOUNT',
            'amountMinor',
            `discount ${discount} taken after the ${epd.withinDays}-day deadline`,
          ),
        ],
        unapplied: 0,
        plan: (i) => alloc(i, 'partial', pay, pay, 0),
      };
    }
  }
  const remitted = tx.referredDocuments.find(
    (r) => r.discountMinor !== undefined && r.discountMinor === short,
  );
  if (remitted) {
    return {
      kind: 'discount',
      evidence: [
        evidence('amount', 'EARLY_PAYMENT_DISCOUNT', 'referredDocuments', `payer states discount ${short}`),
      ],
      unapplied: 0,
      plan: (i) => alloc(i, 'full', pay, pay, short, 'EARLY_PAYMENT_DISCOUNT'),
    };
  }
  if (short <= tolerance(o, options)) {
    const reason: WriteOffReason = short <= options.roundingMinor ? 'ROUNDING' : 'BANK_FEE';
    return {
      kind: 'tolerance',
      evidence: [
        evidence('amount', 'SHORT_WITHIN_TOLERANCE', 'amountMinor', `${detail}, short ${short} (${reason})`),
      ],
      unapplied: 0,
      plan: (i) => alloc(i, 'full', pay, pay, short, reason),
    };
  }
  return {
    kind: 'partial',
    evidence: [
      evidence('amount', referenced ? 'PARTIAL_PAYMENT' : 'PARTIAL_WITHOUT_REFERENCE', 'amountMinor', detail),
    ],
    unapplied: 0,
    plan: (i) => alloc(i, 'partial', pay, pay, 0),
  };
}

function groupProposal(
  items: readonly number[],
  ev: Evidence[],
  ctx: LineContext,
  pay: number,
  short: number,
  ambiguous: boolean,
): PlannedProposal {
  const { invoices } = ctx.index;
  const invs = items.filter((i) => invoices[i]?.kind !== 'credit-note');
  const cns = items.filter((i) => invoices[i]?.kind === 'credit-note');
  let credit = cns.reduce((s, i) => s + ctx.open.get(i), 0);
  const plan: PlannedAllocation[] = [];
  let cashLeft = pay;
  // Largest invoice absorbs the write-off, then credits; the rest is cash.
  const ordered = [...invs].sort((a, b) => ctx.open.get(b) - ctx.open.get(a) || a - b);
  ordered.forEach((i, k) => {
    const o = ctx.open.get(i);
    const writeOff = k === 0 ? short : 0;
    const c = Math.min(credit, o - writeOff);
    credit -= c;
    const cash = o - writeOff - c;
    cashLeft -= cash;
    plan.push({
      item: i,
      kind: 'full',
      cashMinor: cash,
      paymentCashMinor: cash,
      creditMinor: c,
      writeOffMinor: writeOff,
      ...(writeOff > 0 ? { writeOffReason: 'BANK_FEE' as const } : {}),
      fxDifferenceMinor: 0,
    });
  });
  for (const i of cns)
    plan.push({
      item: i,
      kind: 'credit-note',
      cashMinor: 0,
      paymentCashMinor: 0,
      creditMinor: ctx.open.get(i),
      writeOffMinor: 0,
      fxDifferenceMinor: 0,
    });
  plan.sort((a, b) => a.item - b.item);
  return {
    items: [...items].sort((a, b) => a - b),
    evidence: ev,
    confidence: confidenceOf(ev),
    plan,
    unappliedMinor: Math.max(0, cashLeft),
    ambiguousGroup: ambiguous,
  };
}

function subsetProposals(
  tx: BankTransaction,
  payerId: string,
  ctx: LineContext,
  refHits: ReadonlyMap<number, Evidence>,
  payerEvidence: ReadonlyMap<string, Evidence[]>,
  payerIds: readonly string[],
  notes: string[],
): PlannedProposal[] {
  const info = ctx.index.payers.get(payerId);
  if (info === undefined) return [];
  const { invoices } = ctx.index;
  const pool: number[] = [];
  for (const i of info.items)
    if (refHits.has(i) && ctx.open.get(i) > 0 && invoices[i]?.currency === tx.currency) pool.push(i);
  for (
    let k = 0;
    k < info.items.length && pool.length < ctx.options.maxSubsetItems && k < 4 * ctx.options.maxSubsetItems;
    k++
  ) {
    const i = info.items[k] ?? 0;
    if (!refHits.has(i) && ctx.open.get(i) > 0 && invoices[i]?.currency === tx.currency) pool.push(i);
  }
  if (pool.length < 2) return [];
  const amounts = pool.map((i) => signedOpen(invoices[i], ctx.open.get(i)));
  const result = findExactSubsets(amounts, tx.amountMinor, {
    minSize: 2,
    maxSize: ctx.options.maxGroupSize,
    maxSolutions: 20,
    maxSteps: ctx.options.maxSubsetSteps,
  });
  if (!result.complete) notes.push('subset search stopped at its step limit; abstaining on groups');
  if (result.found === 0) return [];
  if (result.found > 1)
    notes.push(`${result.found} different groups of open items sum to the payment; abstaining`);
  const ambiguous = result.found > 1 || !result.complete;
  const first = invoices[pool[0] ?? 0] as OpenInvoice;
  return result.solutions.map((sol) => {
    const items = sol.map((k) => pool[k] ?? 0);
    const ev: Evidence[] = [
      evidence(
        'group',
        ambiguous ? 'SUBSET_SUM_AMBIGUOUS' : 'SUBSET_SUM_UNIQUE',
        'amountMinor',
        `${items.length} open items sum exactly to ${tx.amountMinor} (${result.found} solution(s))`,
      ),
      evidence('amount', 'AMOUNT_EXACT', 'amountMinor', 'group sum'),
      ...payerEvidenceFor(first, payerEvidence, payerIds),
    ];
    const refs = items.map((i) => refHits.get(i)).filter((e): e is Evidence => e !== undefined);
    if (refs.length === items.length)
      ev.push(
        minWeight(refs),
        evidence('group', 'GROUP_ALL_REFERENCED', 'remittanceText', 'every item referenced'),
      );
    return groupProposal(items, ev, ctx, tx.amountMinor, 0, ambiguous);
  });
}

function findAdvice(
  tx: BankTransaction,
  advices: ReadonlyMap<string, RemittanceAdvice>,
): RemittanceAdvice | undefined {
  if (advices.size === 0) return undefined;
  for (const r of [tx.endToEndId, tx.bankReference, ...tx.otherReferences, ...tx.creditorReferences]) {
    if (!r) continue;
    const a = advices.get(r.trim().toUpperCase());
    if (a) return a;
  }
  return undefined;
}

function adviceProposal(
  tx: BankTransaction,
  advice: RemittanceAdvice,
  ctx: LineContext,
  payerEvidence: ReadonlyMap<string, Evidence[]>,
  payerIds: readonly string[],
): PlannedProposal | undefined {
  const { invoices } = ctx.index;
  const plan: PlannedAllocation[] = [];
  let total = 0;
  for (const line of advice.lines) {
    const list = postings(ctx.index.byNumberKey.get(referenceKey(line.invoiceNumber))).filter(
      (i) => ctx.open.get(i) > 0,
    );
    if (list.length !== 1) return undefined;
    const i = list[0] ?? 0;
    const o = ctx.open.get(i);
    const cash = Math.min(line.amountMinor, o);
    const deduction = Math.min(line.deductionMinor ?? 0, o - cash);
    total += line.amountMinor;
    plan.push({
      item: i,
      kind: cash + deduction >= o ? 'full' : 'partial',
      cashMinor: cash,
      paymentCashMinor: cash,
      creditMinor: 0,
      writeOffMinor: deduction,
      ...(deduction > 0 ? { writeOffReason: 'REMITTANCE_DEDUCTION' as const } : {}),
      fxDifferenceMinor: 0,
    });
  }
  if (plan.length === 0 || total !== tx.amountMinor || new Set(plan.map((p) => p.item)).size !== plan.length)
    return undefined;
  if (plan.some((p) => invoices[p.item]?.currency !== tx.currency)) return undefined;
  plan.sort((a, b) => a.item - b.item);
  const first = invoices[plan[0]?.item ?? 0] as OpenInvoice;
  const ev = [
    evidence(
      'remittance',
      'REMITTANCE_ADVICE',
      'endToEndId',
      `advice ${advice.adviceId} lists ${plan.length} item(s)`,
    ),
    ...payerEvidenceFor(first, payerEvidence, payerIds),
  ];
  return {
    items: plan.map((p) => p.item),
    evidence: ev,
    confidence: confidenceOf(ev),
    plan,
    unappliedMinor: 0,
    ambiguousGroup: false,
  };
}

function compareProposals(
  invoices: readonly OpenInvoice[],
): (a: PlannedProposal, b: PlannedProposal) => number {
  const ids = (p: PlannedProposal): string => p.items.map((i) => invoices[i]?.invoiceId ?? '').join(',');
  return (a, b) =>
    b.confidence - a.confidence ||
    a.items.length - b.items.length ||
    (ids(a) < ids(b) ? -1 : ids(a) > ids(b) ? 1 : 0);
}

function dedupe(list: PlannedProposal[]): PlannedProposal[] {
  const seen = new Set<string>();
  return list.filter((p) => {
    const k = p.items.join(',');
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
