// The outcome of a write confirmed at a domain's validator.

/**
 * A transaction committed at the domain's validator (never returned before that).
 *
 * @example
 * ```ts
 * const w: ValidatedWrite = await router.submit(tx);
 * if (w.resent > 0) log(`re-sent ${w.resent}x to ${w.validatorId}`);
 * ```
 */
export interface ValidatedWrite {
  readonly transactionId: string;
  /** The validator's node id. */
  readonly validatorId: string;
  /** Index of the validator among the client's nodes. */
  readonly node: number;
  /** How many times the SDK had to send it to the validator itself after it did not arrive or was lost. */
  readonly resent: number;
}
