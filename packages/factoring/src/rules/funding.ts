// The amount being funded and the haircuts the rules have taken from face.

import type { Haircut } from '../outputs/decision.js';
import type { ReasonCodeValue } from '../outputs/reasonCodes.js';

/** The amount being funded and the haircuts taken from face so far. */
export interface Funding {
  eligible: number;
  haircuts: Haircut[];
}

// Shared by every decision with no haircut (never mutated): cutAmount swaps in a fresh array first.
export const NO_HAIRCUTS: Haircut[] = [];

/** Takes up to `amount` off the eligible amount and records the haircut under `code`. */
export function cutAmount(f: Funding, code: ReasonCodeValue, amount: number): void {
  const a = Math.min(amount, f.eligible);
  if (a <= 0) return;
  addHaircut(f, { code, amountMinor: a });
  f.eligible -= a;
}

/**
 * Records a haircut. The first one makes a one-element literal: a push onto an empty array reserves
 * room for 17, and a kept decision would carry that spare room through every collection.
 */
export function addHaircut(f: Funding, h: Haircut): void {
  if (f.haircuts === NO_HAIRCUTS) f.haircuts = [h];
  else f.haircuts.push(h);
}
