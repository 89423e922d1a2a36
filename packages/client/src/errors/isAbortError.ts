/**
 * True for an abort: the client rethrows the caller's `signal.reason` unchanged, which is a
 * `DOMException` named `AbortError` unless the caller passed their own reason (then compare with
 * that reason instead).
 *
 * @example
 * ```ts
 * const ac = new AbortController();
 * const p = client.health({ signal: ac.signal });
 * ac.abort();
 * try { await p; } catch (e) { if (isAbortError(e)) console.log('cancelled'); }
 * ```
 */
export function isAbortError(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'AbortError';
}
