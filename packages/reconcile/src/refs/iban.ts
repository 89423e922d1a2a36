import { isValidIban as isElectronicIban } from '@quidfin/core';

/**
 * Upper-cases and removes spaces from an IBAN or account number, so `nl91 abna 0417 1643 00`
 * and `NL91ABNA0417164300` compare equal.
 *
 * @example
 * ```ts
 * normaliseAccount('nl91 abna 0417 1643 00'); // 'NL91ABNA0417164300'
 * ```
 */
export function normaliseAccount(account: string): string {
  return account.replace(/[\s.-]+/g, '').toUpperCase();
}

/**
 * True when `iban` has the IBAN shape (country, 2 check digits, 11-30 alphanumerics) and its
 * mod-97 remainder is 1. Country-specific lengths are not checked.
 *
 * @example
 * ```ts
 * isValidIban('NL91 ABNA 0417 1643 00'); // true
 * ```
 */
export function isValidIban(iban: string): boolean {
  return isElectronicIban(normaliseAccount(iban));
}
