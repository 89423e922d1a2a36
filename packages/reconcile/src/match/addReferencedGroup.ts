import type { BankTransaction } from '../model/BankTransaction.js';
import type { OpenInvoice } from '../model/OpenInvoice.js';
import { tolerance } from './amountFit.js';
import { type Evidence, evidence } from './Evidence.js';
import { groupProposal, minWeight, signedOpen } from './groupProposal.js';
import type { LineContext } from './LineContext.js';
import type { PlannedProposal } from './PlannedProposal.js';
import { payerEvidenceFor } from './payerEvidenceFor.js';

/**
 * Adds the group of all referenced items when they sum to the payment (within tolerance), and
 * drops the single part- or over-payment proposals of its members.
 *
 * @example
 * ```ts
 * addReferencedGroup(proposals, tx, ctx, refHits, payerEvidence, payerIds);
 * ```
 */
export function addReferencedGroup(
  proposals: PlannedProposal[],
  tx: BankTransaction,
  ctx: LineContext,
  refHits: ReadonlyMap<number, Evidence>,
  payerEvidence: ReadonlyMap<string, Evidence[]>,
  payerIds: readonly string[],
): void {
  const { open, options } = ctx;
  const invoices = ctx.index.invoices;
  const pay = tx.amountMinor;
  const referenced = [...refHits.keys()]
    .filter((i) => open.get(i) > 0 && invoices[i]?.currency === tx.currency)
    .sort((a, b) => a - b);
  // A group spans one payer: a reference to someone else's item is about something else.
  const payersNamed = new Set(referenced.map((i) => invoices[i]?.payerId));
  if (referenced.length >= 2 && payersNamed.size === 1) {
    const net = referenced.reduce((s, i) => s + signedOpen(invoices[i], open.get(i)), 0);
    const short = net - pay;
    const charged = short > 0 && short === (tx.chargesMinor ?? 0);
    if (short === 0 || charged || (short > 0 && short <= tolerance(net, options))) {
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
          short === 0 ? 'AMOUNT_EXACT' : charged ? 'BANK_CHARGES' : 'SHORT_WITHIN_TOLERANCE',
          charged ? 'chargesMinor' : 'amountMinor',
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
}
