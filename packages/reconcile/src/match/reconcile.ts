import type { CurrencyCode, VerifiedInvoiceEvent } from '@quidfin/core';
import { ReconcileInputError } from '../errors/ReconcileInputError.js';
import type { BankTransaction } from '../model/BankTransaction.js';
import type { OpenInvoice, RemittanceAdvice } from '../model/OpenInvoice.js';
import { emptyPayerMemory, type PayerMemory } from '../model/PayerMemory.js';
import { type InvoiceOutcome, lifecycleWithoutLedger, projectLifecycle } from '../output/invoiceLifecycle.js';
import type { InvoiceCreditedEvent, PaymentReceivedEvent } from '../output/PaymentReceivedEvent.js';
import { traceReconcile } from '../telemetry/traceReconcile.js';
import { unixSeconds } from './dates.js';
import type { Evidence } from './Evidence.js';
import { evaluateLine, type LineContext, type LineEvaluation, type PlannedProposal } from './evaluateLine.js';
import { buildInvoiceIndex, type InvoiceIndex } from './InvoiceIndex.js';
import { lineIdentity } from './lineIdentity.js';
import { type ReconcileOptions, resolveOptions } from './options.js';
import type { AutoBlock, PlannedAllocation } from './PlannedProposal.js';
import type { Allocation, Proposal } from './Proposal.js';
import { returnedPaymentCode } from './returnedPaymentCode.js';

/**
 * Why a line was not applied automatically.
 *
 * @example
 * ```ts
 * const reason: LineReason = 'AMBIGUOUS';
 * ```
 */
export type LineReason =
  | 'NOT_A_CREDIT'
  | 'REVERSAL'
  | 'NOT_BOOKED'
  | 'DUPLICATE'
  | 'POSSIBLE_DUPLICATE'
  | 'RETURNED_PAYMENT'
  | 'MISSING_DATE'
  | 'NO_CANDIDATES'
  | 'NO_MATCHING_OPEN_ITEM'
  | 'AMBIGUOUS'
  | 'BELOW_AUTO_THRESHOLD'
  | 'NO_FX_RATE'
  | 'LOW_CONFIDENCE'
  | AutoBlock;

/**
 * The decision for one bank line, with its explanation.
 *
 * @example
 * ```ts
 * for (const l of result.lines) if (l.status === 'unmatched') console.log(l.transactionId, l.reason);
 * ```
 */
export interface LineDecision {
  readonly transactionId: string;
  /** `auto`: applied; `confirmed`: applied because a person confirmed it (`Reconciler.apply`); `suggested`: ranked proposals for a person; `unmatched`: nothing good enough; `skipped`: not an incoming payment to match. */
  readonly status: 'auto' | 'confirmed' | 'suggested' | 'unmatched' | 'skipped';
  readonly reason?: LineReason;
  /** Confidence of the best proposal (0 when none). */
  readonly confidence: number;
  /** Applied allocations (only for `auto`). */
  readonly allocations: readonly Allocation[];
  /** Payment money not applied to any item (overpayment, or nothing matched), payment currency. */
  readonly unappliedMinor: number;
  /** Evidence of the applied (or best) proposal. */
  readonly evidence: readonly Evidence[];
  /** Top-k proposals, best first (for `suggested`; for `auto` the alternatives). */
  readonly suggestions: readonly Proposal[];
  /** Payers the line was attributed to. */
  readonly payerIds: readonly string[];
  /** Things a reviewer should know (failed check digits, abstentions, ...). */
  readonly notes: readonly string[];
}

/**
 * Everything {@link reconcile} produces. Deterministic: the same input gives byte-identical
 * `JSON.stringify` output.
 *
 * @example
 * ```ts
 * const { lines, events, invoices, summary } = reconcile({ transactions, invoices: open });
 * ```
 */
