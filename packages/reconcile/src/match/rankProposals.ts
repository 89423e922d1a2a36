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
  if (proposals.length < 2) return proposals;
  // Sort keys built once, not per comparison.
  const keyed = proposals.map((p) => ({
    p,
    ids: p.items.map((i) => invoices[i]?.invoiceId ?? '').join(','),
  }));
  keyed.sort(
    (a, b) =>
      b.p.confidence - a.p.confidence ||
      a.p.items.length - b.p.items.length ||
      (a.ids < b.ids ? -1 : a.ids > b.ids ? 1 : 0),
  );
  return dedupe(keyed.map((x) => x.p));
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
