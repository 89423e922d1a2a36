// The one error @quidfin/devnode throws on purpose (bad options, a bad snapshot, a refused host),
// and the guard that recognises it.
import { isQuidfinError, ValidationError } from '@quidfin/core';

/**
 * Codes of {@link DevNodeError}: `INVALID_OPTIONS` (createDevNode, startDevNode), `INVALID_SNAPSHOT`
 * (restore, snapshot files), `NON_LOOPBACK_HOST` (listen).
 *
 * @example
 * ```ts
 * const code: DevNodeErrorCode = 'INVALID_OPTIONS';
 * ```
 */
export type DevNodeErrorCode = 'INVALID_OPTIONS' | 'INVALID_SNAPSHOT' | 'NON_LOOPBACK_HOST';

const CODES: ReadonlySet<string> = new Set<DevNodeErrorCode>([
  'INVALID_OPTIONS',
  'INVALID_SNAPSHOT',
  'NON_LOOPBACK_HOST',
]);

/**
 * Input the devnode refused, with every problem located in `issues` (a `ValidationError` of
 * `@quidfin/core`, named for this package). Recognise it with {@link isDevNodeError}, not
 * `instanceof`.
 *
 * @example
 * ```ts
 * try {
 *   createDevNode({ blockIntervalMs: -1, corsOrigins: ['app.example'] });
 * } catch (e) {
 *   if (isDevNodeError(e) && e.code === 'INVALID_OPTIONS') for (const i of e.issues) console.log(i.path, i.message);
 * }
 * ```
 */
export class DevNodeError<Code extends DevNodeErrorCode = DevNodeErrorCode> extends ValidationError<Code> {
  override readonly name: string = 'DevNodeError';
  override readonly package: string = '@quidfin/devnode';
  /** Brand read by {@link isDevNodeError}; works across realms and duplicate package copies. */
  readonly isQuidfinDevNodeError = true as const;
}

/**
 * True when `value` is an error `@quidfin/devnode` threw on purpose (any copy, any realm), typed as
 * {@link DevNodeError} so `switch (e.code)` narrows and a misspelt code does not compile.
 *
 * @example
 * ```ts
 * try {
 *   node.restore(JSON.parse('{}'));
 * } catch (e) {
 *   if (isDevNodeError(e) && e.code === 'INVALID_SNAPSHOT') console.log(e.path);
 * }
 * ```
 */
export function isDevNodeError(value: unknown): value is DevNodeError {
  return (
    isQuidfinError(value) &&
    value.package === '@quidfin/devnode' &&
    (value as { isQuidfinDevNodeError?: unknown }).isQuidfinDevNodeError === true &&
    CODES.has(value.code) &&
    Array.isArray((value as { issues?: unknown }).issues)
  );
}
