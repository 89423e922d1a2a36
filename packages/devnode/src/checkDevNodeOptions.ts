// Checks createDevNode's options once, at construction, reporting every problem at once.
import { OptionsChecker } from '@quidfin/core';
import { DevNodeError } from './errors/DevNodeError.js';
import type { Limits } from './limits/Limits.js';
import type { DevNodeOptions } from './options.js';

const LIMIT_KEYS = ['ip', 'quid', 'domain', 'trustMaxQueue', 'trustMaxVisited', 'trustCacheTtlMs'];
const RATE_KEYS = ['perMinute', 'burst'];

/** Throws `DevNodeError('INVALID_OPTIONS')` listing every unusable option. */
export function checkDevNodeOptions(options: DevNodeOptions): void {
  const check = new OptionsChecker();
  const o = options as { readonly [K in keyof DevNodeOptions]?: unknown };
  check.number('blockIntervalMs', o.blockIntervalMs, { min: 0, optional: true });
  check.integer('bodyLimitBytes', o.bodyLimitBytes, { min: 1, optional: true });
  check.string('nodeKey', o.nodeKey, { pattern: /^[0-9a-fA-F]{64}$/, optional: true });
  check.func('now', o.now, { optional: true });
  check.oneOf('guardianAnchors', o.guardianAnchors, ['apply', 'drop'] as const, { optional: true });
  if (check.array('domains', o.domains, { optional: true })) {
    const domains = o.domains as readonly unknown[];
    for (let i = 0; i < domains.length; i++) check.string(`domains[${i}]`, domains[i], { nonEmpty: true });
  }
  if (check.array('corsOrigins', o.corsOrigins, { optional: true })) {
    const origins = o.corsOrigins as readonly unknown[];
    for (let i = 0; i < origins.length; i++) checkOrigin(check, `corsOrigins[${i}]`, origins[i]);
  }
  checkLimits(check, o.limits);
  check.throwIfInvalid((issues) => new DevNodeError('INVALID_OPTIONS', issues));
}

// The node compares the Origin header with each entry as text, so anything but an exact origin
// (a path, a trailing slash, a missing scheme) would never match: refuse it instead of ignoring it.
function checkOrigin(check: OptionsChecker, path: string, origin: unknown): void {
  if (!check.string(path, origin, { nonEmpty: true }) || origin === '*') return;
  let parsed: URL | undefined;
  try {
    parsed = new URL(origin as string);
  } catch {
    parsed = undefined;
  }
  check.require(
    path,
    parsed !== undefined && parsed.origin !== 'null' && parsed.origin === (origin as string).toLowerCase(),
    `must be '*' or an origin such as https://app.example (scheme://host[:port], no path or trailing slash), got ${JSON.stringify(origin)}`,
  );
}

function checkLimits(check: OptionsChecker, limits: unknown): void {
  if (limits === undefined || limits === 'off' || limits === 'node') return;
  if (typeof limits === 'string' || !check.object('limits', limits)) {
    if (typeof limits === 'string')
      check.add('limits', `must be 'off', 'node' or an object, got "${limits}"`);
    return;
  }
  const l = limits as { readonly [K in keyof Limits]?: unknown };
  // A misspelt limit would otherwise be ignored and the node's default silently kept.
  for (const key of Object.keys(l)) check.require(`limits.${key}`, LIMIT_KEYS.includes(key), 'unknown limit');
  for (const layer of ['ip', 'quid', 'domain'] as const) {
    const path = `limits.${layer}`;
    if (!check.object(path, l[layer], { optional: true })) continue;
    const rate = l[layer] as { readonly perMinute?: unknown; readonly burst?: unknown };
    for (const key of Object.keys(rate))
      check.require(`${path}.${key}`, RATE_KEYS.includes(key), 'unknown field');
    check.number(`${path}.perMinute`, rate.perMinute, { min: Number.MIN_VALUE });
    check.integer(`${path}.burst`, rate.burst, { min: 1 });
  }
  check.integer('limits.trustMaxQueue', l.trustMaxQueue, { min: 1, optional: true });
  check.integer('limits.trustMaxVisited', l.trustMaxVisited, { min: 1, optional: true });
  check.integer('limits.trustCacheTtlMs', l.trustCacheTtlMs, { min: 0, optional: true });
}
