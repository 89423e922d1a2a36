import { QuidfinClientError } from './QuidfinClientError.js';

/**
 * A read made with `crossCheck` got different answers from two nodes, also after one more read
 * a poll interval later (a node one block behind has caught up by then). One of them is lying or
 * forked; neither answer is returned.
 *
 * @example
 * ```ts
 * try { await ledger.getInvoice('inv-1', { crossCheck: true }); }
 * catch (e) {
 *   if (isClientError(e) && e.code === 'CROSS_CHECK_MISMATCH') {
 *     const { nodes, what } = e as CrossCheckError;
 *     console.log(nodes, what);
 *   }
 * }
 * ```
 */
export class CrossCheckError extends QuidfinClientError<'CROSS_CHECK_MISMATCH'> {
  override readonly name: string = 'CrossCheckError';
  /** Base URLs of the two nodes that disagree. */
  readonly nodes: readonly [string, string];
  /** What was read, e.g. `stream inv-1` or `GET /title/{assetId}`. */
  readonly what: string;

  constructor(what: string, nodes: readonly [string, string], detail: string) {
    super('CROSS_CHECK_MISMATCH', `${what}: ${nodes[0]} and ${nodes[1]} disagree: ${detail}`);
    this.what = what;
    this.nodes = nodes;
  }
}
