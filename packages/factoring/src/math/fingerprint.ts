// Invoice fingerprints and invoice-number normalisation for duplicate detection.

/**
 * What the duplicate detector knows about an invoice seen on another stream (the financier's own
 * book, a registry, or earlier invoices of the same batch).
 *
 * @example
 * ```ts
 * const r: InvoiceFingerprintRecord = {
 *   invoiceId: 'inv-7', invoiceNumber: 'INV-0007', supplierQuid: 's', buyerQuid: 'b',
 *   amountMinor: 120_000, issuedAt: 1_700_000_000, documentRefs: ['BOL-77'],
 * };
 * ```
 */
export interface InvoiceFingerprintRecord {
  readonly invoiceId: string;
  readonly invoiceNumber: string;
  readonly supplierQuid: string;
  readonly buyerQuid: string;
  readonly amountMinor: number;
  /** Unix seconds. */
  readonly issuedAt: number;
  readonly poReference?: string;
  /** Bill-of-lading, delivery-proof or document hashes tied to the invoice. */
  readonly documentRefs?: readonly string[];
  /**
   * ISO 4217 code of `amountMinor`. The circle search and the duplicate index read it (amounts in
   * different currencies are never compared); a record without one is taken in
   * `portfolio.currency`, or, with none, in the batch's currency when the batch has one (the
   * duplicate index then compares it with any invoice). Not part of any fingerprint.
   */
  readonly currency?: string;
}

// Invisible format characters (zero-width space, joiners, BOM, soft hyphen, bidi marks).
const FORMAT_CHARS = /\p{Cf}/gu;
// Every Unicode space and dash reads as a separator, like ' ' and '-'.
const SPACES_AND_DASHES = /[\p{Zs}\p{Pd}]/gu;

/**
 * A number written with characters that look like others (full-width letters and digits, a
 * no-break space, an en dash) or with invisible ones, folded to what it shows: NFKC, format
 * characters removed, Unicode spaces and dashes as '-'. Plain ASCII (nearly every number) is
 * returned as it is, without the regular expressions.
 */
function foldUnicode(raw: string): string {
  for (let i = 0; i < raw.length; i++) {
    if (raw.charCodeAt(i) > 127) {
      return raw.normalize('NFKC').replace(FORMAT_CHARS, '').replace(SPACES_AND_DASHES, '-');
    }
  }
  return raw;
}

/** A separator of invoice numbers: space, tab, `#`, `-`, `.`, `/`, `_`. */
function isSeparator(c: number): boolean {
  return c === 32 || c === 35 || c === 45 || c === 46 || c === 47 || c === 95 || c === 9;
}

/** An ASCII letter or digit. */
function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Normalises an invoice number the way registries do: upper-case, drop spaces and the separators
 * `- / . _ #`, and strip leading zeros from every digit run (`inv-00234` and `INV 234` both give
 * `INV234`). Separators end a digit run, so `2026-0042` gives `202642`. Look-alike and invisible
 * Unicode characters count as what they show: full-width `ＩＮＶ２３４`, a zero-width space or a
 * no-break space do not make a new number.
 *
 * @example
 * ```ts
 * normaliseInvoiceNumber(' inv/2026-0042 '); // 'INV202642'
 * normaliseInvoiceNumber('00234'); // '234'
 * ```
 */
export function normaliseInvoiceNumber(raw: string): string {
  // Kept characters are copied in runs (slices), not one by one: most numbers drop only a
  // separator or two, and a per-character `+=` allocates a string per character.
  let out = '';
  let runStart = 0;
  let inDigits = false;
  let leading = true;
  const s = foldUnicode(raw).toUpperCase();
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isSeparator(c)) {
      // A separator ends a digit run, so 'INV-2026-0100' keeps its '2026' and its '100'.
      inDigits = false;
      if (i > runStart) out += s.slice(runStart, i);
      runStart = i + 1;
      continue;
    }
    const digit = c >= 48 && c <= 57;
    if (digit) {
      if (!inDigits) {
        inDigits = true;
        leading = true;
      }
      if (leading && c === 48) {
        // Drop a leading zero unless it is the run's last digit (an all-zero run keeps one '0').
        const next = i + 1 < s.length ? s.charCodeAt(i + 1) : -1;
        if (next >= 48 && next <= 57) {
          if (i > runStart) out += s.slice(runStart, i);
          runStart = i + 1;
          continue;
        }
      }
      leading = false;
    } else {
      inDigits = false;
    }
  }
  if (runStart === 0) return s;
  return runStart < s.length ? out + s.slice(runStart) : out;
}

/**
 * The number as letters and digits only: {@link normaliseInvoiceNumber} of the number with every
 * other character dropped first (separators, punctuation, symbols), so digit runs split by any of
 * them join before their leading zeros are stripped: `INV-2026-0100`, `INV-20260100`,
 * `INV,2026,0100` and `INV-2026-0100:` all give `INV20260100` (the first two normalise apart,
 * `INV2026100` and `INV20260100`). Empty when the number has no letter or digit. The duplicate
 * index compares numbers in both forms; pass `normalised` when it is already at hand.
 *
 * @example
 * ```ts
 * joinedInvoiceNumber('INV-2026-0100'); // 'INV20260100'
 * joinedInvoiceNumber('*'); // ''
 * ```
 */
