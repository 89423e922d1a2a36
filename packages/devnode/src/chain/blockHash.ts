import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { encodeGo } from '../json/goJson.js';
import type { BlockRecord } from '../state/state.js';
import { txStruct } from '../state/txStruct.js';

/**
 * The bytes a block's hash and signature cover: every field but `hash` and the signatures, with
 * sorted keys. (The real node has its own scheme; nothing outside the devnode checks these.)
 */
export function blockSignableBytes(block: BlockRecord): Uint8Array {
  const { validatorSigs: _sigs, ...proof } = block.trustProof;
  return new TextEncoder().encode(
    encodeGo({
      index: block.index,
      timestamp: block.timestamp,
      transactions: block.transactions.map(txStruct),
      trustProof: proof,
      prevHash: block.prevHash,
    }),
  );
}

/** Hex SHA-256 of the block's signable bytes plus its signatures. */
export function blockHash(block: BlockRecord): string {
  const head = bytesToHex(sha256(blockSignableBytes(block)));
  return bytesToHex(sha256(new TextEncoder().encode(head + block.trustProof.validatorSigs.join(''))));
}
