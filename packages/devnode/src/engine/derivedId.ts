// The node's ID derivation for IDENTITY, TITLE and EVENT when `id` is empty (PROTOCOL §3):
// SHA-256 of Go's json.Marshal of an anonymous struct keyed by Go field names.

import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { encodeGo, GoStruct } from '../json/goJson.js';
import type { GoValue, StructSchema } from '../json/goStruct.js';
import { STAKE_SCHEMA } from '../json/schemas.js';
import type { TxKind } from '../state/state.js';

const IDENTITY_SEED: StructSchema = {
  fields: [
    { name: 'QuidID', kind: 'string' },
    { name: 'Name', kind: 'string' },
    { name: 'Creator', kind: 'string' },
    { name: 'TrustDomain', kind: 'string' },
    { name: 'UpdateNonce', kind: 'int64' },
    { name: 'Timestamp', kind: 'int64' },
  ],
};
const TITLE_SEED: StructSchema = {
  fields: [
    { name: 'AssetID', kind: 'string' },
    { name: 'Owners', kind: { slice: STAKE_SCHEMA } },
    { name: 'TrustDomain', kind: 'string' },
    { name: 'Timestamp', kind: 'int64' },
  ],
};
const EVENT_SEED: StructSchema = {
  fields: [
    { name: 'SubjectID', kind: 'string' },
    { name: 'EventType', kind: 'string' },
    { name: 'Sequence', kind: 'int64' },
    { name: 'TrustDomain', kind: 'string' },
    { name: 'Timestamp', kind: 'int64' },
  ],
};

/** The ID the node fills in for an IDENTITY, TITLE or EVENT sent with `id:""`. */
export function derivedId(kind: Exclude<TxKind, 'TRUST'>, tx: GoValue): string {
  let seed: GoStruct;
  if (kind === 'IDENTITY') {
    seed = new GoStruct(IDENTITY_SEED, {
      QuidID: tx['quidId'],
      Name: tx['name'],
      Creator: tx['creator'],
      TrustDomain: tx['trustDomain'],
      UpdateNonce: tx['updateNonce'],
      Timestamp: tx['timestamp'],
    });
  } else if (kind === 'TITLE') {
    seed = new GoStruct(TITLE_SEED, {
      AssetID: tx['assetId'],
      Owners: tx['owners'],
      TrustDomain: tx['trustDomain'],
      Timestamp: tx['timestamp'],
    });
  } else {
    seed = new GoStruct(EVENT_SEED, {
      SubjectID: tx['subjectId'],
      EventType: tx['eventType'],
      Sequence: tx['sequence'],
      TrustDomain: tx['trustDomain'],
      Timestamp: tx['timestamp'],
    });
  }
  return bytesToHex(sha256(new TextEncoder().encode(encodeGo(seed))));
}
