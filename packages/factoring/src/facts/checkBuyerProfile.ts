// Refuses a caller's precomputed buyer profile the engine cannot price on (INVALID_INPUT).

import type { ValidationIssue } from '@quidfin/core';
import { FactoringInputError } from '../errors/FactoringInputError.js';
import { MAX_DAYS_LATE } from '../inputs/history.js';
import type { BuyerProfile } from './predictPayment.js';

const MAX_DAYS = MAX_DAYS_LATE;

function whole(v: unknown, min: number, max: number): boolean {
  return Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max;
}

/**
 * Checks a {@link BuyerProfile} passed in `EvaluationRequest.buyerProfile` (one built by
 * `profileBuyer` always passes): counts are whole numbers >= 0, `daysLate` three ordered whole
 * day counts within ±3650, rates and dilution whole bps in 0..10_000. A profile paying 1,000 days
 * early would shrink every time-based fee; NaN would fail deep in the BigInt fee arithmetic.
 * Throws {@link FactoringInputError} (`INVALID_INPUT`) at `buyerProfile.<field>`, every one at once.
 *
 * @example
 * ```ts
 * checkBuyerProfile(profileBuyer(history, [0, 5, 30], 5, 300)); // passes
 * ```
 */
export function checkBuyerProfile(profile: BuyerProfile): void {
  const issues: ValidationIssue[] = [];
  const bad = (field: string, v: unknown, rule: string): void => {
    issues.push({ path: `buyerProfile.${field}`, message: `must be ${rule}, got ${String(v)}` });
  };
  for (const k of ['sampleSize', 'invoiceCount'] as const) {
    if (!whole(profile[k], 0, Number.MAX_SAFE_INTEGER)) bad(k, profile[k], 'a whole number >= 0');
  }
  if (profile.paidMinor !== undefined && !whole(profile.paidMinor, 0, Number.MAX_SAFE_INTEGER))
    bad('paidMinor', profile.paidMinor, 'a whole number of minor units >= 0');
  for (const k of ['openMinor', 'over90Minor'] as const) {
    if (profile[k] !== undefined && !whole(profile[k], 0, Number.MAX_SAFE_INTEGER))
      bad(k, profile[k], 'a whole number of minor units >= 0');
  }
  if (
    whole(profile.over90Minor, 0, Number.MAX_SAFE_INTEGER) &&
    !((profile.over90Minor as number) <= (profile.openMinor ?? 0))
  )
    bad('over90Minor', profile.over90Minor, 'at most openMinor');
  const late = profile.daysLate as readonly unknown[];
  let ordered = Array.isArray(late) && late.length === 3;
  for (let i = 0; i < 3; i++) {
    if (!whole(late?.[i], -MAX_DAYS, MAX_DAYS)) {
      bad(`daysLate[${i}]`, late?.[i], `a whole number of days within ±${MAX_DAYS}`);
      ordered = false;
    }
  }
  if (
    ordered &&
    !((late[0] as number) <= (late[1] as number) && (late[1] as number) <= (late[2] as number))
  ) {
    bad('daysLate', late.join(', '), 'ordered P10 <= P50 <= P90');
  }
  const within = profile.paidWithinBps as readonly unknown[];
  for (let i = 0; i < 3; i++) {
    if (!whole(within?.[i], 0, 10_000)) bad(`paidWithinBps[${i}]`, within?.[i], 'whole bps in 0..10000');
  }
  for (const k of ['disputeRateBps', 'dilutionBps'] as const) {
    if (!whole(profile[k], 0, 10_000)) bad(k, profile[k], 'whole bps in 0..10000');
  }
  if (issues.length > 0) throw new FactoringInputError('INVALID_INPUT', issues);
}
