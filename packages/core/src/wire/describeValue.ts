// Internal: a short, safe description of an untrusted value for error messages (never dumps
// whole objects or function source, never throws on bigint, cycles or hostile proxies).

/** Short description of `value` for error messages (internal). */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    case 'bigint':
      return `${value}n`;
    case 'function':
      return 'a function';
    case 'symbol':
      return 'a symbol';
    case 'object':
      break;
    default:
      return String(value); // number, boolean, undefined
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  try {
    // A class instance says what it is (`a Date`, `a Map`); a plain or null-prototype object does not.
    const name: unknown = Object.getPrototypeOf(value)?.constructor?.name;
    return typeof name === 'string' && name !== '' && name !== 'Object' ? `a ${name}` : 'an object';
  } catch {
    return 'an object';
  }
}
