// VerifiedTrust's options, checked at construction with every problem reported at once.
import { OptionsChecker } from '@quidfin/core';
import { ClientOptionsError } from '../errors/ClientOptionsError.js';
import { checkBlockReading, type Loose } from '../history/checkBlockReading.js';

/** Throws `ClientOptionsError` listing every problem in a `VerifiedTrustOptions`. */
export function checkVerifiedTrustOptions(
  o: Loose<'store' | 'keyHistory' | 'node' | 'pageSize' | 'history' | 'maxDepth' | 'now'>,
): void {
  const check = new OptionsChecker();
  if (check.object('', o)) {
    checkBlockReading(check, o);
    if (check.object('store', o.store, { optional: true })) {
      const store = o.store as Loose<'load' | 'append' | 'clear'>;
      for (const m of ['load', 'append', 'clear'] as const) check.func(`store.${m}`, store[m]);
    }
    if (check.object('keyHistory', o.keyHistory, { optional: true })) {
      check.func('keyHistory.wasKeyOf', (o.keyHistory as Loose<'wasKeyOf'>).wasKeyOf);
    }
    check.object('history', o.history, { optional: true });
    check.integer('maxDepth', o.maxDepth, { min: 1, optional: true });
    check.func('now', o.now, { optional: true });
  }
  check.throwIfInvalid((issues) => new ClientOptionsError(issues));
}
