// The /api/v2/guardian/* routes (registerGuardianRoutes), mounted only under /api/v2.

import {
  getGuardianSet,
  getPendingRecovery,
  getResignations,
  submitRecoveryCommit,
  submitRecoveryInit,
  submitRecoveryVeto,
  submitResignation,
  submitSetUpdate,
} from './guardianHandlers.js';
import type { Handler } from './HandlerContext.js';

const table: ReadonlyArray<readonly ['GET' | 'POST', RegExp, Handler]> = [
  ['POST', /^\/guardian\/set-update$/, submitSetUpdate],
  ['POST', /^\/guardian\/recovery\/init$/, submitRecoveryInit],
  ['POST', /^\/guardian\/recovery\/veto$/, submitRecoveryVeto],
  ['POST', /^\/guardian\/recovery\/commit$/, submitRecoveryCommit],
  ['POST', /^\/guardian\/resign$/, submitResignation],
  ['GET', /^\/guardian\/set\/(?<quid>[^/]+)$/, getGuardianSet],
  ['GET', /^\/guardian\/pending-recovery\/(?<quid>[^/]+)$/, getPendingRecovery],
  ['GET', /^\/guardian\/resignations\/(?<quid>[^/]+)$/, getResignations],
];

/** The guardian handler for a decoded path under `/api/v2`, or `undefined` (404 like the mux). */
export function matchGuardianRoute(
  method: string,
  path: string,
): { readonly handler: Handler; readonly params: Record<string, string> } | undefined {
  if (!path.startsWith('/api/v2/')) return undefined;
  const rest = path.slice('/api/v2'.length);
  for (const [m, re, handler] of table) {
    if (m !== method) continue;
    const match = re.exec(rest);
    if (match) return { handler, params: { ...(match.groups ?? {}) } };
  }
  return undefined;
}
