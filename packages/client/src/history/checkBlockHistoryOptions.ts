// BlockHistory's options, checked at construction with every problem reported at once.
import { OptionsChecker } from '@quidfin/core';
import { ClientOptionsError } from '../errors/ClientOptionsError.js';
import { checkBlockReading, type Loose } from './checkBlockReading.js';

/** Throws `ClientOptionsError` listing every problem in a `BlockHistoryOptions`. */
export function checkBlockHistoryOptions(o: Loose<'node' | 'pageSize' | 'startAt'>): void {
  const check = new OptionsChecker();
  if (check.object('', o)) {
    checkBlockReading(check, o);
    if (check.object('startAt', o.startAt, { optional: true })) {
      const at = o.startAt as Loose<'nodeId' | 'offset' | 'blockHash'>;
      check.string('startAt.nodeId', at.nodeId);
      check.integer('startAt.offset', at.offset, { min: 0 });
      check.string('startAt.blockHash', at.blockHash);
    }
  }
  check.throwIfInvalid((issues) => new ClientOptionsError(issues));
}
