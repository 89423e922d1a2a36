// One error class with a guard: core's guard leaves einvoice's errors to isEInvoiceError.
import { isCoreError, isQuidfinError } from '@quidfin/core';
import { describe, expect, it } from 'vitest';
import { isEInvoiceError, parseEInvoice } from '../src/index.js';

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('einvoice errors', () => {
  it('hostile XML is an EInvoiceError INVALID_XML from @quidfin/einvoice, not a core error', () => {
    const e = thrownBy(() => parseEInvoice('<!DOCTYPE x [<!ENTITY a "b">]><Invoice/>'));
    expect(isEInvoiceError(e) && e.code).toBe('INVALID_XML');
    expect(isQuidfinError(e) && e.package).toBe('@quidfin/einvoice');
    expect(isCoreError(e)).toBe(false);
  });

  it('the guard reads the brand and the code: a look-alike with an unknown code is refused', () => {
    expect(isEInvoiceError({ isQuidfinError: true, package: '@quidfin/einvoice', code: 'NOPE' })).toBe(false);
    expect(isEInvoiceError({ isQuidfinError: true, package: '@quidfin/einvoice', code: 'INVALID_XML' })).toBe(
      true,
    );
    expect(isEInvoiceError(new Error('plain'))).toBe(false);
  });
});
