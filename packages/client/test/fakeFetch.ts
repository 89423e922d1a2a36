// Test doubles for `fetch` that honour the request's signal (ky does not short-circuit an
// aborted signal, so a fake that ignores it would let abort tests pass wrongly).

export type Handler = (request: Request, attempt: number) => Response | Promise<Response>;

export interface FakeFetch {
  readonly fetch: typeof globalThis.fetch;
  readonly requests: Request[];
  readonly bodies: string[];
}

/** A fetch that records requests and answers with `handler`, rejecting with the signal's reason on abort. */
export function fakeFetch(handler: Handler): FakeFetch {
  const requests: Request[] = [];
  const bodies: string[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    requests.push(request);
    bodies.push(request.body ? await request.clone().text() : '');
    const signal = request.signal;
    signal.throwIfAborted();
    return new Promise<Response>((resolve, reject) => {
      const onAbort = (): void => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      Promise.resolve(handler(request, requests.length)).then(
        (r) => {
          signal.removeEventListener('abort', onAbort);
          resolve(r);
        },
        (e: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(e);
        },
      );
    });
  };
  return { fetch: fetch as typeof globalThis.fetch, requests, bodies };
}

/** A handler that never answers (until the request is aborted). */
export const hang: Handler = () => new Promise<Response>(() => {});

/** The node's success envelope. */
export function ok(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(`${JSON.stringify({ success: true, data })}\n`, {
    status,
    headers: { 'content-type': 'application/json', 'x-request-id': 'req-1', ...headers },
  });
}

/** The node's error envelope. */
export function fail(status: number, code: string, message: string, fields?: string[]): Response {
  return new Response(
    JSON.stringify({ success: false, error: { code, message, ...(fields ? { fields } : {}) } }),
    {
      status,
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-err' },
    },
  );
}

/** A plain-text response, as the node sends for 400 body errors, 413, 429 and unknown routes. */
export function text(status: number, body: string): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

export const HEALTH = { status: 'ok', node_id: 'abc', uptime: 1, version: '1.0.0' };