export interface ReconcileResult {
  readonly lines: readonly LineDecision[];
  /** `payment.received` payloads for every applied allocation with cash, in line order. */
  readonly events: readonly PaymentReceivedEvent[];
  /** Proposed `invoice.credited` events for write-offs and netted credit notes (post them before the payments). */
  readonly adjustments: readonly InvoiceCreditedEvent[];
  /** Open items touched by applied allocations, with the lifecycle state once events and adjustments are posted, by invoice id. */
  readonly invoices: readonly InvoiceOutcome[];
  readonly summary: {
    readonly lines: number;
    readonly auto: number;
    readonly suggested: number;
    readonly unmatched: number;
    readonly skipped: number;
  };
}

/**
 * Input of {@link reconcile}.
 *
 * @example
 * ```ts
 * const input: ReconcileInput = { transactions: statement.transactions, invoices: open, memory, options: { autoThreshold: 0.95 } };
 * ```
 */
export interface ReconcileInput {
  readonly transactions: readonly BankTransaction[];
  readonly invoices: readonly OpenInvoice[];
  readonly remittances?: readonly RemittanceAdvice[];
  readonly memory?: PayerMemory;
  readonly options?: ReconcileOptions;
  /** Verified ledger events per invoice id; when given, states come from core's `deriveInvoiceLifecycle`. */
  readonly ledgerEvents?: Readonly<Record<string, readonly VerifiedInvoiceEvent[]>>;
}

/**
 * Matches bank lines to open invoices in tiers (structured reference, invoice number in text,
 * payer identity, amount with tolerances, dates), combines the evidence into a confidence, and
 * decides per line: apply automatically, suggest the top-k, or leave unmatched with a reason.
 * One payment may settle several items (referenced, remittance advice, or a unique exact subset
 * of the payer's open items; ambiguous subsets are listed and never applied) and several
 * payments may settle one item. Applied money never exceeds a payment or an item's open amount.
 * Pure: the caller posts `events` and stores `memory`.
 *
 * @example
 * ```ts
 * const result = reconcile({ transactions: parseCamt(xml).statements.flatMap((s) => s.transactions), invoices: open });
 * console.log(result.summary.auto, result.events.length);
 * ```
 */
export function reconcile(input: ReconcileInput): ReconcileResult {
  const options = resolveOptions(input.options);
  const memory = input.memory ?? emptyPayerMemory();
  const index = buildInvoiceIndex(input.invoices, memory);
  return runReconciliation(index, input.transactions, { ...input, memory, options }, newRunState());
}

/**
 * Input of {@link reconcileWithIndex}: {@link ReconcileInput} without the lines and open items,
 * plus the {@link RunState} to carry (by default the index's own).
 *
 * @example
 * ```ts
 * const input: ReconcileWithIndexInput = { memory, state: newRunState() };
 * ```
 */
export interface ReconcileWithIndexInput extends Omit<ReconcileInput, 'transactions' | 'invoices'> {
  /**
   * What earlier batches applied and saw. Left out, the index carries its own state from call to
   * call; pass `newRunState()` to start afresh (a dry run, a benchmark) or your own to keep it.
   */
  readonly state?: RunState;
}

/**
 * {@link reconcile} against a prebuilt {@link InvoiceIndex} (build it once with
 * `buildInvoiceIndex` when many batches run against the same open items). Calls on one index
 * carry what they applied and saw: a later batch sees the open amounts earlier batches left, the
 * same bank line again (an intraday report, then the end-of-day statement) is skipped as
 * `DUPLICATE`, and a payment for an item already settled is not applied. Pass `state` to carry
 * your own {@link RunState} instead (`newRunState()` for a fresh run); a state used with one
 * index is refused with another ({@link ReconcileInputError}, path `state`).
 *
 * @example
 * ```ts
 * const index = buildInvoiceIndex(open, memory);
 * const intraday = reconcileWithIndex(index, camt052Lines, { memory });
 * const endOfDay = reconcileWithIndex(index, camt053Lines, { memory }); // intraday lines: DUPLICATE
 * ```
 */
