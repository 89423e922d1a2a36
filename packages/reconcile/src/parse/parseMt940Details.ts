import { EMPTY_LIST } from './emptyList.js';
import { isNotProvided } from './isNotProvided.js';
import { trimmedSlice } from './trimmedSlice.js';

/**
 * What an MT940 `:86:` field says, decoded for its dialect.
 *
 * @example
 * ```ts
 * const d: Mt940Details = parseMt940Details('/EREF/E2E-1/REMI/INV 1001');
 * ```
 */
export interface Mt940Details {
  readonly dialect: 'german-subfields' | 'dutch-tags' | 'free-text';
  readonly transactionCode?: string;
  readonly endToEndId?: string;
  readonly otherReferences: readonly string[];
  readonly creditorReferences: readonly string[];
  readonly remittanceText: readonly string[];
  readonly additionalInfo: readonly string[];
  readonly counterpartyName?: string;
  readonly counterpartyAccount?: string;
  /**
   * The German `KURS` exchange-rate subfield as printed: `KURS 1,078930 CHF/EUR` gives
   * `{ rate: '1.078930', numerator: 'CHF', denominator: 'EUR' }` (read as CHF per EUR). It is
   * taken out of the purpose text; the statement-line reader decides whether to trust it.
   */
  readonly kurs?: { readonly rate: string; readonly numerator?: string; readonly denominator?: string };
}

const isDigit = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
};

// Dutch /TAG/ names.
const DUTCH_TAG_RE =
  /\/(EREF|BENM|ORDP|NAME|REMI|ISDT|IBAN|BIC|CSID|MARF|TRCD|ADDR|PREF|RTRN|CDTRREF|CDTRREFTP|CD|SCOR|ISSR|USTD|STRD|ULTC|ULTD|PURP|CNTP|ID)\//g;

/**
 * Decodes an MT940 `:86:` field. German banks (DK format) use `?NN` sub-fields (some use
 * `>NN`): `?00` booking text, `?20`-`?29` and `?60`-`?63` purpose with SEPA keys (`EREF+`,
 * `SVWZ+`, ...), `?30` BIC, `?31` IBAN, `?32`/`?33` name. Dutch banks use `/TAG/value`.
 * Anything else is kept as free text, with `REK:`/`NAAM:` labels read when present.
 *
 * @example
 * ```ts
 * parseMt940Details('166?00GUTSCHRIFT?20EREF+E2E-1?21SVWZ+INV 1001?31DE02...?32ACME').endToEndId; // 'E2E-1'
 * ```
 */
export function parseMt940Details(raw: string): Mt940Details {
  const d = readMt940Details(raw);
  // The other dialects' results are made per call, with absent fields left out.
  if (d !== GERMAN) return d as Mt940Details;
  // The shared record, copied into a result of the caller's own with the absent fields left out.
  const out: DetailsDraft = { dialect: 'german-subfields' };
  if (d.transactionCode !== undefined) out.transactionCode = d.transactionCode;
  if (d.endToEndId !== undefined) out.endToEndId = d.endToEndId;
  out.otherReferences = ownList(d.otherReferences);
  out.creditorReferences = [];
  out.remittanceText = ownList(d.remittanceText);
  out.additionalInfo = ownList(d.additionalInfo);
  if (d.counterpartyName !== undefined) out.counterpartyName = d.counterpartyName;
  if (d.counterpartyAccount !== undefined) out.counterpartyAccount = d.counterpartyAccount;
  if (d.kurs !== undefined) out.kurs = d.kurs;
  return out as Mt940Details;
}

/** A list of the caller's own: the shared empty list becomes a new one. */
const ownList = (list: readonly string[]): string[] => (list === EMPTY_LIST ? [] : (list as string[]));

/**
 * {@link Mt940Details} as {@link readMt940Details} gives it: an optional field may also be there
 * as `undefined`.
 *
 * @example
 * ```ts
 * const d: Mt940DetailsRead = readMt940Details(':86:text');
 * ```
 */
export type Mt940DetailsRead = {
  readonly [K in keyof Mt940Details]: K extends
    | 'dialect'
    | 'otherReferences'
    | 'creditorReferences'
    | 'remittanceText'
    | 'additionalInfo'
    ? Mt940Details[K]
    : Mt940Details[K] | undefined;
};

/**
 * {@link parseMt940Details} for the statement-line reader, which reads the result at once and
 * keeps only its lists and strings: the German dialect (one per `:86:` of most German files)
 * comes back in one record shared by every call, valid until the next call, with absent fields
 * `undefined` and empty lists the shared {@link EMPTY_LIST}; so no result object is made per line.
 *
 * @example
 * ```ts
 * const d = readMt940Details('166?00GUTSCHRIFT?20EREF+E2E-1');
 * const eref = d.endToEndId; // read it now: the next call overwrites d
 * ```
 */
