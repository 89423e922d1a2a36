// Whether the financier's trust in the buyer, or in the carrier that attests delivery, is its own
// or only the supplier's word: a supplier that vouches for a buyer quid it controls gets its
// fabricated debtor trusted at the supplier's own level (FACTORING.md, verification: "a client may
// get a friend to pose as the debtor").

import type { GroupOf } from '../facts/partyKey.js';
import type { TrustReading } from '../inputs/trust.js';
import type { TraceEntry } from '../outputs/decision.js';
import { traceEntry } from '../outputs/traceEntry.js';
import type { Run } from './run.js';

/** The book's grouping of quids (`PortfolioState.groupOf`), when there is a book. */
export type { GroupOf };

/**
 * The quid on the reading's path, before the party read at its end, that is the supplier or a
 * company of the supplier's group; `undefined` when no path is given or none is. The start counts
 * too: a reading whose path starts at the supplier is the supplier's own view, not the
 * financier's.
 *
 * @example
 * ```ts
 * supplierOnPath({ level: 0.9, path: ['fin', 'sup', 'buy'] }, 'sup', undefined); // 'sup'
 * ```
 */
export function supplierOnPath(
  reading: TrustReading | undefined,
  supplierQuid: string,
  groupOf: GroupOf | undefined,
): string | undefined {
  const path = reading?.path;
  if (path === undefined || path.length < 2) return undefined;
  for (let k = 0; k < path.length - 1; k++) {
    const q = path[k] as string;
    if (isSupplierSide(q, supplierQuid, groupOf)) return q;
  }
  return undefined;
}

/**
 * True when `quid` is the supplier or a company of the supplier's group (`portfolio.buyerGroup`).
 *
 * @example
 * ```ts
 * isSupplierSide('sister', 'sup', (q) => (q === 'sup' || q === 'sister' ? 'acme' : undefined)); // true
 * ```
 */
export function isSupplierSide(quid: string, supplierQuid: string, groupOf: GroupOf | undefined): boolean {
  if (quid === supplierQuid) return true;
  const group = groupOf?.(supplierQuid);
  return group !== undefined && groupOf?.(quid) === group;
}

/**
 * The quid the reading's path starts at when that is not `origin`, where the decision's other
 * readings start (the financier): the reading is that quid's view, not the financier's. Undefined
 * when it starts there, names no path, or starts on the supplier's side (which
 * `BUYER_TRUST_VIA_SUPPLIER` / `CARRIER_TRUST_VIA_SUPPLIER` report).
 *
 * @example
 * ```ts
 * otherOrigin({ level: 0.9, pathLength: 1, path: ['bureau', 'buy'] }, 'fin', 'sup', undefined); // 'bureau'
 * ```
 */
export function otherOrigin(
  reading: TrustReading | undefined,
  origin: string | undefined,
  supplierQuid: string,
  groupOf: GroupOf | undefined,
): string | undefined {
  const start = reading?.path?.[0];
  if (start === undefined || origin === undefined || start === origin) return undefined;
  return isSupplierSide(start, supplierQuid, groupOf) ? undefined : start;
}

/**
 * Holds the invoice for a reading taken from another quid's point of view (`TRUST_PATH_UNKNOWN`,
 * pending): a bureau's direct trust in the buyer is not the financier's.
 */
export function holdOtherOrigin(
  run: Run,
  role: 'supplier' | 'buyer' | 'carrier',
  quid: string,
  reading: TrustReading,
  origin: string,
): void {
  run.reason(
    'TRUST_PATH_UNKNOWN',
    `${role} ${quid} is read from ${reading.path?.[0]}'s point of view (${reading.path?.join(' -> ')}), while the other readings start at ${origin}: whose trust it is cannot be told; read it from the financier`,
  );
  run.trace?.push(
    traceEntry(
      'trust-independence',
      'flag',
      { role, quid, start: reading.path?.[0] ?? null, origin },
      null,
      0,
    ),
  );
}

/**
 * Holds the invoice when the supplier's reading names a path that does not start at the
 * financier (`policy.financierQuid`): another quid's view of the supplier.
 *
 * @example
 * ```ts
 * holdSupplierOrigin(run, 'sup', { level: 0.8, pathLength: 1, path: ['bureau', 'sup'] }, 'fin'); // TRUST_PATH_UNKNOWN
 * ```
 */
