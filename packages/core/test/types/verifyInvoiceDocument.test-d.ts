// Type tests: verifyInvoiceDocument's options make the key-binding decision explicit.
import { describe, expectTypeOf, it } from 'vitest';
import {
  type JsonObject,
  type VerifyInvoiceDocumentOptions,
  verifyInvoiceDocument,
} from '../../src/index.js';

declare const pub: Uint8Array;
declare const attributes: JsonObject;
declare const maybeAttributes: JsonObject | undefined;

describe('verifyInvoiceDocument options', () => {
  it('unbound key by omission: options without identityAttributes or skipKeyBinding do not compile', () => {
    // @ts-expect-error identityAttributes (or an explicit skipKeyBinding: true) is required
    verifyInvoiceDocument({}, 'jws', { documentPublicKey: pub });
    // @ts-expect-error skipKeyBinding: false still needs the identity's attributes
    verifyInvoiceDocument({}, 'jws', { documentPublicKey: pub, skipKeyBinding: false });
    // @ts-expect-error a boolean that may be false is not an explicit opt-out
    verifyInvoiceDocument({}, 'jws', { documentPublicKey: pub, skipKeyBinding: Math.random() > 0.5 });
  });

  it('accepts the identity attributes, even when the identity lookup found none (fails closed at run time)', () => {
    const bound: VerifyInvoiceDocumentOptions = { documentPublicKey: pub, identityAttributes: attributes };
    const lookedUp: VerifyInvoiceDocumentOptions = {
      documentPublicKey: pub,
      identityAttributes: maybeAttributes,
    };
    expectTypeOf(verifyInvoiceDocument({}, 'jws', bound).ok).toEqualTypeOf<boolean>();
    expectTypeOf(lookedUp.identityAttributes).toEqualTypeOf<JsonObject | undefined>();
  });

  it('accepts an explicit skipKeyBinding: true without attributes', () => {
    const skipped: VerifyInvoiceDocumentOptions = { documentPublicKey: pub, skipKeyBinding: true };
    expectTypeOf(skipped.skipKeyBinding).toEqualTypeOf<true>();
  });
});
