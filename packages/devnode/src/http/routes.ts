// The v1 routes the devnode serves (registerAPIRoutes), mounted under /api/v1 and /api.

import { matchGuardianRoute } from '../handlers/guardianRoutes.js';
import type { Handler } from '../handlers/HandlerContext.js';
import {
  createQuid,
  health,
  info,
  listDomains,
  listNodes,
  queryDomain,
  registerDomain,
} from '../handlers/nodeHandlers.js';
import {
  getIdentity,
  getStream,
  getStreamEvents,
  getTitle,
  identityRegistry,
  listBlocks,
  pendingTransactions,
  tentativeBlocks,
  titleRegistry,
} from '../handlers/readHandlers.js';
import { submitEvent, submitIdentity, submitTitle, submitTrust } from '../handlers/submitHandlers.js';
import { getTrust, getTrustEdges, postTrustQuery, trustRegistry } from '../handlers/trustHandlers.js';

/** Method, path (`{name}` captures one non-empty segment), handler. */
const table: ReadonlyArray<readonly ['GET' | 'POST', string, Handler]> = [
  ['GET', '/health', health],
  ['GET', '/nodes', listNodes],
  ['GET', '/transactions', pendingTransactions],
  ['POST', '/transactions/trust', submitTrust],
  ['POST', '/transactions/identity', submitIdentity],
  ['POST', '/transactions/title', submitTitle],
  ['GET', '/blocks', listBlocks],
  ['GET', '/domains', listDomains],
  ['POST', '/domains', registerDomain],
  ['GET', '/domains/{name}/query', queryDomain],
  ['GET', '/registry/trust', trustRegistry],
  ['GET', '/registry/identity', identityRegistry],
  ['GET', '/registry/title', titleRegistry],
  ['POST', '/events', submitEvent],
  ['GET', '/streams/{subjectId}', getStream],
  ['GET', '/streams/{subjectId}/events', getStreamEvents],
  ['GET', '/info', info],
  ['POST', '/quids', createQuid],
  ['POST', '/trust/query', postTrustQuery],
  ['GET', '/trust/edges/{quidId}', getTrustEdges],
  ['GET', '/trust/{observer}/{target}', getTrust],
  ['GET', '/identity/{quidId}', getIdentity],
  ['GET', '/title/{assetId}', getTitle],
  ['GET', '/blocks/tentative/{domain}', tentativeBlocks],
];

/** A matched route and its path variables. */
export interface RouteMatch {
  readonly handler: Handler;
  readonly params: Record<string, string>;
}

const PREFIXES = ['/api/v1/', '/api/'] as const;

/**
 * Finds the handler for a decoded path, trying `/api/v1` then `/api` like the node's mux. A known
 * path with the wrong method is not a match: the node answers it as an unknown route (404).
 */
export function matchRoute(method: string, path: string): RouteMatch | undefined {
  if (path.startsWith('/api/v2/')) return matchGuardianRoute(method, path);
  for (const prefix of PREFIXES) {
    if (!path.startsWith(prefix)) continue;
    const parts = path.slice(prefix.length).split('/');
    for (const [routeMethod, routePath, handler] of table) {
      if (routeMethod !== method) continue;
      const segments = routePath.slice(1).split('/');
      if (segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      let matched = true;
      for (let i = 0; i < parts.length; i++) {
        const seg = segments[i]!;
        const part = parts[i]!;
        if (seg.startsWith('{')) {
          if (part === '') {
            matched = false;
            break;
          }
          params[seg.slice(1, -1)] = part;
        } else if (seg !== part) {
          matched = false;
          break;
        }
      }
      if (matched) return { handler, params };
    }
  }
  return undefined;
}
