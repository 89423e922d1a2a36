// A tiny HTTP face over either a fetch handler or a base URL, so the same scenario code runs
// in-process and over real HTTP.

/** Something that answers requests: the devnode's fetch or a real node's base URL. */
export interface Target {
  request(method: string, path: string, body?: string, headers?: Record<string, string>): Promise<Response>;
}

/** Target over a devnode's fetch handler. */
export function handlerTarget(
  fetchFn: (r: Request) => Promise<Response>,
  base = 'http://devnode.test',
): Target {
  return {
    request: (method, path, body, headers) =>
      fetchFn(
        new Request(base + path, { method, ...(body !== undefined ? { body } : {}), headers: headers ?? {} }),
      ),
  };
}

/** Target over a base URL (real HTTP). */
export function urlTarget(baseUrl: string): Target {
  return {
    request: (method, path, body, headers) =>
      fetch(baseUrl + path, { method, ...(body !== undefined ? { body } : {}), headers: headers ?? {} }),
  };
}

/** Parsed JSON answer plus status and raw text. */
export interface Answer {
  readonly status: number;
  readonly text: string;
  readonly json: unknown;
  readonly headers: Headers;
}

/** Sends and reads the answer. */
export async function call(
  target: Target,
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
): Promise<Answer> {
  const raw =
    body === undefined || typeof body === 'string' ? (body as string | undefined) : JSON.stringify(body);
  const res = await target.request(method, path, raw, headers);
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json, headers: res.headers };
}
