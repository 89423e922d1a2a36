// Reads a response body under a byte cap and an abort signal, so a dripping, stalled or endless
// body can neither hang a call nor fill memory.

/**
 * Thrown by {@link readBody} when more than `maxBytes` arrived (or were declared); reading stopped.
 *
 * @example
 * ```ts
 * catch (e) { if (e instanceof BodyOverCap) console.log(e.receivedBytes); }
 * ```
 */
export class BodyOverCap extends Error {
  override readonly name: string = 'BodyOverCap';
  readonly receivedBytes: number;

  constructor(receivedBytes: number) {
    super(`body over cap at ${receivedBytes} bytes`);
    this.receivedBytes = receivedBytes;
  }
}

/**
 * The body as UTF-8 text, read chunk by chunk: stops with {@link BodyOverCap} as soon as the
 * declared `Content-Length` or the bytes read pass `maxBytes`, and with `signal.reason` as soon as
 * `signal` aborts, even if the stream itself never settles. The stream is cancelled either way.
 *
 * @example
 * ```ts
 * const text = await readBody(response, 16 * 1024 * 1024, controller.signal);
 * ```
 */
export async function readBody(response: Response, maxBytes: number, signal: AbortSignal): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new BodyOverCap(declared);
  }
  const body = response.body;
  if (!body) return '';
  signal.throwIfAborted();
  const reader = body.getReader();
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  aborted.catch(() => undefined);
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), aborted]);
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) throw new BodyOverCap(size);
      text += decoder.decode(value, { stream: true });
    }
    return text + decoder.decode();
  } catch (error) {
    reader.cancel().catch(() => undefined);
    throw error;
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}
