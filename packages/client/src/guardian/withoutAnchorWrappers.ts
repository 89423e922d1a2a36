// The node's pending pool also lists guardian anchor wrappers (type `GUARDIAN_*`, id ""): not
// transactions this client can submit or locate, so pool pages leave them out. Internal.

const isAnchorWrapper = (t: unknown): boolean =>
  typeof t === 'object' && t !== null && /^GUARDIAN_/.test(String((t as { type?: unknown }).type));

/**
 * A copy of a `GET /transactions` page (`{ data, pagination }`) without guardian anchor wrappers,
 * and how many were left out (pagination checks still count them as served).
 */
export function withoutAnchorWrappers(page: unknown): { readonly page: unknown; readonly skipped: number } {
  const p = page as { data?: unknown } | null;
  if (typeof p !== 'object' || p === null || !Array.isArray(p.data)) return { page, skipped: 0 };
  const data = p.data.filter((t) => !isAnchorWrapper(t));
  return { page: { ...p, data }, skipped: p.data.length - data.length };
}
