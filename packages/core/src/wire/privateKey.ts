import { p256 } from '@noble/curves/nist.js';
import { ValidationError } from '../errors/ValidationError.js';
import { hexToBytesOrUndefined } from './hex.js';

/** Checks and copies a raw 32-byte P-256 scalar given as hex or bytes. Internal. */
export function decodePrivateKey(key: string | Uint8Array): Uint8Array {
  const bytes =
    typeof key === 'string' ? hexToBytesOrUndefined(key) : key instanceof Uint8Array ? key : undefined;
  if (bytes === undefined || bytes.length !== 32) {
    throw new ValidationError('INVALID_KEY', [
      {
        path: 'privateKey',
        message: 'expected a raw 32-byte P-256 scalar (64 hex chars or a 32-byte Uint8Array), not PKCS8',
      },
    ]);
  }
  if (!p256.utils.isValidSecretKey(bytes)) {
    throw new ValidationError('INVALID_KEY', [
      { path: 'privateKey', message: 'private scalar must be in the range 1 .. n-1 of P-256' },
    ]);
  }
  return Uint8Array.from(bytes);
}
