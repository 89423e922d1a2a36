// Response checks of the guardian routes (built on first use). Internal.

import type { GuardianSet } from '@quidfin/core';
import * as z from 'zod/mini';
import { parserFor } from '../schemas/parse.js';
import type {
  GuardianResignations,
  GuardianSetUpdateAccepted,
  PendingRecovery,
  RecoveryAccepted,
  ResignationAccepted,
} from './guardianTypes.js';

function build() {
  const int = z.number();
  const sig = z.object({ guardianQuid: z.string(), keyEpoch: int, signature: z.string() });
  const set = z.object({
    guardians: z.nullable(
      z.array(
        z.object({
          quid: z.string(),
          weight: z.exactOptional(int),
          epoch: int,
          addedAtBlock: z.exactOptional(int),
        }),
      ),
    ),
    threshold: int,
    recoveryDelay: int,
    updatedAtBlock: z.exactOptional(int),
    requireGuardianRotation: z.exactOptional(z.boolean()),
  });
  const init = z.object({
    kind: z.literal(4),
    subjectQuid: z.string(),
    fromEpoch: int,
    toEpoch: int,
    newPublicKey: z.string(),
    minNextNonce: int,
    maxAcceptedOldNonce: int,
    anchorNonce: int,
    validFrom: int,
    expiresAt: z.exactOptional(int),
    guardianSigs: z.nullable(z.array(sig)),
  });
  const resignation = z.object({
    kind: z.literal(8),
    guardianQuid: z.string(),
    subjectQuid: z.string(),
    guardianSetHash: z.string(),
    resignationNonce: int,
    effectiveAt: int,
    signature: z.string(),
  });
  return {
    set,
    updateAccepted: z.object({
      subjectQuid: z.string(),
      guardians: int,
      threshold: int,
      recoveryDelayNs: int,
    }),
    recoveryAccepted: z.object({
      subjectQuid: z.string(),
      recoveryAnchorHash: z.string(),
      toEpoch: z.exactOptional(int),
    }),
    resignAccepted: z.object({
      subjectQuid: z.string(),
      guardianQuid: z.string(),
      resignationNonce: int,
      effectiveAt: z.exactOptional(int),
      duplicate: z.exactOptional(z.boolean()),
    }),
    pending: z.object({
      subjectQuid: z.string(),
      initHash: z.string(),
      initBlockHeight: int,
      maturityUnix: int,
      state: z.string(),
      init,
    }),
    resignations: z.object({
      subjectQuid: z.string(),
      resignations: z.nullable(z.array(resignation)),
      weakened: z.boolean(),
    }),
  };
}

let schemas: ReturnType<typeof build> | undefined;
const s = (): ReturnType<typeof build> => {
  schemas ??= build();
  return schemas;
};

/** Parsers of the guardian answers. */
export const guardianParsers = {
  set: (d: unknown): GuardianSet => parserFor(s().set)(d),
  updateAccepted: (d: unknown): GuardianSetUpdateAccepted => parserFor(s().updateAccepted)(d),
  recoveryAccepted: (d: unknown): RecoveryAccepted => parserFor(s().recoveryAccepted)(d),
  resignAccepted: (d: unknown): ResignationAccepted => {
    const r = parserFor(s().resignAccepted)(d);
    return { ...r, duplicate: r.duplicate === true };
  },
  pending: (d: unknown): PendingRecovery => parserFor(s().pending)(d),
  resignations: (d: unknown): GuardianResignations => {
    const r = parserFor(s().resignations)(d);
    return { ...r, resignations: r.resignations ?? [] };
  },
};
