// What verified trust answers, and how the node's own (unverified) answer is labelled beside it.

import type { RelationalTrust, TrustFinding } from '@quidfin/core';
import type { TrustResult } from '../schemas/types.js';
import type { TrustCursor } from './TrustStore.js';

/**
 * Relational trust computed by the SDK from TRUST transactions it verified itself.
 *
 * @example
 * ```ts
 * const r: VerifiedTrustResult = await ledger.trustIn(financier.quidId, supplierQuid);
 * if (r.findings.some((f) => f.kind === 'forged')) escalate(r.findings);
 * ```
 */
export interface VerifiedTrustResult extends RelationalTrust {
  readonly verified: true;
  /** The block list the answer was computed from (node, blocks read, last block hash). */
  readonly asOf: TrustCursor;
  /** Unix seconds at which expiry was judged. */
  readonly computedAt: number;
  /**
   * Findings about TRUST transactions into the target or into a quid on the chosen path: forged
   * edges, replays, nonce conflicts, odd expiries. Forged edges never count; they are reported here.
   */
  readonly findings: readonly TrustFinding[];
}

/**
 * The node's own relational trust answer, labelled: the node counts TRUST edges signed by any key
 * (PROTOCOL §6.2), so this is not fit for a decision on its own.
 *
 * @example
 * ```ts
 * const n: UnverifiedTrustResult = await ledger.nodeTrust(financier.quidId, supplierQuid);
 * n.verified; // false
 * ```
 */
export interface UnverifiedTrustResult extends TrustResult {
  readonly verified: false;
}

/**
 * A verified answer in the shape `@quidfin/factoring` reads trust in (`TrustReading`): level,
 * when it was computed, the path length, and the earliest expiry on the path.
 *
 * @example
 * ```ts
 * const readings: Record<string, VerifiedTrustReading> = {};
 * readings[supplierQuid] = await ledger.trustReading(financier.quidId, supplierQuid);
 * // then, in @quidfin/factoring: evaluateInvoice({ ...input, trust: trustSourceFromRecord(readings) })
 * ```
 */
export interface VerifiedTrustReading {
  readonly level: number;
  readonly observedAt: number;
  readonly pathLength: number;
  /** Quids from the observer to the target (`[]` when there is no path). */
  readonly path: readonly string[];
  readonly validUntil?: number;
}

/**
 * How a verified trust answer is read: path length limit, whether to sync first, and quids no path
 * may pass through.
 *
 * @example
 * ```ts
 * const independent = await ledger.trustReading(financier.quidId, buyerQuid, { avoid: [supplierQuid] });
 * ```
 */
export interface TrustReadParams {
  /** Maximum path length in edges (default: the ledger's, 5 as the node). */
  readonly maxDepth?: number;
  /** Read new blocks first (default true). */
  readonly sync?: boolean;
  /** Quids no path may pass through (the target may still be one). */
  readonly avoid?: readonly string[];
}
