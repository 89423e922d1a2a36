// Reads a request body up to the size limit (MaxBytesReader), never buffering more than
// limit + 1 bytes of a hostile upload.

/** The bytes read and whether the body went past the limit. */
export interface LimitedBody {
  readonly text: string;
  readonly truncated: boolean;
}

const decoder = (): TextDecoder => new TextDecoder('utf-8', { ignoreBOM: true });

/** Reads at most `limit` bytes of `request`'s body; `truncated` when there was more. */
export async function readLimitedBody(request: Request, limit: number): Promise<LimitedBody> {
  if (!request.body) return { text: '', truncated: false };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size > limit) {
      truncated = true;
      await reader.cancel().catch(() => {});
      break;
    }
  }
  const all = new Uint8Array(Math.min(size, limit));
  let at = 0;
  for (const c of chunks) {
    const take = Math.min(c.byteLength, all.length - at);
    all.set(c.subarray(0, take), at);
    at += take;
    if (at >= all.length) break;
  }
  return { text: decoder().decode(all), truncated };
}
