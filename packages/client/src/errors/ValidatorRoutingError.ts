// Why the client could not route a write or a decision-grade read to where it must go.

import { QuidfinClientError } from './QuidfinClientError.js';

/**
 * Why validator-aware routing refused:
 * - `DOMAIN_UNKNOWN`: no configured node knows the domain;
 * - `VALIDATOR_DISAGREEMENT`: configured nodes name different validators for the domain;
 * - `VALIDATOR_NOT_CONFIGURED`: the domain's validator is not among the configured nodes (its
 *   address, if `/nodes` gave one, is in the message);
 * - `VALIDATOR_UNREACHABLE`: every configured validator failed to answer;
 * - `NODE_BEHIND`: the node asked for did not reach the validator's block head before the deadline.
 *
 * @example
 * ```ts
 * const r: ValidatorRoutingReason = 'VALIDATOR_NOT_CONFIGURED';
 * ```
 */
export type ValidatorRoutingReason =
  | 'DOMAIN_UNKNOWN'
  | 'VALIDATOR_DISAGREEMENT'
  | 'VALIDATOR_NOT_CONFIGURED'
  | 'VALIDATOR_UNREACHABLE'
  | 'NODE_BEHIND';

/**
 * A write or decision-grade read could not be routed safely; nothing was written or read.
 *
 * @example
 * ```ts
 * try { await router.submit(tx); }
 * catch (e) { if (isClientError(e) && e.code === 'VALIDATOR_ROUTING') console.error(e.reason); }
 * ```
 */
export class ValidatorRoutingError extends QuidfinClientError<'VALIDATOR_ROUTING'> {
  override readonly name: string = 'ValidatorRoutingError';
  readonly reason: ValidatorRoutingReason;
  readonly domain: string;

  constructor(reason: ValidatorRoutingReason, domain: string, message: string, options?: ErrorOptions) {
    super('VALIDATOR_ROUTING', `${domain}: ${message} (${reason})`, options);
    this.reason = reason;
    this.domain = domain;
  }
}