export function reconcileWithIndex(
  index: InvoiceIndex,
  transactions: readonly BankTransaction[],
  input: ReconcileWithIndexInput,
): ReconcileResult {
  const state = input.state ?? indexRunState(index);
  // A state names open items by position in its index: with another index it would lower the wrong items.
  const owner = STATE_INDEX.get(state);
  if (owner !== undefined && owner !== index)
    throw new ReconcileInputError(
      'state',
      'was used with another InvoiceIndex; start a new one with newRunState()',
    );
  STATE_INDEX.set(state, index);
  return runReconciliation(index, transactions, input, state);
}

// The state each index carries between reconcileWithIndex calls, and the index each state was
// used with (both freed with them).
const INDEX_STATES = new WeakMap<InvoiceIndex, RunState>();
const STATE_INDEX = new WeakMap<RunState, InvoiceIndex>();

function indexRunState(index: InvoiceIndex): RunState {
  let state = INDEX_STATES.get(index);
  if (state === undefined) {
    state = newRunState();
    INDEX_STATES.set(index, state);
  }
  return state;
}

/**
 * What a run carries forward: open amounts after applied allocations (sparse, by invoice
 * position), the identities of the lines seen (to the id of the line first seen with each), and
 * the applied plan of each line (for undo). Treat it as opaque: create it with
 * {@link newRunState} and pass it back.
 *
 * @example
 * ```ts
 * const state = newRunState();
 * reconcileWithIndex(index, day1, { state });
 * reconcileWithIndex(index, day2, { state }); // sees day 1's postings
 * ```
 */
export interface RunState {
  readonly openAfter: Map<number, number>;
  readonly seen: Map<string, string>;
  readonly applied: Map<string, readonly PlannedAllocation[]>;
}

/**
 * An empty {@link RunState}.
 *
 * @example
 * ```ts
 * reconcileWithIndex(index, lines, { state: newRunState() });
 * ```
 */
export function newRunState(): RunState {
  return { openAfter: new Map(), seen: new Map(), applied: new Map() };
}

/**
 * {@link reconcileWithIndex} on a carried {@link RunState} (what `Reconciler` uses): applied
 * allocations lower the state's open amounts, so the next run sees them.
 *
 * @example
 * ```ts
 * const state = newRunState();
 * runReconciliation(index, day1, {}, state);
 * runReconciliation(index, day2, {}, state); // sees day 1's postings
 * ```
 */
export function runReconciliation(
  index: InvoiceIndex,
  transactions: readonly BankTransaction[],
  input: Omit<ReconcileInput, 'transactions' | 'invoices'>,
  state: RunState,
): ReconcileResult {
  return traceReconcile(transactions.length, () => runUntraced(index, transactions, input, state));
}

