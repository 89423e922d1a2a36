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

// SEPA keys of the German purpose field (EREF+, SVWZ+, ...); literals, so they compile once.
const SEPA_KEY_RE = /(EREF|KREF|MREF|CRED|DEBT|SVWZ|ABWA|ABWE|IBAN|BIC|COAM|OAMT)\+/g;
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
  const joined = raw.includes('\n') ? raw.replace(/\n/g, '') : raw;
  const sub = /^(\d{3})?([?>])\d{2}/.exec(joined);
  if (sub?.[2] !== undefined) return german(joined, sub[1], sub[2]);
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

// Hot (one call per :86:): sub-fields found with indexOf, no closures or spreads; the result has
// the same fields in the same order as the regex-and-spread version had.
const KURS_IN_TEXT_RE = /\s*(?<![A-Z])KURS\s*(\d+,\d+)(?:\s*([A-Z]{3})\s*\/\s*([A-Z]{3}))?/;
const KURS_FIELD_RE = /^\s*KURS\s*(\d+,\d+)(?:\s*([A-Z]{3})\s*\/\s*([A-Z]{3}))?\s*$/;

const SUBFIELDS: (string | undefined)[] = new Array(100).fill(undefined);

function german(joined: string, gvc: string | undefined, sep: string): Mt940Details {
  // `?NN` (or `>NN`) starts a sub-field that runs to the next separator, as /\?(\d{2})([^?]*)/g did.
  // One table for every call (a fresh 100-slot array per :86: was most of this function's garbage).
  const fields = SUBFIELDS;
  fields.fill(undefined);
  const n = joined.length;
  let i = joined.indexOf(sep);
  while (i >= 0) {
    const d1 = joined.charCodeAt(i + 1) - 48;
    const d2 = joined.charCodeAt(i + 2) - 48;
    if (i + 2 < n && d1 >= 0 && d1 <= 9 && d2 >= 0 && d2 <= 9) {
      const k = d1 * 10 + d2;
      const next = joined.indexOf(sep, i + 3);
      const end = next < 0 ? n : next;
      fields[k] = (fields[k] ?? '') + joined.slice(i + 3, end);
      i = next;
    } else i = joined.indexOf(sep, i + 1);
  }
  // KURS is a rate, not purpose text: cut it out so it never ends up in a reference search. A
  // sub-field that starts with it is read on its own (joined, "RECHNUNG" + "KURS" would hide it).
  let purpose = '';
  let kursHit: RegExpExecArray | null = null;
  for (let p = 0; p < PURPOSE_KEYS.length; p++) {
    const v = fields[PURPOSE_KEYS[p] as number];
    if (v === undefined) continue;
    if (kursHit === null && v.includes('KURS')) {
      const own = KURS_FIELD_RE.exec(v);
      if (own !== null) {
        kursHit = own;
        continue;
      }
    }
    purpose += v;
  }
  if (kursHit === null && purpose.includes('KURS')) {
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
  // SEPA keys: each value runs to the next key; a repeated key keeps its last value.
  const keyed = new Map<string, string>();
  const keyRe = SEPA_KEY_RE;
  keyRe.lastIndex = 0;
  let firstIndex = purpose.length;
  let prevKey: string | undefined;
  let prevStart = 0;
  for (let h = keyRe.exec(purpose); h !== null; h = keyRe.exec(purpose)) {
    if (prevKey === undefined) firstIndex = h.index;
    else keyed.set(prevKey, purpose.slice(prevStart, h.index).trim());
    prevKey = h[1] ?? '';
    prevStart = h.index + h[0].length;
  }
  if (prevKey !== undefined) keyed.set(prevKey, purpose.slice(prevStart).trim());
  const before = purpose.slice(0, firstIndex).trim();
  const remittance: string[] = [];
  if (before !== '') remittance.push(before);
  const svwz = keyed.get('SVWZ') ?? '';
  if (svwz !== '') remittance.push(svwz);
  const eref = keyed.get('EREF');
  const other: string[] = [];
  const kref = keyed.get('KREF');
  if (kref !== undefined && kref !== '') other.push(kref);
  const mref = keyed.get('MREF');
  if (mref !== undefined && mref !== '') other.push(mref);
  const cred = keyed.get('CRED');
  if (cred !== undefined && cred !== '') other.push(cred);
  const name = ((fields[32] ?? '') + (fields[33] ?? '')).replace(/\s+/g, ' ').trim();
  const iban = fields[31]?.trim();
  const booking = fields[0]?.trim();
  const out: DetailsDraft = { dialect: 'german-subfields' };
  if (gvc !== undefined) out.transactionCode = gvc;
  if (eref && eref.toUpperCase() !== 'NOTPROVIDED') out.endToEndId = eref;
  out.otherReferences = other;
  out.creditorReferences = [];
  out.remittanceText = remittance;
  out.additionalInfo = booking ? [booking] : [];
  if (name) out.counterpartyName = name;
  if (iban) out.counterpartyAccount = iban;
  if (kurs !== undefined) out.kurs = kurs;
  return out as Mt940Details;
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
    ...(eref && eref.toUpperCase() !== 'NOTPROVIDED' ? { endToEndId: eref } : {}),
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
