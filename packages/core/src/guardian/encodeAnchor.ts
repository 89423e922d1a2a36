// Go encoding/json output for the anchor structs: declaration order, tag names, omitempty. Internal.

import { EncodingError } from '../errors/EncodingError.js';
import { describeValue } from '../wire/describeValue.js';
import { formatGoInt } from '../wire/goNumber.js';
import { quoteGoString } from '../wire/goString.js';
import type {
  GuardianRecoveryCommit,
  GuardianRecoveryInit,
  GuardianRecoveryVeto,
  GuardianResignation,
  GuardianSet,
  GuardianSetUpdate,
  GuardianSignature,
  NonceAnchor,
  PrimarySignature,
} from './types.js';

type Loose = Record<string, unknown>;

class Obj {
  out = '{';
  readonly src: Loose;
  readonly path: string;
  constructor(src: unknown, path: string) {
    if (typeof src !== 'object' || src === null || Array.isArray(src)) {
      throw new EncodingError(path, `expected an object, got ${describeValue(src)}`);
    }
    this.src = src as Loose;
    this.path = path;
  }
  raw(name: string, text: string): this {
    this.out += (this.out.length > 1 ? ',"' : '"') + name + '":' + text;
    return this;
  }
  at(name: string): string {
    return this.path ? `${this.path}.${name}` : name;
  }
  str(name: string, omitEmpty = false): this {
    const v = this.src[name] ?? '';
    if (typeof v !== 'string')
      throw new EncodingError(this.at(name), `expected a string, got ${describeValue(v)}`);
    if (omitEmpty && v === '') return this;
    return this.raw(name, quoteGoString(v, 'reject', this.at(name)));
  }
  /** Unsigned or signed Go integer field; `max` is the Go type's range. */
  int(name: string, omitEmpty = false, min = -Number.MAX_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): this {
    const v = this.src[name] ?? 0;
    if (omitEmpty && v === 0) return this;
    const text = formatGoInt(v as number, this.at(name));
    if ((v as number) < min || (v as number) > max) {
      throw new EncodingError(this.at(name), `must be between ${min} and ${max}, got ${text}`);
    }
    return this.raw(name, text);
  }
  bool(name: string): this {
    const v = this.src[name] ?? false;
    if (typeof v !== 'boolean')
      throw new EncodingError(this.at(name), `expected a boolean, got ${describeValue(v)}`);
    return v ? this.raw(name, 'true') : this;
  }
  end(): string {
    return `${this.out}}`;
  }
}

const U16 = 65_535;
const U32 = 4_294_967_295;

/** Go int64 nanoseconds: any integer a double holds exactly (a year of ns is above 2^53). */
function durationNs(value: unknown, path: string): string {
  if (typeof value !== 'number' || !Number.isInteger(value) || Math.abs(value) > 2 ** 63 - 1) {
    throw new EncodingError(path, `expected an integer number of nanoseconds, got ${describeValue(value)}`);
  }
  return BigInt(value).toString();
}

function list<T>(value: unknown, path: string, item: (v: T, p: string) => string): string {
  if (value === undefined || value === null) return 'null';
  if (!Array.isArray(value)) throw new EncodingError(path, `expected an array, got ${describeValue(value)}`);
  return `[${value.map((v, i) => item(v as T, `${path}[${i}]`)).join(',')}]`;
}

function guardianSig(sig: GuardianSignature, path: string): string {
  return new Obj(sig, path).str('guardianQuid').int('keyEpoch', false, 0, U32).str('signature').end();
}

function primarySig(sig: PrimarySignature, path: string): string {
  return new Obj(sig, path).int('keyEpoch', false, 0, U32).str('signature').end();
}

/** `GuardianSet` as Go marshals it (also the preimage of the set hash). */
export function writeGuardianSet(set: GuardianSet, path = 'newSet'): string {
  const o = new Obj(set, path);
  o.raw(
    'guardians',
    list(o.src['guardians'], o.at('guardians'), (g, p) =>
      new Obj(g, p)
        .str('quid')
        .int('weight', true, 0, U16)
        .int('epoch', false, 0, U32)
        .int('addedAtBlock', true)
        .end(),
    ),
  );
  o.int('threshold', false, 0, U16);
  o.raw('recoveryDelay', durationNs(o.src['recoveryDelay'] ?? 0, o.at('recoveryDelay')));
  o.int('updatedAtBlock', true);
  return o.bool('requireGuardianRotation').end();
}

