// What the node's blocks still tell about an invoice: every committed TITLE version of it and the
// identity records whose keys really derive to their quids.

import {
  type IdentityTx,
  parseIdentityTx,
  parseTitleTx,
  quidIdFromPublicKey,
  type TitleTx,
} from '@quidfin/core';
import { isQuidfinClientError } from '../errors/QuidfinClientError.js';
import type { QuidnugClient } from '../QuidnugClient.js';
import type { CallOptions } from '../transport/Transport.js';

/**
 * The committed history the node serves in `GET /blocks` (its title registry keeps only the latest
 * version, and its identity registry only the latest record, which anyone can replace).
 *
 * @example
 * ```ts
 * const history = await readTitleHistory(client, 'inv-1');
 * if (history.available) console.log(history.titles.length, 'versions');
 * ```
 */
export interface TitleHistory {
  /** False when the node does not serve `/blocks` (404): nothing below was read. */
  readonly available: boolean;
  /** Every committed TITLE of the asset, in commit order. */
  readonly titles: readonly TitleTx[];
  /**
   * Per quid, the last committed IDENTITY whose key derives to the quid (genuine by
   * construction; its signature is not verified here).
   */
  readonly genuineIdentities: ReadonlyMap<string, IdentityTx>;
}

function quidOf(publicKey: string): string | undefined {
  try {
    return quidIdFromPublicKey(publicKey);
  } catch {
    return undefined;
  }
}

/**
 * Reads every block from genesis and keeps what the read path needs: the asset's TITLE versions
 * and the genuine identity records. Transactions that do not parse are skipped (they cannot
 * prove anything). Costs one pass over the node's blocks, 1,000 per request.
 *
 * @example
 * ```ts
 * const { titles, genuineIdentities } = await readTitleHistory(client, 'inv-1');
 * ```
 */
export async function readTitleHistory(
  client: QuidnugClient,
  assetId: string,
  o: CallOptions = {},
): Promise<TitleHistory> {
  const titles: TitleTx[] = [];
  const genuineIdentities = new Map<string, IdentityTx>();
  try {
    for await (const block of client.iterateBlocks({ limit: 1000 }, o)) {
      for (const raw of block.transactions) {
        if (raw['type'] === 'TITLE' && raw['assetId'] === assetId) {
          try {
            titles.push(parseTitleTx(raw));
          } catch {
            // not a transaction the node could have validated: proves nothing
          }
        } else if (raw['type'] === 'IDENTITY' && typeof raw['publicKey'] === 'string') {
          if (quidOf(raw['publicKey']) !== raw['quidId']) continue;
          try {
            const tx = parseIdentityTx(raw);
            genuineIdentities.set(tx.quidId, tx);
          } catch {
            // as above
          }
        }
      }
    }
  } catch (error) {
    if (isQuidfinClientError(error) && error.code === 'NOT_FOUND') {
      return { available: false, titles: [], genuineIdentities: new Map() };
    }
    throw error;
  }
  return { available: true, titles, genuineIdentities };
}
