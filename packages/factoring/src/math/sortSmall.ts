// Sorting the handful of items a decision holds without Array.prototype.sort's work copy.

/**
 * Sorts `list` in place with `compare` and returns it: insertion sort up to 16 items (stable,
 * like the built-in), the built-in sort above. A decision sorts lists of one to a few items many
 * thousand times per batch, and the built-in allocates a work copy on every call.
 *
 * @example
 * ```ts
 * sortSmall([3, 1, 2], (a, b) => a - b); // [1, 2, 3]
 * ```
 */
export function sortSmall<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  const n = list.length;
  if (n > 16) return list.sort(compare);
  for (let i = 1; i < n; i++) {
    const x = list[i] as T;
    let j = i - 1;
    while (j >= 0 && compare(list[j] as T, x) > 0) {
      list[j + 1] = list[j] as T;
      j--;
    }
    list[j + 1] = x;
  }
  return list;
}