function runUntraced(
  index: InvoiceIndex,
  transactions: readonly BankTransaction[],
  input: Omit<ReconcileInput, 'transactions' | 'invoices'>,
  state: RunState,
): ReconcileResult {
  const options = resolveOptions(input.options);
  const memory = input.memory ?? emptyPayerMemory();
  const { openAfter, seen } = state;
  const openBefore = new Map(openAfter);
  const open = { get: (i: number): number => openAfter.get(i) ?? index.invoices[i]?.openAmountMinor ?? 0 };
  const advices = adviceMap(input.remittances ?? []);
  const rfLengths = index.rfLengths;
  const ctx: LineContext = { index, open, options, memory, advices, rfLengths };

  const decisions = new Array<LineDecision | undefined>(transactions.length);
  // Pass-1 evaluations are reused unless a payer they looked at has had money applied since.
  const firstEval = new Array<LineEvaluation | undefined>(transactions.length);
  const changedPayers = new Set<string>();
  const todo: { k: number; best: number; day: string }[] = [];
  const heldAsRepeat = new Map<number, string>();
  for (let k = 0; k < transactions.length; k++) {
    const tx = transactions[k] as BankTransaction;
    const skipped = (reason: LineReason): LineDecision =>
      emptyDecision(tx.id, 'skipped', reason, tx.amountMinor);
    if (tx.direction !== 'credit') {
      decisions[k] = skipped('NOT_A_CREDIT');
      continue;
    }
    if (tx.reversal) {
      decisions[k] = skipped('REVERSAL');
      continue;
    }
    if (tx.status !== undefined && !/^(BOOK|BOOKED)$/i.test(tx.status)) {
      decisions[k] = skipped('NOT_BOOKED');
      continue;
    }
    const identity = lineIdentity(tx);
    if (identity.exact !== undefined) {
      if (seen.has(identity.exact)) {
        decisions[k] = skipped('DUPLICATE');
        continue;
      }
      seen.set(identity.exact, tx.id);
      const first = identity.sameReference === undefined ? undefined : seen.get(identity.sameReference);
      if (first !== undefined)
        heldAsRepeat.set(k, `the bank reference and amount of ${first}, booked on another day`);
      else if (identity.sameReference !== undefined) seen.set(identity.sameReference, tx.id);
    } else {
      // Without the bank's reference a repeat may be the same payment or a second one: a person decides.
      const first = identity.possible.map((key) => seen.get(key)).find((id) => id !== undefined);
      if (first !== undefined)
        heldAsRepeat.set(k, `no bank reference, and the UETR, EndToEndId or content of ${first}`);
    }
    for (const key of identity.possible) if (!seen.has(key)) seen.set(key, tx.id);
    const returned = returnedPaymentCode(tx);
    if (returned !== undefined) {
      decisions[k] = {
        ...emptyDecision(tx.id, 'unmatched', 'RETURNED_PAYMENT', tx.amountMinor),
        notes: [`${returned}: a returned or reversed payment, not a customer's payment`],
      };
      continue;
    }
    if ((tx.valueDate ?? tx.bookingDate) === undefined) {
      decisions[k] = emptyDecision(tx.id, 'unmatched', 'MISSING_DATE', tx.amountMinor);
      continue;
    }
    todo.push({ k, best: 0, day: tx.bookingDate ?? tx.valueDate ?? '' });
  }
  // Days go in booking order: a later day never changes what an earlier day's line matched.
  todo.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.k - b.k));
  for (let start = 0; start < todo.length; ) {
    let end = start;
    while (end < todo.length && todo[end]?.day === todo[start]?.day) end++;
    // Pass 1 for the day, against the ledger as earlier days left it: each line's strength, to
    // apply the surest first within the day. Evaluations stay valid until a payer they looked at
    // gets money applied.
    changedPayers.clear();
    const day = todo.slice(start, end);
    for (const t of day) {
      const ev = evaluateLine(transactions[t.k] as BankTransaction, ctx);
      firstEval[t.k] = ev;
      t.best = ev.proposals[0]?.confidence ?? 0;
    }
    day.sort((a, b) => b.best - a.best || a.k - b.k);
    for (const { k } of day) applyLine(k);
    start = end;
  }

  function applyLine(k: number): void {
    const tx = transactions[k] as BankTransaction;
    const cached = firstEval[k];
    firstEval[k] = undefined;
    const ev =
      cached !== undefined && !cached.consultedPayers.some((p) => changedPayers.has(p))
        ? cached
        : evaluateLine(tx, ctx);
    const props = ev.proposals;
    const top = props[0];
    const second = props[1];
    const toProposal = (p: PlannedProposal): Proposal => publicProposal(p, tx, index);
    // Every equally good group answer is listed (the line abstains on them), beyond top-k if need be.
    const groupAnswers = props.filter((p) => p.ambiguousGroup).length;
    const suggestions = props
      .slice(0, Math.max(options.topK, top?.ambiguousGroup ? groupAnswers : 0))
      .map(toProposal);
    const repeatOf = heldAsRepeat.get(k);
    const notes =
      repeatOf === undefined
        ? ev.notes
        : [...ev.notes, `${repeatOf}: possibly the same payment again, for a person to decide`];
    const base = { transactionId: tx.id, payerIds: ev.payerIds, notes };
    if (top === undefined) {
      decisions[k] = {
        ...emptyDecision(
          tx.id,
          'unmatched',
          repeatOf !== undefined
            ? 'POSSIBLE_DUPLICATE'
            : ev.payerIds.length
              ? 'NO_MATCHING_OPEN_ITEM'
              : 'NO_CANDIDATES',
          tx.amountMinor,
        ),
        payerIds: ev.payerIds,
        notes,
      };
      return;
    }
    const clear = second === undefined || top.confidence - second.confidence >= options.ambiguityMargin;
    const fitsLedger =
      top.plan.every((a) => a.cashMinor + a.creditMinor + a.writeOffMinor <= open.get(a.item)) &&
      top.plan.reduce((s, a) => s + a.paymentCashMinor, 0) <= tx.amountMinor;
    // A plan that moves no money (a reference hit in a currency with no rate) is for a person.
    const movesMoney = top.plan.some((a) => a.cashMinor + a.creditMinor + a.writeOffMinor > 0);
    if (
      repeatOf === undefined &&
      top.confidence >= options.autoThreshold &&
      clear &&
      !top.ambiguousGroup &&
      top.blocked === undefined &&
      fitsLedger &&
      movesMoney
    ) {
      const applied = publicProposal(top, tx, index);
      for (const a of top.plan) {
        const consumed =
          a.kind === 'credit-note' ? a.creditMinor : a.cashMinor + a.creditMinor + a.writeOffMinor;
        openAfter.set(a.item, open.get(a.item) - consumed);
        changedPayers.add(index.invoices[a.item]?.payerId ?? '');
      }
      state.applied.set(tx.id, top.plan);
      decisions[k] = {
        ...base,
        status: 'auto',
        confidence: top.confidence,
        allocations: applied.allocations,
        unappliedMinor: top.unappliedMinor,
        evidence: top.evidence,
        suggestions: suggestions.slice(1),
      };
      return;
    }
    const ambiguous = top.ambiguousGroup || (!clear && top.confidence >= options.suggestThreshold);
    const status = top.confidence >= options.suggestThreshold ? 'suggested' : 'unmatched';
    const reason: LineReason =
      repeatOf !== undefined
        ? 'POSSIBLE_DUPLICATE'
        : ambiguous
          ? 'AMBIGUOUS'
          : top.blocked !== undefined
            ? top.blocked
            : !movesMoney && top.evidence.some((e) => e.code === 'CURRENCY_MISMATCH')
              ? 'NO_FX_RATE'
              : status === 'suggested'
                ? 'BELOW_AUTO_THRESHOLD'
                : 'LOW_CONFIDENCE';
    decisions[k] = {
      ...base,
      status,
      reason,
      confidence: top.confidence,
      allocations: [],
      unappliedMinor: tx.amountMinor,
      evidence: top.evidence,
      suggestions: status === 'suggested' ? suggestions : [],
    };
  }

  const lines = decisions.map(
    (d, k) => d ?? emptyDecision(transactions[k]?.id ?? '', 'unmatched', 'NO_CANDIDATES', 0),
  );
  return assembleResult(
    lines,
    transactions,
    index,
    input.ledgerEvents,
    (i) => openBefore.get(i) ?? index.invoices[i]?.openAmountMinor ?? 0,
  );
}

