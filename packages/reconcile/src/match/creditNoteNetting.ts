// Credit-note netting before partial payment: a payer who pays "invoice minus credit note" and
// names only the invoice has settled both, not paid part of the invoice.
import type { BankTransaction } from '../model/BankTransaction.js';
import { dateEvidence } from './dateEvidence.js';
import { type Evidence, evidence } from './Evidence.js';
import { findExactSubsets } from './findExactSubsets.js';
import { groupProposal } from './groupProposal.js';
import type { LineContext } from './LineContext.js';
import type { PlannedProposal } from './PlannedProposal.js';
import { payerEvidenceFor } from './payerEvidenceFor.js';

const MAX_NOTES = 40;

/**
 * For each referenced invoice the payment falls short of (a partial or a fee-sized shortfall),
 * looks for open credit notes of the same payer (one to three) that explain the shortfall
 * exactly. One answer replaces the short-payment proposal with a netting proposal; several
 * answers replace it with ambiguous proposals, so nothing is posted.
 *
 * @example
 * ```ts
 * creditNoteNetting(proposals, tx, ctx, refHits, payerEvidence, payerIds, notes);
 * ```
 */
export function creditNoteNetting(
  proposals: PlannedProposal[],
  tx: BankTransaction,
  ctx: LineContext,
  refHits: ReadonlyMap<number, Evidence>,
  payerEvidence: ReadonlyMap<string, Evidence[]>,
  payerIds: readonly string[],
  notes: string[],
): void {
  const { index, open, options } = ctx;
  const invoices = index.invoices;
  for (let k = proposals.length - 1; k >= 0; k--) {
    const p = proposals[k];
    const a = p?.plan[0];
    if (p === undefined || a === undefined || p.items.length !== 1) continue;
    const i = a.item;
    const inv = invoices[i];
    const ref = refHits.get(i);
    if (inv === undefined || ref === undefined || inv.currency !== tx.currency) continue;
    const shortLike =
      a.kind === 'partial' ||
      (a.writeOffMinor > 0 && (a.writeOffReason === 'BANK_FEE' || a.writeOffReason === 'ROUNDING'));
    if (!shortLike || p.evidence.some((e) => e.code === 'BANK_CHARGES')) continue;
    const short = open.get(i) - tx.amountMinor;
    if (short <= 0) continue;
    const cns = (index.payers.get(inv.payerId)?.creditNotes ?? []).filter(
      (c) => open.get(c) > 0 && invoices[c]?.currency === tx.currency,
    );
    if (cns.length === 0) continue;
    if (cns.length > MAX_NOTES) {
      notes.push(`payer has ${cns.length} open credit notes; netting not checked`);
      continue;
    }
    const result = findExactSubsets(
      cns.map((c) => open.get(c)),
      short,
      { minSize: 1, maxSize: 3, maxSolutions: 10, maxSteps: options.maxSubsetSteps },
    );
    if (result.found === 0 && result.complete) continue;
    const ambiguous = result.found !== 1 || !result.complete;
    if (ambiguous)
      notes.push(
        `${result.found} combinations of open credit notes explain the shortfall ${short}; abstaining`,
      );
    const nettings = result.solutions.map((sol) => {
      const items = [i, ...sol.map((s) => cns[s] ?? -1)];
      const ev: Evidence[] = [
        ref,
        evidence(
          'amount',
          'CREDIT_NOTE_NETTED',
          'amountMinor',
          `open ${open.get(i)} minus credit note(s) ${sol.map((s) => invoices[cns[s] ?? -1]?.invoiceNumber).join(', ')} = ${tx.amountMinor}`,
        ),
        evidence('amount', 'AMOUNT_EXACT', 'amountMinor', 'net of credit notes'),
        ...payerEvidenceFor(inv, payerEvidence, payerIds),
        ...dateEvidence(tx, inv, options),
      ];
      return groupProposal(items, ev, ctx, tx.amountMinor, 0, ambiguous);
    });
    proposals.splice(k, 1, ...nettings);
  }
}
