import type { BankTransaction } from '../model/BankTransaction.js';
import { addReferencedGroup } from './addReferencedGroup.js';
import { adviceProposal, findAdvice } from './adviceProposal.js';
import { collectReferenceHits } from './collectReferenceHits.js';
import { creditNoteNetting } from './creditNoteNetting.js';
import { gatherCandidates } from './gatherCandidates.js';
import { holdOnContraryEvidence } from './holdOnContraryEvidence.js';
import type { InvoiceIndex } from './InvoiceIndex.js';
import { identifyPayers } from './identifyPayers.js';
import type { LineContext } from './LineContext.js';
import { nearReferenceHits } from './nearReferenceHits.js';
import type { PlannedProposal } from './PlannedProposal.js';
import { rankProposals } from './rankProposals.js';
import { referredDocumentsProposal } from './referredDocumentsProposal.js';
import { singleProposals } from './singleProposals.js';
import { subsetProposals } from './subsetProposals.js';

export type { LineContext, OpenAmounts } from './LineContext.js';
export type { PlannedAllocation, PlannedProposal } from './PlannedProposal.js';

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
  /** Payers whose open items the evaluation looked at: it holds as long as none of them changes. */
  readonly consultedPayers: readonly string[];
}

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
  const { index, options } = ctx;
  const invoices = index.invoices;
  const notes: string[] = [];

  // Payer identity first: bare digit groups in the text count only for the identified payer.
  const payerEvidence = identifyPayers(tx, index, ctx.memory);
  const payerIds = [...payerEvidence.keys()].sort();

  // Tiers 1, 1b and 2: structured references, then references in free text.
  const refHits = collectReferenceHits(tx, ctx, notes, payerIds);
  nearReferenceHits(tx, ctx, payerIds, refHits);

  // Candidate open items, then single-item proposals.
  const candidates = gatherCandidates(tx, ctx, refHits, payerIds, notes);
  const proposals = singleProposals(tx, ctx, candidates, refHits, payerEvidence, payerIds, notes);
  creditNoteNetting(proposals, tx, ctx, refHits, payerEvidence, payerIds, notes);

  // Group proposals: remittance advice, all referenced items, exact subset of the payer's items.
  const advice = findAdvice(tx, ctx.advices);
  if (advice) {
    const p = adviceProposal(tx, advice, ctx, payerEvidence, payerIds);
    if (p) proposals.push(p);
  }
  const split = referredDocumentsProposal(tx, ctx, payerEvidence, payerIds);
  if (split) {
    // The payer's own split explains the whole payment: single part- or over-payments of its
    // documents are not rivals.
    const members = new Set(split.items);
    for (let k = proposals.length - 1; k >= 0; k--) {
      const p = proposals[k];
      if (
        p &&
        p.items.length === 1 &&
        members.has(p.items[0] ?? -1) &&
        p.plan.some((a) => a.kind !== 'full' || p.unappliedMinor > 0)
      )
        proposals.splice(k, 1);
    }
    proposals.push(split);
  } else addReferencedGroup(proposals, tx, ctx, refHits, payerEvidence, payerIds);
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

  dropSinglesAgainstNamedItems(proposals, refHits, ctx, notes);
  holdOnContraryEvidence(proposals, tx, ctx, refHits, notes);
  const consulted = new Set(payerIds);
  for (const i of candidates) consulted.add(invoices[i]?.payerId ?? '');
  for (const i of refHits.keys()) consulted.add(invoices[i]?.payerId ?? '');
  return { proposals: rankProposals(proposals, invoices), payerIds, notes, consultedPayers: [...consulted] };
}

/**
 * A line that names several open items of a payer and pays more or less than one of them is
 * about all of them: putting the money on one (an over- or part-payment) is a guess, so such
 * single proposals are dropped (a person splits the payment). A single that settles one of them
 * only by writing off the difference (fee, FX, discount) is the same guess, since the other named
 * item may be what the difference paid: it stays a suggestion, never auto.
 */
function dropSinglesAgainstNamedItems(
  proposals: PlannedProposal[],
  refHits: ReadonlyMap<number, unknown>,
  ctx: LineContext,
  notes: string[],
): void {
  const invoices = ctx.index.invoices;
  const named = [...refHits.keys()].filter((i) => ctx.open.get(i) > 0);
  if (named.length < 2) return;
  let dropped = 0;
  let held = 0;
  for (let k = proposals.length - 1; k >= 0; k--) {
    const p = proposals[k];
    if (p === undefined || p.items.length !== 1) continue;
    const item = p.items[0] ?? -1;
    const payer = invoices[item]?.payerId;
    const others = named.some((i) => i !== item && invoices[i]?.payerId === payer);
    if (!others) continue;
    const inexact = p.unappliedMinor > 0 || p.plan.some((a) => a.kind === 'partial');
    if (inexact) {
      proposals.splice(k, 1);
      dropped++;
    } else if (p.plan.some((a) => a.writeOffMinor > 0) && p.blocked === undefined) {
      proposals[k] = { ...p, blocked: 'TEXT_NAMES_OTHER_ITEMS' };
      held++;
    }
  }
  if (dropped > 0)
    notes.push(
      `the text names ${named.length} open items and the amount fits none of them alone nor all together; a person splits it`,
    );
  if (held > 0)
    notes.push(
      `the text names ${named.length} open items; settling one of them with a write-off is left to a person`,
    );
}
