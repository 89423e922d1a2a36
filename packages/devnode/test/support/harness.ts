// A devnode on a manual clock, with helpers to submit core-built transactions through the fetch
// handler and to commit.

import {
  buildEvent,
  buildIdentity,
  buildTrust,
  type EventTx,
  type IdentityTx,
  type QuidnugTx,
  type Signer,
  signTransaction,
  type TrustTx,
  toWireJson,
} from '@quidfin/core';
import { createDevNode, type DevNode, type DevNodeOptions } from '../../src/index.js';
import { actor, T0 } from './actors.js';
import { type Answer, call, handlerTarget, type Target } from './http.js';

export const DOMAIN = 'factoring.supply-chain.us';

/** A node plus its clock and shortcuts. */
export interface Harness {
  readonly node: DevNode;
  readonly target: Target;
  /** Milliseconds on the node's clock; tests move it. */
  clock: number;
  post(path: string, tx: QuidnugTx | string): Promise<Answer>;
  get(path: string): Promise<Answer>;
  identity(s: Signer, updateNonce?: number): Promise<IdentityTx>;
  register(...signers: Signer[]): Promise<void>;
  trust(from: Signer, to: Signer, level: number, nonce: number, extra?: Partial<TrustTx>): Promise<TrustTx>;
  event(s: Signer, subjectId: string, sequence: number, extra?: Partial<EventTx>): Promise<EventTx>;
}

/** Creates a manual-commit node (limits off unless given) on a clock starting at T0. */
export function harness(options: DevNodeOptions = {}): Harness {
  const h = { clock: T0 * 1000 } as Harness;
  const node = createDevNode({
    blockIntervalMs: 0,
    limits: 'off',
    domains: [DOMAIN],
    now: () => h.clock,
    ...options,
  });
  const target = handlerTarget((r) => node.fetch(r));
  return Object.assign(h, {
    node,
    target,
    post: (path: string, tx: QuidnugTx | string) =>
      call(target, 'POST', `/api/v1${path}`, typeof tx === 'string' ? tx : toWireJson(tx)),
    get: (path: string) => call(target, 'GET', `/api/v1${path}`),
    identity: (s: Signer, updateNonce = 1) =>
      buildIdentity({ signer: s, trustDomain: DOMAIN, name: s.quidId, updateNonce, timestamp: T0 }),
    async register(...signers: Signer[]) {
      for (const s of signers) {
        const r = await h.post('/transactions/identity', await h.identity(s));
        if (r.status !== 200) throw new Error(r.text);
      }
      node.mineBlock();
    },
    trust: (from: Signer, to: Signer, level: number, nonce: number, extra: Partial<TrustTx> = {}) =>
      Object.keys(extra).length === 0
        ? buildTrust({
            signer: from,
            trustDomain: DOMAIN,
            trustee: to.quidId,
            trustLevel: level,
            nonce,
            timestamp: T0,
          })
        : signTransaction(
            {
              id: '',
              type: 'TRUST',
              trustDomain: DOMAIN,
              timestamp: T0,
              signature: '',
              publicKey: '',
              truster: from.quidId,
              trustee: to.quidId,
              trustLevel: level,
              nonce,
              ...extra,
            } as TrustTx,
            from,
          ),
    event: (s: Signer, subjectId: string, sequence: number, extra: Partial<EventTx> = {}) =>
      Object.keys(extra).length === 0
        ? buildEvent({
            signer: s,
            trustDomain: DOMAIN,
            subjectId,
            subjectType: 'QUID',
            sequence,
            eventType: 'note',
            payload: { sequence },
            timestamp: T0,
          })
        : signTransaction(
            {
              id: '',
              type: 'EVENT',
              trustDomain: DOMAIN,
              timestamp: T0,
              signature: '',
              publicKey: '',
              subjectId,
              subjectType: 'QUID',
              sequence,
              eventType: 'note',
              payload: { sequence },
              ...extra,
            } as EventTx,
            s,
          ),
  });
}

export { actor, T0 };
