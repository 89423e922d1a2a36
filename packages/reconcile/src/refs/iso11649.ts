import { ReconcileInputError } from '../errors/ReconcileInputError.js';
import { mod97 } from './mod97.js';

/** Removes spaces and upper-cases, the printed form `RF18 5390 0754 7034` becomes `RF18539007547034`. */
function compact(ref: string): string {
  return ref.replace(/[\s-]+/g, '').toUpperCase();
}

/**
 * True when `ref` is a valid ISO 11649 structured creditor reference: `RF`, two check digits,
 * 1 to 21 alphanumerics, mod 97-10 remainder 1. Spaces are ignored.
 *
 * @example
 * ```ts
 * isValidRfReference('RF18 5390 0754 7034'); // true
 * isValidRfReference('RF19 5390 0754 7034'); // false
 * ```
 */
export function isValidRfReference(ref: string): boolean {
  const c = compact(ref);
  if (!/^RF\d{2}[0-9A-Z]{1,21}$/.test(c)) return false;
  return mod97(c.slice(4) + c.slice(0, 4)) === 1;
}

/**
 * Builds the ISO 11649 reference for a creditor's own reference body (1-21 alphanumerics; any
 * other body is a {@link ReconcileInputError} at `body`).
 *
 * @example
 * ```ts
 * createRfReference('539007547034'); // 'RF18539007547034'
 * ```
 */
export function createRfReference(body: string): string {
  const b = compact(body);
  if (!/^[0-9A-Z]{1,21}$/.test(b))
    throw new ReconcileInputError('body', `must be 1-21 letters and digits, got "${body.slice(0, 40)}"`);
  const check = 98 - mod97(`${b}RF00`);
  return `RF${String(check).padStart(2, '0')}${b}`;
}

/**
 * Looks for a valid ISO 11649 reference in `text`; when the candidate is syntactically an RF
 * reference but fails its check, tries every single-character substitution and every adjacent
 * transposition, and returns a repair only when exactly one passes among `known` references (or,
 * without `known`, when exactly one edit passes at all). A typo is never silently "corrected"
 * into one of several possible references.
 *
 * @example
 * ```ts
 * repairRfReference('RF18539007547043', new Set(['RF18539007547034'])); // { reference: 'RF18539007547034', repaired: true }
 * ```
 */
export function repairRfReference(
  ref: string,
  known?: { has(ref: string): boolean },
): { readonly reference: string; readonly repaired: boolean } | undefined {
  const c = compact(ref);
  if (!/^RF[0-9A-Z]{3,23}$/.test(c)) return undefined;
  if (isValidRfReference(c)) return { reference: c, repaired: false };
  const found = new Set<string>();
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const consider = (candidate: string): void => {
    if (isValidRfReference(candidate) && (known === undefined || known.has(candidate))) found.add(candidate);
  };
  for (let i = 2; i < c.length; i++) {
    const isCheck = i < 4;
    for (const ch of isCheck ? alphabet.slice(0, 10) : alphabet) {
      if (ch !== c[i]) consider(c.slice(0, i) + ch + c.slice(i + 1));
    }
    if (i + 1 < c.length && c[i] !== c[i + 1]) consider(c.slice(0, i) + c[i + 1] + c[i] + c.slice(i + 2));
  }
  if (found.size !== 1) return undefined;
  const [only] = found;
  return only === undefined ? undefined : { reference: only, repaired: true };
}
