// ComputeRelationalTrust (internal/core/registry.go): breadth-first search with multiplicative
// decay, first-visit pruning, `maxDepth` counted in edges, expired edges skipped, and a stop at
// the queue/visited limits with the best result so far. Edges are walked in insertion order
// where Go walks its maps in random order, so results are deterministic (see README).

/** One outgoing edge as the search sees it. */
export interface SearchEdge {
  readonly trustee: string;
  readonly level: number;
  /** Extra factor for unverified edges (observer's trust in the block's validator); 1 when verified. */
  readonly verified: boolean;
  readonly validatorQuid: string;
}

/** A gap on the chosen path: an unverified edge and the trust that discounted it. */
export interface VerificationGap {
  readonly from: string;
  readonly to: string;
  readonly validatorQuid: string;
  readonly validatorTrust: number;
}

/** Result of one search. */
export interface TrustSearchResult {
  readonly trustLevel: number;
  /** `undefined` when no path was found. */
  readonly trustPath: readonly string[] | undefined;
  readonly unverifiedHops: number;
  readonly gaps: readonly VerificationGap[] | undefined;
  /** True when the queue or visited limit stopped the search (partial result). */
  readonly limitHit: boolean;
}

/** Search limits (node: 10,000 each). */
export interface TrustSearchLimits {
  readonly maxQueue: number;
  readonly maxVisited: number;
}

interface State {
  readonly quid: string;
  readonly path: readonly string[];
  readonly trust: number;
  readonly unverifiedHops: number;
  readonly gaps: readonly VerificationGap[] | undefined;
}

/**
 * Runs the node's search. `edgesOf` lists a quid's non-expired edges; `validatorTrust` gives the
 * observer's trust in a validator (only called for unverified edges).
 *
 * @example
 * ```ts
 * searchTrust('a', 'c', 5, (q) => graph[q] ?? [], () => 0, { maxQueue: 10_000, maxVisited: 10_000 });
 * ```
 */
export function searchTrust(
  observer: string,
  target: string,
  maxDepth: number,
  edgesOf: (quid: string) => Iterable<SearchEdge>,
  validatorTrust: (validatorQuid: string) => number,
  limits: TrustSearchLimits,
): TrustSearchResult {
  const queue: State[] = [{ quid: observer, path: [observer], trust: 1, unverifiedHops: 0, gaps: undefined }];
  let head = 0;
  const visited = new Set<string>([observer]);
  let best: State | undefined;
  let bestTrust = 0;
  const result = (limitHit: boolean): TrustSearchResult => ({
    trustLevel: bestTrust,
    trustPath: best?.path,
    unverifiedHops: best?.unverifiedHops ?? 0,
    gaps: best?.gaps,
    limitHit,
  });
  while (head < queue.length) {
    if (queue.length - head > limits.maxQueue || visited.size > limits.maxVisited) return result(true);
    const current = queue[head++]!;
    for (const edge of edgesOf(current.quid)) {
      if (current.path.includes(edge.trustee)) continue; // no cycles on the current path
      let trust = current.trust * edge.level;
      let unverifiedHops = current.unverifiedHops;
      let gaps = current.gaps;
      if (!edge.verified) {
        const vt = validatorTrust(edge.validatorQuid);
        trust *= vt;
        unverifiedHops += 1;
        gaps = [
          ...(gaps ?? []),
          { from: current.quid, to: edge.trustee, validatorQuid: edge.validatorQuid, validatorTrust: vt },
        ];
      }
      if (edge.trustee === target) {
        if (trust > bestTrust) {
          bestTrust = trust;
          best = { quid: edge.trustee, path: [...current.path, edge.trustee], trust, unverifiedHops, gaps };
        }
        continue; // the target is never expanded
      }
      if (current.path.length < maxDepth && !visited.has(edge.trustee)) {
        visited.add(edge.trustee);
        queue.push({
          quid: edge.trustee,
          path: [...current.path, edge.trustee],
          trust,
          unverifiedHops,
          gaps,
        });
      }
    }
  }
  return result(false);
}
