// One read of a caller's data into plain objects the engine owns: a getter, a Proxy or a later
// edit of the caller's object cannot show the checks one value and the rules another.

/** Deeper than any input the engine reads: past it a value is kept as given (no stack overflow). */
const MAX_DEPTH = 32;

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Built-in objects kept as given even from JSON-only data: the checks refuse them by their kind. */
function isBuiltIn(v: object): boolean {
  return v instanceof Date || v instanceof Map || v instanceof RegExp || ArrayBuffer.isView(v);
}

/**
 * A copy of `value` in which every own enumerable property of a plain object (prototype
 * `Object.prototype` or null) and every element of a list was read exactly once, deep; a Set is
 * copied as a new Set. Anything else (a primitive, a Date, a Map, a class instance) is returned
 * as given, so the checks that refuse it still see it; with `json` (data that has no classes,
 * such as an event's payload) any object but a Date, Map, RegExp or typed array is copied as its
 * enumerable keys. A `__proto__` key stays an own entry.
 *
 * @example
 * ```ts
 * const own = plainCopy(portfolio); // later edits of `portfolio` do not reach `own`
 * ```
 */
export function plainCopy<T>(value: T, depth = 0, json = false): T {
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) {
    const n = value.length;
    const out = new Array(n);
    for (let i = 0; i < n; i++) out[i] = plainCopy(value[i], depth + 1, json);
    return out as T;
  }
  if (value instanceof Set) return new Set(value) as T;
  const plain = isPlainObject(value);
  // JSON data (an event's payload) has no class: an object claiming one (a Proxy can claim any)
  // is copied as its enumerable keys all the same, or it would be read live.
  if (!plain && (!json || isBuiltIn(value))) return value;
  const src = value as Record<string, unknown>;
  const out: Record<string, unknown> =
    plain && Object.getPrototypeOf(value) === null ? Object.create(null) : {};
  // for-in, not Object.keys: no key list allocated per object (a plain object inherits no
  // enumerable keys; one a polluted prototype lends would be read by the engine all the same).
  for (const k in src) {
    const v = plainCopy(src[k], depth + 1, json);
    if (k === '__proto__')
      Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    else out[k] = v;
  }
  return out as T;
}
