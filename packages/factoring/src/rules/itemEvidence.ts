// A batch item's evidence from outside the engine (ledger findings, key events), applied to its
// decision before the batch reserves and sums it.

import type { ValidationIssue } from '@quidfin/core';
import { FactoringInputError } from '../errors/FactoringInputError.js';
import type { InvoiceInput } from '../inputs/invoice.js';
import type { FactoringDecision } from '../outputs/decision.js';
import {
  applyLedgerFindings,
  DEFAULT_LEDGER_FINDING_POLICY,
  type LedgerFindingInput,
  ledgerFindingIssues,
} from './ledgerFindings.js';
import { applyRecentKeyEvents, type KeyEventInput, keyEventIssues } from './recentKeyEvents.js';

/** The parts of a batch item this rule reads. */
interface ItemEvidence {
  readonly invoice: InvoiceInput;
  readonly events?: readonly { readonly signerQuid: string }[];
  readonly ledgerFindings?: LedgerFindingInput;
  readonly keyEvents?: KeyEventInput;
}

/**
 * The item's key events, always checked against the item's own invoice: an invoice they name must
 * be that one (`checkItemEvidence` refuses another), so its parties cannot stand in for the
 * item's. The item's stream is theirs too (unless they name one), so its carrier's and other
 * signers' key events count.
 */
function keyInputOf(keyEvents: KeyEventInput, item: ItemEvidence): KeyEventInput {
  const { invoice, events } = item;
  if (keyEvents.invoice === invoice && (keyEvents.stream !== undefined || events === undefined))
    return keyEvents;
  return {
    ...keyEvents,
    invoice,
    ...(keyEvents.stream === undefined && Array.isArray(events) ? { stream: events } : {}),
  };
}

/** Why the invoice key events name is not the item's own, or undefined when it is (or none). */
function otherInvoice(named: unknown, own: InvoiceInput): string | undefined {
  if (named === undefined) return undefined;
  if (!isObject(named)) return "expected the item's invoice or nothing";
  const n = named as InvoiceInput;
  if (n.invoiceId !== own.invoiceId || n.supplierQuid !== own.supplierQuid || n.buyerQuid !== own.buyerQuid)
    return `names ${JSON.stringify(n.invoiceId)} (${n.supplierQuid} to ${n.buyerQuid}), not the item's invoice ${JSON.stringify(own.invoiceId)} (${own.supplierQuid} to ${own.buyerQuid})`;
  return undefined;
}

const isObject = (v: unknown): boolean => typeof v === 'object' && v !== null;

/**
 * Checks every item's ledger findings and key events before anything is decided (a batch that
 * streams its decisions must not stop half way), and returns whether any item has some. Throws
 * `FactoringInputError('INVALID_INPUT')` listing every issue under `items[i].ledgerFindings` or
 * `items[i].keyEvents` (`items[i].keyEvents.invoice` when they name another invoice than the
 * item's; `items[i].invoice` for a party of the item's own invoice that is not a quid).
 */
export function checkItemEvidence(items: readonly ItemEvidence[]): boolean {
  let any = false;
  const issues: ValidationIssue[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as ItemEvidence;
    const lf = item.ledgerFindings;
    const ke = item.keyEvents;
    if (lf === undefined && ke === undefined) continue;
    any = true;
    if (lf !== undefined) {
      const at = `items[${i}].ledgerFindings`;
      if (!isObject(lf)) issues.push({ path: at, message: 'expected { findings, policy? }' });
      else
        for (const x of ledgerFindingIssues(lf.findings, lf.policy ?? DEFAULT_LEDGER_FINDING_POLICY))
          issues.push({ path: `${at}.${x.path}`, message: x.message });
    }
    if (ke !== undefined) {
      const at = `items[${i}].keyEvents`;
      if (!isObject(ke)) {
        issues.push({ path: at, message: 'expected { events, policy? }' });
        continue;
      }
      const other = otherInvoice(ke.invoice, item.invoice);
      if (other !== undefined) issues.push({ path: `${at}.invoice`, message: other });
      for (const x of keyEventIssues(keyInputOf(ke, item), item.invoice.invoiceId)) {
        const path = x.path.startsWith('invoice.') ? `items[${i}].${x.path}` : `${at}.${x.path}`;
        issues.push({ path, message: x.message });
      }
    }
  }
  if (issues.length > 0) throw new FactoringInputError('INVALID_INPUT', issues);
  return any;
}

/**
 * `decision` with the item's key events and then its ledger findings applied, as
 * `applyRecentKeyEvents` and `applyLedgerFindings` would apply them afterwards.
 */
export function applyItemEvidence(decision: FactoringDecision, item: ItemEvidence): FactoringDecision {
  let d = decision;
  if (item.keyEvents !== undefined) d = applyRecentKeyEvents(d, keyInputOf(item.keyEvents, item));
  if (item.ledgerFindings !== undefined) d = applyLedgerFindings(d, item.ledgerFindings);
  return d;
}
