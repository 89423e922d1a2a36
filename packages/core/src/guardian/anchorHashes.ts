// The two identifiers the guardian protocol derives by hashing: recovery anchor hash and set hash.

import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8 } from '../wire/hex.js';
import { recoveryInitSignableBytes } from './anchorSignableBytes.js';
import { writeGuardianSet } from './encodeAnchor.js';
import type { GuardianRecoveryInit, GuardianSet } from './types.js';

/**
 * Hex SHA-256 of a recovery init's signable bytes: the `recoveryAnchorHash` a veto or commit names
 * (and `initHash` in `GET /api/v2/guardian/pending-recovery/{quid}`).
 *
 * @example
 * ```ts
 * const hash = recoveryInitHash(init); // 64 hex chars
 * ```
 */
export function recoveryInitHash(init: GuardianRecoveryInit): string {
  return bytesToHex(sha256(recoveryInitSignableBytes(init)));
}

/**
 * Hex SHA-256 of the set as Go marshals it. Hash the set **as the node serves it** (with its
 * `updatedAtBlock`), not the one you submitted: a resignation must name the installed version.
 *
 * @example
 * ```ts
 * const hash = guardianSetHash(await client.getGuardianSet(subjectQuid));
 * ```
 */
export function guardianSetHash(set: GuardianSet): string {
  return bytesToHex(sha256(utf8(writeGuardianSet(set, 'set'))));
}
