// Internal: turn zod issues into quidfin ValidationIssues with a dotted path and words.
// zod/mini ships no locale, so its default message is "Invalid input": describe by code instead.
import type { ValidationIssue } from '../errors/ValidationError.js';

interface ZodLikeIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly expected?: unknown;
  readonly keys?: readonly string[];
  readonly values?: readonly unknown[];
  readonly minimum?: unknown;
  readonly maximum?: unknown;
  readonly origin?: unknown;
}

/** Dotted / indexed path: `lineItems[2].quantity` (internal). */
export function formatPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

function words(issue: ZodLikeIssue): string {
  if (issue.message && issue.message !== 'Invalid input') return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'int' ? 'expected a safe integer' : `expected ${String(issue.expected)}`;
    case 'unrecognized_keys':
      return `unknown key(s) ${(issue.keys ?? []).map((k) => JSON.stringify(k)).join(', ')}`;
    case 'invalid_value':
      return `expected one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return `must be at least ${String(issue.minimum)}${issue.origin === 'string' ? ' characters' : ''}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}${issue.origin === 'string' ? ' characters' : ''}`;
    case 'invalid_format':
      return 'has the wrong format';
    default:
      return 'is invalid';
  }
}

/** Converts zod issues to ValidationIssues under `prefix` (internal). */
export function toValidationIssues(prefix: string, issues: readonly ZodLikeIssue[]): ValidationIssue[] {
  return issues.map((issue) => ({ path: formatPath(prefix, issue.path), message: words(issue) }));
}
