// Which screens the stream reader applies before it reads an event (set by the policy's checks).

/**
 * How the stream reader screens events before reading them (derived from the policy's checks).
 *
 * @example
 * ```ts
 * const o: StreamOptions = { validatePayloads: true, requireSubject: true, detectConflicts: true };
 * ```
 */
export interface StreamOptions {
  /** Check every payload with `@quidfin/core`'s schemas; an invalid event does not count. */
  readonly validatePayloads?: boolean;
  /** An event must name the invoice as its `subjectId`; one naming another invoice never counts. */
  readonly requireSubject?: boolean;
  /** Report two different events at one sequence. */
  readonly detectConflicts?: boolean;
  /**
   * Read disputes, credit notes and payments (default true). A policy that never looks at them
   * (the proof of concept) skips them: their totals stay 0.
   */
  readonly money?: boolean;
}
