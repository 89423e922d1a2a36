import type { Evidence } from './Evidence.js';
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
 * Why a proposal may be shown but never applied automatically, whatever its confidence:
 * a tolerance without a reference; the text names another document; the account identifies one
 * payer and the name another (`PAYER_CONFLICT`); the payer is known only from learned memory and
 * nothing names the item (`LEARNED_PAYER_ONLY`); the payment is dated before the item was issued
 * and nothing names the item (`PAID_BEFORE_ISSUE`); only a repaired or one-edit reference, with
 * neither payer evidence nor the exact amount (`WEAK_REFERENCE_ONLY`); a part- or over-payment of
 * the named item whose amount is exactly another open item of the payer
 * (`AMOUNT_FITS_OTHER_ITEM`); more than half the settled amount again left over
 * (`OVERPAYMENT_BEYOND_TOLERANCE`); value and booking dates more than 30 days apart
 * (`IMPLAUSIBLE_DATE`).
 *
 * @example
 * ```ts
 * const b: AutoBlock = 'TOLERANCE_WITHOUT_REFERENCE';
 * ```
 */
export type AutoBlock =
  | 'TOLERANCE_WITHOUT_REFERENCE'
  | 'TEXT_NAMES_OTHER_ITEMS'
  | 'PAYER_CONFLICT'
  | 'LEARNED_PAYER_ONLY'
  | 'PAID_BEFORE_ISSUE'
  | 'WEAK_REFERENCE_ONLY'
  | 'AMOUNT_FITS_OTHER_ITEM'
  | 'OVERPAYMENT_BEYOND_TOLERANCE'
  | 'IMPLAUSIBLE_DATE';

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
  /** Set when the proposal must go to a person (see {@link AutoBlock}). */
  readonly blocked?: AutoBlock;
}
