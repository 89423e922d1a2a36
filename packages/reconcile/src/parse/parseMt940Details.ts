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
  const joined = raw.replace(/\n/g, '');
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

function german(joined: string, gvc: string | undefined, sep: string): Mt940Details {
  const fields = new Map<number, string>();
  const re = sep === '?' ? /\?(\d{2})([^?]*)/g : />(\d{2})([^>]*)/g;
  for (const m of joined.matchAll(re)) {
    const k = Number(m[1]);
    fields.set(k, (fields.get(k) ?? '') + (m[2] ?? ''));
  }
  const purposeParts: string[] = [];
  for (const k of [20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 60, 61, 62, 63]) {
    const v = fields.get(k);
    if (v !== undefined) purposeParts.push(v);
  }
  let purpose = purposeParts.join('');
  // KURS is a rate, not purpose text: cut it out so it never ends up in a reference search.
  const kursHit = /\s*(?<![A-Z])KURS\s*(\d+,\d+)(?:\s*([A-Z]{3})\s*\/\s*([A-Z]{3}))?/.exec(purpose);
  if (kursHit) purpose = purpose.slice(0, kursHit.index) + purpose.slice(kursHit.index + kursHit[0].length);
  const kurs =
    kursHit === null
      ? undefined
      : {
          rate: (kursHit[1] ?? '').replace(',', '.'),
          ...(kursHit[2] === undefined ? {} : { numerator: kursHit[2] }),
          ...(kursHit[3] === undefined ? {} : { denominator: kursHit[3] }),
        };
  const keyed = new Map<string, string>();
  const keyRe = SEPA_KEY_RE;
  const hits = [...purpose.matchAll(keyRe)];
  const firstIndex = hits[0]?.index ?? purpose.length;
  const before = purpose.slice(0, firstIndex).trim();
  hits.forEach((h, i) => {
    const start = (h.index ?? 0) + h[0].length;
    const end = hits[i + 1]?.index ?? purpose.length;
    keyed.set(h[1] ?? '', purpose.slice(start, end).trim());
  });
  const remittance = [before, keyed.get('SVWZ') ?? ''].filter((s) => s !== '');
  const eref = keyed.get('EREF');
  const other = ['KREF', 'MREF', 'CRED']
    .map((k) => keyed.get(k))
    .filter((v): v is string => v !== undefined && v !== '');
  const name = [fields.get(32), fields.get(33)]
    .filter((v) => v !== undefined)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  const iban = fields.get(31)?.trim();
  const booking = fields.get(0)?.trim();
  return {
    dialect: 'german-subfields',
    ...(gvc === undefined ? {} : { transactionCode: gvc }),
    ...(eref && eref.toUpperCase() !== 'NOTPROVIDED' ? { endToEndId: eref } : {}),
    otherReferences: other,
    creditorReferences: [],
    remittanceText: remittance,
    additionalInfo: booking ? [booking] : [],
    ...(name ? { counterpartyName: name } : {}),
    ...(iban ? { counterpartyAccount: iban } : {}),
    ...(kurs === undefined ? {} : { kurs }),
  };
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