/**
 * Builds the ledger output (events, adjustments, outcomes, summary) of decided lines.
 *
 * @example
 * ```ts
 * const result = assembleResult(lines, transactions, index, undefined, (i) => index.invoices[i]!.openAmountMinor);
 * ```
 */
export function assembleResult(
  lines: readonly LineDecision[],
  transactions: readonly BankTransaction[],
  index: InvoiceIndex,
  ledgerEvents: Readonly<Record<string, readonly VerifiedInvoiceEvent[]>> | undefined,
  before: (item: number) => number,
): ReconcileResult {
  const events = buildEvents(lines, transactions, index);
  const adjustments = buildAdjustments(lines, transactions, index);
  return {
    lines,
    events,
    adjustments,
    invoices: outcomes(lines, index, events, adjustments, ledgerEvents, before),
    summary: summarise(lines),
  };
}

// Callers that stream one line per call pass the same advice list each time: key it once.
const ADVICES = new WeakMap<readonly RemittanceAdvice[], Map<string, RemittanceAdvice>>();

function adviceMap(list: readonly RemittanceAdvice[]): Map<string, RemittanceAdvice> {
  let map = ADVICES.get(list);
  if (map === undefined) {
    map = new Map();
    for (const a of list) {
      const key = a.paymentReference.trim().toUpperCase();
      if (!map.has(key)) map.set(key, a);
    }
    ADVICES.set(list, map);
  }
  return map;
}

