// The node root the conformance suite appends `/api/v1/...` to, from QUIDNUG_NODE as users write it.

/**
 * `QUIDNUG_NODE` may be the node root (`http://localhost:8081`) or its API base
 * (`http://localhost:8081/api/v1`, or `/api`), as the demo and the client accept: strip the API
 * suffix and trailing slashes, so requests never go to `/api/v1/api/v1/...`.
 */
export function nodeRoot(url: string): string {
  const parsed = new URL(url.trim());
  parsed.search = '';
  parsed.hash = '';
  parsed.pathname = parsed.pathname.replace(/\/+$/, '').replace(/\/api(?:\/v1)?$/, '');
  return parsed.toString().replace(/\/+$/, '');
}
