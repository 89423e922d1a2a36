// A TRUST edge the SDK has verified itself, as it counts in relational trust.

import type { TrustTxOrigin } from './TrustFinding.js';

/**
 * A TRUST edge whose signature verified, whose key is the truster's, whose fields are sane and
 * whose nonce is the highest seen for the pair. Expiry is checked at query time.
 *
 * @example
 * ```ts
 * const e: VerifiedTrustEdge | undefined = graph.edge(bureau, supplier);
 * if (e?.expiresAt !== undefined) console.log(new Date(e.expiresAt * 1000));
 * ```
 */
export interface VerifiedTrustEdge {
  readonly truster: string;
  readonly trustee: string;
  /** 0..1; 0 is a revocation (it still counts as an edge in the node's search). */
  readonly trustLevel: number;
  readonly nonce: number;
  /** As signed (seconds, or nanoseconds when too large to be seconds); `undefined` for none. */
  readonly validUntil: number | undefined;
  /** Unix seconds after which the edge no longer counts; `undefined`: never expires. */
  readonly expiresAt: number | undefined;
  readonly txId: string;
  /** The transaction's own timestamp (Unix seconds). */
  readonly timestamp: number;
  readonly trustDomain: string;
  readonly origin: TrustTxOrigin | undefined;
}
