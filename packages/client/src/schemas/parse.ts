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
 * Builds a parser `(data) => T` from a zod/mini schema; failures throw {@link SchemaMismatch}.
 * The output type is declared by the caller (zod types stay out of the public declarations).
 *
 * @example
 * ```ts
 * const parseHealth = parserFor<Health>(z.object({ status: z.string() }));
 * ```
 */
export function parserFor<T>(schema: SafeParser): (data: unknown) => T {
  return (data) => {
    const result = schema.safeParse(data);
    if (result.success) return result.data as T;
    throw new SchemaMismatch(
      (result.error?.issues ?? []).map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    );
  };
}
