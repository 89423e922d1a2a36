import { sha256 } from '@noble/hashes/sha2.js';
import { EncodingError } from '../errors/EncodingError.js';
import { writeStakes } from './encodeTransaction.js';
import { formatGoFloat, formatGoInt } from './goNumber.js';
import { type LoneSurrogateMode, quoteGoString } from './goString.js';
import { bytesToHex, utf8 } from './hex.js';
import type { WireEncodeOptions } from './signableBytes.js';
import type { QuidnugTx } from './types.js';

// The seed is an anonymous Go struct without JSON tags, so its keys are the capitalised Go field
// names in declaration order (PROTOCOL §3). Same escaping and number rules as everywhere else.

function s(value: unknown, mode: LoneSurrogateMode, path: string): string {
  const v = value ?? '';
  if (typeof v !== 'string') throw new EncodingError(path, 'expected a string');
  return quoteGoString(v, mode, path);
}

/** The JSON text of the ID seed (PROTOCOL §3). Internal, exported for tests. */
export function transactionIdSeed(tx: QuidnugTx, mode: LoneSurrogateMode = 'reject'): string {
  const domain = s(tx.trustDomain, mode, 'trustDomain');
  const ts = formatGoInt(tx.timestamp ?? 0, 'timestamp');
  switch (tx.type) {
    case 'TRUST':
      return `{"Truster":${s(tx.truster, mode, 'truster')},"Trustee":${s(tx.trustee, mode, 'trustee')},"TrustLevel":${formatGoFloat(tx.trustLevel ?? 0, 'trustLevel')},"TrustDomain":${domain},"Timestamp":${ts}}`;
    case 'IDENTITY':
      return `{"QuidID":${s(tx.quidId, mode, 'quidId')},"Name":${s(tx.name, mode, 'name')},"Creator":${s(tx.creator, mode, 'creator')},"TrustDomain":${domain},"UpdateNonce":${formatGoInt(tx.updateNonce ?? 0, 'updateNonce')},"Timestamp":${ts}}`;
    case 'TITLE':
      return `{"AssetID":${s(tx.assetId, mode, 'assetId')},"Owners":${writeStakes(tx.owners, mode, 'owners')},"TrustDomain":${domain},"Timestamp":${ts}}`;
    case 'EVENT':
      return `{"SubjectID":${s(tx.subjectId, mode, 'subjectId')},"EventType":${s(tx.eventType, mode, 'eventType')},"Sequence":${formatGoInt(tx.sequence ?? 0, 'sequence')},"TrustDomain":${domain},"Timestamp":${ts}}`;
    default:
      throw new EncodingError('type', 'unknown transaction type');
  }
}

/**
 * The node's derived transaction ID (PROTOCOL §3): lowercase hex SHA-256 of the Go-field-name seed.
 * The EVENT seed leaves out the payload and signer; the TITLE seed leaves out previousOwners.
 *
 * @example
 * ```ts
 * const tx = { ...draft, id: transactionId(draft) };
 * ```
 */
export function transactionId(tx: QuidnugTx, options: WireEncodeOptions = {}): string {
  return bytesToHex(sha256(utf8(transactionIdSeed(tx, options.loneSurrogates ?? 'reject'))));
}
