import { ClientOptionsError } from '../errors/ClientOptionsError.js';
/** Why node auth cannot work without WebCrypto (also checked when the client is created). */
export const NO_WEBCRYPTO = 'needs WebCrypto (crypto.subtle); in a browser, use a secure context';

/**
 * Shared secret for the node's optional HMAC node auth (`REQUIRE_NODE_AUTH=true`).
 *
 * @example
 * ```ts
 * createQuidnugClient({ baseUrl, nodeAuth: { secret: process.env.NODE_AUTH_SECRET ?? '' } });
 * ```
 */
export interface NodeAuth {
  /** `NODE_AUTH_SECRET` of the node, as UTF-8 text or raw bytes. */
  readonly secret: string | Uint8Array;
  /** Clock for the `X-Node-Timestamp` header (Unix seconds); defaults to `Date.now()`. */
  readonly now?: () => number;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/**
 * Computes `X-Node-Timestamp` and `X-Node-Signature` = base64(HMAC-SHA256(secret,
 * `METHOD\nPATH\nBODY\nTIMESTAMP`)) with WebCrypto (PROTOCOL §9.6). Works in browsers (secure
 * contexts) and Node.
 *
 * @example
 * ```ts
 * const h = await nodeAuthHeaders({ secret: 's3cret' }, 'POST', '/api/v1/transactions/trust', body);
 * h['x-node-signature']; // base64 HMAC
 * ```
 */
export async function nodeAuthHeaders(
  auth: NodeAuth,
  method: string,
  path: string,
  body: string,
): Promise<{ 'x-node-timestamp': string; 'x-node-signature': string }> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new ClientOptionsError([{ path: 'nodeAuth', message: NO_WEBCRYPTO }]);
  const timestamp = String(Math.floor((auth.now?.() ?? Date.now()) / 1000));
  const encoder = new TextEncoder();
  const secret = typeof auth.secret === 'string' ? encoder.encode(auth.secret) : auth.secret;
  const key = await subtle.importKey(
    'raw',
    secret as Uint8Array<ArrayBuffer>,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = await subtle.sign('HMAC', key, encoder.encode(`${method}\n${path}\n${body}\n${timestamp}`));
  return { 'x-node-timestamp': timestamp, 'x-node-signature': toBase64(new Uint8Array(mac)) };
}
