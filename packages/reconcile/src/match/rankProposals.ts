import type { OpenInvoice } from '../model/OpenInvoice.js';
import type { PlannedProposal } from './PlannedProposal.js';

/**
 * Orders proposals best first (confidence, then fewer items, then invoice ids, so the order is
 * deterministic) and keeps the first of each item set. Sorts `proposals` in place.
 *
 * @example
 * ```ts
 * const ranked = rankProposals(proposals, index.invoices);
 * ```
 */
export function rankProposals(
  proposals: PlannedProposal[],
  invoices: readonly OpenInvoice[],
): PlannedProposal[] {
  proposals.sort(compareProposals(invoices));
  return dedupe(proposals);
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