function emptyDecision(
  transactionId: string,
  status: LineDecision['status'],
  reason: LineReason,
  amount: number,
): LineDecision {
  return {
    transactionId,
    status,
    reason,
    confidence: 0,
    allocations: [],
    unappliedMinor: status === 'skipped' ? 0 : amount,
    evidence: [],
    suggestions: [],
    payerIds: [],
    notes: [],
  };
}

/**
 * The public {@link Proposal} of a planned one, allocations named by invoice id and number.
 *
 * @example
 * ```ts
 * const p = publicProposal(planned, tx, index);
 * ```
 */
export function publicProposal(p: PlannedProposal, tx: BankTransaction, index: InvoiceIndex): Proposal {
  return {
    invoiceIds: p.items.map((i) => index.invoices[i]?.invoiceId ?? ''),
    confidence: p.confidence,
    evidence: p.evidence,
    allocations: p.plan.map((a, n) => ({
      allocationId: `${tx.id}#${n + 1}`,
      transactionId: tx.id,
      invoiceId: index.invoices[a.item]?.invoiceId ?? '',
      invoiceNumber: index.invoices[a.item]?.invoiceNumber ?? '',
      kind: a.kind,
      cashMinor: a.cashMinor,
      paymentCashMinor: a.paymentCashMinor,
      creditMinor: a.creditMinor,
      writeOffMinor: a.writeOffMinor,
      ...(a.writeOffReason === undefined ? {} : { writeOffReason: a.writeOffReason }),
      fxDifferenceMinor: a.fxDifferenceMinor,
    })),
    unappliedMinor: p.unappliedMinor,
  };
}

function buildEvents(
  lines: readonly LineDecision[],
  transactions: readonly BankTransaction[],
  index: InvoiceIndex,
): PaymentReceivedEvent[] {
  const events: PaymentReceivedEvent[] = [];
  lines.forEach((line, k) => {
    const tx = transactions[k];
    if (tx === undefined || (line.status !== 'auto' && line.status !== 'confirmed')) return;
    const date = tx.valueDate ?? tx.bookingDate ?? '1970-01-01';
    for (const a of line.allocations) {
      if (a.cashMinor <= 0) continue;
      const inv = index.invoices[index.byId.get(a.invoiceId) ?? -1];
      const bankReference = tx.bankReference ?? tx.endToEndId;
      events.push({
        invoiceId: a.invoiceId,
        eventType: 'payment.received',
        payload: {
          paymentId: tx.id,
          allocationId: a.allocationId,
          amountMinor: a.cashMinor,
          // Invoice currencies were checked against core's ISO 4217 table when indexed.
          currency: (inv?.currency ?? tx.currency) as CurrencyCode,
          receivedAt: unixSeconds(date),
          method: 'bank-transfer',
          ...(tx.counterpartyName === undefined ? {} : { payerName: tx.counterpartyName }),
          ...(bankReference === undefined ? {} : { bankReference }),
          statementId: tx.statementId,
          matchConfidence: line.confidence,
          reconciled: true,
        },
      });
    }
  });
  return events;
}

