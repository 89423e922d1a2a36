// ValidatorRouter's options, checked at construction with every problem reported at once.
import { OptionsChecker } from '@quidfin/core';
import { ClientOptionsError } from '../errors/ClientOptionsError.js';
import type { Loose } from '../history/checkBlockReading.js';

const MAX_DELAY_MS = 2_147_483_647; // larger setTimeout delays fire at once

/** Throws `ClientOptionsError` listing every problem in a `ValidatorRouterOptions`. */
export function checkValidatorRouterOptions(
  o: Loose<'topologyTtlMs' | 'forwardGraceMs' | 'catchUpTimeoutMs'>,
): void {
  const check = new OptionsChecker();
  if (check.object('', o)) {
    check.integer('topologyTtlMs', o.topologyTtlMs, { min: 0, max: MAX_DELAY_MS, optional: true });
    check.integer('forwardGraceMs', o.forwardGraceMs, { min: 0, max: MAX_DELAY_MS, optional: true });
    check.integer('catchUpTimeoutMs', o.catchUpTimeoutMs, { min: 1, max: MAX_DELAY_MS, optional: true });
  }
  check.throwIfInvalid((issues) => new ClientOptionsError(issues));
}
