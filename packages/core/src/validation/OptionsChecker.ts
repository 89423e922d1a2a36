// One issue-collecting checker for options and inputs: every problem reported at once, located.
import { ValidationError, type ValidationIssue } from '../errors/ValidationError.js';
import { describe } from '../invoice/describeValue.js';
import { utf8Length } from '../wire/hex.js';

/**
 * Option every {@link OptionsChecker} check takes: whether an absent (`undefined`) value is fine.
 *
 * @example
 * ```ts
 * const o: Presence = { optional: true };
 * new OptionsChecker().integer('timeoutMs', undefined, o); // false, no issue
 * ```
 */
export interface Presence {
  /** Accept `undefined` without an issue. Default `false`. */
  readonly optional?: boolean;
}

/**
 * Collects every problem in a set of options (or any input) before refusing it, so a caller sees
 * all of them at once, each with its path. Every check returns `true` when the value is present
 * and valid, so nested checks can follow; an absent optional value returns `false` with no issue.
 * Finish with {@link OptionsChecker.throwIfInvalid}. Used by every quidfin package's constructors.
 *
 * @example
 * ```ts
 * function createWidget(o: { baseUrl: string; timeoutMs?: number; retry?: { limit?: number } }) {
 *   const check = new OptionsChecker();
 *   check.url('baseUrl', o.baseUrl, { protocols: ['http:', 'https:'] });
 *   check.integer('timeoutMs', o.timeoutMs, { min: 1, optional: true });
 *   if (check.object('retry', o.retry, { optional: true }) && o.retry) {
 *     check.integer('retry.limit', o.retry.limit, { min: 0, optional: true });
 *   }
 *   check.throwIfInvalid(); // ValidationError('INVALID_OPTIONS') listing every issue
 * }
 * ```
 */
export class OptionsChecker {
  readonly #issues: ValidationIssue[] = [];

  /** Every problem found so far, in the order checked. */
  get issues(): readonly ValidationIssue[] {
    return this.#issues;
  }

  /** Records a problem at `path`. Returns `false`, so a check can `return check.add(...)`. */
  add(path: string, message: string): false {
    this.#issues.push({ path, message });
    return false;
  }

  /** Records `message` at `path` unless `condition` holds; for rules across fields. */
  require(path: string, condition: boolean, message: string): boolean {
    return condition || this.add(path, message);
  }

  /** A safe integer within `min`..`max` (inclusive). */
  integer(
    path: string,
    value: unknown,
    o: Presence & { readonly min?: number; readonly max?: number } = {},
  ): boolean {
    if (!this.#present(path, value, o)) return false;
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
      return this.add(path, `must be a safe integer, got ${describe(value)}`);
    }
    return this.#inRange(path, value, o);
  }

  /** A finite number within `min`..`max` (inclusive). */
  number(
    path: string,
    value: unknown,
    o: Presence & { readonly min?: number; readonly max?: number } = {},
  ): boolean {
    if (!this.#present(path, value, o)) return false;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return this.add(path, `must be a finite number, got ${describe(value)}`);
    }
    return this.#inRange(path, value, o);
  }

  /** A string; optionally non-empty, matching `pattern`, at most `maxBytes` UTF-8 bytes. */
  string(
    path: string,
    value: unknown,
    o: Presence & { readonly nonEmpty?: boolean; readonly pattern?: RegExp; readonly maxBytes?: number } = {},
  ): boolean {
    if (!this.#present(path, value, o)) return false;
    if (typeof value !== 'string') return this.add(path, `must be a string, got ${describe(value)}`);
    if (o.nonEmpty && value.length === 0) return this.add(path, 'must not be empty');
    if (o.maxBytes !== undefined && utf8Length(value) > o.maxBytes) {
      return this.add(path, `must be at most ${o.maxBytes} UTF-8 bytes, got ${utf8Length(value)}`);
    }
    if (o.pattern && !o.pattern.test(value))
      return this.add(path, `must match ${o.pattern}, got ${describe(value)}`);
    return true;
  }

  /** An absolute URL whose protocol is one of `protocols` (default http and https). */
  url(path: string, value: unknown, o: Presence & { readonly protocols?: readonly string[] } = {}): boolean {
    if (!this.#present(path, value, o)) return false;
    const protocols = o.protocols ?? ['http:', 'https:'];
    const parsed = typeof value === 'string' || value instanceof URL ? parseUrl(String(value)) : null;
    if (parsed === null || !protocols.includes(parsed.protocol)) {
      const example = `${protocols[0] ?? 'https:'}//node.example`;
      return this.add(
        path,
        `must be an absolute ${protocols.join(' or ')} URL such as "${example}", got ${describe(String(value))}`,
      );
    }
    return true;
  }

  /** One of the listed values (compared with `===`). */
  oneOf(path: string, value: unknown, allowed: readonly unknown[], o: Presence = {}): boolean {
    if (!this.#present(path, value, o)) return false;
    return (
      allowed.includes(value) ||
      this.add(path, `must be one of ${allowed.map(describe).join(', ')}, got ${describe(value)}`)
    );
  }

  /** `true` or `false`. */
  boolean(path: string, value: unknown, o: Presence = {}): boolean {
    if (!this.#present(path, value, o)) return false;
    return typeof value === 'boolean' || this.add(path, `must be true or false, got ${describe(value)}`);
  }

  /** A function. */
  func(path: string, value: unknown, o: Presence = {}): boolean {
    if (!this.#present(path, value, o)) return false;
    return typeof value === 'function' || this.add(path, `must be a function, got ${describe(value)}`);
  }

  /** A plain object (not null, not an array); check its fields next when this returns `true`. */
  object(path: string, value: unknown, o: Presence = {}): boolean {
    if (!this.#present(path, value, o)) return false;
    return (
      (typeof value === 'object' && value !== null && !Array.isArray(value)) ||
      this.add(path, `must be an object, got ${describe(value)}`)
    );
  }

  /** An array, optionally of at most `maxLength` items; check its items next when this returns `true`. */
  array(
    path: string,
    value: unknown,
    o: Presence & { readonly nonEmpty?: boolean; readonly maxLength?: number } = {},
  ): boolean {
    if (!this.#present(path, value, o)) return false;
    if (!Array.isArray(value)) return this.add(path, `must be an array, got ${describe(value)}`);
    if (o.nonEmpty && value.length === 0) return this.add(path, 'must not be empty');
    if (o.maxLength !== undefined && value.length > o.maxLength) {
      return this.add(path, `must have at most ${o.maxLength} items, got ${value.length}`);
    }
    return true;
  }

  /**
   * Throws when any issue was found: the error `make` builds from the issues, by default a
   * `ValidationError('INVALID_OPTIONS')`. Nothing is thrown when every check passed.
   */
  throwIfInvalid(make?: (issues: readonly ValidationIssue[]) => Error): void {
    if (this.#issues.length === 0) return;
    const issues = [...this.#issues];
    throw make ? make(issues) : new ValidationError('INVALID_OPTIONS', issues);
  }

  #present(path: string, value: unknown, o: Presence): boolean {
    if (value !== undefined) return true;
    return o.optional ? false : this.add(path, 'is required');
  }

  #inRange(path: string, value: number, o: { readonly min?: number; readonly max?: number }): boolean {
    if (o.min !== undefined && value < o.min)
      return this.add(path, `must be at least ${o.min}, got ${value}`);
    if (o.max !== undefined && value > o.max) return this.add(path, `must be at most ${o.max}, got ${value}`);
    return true;
  }
}

/** `new URL` without the throw (`URL.parse` is too new for some browsers we support). */
function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
