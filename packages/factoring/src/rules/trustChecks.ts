// Rules on trust readings: range, expiry, staleness, paths and thresholds.

import type { ValidationIssue } from '@quidfin/core';
import { FactoringInputError } from '../errors/FactoringInputError.js';
import { shownValue } from '../errors/shownValue.js';
import type { FactoringPolicy } from '../inputs/policy.js';
import type { TrustReading, TrustSource } from '../inputs/trust.js';
import { f3, pythonFloatRepr } from '../math/pythonFormat.js';
import { isUnixSeconds, MAX_UNIX_SECONDS } from '../math/unixSeconds.js';
import type { TraceEntry } from '../outputs/decision.js';
import { internTrace, keepTraceByNumber, tracedByNumber } from '../outputs/internCache.js';
import { traceEntry } from '../outputs/traceEntry.js';
import type { Run } from './run.js';
import {
  type GroupOf,
  holdOtherOrigin,
  holdUnknownRoute,
  isSupplierSide,
  otherOrigin,
  routeUnknown,
  supplierOnPath,
} from './trustIndependence.js';

/** A quid as the node writes it: 16 lower-case hex characters. */
const QUID = /^[0-9a-f]{16}$/;

const DAY = 86_400;

function shown(v: unknown): string {
  return Array.isArray(v) ? `[${v.map(shownValue).join(',')}]` : shownValue(v);
}

/**
 * True when `path` is a list of at least two quids (the financier, the party read) that ends at
 * `quid` and has `pathLength + 1` of them (when the length is given), or is empty (no path; then
 * `pathLength`, if given, is 0). One quid names no hop: neither a path nor its absence.
 */
function isPathOf(path: unknown, quid: string, pathLength: unknown): boolean {
  if (!Array.isArray(path)) return false;
  if (path.length === 0) return pathLength === undefined || pathLength === 0;
  if (path.length === 1) return false;
  if (pathLength !== undefined && path.length !== (pathLength as number) + 1) return false;
  // Every hop is a quid as the node writes it (PROTOCOL.md: 16 lower-case hex characters): a hop
  // written another way, or in look-alike letters no folding undoes, would hide the supplier on
  // the route.
  for (const q of path) if (typeof q !== 'string' || !QUID.test(q)) return false;
  return path[path.length - 1] === quid;
}

/** Every problem of a malformed reading, located (`trust.<role>[.field]`) and naming the quid. */
function readingIssues(
  r: unknown,
  quid: string,
  role: string,
  asOf: number,
  skew: number,
): ValidationIssue[] {
  if (typeof r !== 'object' || r === null) {
    return [{ path: `trust.${role}`, message: `${role} ${quid}: expected a trust reading, got ${shown(r)}` }];
  }
  const { level, observedAt, validUntil, pathLength } = r as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  if (typeof level !== 'number' || !(level >= 0 && level <= 1)) {
    // The proof of concept's wording for a level outside 0..1.
    issues.push({ path: `trust.${role}`, message: `${role} trust out of range: ${shown(level)}` });
  }
  if (observedAt !== undefined) {
    if (!Number.isSafeInteger(observedAt)) {
      issues.push({
        path: `trust.${role}.observedAt`,
        message: `${role} ${quid}: observedAt must be integer Unix seconds, got ${shown(observedAt)}`,
      });
    } else if ((observedAt as number) > asOf + skew) {
      issues.push({
        path: `trust.${role}.observedAt`,
        message: `${role} ${quid}: observedAt ${observedAt} is after the decision date ${asOf} (milliseconds instead of seconds?)`,
      });
    }
  }
  if (validUntil !== undefined && !isUnixSeconds(validUntil)) {
    // A millisecond expiry is a safe integer too, but read as seconds it never comes: an edge
    // the bureau let expire would count as live.
    const millis = Number.isSafeInteger(validUntil) && (validUntil as number) > MAX_UNIX_SECONDS;
    issues.push({
      path: `trust.${role}.validUntil`,
      message: millis
        ? `${role} ${quid}: validUntil ${validUntil} is past the year 5138 read as seconds (milliseconds instead of seconds?)`
        : `${role} ${quid}: validUntil must be integer Unix seconds >= 0 (0: none), got ${shown(validUntil)}`,
    });
  }
  if (pathLength !== undefined && !(Number.isSafeInteger(pathLength) && (pathLength as number) >= 0)) {
    issues.push({
      path: `trust.${role}.pathLength`,
      message: `${role} ${quid}: pathLength must be a whole number of hops >= 0, got ${shown(pathLength)}`,
    });
  }
  const { path } = r as Record<string, unknown>;
  if (path !== undefined && !isPathOf(path, quid, pathLength)) {
    issues.push({
      path: `trust.${role}.path`,
      message: `${role} ${quid}: path must list the quids (lower-case hex, as written on the ledger) from the financier to ${quid}${typeof pathLength === 'number' ? ` (${pathLength} hops, ${pathLength + 1} quids)` : ''}, or be [] for none; got ${shown(path)}`,
    });
  }
  return issues;
}

