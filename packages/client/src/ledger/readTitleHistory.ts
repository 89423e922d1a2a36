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
   * The last committed IDENTITY of `quid` whose key derives to the quid (genuine by construction;
   * its signature is not verified here), or undefined.
   */
  genuineIdentity(quid: string): IdentityTx | undefined;
  /**
   * Unix seconds of the block that committed this TITLE or EVENT of the asset (by transaction
   * id), or undefined when no block read holds it. The time key history is judged at: a
   * transaction's own `timestamp` is the signer's choice.
   */
  blockTimeOf(txId: string): number | undefined;
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
 * const { titles, genuineIdentity } = await readTitleHistory(client, 'inv-1');
 * const supplierRecord = genuineIdentity(supplierQuid);
 * ```
 */
export async function readTitleHistory(
  client: QuidnugClient,
  assetId: string,
  o: CallOptions = {},
): Promise<TitleHistory> {
  const titles: TitleTx[] = [];
  const committedAt = new Map<string, number>();
  // Raw IDENTITY records by the quid they claim, in commit order: keys are only derived (an
  // elliptic-curve check) for the quids a read asks about.
  const identities = new Map<string, Readonly<Record<string, unknown>>[]>();
  try {
    for await (const block of client.iterateBlocks({ limit: 1000 }, o)) {
      for (const raw of block.transactions) {
        if (
          typeof raw['id'] === 'string' &&
          ((raw['type'] === 'TITLE' && raw['assetId'] === assetId) ||
            (raw['type'] === 'EVENT' && raw['subjectId'] === assetId)) &&
          !committedAt.has(raw['id'])
        ) {
          committedAt.set(raw['id'], block.timestamp);
        }
        if (raw['type'] === 'TITLE' && raw['assetId'] === assetId) {
          try {
            titles.push(parseTitleTx(raw));
          } catch {
            // not a transaction the node could have validated: proves nothing
          }
        } else if (raw['type'] === 'IDENTITY' && typeof raw['quidId'] === 'string') {
          const list = identities.get(raw['quidId']) ?? [];
          list.push(raw);
          identities.set(raw['quidId'], list);
        }
      }
    }
  } catch (error) {
    if (isQuidfinClientError(error) && error.code === 'NOT_FOUND') {
      return {
        available: false,
        titles: [],
        genuineIdentity: () => undefined,
        blockTimeOf: () => undefined,
      };
    }
    throw error;
  }
  const genuineIdentity = (quid: string): IdentityTx | undefined => {
    const list = identities.get(quid) ?? [];
    for (let i = list.length - 1; i >= 0; i--) {
      const raw = list[i]!;
      if (typeof raw['publicKey'] !== 'string' || quidOf(raw['publicKey']) !== quid) continue;
      try {
        return parseIdentityTx(raw);
      } catch {
        // as above
      }
    }
    return undefined;
  };
  return { available: true, titles, genuineIdentity, blockTimeOf: (id) => committedAt.get(id) };
}
