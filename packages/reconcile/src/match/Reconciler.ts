// A stateful reconciliation loop for a period: statements go in booking order, open items are
// carried forward between them, and applied lines can be confirmed by hand or undone (returns).
import { ReconcileInputError } from '../errors/ReconcileInputError.js';
import type { BankStatement, BankTransaction } from '../model/BankTransaction.js';
import type { OpenInvoice, RemittanceAdvice } from '../model/OpenInvoice.js';
import { emptyPayerMemory, type PayerMemory } from '../model/PayerMemory.js';
import { buildInvoiceIndex, type InvoiceIndex } from './InvoiceIndex.js';
import { type ReconcileOptions, resolveOptions } from './options.js';
import type { PlannedAllocation } from './PlannedProposal.js';
import type { Allocation, Proposal } from './Proposal.js';
import {
  assembleResult,
  type LineDecision,
  newRunState,
  type ReconcileResult,
  type RunState,
  runReconciliation,
} from './reconcile.js';
import { RETURN_REASON } from './returnedPaymentCode.js';

/**
 * What a {@link Reconciler} starts from.
 *
 * @example
 * ```ts
 * const init: ReconcilerInit = { invoices: open, options: { fxRates } };
 * ```
 */
export interface ReconcilerInit {
  readonly invoices: readonly OpenInvoice[];
  readonly remittances?: readonly RemittanceAdvice[];
  readonly memory?: PayerMemory;
  readonly options?: ReconcileOptions;
}

/**
 * A debit or reversal that returns an earlier applied credit (same end-to-end id or bank
 * reference, same amount and currency). Reported, not acted on: call `undo` to reverse it.
 *
 * @example
 * ```ts
 * for (const r of result.returns) if (r.applied) reconciler.undo(r.returnsTransactionId);
 * ```
 */
export interface ReturnNotice {
  readonly transactionId: string;
  readonly returnsTransactionId: string;
  /** Whether money of the returned line is applied (then `undo` reverses it; else nothing to do). */
  readonly applied: boolean;
  /** ISO 20022 return reason when the line carries one (`AC06`: account blocked, ...). */
  readonly reason?: string;
}

/**
 * What {@link Reconciler.process} returns: the run's result plus the returns it noticed.
 *
 * @example
 * ```ts
 * const { summary, returns } = reconciler.process(statement);
 * ```
 */
export interface ProcessResult extends ReconcileResult {
  readonly returns: readonly ReturnNotice[];
}

/**
 * The allocations {@link Reconciler.undo} reversed, with each item's open amount afterwards.
 *
 * @example
 * ```ts
 * const { reversed, reopened } = reconciler.undo('STMT-02:4');
 * ```
 */
export interface UndoResult {
  readonly transactionId: string;
  readonly reversed: readonly Allocation[];
  /** Open amount of each touched item after the undo, by invoice id. */
  readonly reopened: Readonly<Record<string, number>>;
}

/**
 * Reconciles a period of statements as one loop: each call to {@link Reconciler.process} takes
 * the next statement(s), refuses lines booked before a day already processed, applies lines in
 * booking order and carries the open amounts forward. Suggestions a person confirms go through
 * {@link Reconciler.apply}; a returned payment (AC06, ...) is reversed with
 * {@link Reconciler.undo}. Every call is all-or-nothing: bad input throws before anything changes.
 *
 * @example
 * ```ts
 * const reconciler = new Reconciler({ invoices: loadOpenItemsCsv(csv, mapping), options: { fxRates } });
 * for (const file of dailyFiles) {
 *   const result = reconciler.process(parseCamt(file).statements);
 *   for (const r of result.returns) if (r.applied) reconciler.undo(r.returnsTransactionId);
 * }
 * console.log(reconciler.openItems().length);
 * ```
 */
export class Reconciler {
  #index: InvoiceIndex;
  readonly #state: RunState = newRunState();
  readonly #remittances: RemittanceAdvice[];
  readonly #memory: PayerMemory;
  readonly #options: ReconcileOptions;
  readonly #seenTx = new Map<string, BankTransaction>();
  #lastDay = '';

