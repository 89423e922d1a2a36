// Refuses an invoice the engine cannot read (FactoringInputError INVALID_INPUT) before any rule runs.

import type { ValidationIssue } from '@quidfin/core';
import { FactoringInputError } from '../errors/FactoringInputError.js';
import { shownValue } from '../errors/shownValue.js';
import type { InvoiceInput, TitleOwnerShare } from './invoice.js';

/** Title shares must sum to 1 within this tolerance (the node's rule, PROTOCOL §6.4; core's builder). */
export const TITLE_SHARE_TOLERANCE = 1e-6;

// Run once per decision: the field lists are built once.
const STRING_FIELDS = ['invoiceId', 'supplierQuid', 'buyerQuid'] as const;
const TIME_FIELDS = ['issuedAt', 'dueAt'] as const;
// Optional text: a number or null in one of them was read as absent, or threw a raw TypeError.
const OPTIONAL_STRING_FIELDS = ['invoiceNumber', 'terms', 'poReference', 'carrierQuid'] as const;

function add(issues: ValidationIssue[] | undefined, path: string, message: string): ValidationIssue[] {
  const out = issues ?? [];
  out.push({ path, message });
  return out;
}

function shown(v: unknown): string {
  return Array.isArray(v) ? 'an array' : shownValue(v);
}

/** A title share rounded to 1e-6 for messages (sums of binary fractions print long tails). */
export function formatShare(share: number): string {
  return String(Math.round(share * 1e6) / 1e6);
}

/**
 * Checks the owners of the invoice TITLE: a non-empty list, each owner named, each share a fraction
 * of the title in (0, 1], and the shares summing to 1 within {@link TITLE_SHARE_TOLERANCE} (a node
 * title on the 0..100 scale must be divided by 100 first). One owner listed twice is allowed (the
 * node does not refuse it) and its lines are added up by the title rule.
 */
function checkTitleOwners(
  owners: unknown,
  issues: ValidationIssue[] | undefined,
): ValidationIssue[] | undefined {
  const path = 'invoice.titleOwners';
  if (!Array.isArray(owners)) return add(issues, path, `must be a list of owners, got ${shown(owners)}`);
  if (owners.length === 0)
    return add(issues, path, 'must list at least one owner (an empty title sums to 0)');
  let sum = 0;
  let badShare = false;
  for (let i = 0; i < owners.length; i++) {
    const o = owners[i] as Partial<TitleOwnerShare> | null;
    const p = `${path}[${i}]`;
    if (typeof o !== 'object' || o === null) {
      issues = add(issues, p, `must be an owner { ownerId, percentage }, got ${shown(o)}`);
      badShare = true;
      continue;
    }
    if (typeof o.ownerId !== 'string' || o.ownerId === '') {
      issues = add(issues, `${p}.ownerId`, `must name the owner's quid, got ${shown(o.ownerId)}`);
    }
    if (o.stakeType !== undefined && typeof o.stakeType !== 'string') {
      issues = add(
        issues,
        `${p}.stakeType`,
        `must be a stake type (a string) when present, got ${shown(o.stakeType)}`,
      );
    }
    const share = o.percentage;
    if (typeof share !== 'number' || !Number.isFinite(share) || share <= 0 || share > 1) {
      issues = add(
        issues,
        `${p}.percentage`,
        `must be a share of the title in (0, 1] (a 0..100 title divided by 100), got ${shown(share)}`,
      );
      badShare = true;
    } else sum += share;
  }
  // A sum is only meaningful once every share is a share.
  if (!badShare && Math.abs(sum - 1) > TITLE_SHARE_TOLERANCE) {
    issues = add(issues, path, `shares must sum to 1 within 1e-6, got ${formatShare(sum)}`);
  }
  return issues;
}

/**
 * Refuses an invoice or decision date the engine cannot read, listing every problem at once:
 * an invoice id or party that is not a string (or an invoice number, terms, PO or carrier present
 * and not a string), a face that is not a safe integer >= 0 (minor units), issue and due dates and `asOf` that are
 * not safe integers (Unix seconds), and a malformed TITLE owner list. Throws
 * {@link FactoringInputError} (`INVALID_INPUT`) under every policy, so nothing is decided on it.
 *
 * @example
 * ```ts
 * checkInvoiceInput(invoice, asOf); // throws INVALID_INPUT at 'invoice.titleOwners[1].percentage' for a NaN share
 * ```
 */
