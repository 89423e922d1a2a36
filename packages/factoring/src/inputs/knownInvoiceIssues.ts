// The financier's known invoices, checked field by field before any is indexed.

import type { ValidationIssue } from '@quidfin/core';

function shown(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

/**
 * Issues of `portfolio.knownInvoices`: a list of records, each with string id, number and
 * parties, an amount in whole minor units >= 0, an issue date in whole Unix seconds, and, when
 * given, a string PO, a list of string shipping documents and an ISO 4217 currency. A record read
 * half way threw a raw TypeError (no number) or was compared as a near copy with an amount of
 * 'abc'; issues are listed at `portfolio.knownInvoices[i].<field>`.
 *
 * @example
 * ```ts
 * const issues: ValidationIssue[] = [];
 * knownInvoiceIssues(issues, [{ invoiceId: 'x' }]); // issues at portfolio.knownInvoices[0].invoiceNumber, ...
 * ```
 */
export function knownInvoiceIssues(issues: ValidationIssue[], known: unknown): void {
  if (known === undefined) return;
  if (!Array.isArray(known)) {
    issues.push({
      path: 'portfolio.knownInvoices',
      message: `must be a list of invoice records (got ${shown(known)})`,
    });
    return;
  }
  for (let i = 0; i < known.length; i++) {
    const r: unknown = known[i];
    const at = `portfolio.knownInvoices[${i}]`;
    if (typeof r !== 'object' || r === null || Array.isArray(r)) {
      issues.push({ path: at, message: `must be an invoice record (got ${shown(r)})` });
      continue;
    }
    const rec = r as Record<string, unknown>;
    const bad = (field: string, message: string): void => {
      issues.push({ path: `${at}.${field}`, message: `${message} (got ${shown(rec[field])})` });
    };
    for (const field of ['invoiceId', 'invoiceNumber', 'supplierQuid', 'buyerQuid']) {
      if (typeof rec[field] !== 'string') bad(field, 'must be a string');
    }
    const amount = rec['amountMinor'];
    if (!(Number.isSafeInteger(amount) && (amount as number) >= 0))
      bad('amountMinor', 'must be a whole number of minor units >= 0');
    if (!Number.isSafeInteger(rec['issuedAt'])) bad('issuedAt', 'must be whole Unix seconds');
    const po = rec['poReference'];
    if (po !== undefined && typeof po !== 'string') bad('poReference', 'must be a string when given');
    const docs = rec['documentRefs'];
    if (docs !== undefined) {
      if (!Array.isArray(docs)) bad('documentRefs', 'must be a list of strings when given');
      else
        for (let k = 0; k < docs.length; k++) {
          if (typeof docs[k] !== 'string')
            issues.push({
              path: `${at}.documentRefs[${k}]`,
              message: `must be a string (got ${shown(docs[k])})`,
            });
        }
    }
    const currency = rec['currency'];
    if (currency !== undefined && !(typeof currency === 'string' && /^[A-Z]{3}$/.test(currency)))
      bad('currency', 'must be an ISO 4217 code (three upper-case letters) when given');
  }
}
