// Rules on trust readings: range, expiry, staleness, paths and thresholds.

import { FactoringInputError } from '../errors/FactoringInputError.js';
import type { FactoringPolicy } from '../inputs/policy.js';
import type { TrustReading, TrustSource } from '../inputs/trust.js';
import { f3, pythonFloatRepr } from '../math/pythonFormat.js';
import type { TraceEntry } from '../outputs/decision.js';
import { internTrace } from '../outputs/internCache.js';
import { traceEntry } from '../outputs/traceEntry.js';
import type { Run } from './run.js';

const DAY = 86_400;

/**
 * The financier's trust in `quid` as of `asOf`; throws {@link FactoringInputError} for a level
 * outside 0..1. A reading past its `validUntil` is no reading at all: a node skips expired edges,
 * so the caller that passes the expiry and the one whose node dropped the edge get one outcome.
 */
export function readTrust(
  source: TrustSource,
  quid: string,
  role: string,
  asOf: number,
): TrustReading | undefined {
  const r = source.trustIn(quid);
  if (r === undefined) return r;
  if (!(r.level >= 0 && r.level <= 1)) {
    throw new FactoringInputError('INVALID_TRUST', [
      { path: `trust.${role}`, message: `${role} trust out of range: ${r.level}` },
    ]);
  }
  return isExpired(r, asOf) ? undefined : r;
}

/** True when the reading's `validUntil` (0 or absent: none) is before `asOf`. */
export function isExpired(r: TrustReading, asOf: number): boolean {
  return r.validUntil !== undefined && r.validUntil > 0 && r.validUntil < asOf;
}

/** A positive trust level reached through a path (a direct reading has no path length). */
export function hasPath(r: TrustReading | undefined): boolean {
  return r !== undefined && r.level > 0 && r.pathLength !== 0;
}

/**
 * 11. Trust readings: expiry, staleness, and a path to the buyer. Returns the age in seconds of the
 * stalest reading past freshness (0 when none).
 */
export function checkTrustReadings(
  run: Run,
  policy: FactoringPolicy,
  asOf: number,
  supplierReading: TrustReading | undefined,
  buyerReading: TrustReading | undefined,
  supplierTrust: number,
  buyerTrust: number,
  supplierExpiredAt: number | undefined,
  buyerExpiredAt: number | undefined,
): number {
  const checks = policy.checks;
  let staleAgeSeconds = 0;
  let outcome: TraceEntry['outcome'] = 'pass';
  if (checks.trustFreshness) {
    for (let k = 0; k < 2; k++) {
      const role = k === 0 ? 'supplier' : 'buyer';
      const expiredAt = k === 0 ? supplierExpiredAt : buyerExpiredAt;
      if (expiredAt !== undefined) {
        run.reason(
          'TRUST_EXPIRED',
          `${role} trust expired at ${expiredAt} and counts as none; refresh bureau data`,
        );
        outcome = 'fail';
      }
      const r = k === 0 ? supplierReading : buyerReading;
      if (r === undefined) continue;
      if (r.observedAt !== undefined && asOf - r.observedAt > policy.trustFreshSeconds) {
        const age = asOf - r.observedAt;
        staleAgeSeconds = Math.max(staleAgeSeconds, age);
        run.reason(
          'STALE_TRUST',
          `${role} trust is ${Math.floor(age / DAY)} days old; PD inflated and advance cut`,
        );
        if (outcome === 'pass') outcome = 'flag';
      }
    }
  }
  if (checks.trustPaths && !hasPath(buyerReading)) {
    run.reason('BUYER_NO_TRUST_PATH', 'no trust path from the financier to the buyer');
    outcome = 'fail';
  }
  run.trace?.push(
    traceEntry(
      'trust-readings',
      outcome,
      {
        supplierTrust,
        buyerTrust,
        supplierObservedAt: supplierReading?.observedAt ?? null,
        buyerObservedAt: buyerReading?.observedAt ?? null,
      },
      policy.trustFreshSeconds,
      0,
    ),
  );
  return staleAgeSeconds;
}

/** 12. Supplier trust threshold. */
export function checkSupplierTrust(run: Run, policy: FactoringPolicy, supplierTrust: number): void {
  const low = supplierTrust < policy.minSupplierTrust;
  if (low) {
    run.reason(
      'SUPPLIER_TRUST_LOW',
      `supplier trust ${f3(supplierTrust)} below threshold ${pythonFloatRepr(policy.minSupplierTrust)}`,
    );
  }
  run.trace?.push(
    internTrace(run.cache, `supplier-trust|${supplierTrust}`, () =>
      traceEntry('supplier-trust', low ? 'fail' : 'pass', { supplierTrust }, policy.minSupplierTrust, 0),
    ),
  );
}

/** 13. Buyer trust threshold. */
export function checkBuyerTrust(run: Run, policy: FactoringPolicy, buyerTrust: number): void {
  const low = buyerTrust < policy.minBuyerTrust;
  if (low)
    run.reason(
      'BUYER_TRUST_LOW',
      `buyer trust ${f3(buyerTrust)} below threshold ${pythonFloatRepr(policy.minBuyerTrust)}`,
    );
  run.trace?.push(
    internTrace(run.cache, `buyer-trust|${buyerTrust}`, () =>
      traceEntry('buyer-trust', low ? 'fail' : 'pass', { buyerTrust }, policy.minBuyerTrust, 0),
    ),
  );
}

/**
 * 14. Carrier trust path (the delivery attestation is only as good as the carrier). Returns the
 * carrier's trust level.
 */
export function checkCarrierTrust(
  run: Run,
  policy: FactoringPolicy,
  trust: TrustSource,
  carrierQuid: string,
  asOf: number,
): number {
  const r = readTrust(trust, carrierQuid, 'carrier', asOf);
  const carrierTrust = r?.level ?? 0;
  const ok = hasPath(r) && carrierTrust >= policy.minCarrierTrust;
  if (!ok) {
    run.reason(
      'CARRIER_NO_TRUST_PATH',
      hasPath(r)
        ? `carrier trust ${f3(carrierTrust)} below threshold ${pythonFloatRepr(policy.minCarrierTrust)}`
        : `no trust path to carrier ${carrierQuid}; delivery unverified`,
    );
  }
  run.trace?.push(
    internTrace(run.cache, `carrier-trust|${carrierQuid}|${carrierTrust}|${ok}`, () =>
      traceEntry(
        'carrier-trust',
        ok ? 'pass' : 'flag',
        { carrierQuid, carrierTrust },
        policy.minCarrierTrust,
        0,
      ),
    ),
  );
  return carrierTrust;
}
