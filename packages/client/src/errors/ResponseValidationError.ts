import { QuidfinClientError } from './QuidfinClientError.js';

/**
 * One place where a response did not have the documented shape.
 *
 * @example
 * ```ts
 * for (const issue of e.issues) console.log(issue.path, issue.message);
 * ```
 */
export interface ResponseIssue {
  /** Location inside the response `data`, e.g. `edges.abc.trustLevel`; `''` for the value itself. */
  readonly path: string;
  readonly message: string;
}

/**
 * A 2xx response did not match the shape PROTOCOL.md documents for the route (wrong envelope,
 * missing field, wrong type). Usually a node of another version, or a proxy in the way.
 *
 * @example
 * ```ts
 * try {
 *   await client.info();
 * } catch (e) {
 *   if (isClientError(e) && e.code === 'RESPONSE_VALIDATION') {
 *     const { issues } = e as ResponseValidationError;
 *     console.log(issues);
 *   }
 * }
 * ```
 */
export class ResponseValidationError extends QuidfinClientError<'RESPONSE_VALIDATION'> {
  override readonly name: string = 'ResponseValidationError';
  readonly url: string;
  readonly method: string;
  readonly issues: readonly ResponseIssue[];
  /** The response body as received. */
  readonly body: unknown;

  constructor(method: string, url: string, issues: readonly ResponseIssue[], body: unknown) {
    const text = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
    super('RESPONSE_VALIDATION', `unexpected response from ${method} ${url}: ${text}`);
    this.url = url;
    this.method = method;
    this.issues = issues;
    this.body = body;
  }
}
