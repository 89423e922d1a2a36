import { expect } from 'vitest';
import { StatementParseError } from '../../src/index.js';

/** Runs `fn`, which must throw a StatementParseError, and returns the error for inspection. */
export function parseError(fn: () => unknown): StatementParseError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(StatementParseError);
    return e as StatementParseError;
  }
  throw new Error('expected a StatementParseError');
}
