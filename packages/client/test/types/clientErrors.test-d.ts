// Type tests: isClientError narrows to the ClientError union, so `switch (e.code)` reaches each
// class with its own fields, and a misspelt code does not compile.
import type { ValidationIssue } from '@quidfin/core';
import { describe, expectTypeOf, it } from 'vitest';
import * as z from 'zod/mini';
import {
  type ClientError,
  type ClientErrorCode,
  type ClientInputError,
  type ClientOptionsError,
  type HttpError,
  isClientError,
  isQuidfinClientError,
  type NetworkError,
  type RateLimitError,
  type RateLimitLayer,
  type StreamInfo,
  type TimeoutError,
  type TimeoutKind,
} from '../../src/index.js';
import { parserFor } from '../../src/schemas/parse.js';

declare const e: unknown;

describe('isClientError narrows by code', () => {
  it('RATE_LIMITED reaches RateLimitError.retryAfterMs and layer', () => {
    if (isClientError(e) && e.code === 'RATE_LIMITED') {
      expectTypeOf(e).toEqualTypeOf<RateLimitError>();
      expectTypeOf(e.retryAfterMs).toEqualTypeOf<number | undefined>();
      expectTypeOf(e.layer).toEqualTypeOf<RateLimitLayer>();
    }
  });

  it('a switch narrows each case to its class', () => {
    if (!isClientError(e)) return;
    switch (e.code) {
      case 'TIMEOUT':
        expectTypeOf(e).toEqualTypeOf<TimeoutError>();
        expectTypeOf(e.kind).toEqualTypeOf<TimeoutKind>();
        break;
      case 'NETWORK_ERROR':
        expectTypeOf(e).toEqualTypeOf<NetworkError>();
        expectTypeOf(e.notSent).toEqualTypeOf<boolean>();
        break;
      case 'HTTP_ERROR':
        expectTypeOf(e).toEqualTypeOf<HttpError>();
        expectTypeOf(e.status).toEqualTypeOf<number>();
        break;
      case 'INVALID_OPTIONS':
        expectTypeOf(e).toEqualTypeOf<ClientOptionsError>();
        expectTypeOf(e.issues).toEqualTypeOf<readonly ValidationIssue[]>();
        break;
      case 'INVALID_INPUT':
        expectTypeOf(e).toEqualTypeOf<ClientInputError>();
        expectTypeOf(e.path).toEqualTypeOf<string>();
        break;
    }
  });

  it('a misspelt code does not compile', () => {
    if (isClientError(e)) {
      // @ts-expect-error 'RATE_LIMIT' is no client error code
      if (e.code === 'RATE_LIMIT') expectTypeOf(e).toBeNever();
    }
    expectTypeOf<'RATE_LIMITED'>().toExtend<ClientErrorCode>();
    expectTypeOf<'RATE_LIMIT'>().not.toExtend<ClientErrorCode>();
  });

  it('the deprecated isQuidfinClientError narrows to the same union', () => {
    if (isQuidfinClientError(e)) expectTypeOf(e).toEqualTypeOf<ClientError>();
  });
});

describe('response parsers return their schema’s type', () => {
  it('a parser whose schema lacks a field of the declared response type does not compile', () => {
    const stream = z.object({ subjectId: z.string(), latestSequence: z.number() });
    // @ts-expect-error the schema has no eventCount, createdAt, ... so its output is no StreamInfo
    const parse: (d: unknown) => StreamInfo = parserFor(stream);
    expectTypeOf(parserFor(stream)).returns.toEqualTypeOf<{ subjectId: string; latestSequence: number }>();
    expectTypeOf(parse).toBeFunction();
  });
});
