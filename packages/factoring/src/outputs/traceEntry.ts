// Builds one trace entry (which rule ran, on what inputs, with what result).

import type { TraceEntry } from './decision.js';

export type TraceValue = number | string | boolean | null;

/** The inputs of a skipped rule (shared, never mutated). */
export const NO_INPUTS: Readonly<Record<string, TraceValue>> = {};

/** One line of the rule trace: the rule, its outcome, what it read, its threshold and its effect. */
export function traceEntry(
  rule: string,
  outcome: TraceEntry['outcome'],
  inputs: Readonly<Record<string, TraceValue>>,
  threshold: number | string | null,
  effectMinor: number,
): TraceEntry {
  return { rule, outcome, inputs, threshold, effectMinor };
}
