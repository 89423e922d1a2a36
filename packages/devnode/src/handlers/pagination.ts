// ParsePaginationParams / paginateSlice (internal/core/response.go).

/** Parsed `limit` / `offset`. */
export interface Page {
  readonly limit: number;
  readonly offset: number;
}

const ATOI_RE = /^[+-]?[0-9]+$/;

/** Go's strconv.Atoi on a 64-bit build; `undefined` on error. */
export function atoi(s: string): number | undefined {
  if (!ATOI_RE.test(s)) return undefined;
  const big = BigInt(s);
  if (big < -(2n ** 63n) || big > 2n ** 63n - 1n) return undefined;
  return Number(big);
}

/** Default 50, non-positive or non-numeric limits fall back, cap 1000; negative offsets ignored. */
export function parsePage(query: URLSearchParams): Page {
  let limit = 50;
  let offset = 0;
  const l = query.get('limit');
  if (l !== null && l !== '') {
    const v = atoi(l);
    if (v !== undefined && v > 0) limit = v;
  }
  const o = query.get('offset');
  if (o !== null && o !== '') {
    const v = atoi(o);
    if (v !== undefined && v >= 0) offset = v;
  }
  return { limit: Math.min(limit, 1000), offset };
}

/** `{data:[…], pagination:{limit, offset, total}}`. */
export function paginate<T>(
  items: readonly T[],
  page: Page,
): { data: T[]; pagination: Record<string, number> } {
  const total = items.length;
  const data = page.offset >= total ? [] : items.slice(page.offset, page.offset + page.limit);
  return { data, pagination: { limit: page.limit, offset: page.offset, total } };
}