function buildAdjustments(
  lines: readonly LineDecision[],
  transactions: readonly BankTransaction[],
  index: InvoiceIndex,
): InvoiceCreditedEvent[] {
  const out: InvoiceCreditedEvent[] = [];
  lines.forEach((line, k) => {
    const tx = transactions[k];
    if (tx === undefined || (line.status !== 'auto' && line.status !== 'confirmed')) return;
    const creditedAt = unixSeconds(tx.valueDate ?? tx.bookingDate ?? '1970-01-01');
    const notes = line.allocations
      .filter((a) => a.kind === 'credit-note')
      .map((a) => index.invoices[index.byId.get(a.invoiceId) ?? -1]?.invoiceNumber ?? a.invoiceId);
    for (const a of line.allocations) {
      if (a.kind === 'credit-note') continue;
      if (a.writeOffMinor > 0) {
        out.push({
          invoiceId: a.invoiceId,
          eventType: 'invoice.credited',
          payload: {
            creditNoteId: `WO-${a.allocationId}`,
            amountMinor: a.writeOffMinor,
            reason: a.writeOffReason ?? 'WRITE_OFF',
            creditedAt,
          },
          basis: 'WRITE_OFF',
          transactionId: tx.id,
        });
      }
      if (a.creditMinor > 0) {
        out.push({
          invoiceId: a.invoiceId,
          eventType: 'invoice.credited',
          payload: {
            creditNoteId: notes.join('+') || `CN-${a.allocationId}`,
            amountMinor: a.creditMinor,
            reason: 'CREDIT_NOTE_NETTED',
            creditedAt,
          },
          basis: 'CREDIT_NOTE_NETTED',
          transactionId: tx.id,
        });
      }
    }
  });
  return out;
}

function outcomes(
  lines: readonly LineDecision[],
  index: InvoiceIndex,
  events: readonly PaymentReceivedEvent[],
  adjustments: readonly InvoiceCreditedEvent[],
  ledger: Readonly<Record<string, readonly VerifiedInvoiceEvent[]>> | undefined,
  before: (item: number) => number,
): InvoiceOutcome[] {
  const acc = new Map<string, { cash: number; credit: number; writeOff: number }>();
  for (const l of lines) {
    for (const a of l.allocations) {
      const o = acc.get(a.invoiceId) ?? { cash: 0, credit: 0, writeOff: 0 };
      o.cash += a.cashMinor;
      o.credit += a.creditMinor;
      o.writeOff += a.writeOffMinor;
      acc.set(a.invoiceId, o);
    }
  }
  const out: InvoiceOutcome[] = [];
  // Only the touched items: a run costs nothing per untouched open invoice.
  for (const [invoiceId, o] of acc) {
    const pos = index.byId.get(invoiceId) ?? -1;
    const inv = index.invoices[pos];
    if (inv === undefined) continue;
    const openBeforeMinor = before(pos);
    const openAfter = openBeforeMinor - o.cash - o.credit - o.writeOff;
    const existing = ledger?.[inv.invoiceId];
    let state = lifecycleWithoutLedger({ kind: inv.kind ?? 'invoice', openAfterMinor: openAfter });
    let ledgerViolations: string[] = [];
    if (existing !== undefined && (inv.kind ?? 'invoice') === 'invoice') {
      // Credits first: a netted credit note must lower the open amount before the payment lands.
      const additions = [
        ...adjustments.filter((e) => e.invoiceId === inv.invoiceId),
        ...events.filter((e) => e.invoiceId === inv.invoiceId),
      ];
      const life = projectLifecycle(existing, inv.invoiceId, additions);
      state = life.state;
      ledgerViolations = life.violations.map((v) => v.code);
    }
    out.push({
      invoiceId: inv.invoiceId,
      openBeforeMinor,
      cashMinor: o.cash,
      creditMinor: o.credit,
      writeOffMinor: o.writeOff,
      openAfterMinor: openAfter,
      state,
      ledgerViolations,
    });
  }
  return out.sort((a, b) => (a.invoiceId < b.invoiceId ? -1 : a.invoiceId > b.invoiceId ? 1 : 0));
}

function summarise(lines: readonly LineDecision[]): ReconcileResult['summary'] {
  const count = (s: LineDecision['status']): number => lines.filter((l) => l.status === s).length;
  return {
    lines: lines.length,
    auto: count('auto'),
    suggested: count('suggested'),
    unmatched: count('unmatched'),
    skipped: count('skipped'),
  };
}
