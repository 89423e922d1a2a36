import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signableJson, toWireJson, verifyTransaction, verifyTransactionAsync } from '../../src/wire/index.js';
import type { QuidnugTx } from '../../src/wire/types.js';
import { vectorCases } from './vectorCases.js';

// Any one-byte change to a signed transaction's wire JSON either fails verification or leaves the
// transaction semantically unchanged (same signable bytes, same signature up to hex case).

const cases = vectorCases();

describe('one-byte mutations of signed wire JSON', () => {
  it('fail verification or change nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: cases.length - 1 }),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (which, at, xor) => {
          const c = cases[which]!;
          const bytes = new TextEncoder().encode(toWireJson(c.input));
          const i = at % bytes.length;
          bytes[i] = (bytes[i] as number) ^ xor;
          let mutated: unknown;
          try {
            mutated = JSON.parse(new TextDecoder().decode(bytes));
          } catch {
            return; // no longer JSON: the node refuses it outright
          }
          const ok = verifyTransaction(mutated as QuidnugTx);
          expect(await verifyTransactionAsync(mutated as QuidnugTx)).toBe(ok);
          if (ok) {
            const tx = mutated as QuidnugTx;
            expect(signableJson(tx, { loneSurrogates: 'replace' })).toBe(
              c.expected.canonical_signable_bytes_utf8,
            );
            expect(tx.signature.toLowerCase()).toBe(c.expected.reference_signature_hex);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('an exhaustive single-bit sweep over one event never verifies a semantic change', async () => {
    const c = cases.find((x) => x.name === 'b2b_event_factor_purchased_float')!;
    const wire = new TextEncoder().encode(toWireJson(c.input));
    let verified = 0;
    for (let i = 0; i < wire.length; i++) {
      const bytes = wire.slice();
      bytes[i] = (bytes[i] as number) ^ 0x01;
      let mutated: QuidnugTx;
      try {
        mutated = JSON.parse(new TextDecoder().decode(bytes));
      } catch {
        continue;
      }
      if (verifyTransaction(mutated)) {
        verified++;
        expect(signableJson(mutated)).toBe(c.expected.canonical_signable_bytes_utf8);
      }
    }
    // Only flips inside the signature hex that turn a-f into A-F... (0x01 flips never change case): none.
    expect(verified).toBe(0);
  });
});
