// A value as an error message shows it, whatever the value: a message must never throw.

/**
 * `v` for an error message: strings quoted, a BigInt with its `n`, `null`, lists and other objects
 * named; never throws (`String` of an object with no prototype, and `JSON.stringify` of a BigInt,
 * threw raw TypeErrors out of the checks meant to refuse them).
 *
 * @example
 * ```ts
 * shownValue('5000000'); // '"5000000"'
 * shownValue(5_000_000n); // '5000000n'
 * shownValue(Object.create(null)); // 'an object'
 * ```
 */
export function shownValue(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'bigint':
      return `${v}n`;
    case 'object':
      return v === null ? 'null' : Array.isArray(v) ? 'a list' : 'an object';
    case 'function':
    case 'symbol':
      return `a ${typeof v}`;
    default:
      return String(v);
  }
}
