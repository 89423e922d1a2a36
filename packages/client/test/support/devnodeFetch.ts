import type { DevNode } from '@quidfin/devnode';

/** Rewrites or drops an exchange: return a Response to replace the node's answer. */
export type Interceptor = (request: Request, respond: () => Promise<Response>) => Promise<Response>;

/**
 * A `fetch` backed by the devnode's in-process handler, honouring the request's signal like a
 * real fetch (rejects with `signal.reason`). `intercept` lets a test tamper with or lose answers.
 */
export function devnodeFetch(node: DevNode, intercept?: Interceptor): typeof globalThis.fetch {
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    const signal = request.signal;
    signal.throwIfAborted();
    const respond = (): Promise<Response> => node.fetch(request.clone());
    const work = intercept ? intercept(request, respond) : respond();
    return new Promise<Response>((resolve, reject) => {
      const onAbort = (): void => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      work.then(
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
  return fetch as typeof globalThis.fetch;
}
