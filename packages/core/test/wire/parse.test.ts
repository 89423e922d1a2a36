import { describe, expect, it } from 'vitest';
import { isSdkError } from '../../src/errors/SdkError.js';
import type { ValidationIssue } from '../../src/errors/ValidationError.js';
import {
  parseEventTx,
  parseTitleTx,
  parseTransaction,
  parseTrustTx,
  signableJson,
  toWireJson,
  verifyTransaction,
} from '../../src/wire/index.js';
import { vectorCases } from './vectorCases.js';

function paths(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (isSdkError(e) && e.code === 'INVALID_TRANSACTION') {
      return (e as unknown as { issues: ValidationIssue[] }).issues.map((i) => i.path);
    }
    throw e;
  }
  throw new Error('expected a refusal');
}

const cases = vectorCases();
const trust = cases.find((c) => c.input.type === 'TRUST')!.input;
const title = cases.find((c) => c.name === 'b2b_title_transfer_supplier_to_financier')!.input;
const event = cases.find((c) => c.name === 'b2b_event_factor_purchased_float')!.input;

describe('parseTransaction', () => {
  it.each(cases.map((c) => [c.name, c] as const))('accepts vector %s (object and JSON text)', (_, c) => {
    const parsed = parseTransaction(c.input);
    expect(parsed).toEqual(c.input);
    expect(verifyTransaction(parsed)).toBe(true);
    expect(signableJson(parseTransaction(toWireJson(c.input)))).toBe(
      c.expected.canonical_signable_bytes_utf8,
    );
  });

  it('refuses unknown keys, bad quids, bad signatures and keys, with paths', () => {
    expect(paths(() => parseTrustTx({ ...trust, ballotProof: 'x' }))).toEqual(['ballotProof']);
    expect(paths(() => parseTrustTx({ ...trust, truster: 'C31907F180E6E1E0' }))).toEqual(['truster']);
    expect(paths(() => parseTrustTx({ ...trust, signature: trust.signature.slice(2) }))).toEqual([
      'signature',
    ]);
    expect(paths(() => parseTrustTx({ ...trust, publicKey: `02${trust.publicKey.slice(2, 66)}` }))).toEqual([
      'publicKey',
    ]);
    expect(paths(() => parseTrustTx({ ...trust, nonce: 1.5, timestamp: '1' }))).toEqual([
      'timestamp',
      'nonce',
    ]);
    expect(
      paths(() => parseTitleTx({ ...title, owners: [{ ownerId: 'x', percentage: 1, extra: 1 }] })),
    ).toEqual(['owners[0].ownerId', 'owners[0].extra']);
    expect(paths(() => parseTitleTx({ ...title, signatures: { c31907f180e6e1e0: 'DER' } }))).toEqual([
      'signatures.c31907f180e6e1e0',
    ]);
    expect(paths(() => parseEventTx({ ...event, subjectType: 'ASSET' }))).toEqual(['subjectType']);
    expect(paths(() => parseEventTx({ ...event, payload: [1] }))).toEqual(['payload']);
    expect(paths(() => parseEventTx(JSON.parse(toWireJson(event).replace('0.03', '1e999'))))).toEqual([
      'payload.discount',
    ]);
    expect(paths(() => parseTransaction({ ...trust, type: 'BALLOT' }))).toEqual(['type']);
    expect(paths(() => parseTransaction('{"type":'))).toEqual(['']);
    expect(paths(() => parseTransaction(42))).toEqual(['']);
  });

  it('treats null maps and slices like absent ones', () => {
    const parsed = parseEventTx({ ...event, payload: null, payloadCid: 'x' });
    expect('payload' in parsed).toBe(false);
  });
});
