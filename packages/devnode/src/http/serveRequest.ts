// The node's middleware chain around the router, outermost first: per-IP rate limit (429),
// body size limit, CORS (OPTIONS → 204), security headers, request ID, then the mux.

import type { Engine } from '../engine/Engine.js';
import { fail, NOT_FOUND_TEXT, type Reply, text } from '../handlers/reply.js';
import { clientIp } from './clientIp.js';
import { decodeBody, decodeLenient } from './decodeBody.js';
import { matchRoute } from './routes.js';
import { uuidV4 } from './uuid.js';

/** Per-server settings of the HTTP layer. */
export interface HttpSettings {
  readonly bodyLimitBytes: number;
  /** `EXPLORER_CORS_ORIGINS`: allowed origins, `*` for any; empty = CORS off (the node's default). */
  readonly corsOrigins: readonly string[];
}

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'geolocation=(), microphone=(), camera=()',
};

function respond(reply: Reply, headers: Headers): Response {
  if (reply.contentType) headers.set('Content-Type', reply.contentType);
  if (reply.apiVersion) headers.set('X-API-Version', '1.0');
  if (reply.contentType?.startsWith('text/plain')) headers.set('X-Content-Type-Options', 'nosniff');
  for (const [k, v] of Object.entries(reply.headers ?? {})) headers.set(k, v);
  const bodiless = reply.status === 204 || reply.status === 301 || reply.body === '';
  return new Response(bodiless ? null : reply.body, { status: reply.status, headers });
}

function rootReply(method: string, path: string): Reply | undefined {
  if (path === '/') {
    if (method !== 'GET') return { status: 405, body: '' };
    return {
      status: 200,
      body: '<!doctype html><title>quidfin devnode</title><p>Quidnug development node. API at /api/v1.</p>\n',
      contentType: 'text/html; charset=utf-8',
    };
  }
  if (path === '/robots.txt' && method === 'GET') {
    return { status: 200, body: 'User-agent: *\nDisallow: /\n', contentType: 'text/plain; charset=utf-8' };
  }
  return undefined;
}

/** Serves one request through the middleware chain and the router. */
export async function serveRequest(
  engine: Engine,
  settings: HttpSettings,
  request: Request,
  peer: string,
): Promise<Response> {
  const headers = new Headers();
  const ip = clientIp(peer, request.headers);
  headers.set('X-RateLimit-Remaining', String(engine.ipLimiter.remaining(ip)));
  if (!engine.ipLimiter.allow(ip)) return respond(text(429, 'Too Many Requests'), headers);

  headers.append('Vary', 'Origin');
  const origin = request.headers.get('Origin');
  const allowed = settings.corsOrigins;
  if (origin && allowed.some((a) => a === '*' || a.toLowerCase() === origin.toLowerCase())) {
    headers.set('Access-Control-Allow-Origin', origin);
    headers.set('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    headers.set('Access-Control-Allow-Headers', 'Content-Type, Authorization, X-Request-ID');
    headers.set('Access-Control-Max-Age', '300');
  }
  if (request.method === 'OPTIONS') return respond({ status: 204, body: '' }, headers);

  for (const [k, v] of Object.entries(SECURITY_HEADERS)) headers.set(k, v);
  headers.set('X-Request-ID', request.headers.get('X-Request-ID') || uuidV4());

  let path: string;
  let query: URLSearchParams;
  let search: string;
  try {
    const url = new URL(request.url);
    path = decodeURIComponent(url.pathname);
    query = url.searchParams;
    search = url.search;
  } catch {
    return respond(
      { status: 400, body: '400 Bad Request', contentType: 'text/plain; charset=utf-8' },
      headers,
    );
  }
  if (path.includes('//')) {
    // gorilla/mux answers unclean paths with a redirect to the cleaned path.
    headers.set('Location', path.replace(/\/{2,}/g, '/') + search);
    return respond({ status: 301, body: '' }, headers);
  }
  const root = rootReply(request.method, path);
  if (root) return respond(root, headers);
  const match = matchRoute(request.method, path);
  if (!match) return respond(text(404, NOT_FOUND_TEXT), headers);
  try {
    const reply = await match.handler({
      engine,
      query,
      params: match.params,
      decode: (schema) => decodeBody(request, schema, settings.bodyLimitBytes),
      rawBody: (schema) => decodeLenient(request, schema, settings.bodyLimitBytes),
      contentLength: /^[0-9]+$/.test(request.headers.get('Content-Length') ?? '')
        ? Number(request.headers.get('Content-Length'))
        : -1,
    });
    return respond(reply, headers);
  } catch {
    // Only a bug in the devnode gets here; hostile input is answered like the node answers it.
    return respond(fail(500, 'INTERNAL_ERROR', 'internal error'), headers);
  }
}