export function readMt940Details(raw: string): Mt940DetailsRead {
  const joined = raw.includes('\n') ? raw.replace(/\n/g, '') : raw;
  // What /^(\d{3})?([?>])\d{2}/ says, by character: an optional GVC, then the first sub-field.
  const gvc = isDigit(joined, 0) && isDigit(joined, 1) && isDigit(joined, 2);
  const s = gvc ? 3 : 0;
  const c = joined.charCodeAt(s);
  if ((c === 63 || c === 62) && isDigit(joined, s + 1) && isDigit(joined, s + 2)) {
    german(joined, gvc ? joined.slice(0, 3) : undefined, c === 63 ? '?' : '>');
    return GERMAN;
  }
  if (/^\/[A-Z]{2,9}\//.test(joined)) return dutch(joined);
  const text = raw
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const iban = /\b(?:REK|IBAN):\s*([A-Z]{2}\d{2}[A-Z0-9]{10,30})/.exec(raw.replace(/\n/g, ' '))?.[1];
  const name = /\bNAAM:\s*([^/\n]+)/.exec(raw)?.[1]?.trim();
  return {
    dialect: 'free-text',
    otherReferences: [],
    creditorReferences: [],
    remittanceText: text.length ? [text.join(' ')] : [],
    additionalInfo: [],
    ...(iban === undefined ? {} : { counterpartyAccount: iban }),
    ...(name === undefined ? {} : { counterpartyName: name }),
  };
}

type DetailsDraft = { -readonly [K in keyof Mt940Details]?: Mt940Details[K] };

// The purpose sub-fields, in the order they are joined.
const PURPOSE_KEYS = [20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 60, 61, 62, 63];

// Hot (one call per :86:): sub-fields and SEPA keys found with indexOf, no closures, spreads or
// regex match arrays; the result has the same fields in the same order as the regex version had.
const KURS_IN_TEXT_RE = /\s*(?<![A-Z])KURS\s*(\d+,\d+)(?:\s*([A-Z]{3})\s*\/\s*([A-Z]{3}))?/;
const KURS_FIELD_RE = /^\s*KURS\s*(\d+,\d+)(?:\s*([A-Z]{3})\s*\/\s*([A-Z]{3}))?\s*$/;

/** The German dialect's result, shared by every call (see readMt940Details). */
const GERMAN: { -readonly [K in keyof Mt940DetailsRead]: Mt940DetailsRead[K] } = {
  dialect: 'german-subfields',
  transactionCode: undefined,
  endToEndId: undefined,
  otherReferences: EMPTY_LIST,
  creditorReferences: EMPTY_LIST,
  remittanceText: EMPTY_LIST,
  additionalInfo: EMPTY_LIST,
  counterpartyName: undefined,
  counterpartyAccount: undefined,
  kurs: undefined,
};

const SUBFIELDS: (string | undefined)[] = new Array(100).fill(undefined);
// The sub-field numbers the last call filled in, so only those are cleared.
const FILLED: number[] = new Array(100).fill(0);
let filledCount = 0;

const isUpper = (c: number): boolean => c >= 65 && c <= 90;

/** Four ASCII capitals as one number (so a key is looked up without cutting it out). */
const packed = (key: string): number =>
  ((key.charCodeAt(0) * 128 + key.charCodeAt(1)) * 128 + key.charCodeAt(2)) * 128 + key.charCodeAt(3);

// The four-letter SEPA keys (BIC, the one of three, is tested on its own).
const SEPA_KEYS = new Set(
  ['EREF', 'KREF', 'MREF', 'CRED', 'DEBT', 'SVWZ', 'ABWA', 'ABWE', 'IBAN', 'COAM', 'OAMT'].map(packed),
);

/**
 * The SEPA key (EREF, KREF, MREF, CRED, DEBT, SVWZ, ABWA, ABWE, IBAN, BIC, COAM, OAMT) that ends
 * with the "+" at `plus` and starts at or after `from`, as its length (4, or 3 for BIC), or 0.
 * Keys are capitals only, so at most one of them can end at a given "+".
 */
function sepaKeyBefore(text: string, plus: number, from: number): number {
  const k = plus - 4;
  if (k >= from) {
    const a = text.charCodeAt(k);
    const b = text.charCodeAt(k + 1);
    const c = text.charCodeAt(k + 2);
    const d = text.charCodeAt(k + 3);
    if (
      isUpper(a) &&
      isUpper(b) &&
      isUpper(c) &&
      isUpper(d) &&
      SEPA_KEYS.has(((a * 128 + b) * 128 + c) * 128 + d)
    )
      return 4;
  }
  const b = plus - 3;
  if (
    b >= from &&
    text.charCodeAt(b) === 66 &&
    text.charCodeAt(b + 1) === 73 &&
    text.charCodeAt(b + 2) === 67
  )
    return 3;
  return 0;
}

// Whitespace other than a single blank: only then does collapsing runs of it change anything.
const NOT_ONE_BLANK = /[^\S ]| {2}/;

/** `text` with every run of whitespace one blank, trimmed; the replace runs only when it changes something. */
function collapseBlanks(text: string): string {
  const plain = !NOT_ONE_BLANK.test(text);
  return plain ? trimmedSlice(text, 0, text.length) : text.replace(/\s+/g, ' ').trim();
}

function german(joined: string, gvc: string | undefined, sep: string): void {
  // `?NN` (or `>NN`) starts a sub-field that runs to the next separator, as /\?(\d{2})([^?]*)/g did.
  // One table for every call (a fresh 100-slot array per :86: was most of this function's garbage).
  const fields = SUBFIELDS;
  for (let f = 0; f < filledCount; f++) fields[FILLED[f] as number] = undefined;
  filledCount = 0;
  const n = joined.length;
  let i = joined.indexOf(sep);
  while (i >= 0) {
    const d1 = joined.charCodeAt(i + 1) - 48;
    const d2 = joined.charCodeAt(i + 2) - 48;
    if (i + 2 < n && d1 >= 0 && d1 <= 9 && d2 >= 0 && d2 <= 9) {
      const k = d1 * 10 + d2;
      const next = joined.indexOf(sep, i + 3);
      const end = next < 0 ? n : next;
      const was = fields[k];
      if (was === undefined) FILLED[filledCount++] = k;
      fields[k] = was === undefined ? joined.slice(i + 3, end) : was + joined.slice(i + 3, end);
      i = next;
    } else i = joined.indexOf(sep, i + 1);
  }
  // KURS is a rate, not purpose text: cut it out so it never ends up in a reference search. A
  // sub-field that starts with it is read on its own (joined, "RECHNUNG" + "KURS" would hide it).
  let purpose = '';
  let kursHit: RegExpExecArray | null = null;
  // (One look at the whole field saves one per sub-field when there is no KURS, the usual case.)
  const mayHaveKurs = joined.includes('KURS');
  for (let p = 0; p < PURPOSE_KEYS.length; p++) {
    const v = fields[PURPOSE_KEYS[p] as number];
    if (v === undefined) continue;
    if (mayHaveKurs && kursHit === null && v.includes('KURS')) {
      const own = KURS_FIELD_RE.exec(v);
      if (own !== null) {
        kursHit = own;
        continue;
      }
    }
    purpose += v;
  }
  if (mayHaveKurs && kursHit === null && purpose.includes('KURS')) {
    kursHit = KURS_IN_TEXT_RE.exec(purpose);
    if (kursHit) purpose = purpose.slice(0, kursHit.index) + purpose.slice(kursHit.index + kursHit[0].length);
  }
  let kurs: Mt940Details['kurs'];
  if (kursHit !== null) {
    const k: { rate: string; numerator?: string; denominator?: string } = {
      rate: (kursHit[1] ?? '').replace(',', '.'),
    };
    if (kursHit[2] !== undefined) k.numerator = kursHit[2];
    if (kursHit[3] !== undefined) k.denominator = kursHit[3];
    kurs = k;
  }
  // SEPA keys: each value runs to the next key; a repeated key keeps its last value. Only the
  // values read below are kept, as [start, end) of `purpose`.
  let firstIndex = purpose.length;
  let eref = -1;
  let erefEnd = 0;
  let svwz = -1;
  let svwzEnd = 0;
  let kref = -1;
  let krefEnd = 0;
  let mref = -1;
  let mrefEnd = 0;
  let cred = -1;
  let credEnd = 0;
  let key = 0; // 1 EREF, 2 SVWZ, 3 KREF, 4 MREF, 5 CRED, 9 any other key
  let valueStart = 0;
  let from = 0;
  for (let plus = purpose.indexOf('+'); ; plus = purpose.indexOf('+', plus + 1)) {
    const len = plus < 0 ? 0 : sepaKeyBefore(purpose, plus, from);
    if (plus >= 0 && len === 0) continue;
    // A key (or the end) closes the value of the key before it.
    const end = plus < 0 ? purpose.length : plus - len;
    if (key === 1) {
      eref = valueStart;
      erefEnd = end;
    } else if (key === 2) {
      svwz = valueStart;
      svwzEnd = end;
    } else if (key === 3) {
      kref = valueStart;
      krefEnd = end;
    } else if (key === 4) {
      mref = valueStart;
      mrefEnd = end;
    } else if (key === 5) {
      cred = valueStart;
      credEnd = end;
    }
    if (plus < 0) break;
    if (key === 0) firstIndex = end;
    const c0 = purpose.charCodeAt(end);
    const c1 = purpose.charCodeAt(end + 1);
    // The first letters tell the keys apart (CRED from COAM by the second); BIC is never read.
    if (len === 3) key = 9;
    else if (c0 === 69) key = 1;
    else if (c0 === 83) key = 2;
    else if (c0 === 75) key = 3;
    else if (c0 === 77) key = 4;
    else key = c0 === 67 && c1 === 82 ? 5 : 9;
    valueStart = plus + 1;
    from = valueStart;
  }
  const before = trimmedSlice(purpose, 0, firstIndex);
  const svwzText = svwz < 0 ? '' : trimmedSlice(purpose, svwz, svwzEnd);
  let remittance: readonly string[];
  if (before === '') remittance = svwzText === '' ? EMPTY_LIST : [svwzText];
  else remittance = svwzText === '' ? [before] : [before, svwzText];
  const erefText = eref < 0 ? undefined : trimmedSlice(purpose, eref, erefEnd);
  const krefText = kref < 0 ? '' : trimmedSlice(purpose, kref, krefEnd);
  const mrefText = mref < 0 ? '' : trimmedSlice(purpose, mref, mrefEnd);
  const credText = cred < 0 ? '' : trimmedSlice(purpose, cred, credEnd);
  let other: readonly string[] = EMPTY_LIST;
  if (krefText !== '' || mrefText !== '' || credText !== '') {
    const list: string[] = [];
    if (krefText !== '') list.push(krefText);
    if (mrefText !== '') list.push(mrefText);
    if (credText !== '') list.push(credText);
    other = list.slice();
  }
  const f32 = fields[32];
  const f33 = fields[33];
  const name = collapseBlanks(f33 === undefined ? (f32 ?? '') : (f32 ?? '') + f33);
  const f31 = fields[31];
  const iban = f31 === undefined ? undefined : trimmedSlice(f31, 0, f31.length);
  const f0 = fields[0];
  const booking = f0 === undefined ? undefined : trimmedSlice(f0, 0, f0.length);
  const g = GERMAN;
  g.transactionCode = gvc;
  g.endToEndId = erefText && !isNotProvided(erefText) ? erefText : undefined;
  g.otherReferences = other;
  g.remittanceText = remittance;
  g.additionalInfo = booking ? [booking] : EMPTY_LIST;
  g.counterpartyName = name || undefined;
  g.counterpartyAccount = iban || undefined;
  g.kurs = kurs;
}

function dutch(joined: string): Mt940Details {
  const re = DUTCH_TAG_RE;
  const hits = [...joined.matchAll(re)];
  const tags = new Map<string, string>();
  hits.forEach((h, i) => {
    const start = (h.index ?? 0) + h[0].length;
    const end = hits[i + 1]?.index ?? joined.length;
    const tag = h[1] ?? '';
    if (!tags.has(tag)) tags.set(tag, joined.slice(start, end).replace(/\/$/, '').trim());
  });
  const eref = tags.get('EREF');
  // ING writes /REMI/USTD//text/ (or /REMI/STRD/CUR/ref/): drop the sub-tag.
  const remi = (tags.get('REMI') ?? tags.get('USTD') ?? '').replace(/^(USTD|STRD)\/\/?(CUR\/)?/, '');
  const scor = tags.get('CDTRREF') ?? tags.get('SCOR');
  const name = tags.get('NAME');
  const iban = tags.get('IBAN');
  return {
    dialect: 'dutch-tags',
    ...(eref && !isNotProvided(eref) ? { endToEndId: eref } : {}),
    otherReferences: [tags.get('MARF'), tags.get('CSID')].filter(
      (v): v is string => v !== undefined && v !== '',
    ),
    creditorReferences: scor ? [scor] : [],
    remittanceText: remi ? [remi] : [],
    additionalInfo: [],
    ...(name ? { counterpartyName: name } : {}),
    ...(iban ? { counterpartyAccount: iban } : {}),
  };
}
