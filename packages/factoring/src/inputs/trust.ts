// The financier's relational trust readings and where they come from.

import { FactoringInputError } from '../errors/FactoringInputError.js';
import { plainCopy } from './plainCopy.js';

/**
 * The financier's relational trust in one quid, with its provenance. `level` is 0..1; a missing
 * reading (or `pathLength` 0) means there is no trust path at all. A reading that breaks the field
 * rules below is refused (`FactoringInputError` `INVALID_TRUST`, path `trust.<role>.<field>`).
 *
 * @example
 * ```ts
 * const r: TrustReading = {
 *   level: 0.81, observedAt: 1_700_000_000, validUntil: 1_731_536_000,
 *   pathLength: 2, path: [financierQuid, bureauQuid, buyerQuid],
 * };
 * ```
 */
export interface TrustReading {
  /** A number, 0..1 inclusive. */
  readonly level: number;
  /**
   * Unix seconds (integer) when the value was read or attested (its age is `asOf - observedAt`);
   * never after the decision date plus the policy's clock skew.
   */
  readonly observedAt?: number;
  /** Unix seconds (integer) after which the reading must not be used (bureau expiry); omit or 0 for none. */
  readonly validUntil?: number;
  /** Hops in the trust path, a whole number (1 = direct); 0 = no path. */
  readonly pathLength?: number;
  /**
   * The quids of the path, from the financier to the party read (the node's `trustPath`, core's
   * `RelationalTrust.path`); `[]` for none. With it the engine can tell whether the supplier
   * vouches for its own buyer or carrier (`BUYER_TRUST_VIA_SUPPLIER`): pass it whenever you have
   * it (`ledger.trustReading` does). It must end at the party read and have `pathLength + 1`
   * quids.
   */
  readonly path?: readonly string[];
}

/**
 * Where the engine reads the financier's trust in a quid. The caller fills it from verified trust
 * (`ledger.trustReading`, which answers for any quid, with level 0 when there is no path) or
 * elsewhere; the engine never does I/O. Answer for every signer of the stream: `undefined` for a
 * party counts as no trust, but for a fraud signal's reporter it means "never read" and holds the
 * invoice (`REPORTER_TRUST_MISSING`); return a level-0 reading for a quid you have no path to.
 *
 * @example
 * ```ts
 * const source: TrustSource = { trustIn: (quid) => (quid === 'buyer-x' ? { level: 0.9 } : undefined) };
 * ```
 */
export interface TrustSource {
  trustIn(quid: string): TrustReading | undefined;
}

/**
 * A TrustSource backed by a plain object of readings (or bare levels), keyed by quid. Each reading
 * is read once, when the source is made, into a copy: later edits of the record (or a getter's
 * later answers) are not seen; make a new source for new readings.
 *
 * @example
 * ```ts
 * const source = trustSourceFromRecord({ 'supplier-a': 0.85, 'buyer-x': { level: 0.9, observedAt: 1_700_000_000 } });
 * source.trustIn('buyer-x')?.level; // 0.9
 * ```
 */
export function trustSourceFromRecord(record: Readonly<Record<string, number | TrustReading>>): TrustSource {
  // null or a string read as no readings (or threw a raw TypeError): every party untrusted, silently.
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    throw new FactoringInputError('INVALID_INPUT', [
      {
        path: 'trust',
        message: `must be a record of readings by quid (got ${record === null ? 'null' : Array.isArray(record) ? 'a list' : typeof record})`,
      },
    ]);
  }
  // Each reading read once, now, into a copy the engine owns: the source answers the same for as
  // long as it lives, so a batch need not keep readings of its own.
  const map = new Map<string, TrustReading>();
  for (const key of Object.keys(record)) {
    const v = record[key];
    if (v === undefined) continue;
    map.set(key, typeof v === 'number' ? { level: v } : (plainReading(v) as TrustReading));
  }
  return new StableTrustSource(map);
}

/**
 * A source whose readings were copied when it was made and never change ({@link trustSourceFromRecord}'s):
 * `trustOnce` hands it on as it is.
 *
 * @example
 * ```ts
 * new StableTrustSource(new Map([['buyer-x', { level: 0.9 }]])).trustIn('buyer-x')?.level; // 0.9
 * ```
 */
export class StableTrustSource implements TrustSource {
  readonly #readings: ReadonlyMap<string, TrustReading>;
  constructor(readings: ReadonlyMap<string, TrustReading>) {
    this.#readings = readings;
    STABLE.add(this);
    // Frozen: a `trustIn` set on the instance afterwards would be read live.
    Object.freeze(this);
  }
  trustIn(quid: string): TrustReading | undefined {
    return this.#readings.get(quid);
  }
}

/** The sources this module made (a brand no copy of the prototype or subclass carries). */
const STABLE = new WeakSet<object>();

/**
 * True for a source {@link trustSourceFromRecord} made: its readings were copied once and its
 * answers never change. `instanceof` would also take an object made from its prototype.
 *
 * @example
 * ```ts
 * isStableTrustSource(trustSourceFromRecord({ 'buyer-x': 0.9 })); // true
 * ```
 */
export function isStableTrustSource(source: unknown): boolean {
  return typeof source === 'object' && source !== null && STABLE.has(source);
}

/**
 * A reading's fields read once into a plain object (anything that is no object is kept for the
 * reading check to refuse).
 *
 * @example
 * ```ts
 * plainReading({ level: 0.9, path: ['fin', 'buyer-x'] }); // a copy, its path copied too
 * ```
 */
export function plainReading(r: TrustReading | undefined): TrustReading | undefined {
  if (typeof r !== 'object' || r === null) return r;
  const out: { -readonly [K in keyof TrustReading]: TrustReading[K] } = { level: r.level };
  const { observedAt, validUntil, pathLength, path } = r;
  if (observedAt !== undefined) out.observedAt = observedAt;
  if (validUntil !== undefined) out.validUntil = validUntil;
  if (pathLength !== undefined) out.pathLength = pathLength;
  if (path !== undefined) out.path = plainCopy(path);
  return out;
}