export function holdSupplierOrigin(
  run: Run,
  supplierQuid: string,
  reading: TrustReading,
  financier: string,
): void {
  const start = reading.path?.[0];
  if (start !== undefined && start !== financier)
    holdOtherOrigin(run, 'supplier', supplierQuid, reading, financier);
}

/**
 * 11b. The buyer's trust must not come through the supplier: held for review
 * (`BUYER_TRUST_VIA_SUPPLIER`, a fraud flag) when it does. Runs when the reading names its path.
 * A path that starts elsewhere than `origin` (the supplier's reading's start) is held as unknown.
 */
export function checkBuyerIndependence(
  run: Run,
  reading: TrustReading | undefined,
  parties: { readonly supplierQuid: string; readonly buyerQuid: string },
  groupOf: GroupOf | undefined,
  origin?: string,
): void {
  if (reading?.path === undefined) return;
  const elsewhere = otherOrigin(reading, origin, parties.supplierQuid, groupOf);
  if (elsewhere !== undefined && origin !== undefined)
    holdOtherOrigin(run, 'buyer', parties.buyerQuid, reading, origin);
  const via = supplierOnPath(reading, parties.supplierQuid, groupOf);
  if (via !== undefined) {
    run.reason(
      'BUYER_TRUST_VIA_SUPPLIER',
      `the financier's trust path to buyer ${parties.buyerQuid} runs through ${via === parties.supplierQuid ? 'the supplier' : "the supplier's group member"} ${via} (${reading.path.join(' -> ')}): the supplier vouches for its own debtor; verify the buyer independently`,
    );
  }
  if (run.trace === undefined) return;
  const hops = reading.path.length - 1;
  run.trace.push(
    via === undefined
      ? passEntry(hops)
      : traceEntry('trust-independence', 'fail', { buyerPathLength: hops, via }, null, 0),
  );
}

// The pass entries, one per path length, shared by every decision (never mutated, like the other
// shared trace entries).
const PASSES: TraceEntry[] = [];

function passEntry(hops: number): TraceEntry {
  if (hops >= 16)
    return traceEntry('trust-independence', 'pass', { buyerPathLength: hops, via: null }, null, 0);
  let entry = PASSES[hops];
  if (entry === undefined) {
    entry = traceEntry('trust-independence', 'pass', { buyerPathLength: hops, via: null }, null, 0);
    PASSES[hops] = entry;
  }
  return entry;
}

/**
 * True when the reading reaches its party through others (`pathLength` 2 or more, or not given)
 * and names no `path`, under a policy that waits for one (`pathlessTrust`): whether the route runs
 * through the supplier cannot be told. A reading with no path at all (no trust) is not one.
 *
 * @example
 * ```ts
 * routeUnknown({ level: 0.9, pathLength: 2 }, 'pending'); // true
 * ```
 */
export function routeUnknown(
  reading: TrustReading | undefined,
  pathlessTrust: 'pending' | 'accept' | undefined,
): boolean {
  return (
    pathlessTrust !== 'accept' &&
    reading !== undefined &&
    reading.path === undefined &&
    reading.level > 0 &&
    reading.pathLength !== 0 &&
    reading.pathLength !== 1
  );
}

/**
 * Holds the invoice for a reading whose route cannot be told (`TRUST_PATH_UNKNOWN`, pending):
 * pass the node's `trustPath` as `path`, or `pathlessTrust: 'accept'`.
 */
export function holdUnknownRoute(
  run: Run,
  role: 'supplier' | 'buyer' | 'carrier',
  quid: string,
  reading: TrustReading | undefined,
): void {
  run.reason(
    'TRUST_PATH_UNKNOWN',
    `${role} ${quid} is trusted through ${reading?.pathLength === undefined ? 'an unknown number of' : reading.pathLength - 1} other quid(s) but the reading names no path: whether the supplier vouches for its own ${role === 'buyer' ? 'debtor' : 'witness'} cannot be told; pass the reading's path`,
  );
  run.trace?.push(
    traceEntry(
      'trust-independence',
      'flag',
      { role, quid, pathLength: reading?.pathLength ?? null },
      null,
      0,
    ),
  );
}
