// Internal: a short, safe description of an untrusted value for error messages (never dumps
// whole objects, never throws on bigint or cycles).

/** Short description of `value` for error messages (internal). */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}
