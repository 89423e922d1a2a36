// Runs a throwing call and returns its ValidationError, failing the test otherwise.
import { ValidationError } from '@quidfin/core';
import { expect } from 'vitest';

/** The ValidationError `fn` throws, asserted to carry `code`. */
export function validationError(fn: () => unknown, code: string): ValidationError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(ValidationError);
  const err = caught as ValidationError;
  expect(err.code).toBe(code);
  return err;
}
