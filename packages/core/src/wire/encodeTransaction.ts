import { EncodingError } from '../errors/EncodingError.js';
import { describeValue } from './describeValue.js';
import { isPlainObject, writeGoJsonMap } from './encodeGoJsonValue.js';
import { formatGoFloat, formatGoInt } from './goNumber.js';
import { type LoneSurrogateMode, quoteGoString } from './goString.js';
import { indexPath } from './path.js';
import type { OwnershipStake, QuidnugTx } from './types.js';

// The node re-marshals the decoded Go struct: declaration order, tag names, omitempty (PROTOCOL
// §2, §4). Missing fields take Go's zero value, so loosely typed input serializes like Go would.

type Loose = Record<string, unknown>;

/** Overrides applied while writing (signature blanked, owner-signing form). */
export interface TxOverrides {
  readonly signature?: string;
  readonly publicKey?: string;
  readonly signaturesNull?: boolean;
}

class Writer {
  out = '{';
  readonly tx: Loose;
  readonly mode: LoneSurrogateMode;
  constructor(tx: Loose, mode: LoneSurrogateMode) {
    this.tx = tx;
    this.mode = mode;
  }
  private key(name: string): void {
    this.out += (this.out.length > 1 ? ',"' : '"') + name + '":';
  }
  str(name: string, omitEmpty = false, value: unknown = this.tx[name]): void {
    const v = value ?? '';
    if (typeof v !== 'string') throw new EncodingError(name, `expected a string, got ${describeValue(v)}`);
    if (omitEmpty && v === '') return;
    this.key(name);
    this.out += quoteGoString(v, this.mode, name);
  }
  int(name: string, omitEmpty = false): void {
    const v = this.tx[name] ?? 0;
    if (omitEmpty && v === 0) return;
    this.key(name);
    this.out += formatGoInt(v as number, name);
  }
  float(name: string): void {
    this.key(name);
    this.out += formatGoFloat((this.tx[name] ?? 0) as number, name);
  }
  /** map[string]any with omitempty: nil and empty maps are dropped. */
  map(name: string): void {
    const v = this.tx[name];
    if (v === undefined || v === null) return;
    if (!isPlainObject(v)) throw new EncodingError(name, `expected an object, got ${describeValue(v)}`);
    // The transaction object is the one container open around the map.
    const body = writeGoJsonMap(v, this.mode, name, 1);
    if (body === '{}') return;
    this.key(name);
    this.out += body;
  }
  stakes(name: string, omitEmpty: boolean): void {
    const v = this.tx[name];
    if (omitEmpty && (v === undefined || v === null || (Array.isArray(v) && v.length === 0))) return;
    this.key(name);
    this.out += writeStakes(v, this.mode, name);
  }
  /** map[string]string, never omitted: nil → null, empty → {}. */
  signatures(forceNull: boolean): void {
    const { signatures } = this.tx;
    const v = forceNull ? null : signatures;
    this.key('signatures');
    if (v === undefined || v === null) {
      this.out += 'null';
      return;
    }
    if (!isPlainObject(v))
      throw new EncodingError('signatures', `expected an object, got ${describeValue(v)}`);
    for (const [k, s] of Object.entries(v)) {
      if (typeof s !== 'string') throw new EncodingError(`signatures.${k}`, 'expected a string');
    }
    this.out += writeGoJsonMap(v, this.mode, 'signatures', 1);
  }
}

/** `[]OwnershipStake` (nil → null): ownerId, percentage, stakeType (omitempty). */
export function writeStakes(value: unknown, mode: LoneSurrogateMode, path: string): string {
  if (value === undefined || value === null) return 'null';
  if (!Array.isArray(value)) throw new EncodingError(path, `expected an array, got ${describeValue(value)}`);
  let out = '[';
  value.forEach((item: unknown, i) => {
    const p = indexPath(path, i);
    if (!isPlainObject(item))
      throw new EncodingError(p, `expected an ownership stake, got ${describeValue(item)}`);
    const stake = item as Partial<OwnershipStake>;
    const ownerId = stake.ownerId ?? '';
    const stakeType = stake.stakeType ?? '';
    if (typeof ownerId !== 'string') throw new EncodingError(`${p}.ownerId`, 'expected a string');
    if (typeof stakeType !== 'string') throw new EncodingError(`${p}.stakeType`, 'expected a string');
    out += `${i ? ',' : ''}{"ownerId":${quoteGoString(ownerId, mode, `${p}.ownerId`)},"percentage":${formatGoFloat(
      stake.percentage ?? 0,
      `${p}.percentage`,
    )}`;
    if (stakeType !== '') out += `,"stakeType":${quoteGoString(stakeType, mode, `${p}.stakeType`)}`;
    out += '}';
  });
  return out + ']';
}

/** Go `json.Marshal` of the typed transaction struct, with `overrides` applied. Internal. */
export function writeTransaction(
  tx: QuidnugTx,
  mode: LoneSurrogateMode,
  overrides: TxOverrides = {},
): string {
  if (!isPlainObject(tx))
    throw new EncodingError('', `expected a transaction object, got ${describeValue(tx)}`);
  const w = new Writer(tx as unknown as Loose, mode);
  w.str('id');
  w.str('type');
  w.str('trustDomain');
  w.int('timestamp');
  w.str('signature', false, overrides.signature ?? tx.signature);
  w.str('publicKey', false, overrides.publicKey ?? tx.publicKey);
  switch (tx.type) {
    case 'TRUST':
      w.str('truster');
      w.str('trustee');
      w.float('trustLevel');
      w.int('nonce');
      w.str('description', true);
      w.int('validUntil', true);
      break;
    case 'IDENTITY':
      w.str('quidId');
      w.str('name');
      w.str('description', true);
      w.map('attributes');
      w.str('creator');
      w.int('updateNonce');
      w.str('homeDomain', true);
      break;
    case 'TITLE':
      w.str('assetId');
      w.stakes('owners', false);
      w.stakes('previousOwners', true);
      w.signatures(overrides.signaturesNull === true);
      w.int('expiryDate', true);
      w.str('titleType', true);
      break;
    case 'EVENT':
      w.str('subjectId');
      w.str('subjectType');
      w.int('sequence');
      w.str('eventType');
      w.map('payload');
      w.str('payloadCid', true);
      w.str('previousEventId', true);
      break;
    default:
      throw new EncodingError(
        'type',
        `unknown transaction type ${describeValue((tx as { type?: unknown }).type)}`,
      );
  }
  return w.out + '}';
}
