// ISO 13616 IBAN check (electronic format, mod-97 = 1): the one copy, used by the invoice document
// schema and by @quidfin/reconcile after it normalises spacing and case.

/**
 * True for a structurally valid IBAN in electronic format (no spaces, upper case: country, 2 check
 * digits, 11-30 alphanumerics) whose ISO 7064 mod 97-10 remainder is 1. Country-specific lengths
 * are not checked. Normalise printed forms (`NL91 ABNA …`) first.
 *
 * @example
 * ```ts
 * isValidIban('NL91ABNA0417164300'); // true
 * isValidIban('NL91ABNA0417164301'); // false: check digits do not match
 * isValidIban('NL91 ABNA 0417 1643 00'); // false: printed form, remove the spaces first
 * ```
 */
export function isValidIban(iban: string): boolean {
  if (typeof iban !== 'string' || !/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    // Letters count as 10..35 (two digits), digits as themselves.
    remainder = code >= 65 ? (remainder * 100 + (code - 55)) % 97 : (remainder * 10 + (code - 48)) % 97;
  }
  return remainder === 1;
}
