// The book a batch leaves behind: its portfolio with the batch's approvals funded, for the next batch.

import type { Portfolio } from '../inputs/portfolio.js';
import type { InvoiceFingerprintRecord } from '../math/fingerprint.js';
import type { PortfolioState } from './portfolioState.js';

/** One approval of the batch: its record (as decided) and the advance it was funded with. */
export interface FundedApproval {
  readonly record: InvoiceFingerprintRecord;
  readonly advanceMinor: number;
}

/** The figures of the running book {@link bookAfter} reads (a {@link PortfolioState} has them). */
export type BookFigures = Pick<
  PortfolioState,
  'groupOf' | 'buyerExposure' | 'supplierExposure' | 'groupExposure' | 'totalExposure'
>;

/**
 * The figures `bookAfter` reads for `approvals`, copied out of `state` now: a batch result that
 * kept the state itself kept its whole duplicate index (every invoice of the batch, about 800
 * bytes each) for as long as the result lived.
 */
export function figuresFor(
  state: PortfolioState,
  approvals: readonly InvoiceFingerprintRecord[],
): BookFigures {
  const buyers = new Map<string, number>();
  const suppliers = new Map<string, number>();
  const groupOfBuyer = new Map<string, string | undefined>();
  const groups = new Map<string, number>();
  for (const { buyerQuid: b, supplierQuid: s } of approvals) {
    if (!buyers.has(b)) {
      buyers.set(b, state.buyerExposure(b));
      const g = state.groupOf(b);
      groupOfBuyer.set(b, g);
      if (g !== undefined && !groups.has(g)) groups.set(g, state.groupExposure(g));
    }
    if (!suppliers.has(s)) suppliers.set(s, state.supplierExposure(s));
  }
  const total = state.totalExposure();
  return {
    groupOf: (quid) => groupOfBuyer.get(quid),
    buyerExposure: (quid) => buyers.get(quid) ?? 0,
    supplierExposure: (quid) => suppliers.get(quid) ?? 0,
    groupExposure: (group) => groups.get(group) ?? 0,
    totalExposure: () => total,
  };
}

/** `rec` with `key` set to `value` (a copy; the caller's map is never changed). */
function withEntry(
  rec: Readonly<Record<string, number>> | undefined,
  entries: ReadonlyMap<string, number>,
): Record<string, number> {
  const out: Record<string, number> = { ...rec };
  for (const [k, v] of entries) out[k] = v;
  return out;
}

/**
 * The portfolio after `approvals` are funded: each advance added to its buyer's, supplier's,
 * group's and the facility's exposure, each face to its supplier's ledger (where the book keeps
 * one), the approvals' fingerprints and records added to `financedFingerprints` and
 * `knownInvoices`; limits, ageing and groups as they were. `booked` says the batch funded the
 * approvals in `state` itself (standard pricing), so its figures already count them. Null when
 * the approvals are in a currency other than the book's, or in several with a book that states
 * none: their advances cannot be added up. A book that states no currency is then in the one the
 * batch approved in.
 *
 * @example
 * ```ts
 * const next = bookAfter(portfolio, figuresFor(state, invoices), true, approvals, fps, records);
 * ```
 */
export function bookAfter(
  portfolio: Portfolio | undefined,
  state: BookFigures,
  booked: boolean,
  approvals: readonly FundedApproval[],
  fingerprints: readonly string[],
  records: readonly InvoiceFingerprintRecord[],
): Portfolio | null {
  const p = portfolio ?? {};
  let currency = p.currency;
  const buyers = new Map<string, number>();
  const suppliers = new Map<string, number>();
  const groups = new Map<string, number>();
  const faces = new Map<string, Map<string, number>>();
  let total = 0;
  for (const { record: invoice, advanceMinor } of approvals) {
    currency ??= invoice.currency;
    if (invoice.currency !== currency) return null;
    const { buyerQuid: b, supplierQuid: s } = invoice;
    buyers.set(b, (buyers.get(b) ?? 0) + advanceMinor);
    suppliers.set(s, (suppliers.get(s) ?? 0) + advanceMinor);
    const g = state.groupOf(b);
    if (g !== undefined) groups.set(g, (groups.get(g) ?? 0) + advanceMinor);
    let byBuyer = faces.get(s);
    if (byBuyer === undefined) {
      byBuyer = new Map();
      faces.set(s, byBuyer);
    }
    byBuyer.set(b, (byBuyer.get(b) ?? 0) + invoice.amountMinor);
    total += advanceMinor;
  }
  // The state's figures count the approvals when the batch booked them; else they are added here.
  const after = (start: number, added: number): number => (booked ? start : start + added);
  for (const [b, v] of buyers) buyers.set(b, after(state.buyerExposure(b), v));
  for (const [s, v] of suppliers) suppliers.set(s, after(state.supplierExposure(s), v));
  for (const [g, v] of groups) groups.set(g, after(state.groupExposure(g), v));
  const out: Record<string, unknown> = { ...p };
  if (currency !== undefined) out['currency'] = currency;
  if (approvals.length > 0) {
    out['buyerExposureMinor'] = withEntry(p.buyerExposureMinor, buyers);
    out['supplierExposureMinor'] = withEntry(p.supplierExposureMinor, suppliers);
    if (groups.size > 0) out['groupExposureMinor'] = withEntry(p.groupExposureMinor, groups);
    out['totalExposureMinor'] = after(state.totalExposure(), total);
    const ledgers = p.supplierLedger;
    if (ledgers !== undefined) {
      const next: Record<string, { totalOpenMinor: number; byBuyerOpenMinor: Record<string, number> }> = {
        ...ledgers,
      };
      for (const [s, byBuyer] of faces) {
        const l = Object.hasOwn(ledgers, s) ? ledgers[s] : undefined;
        if (l === undefined) continue;
        const open = new Map<string, number>();
        let added = 0;
        for (const [b, face] of byBuyer) {
          open.set(b, (Object.hasOwn(l.byBuyerOpenMinor, b) ? (l.byBuyerOpenMinor[b] as number) : 0) + face);
          added += face;
        }
        next[s] = {
          totalOpenMinor: l.totalOpenMinor + added,
          byBuyerOpenMinor: withEntry(l.byBuyerOpenMinor, open),
        };
      }
      out['supplierLedger'] = next;
    }
  }
  const financed = new Set<string>(p.financedFingerprints ?? []);
  for (const fp of fingerprints) financed.add(fp);
  out['financedFingerprints'] = [...financed].sort();
  out['knownInvoices'] = [...(p.knownInvoices ?? []), ...records];
  return out as Portfolio;
}