export function checkInvoiceInput(invoice: InvoiceInput, asOf: number): void {
  if (typeof invoice !== 'object' || invoice === null) {
    throw new FactoringInputError('INVALID_INPUT', [
      { path: 'invoice', message: `must be an invoice (an object), got ${shown(invoice)}` },
    ]);
  }
  if (isReadable(invoice, asOf)) return;
  const issues = invoiceIssues(invoice, asOf);
  if (issues !== undefined) throw new FactoringInputError('INVALID_INPUT', issues);
}

/**
 * True when {@link invoiceIssues} would find nothing: the same tests, field by field, with no
 * message or path built (this runs once per decision; the listing runs only to throw).
 */
function isReadable(invoice: InvoiceInput, asOf: number): boolean {
  const face = invoice.amountMinor;
  if (
    typeof invoice.invoiceId !== 'string' ||
    typeof invoice.supplierQuid !== 'string' ||
    typeof invoice.buyerQuid !== 'string' ||
    !Number.isSafeInteger(face) ||
    face < 0 ||
    !Number.isSafeInteger(invoice.issuedAt) ||
    !Number.isSafeInteger(invoice.dueAt) ||
    !Number.isSafeInteger(asOf)
  ) {
    return false;
  }
  for (const k of OPTIONAL_STRING_FIELDS) {
    const v = invoice[k];
    if (v !== undefined && typeof v !== 'string') return false;
  }
  const owners: unknown = invoice.titleOwners;
  if (owners === undefined) return true;
  if (!Array.isArray(owners) || owners.length === 0) return false;
  let sum = 0;
  for (let i = 0; i < owners.length; i++) {
    const o = owners[i] as Partial<TitleOwnerShare> | null;
    if (typeof o !== 'object' || o === null) return false;
    if (typeof o.ownerId !== 'string' || o.ownerId === '') return false;
    // A stake that is not a string matched no role: a financier's purchase was read as a mismatch.
    if (o.stakeType !== undefined && typeof o.stakeType !== 'string') return false;
    const share = o.percentage;
    if (typeof share !== 'number' || !Number.isFinite(share) || share <= 0 || share > 1) return false;
    sum += share;
  }
  return Math.abs(sum - 1) <= TITLE_SHARE_TOLERANCE;
}

/** Every problem of an unreadable invoice or decision date, in field order (undefined: none). */
function invoiceIssues(invoice: InvoiceInput, asOf: number): ValidationIssue[] | undefined {
  let issues: ValidationIssue[] | undefined;
  for (const k of STRING_FIELDS) {
    if (typeof invoice[k] !== 'string')
      issues = add(issues, `invoice.${k}`, `must be a string, got ${shown(invoice[k])}`);
  }
  for (const k of OPTIONAL_STRING_FIELDS) {
    const v = invoice[k];
    if (v !== undefined && typeof v !== 'string')
      issues = add(issues, `invoice.${k}`, `must be a string when present, got ${shown(v)}`);
  }
  const face = invoice.amountMinor;
  if (!Number.isSafeInteger(face) || face < 0) {
    issues = add(
      issues,
      'invoice.amountMinor',
      `amounts must be safe integers >= 0 (minor units), got ${shown(face)}`,
    );
  }
  for (const k of TIME_FIELDS) {
    if (!Number.isSafeInteger(invoice[k]))
      issues = add(
        issues,
        `invoice.${k}`,
        `times must be safe integers (Unix seconds), got ${shown(invoice[k])}`,
      );
  }
  if (!Number.isSafeInteger(asOf)) {
    issues = add(issues, 'asOf', `times must be safe integers (Unix seconds), got ${shown(asOf)}`);
  }
  if (invoice.titleOwners !== undefined) issues = checkTitleOwners(invoice.titleOwners, issues);
  return issues;
}
