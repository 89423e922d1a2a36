// InvoiceLedger's options, checked at construction with every problem reported at once.
import { OptionsChecker } from '@quidfin/core';
import { ClientOptionsError } from '../errors/ClientOptionsError.js';

// PROTOCOL §6.2/§6.3: a domain is at most 253 bytes. The ledger needs a named one (empty would
// write into the node's `default` block), and it goes into URL paths and logs: no control characters.
const DOMAIN = { nonEmpty: true, maxBytes: 253, pattern: /^[^\u0000-\u001f\u007f]*$/ } as const;

// The fields of InvoiceLedgerOptions, as given (typed loosely: this is where they get checked).
type LedgerOptionFields = {
  readonly [K in
    | 'trustDomain'
    | 'commitTimeoutMs'
    | 'trust'
    | 'blocks'
    | 'validators'
    | 'keyEvents']?: unknown;
};

/** Throws `ClientOptionsError` listing every problem in `options` (an `InvoiceLedgerOptions`). */
export function checkLedgerOptions(options: LedgerOptionFields): void {
  const check = new OptionsChecker();
  if (check.object('', options)) {
    check.string('trustDomain', options.trustDomain, DOMAIN);
    check.integer('commitTimeoutMs', options.commitTimeoutMs, { min: 1, max: 2_147_483_647, optional: true });
    check.object('trust', options.trust, { optional: true });
    check.object('blocks', options.blocks, { optional: true });
    check.object('validators', options.validators, { optional: true });
    check.func('keyEvents', options.keyEvents, { optional: true });
  }
  check.throwIfInvalid((issues) => new ClientOptionsError(issues));
}