/**
 * The financier's trust in `quid` as of `asOf`; throws {@link FactoringInputError} (`INVALID_TRUST`)
 * for a malformed reading: a level that is not a number in 0..1, an `observedAt` that is not integer
 * seconds or lies after `asOf + skew` (it would never be stale), a `validUntil` that is not integer
 * seconds (it would never expire; milliseconds, past the year 5138, included), a `pathLength` that is not a whole number of hops, or a `path`
 * that does not end at `quid` or disagrees with `pathLength` (a reading filed under the wrong
 * party). A reading
 * past its `validUntil` is no reading at all: a node skips expired edges, so the caller that passes
 * the expiry and the one whose node dropped the edge get one outcome.
 */
export function readTrust(
  source: TrustSource,
  quid: string,
  role: string,
  asOf: number,
  skew: number,
): TrustReading | undefined {
  const r = source.trustIn(quid);
  if (r === undefined) return r;
  // The common reading passes these comparisons; only a malformed one builds its issue list.
  if (
    typeof r !== 'object' ||
    r === null ||
    typeof r.level !== 'number' ||
    !(r.level >= 0 && r.level <= 1) ||
    (r.observedAt !== undefined && !(Number.isSafeInteger(r.observedAt) && r.observedAt <= asOf + skew)) ||
    (r.validUntil !== undefined && !isUnixSeconds(r.validUntil)) ||
    (r.pathLength !== undefined && !(Number.isSafeInteger(r.pathLength) && r.pathLength >= 0)) ||
    (r.path !== undefined && !isPathOf(r.path, quid, r.pathLength))
  ) {
    throw new FactoringInputError('INVALID_TRUST', readingIssues(r, quid, role, asOf, skew));
  }
  return isExpired(r, asOf) ? undefined : r;
}

/**
 * The age in seconds of a dated reading read longer ago than the policy's `maxTrustAgeSeconds`
 * (under `checks.trustFreshness`), else undefined: too old to count for a party other than the
 * supplier and the buyer (whose readings `checkTrustReadings` holds the same way).
 */
export function tooOldAge(
  policy: FactoringPolicy,
  r: TrustReading | undefined,
  asOf: number,
): number | undefined {
  const maxAge = policy.maxTrustAgeSeconds;
  if (r?.observedAt === undefined || maxAge === undefined || !policy.checks.trustFreshness) return undefined;
  const age = asOf - r.observedAt;
  return age > maxAge ? age : undefined;
}

/**
 * True when a reading that names a path has no `observedAt` and the policy waits for a dated one
 * (`undatedTrust` not 'fresh', under `checks.trustFreshness`): its age, so its freshness, is unknown.
 */
function isUndated(policy: FactoringPolicy, r: TrustReading | undefined): boolean {
  return (
    policy.checks.trustFreshness &&
    r !== undefined &&
    r.observedAt === undefined &&
    hasPath(r) &&
    policy.undatedTrust !== 'fresh'
  );
}

/** True when the reading's `validUntil` (0 or absent: none) is before `asOf`. */
export function isExpired(r: TrustReading, asOf: number): boolean {
  return r.validUntil !== undefined && r.validUntil > 0 && r.validUntil < asOf;
}

/**
 * A positive trust level reached through a path (a direct reading has no path length); a reading
 * whose `pathLength` is 0 or whose `path` is empty says there is none.
 */
export function hasPath(r: TrustReading | undefined): boolean {
  return r !== undefined && r.level > 0 && r.pathLength !== 0 && r.path?.length !== 0;
}

/**
 * 11. Trust readings: expiry, staleness, a date on each (`TRUST_UNDATED`), and a path to the
 * buyer. Returns the age in seconds of the stalest reading past freshness (0 when none).
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
  parties: { readonly supplierQuid: string; readonly buyerQuid: string },
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
      // An undated reading cannot be shown to be fresh: a level cached years ago would count as
      // read today. A reading with no path says there is no trust, whatever its age.
      if (isUndated(policy, r)) {
        run.reason(
          'TRUST_UNDATED',
          `${role} ${k === 0 ? parties.supplierQuid : parties.buyerQuid} trust reading has no observedAt: its age is unknown; pass a dated reading`,
        );
        outcome = 'fail';
      }
      const tooOld = tooOldAge(policy, r, asOf);
      if (tooOld !== undefined) {
        run.reason(
          'TRUST_TOO_OLD',
          `${role} trust was read ${Math.floor(tooOld / DAY)} days ago, past the ${Math.floor((policy.maxTrustAgeSeconds as number) / DAY)}-day bound: read it again`,
        );
        outcome = 'fail';
      } else if (r.observedAt !== undefined && asOf - r.observedAt > policy.trustFreshSeconds) {
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
  const trace = run.trace;
  if (trace !== undefined) {
    trace.push(
      tracedByNumber(run.cache, 'supplier-trust', supplierTrust) ??
        keepTraceByNumber(
          run.cache,
          'supplier-trust',
          supplierTrust,
          traceEntry('supplier-trust', low ? 'fail' : 'pass', { supplierTrust }, policy.minSupplierTrust, 0),
        ),
    );
  }
}

/** 13. Buyer trust threshold. */
export function checkBuyerTrust(run: Run, policy: FactoringPolicy, buyerTrust: number): void {
  const low = buyerTrust < policy.minBuyerTrust;
  if (low)
    run.reason(
      'BUYER_TRUST_LOW',
      `buyer trust ${f3(buyerTrust)} below threshold ${pythonFloatRepr(policy.minBuyerTrust)}`,
    );
  const trace = run.trace;
  if (trace !== undefined) {
    trace.push(
      tracedByNumber(run.cache, 'buyer-trust', buyerTrust) ??
        keepTraceByNumber(
          run.cache,
          'buyer-trust',
          buyerTrust,
          traceEntry('buyer-trust', low ? 'fail' : 'pass', { buyerTrust }, policy.minBuyerTrust, 0),
        ),
    );
  }
}

