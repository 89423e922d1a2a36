// The financier's running book during a decision or batch: exposures, ageing, known invoices.

import { FactoringInputError } from '../errors/FactoringInputError.js';
import { checkPortfolio } from '../inputs/checkPortfolio.js';
import { plainCopy } from '../inputs/plainCopy.js';
import type { BuyerAging, Portfolio } from '../inputs/portfolio.js';
import { createDuplicateIndex, type DuplicateIndex } from './duplicateIndex.js';
import { partyOf } from './partyKey.js';

/**
 * A mutable working copy of a {@link Portfolio}: exposures grow as a batch funds invoices, and
 * funded invoices join the duplicate index. The input portfolio is never modified, and is copied
 * when the state is made: edits to it afterwards (exposures, limits, known invoices pushed) are
 * not seen; make a new state to see them.
 *
 * @example
 * ```ts
 * const state = createPortfolioState(portfolio);
 * state.buyerExposure('buyer-x');
 * ```
 */
export interface PortfolioState {
  /** The currency the book's amounts are in (`Portfolio.currency`), if stated. */
  readonly currency?: string | undefined;
  buyerExposure(buyer: string): number;
  buyerLimit(buyer: string): number | undefined;
  supplierExposure(supplier: string): number;
  supplierLimit(supplier: string): number | undefined;
  totalExposure(): number;
  facilityLimit(): number | undefined;
  ledger(supplier: string): { totalOpenMinor: number; buyerOpenMinor: (buyer: string) => number } | undefined;
  aging(buyer: string): BuyerAging | undefined;
  readonly duplicates: DuplicateIndex;
  /**
   * Records a funded advance against buyer, supplier and facility, and the face in the ledger.
   * Throws `FactoringInputError('INVALID_INPUT')` for an amount that is not a safe integer >= 0.
   */
  fund(supplier: string, buyer: string, advanceMinor: number, faceMinor: number): void;
  /** The buyer's group, if the portfolio names one. */
  groupOf(buyer: string): string | undefined;
  groupExposure(group: string): number;
  /** The group's own limit (`Portfolio.groupLimitMinor`), if any. */
  groupLimit?(group: string): number | undefined;
  /** True when a receivable with this fingerprint is known to be financed. */
  isFinanced(fingerprint: string): boolean;
  /** False while no fingerprint is known financed (saves building one per decision). */
  tracksFinanced(): boolean;
  /** Records a fingerprint as financed (a batch marks copies of financed receivables it holds). */
  markFinanced(fingerprint: string): void;
  /**
   * Records an invoice of the batch being decided as open between `seller` and `debtor` in
   * `currency`, so that an invoice the other way round sees what its supplier owes its buyer (contra).
   */
  noteBatchInvoice?(seller: string, debtor: string, faceMinor: number, currency: string): void;
  /**
   * The faces of the batch's invoices `seller` issued to `debtor`, summed per currency (yen are
   * never added to cents); undefined when there are none (always outside a batch). A group of
   * `Portfolio.buyerGroup` is one party: any of its companies selling, or owing, counts.
   */
  batchOpenByCurrency?(seller: string, debtor: string): ReadonlyMap<string, number> | undefined;
  /**
   * Throws `FactoringInputError('INVALID_INPUT')` at `path` when adding `faceMinor` to the book's
   * largest running total (the facility's exposure, or a supplier ledger's open total) would pass
   * 2^53 - 1: every exposure, ledger and summary figure after it would be rounded silently.
   */
  checkSumsWith?(faceMinor: number, path: string): void;
  /**
   * What the book's ledgers say `debtor` owes `seller` (`supplierLedger[seller].byBuyerOpenMinor[debtor]`,
   * with the faces funded since), each a group when the book groups it: what a contra sets off.
   */
  bookOpenMinor?(seller: string, debtor: string): number;
  /** {@link bookOpenMinor} as the portfolio stated it, without the faces funded since. */
  bookLedgerMinor?(seller: string, debtor: string): number;
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** A running sum, updated in place. */
interface Sum {
  v: number;
}

function add(sums: Map<string, Sum>, key: string, amount: number): void {
  const sum = sums.get(key);
  if (sum === undefined) sums.set(key, { v: amount });
  else sum.v += amount;
}

/** The sum of a record's amounts (0 for none). */
function sumOf(rec: Readonly<Record<string, number>> | undefined): number {
  let total = 0;
  if (rec !== undefined) for (const k of Object.keys(rec)) total += rec[k] as number;
  return total;
}

function lookup(rec: Readonly<Record<string, number>> | undefined, key: string): number | undefined {
  if (rec === undefined || !Object.hasOwn(rec, key)) return undefined;
  const v = rec[key];
  return typeof v === 'number' ? v : undefined;
}

/**
 * Every amount in the book must be a non-negative safe integer of minor units: a limit or an
 * exposure of 0.5 would make every figure computed from it fractional. Throws
 * `FactoringInputError('INVALID_INPUT')` listing each bad amount with its path.
 */
function checkPortfolioMoney(p: Portfolio): void {
  const issues: { path: string; message: string }[] = [];
  const one = (path: string, v: unknown): void => {
    if (!(Number.isSafeInteger(v) && (v as number) >= 0)) {
      issues.push({ path, message: `must be a non-negative safe integer of minor units (got ${String(v)})` });
    }
  };
  // Each map's entries are added up (a facility's or a group's exposure is never read below the
  // sum of its parts): past 2^53 - 1 that sum would be rounded silently.
  const rec = (name: string, r: Readonly<Record<string, number>> | undefined): void => {
    if (r === undefined) return;
    let sum = 0;
    for (const k of Object.keys(r)) {
      one(`portfolio.${name}.${k}`, r[k]);
      sum += r[k] as number;
    }
    if (sum > MAX_SAFE) {
      issues.push({
        path: `portfolio.${name}`,
        message: `entries sum to more than ${MAX_SAFE} (2^53 - 1) minor units: the total could not be added exactly`,
      });
    }
  };
  rec('buyerExposureMinor', p.buyerExposureMinor);
  rec('buyerLimitMinor', p.buyerLimitMinor);
  rec('supplierExposureMinor', p.supplierExposureMinor);
  rec('supplierLimitMinor', p.supplierLimitMinor);
  rec('groupExposureMinor', p.groupExposureMinor);
  rec('groupLimitMinor', p.groupLimitMinor);
  if (p.totalExposureMinor !== undefined) one('portfolio.totalExposureMinor', p.totalExposureMinor);
  if (p.facilityLimitMinor !== undefined) one('portfolio.facilityLimitMinor', p.facilityLimitMinor);
  for (const [s, l] of Object.entries(p.supplierLedger ?? {})) {
    one(`portfolio.supplierLedger.${s}.totalOpenMinor`, l.totalOpenMinor);
    rec(`supplierLedger.${s}.byBuyerOpenMinor`, l.byBuyerOpenMinor);
  }
  for (const [b, a] of Object.entries(p.buyerAging ?? {})) {
    one(`portfolio.buyerAging.${b}.openMinor`, a.openMinor);
    one(`portfolio.buyerAging.${b}.over90Minor`, a.over90Minor);
  }
  if (issues.length > 0) throw new FactoringInputError('INVALID_INPUT', issues);
}

/**
 * Creates a {@link PortfolioState} over a portfolio (or an empty book).
 *
 * @example
 * ```ts
 * const state = createPortfolioState({ buyerLimitMinor: { 'buyer-x': 1_000_000 } });
 * state.fund('supplier-a', 'buyer-x', 400_000, 500_000);
 * state.buyerExposure('buyer-x'); // 400_000
 * ```
 */
export function createPortfolioState(portfolio: Portfolio | undefined): PortfolioState {
  // The state owns a copy, read once: exposures, limits or known invoices edited (or pushed to)
  // afterwards cannot give its decisions a view mixed of the book before and after.
  return portfolioStateOver(plainCopy(portfolio));
}

/**
 * {@link createPortfolioState} over a portfolio the caller already owns a copy of (the batch's):
 * read as it is, not copied again.
 *
 * @example
 * ```ts
 * const state = portfolioStateOver(plainCopy(portfolio));
 * ```
 */
export function portfolioStateOver(portfolio: Portfolio | undefined): PortfolioState {
  // Only an absent portfolio is an empty book: null is refused as any other non-object.
  const p = portfolio === undefined ? {} : portfolio;
  checkPortfolio(p);
  checkPortfolioMoney(p);
  // Running sums in mutable boxes: one lookup per update and no new heap number per sum (advances
  // summed past 2^30 no longer fit a small integer, so a Map of numbers allocated on every set).
  const addBuyer = new Map<string, Sum>();
  const addSupplier = new Map<string, Sum>();
  const addLedger = new Map<string, Sum>();
  const addLedgerPair = new Map<string, Sum>();
  const addGroup = new Map<string, Sum>();
  let addTotal = 0;
  // What the batch's parties invoice each other, per pair and then per currency.
  const batchOpen = new Map<string, Map<string, number>>();
  let index: DuplicateIndex | undefined;
  const registry = p.financedFingerprints;
  const financed = new Set<string>();
  let registrySet: ReadonlySet<string> | undefined;
  const groups = p.buyerGroup;
  const groupOf = (b: string): string | undefined =>
    groups !== undefined && Object.hasOwn(groups, b) ? groups[b] : undefined;
  // Contra between groups: a group is one party, so the pairs of its companies are summed.
  const party = groups === undefined ? undefined : partyOf(groupOf);
  const pairKey = (seller: string, debtor: string): string =>
    party === undefined ? `${seller}|${debtor}` : `${party(seller)}|${party(debtor)}`;
  let bookPairs: Map<string, Sum> | undefined;
  const groupBookPairs = (): Map<string, Sum> => {
    if (bookPairs === undefined) {
      bookPairs = new Map();
      for (const [s, l] of Object.entries(p.supplierLedger ?? {}))
        for (const [b, v] of Object.entries(l.byBuyerOpenMinor)) add(bookPairs, pairKey(s, b), v);
    }
    return bookPairs;
  };
  const addGroupPair = new Map<string, Sum>();
  // A stated total is at least the sum of what it contains: a group's exposure is never below its
  // members' exposures, the facility's never below the buyers', the suppliers' or the groups' (a total left out
  // or stated too low left limits room the book's own parties had used). Computed once.
  let groupBase: Map<string, number> | undefined;
  const groupStart = (g: string): number => {
    if (groupBase === undefined) {
      groupBase = new Map();
      for (const b of Object.keys(groups ?? {})) {
        const gb = groupOf(b) as string;
        groupBase.set(gb, (groupBase.get(gb) ?? 0) + (lookup(p.buyerExposureMinor, b) ?? 0));
      }
    }
    return Math.max(lookup(p.groupExposureMinor, g) ?? 0, groupBase.get(g) ?? 0);
  };
  // The facility's start, on first read (a decision without a facility limit never reads it).
  let totalBase: number | undefined;
  const totalStart = (): number => {
    if (totalBase === undefined) {
      let groupsTotal = 0;
      const named = new Set([...Object.keys(p.groupExposureMinor ?? {}), ...Object.values(groups ?? {})]);
      for (const g of named) groupsTotal += groupStart(g);
      totalBase = Math.max(
        p.totalExposureMinor ?? 0,
        sumOf(p.buyerExposureMinor),
        sumOf(p.supplierExposureMinor),
        groupsTotal,
      );
    }
    return totalBase;
  };
  // The largest supplier ledger's open total, with the faces funded since (kept up in fund).
  let ledgerTop: number | undefined;
  const ledgerStart = (): number => {
    if (ledgerTop === undefined) {
      ledgerTop = 0;
      for (const l of Object.values(p.supplierLedger ?? {}))
        ledgerTop = Math.max(ledgerTop, l.totalOpenMinor);
    }
    return ledgerTop;
  };
  // What `debtor` owes `seller` in the book's ledgers (groups merged), with the faces funded since
  // or as the portfolio stated it.
  const bookOpen = (seller: string, debtor: string, withFunded: boolean): number => {
    if (party === undefined || (groupOf(seller) === undefined && groupOf(debtor) === undefined)) {
      const l =
        p.supplierLedger !== undefined && Object.hasOwn(p.supplierLedger, seller)
          ? p.supplierLedger[seller]
          : undefined;
      if (l === undefined) return 0;
      const stated = lookup(l.byBuyerOpenMinor, debtor) ?? 0;
      return withFunded ? stated + (addLedgerPair.get(`${seller}|${debtor}`)?.v ?? 0) : stated;
    }
    const key = pairKey(seller, debtor);
    const stated = groupBookPairs().get(key)?.v ?? 0;
    return withFunded ? stated + (addGroupPair.get(key)?.v ?? 0) : stated;
  };
  const getIndex = (): DuplicateIndex => {
    index ??= createDuplicateIndex(p.knownInvoices ?? [], { currency: p.currency });
    return index;
  };
  return {
    currency: p.currency,
    buyerExposure: (b) => (lookup(p.buyerExposureMinor, b) ?? 0) + (addBuyer.get(b)?.v ?? 0),
    buyerLimit: (b) => lookup(p.buyerLimitMinor, b),
    supplierExposure: (s) => (lookup(p.supplierExposureMinor, s) ?? 0) + (addSupplier.get(s)?.v ?? 0),
    supplierLimit: (s) => lookup(p.supplierLimitMinor, s),
    totalExposure: () => totalStart() + addTotal,
    facilityLimit: () => p.facilityLimitMinor,
    ledger: (s) => {
      const l =
        p.supplierLedger !== undefined && Object.hasOwn(p.supplierLedger, s)
          ? p.supplierLedger[s]
          : undefined;
      if (l === undefined) return undefined;
      return {
        totalOpenMinor: l.totalOpenMinor + (addLedger.get(s)?.v ?? 0),
        buyerOpenMinor: (b: string) =>
          (lookup(l.byBuyerOpenMinor, b) ?? 0) + (addLedgerPair.get(`${s}|${b}`)?.v ?? 0),
      };
    },
    aging: (b) =>
      p.buyerAging !== undefined && Object.hasOwn(p.buyerAging, b) ? p.buyerAging[b] : undefined,
    get duplicates(): DuplicateIndex {
      return getIndex();
    },
    fund: (s, b, advance, face) => {
      // Exposures only grow, by whole amounts: a negative one would free limit room, a NaN one
      // would make every later limit comparison false (no limit refusing anything).
      if (!(Number.isSafeInteger(advance) && advance >= 0 && Number.isSafeInteger(face) && face >= 0)) {
        throw new FactoringInputError('INVALID_INPUT', [
          {
            path: 'fund',
            message: `advance and face must be non-negative safe integers of minor units (got ${String(advance)} and ${String(face)})`,
          },
        ]);
      }
      add(addBuyer, b, advance);
      add(addSupplier, s, advance);
      if (p.supplierLedger !== undefined && Object.hasOwn(p.supplierLedger, s)) {
        add(addLedger, s, face);
        ledgerTop = Math.max(
          ledgerStart(),
          (p.supplierLedger[s] as { totalOpenMinor: number }).totalOpenMinor + (addLedger.get(s)?.v ?? 0),
        );
        add(addLedgerPair, `${s}|${b}`, face);
        if (party !== undefined) add(addGroupPair, pairKey(s, b), face);
      }
      addTotal += advance;
      const g = groupOf(b);
      if (g !== undefined) add(addGroup, g, advance);
    },
    groupOf,
    groupLimit: (g) => lookup(p.groupLimitMinor, g),
    groupExposure: (g) => groupStart(g) + (addGroup.get(g)?.v ?? 0),
    isFinanced: (fp) => {
      if (financed.has(fp)) return true;
      if (registry === undefined) return false;
      registrySet ??= registry instanceof Set ? registry : new Set(registry as readonly string[]);
      return registrySet.has(fp);
    },
    tracksFinanced: () => financed.size > 0 || registry !== undefined,
    markFinanced: (fp) => {
      financed.add(fp);
    },
    noteBatchInvoice: (seller, debtor, face, currency) => {
      const key = pairKey(seller, debtor);
      let byCurrency = batchOpen.get(key);
      if (byCurrency === undefined) {
        byCurrency = new Map();
        batchOpen.set(key, byCurrency);
      }
      byCurrency.set(currency, (byCurrency.get(currency) ?? 0) + face);
    },
    batchOpenByCurrency: (seller, debtor) =>
      batchOpen.size === 0 ? undefined : batchOpen.get(pairKey(seller, debtor)),
    checkSumsWith: (faceMinor, path) => {
      const top = Math.max(totalStart() + addTotal, ledgerStart());
      if (top + faceMinor <= MAX_SAFE) return;
      throw new FactoringInputError('INVALID_INPUT', [
        {
          path,
          message: `${faceMinor} added to the book's largest running total ${top} (facility exposure or a supplier ledger) passes ${MAX_SAFE} (2^53 - 1) minor units: it could not be added exactly`,
        },
      ]);
    },
    bookOpenMinor: (seller, debtor) => bookOpen(seller, debtor, true),
    bookLedgerMinor: (seller, debtor) => bookOpen(seller, debtor, false),
  };
}
