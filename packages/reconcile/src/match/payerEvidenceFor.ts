import type { OpenInvoice } from '../model/OpenInvoice.js';
import { type Evidence, evidence } from './Evidence.js';

/**
 * Payer evidence for one invoice: the line's evidence for its payer, or a mismatch when the line
 * identifies someone else.
 *
 * @example
 * ```ts
 * const ev = payerEvidenceFor(inv, payerEvidence, payerIds);
 * ```
 */
export function payerEvidenceFor(
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
