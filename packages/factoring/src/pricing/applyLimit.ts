// Applies one exposure limit to the funded amount: a haircut or a refusal.

import type { FactoringPolicy } from '../inputs/policy.js';
import { mulDivFloor } from '../math/money.js';
import type { TraceEntry } from '../outputs/decision.js';
import type { ReasonCodeValue } from '../outputs/reasonCodes.js';
import { traceEntry } from '../outputs/traceEntry.js';
import { addHaircut, type Funding } from '../rules/funding.js';
import type { Run } from '../rules/run.js';

/** The funding under the limits: the advance shrinks with the eligible amount at a fixed rate. */
export interface LimitFunding {
  readonly f: Funding;
  advance: number;
  readonly rate: number;
}

/**
 * Fits the advance under one limit: reduces the eligible amount to the room left ('reduce') or
 * fails. Returns false when the invoice cannot be funded under this limit.
 */
export function applyLimit(
  run: Run,
  policy: FactoringPolicy,
  lf: LimitFunding,
  name: string,
  limit: number | undefined,
  exposure: number,
  code: ReasonCodeValue,
): boolean {
  if (limit === undefined) return true;
  const f = lf.f;
  const room = limit - exposure;
  let outcome: TraceEntry['outcome'] = 'pass';
  if (lf.advance > room) {
    if (policy.limitMode === 'reduce' && room > 0) {
      const before = f.eligible;
      f.eligible = Math.min(f.eligible, mulDivFloor(room, 10_000, lf.rate));
      addHaircut(f, { code: 'LIMIT_HAIRCUT', amountMinor: before - f.eligible });
      lf.advance = mulDivFloor(f.eligible, lf.rate, 10_000);
      run.reason('LIMIT_HAIRCUT', `${name} limit ${limit} leaves room for an advance of ${room}`);
      outcome = 'flag';
    } else {
      run.reason(
        code,
        `${name} limit ${limit} with exposure ${exposure} has no room for an advance of ${lf.advance}`,
      );
      outcome = 'fail';
    }
  }
  run.trace?.push(
    traceEntry(
      `${name}-limit`,
      outcome,
      { limitMinor: limit, exposureMinor: exposure, advanceMinor: lf.advance },
      limit,
      0,
    ),
  );
  return outcome !== 'fail';
}