/**
 * 14. Carrier trust path (the delivery attestation is only as good as the carrier), and a carrier
 * trusted only through the supplier or its group (`CARRIER_TRUST_VIA_SUPPLIER`: the supplier
 * vouches for its own witness). Returns the carrier's trust level.
 */
export function checkCarrierTrust(
  run: Run,
  policy: FactoringPolicy,
  trust: TrustSource,
  carrierQuid: string,
  asOf: number,
  supplierQuid: string,
  groupOf: GroupOf | undefined,
  origin?: string,
): number {
  const r = readTrust(trust, carrierQuid, 'carrier', asOf, policy.clockSkewSeconds);
  const carrierTrust = r?.level ?? 0;
  // A carrier vouched for long ago is no witness today: its delivery waits for a new reading.
  const age = tooOldAge(policy, r, asOf);
  if (age !== undefined) {
    run.reason(
      'TRUST_TOO_OLD',
      `carrier ${carrierQuid} trust was read ${Math.floor(age / DAY)} days ago, past the ${Math.floor((policy.maxTrustAgeSeconds as number) / DAY)}-day bound: its delivery attestation does not count until it is read again`,
    );
  }
  // An undated reading cannot be shown to be fresh (as for the supplier and the buyer): a level
  // cached years ago would make the delivery count as attested today.
  const undated = isUndated(policy, r);
  if (undated) {
    run.reason(
      'TRUST_UNDATED',
      `carrier ${carrierQuid} trust reading has no observedAt: its age is unknown, so its delivery attestation does not count; pass a dated reading`,
    );
  }
  // A carrier reached through others, with no path to show who: maybe the supplier's own witness.
  const unknownRoute = routeUnknown(r, policy.pathlessTrust);
  if (unknownRoute) holdUnknownRoute(run, 'carrier', carrierQuid, r);
  // Read from another quid's point of view than the parties were: not the financier's trust.
  const elsewhere = otherOrigin(r, origin, supplierQuid, groupOf) !== undefined;
  if (elsewhere && r !== undefined && origin !== undefined)
    holdOtherOrigin(run, 'carrier', carrierQuid, r, origin);
  const ok = hasPath(r) && carrierTrust >= policy.minCarrierTrust;
  if (!ok) {
    run.reason(
      'CARRIER_NO_TRUST_PATH',
      hasPath(r)
        ? `carrier trust ${f3(carrierTrust)} below threshold ${pythonFloatRepr(policy.minCarrierTrust)}`
        : `no trust path to carrier ${carrierQuid}; delivery unverified`,
    );
  }
  // The carrier itself on the supplier's side (its group), or trusted through it.
  const sameGroup = isSupplierSide(carrierQuid, supplierQuid, groupOf);
  const via = sameGroup ? carrierQuid : supplierOnPath(r, supplierQuid, groupOf);
  if (via !== undefined) {
    run.reason(
      'CARRIER_TRUST_VIA_SUPPLIER',
      sameGroup
        ? `carrier ${carrierQuid} is in the supplier's group (${groupOf?.(supplierQuid)}): its delivery attestation is the supplier's word`
        : `the financier's trust path to carrier ${carrierQuid} runs through ${via} (${r?.path?.join(' -> ')}), on the supplier's side: its delivery attestation is the supplier's word`,
    );
  }
  const passed = ok && via === undefined && age === undefined && !undated && !unknownRoute && !elsewhere;
  run.trace?.push(
    via !== undefined || age !== undefined || undated
      ? traceEntry(
          'carrier-trust',
          'fail',
          { carrierQuid, carrierTrust, via: via ?? null, ageSeconds: age ?? null, undated },
          policy.minCarrierTrust,
          0,
        )
      : internTrace(run.cache, `carrier-trust|${carrierQuid}|${carrierTrust}|${passed}`, () =>
          traceEntry(
            'carrier-trust',
            passed ? 'pass' : 'flag',
            { carrierQuid, carrierTrust },
            policy.minCarrierTrust,
            0,
          ),
        ),
  );
  return carrierTrust;
}
