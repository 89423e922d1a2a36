/**
 * Result of {@link findExactSubsets}.
 *
 * @example
 * ```ts
 * const { solutions, found, complete }: SubsetSearchResult = findExactSubsets([5, 3, 2], 5, limits);
 * ```
 */
export interface SubsetSearchResult {
  /** Every exact solution found (up to `maxSolutions`), each a sorted list of input positions; sorted. */
  readonly solutions: readonly (readonly number[])[];
  /** Number of exact solutions found (may exceed `solutions.length`). */
  readonly found: number;
  /** False when the step budget ran out before the search space was covered. */
  readonly complete: boolean;
}

/**
 * Bounds of {@link findExactSubsets}.
 *
 * @example
 * ```ts
 * const limits: SubsetSearchLimits = { minSize: 2, maxSize: 5, maxSolutions: 10, maxSteps: 200_000 };
 * ```
 */
export interface SubsetSearchLimits {
  readonly minSize: number;
  readonly maxSize: number;
  readonly maxSolutions: number;
  readonly maxSteps: number;
}

/**
 * Bounded exact subset-sum over integer amounts (negative amounts are credit notes): finds every
 * group of `minSize`..`maxSize` items summing exactly to `target`, within a step budget. Integer
 * minor units make "exact" exact. The caller restricts `amounts` to one payer's open items, which
 * keeps the search small (C(24, <=5) is about 55k groups).
 *
 * @example
 * ```ts
 * findExactSubsets([500, 300, 200, 700], 1000, { minSize: 2, maxSize: 3, maxSolutions: 10, maxSteps: 1e5 });
 * // { solutions: [[0, 1, 2], [1, 3]], found: 2, complete: true }
 * ```
 */
export function findExactSubsets(
  amounts: readonly number[],
  target: number,
  limits: SubsetSearchLimits,
): SubsetSearchResult {
  const order = amounts.map((_, i) => i).sort((a, b) => (amounts[b] ?? 0) - (amounts[a] ?? 0) || a - b);
  const vals = order.map((i) => amounts[i] ?? 0);
  const n = vals.length;
  // Suffix bounds: the most and least the remaining items could still add.
  const maxRest = new Array<number>(n + 1).fill(0);
  const minRest = new Array<number>(n + 1).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    const v = vals[i] ?? 0;
    maxRest[i] = (maxRest[i + 1] ?? 0) + Math.max(v, 0);
    minRest[i] = (minRest[i + 1] ?? 0) + Math.min(v, 0);
  }
  const prefix = new Array<number>(n + 1).fill(0);
  for (let i = 0; i < n; i++) prefix[i + 1] = (prefix[i] ?? 0) + Math.max(vals[i] ?? 0, 0);
  const solutions: number[][] = [];
  let found = 0;
  let steps = 0;
  let complete = true;
  const chosen: number[] = [];
  const dfs = (start: number, sum: number): void => {
    if (chosen.length >= limits.minSize && sum === target) {
      found++;
      if (solutions.length < limits.maxSolutions)
        solutions.push(chosen.map((k) => order[k] ?? 0).sort((a, b) => a - b));
    }
    if (chosen.length === limits.maxSize) return;
    for (let i = start; i < n; i++) {
      if (++steps > limits.maxSteps) {
        complete = false;
        return;
      }
      if (sum + (maxRest[i] ?? 0) < target || sum + (minRest[i] ?? 0) > target) return;
      // The largest values still allowed (they come first) cannot reach the target: stop.
      const room = limits.maxSize - chosen.length;
      if (sum + (prefix[Math.min(n, i + room)] ?? 0) - (prefix[i] ?? 0) < target && (minRest[i] ?? 0) === 0)
        return;
      // Too big on its own, and nothing negative follows to bring it back: try a smaller one.
      if ((minRest[i] ?? 0) === 0 && sum + (vals[i] ?? 0) > target) continue;
      chosen.push(i);
      dfs(i + 1, sum + (vals[i] ?? 0));
      chosen.pop();
      if (!complete) return;
    }
  };
  dfs(0, 0);
  solutions.sort((a, b) => {
    for (let k = 0; k < Math.min(a.length, b.length); k++)
      if (a[k] !== b[k]) return (a[k] ?? 0) - (b[k] ?? 0);
    return a.length - b.length;
  });
  return { solutions, found, complete };
}
