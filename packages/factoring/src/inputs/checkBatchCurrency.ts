// Refuses a batch that would add amounts of different currencies under one limit or exposure.

import { FactoringInputError } from '../errors/FactoringInputError.js';
import type { FactoringPolicy } from './policy.js';
import type { Portfolio } from './portfolio.js';

/** The portfolio's fields that hold a limit or an exposure (amounts in some currency). */
const AMOUNT_FIELDS = [
  'buyerExposureMinor',
  'buyerLimitMinor',
  'supplierExposureMinor',
  'supplierLimitMinor',
  'totalExposureMinor',
  'facilityLimitMinor',
  'groupExposureMinor',
  'groupLimitMinor',
  'supplierLedger',
] as const;

/** True when `v` states an amount: a number, or a map with at least one entry. */
function sets(v: unknown): boolean {
  if (typeof v === 'number') return true;
  if (typeof v !== 'object' || v === null) return false;
  for (const _ in v) return true;
  return false;
}

/**
 * Checks that a batch whose invoices are in more than one currency says which one its limits and
 * exposures are in: with any of them set (or a policy default buyer limit) and no
 * `portfolio.currency`, yen and cents would be added up under one limit. Throws
 * `FactoringInputError('INVALID_INPUT')` at `portfolio.currency`.
 *
 * @example
 * ```ts
 * checkBatchCurrency(portfolio, policy, items.map((i) => i.invoice.currency));
 * ```
 */
export function checkBatchCurrency(
  portfolio: Portfolio | undefined,
  policy: FactoringPolicy,
  currencies: Iterable<string>,
): void {
  if (portfolio?.currency !== undefined) return;
  let first: string | undefined;
  let second: string | undefined;
  for (const c of currencies) {
    if (first === undefined) first = c;
    else if (c !== first) {
      second = c;
      break;
    }
  }
  if (second === undefined) return;
  const set = AMOUNT_FIELDS.filter((k) => sets(portfolio?.[k]));
  if (policy.defaultBuyerLimitMinor > 0) set.push('defaultBuyerLimitMinor' as never);
  if (set.length === 0) return;
  throw new FactoringInputError('INVALID_INPUT', [
    {
      path: 'portfolio.currency',
      message: `the batch has invoices in ${first} and ${second} and limits or exposures (${set.join(', ')}) in no stated currency: set portfolio.currency`,
    },
  ]);
}
