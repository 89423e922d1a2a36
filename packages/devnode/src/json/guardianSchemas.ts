// The node's guardian request structs (guardian.go, guardian_resignation.go) as devnode field lists.
// Go's uint16 / uint32 fields are decoded as int64 here and range-checked by `uintFieldsInRange`.

import type { GoValue, StructSchema } from './goStruct.js';

const SIG: StructSchema = {
  fields: [
    { name: 'guardianQuid', kind: 'string' },
    { name: 'keyEpoch', kind: 'int64' },
    { name: 'signature', kind: 'string' },
  ],
};
const PRIMARY: StructSchema = {
  fields: [
    { name: 'keyEpoch', kind: 'int64' },
    { name: 'signature', kind: 'string' },
  ],
};
const REF: StructSchema = {
  fields: [
    { name: 'quid', kind: 'string' },
    { name: 'weight', kind: 'int64', omitEmpty: true },
    { name: 'epoch', kind: 'int64' },
    { name: 'addedAtBlock', kind: 'int64', omitEmpty: true },
  ],
};

/** GuardianSet. */
export const SET_SCHEMA: StructSchema = {
  fields: [
    { name: 'guardians', kind: { slice: REF } },
    { name: 'threshold', kind: 'int64' },
    { name: 'recoveryDelay', kind: 'int64' },
    { name: 'updatedAtBlock', kind: 'int64', omitEmpty: true },
    { name: 'requireGuardianRotation', kind: 'bool', omitEmpty: true },
  ],
};

/** GuardianSetUpdate. `primarySignature` is a pointer on the node (see note in guardianHandlers). */
export const SET_UPDATE_SCHEMA: StructSchema = {
  fields: [
    { name: 'kind', kind: 'int64' },
    { name: 'subjectQuid', kind: 'string' },
    { name: 'newSet', kind: { struct: SET_SCHEMA } },
    { name: 'anchorNonce', kind: 'int64' },
    { name: 'validFrom', kind: 'int64' },
    { name: 'primarySignature', kind: { struct: PRIMARY } },
    { name: 'newGuardianConsents', kind: { slice: SIG } },
    { name: 'currentGuardianSigs', kind: { slice: SIG }, omitEmpty: true },
  ],
};

/** GuardianRecoveryInit. */
export const INIT_SCHEMA: StructSchema = {
  fields: [
    { name: 'kind', kind: 'int64' },
    { name: 'subjectQuid', kind: 'string' },
    { name: 'fromEpoch', kind: 'int64' },
    { name: 'toEpoch', kind: 'int64' },
    { name: 'newPublicKey', kind: 'string' },
    { name: 'minNextNonce', kind: 'int64' },
    { name: 'maxAcceptedOldNonce', kind: 'int64' },
    { name: 'anchorNonce', kind: 'int64' },
    { name: 'validFrom', kind: 'int64' },
    { name: 'expiresAt', kind: 'int64', omitEmpty: true },
    { name: 'guardianSigs', kind: { slice: SIG } },
  ],
};

/** GuardianRecoveryVeto. */
export const VETO_SCHEMA: StructSchema = {
  fields: [
    { name: 'kind', kind: 'int64' },
    { name: 'subjectQuid', kind: 'string' },
    { name: 'recoveryAnchorHash', kind: 'string' },
    { name: 'anchorNonce', kind: 'int64' },
    { name: 'validFrom', kind: 'int64' },
    { name: 'primarySignature', kind: { struct: PRIMARY } },
    { name: 'guardianSigs', kind: { slice: SIG }, omitEmpty: true },
  ],
};

/** GuardianRecoveryCommit. */
export const COMMIT_SCHEMA: StructSchema = {
  fields: [
    { name: 'kind', kind: 'int64' },
    { name: 'subjectQuid', kind: 'string' },
    { name: 'recoveryAnchorHash', kind: 'string' },
    { name: 'anchorNonce', kind: 'int64' },
    { name: 'validFrom', kind: 'int64' },
    { name: 'committerQuid', kind: 'string' },
    { name: 'committerSig', kind: 'string' },
  ],
};

/** GuardianResignation. */
export const RESIGN_SCHEMA: StructSchema = {
  fields: [
    { name: 'kind', kind: 'int64' },
    { name: 'guardianQuid', kind: 'string' },
    { name: 'subjectQuid', kind: 'string' },
    { name: 'guardianSetHash', kind: 'string' },
    { name: 'resignationNonce', kind: 'int64' },
    { name: 'effectiveAt', kind: 'int64' },
    { name: 'signature', kind: 'string' },
  ],
};

const U16 = 65_535;
const U32 = 4_294_967_295;
const inRange = (v: unknown, max: number): boolean => typeof v === 'number' && v >= 0 && v <= max;
const sigsOk = (list: unknown): boolean =>
  ((list as GoValue[] | null) ?? []).every((s) => inRange(s['keyEpoch'], U32));

/**
 * Go refuses to decode a negative or too large number into uint16 / uint32 (400 plain text): true
 * when every such field of a decoded body is in range.
 */
export function uintFieldsInRange(value: GoValue): boolean {
  const set = value['newSet'] as GoValue | undefined;
  if (set) {
    if (!inRange(set['threshold'], U16)) return false;
    for (const g of (set['guardians'] as GoValue[] | null) ?? []) {
      if (!inRange(g['weight'], U16) || !inRange(g['epoch'], U32)) return false;
    }
  }
  for (const k of ['fromEpoch', 'toEpoch'] as const) if (k in value && !inRange(value[k], U32)) return false;
  const primary = value['primarySignature'] as GoValue | undefined;
  if (primary && !inRange(primary['keyEpoch'], U32)) return false;
  return ['guardianSigs', 'newGuardianConsents', 'currentGuardianSigs'].every((k) => sigsOk(value[k]));
}
