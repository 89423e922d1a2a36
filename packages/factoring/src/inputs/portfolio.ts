// The financier's book as the caller supplies it: exposures and ageing per buyer.

import type { InvoiceFingerprintRecord } from '../math/fingerprint.js';

/**
 * Open receivables of one buyer in the financier's book, split by age (for cross-aging).
 *
 * @example
 * ```ts
 * const aging: BuyerAging = { openMinor: 1_000_000, over90Minor: 100_000 };
 * ```
 */
export interface BuyerAging {
  readonly openMinor: number;
  /** Part of `openMinor` more than the policy's cross-age days past invoice date. */
  readonly over90Minor: number;
}

/**
 * The financier's book before the decision: funded exposure, limits, ledgers and known invoices.
 * All maps are plain objects keyed by quid; the engine only looks keys up, never iterates them
 * for a result, so key order cannot change a decision.
 *
 * @example
 * ```ts
 * const p: Portfolio = {
 *   buyerExposureMinor: { 'buyer-x': 2_000_000 }, buyerLimitMinor: { 'buyer-x': 10_000_000 },
 *   facilityLimitMinor: 100_000_000, totalExposureMinor: 20_000_000,
 * };
 * ```
 */
export interface Portfolio {
  /**
   * ISO 4217 code every amount of the book (limits, exposures, ledgers) is kept in. An invoice in
   * another currency is not checked against them: it is held for review (`CURRENCY_NOT_BOOK`). A
   * batch whose invoices are in more than one currency needs it as soon as any limit or exposure
   * is set (otherwise refused), or cents and yen would be added up under one limit.
   */
  readonly currency?: string;
  /** Outstanding funded advances per buyer, across all suppliers. */
  readonly buyerExposureMinor?: Readonly<Record<string, number>>;
  /** Credit limit per buyer; a buyer without an entry uses the policy default (if any). */
  readonly buyerLimitMinor?: Readonly<Record<string, number>>;
  /** Outstanding funded advances per supplier (client). */
  readonly supplierExposureMinor?: Readonly<Record<string, number>>;
  /** Limit per supplier (client). */
  readonly supplierLimitMinor?: Readonly<Record<string, number>>;
  /**
   * Total outstanding funded advances. Never read below the sum of `buyerExposureMinor` (or of
   * `supplierExposureMinor`): a total left out or stated too low does not free facility room.
   */
  readonly totalExposureMinor?: number;
  /** Facility (whole-book) limit. */
  readonly facilityLimitMinor?: number;
  /** Each supplier's open receivables ledger (the concentration base), total and per buyer. */
  readonly supplierLedger?: Readonly<
    Record<
      string,
      { readonly totalOpenMinor: number; readonly byBuyerOpenMinor: Readonly<Record<string, number>> }
    >
  >;
  /** Open receivables per buyer split by age, for cross-aging. */
  readonly buyerAging?: Readonly<Record<string, BuyerAging>>;
  /**
   * Invoices already seen on other streams (own book, registries), for duplicate detection. A
   * record without `currency` is taken in `currency`; amounts are compared only within one.
   */
  readonly knownInvoices?: readonly InvoiceFingerprintRecord[];
  /**
   * Fingerprints of receivables already financed, by you or by anyone a registry reports: a copy
   * of one is refused (`DUPLICATE_OF_FINANCED`). Store every string of each batch's
   * `financedFingerprints`, and for a receivable from elsewhere every string
   * `invoiceFingerprints(record)` gives (the fingerprint, plus the one of the number with its
   * separators dropped when that differs: `INV-2026-0100` and `INV-20260100` are one receivable,
   * and a registry holding only `invoiceFingerprint` of one form does not catch a copy under the
   * other). An invoice is checked under both forms of its own number.
   */
  readonly financedFingerprints?: readonly string[] | ReadonlySet<string>;
  /** Group (parent company) of each buyer quid, for the group share of the facility. */
  readonly buyerGroup?: Readonly<Record<string, string>>;
  /**
   * Outstanding funded advances per buyer group; never read below the sum of `buyerExposureMinor`
   * over the group's buyers (what is used when it is absent).
   */
  readonly groupExposureMinor?: Readonly<Record<string, number>>;
  /**
   * Credit limit per buyer group, across all its buyers and suppliers (a group is one credit
   * risk). A group without one is held to the policy's `defaultBuyerLimitMinor` (if any) as a whole.
   */
  readonly groupLimitMinor?: Readonly<Record<string, number>>;
}
