// The ledger read path's findings as a credit signal: a custody attack, an unproven title
// history or conflicting events hold an otherwise clean decision for review (or reject it).

import { OptionsChecker, type ValidationIssue } from '@quidfin/core';
import { FactoringInputError } from '../errors/FactoringInputError.js';
import type { FactoringDecision } from '../outputs/decision.js';
import { escalateDecision } from './escalateDecision.js';

/**
 * One thing the ledger's read path flagged about the invoice (the client's `view.violations`:
 * a refused title version, `TITLE_HISTORY_UNAVAILABLE`, `IDENTITY_FORGED`, `EVENT_ID_CONFLICT`,
 * `KEY_RECOVERY_PENDING`, ...). Only `code` is required.
 *
 * @example
 * ```ts
 * const f: LedgerFinding = { code: 'CO_SIGNER_KEY_INVALID', ref: titleTxId, message: 'co-signed with a frozen key' };
 * ```
 */
export interface LedgerFinding {
  readonly code: string;
  readonly ref?: string;
  readonly message?: string;
}

/**
 * What to do about ledger findings: `review` (default) or `reject`, and codes to leave aside.
 *
 * @example
 * ```ts
 * const p: LedgerFindingPolicy = { action: 'review', ignore: ['TITLE_HISTORY_UNAVAILABLE'] };
 * ```
 */
export interface LedgerFindingPolicy {
  readonly action: 'review' | 'reject';
  /** Finding codes that do not count (e.g. one you check another way). */
  readonly ignore?: readonly string[];
}

/**
 * The default: every finding sends the decision to review; none is ignored.
 *
 * @example
 * ```ts
 * applyLedgerFindings(decision, { findings: view.violations, policy: DEFAULT_LEDGER_FINDING_POLICY });
 * ```
 */
export const DEFAULT_LEDGER_FINDING_POLICY: LedgerFindingPolicy = { action: 'review', ignore: [] };

/**
 * What {@link applyLedgerFindings} reads: the findings, and what to do about them.
 *
 * @example
 * ```ts
 * const input: LedgerFindingInput = { findings: view.violations, policy: { action: 'reject' } };
 * ```
 */
export interface LedgerFindingInput {
  readonly findings: readonly LedgerFinding[];
  readonly policy?: LedgerFindingPolicy;
}

function check(findings: readonly LedgerFinding[], policy: LedgerFindingPolicy): void {
  const issues = ledgerFindingIssues(findings, policy);
  if (issues.length > 0) throw new FactoringInputError('INVALID_INPUT', issues);
}

/**
 * Every malformed finding or policy field (the batch checks its items' findings before deciding
 * any), with paths relative to the input; empty when they are sound.
 */
export function ledgerFindingIssues(
  findings: readonly LedgerFinding[],
  policy: LedgerFindingPolicy,
): readonly ValidationIssue[] {
  const c = new OptionsChecker();
  c.oneOf('policy.action', policy.action, ['review', 'reject']);
  if (c.array('policy.ignore', policy.ignore, { optional: true })) {
    for (const [i, code] of (policy.ignore ?? []).entries())
      c.string(`policy.ignore[${i}]`, code, { nonEmpty: true });
  }
  if (c.array('findings', findings)) {
    for (const [i, f] of findings.entries()) {
      if (!c.object(`findings[${i}]`, f)) continue;
      c.string(`findings[${i}].code`, f.code, { nonEmpty: true });
      c.string(`findings[${i}].ref`, f.ref, { optional: true });
      c.string(`findings[${i}].message`, f.message, { optional: true });
    }
  }
  return c.issues;
}

/**
 * Applies the ledger's read findings to a decision from `evaluateInvoice`: when any finding the
 * policy does not ignore is present, adds one `LEDGER_FINDING` reason naming them and raises the
 * outcome to `review` (or `reject`, which drops the offer). A worse outcome stays; with nothing to
 * report the decision is returned unchanged. The engine reads only the events it is given, so
 * what the read path refused about the title or the identities reaches it only this way. Pure;
 * throws `FactoringInputError('INVALID_INPUT')` listing every malformed finding or policy field.
 *
 * @example
 * ```ts
 * const view = await ledger.getInvoice(invoiceId);
 * const decision = applyLedgerFindings(evaluateInvoice(request), { findings: view.violations });
 * ```
 */
export function applyLedgerFindings(
  decision: FactoringDecision,
  input: LedgerFindingInput,
): FactoringDecision {
  const policy = input.policy ?? DEFAULT_LEDGER_FINDING_POLICY;
  check(input.findings, policy);
  const ignored = new Set(policy.ignore ?? []);
  const counted = input.findings.filter((f) => !ignored.has(f.code));
  if (counted.length === 0) return decision;
  const list = counted.map((f) => (f.ref === undefined ? f.code : `${f.code} (${f.ref})`)).join(', ');
  return escalateDecision(
    decision,
    [{ code: 'LEDGER_FINDING', severity: policy.action, message: `the ledger's read flagged: ${list}` }],
    policy.action,
    {
      rule: 'ledgerFindings',
      outcome: 'flag',
      inputs: { findings: counted.length, action: policy.action },
      threshold: 0,
      effectMinor: 0,
    },
    'ledger findings',
  );
}
