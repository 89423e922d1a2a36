// Shared steps of the conformance scenarios.

import {
  buildIdentity,
  type IdentityTx,
  type QuidnugTx,
  type Signer,
  signTransaction,
  toWireJson,
} from '@quidfin/core';
import { expect } from 'vitest';
import { actor } from '../support/actors.js';
import type { Answer } from '../support/http.js';
import type { ConformanceEnv } from './env.js';

/** A fresh actor unique to this run and scenario. */
export function who(env: ConformanceEnv, name: string): Signer {
  return actor(`${env.run}:${name}`);
}

/** The exact error envelope body the node writes. */
export function envelopeError(code: string, message: string, fields?: readonly string[]): string {
  const f = fields ? `,"fields":${JSON.stringify(fields)}` : '';
  return `{"error":{"code":${JSON.stringify(code)}${f},"message":${JSON.stringify(message)}},"success":false}\n`;
}

/** Asserts an exact envelope error answer. */
export function expectEnvelope(
  a: Answer,
  status: number,
  code: string,
  message: string,
  fields?: readonly string[],
): void {
  expect({ status: a.status, text: a.text }).toEqual({ status, text: envelopeError(code, message, fields) });
  expect(a.headers.get('content-type')).toBe('application/json');
  expect(a.headers.get('x-api-version')).toBe('1.0');
}

/** Asserts an exact plain-text answer (Go's http.Error adds a newline). */
export function expectPlain(a: Answer, status: number, message: string): void {
  expect({ status: a.status, text: a.text }).toEqual({ status, text: `${message}\n` });
  expect(a.headers.get('content-type')).toBe('text/plain; charset=utf-8');
}

/** Asserts a 200 envelope and returns its `data`. */
export function expectOk<T = Record<string, unknown>>(a: Answer): T {
  expect(a.status, a.text).toBe(200);
  expect(a.text.endsWith('\n')).toBe(true);
  const body = a.json as { success: boolean; data: T };
  expect(body.success).toBe(true);
  return body.data;
}

/** POSTs a transaction as its exact wire JSON. */
export function post(env: ConformanceEnv, path: string, tx: QuidnugTx | string): Promise<Answer> {
  return env.request('POST', `/api/v1${path}`, typeof tx === 'string' ? tx : toWireJson(tx));
}

/** An IDENTITY for `s` in the run's domain. */
export function identityOf(env: ConformanceEnv, s: Signer, updateNonce = 1): Promise<IdentityTx> {
  return buildIdentity({ signer: s, trustDomain: env.domain, name: `conf ${s.quidId}`, updateNonce });
}

/** Registers identities and waits for their commit. */
export async function registerAll(env: ConformanceEnv, ...signers: Signer[]): Promise<IdentityTx[]> {
  const txs: IdentityTx[] = [];
  for (const s of signers) {
    const tx = await identityOf(env, s);
    expectOk(await post(env, '/transactions/identity', tx));
    txs.push(tx);
  }
  await env.commit(txs.map((t) => t.id));
  return txs;
}

/** Signs a hand-made transaction (no builder checks), for the cases the node must refuse. */
export function signRaw<T extends QuidnugTx>(tx: T, signer: Signer): Promise<T> {
  return signTransaction({ ...tx, publicKey: '' }, signer);
}

/** Unix seconds now. */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** A copy of a signed transaction with its signature corrupted (one hex digit changed). */
export function corrupt<T extends QuidnugTx>(tx: T): T {
  const c = tx.signature[10] === '0' ? '1' : '0';
  return { ...tx, signature: tx.signature.slice(0, 10) + c + tx.signature.slice(11) };
}
