// Runs a throwing call and returns its EInvoiceError, failing the test otherwise.
import { expect } from 'vitest';
import { type EInvoiceError, isEInvoiceError } from '../../src/index.js';

/** The EInvoiceError `fn` throws (recognised by the package's guard), asserted to carry `code`. */
export function validationError(fn: () => unknown, code: string): EInvoiceError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(isEInvoiceError(caught), String(caught)).toBe(true);
  const err = caught as EInvoiceError;
  expect(err.code).toBe(code);
  return err;
}
