// Checks the book's known invoices (portfolio.knownInvoices) before the duplicate index reads them.

import type { ValidationIssue } from '@quidfin/core';
import { shownValue } from '../errors/shownValue.js';
import { MAX_UNIX_SECONDS } from '../math/unixSeconds.js';
import { isCurrencyCode } from './isCurrencyCode.js';
import { miswrittenMessage, miswrittenQuid } from './miswrittenQuid.js';

const TEXT_FIELDS = ['invoiceId', 'invoiceNumber', 'supplierQuid', 'buyerQuid'] as const;

/**
 * Adds an issue for each known invoice record that is not one: records from storage with an
 * amount or a date as a string ("5000000") scored an exact copy as a fuzzy one, and a record that
 * is not an object, or a number that is not a string, threw a raw `TypeError`. At most one issue
 * per record, and the first ten records with issues (a wrong export is wrong throughout).
 *
 * @example
 * ```ts
 * const issues: ValidationIssue[] = [];
 * knownInvoiceIssues(issues, [{ invoiceId: 'i', invoiceNumber: 'N', supplierQuid: 'a', buyerQuid: 'b', amountMinor: '1', issuedAt: 0 }]);
 * issues[0]?.path; // 'portfolio.knownInvoices[0].amountMinor'
 * ```
 */
export function knownInvoiceIssues(issues: ValidationIssue[], known: unknown): void {
  if (known === undefined) return;
  if (!Array.isArray(known)) {
    issues.push({ path: 'portfolio.knownInvoices', message: 'must be a list of invoice records' });
    return;
  }
  let found = 0;
  for (let i = 0; i < known.length && found < 10; i++) {
    const issue = recordIssue(known[i], `portfolio.knownInvoices[${i}]`);
    if (issue !== undefined) {
      issues.push(issue);
      found++;
    }
  }
}

function recordIssue(r: unknown, at: string): ValidationIssue | undefined {
  if (typeof r !== 'object' || r === null || Array.isArray(r)) {
    return { path: at, message: 'must be an invoice record (an object)' };
  }
  const rec = r as Record<string, unknown>;
  for (const f of TEXT_FIELDS) {
    if (typeof rec[f] !== 'string')
      return { path: `${at}.${f}`, message: `must be a string, got ${typeof rec[f]}` };
  }
  // A financed invoice under its parties in upper case or padded matched no invoice: its copy was
  // bought again.
  for (const f of ['supplierQuid', 'buyerQuid'] as const) {
    const quid = miswrittenQuid(rec[f] as string);
    if (quid !== undefined) return { path: `${at}.${f}`, message: miswrittenMessage(rec[f] as string, quid) };
  }
  for (const f of ['amountMinor', 'issuedAt'] as const) {
    const v = rec[f];
    if (!(Number.isSafeInteger(v) && (v as number) >= 0)) {
      return {
        path: `${at}.${f}`,
        message: `must be a non-negative safe integer, got ${shownValue(v)}`,
      };
    }
  }
  // Read as seconds, a millisecond date is millennia from every invoice: an exact copy was scored
  // as a near one (held, not refused), an amount-and-day look-alike not at all.
  if ((rec['issuedAt'] as number) > MAX_UNIX_SECONDS) {
    return {
      path: `${at}.issuedAt`,
      message: `must be Unix seconds, not milliseconds (at most ${MAX_UNIX_SECONDS}), got ${shownValue(rec['issuedAt'])}`,
    };
  }
  if (rec['poReference'] !== undefined && typeof rec['poReference'] !== 'string') {
    return { path: `${at}.poReference`, message: 'must be a string when present' };
  }
  const docs = rec['documentRefs'];
  if (docs !== undefined && !(Array.isArray(docs) && docs.every((d) => typeof d === 'string'))) {
    return { path: `${at}.documentRefs`, message: 'must be a list of strings when present' };
  }
  // The circle and copy checks compare amounts only within a currency: 'yen' would be none.
  const currency = rec['currency'];
  if (currency !== undefined && !isCurrencyCode(currency)) {
    return {
      path: `${at}.currency`,
      message: `must be an ISO 4217 code (three upper-case letters) when present, got ${shownValue(currency)}`,
    };
  }
  return undefined;
}