  /** Indexes the open items once; throws {@link ReconcileInputError} on a bad item or option. */
  constructor(init: ReconcilerInit) {
    this.#options = init.options ?? {};
    resolveOptions(this.#options);
    this.#memory = init.memory ?? emptyPayerMemory();
    this.#index = buildInvoiceIndex(init.invoices, this.#memory);
    this.#remittances = [...(init.remittances ?? [])];
  }

  /** Last booking day processed (`''` before the first statement). */
  get lastBookingDate(): string {
    return this.#lastDay;
  }

  /**
   * Processes the next statement(s) in booking order and carries the open items forward.
   * Throws {@link ReconcileInputError} (and changes nothing) when a line is booked before a day
   * already processed or repeats a transaction id already processed. A line seen before under
   * another id (the camt.052 entry again in the camt.053) is `DUPLICATE`; one that may be a repeat
   * (no bank reference, or the same reference on another day) is held as `POSSIBLE_DUPLICATE`.
   */
  process(statements: BankStatement | readonly BankStatement[]): ProcessResult {
    const list: readonly BankStatement[] = Array.isArray(statements)
      ? (statements as readonly BankStatement[])
      : [statements as BankStatement];
    const txs: BankTransaction[] = [];
    const ids = new Set<string>();
    list.forEach((s, si) => {
      s.transactions.forEach((tx, ti) => {
        const day = tx.bookingDate ?? tx.valueDate ?? '';
        const path = `statements[${si}].transactions[${ti}]`;
        if (day !== '' && day < this.#lastDay)
          throw new ReconcileInputError(
            `${path}.bookingDate`,
            `booked ${day}, before ${this.#lastDay} which is already processed`,
          );
        if (this.#seenTx.has(tx.id) || ids.has(tx.id))
          throw new ReconcileInputError(`${path}.id`, `transaction "${tx.id}" was already processed`);
        ids.add(tx.id);
        txs.push(tx);
      });
    });
    const found = this.#findReturns(txs);
    const result = runReconciliation(
      this.#index,
      txs,
      { remittances: this.#remittances, memory: this.#memory, options: this.#options },
      this.#state,
    );
    for (const tx of txs) {
      this.#seenTx.set(tx.id, tx);
      const day = tx.bookingDate ?? tx.valueDate ?? '';
      if (day > this.#lastDay) this.#lastDay = day;
    }
    // A line returned in the same call may have been applied just now: look after the run.
    const returns = found.map((r) => ({ ...r, applied: this.#state.applied.has(r.returnsTransactionId) }));
    return { ...result, returns };
  }

  /**
   * Applies a proposal a person confirmed (usually one of a line's `suggestions`) against the
   * current open amounts. Throws {@link ReconcileInputError} when the line is unknown or already
   * applied, or when the proposal no longer fits (an item settled meanwhile, more money than the
   * payment).
   */
  apply(transactionId: string, proposal: Proposal): ReconcileResult {
    const tx = this.#seenTx.get(transactionId);
    if (tx === undefined)
      throw new ReconcileInputError('transactionId', `unknown transaction "${transactionId}"`);
    if (this.#state.applied.has(transactionId))
      throw new ReconcileInputError(
        'transactionId',
        `transaction "${transactionId}" is already applied; undo it first`,
      );
    const plan: PlannedAllocation[] = [];
    const use = new Map<number, number>();
    let paid = 0;
    proposal.allocations.forEach((a, k) => {
      const path = `proposal.allocations[${k}]`;
      const item = this.#index.byId.get(a.invoiceId);
      if (item === undefined)
        throw new ReconcileInputError(`${path}.invoiceId`, `unknown invoice "${a.invoiceId}"`);
      for (const f of ['cashMinor', 'paymentCashMinor', 'creditMinor', 'writeOffMinor'] as const)
        if (!Number.isSafeInteger(a[f]) || a[f] < 0)
          throw new ReconcileInputError(`${path}.${f}`, 'must be a non-negative integer');
      const consumed =
        a.kind === 'credit-note' ? a.creditMinor : a.cashMinor + a.creditMinor + a.writeOffMinor;
      use.set(item, (use.get(item) ?? 0) + consumed);
      if ((use.get(item) ?? 0) > this.#open(item))
        throw new ReconcileInputError(
          `${path}`,
          `more than the ${this.#open(item)} still open on "${a.invoiceId}"`,
        );
      paid += a.paymentCashMinor;
      plan.push({
        item,
        kind: a.kind,
        cashMinor: a.cashMinor,
        paymentCashMinor: a.paymentCashMinor,
        creditMinor: a.creditMinor,
        writeOffMinor: a.writeOffMinor,
        ...(a.writeOffReason === undefined ? {} : { writeOffReason: a.writeOffReason }),
        fxDifferenceMinor: a.fxDifferenceMinor,
      });
    });
    if (paid > tx.amountMinor)
      throw new ReconcileInputError(
        'proposal.allocations',
        `apply ${paid}, more than the payment ${tx.amountMinor}`,
      );
    const before = new Map(this.#state.openAfter);
    for (const [item, consumed] of use) this.#state.openAfter.set(item, this.#open(item) - consumed);
    this.#state.applied.set(transactionId, plan);
    const line: LineDecision = {
      transactionId,
      status: 'confirmed',
      confidence: proposal.confidence,
      allocations: proposal.allocations.map((a, n) => ({
        ...a,
        allocationId: `${transactionId}#${n + 1}`,
        transactionId,
      })),
      unappliedMinor: tx.amountMinor - paid,
      evidence: proposal.evidence,
      suggestions: [],
      payerIds: [],
      notes: ['confirmed by a person'],
    };
    return assembleResult(
      [line],
      [tx],
      this.#index,
      undefined,
      (i) => before.get(i) ?? this.#index.invoices[i]?.openAmountMinor ?? 0,
    );
  }

  /**
   * Reverses what was applied for a line (a returned payment, a wrong confirmation): the items'
   * open amounts go back up. Core has no payment-reversal event: post the correction your ledger
   * supports. Throws {@link ReconcileInputError} when nothing is applied for the line.
   */
  undo(transactionId: string): UndoResult {
    const plan = this.#state.applied.get(transactionId);
    if (plan === undefined)
      throw new ReconcileInputError('transactionId', `nothing is applied for transaction "${transactionId}"`);
    const reopened: Record<string, number> = {};
    const reversed: Allocation[] = plan.map((a, n) => {
      const consumed =
        a.kind === 'credit-note' ? a.creditMinor : a.cashMinor + a.creditMinor + a.writeOffMinor;
      const inv = this.#index.invoices[a.item];
      const now = this.#open(a.item) + consumed;
      if (now === inv?.openAmountMinor) this.#state.openAfter.delete(a.item);
      else this.#state.openAfter.set(a.item, now);
      reopened[inv?.invoiceId ?? ''] = now;
      return {
        allocationId: `${transactionId}#${n + 1}`,
        transactionId,
        invoiceId: inv?.invoiceId ?? '',
        invoiceNumber: inv?.invoiceNumber ?? '',
        kind: a.kind,
        cashMinor: a.cashMinor,
        paymentCashMinor: a.paymentCashMinor,
        creditMinor: a.creditMinor,
        writeOffMinor: a.writeOffMinor,
        ...(a.writeOffReason === undefined ? {} : { writeOffReason: a.writeOffReason }),
        fxDifferenceMinor: a.fxDifferenceMinor,
      };
    });
    this.#state.applied.delete(transactionId);
    return { transactionId, reversed, reopened };
  }

  /** Current open amount of an invoice (or credit note) by id; `undefined` when unknown. */
  openAmount(invoiceId: string): number | undefined {
    const i = this.#index.byId.get(invoiceId);
    return i === undefined ? undefined : this.#open(i);
  }

  /** The open items with their current open amounts (settled ones left out), in input order. */
  openItems(): OpenInvoice[] {
    const out: OpenInvoice[] = [];
    this.#index.invoices.forEach((inv, i) => {
      const o = this.#open(i);
      if (o > 0) out.push(o === inv.openAmountMinor ? inv : { ...inv, openAmountMinor: o });
    });
    return out;
  }

  /** Adds newly issued open items (and remittance advices) for the statements still to come. */
  addOpenItems(invoices: readonly OpenInvoice[], remittances: readonly RemittanceAdvice[] = []): void {
    // Positions of the existing items stay the same, so the carried open amounts stay valid.
    this.#index = buildInvoiceIndex([...this.#index.invoices, ...invoices], this.#memory);
    this.#remittances.push(...remittances);
  }

  #open(i: number): number {
    return this.#state.openAfter.get(i) ?? this.#index.invoices[i]?.openAmountMinor ?? 0;
  }

  #findReturns(txs: readonly BankTransaction[]): Omit<ReturnNotice, 'applied'>[] {
    const out: Omit<ReturnNotice, 'applied'>[] = [];
    const candidates = [...this.#seenTx.values(), ...txs].filter(
      (t) => t.direction === 'credit' && !t.reversal,
    );
    for (const tx of txs) {
      if (tx.direction === 'credit' && !tx.reversal) continue;
      const text = [...tx.additionalInfo, ...tx.remittanceText].join(' ');
      const reason = RETURN_REASON.exec(text)?.[1];
      const original = candidates.find(
        (c) =>
          c.id !== tx.id &&
          c.amountMinor === tx.amountMinor &&
          c.currency === tx.currency &&
          ((tx.endToEndId !== undefined && c.endToEndId === tx.endToEndId) ||
            (tx.bankReference !== undefined && c.bankReference === tx.bankReference)),
      );
      if (original)
        out.push({
          transactionId: tx.id,
          returnsTransactionId: original.id,
          ...(reason === undefined ? {} : { reason }),
        });
    }
    return out;
  }
}
