import type * as z from 'zod/mini';
import type { ResponseIssue } from '../errors/ResponseValidationError.js';

/**
 * Thrown by a response parser when `data` does not match its schema; the transport turns it into
 * a `ResponseValidationError` with the request's URL and method.
 *
 * @example
 * ```ts
 * throw new SchemaMismatch([{ path: 'sequence', message: 'expected number' }]);
 * ```
 */
export class SchemaMismatch extends Error {
  override readonly name: string = 'SchemaMismatch';
  readonly issues: readonly ResponseIssue[];

  constructor(issues: readonly ResponseIssue[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join('; '));
    this.issues = issues;
  }
}

/**
 * The part of a zod (mini) schema the parsers use.
 *
 * @example
 * ```ts
 * const parser: SafeParser = z.object({ id: z.string() });
 * ```
 */
export interface SafeParser {
  safeParse(data: unknown): {
    success: boolean;
    data?: unknown;
    error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] };
  };
}

/**
 * Builds a parser `(data) => output` from a zod/mini schema; failures throw {@link SchemaMismatch}.
 * The output type is the schema's own (`z.output`), never declared beside it, so a parser whose
 * declared result drifts from its schema fails to compile where the two meet.
 *
 * @example
 * ```ts
 * const parseHealth = parserFor(z.object({ status: z.string() })); // (data: unknown) => { status: string }
 * ```
 */
export function parserFor<S extends SafeParser & z.core.$ZodType>(schema: S): (data: unknown) => z.output<S> {
  return (data) => {
    const result = schema.safeParse(data);
    // The schema vouched for `data`, so its output type is the schema's output type.
    if (result.success) return result.data as z.output<S>;
    throw new SchemaMismatch(
      (result.error?.issues ?? []).map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    );
  };
}
