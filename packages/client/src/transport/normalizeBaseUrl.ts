import { ClientInputError } from '../errors/ClientInputError.js';

/**
 * Turns a node address into the API base ky resolves relative paths against: the node root
 * (`http://localhost:8080`) gets `api/v1/` appended; a URL already ending in `/api/v1` or `/api`
 * is kept. The result always ends with `/` (ky 2 `baseUrl` follows `new URL()` resolution).
 * Anything but an absolute http(s) URL is a `ClientInputError` at path `url`.
 *
 * @example
 * ```ts
 * normalizeBaseUrl('http://localhost:8080'); // 'http://localhost:8080/api/v1/'
 * normalizeBaseUrl('https://node.example/api/v1'); // 'https://node.example/api/v1/'
 * ```
 */
export function normalizeBaseUrl(url: string): string {
  const parsed = parse(url);
  if (parsed?.protocol !== 'http:' && parsed?.protocol !== 'https:')
    throw new ClientInputError('url', `must be an absolute http: or https: URL, got ${JSON.stringify(url)}`);
  parsed.search = '';
  parsed.hash = '';
  const path = parsed.pathname.replace(/\/+$/, '');
  parsed.pathname = /\/api(?:\/v1)?$/.test(path) ? `${path}/` : `${path}/api/v1/`;
  return parsed.toString();
}

// `new URL` without the throw (`URL.canParse` is too new for some browsers the client supports).
function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
