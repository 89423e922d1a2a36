// Relational trust over a verified graph with the node's own search (ComputeRelationalTrust):
// breadth-first, multiplicative along a path, best product kept, maxDepth counted in edges,
// first-visit pruning, expired edges skipped, stop at the queue / visited limits.

import type { TrustGraph } from './TrustGraph.js';
import type { VerifiedTrustEdge } from './VerifiedTrustEdge.js';

/**
 * Options of {@link computeRelationalTrust}; the defaults are the node's.
 *
 * @example
 * ```ts
 * computeRelationalTrust(graph, a, b, { maxDepth: 3, nowSeconds: 1_767_225_600 });
 * ```
 */
export interface RelationalTrustOptions {
  /** Maximum number of edges on a path (default 5; values < 1 mean 5, as on the node). */
  readonly maxDepth?: number;
  /** Unix seconds at which expiry is judged (default: now). */
  readonly nowSeconds?: number;
  /** Search stops past this many queued quids (node: 10,000). */
  readonly maxQueue?: number;
  /** Search stops past this many visited quids (node: 10,000). */
  readonly maxVisited?: number;
  /**
   * Quids no path may pass through (the target itself may still be one): trust in a buyer that
   * does not rest on the supplier's word is computed with `avoid: [supplierQuid]`. Not a node
   * option: with it, the answer is this SDK's, not the node's.
   */
  readonly avoid?: readonly string[];
}

/**
 * A relational trust answer computed from verified edges only.
 *
 * @example
 * ```ts
 * const r: RelationalTrust = computeRelationalTrust(graph, financier.quidId, supplier.quidId);
 * console.log(r.trustLevel, r.path.join(' -> '), r.expiresAt);
 * ```
 */
export interface RelationalTrust {
  readonly observer: string;
  readonly target: string;
  /** 0..1: product of the levels along the chosen path; 0 when there is none. */
  readonly trustLevel: number;
  /** Quids from observer to target; `[]` when there is no path, `[observer]` for oneself. */
  readonly path: readonly string[];
  /** Edges on the path (`path.length - 1` of them, 0 with no path). */
  readonly pathDepth: number;
  /** The verified edges along the path, in order (their transaction ids are the provenance). */
  readonly edges: readonly VerifiedTrustEdge[];
  /** Earliest expiry (Unix seconds) among the path's edges: the answer is void after it. */
  readonly expiresAt: number | undefined;
  /** True when the search hit its limits: the level is the best found so far, possibly too low. */
  readonly limitHit: boolean;
}

interface State {
  readonly quid: string;
  /** The state this one was reached from (`undefined` for the observer). */
  readonly parent: State | undefined;
  /** The edge from `parent` to `quid`. */
  readonly edge: VerifiedTrustEdge | undefined;
  /** Quids on the path, observer included. */
  readonly length: number;
  readonly trust: number;
}

// Paths are parent links instead of copied arrays: the search allocates one small object per
// queued quid, and walks at most maxDepth links to test "already on this path".
function onPath(state: State, quid: string): boolean {
  for (let s: State | undefined = state; s; s = s.parent) if (s.quid === quid) return true;
  return false;
}

function edgesOf(state: State | undefined): VerifiedTrustEdge[] {
  const out: VerifiedTrustEdge[] = [];
  for (let s = state; s?.edge; s = s.parent) out.push(s.edge);
  return out.reverse();
}

/**
 * The node's relational trust search, run on a {@link TrustGraph} of verified edges. Edges are
 * walked in first-commit order where the node walks a Go map in random order, so where several
 * paths share an intermediate quid the node may answer differently from one call to the next
 * (PROTOCOL §10); this function is deterministic and equals the devnode's answer.
 *
 * @example
 * ```ts
 * const r = computeRelationalTrust(graph, financier.quidId, supplier.quidId, { maxDepth: 5 });
 * if (r.trustLevel >= 0.7 && !r.limitHit) approve();
 * ```
 */
export function computeRelationalTrust(
  graph: TrustGraph,
  observer: string,
  target: string,
  options: RelationalTrustOptions = {},
): RelationalTrust {
  const depth = options.maxDepth !== undefined && options.maxDepth >= 1 ? Math.floor(options.maxDepth) : 5;
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  const maxQueue = options.maxQueue ?? 10_000;
  const maxVisited = options.maxVisited ?? 10_000;
  if (observer === target) {
    return {
      observer,
      target,
      trustLevel: 1,
      path: [observer],
      pathDepth: 0,
      edges: [],
      expiresAt: undefined,
      limitHit: false,
    };
  }
  const queue: State[] = [{ quid: observer, parent: undefined, edge: undefined, length: 1, trust: 1 }];
  let head = 0;
  const visited = new Set<string>([observer]);
  // Avoided quids are never queued, so never an intermediate of a path (kept apart from `visited`,
  // which the node's search limit counts).
  const avoided = options.avoid === undefined ? undefined : new Set(options.avoid);
  let best: State | undefined;
  let limitHit = false;
  while (head < queue.length) {
    if (queue.length - head > maxQueue || visited.size > maxVisited) {
      limitHit = true;
      break;
    }
    const current = queue[head++] as State;
    for (const edge of graph.edgesFrom(current.quid)) {
      if (edge.expiresAt !== undefined && edge.expiresAt <= now) continue; // expired: skipped like the node
      if (onPath(current, edge.trustee)) continue; // no cycles on the current path
      const trust = current.trust * edge.trustLevel;
      if (edge.trustee === target) {
        if (trust > (best?.trust ?? 0)) {
          best = { quid: target, parent: current, edge, length: current.length + 1, trust };
        }
        continue; // the target is never expanded
      }
      if (current.length < depth && !visited.has(edge.trustee) && avoided?.has(edge.trustee) !== true) {
        visited.add(edge.trustee);
        queue.push({ quid: edge.trustee, parent: current, edge, length: current.length + 1, trust });
      }
    }
  }
  const edges = edgesOf(best);
  const path = best ? [observer, ...edges.map((e) => e.trustee)] : [];
  let expiresAt: number | undefined;
  for (const e of edges) {
    if (e.expiresAt !== undefined && (expiresAt === undefined || e.expiresAt < expiresAt))
      expiresAt = e.expiresAt;
  }
  return {
    observer,
    target,
    trustLevel: best?.trust ?? 0,
    path,
    pathDepth: edges.length,
    edges,
    expiresAt,
    limitHit,
  };
}
