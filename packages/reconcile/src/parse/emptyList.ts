// One shared, frozen empty list for the list fields of parsed transactions that have no entries.

/**
 * The empty list every parser puts in a transaction's list fields that have nothing in them
 * (`referredDocuments` of an MT940 line, ...). One frozen array instead of a new `[]` per field:
 * a whole-file parse keeps every transaction alive, and each extra array is an object the
 * garbage collector copies. The fields are `readonly` lists, so nothing may push to them anyway.
 *
 * @example
 * ```ts
 * const refs: readonly string[] = EMPTY_LIST;
 * ```
 */
export const EMPTY_LIST: readonly never[] = Object.freeze([]);

/**
 * `list` itself, or {@link EMPTY_LIST} when it is empty (so the empty array can be collected young).
 *
 * @example
 * ```ts
 * orEmpty([]) === EMPTY_LIST; // true
 * ```
 */
export function orEmpty<T>(list: readonly T[]): readonly T[] {
  return list.length === 0 ? EMPTY_LIST : list;
}
