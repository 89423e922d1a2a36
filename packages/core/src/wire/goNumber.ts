import { EncodingError } from '../errors/EncodingError.js';
import { describeValue } from './describeValue.js';
import { type LazyPath, resolvePath } from './path.js';

/**
 * Go float64 formatting. JS shortest round-trip formatting matches Go's for every finite double
 * (PROTOCOL §4.3, differential check); `String(-0)` is already `"0"`. NaN and ±Infinity have no
 * JSON form: JSON.stringify would write `null`, which Go decodes as 0.
 */
export function formatGoFloat(value: number, path: LazyPath): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new EncodingError(resolvePath(path), `expected a finite number, got ${describeValue(value)}`);
  }
  return String(value);
}

/** Go int64 field: plain integer digits within ±(2^53−1); Go refuses `1e9` or `1.0` for int64. */
export function formatGoInt(value: number, path: string): string {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new EncodingError(path, `expected a safe integer (int64 field), got ${describeValue(value)}`);
  }
  return String(value);
}
