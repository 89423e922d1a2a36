import { PaginationError } from '../errors/PaginationError.js';
import type { Page } from '../schemas/types.js';

/**
 * How {@link paginate} walks a list.
 *
 * @example
 * ```ts
 * const options: PaginateOptions = { start: 0, limit: 1000, maxPages: 100, filtered: false };
 * ```
 */
export interface PaginateOptions {
  /** First offset (default 0). */
  readonly start?: number | undefined;
  /**
   * The `limit` sent with each request; each page must report the limit the node applies to it
   * (non-positive: 50, above 1000: 1000). Left out: the first page's limit (1..1000) is taken and
   * every later page must report the same.
   */
  readonly limit?: number | undefined;
  /** Most pages requested before `PaginationError` `TOO_MANY_PAGES` (default 1000). */
  readonly maxPages?: number | undefined;
  /**
   * True for a list the node filters after slicing a page (stream events: expired or moderated
   * events are left out, `total` still counts them), where a short or empty page is honest.
   */
  readonly filtered?: boolean | undefined;
}

/** Default of {@link PaginateOptions.maxPages}. */
export const DEFAULT_MAX_PAGES = 1000;

// The limit the node applies to a request (PROTOCOL §9.7): default 50, non-positive falls back, cap 1000.
const appliedLimit = (asked: number | undefined): number =>
  asked === undefined || !Number.isInteger(asked) || asked <= 0 ? 50 : Math.min(asked, 1000);

// Cheap identity of a page's items, to notice a node serving the same page again. Only each
// item's top-level scalars (id, signature, hash, sequence, ...): a hostile page may nest payloads
// far deeper than JSON.stringify's recursion can go.
const scalars = (item: unknown): string => {
  if (typeof item !== 'object' || item === null) return String(item);
  let out = '';
  for (const [key, value] of Object.entries(item)) {
    if (value === null || typeof value !== 'object') out += `${key}=${String(value)};`;
  }
  return out;
};
const fingerprint = (items: readonly unknown[]): string => items.map(scalars).join('\n');

/**
 * Walks a paginated list page by page and yields every item, for `for await`. Each page is checked
 * against the request before its items are yielded: it must sit at the offset asked for, report
 * the limit the node applies, hold no more items than that (and, on unfiltered lists, exactly as
 * many as `total` leaves), differ from the previous page, and carry a whole-number `total`. The
 * next offset moves by the page's window, so items a node filters out are not read twice. The walk
 * ends when the offset reaches `total`, and after `maxPages` requests at most. Any contradiction
 * throws `PaginationError`.
 *
 * @example
 * ```ts
 * for await (const tx of paginate((offset) => client.listPendingTransactions({ offset, limit: 500 }), { limit: 500 })) {
 *   console.log(tx.id);
 * }
 * ```
 */
export async function* paginate<T>(
  fetchPage: (offset: number) => Promise<Page<T>>,
  options: PaginateOptions | number = {},
): AsyncGenerator<T, void> {
  const o: PaginateOptions = typeof options === 'number' ? { start: options } : options;
  let limit = o.limit === undefined ? undefined : appliedLimit(o.limit);
  const maxPages = o.maxPages ?? DEFAULT_MAX_PAGES;
  let offset = o.start ?? 0;
  let previous: string | undefined;
  for (let pages = 1; ; pages++) {
    if (pages > maxPages) {
      throw new PaginationError('TOO_MANY_PAGES', offset, pages - 1, `stopped after ${maxPages} pages`);
    }
    const page = await fetchPage(offset);
    const fault = (reason: ConstructorParameters<typeof PaginationError>[0], detail: string) =>
      new PaginationError(reason, offset, pages, detail);
    if (page.offset !== offset) throw fault('OFFSET_MISMATCH', `asked for ${offset}, got ${page.offset}`);
    if (limit === undefined && Number.isInteger(page.limit) && page.limit >= 1 && page.limit <= 1000) {
      limit = page.limit;
    }
    if (page.limit !== limit) {
      throw fault('LIMIT_MISMATCH', `the node applies ${limit ?? '1..1000'}, page says ${page.limit}`);
    }
    if (!Number.isSafeInteger(page.total) || page.total < 0) {
      throw fault('TOTAL_INCONSISTENT', `total ${page.total}`);
    }
    // Entries the client left out on purpose (page.skipped) were still served by the node.
    const served = page.items.length + (page.skipped ?? 0);
    if (served > limit) throw fault('PAGE_TOO_LONG', `${served} items, limit ${limit}`);
    const expected = Math.max(0, Math.min(limit, page.total - offset));
    if (!o.filtered && served !== expected) {
      throw fault('SHORT_PAGE', `${served} items where total ${page.total} leaves ${expected}`);
    }
    if (o.filtered && served > expected) {
      throw fault('TOTAL_INCONSISTENT', `${served} items past total ${page.total}`);
    }
    if (page.items.length > 0) {
      const print = fingerprint(page.items);
      if (print === previous) throw fault('REPEATED_PAGE', 'the same items as the previous page');
      previous = print;
    }
    for (const item of page.items) yield item;
    offset += limit;
    if (offset >= page.total) return;
  }
}

/**
 * True when more items follow `page` (for the per-page API; `for await` over an `iterate*`
 * method does this for you, and checks every page).
 *
 * @example
 * ```ts
 * let page = await client.listBlocks({ limit: 100 });
 * while (hasNextPage(page)) page = await client.listBlocks({ limit: 100, offset: page.offset + page.items.length });
 * ```
 */
export function hasNextPage(page: Page<unknown>): boolean {
  const served = page.items.length + (page.skipped ?? 0);
  return served > 0 && page.offset + served < page.total;
}
