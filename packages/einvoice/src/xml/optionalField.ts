// Spreads a business term into a parsed object only when the file carries it.

/** `{ [key]: value }` when `value` is present, `{}` otherwise (so absent terms stay absent, not `undefined`). */
export function optionalField<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
