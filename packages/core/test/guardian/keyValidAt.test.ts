// Key history: which key was valid when, with typed reasons (frozen, superseded, ...).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type KeyEvent, keyValidAt } from '../../src/guardian/index.js';
import { ValidationError } from '../../src/index.js';

const OLD = `04${'a'.repeat(128)}`;
const NEW = `04${'b'.repeat(128)}`;
const THIEF = `04${'c'.repeat(128)}`;
const T0 = 1_745_000_000;

const history: KeyEvent[] = [
  { kind: 'registered', publicKey: OLD, at: T0 },
  { kind: 'frozen', epoch: 0, at: T0 + 100 },
  { kind: 'recovery-opened', initHash: 'h1', at: T0 + 150 },
  { kind: 'recovery-closed', initHash: 'h1', outcome: 'committed', at: T0 + 3750 },
  { kind: 'rotated', fromEpoch: 0, toEpoch: 1, newPublicKey: NEW, at: T0 + 3750 },
];

describe('keyValidAt', () => {
  it('an event signed with the old key before the freeze stays valid after the rotation', () => {
    expect(keyValidAt(history, OLD, T0 + 99)).toEqual({ valid: true, epoch: 0 });
  });

  it('stolen key used after the freeze: frozen, since the freeze second', () => {
    expect(keyValidAt(history, OLD, T0 + 100)).toEqual({
      valid: false,
      reason: 'frozen',
      epoch: 0,
      since: T0 + 100,
    });
    expect(keyValidAt(history, OLD, T0 + 9999)).toEqual({
      valid: false,
      reason: 'frozen',
      epoch: 0,
      since: T0 + 100,
    });
  });

  it('old key after a rotation without a freeze: superseded', () => {
    const noFreeze = history.filter((e) => e.kind !== 'frozen');
    expect(keyValidAt(noFreeze, OLD, T0 + 3750)).toEqual({
      valid: false,
      reason: 'superseded',
      epoch: 0,
      since: T0 + 3750,
    });
  });

  it('new key: not yet valid before the rotation, valid from it', () => {
    expect(keyValidAt(history, NEW, T0 + 3749)).toEqual({
      valid: false,
      reason: 'not-yet-valid',
      epoch: 1,
      since: T0 + 3750,
    });
    expect(keyValidAt(history, NEW, T0 + 3750)).toEqual({ valid: true, epoch: 1 });
  });

  it("a key that was never the quid's is unknown-key", () => {
    expect(keyValidAt(history, THIEF, T0 + 50)).toEqual({ valid: false, reason: 'unknown-key' });
  });

  it('flags a pending recovery on an otherwise valid key', () => {
    const pending: KeyEvent[] = [
      { kind: 'registered', publicKey: OLD, at: T0 },
      { kind: 'recovery-opened', initHash: 'h2', at: T0 + 10 },
    ];
    expect(keyValidAt(pending, OLD, T0 + 20)).toEqual({
      valid: true,
      epoch: 0,
      recoveryPendingSince: T0 + 10,
    });
    expect(keyValidAt(pending, OLD, T0 + 5)).toEqual({ valid: true, epoch: 0 });
  });

  it('order of the input does not matter; key case does not matter', () => {
    expect(keyValidAt([...history].reverse(), OLD.toUpperCase().replace('0X', '0x'), T0 + 100).valid).toBe(
      false,
    );
  });

  it('refuses non-integer times with a typed error', () => {
    expect(() => keyValidAt(history, OLD, 1.5)).toThrow(ValidationError);
    expect(() =>
      keyValidAt([{ kind: 'rotated', fromEpoch: 1, toEpoch: 1, newPublicKey: NEW, at: T0 }], OLD, T0),
    ).toThrow(/toEpoch/);
  });

  it('property: the old key is valid exactly in [registration, min(freeze, rotation))', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.option(fc.integer({ min: 0, max: 1000 })),
        fc.option(fc.integer({ min: 0, max: 1000 })),
        fc.integer({ min: -10, max: 1010 }),
        (reg, freeze, rotate, t) => {
          const events: KeyEvent[] = [{ kind: 'registered', publicKey: OLD, at: T0 + reg }];
          if (freeze !== null) events.push({ kind: 'frozen', epoch: 0, at: T0 + freeze });
          if (rotate !== null)
            events.push({ kind: 'rotated', fromEpoch: 0, toEpoch: 1, newPublicKey: NEW, at: T0 + rotate });
          const stop = Math.min(freeze ?? Number.POSITIVE_INFINITY, rotate ?? Number.POSITIVE_INFINITY);
          const expected = t >= reg && t < stop;
          expect(keyValidAt(events, OLD, T0 + t).valid).toBe(expected);
          if (rotate !== null) expect(keyValidAt(events, NEW, T0 + t).valid).toBe(t >= rotate);
        },
      ),
    );
  });
});
