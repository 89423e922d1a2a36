// HTTP bodies of the guardian routes: the Go encoding of the signed struct.

import { EncodingError } from '../errors/EncodingError.js';
import {
  writeNonceAnchor,
  writeRecoveryCommit,
  writeRecoveryInit,
  writeRecoveryVeto,
  writeResignation,
  writeSetUpdate,
} from './encodeAnchor.js';
import type {
  GuardianRecoveryCommit,
  GuardianRecoveryInit,
  GuardianRecoveryVeto,
  GuardianResignation,
  GuardianSetUpdate,
  NonceAnchor,
} from './types.js';

/**
 * Any anchor this module models.
 *
 * @example
 * ```ts
 * const a: GuardianAnchor = init;
 * ```
 */
export type GuardianAnchor =
  | GuardianSetUpdate
  | GuardianRecoveryInit
  | GuardianRecoveryVeto
  | GuardianRecoveryCommit
  | GuardianResignation
  | NonceAnchor;

/**
 * The JSON to POST for a signed anchor, in the node's struct order (decoding it and re-marshalling
 * gives the same bytes). Throws `EncodingError` on a value Go could not decode (unsafe integer,
 * wrong type).
 *
 * @example
 * ```ts
 * await fetch(`${node}/api/v2/guardian/recovery/init`, { method: 'POST', body: anchorWireJson(init) });
 * ```
 */
export function anchorWireJson(anchor: GuardianAnchor): string {
  switch (anchor.kind) {
    case 1:
    case 2:
    case 3:
      return writeNonceAnchor(anchor, false);
    case 4:
      return writeRecoveryInit(anchor, false);
    case 5:
      return writeRecoveryVeto(anchor, false);
    case 6:
      return writeRecoveryCommit(anchor);
    case 7:
      return writeSetUpdate(anchor, false);
    case 8:
      return writeResignation(anchor, false);
    default:
      throw new EncodingError('kind', `unknown anchor kind ${String((anchor as { kind: unknown }).kind)}`);
  }
}
