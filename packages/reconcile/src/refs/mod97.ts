/**
 * ISO 7064 mod 97-10 remainder of an alphanumeric string, letters counting as 10..35 (the
 * arithmetic behind both IBAN and ISO 11649 check digits). Works digit by digit, so any length
 * is exact without big integers. Returns -1 for characters outside `[0-9A-Z]`.
 *
 * @example
 * ```ts
 * mod97('123456RF18'); // remainder of the rearranged reference
 * ```
 */
export function mod97(text: string): number {
  let r = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) r = (r * 10 + (c - 48)) % 97;
    else if (c >= 65 && c <= 90) r = (r * 100 + (c - 55)) % 97;
    else return -1;
  }
  return r;
}
