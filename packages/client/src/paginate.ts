import type { Page } from './types.js';

/**
 * Walks a paginated list page by page and yields every item, for `for await`. Stops at an empty
 * page or when `offset` reaches `total`.
 *
 * @example
 * ```ts
 * for await (const tx of paginate((offset) => client.listPendingTransactions({ offset, limit: 500 }))) {
 *   console.log(tx.id);
 * }
 * ```
 */
export async function* paginate<T>(
  fetchPage: (offset: number) => Promise<Page<T>>,
  start = 0,
): AsyncGenerator<T, void> {
  let offset = start;
  for (;;) {
    const page = await fetchPage(offset);
    for (const item of page.items) yield item;
    offset += page.items.length;
    if (page.items.length === 0 || offset >= page.total) return;
  }
}

/**
 * True when more items follow `page` (for the per-page API; `for await` over an `iterate*`
 * method does this for you).
 *
 * @example
 * ```ts
 * let page = await client.listBlocks({ limit: 100 });
 * while (hasNextPage(page)) page = await client.listBlocks({ limit: 100, offset: page.offset + page.items.length });
 * ```
 */
export function hasNextPage(page: Page<unknown>): boolean {
  return page.items.length > 0 && page.offset + page.items.length < page.total;
}
