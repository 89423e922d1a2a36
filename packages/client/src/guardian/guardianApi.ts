// Calls of the node's /api/v2/guardian/* routes; NodeApi's guardian methods delegate here.

import {
  anchorWireJson,
  type GuardianAnchor,
  type GuardianRecoveryCommit,
  type GuardianRecoveryInit,
  type GuardianRecoveryVeto,
  type GuardianResignation,
  type GuardianSet,
  type GuardianSetUpdate,
} from '@quidfin/core';
import { ClientOptionsError } from '../errors/ClientOptionsError.js';
import { GuardianRejectedError } from '../errors/GuardianRejectedError.js';
import { isHttpError } from '../errors/HttpError.js';
import { isClientError } from '../errors/isClientError.js';
import type { CallOptions, Transport } from '../transport/Transport.js';
import { guardianParsers } from './guardianParsers.js';
import type {
  GuardianResignations,
  GuardianSetUpdateAccepted,
  PendingRecovery,
  RecoveryAccepted,
  ResignationAccepted,
} from './guardianTypes.js';

/**
 * What the guardian calls need of a client: its transport (any `NodeApi` or `QuidnugClient`).
 *
 * @example
 * ```ts
 * const host: GuardianApiHost = client;
 * ```
 */
export interface GuardianApiHost {
  readonly transport: Transport;
}

/**
 * The path of a v2 route relative to the client's API bases, which all end in `/api/v1/` or all
 * in `/api/` (the node mounts guardian routes only under `/api/v2`).
 */
function v2(client: GuardianApiHost, rest: string): string {
  const nodes = client.transport.settings.nodes;
  if (nodes.every((n) => n.endsWith('/api/v1/'))) return `../v2/${rest}`;
  if (nodes.every((n) => n.endsWith('/api/'))) return `v2/${rest}`;
  throw new ClientOptionsError([
    { path: 'nodes', message: 'guardian routes need every node URL to end the same way (/api/v1 or /api)' },
  ]);
}

async function submit<T>(
  client: GuardianApiHost,
  route: string,
  anchor: GuardianAnchor,
  parse: (d: unknown) => T,
  o: CallOptions,
): Promise<T> {
  try {
    return await client.transport.call(
      {
        method: 'POST',
        path: v2(client, `guardian/${route}`),
        route: `POST /api/v2/guardian/${route}`,
        body: anchorWireJson(anchor),
        parse,
        // Only refusals before processing are retried: a lost answer may mean it was queued.
        retry: 'refusal',
      },
      o,
    );
  } catch (error) {
    if (
      isHttpError(error) &&
      error.status === 400 &&
      (error.serverCode === 'INVALID_ANCHOR' || error.serverCode === 'INVALID_RESIGNATION')
    ) {
      const reason = (error.body as { error?: { message?: string } } | undefined)?.error?.message ?? '';
      throw new GuardianRejectedError(reason, `${route} refused: ${reason} (${error.method} ${error.url})`, {
        status: error.status,
        serverCode: error.serverCode,
        requestId: error.requestId,
        url: error.url,
        method: error.method,
        body: error.body,
      });
    }
    throw error;
  }
}

function get<T>(
  client: GuardianApiHost,
  rest: string,
  route: string,
  parse: (d: unknown) => T,
  o: CallOptions,
) {
  return client.transport.call({ method: 'GET', path: v2(client, rest), route, parse, retry: 'read' }, o);
}

async function orUndefined<T>(p: Promise<T>): Promise<T | undefined> {
  try {
    return await p;
  } catch (error) {
    if (isClientError(error) && error.code === 'NOT_FOUND') return undefined;
    throw error;
  }
}

const enc = encodeURIComponent;

/**
 * The guardian routes over a client (also reachable as `client.submitGuardianSetUpdate(…)` etc.).
 *
 * @example
 * ```ts
 * await guardianApi.submitRecoveryInit(client, init);
 * const pending = await guardianApi.findPendingRecovery(client, subjectQuid);
 * ```
 */
export const guardianApi = {
  submitGuardianSetUpdate: (
    c: GuardianApiHost,
    u: GuardianSetUpdate,
    o: CallOptions = {},
  ): Promise<GuardianSetUpdateAccepted> => submit(c, 'set-update', u, guardianParsers.updateAccepted, o),
  submitRecoveryInit: (
    c: GuardianApiHost,
    a: GuardianRecoveryInit,
    o: CallOptions = {},
  ): Promise<RecoveryAccepted> => submit(c, 'recovery/init', a, guardianParsers.recoveryAccepted, o),
  submitRecoveryVeto: (
    c: GuardianApiHost,
    v: GuardianRecoveryVeto,
    o: CallOptions = {},
  ): Promise<RecoveryAccepted> => submit(c, 'recovery/veto', v, guardianParsers.recoveryAccepted, o),
  submitRecoveryCommit: (
    c: GuardianApiHost,
    x: GuardianRecoveryCommit,
    o: CallOptions = {},
  ): Promise<RecoveryAccepted> => submit(c, 'recovery/commit', x, guardianParsers.recoveryAccepted, o),
  submitGuardianResignation: (
    c: GuardianApiHost,
    r: GuardianResignation,
    o: CallOptions = {},
  ): Promise<ResignationAccepted> => submit(c, 'resign', r, guardianParsers.resignAccepted, o),
  getGuardianSet: (c: GuardianApiHost, quid: string, o: CallOptions = {}): Promise<GuardianSet> =>
    get(c, `guardian/set/${enc(quid)}`, 'GET /api/v2/guardian/set/{quid}', guardianParsers.set, o),
  findGuardianSet: (
    c: GuardianApiHost,
    quid: string,
    o: CallOptions = {},
  ): Promise<GuardianSet | undefined> => orUndefined(guardianApi.getGuardianSet(c, quid, o)),
  getPendingRecovery: (c: GuardianApiHost, quid: string, o: CallOptions = {}): Promise<PendingRecovery> =>
    get(
      c,
      `guardian/pending-recovery/${enc(quid)}`,
      'GET /api/v2/guardian/pending-recovery/{quid}',
      guardianParsers.pending,
      o,
    ),
  findPendingRecovery: (
    c: GuardianApiHost,
    quid: string,
    o: CallOptions = {},
  ): Promise<PendingRecovery | undefined> => orUndefined(guardianApi.getPendingRecovery(c, quid, o)),
  getGuardianResignations: (
    c: GuardianApiHost,
    quid: string,
    o: CallOptions = {},
  ): Promise<GuardianResignations> =>
    get(
      c,
      `guardian/resignations/${enc(quid)}`,
      'GET /api/v2/guardian/resignations/{quid}',
      guardianParsers.resignations,
      o,
    ),
};
