// The node's pending pool also lists guardian anchor wrappers (type `GUARDIAN_*`, id ""): not
// transactions this client can submit or locate, so pool pages leave them out. Internal.

const isAnchorWrapper = (t: unknown): boolean =>
  typeof t === 'object' && t !== null && /^GUARDIAN_/.test(String((t as { type?: unknown }).type));

/** A copy of a `GET /transactions` page (`{ data, pagination }`) without guardian anchor wrappers. */
export function withoutAnchorWrappers(page: unknown): unknown {
  const p = page as { data?: unknown } | null;
  if (typeof p !== 'object' || p === null || !Array.isArray(p.data)) return page;
  return { ...p, data: p.data.filter((t) => !isAnchorWrapper(t)) };
}