function sigList(o: Obj, name: string, omitEmpty: boolean, clear: boolean): void {
  const v = clear ? undefined : o.src[name];
  if (omitEmpty && (v === undefined || v === null || (Array.isArray(v) && v.length === 0))) return;
  o.raw(name, list(v, o.at(name), guardianSig));
}

function primary(o: Obj, omitEmpty: boolean, clear: boolean): void {
  const v = clear ? undefined : o.src['primarySignature'];
  if (v === undefined || v === null) {
    if (!omitEmpty) o.raw('primarySignature', 'null');
    return;
  }
  o.raw('primarySignature', primarySig(v as PrimarySignature, o.at('primarySignature')));
}

/** Set update; `signable` clears all three signature fields (everyone signs the same bytes). */
export function writeSetUpdate(u: GuardianSetUpdate, signable: boolean): string {
  const o = new Obj(u, '');
  o.raw('kind', '7').str('subjectQuid');
  o.raw('newSet', writeGuardianSet(o.src['newSet'] as GuardianSet));
  o.int('anchorNonce').int('validFrom');
  primary(o, false, signable);
  sigList(o, 'newGuardianConsents', false, signable);
  sigList(o, 'currentGuardianSigs', true, signable);
  return o.end();
}

/** Recovery init; `signable` clears `guardianSigs` (written as `null`). */
export function writeRecoveryInit(a: GuardianRecoveryInit, signable: boolean): string {
  const o = new Obj(a, '');
  o.raw('kind', '4').str('subjectQuid');
  o.int('fromEpoch', false, 0, U32).int('toEpoch', false, 0, U32).str('newPublicKey');
  o.int('minNextNonce').int('maxAcceptedOldNonce').int('anchorNonce').int('validFrom');
  o.int('expiresAt', true);
  sigList(o, 'guardianSigs', false, signable);
  return o.end();
}

/** Recovery veto; `signable` clears both signature paths (both omitempty). */
export function writeRecoveryVeto(v: GuardianRecoveryVeto, signable: boolean): string {
  const o = new Obj(v, '');
  o.raw('kind', '5').str('subjectQuid').str('recoveryAnchorHash').int('anchorNonce').int('validFrom');
  primary(o, true, signable);
  sigList(o, 'guardianSigs', true, signable);
  return o.end();
}

/** Recovery commit (its signature covers the hash text, not these bytes). */
export function writeRecoveryCommit(c: GuardianRecoveryCommit): string {
  const o = new Obj(c, '');
  o.raw('kind', '6').str('subjectQuid').str('recoveryAnchorHash').int('anchorNonce').int('validFrom');
  return o.str('committerQuid').str('committerSig').end();
}

/** Resignation; `signable` blanks `signature`. */
export function writeResignation(r: GuardianResignation, signable: boolean): string {
  const o = new Obj(r, '');
  o.raw('kind', '8').str('guardianQuid').str('subjectQuid').str('guardianSetHash');
  o.int('resignationNonce').int('effectiveAt');
  if (signable) o.raw('signature', '""');
  else o.str('signature');
  return o.end();
}

/** QDP-0001 anchor; `signable` blanks `signature`. Note validFrom precedes anchorNonce here. */
export function writeNonceAnchor(a: NonceAnchor, signable: boolean): string {
  const o = new Obj(a, '');
  o.int('kind', false, 1, 3).str('signerQuid');
  o.int('fromEpoch', false, 0, U32).int('toEpoch', false, 0, U32).str('newPublicKey', true);
  o.int('minNextNonce').int('maxAcceptedOldNonce').int('validFrom').int('anchorNonce');
  if (signable) o.raw('signature', '""');
  else o.str('signature');
  return o.end();
}
