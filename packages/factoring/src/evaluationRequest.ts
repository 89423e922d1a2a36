// What a caller hands the engine for one decision (inputs plus optional precomputed facts).

import type { PortfolioState } from './facts/portfolioState.js';
import type { BuyerProfile } from './facts/predictPayment.js';
import type { CompiledPolicy } from './inputs/compilePolicy.js';
import type { VerifiedEvent } from './inputs/events.js';
import type { BuyerHistory } from './inputs/history.js';
import type { InvoiceInput } from './inputs/invoice.js';
import type { FactoringPolicy } from './inputs/policy.js';
import type { Portfolio } from './inputs/portfolio.js';
import type { TrustSource } from './inputs/trust.js';

/**
 * Everything one decision needs. `asOf` (Unix seconds) is the evaluation time: the engine never
 * reads a clock. Pass a {@link CompiledPolicy} when deciding many invoices under one policy.
 *
 * @example
 * ```ts
 * const request: EvaluationRequest = { invoice, events, trust, policy: standardPolicy(), asOf: 1_700_864_000 };
 * ```
 */
export interface EvaluationRequest {
  readonly invoice: InvoiceInput;
  /** The events the ledger accepted: the only ones whose amounts and attestations count. */
  readonly events: readonly VerifiedEvent[];
  /**
   * Events the ledger refused (`view.rejected`), as fraud evidence only: a supplier signing a
   * carrier's or buyer's attestation is a forgery, a refused event otherwise sends the invoice to
   * review. Nothing in them is ever counted as money or as an attestation.
   */
  readonly rejectedEvents?: readonly VerifiedEvent[] | undefined;
  readonly trust: TrustSource;
  readonly policy: FactoringPolicy | CompiledPolicy;
  readonly asOf: number;
  /**
   * The financier's book. A plain {@link Portfolio} is indexed on every call (its known invoices
   * included); to decide many invoices one by one, build a {@link PortfolioState} once with
   * `createPortfolioState` and pass that. It is read, not modified: an approval reserves nothing
   * until you call `reserveApproval(state, invoice, decision)` for it, so a loop that skips that
   * call decides every invoice against limits that do not count the ones before and can buy one
   * receivable twice. `evaluateBatch` reserves each approval itself.
   */
  readonly portfolio?: Portfolio | PortfolioState | undefined;
  readonly buyerHistory?: BuyerHistory;
  /**
   * A precomputed {@link profileBuyer} result (takes precedence over `buyerHistory`). Checked
   * before use: whole counts and bps, `daysLate` ordered within ±3650 (else `INVALID_INPUT`).
   */
  readonly buyerProfile?: BuyerProfile | undefined;
  /** Build the rule trace (default true). */
  readonly trace?: boolean;
}