export function joinedInvoiceNumber(raw: string, normalised?: string): string {
  // Plain ASCII letters and digits with no separator between two digits (most numbers): the
  // joined form is the normalised one, already computed by the caller or computed here.
  if (!splitsDigits(raw)) return normalised ?? normaliseInvoiceNumber(raw);
  return normaliseInvoiceNumber(
    asciiLettersAndDigits(raw) ?? foldUnicode(raw).replace(NOT_LETTER_OR_DIGIT, ''),
  );
}

/** The ASCII letters and digits of an all-ASCII number (a loop, no regular expression), else undefined. */
function asciiLettersAndDigits(raw: string): string | undefined {
  let out = '';
  let runStart = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c > 127) return undefined;
    if (isAsciiAlnum(c)) continue;
    if (i > runStart) out += raw.slice(runStart, i);
    runStart = i + 1;
  }
  return runStart === 0 ? raw : out + raw.slice(runStart);
}

/**
 * True unless the number is ASCII letters, digits and separators with no separator between two
 * digits: a separator inside a digit run, any other character, or a non-ASCII one.
 */
function splitsDigits(raw: string): boolean {
  let digitBefore = false;
  let separated = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (isSeparator(c)) separated = true;
    else if (!isAsciiAlnum(c)) return true;
    else if (c <= 57) {
      if (separated && digitBefore) return true;
      digitBefore = true;
      separated = false;
    } else {
      digitBefore = false;
      separated = false;
    }
  }
  return false;
}

/**
 * True when an invoice number has a letter or digit to compare (after the Unicode fold): `'-'`,
 * `'*'` or a zero-width space alone do not.
 *
 * @example
 * ```ts
 * isReadableInvoiceNumber('INV-1'); // true
 * isReadableInvoiceNumber('--'); // false
 * ```
 */
export function isReadableInvoiceNumber(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) if (isAsciiAlnum(raw.charCodeAt(i))) return true;
  return joinedInvoiceNumber(raw) !== '';
}

// Everything but letters and digits (after the Unicode fold).
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

/**
 * The exact-match identity key: normalised number, supplier, buyer, amount and issue date (UTC
 * day). Two invoices with the same key are the same receivable.
 *
 * @example
 * ```ts
 * invoiceFingerprint({ invoiceNumber: 'INV-0001', supplierQuid: 's', buyerQuid: 'b', amountMinor: 100, issuedAt: 86_400 });
 * // 'INV1|s|b|100|1'
 * ```
 */
export function invoiceFingerprint(r: {
  readonly invoiceNumber: string;
  readonly supplierQuid: string;
  readonly buyerQuid: string;
  readonly amountMinor: number;
  readonly issuedAt: number;
}): string {
  return `${normaliseInvoiceNumber(r.invoiceNumber)}|${r.supplierQuid}|${r.buyerQuid}|${r.amountMinor}|${Math.floor(r.issuedAt / 86_400)}`;
}

/**
 * {@link invoiceFingerprint} with the number in its joined form ({@link joinedInvoiceNumber}:
 * letters and digits only), or undefined when that is the fingerprint itself (most numbers: no
 * separator between two digits). `INV-2026-0100` and `INV-20260100` have different fingerprints
 * but share this one: their letters and digits are the same, only the separators differ.
 *
 * @example
 * ```ts
 * joinedInvoiceFingerprint({ invoiceNumber: 'INV-2026-0100', supplierQuid: 's', buyerQuid: 'b', amountMinor: 100, issuedAt: 86_400 });
 * // 'INV20260100|s|b|100|1'
 * ```
 */
export function joinedInvoiceFingerprint(r: {
  readonly invoiceNumber: string;
  readonly supplierQuid: string;
  readonly buyerQuid: string;
  readonly amountMinor: number;
  readonly issuedAt: number;
}): string | undefined {
  if (!splitsDigits(r.invoiceNumber)) return undefined;
  const normalised = normaliseInvoiceNumber(r.invoiceNumber);
  const joined = joinedInvoiceNumber(r.invoiceNumber, normalised);
  if (joined === normalised || joined === '') return undefined;
  return `${joined}|${r.supplierQuid}|${r.buyerQuid}|${r.amountMinor}|${Math.floor(r.issuedAt / 86_400)}`;
}

/**
 * Every fingerprint a registry of financed receivables (`portfolio.financedFingerprints`) should
 * hold for one receivable: {@link invoiceFingerprint} and, when it differs, the same fingerprint
 * of the number with its letters and digits joined ({@link joinedInvoiceNumber}), so a copy whose
 * number differs only in its separators is refused whichever form was financed.
 * `evaluateBatch`'s `financedFingerprints` lists both.
 *
 * @example
 * ```ts
 * invoiceFingerprints({ invoiceNumber: 'INV-2026-0100', supplierQuid: 's', buyerQuid: 'b', amountMinor: 100, issuedAt: 86_400 });
 * // ['INV2026100|s|b|100|1', 'INV20260100|s|b|100|1']
 * ```
 */
export function invoiceFingerprints(r: {
  readonly invoiceNumber: string;
  readonly supplierQuid: string;
  readonly buyerQuid: string;
  readonly amountMinor: number;
  readonly issuedAt: number;
}): string[] {
  const joined = joinedInvoiceFingerprint(r);
  return joined === undefined ? [invoiceFingerprint(r)] : [invoiceFingerprint(r), joined];
}
