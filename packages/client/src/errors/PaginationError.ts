import { QuidfinClientError } from './QuidfinClientError.js';

/**
 * What was wrong with a page:
 * - `OFFSET_MISMATCH`: the page is not at the offset asked for (a node ignoring offsets);
 * - `LIMIT_MISMATCH`: the page reports another limit than the one the node applies to the request;
 * - `PAGE_TOO_LONG`: more items than the limit;
 * - `SHORT_PAGE`: fewer items than `total` promises, on a list the node never filters;
 * - `REPEATED_PAGE`: the same items as the previous page;
 * - `TOTAL_INCONSISTENT`: a `total` that is not a whole number, or smaller than what was already served;
 * - `TOO_MANY_PAGES`: the walk reached `maxPages` (a node reporting an absurd total).
 *
 * @example
 * ```ts
 * if (isClientError(e) && e.code === 'PAGINATION') console.log(e.reason satisfies PaginationFault);
 * ```
 */
export type PaginationFault =
  | 'OFFSET_MISMATCH'
  | 'LIMIT_MISMATCH'
  | 'PAGE_TOO_LONG'
  | 'SHORT_PAGE'
  | 'REPEATED_PAGE'
  | 'TOTAL_INCONSISTENT'
  | 'TOO_MANY_PAGES';

/**
 * A paginated list contradicted itself, or would not end: the walk stopped with what is wrong
 * and at which offset, instead of yielding a wrong list or sending requests without end.
 *
 * @example
 * ```ts
 * try { for await (const b of client.iterateBlocks()) use(b); }
 * catch (e) {
 *   if (isClientError(e) && e.code === 'PAGINATION') {
 *     const { reason, offset, pages } = e as PaginationError;
 *     console.log(reason, offset, pages);
 *   }
 * }
 * ```
 */
export class PaginationError extends QuidfinClientError<'PAGINATION'> {
  override readonly name: string = 'PaginationError';
  readonly reason: PaginationFault;
  /** Offset of the page that failed. */
  readonly offset: number;
  /** Pages read so far, the failing one included. */
  readonly pages: number;

  constructor(reason: PaginationFault, offset: number, pages: number, detail: string) {
    super('PAGINATION', `${reason} at offset ${offset} (page ${pages}): ${detail}`);
    this.reason = reason;
    this.offset = offset;
    this.pages = pages;
  }
}
