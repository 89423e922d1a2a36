// Reads an invoice's free-text payment terms the way an underwriter would, and where the wording
// could mean two things, the way that costs the financier least: the longer tenor, the larger
// discount, the later date. One linear pass over words and numbers (no backtracking regex), so
// terms of any length are read whole in time proportional to their length.

/** Where the net days run from: the issue date, the delivery, or receipt (of goods or invoice). */
export type TermsStart = 'issue' | 'delivery' | 'receipt';

/** A calendar day written in the terms, as every reading of it (the latest counts). */
export interface TermsDate {
  /** 'due': the buyer may pay by that day; 'from': the net days run from it. */
  readonly kind: 'due' | 'from';
  /** [year, or 0 when none is written; month 1-12; day], one per reading ("03/04": two). */
  readonly readings: readonly (readonly [number, number, number])[];
}

/** An early-payment discount: `withinDays` is undefined when the terms give no window. */
export interface TermsDiscount {
  readonly rateBps: number;
  readonly withinDays: number | undefined;
}

/** What payment terms give the buyer. */
export interface ParsedTerms {
  /** The longest net days stated (at least this many), or undefined. */
  readonly netDays: number | undefined;
  /** Net days run from the end of the month (EOM, MFI, prox, "end of month"). */
  readonly endOfMonth: boolean;
  readonly start: TermsStart;
  /** Cash terms (CIA, CWO, PIA, COD, "payment in advance"): no credit given to the buyer. */
  readonly cash: boolean;
  /** The largest early-payment discount stated. */
  readonly discount: TermsDiscount | undefined;
  readonly dates: readonly TermsDate[];
}

/** The longest net days read; a larger figure is read as this (held, never dropped). */
export const MAX_NET_DAYS = 99_999;

const NUM = 0;
const WORD = 1;
const SYM = 2;

interface Token {
  readonly kind: 0 | 1 | 2;
  /** Digits (ASCII) for a number, the lower-case word, or the symbol ('-', '/', '%' for any dash, slash, percent). */
  readonly text: string;
  /** Whitespace before it. */
  readonly gap: boolean;
}

function digitOf(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10; // full-width digits
  return -1;
}

function isSpace(c: number): boolean {
  return (
    c <= 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200d) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x2060 ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** '-', '/' or '%' for any way of writing them, '' for other characters. */
function symbolOf(c: number): string {
  if (
    c === 45 ||
    (c >= 0x2010 && c <= 0x2015) ||
    c === 0x2212 ||
    c === 0xfe58 ||
    c === 0xfe63 ||
    c === 0xff0d
  )
    return '-';
  if (c === 47 || c === 0x2044 || c === 0x2215 || c === 0xff0f) return '/';
  if (c === 37 || c === 0x066a || c === 0xff05) return '%';
  return '';
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c > 127 && !isSpace(c) && symbolOf(c) === '' && digitOf(c) < 0);
}

function tokenize(s: string): Token[] {
  const out: Token[] = [];
  const n = s.length;
  let gap = false;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isSpace(c)) {
      gap = true;
      i++;
      continue;
    }
    let text: string;
    let kind: Token['kind'];
    if (digitOf(c) >= 0) {
      const from = i;
      let ascii = true;
      while (i < n && digitOf(s.charCodeAt(i)) >= 0) {
        if (s.charCodeAt(i) > 57) ascii = false;
        i++;
      }
      text = ascii ? s.slice(from, i) : digitsOf(s.slice(from, i));
      kind = NUM;
    } else if (isWordChar(c)) {
      const from = i;
      while (i < n && isWordChar(s.charCodeAt(i))) i++;
      text = s.slice(from, i);
      kind = WORD;
    } else {
      text = symbolOf(c) || s.charAt(i);
      kind = SYM;
      i++;
    }
    out.push({ kind, text, gap });
    gap = false;
  }
  return out;
}

function digitsOf(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += String(digitOf(s.charCodeAt(i)));
  return out;
}

/** A number token's value; one too long to matter reads as 1e9. */
function numberOf(t: Token): number {
  let i = 0;
  while (i < t.text.length - 1 && t.text.charCodeAt(i) === 48) i++;
  return t.text.length - i > 9 ? 1e9 : Number(t.text.slice(i));
}

// Words beside a rate that make it a late-payment charge or a tax, not a discount ("1.5% per
// month", "interest 2% after 30 days", "20% VAT"). A deposit stays a cut: that share is paid.
const CHARGE = new Set([
  'vat',
  'tax',
  'taxes',
  'gst',
  'hst',
  'per',
  'interest',
  'late',
  'overdue',
  'penalty',
  'penalties',
  'monthly',
  'annum',
  'annual',
  'annually',
  'apr',
  'charge',
  'charged',
  'charges',
  'fee',
  'fees',
  'finance',
  'surcharge',
  'arrears',
]);
const ORDINAL = new Set(['st', 'nd', 'rd', 'th']);
const DAYS = new Set(['day', 'days']);
const END_OF_MONTH = new Set(['eom', 'mfi', 'prox', 'proximo']);
const DELIVERY = new Set(['delivery', 'delivered', 'arrival', 'arrived', 'arrives', 'rog', 'aog']);
const GOODS = new Set(['goods', 'merchandise', 'shipment', 'delivery', 'material', 'materials', 'products']);
const CASH = new Set(['cia', 'cwo', 'pia', 'cod', 'cbd', 'prepaid', 'prepayment']);
// Words before a date: the buyer pays by it ('due'), or the net days run from it ('from').
const DATE_WORDS = new Map<string, 'due' | 'from'>([
  ['due', 'due'],
  ['by', 'due'],
  ['on', 'due'],
  ['before', 'due'],
  ['until', 'due'],
  ['till', 'due'],
  ['through', 'due'],
  ['thru', 'due'],
  ['from', 'from'],
  ['after', 'from'],
  ['following', 'from'],
  ['dated', 'from'],
]);
// Between a date word and its date: "due on or before the 31st", "due: 12/31".
const SKIP = new Set(['or', 'the', ':']);
const MONTHS = new Map<string, number>([
  ['jan', 1],
  ['january', 1],
  ['feb', 2],
  ['february', 2],
  ['mar', 3],
  ['march', 3],
  ['apr', 4],
  ['april', 4],
  ['may', 5],
  ['jun', 6],
  ['june', 6],
  ['jul', 7],
  ['july', 7],
  ['aug', 8],
  ['august', 8],
  ['sep', 9],
  ['sept', 9],
  ['september', 9],
  ['oct', 10],
  ['october', 10],
  ['nov', 11],
  ['november', 11],
  ['dec', 12],
  ['december', 12],
]);

/** What one pass collects. */
interface Reading {
  netDays: number | undefined;
  endOfMonth: boolean;
  start: TermsStart;
  cash: boolean;
  discount: TermsDiscount | undefined;
  /** "2/10" counts only beside net days or end-of-month terms ("2/10" alone may be a date). */
  slash: TermsDiscount | undefined;
  dates: TermsDate[];
}

const isWord = (t: Token | undefined, w: string): boolean =>
  t !== undefined && t.kind === WORD && t.text === w;
const isSym = (t: Token | undefined, s: string): boolean => t !== undefined && t.kind === SYM && t.text === s;
const isNum = (t: Token | undefined): t is Token => t !== undefined && t.kind === NUM;

function net(r: Reading, days: number): void {
  const d = Math.min(days, MAX_NET_DAYS);
  if (r.netDays === undefined || d > r.netDays) r.netDays = d;
}

function later(start: TermsStart, other: TermsStart): TermsStart {
  const rank = (s: TermsStart): number => (s === 'issue' ? 0 : s === 'delivery' ? 1 : 2);
  return rank(other) > rank(start) ? other : start;
}

function larger(
  d: TermsDiscount | undefined,
  rateBps: number,
  withinDays: number | undefined,
): TermsDiscount {
  return d === undefined || rateBps > d.rateBps ? { rateBps, withinDays } : d;
}

/** Past an ordinal suffix ("10th") and a "day(s)" word. */
function pastDays(t: readonly Token[], j: number): { end: number; days: boolean } {
  if (ORDINAL.has(t[j]?.kind === WORD ? (t[j] as Token).text : '')) j++;
  if (t[j]?.kind === WORD && DAYS.has((t[j] as Token).text)) return { end: j + 1, days: true };
  return { end: j, days: false };
}

/** A rate of at most two whole digits, with decimals in basis points rounded up. */
function readRate(t: readonly Token[], i: number): { bps: number; end: number } | undefined {
  const a = t[i] as Token;
  const whole = numberOf(a);
  if (whole > 99 || a.text.length > 3) return undefined;
  let bps = whole * 100;
  let end = i + 1;
  const dot = t[end];
  const frac = t[end + 1];
  if (isSym(dot, '.') && !(dot as Token).gap && isNum(frac) && !frac.gap) {
    const f = frac.text;
    bps += Number((f.length >= 2 ? f.slice(0, 2) : `${f}0`).slice(0, 2));
    for (let k = 2; k < f.length; k++)
      if (f.charCodeAt(k) !== 48) {
        bps += 1;
        break;
      }
    end += 2;
  }
  return { bps, end };
}

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  const dim = new Date(Date.UTC(y === 0 ? 2024 : y, m, 0)).getUTCDate();
  return d <= dim;
}

function yearOf(t: Token | undefined): number {
  if (!isNum(t)) return -1;
  if (t.text.length === 4) return numberOf(t);
  if (t.text.length === 2) return 2000 + numberOf(t);
  return -1;
}

/**
 * A date at `j`: "12/31", "12/31/2023", "2023-12-31", "31.12.2023", "Dec 31", "31 December 2023".
 * A day and month that could be either way round ("03/04") give both readings.
 */
function readDate(
  t: readonly Token[],
  j: number,
): { readings: (readonly [number, number, number])[]; end: number } | undefined {
  const a = t[j];
  const readings: (readonly [number, number, number])[] = [];
  const add = (y: number, m: number, d: number): void => {
    if (validDay(y, m, d)) readings.push([y, m, d]);
  };
  if (a === undefined) return undefined;
  if (a.kind === NUM) {
    const sep = t[j + 1];
    const b = t[j + 2];
    if (sep === undefined || sep.kind !== SYM || !isNum(b)) return readNamedAfterDay(t, j);
    const s = sep.text;
    if (s !== '/' && s !== '-' && s !== '.') return undefined;
    if (s === '.' && (sep.gap || b.gap)) return undefined;
    const sep2 = t[j + 3];
    const c = t[j + 4];
    const three = isSym(sep2, s) && isNum(c) && !(s === '.' && ((sep2 as Token).gap || c.gap));
    if (three && a.text.length === 4) {
      add(numberOf(a), numberOf(b), numberOf(c));
      return { readings, end: j + 5 };
    }
    const y = three ? yearOf(c) : 0;
    if (y >= 0) {
      add(y, numberOf(a), numberOf(b));
      add(y, numberOf(b), numberOf(a));
    }
    return { readings, end: three ? j + 5 : j + 3 };
  }
  const month = a.kind === WORD ? MONTHS.get(a.text) : undefined;
  if (month === undefined || !isNum(t[j + 1])) return undefined;
  const d = numberOf(t[j + 1] as Token);
  let end = pastDays(t, j + 2).end;
  if (isSym(t[end], ',')) end++;
  let y = 0;
  if (isNum(t[end]) && (t[end] as Token).text.length === 4) {
    y = numberOf(t[end] as Token);
    end++;
  }
  add(y, month, d);
  return { readings, end };
}

/** "31 December 2023", "31st of Dec". */
function readNamedAfterDay(
  t: readonly Token[],
  j: number,
): { readings: (readonly [number, number, number])[]; end: number } | undefined {
  let k = pastDays(t, j + 1).end;
  if (isWord(t[k], 'of')) k++;
  const name = t[k];
  const month = name?.kind === WORD ? MONTHS.get(name.text) : undefined;
  if (month === undefined) return undefined;
  let end = k + 1;
  if (isSym(t[end], ',')) end++;
  let y = 0;
  if (isNum(t[end]) && (t[end] as Token).text.length === 4) {
    y = numberOf(t[end] as Token);
    end++;
  }
  const d = numberOf(t[j] as Token);
  return { readings: validDay(y, month, d) ? [[y, month, d]] : [], end };
}

/** A discount written with a percent ("2% 10", "2% within 10 days", "2 percent discount if paid within 10 days"). */
function readPercent(t: readonly Token[], i: number, bps: number, k: number, r: Reading): number {
  for (let b = Math.max(0, i - 3); b < i; b++) if (CHARGE.has((t[b] as Token).text)) return k;
  let days: number | undefined;
  let j = k;
  for (let seen = 0; j < t.length && seen < 6; seen++) {
    const x = t[j] as Token;
    if (x.kind === NUM) {
      const past = pastDays(t, j + 1);
      // "2%, 30 days net": the 30 is the net days, not the discount's window.
      if (past.days && isWord(t[past.end], 'net') && !isNum(t[past.end + 1]) && !isSym(t[past.end + 1], '-'))
        break;
      days = numberOf(x);
      j = past.end;
      break;
    }
    if (x.kind === WORD) {
      if (CHARGE.has(x.text)) return j + 1;
      if (x.text === 'net' || x.text === 'n') break;
    } else if (x.text === ';' || x.text === '.') break;
    j++;
  }
  r.discount = larger(r.discount, bps, days);
  return j;
}

/** "of the following month", "of next month", "of the month following" at `j`. */
function nextMonth(t: readonly Token[], j: number): boolean {
  if (!isWord(t[j], 'of')) return false;
  let k = isWord(t[j + 1], 'the') ? j + 2 : j + 1;
  if (isWord(t[k], 'month')) return isWord(t[k + 1], 'following');
  if (!isWord(t[k], 'following') && !isWord(t[k], 'next')) return false;
  k++;
  return isWord(t[k], 'month');
}

/** A token that makes the number before it a rate ("2%", "2/10", "1.5", "2 percent"). */
function rateAfter(t: readonly Token[], k: number): boolean {
  const x = t[k];
  if (x === undefined) return false;
  if (x.kind === SYM) {
    const frac = t[k + 1];
    return x.text === '%' || x.text === '/' || (x.text === '.' && isNum(frac) && !frac.gap);
  }
  return x.kind === WORD && (x.text === 'percent' || x.text === 'pct' || x.text === 'per');
}

/** Reads what the token at `i` starts; returns the index after it. */
function step(t: readonly Token[], i: number, r: Reading): number {
  const x = t[i] as Token;
  if (x.kind === NUM) {
    // A full date standing alone ("12/31/2023", "2023-12-31"): a day the buyer may pay by.
    const sep = t[i + 1];
    if (
      sep !== undefined &&
      sep.kind === SYM &&
      isSym(t[i + 3], sep.text) &&
      isNum(t[i + 2]) &&
      isNum(t[i + 4])
    ) {
      const d = readDate(t, i);
      if (d !== undefined) {
        if (d.readings.length > 0) r.dates.push({ kind: 'due', readings: d.readings });
        return d.end;
      }
    }
    const rate = readRate(t, i);
    if (rate !== undefined) {
      const k = rate.end;
      const after = t[k];
      if (isSym(after, '%') || isWord(after, 'percent') || isWord(after, 'pct'))
        return readPercent(t, i, rate.bps, isSym(t[k + 1], '/') ? k + 2 : k + 1, r);
      if (isWord(after, 'per') && isWord(t[k + 1], 'cent')) return readPercent(t, i, rate.bps, k + 2, r);
      const days = t[k + 1];
      if (isSym(after, '/') && isNum(days)) {
        r.slash = larger(r.slash, rate.bps, numberOf(days));
        return pastDays(t, k + 2).end;
      }
    }
    const past = pastDays(t, i + 1);
    const next = t[past.end];
    if (past.days) net(r, numberOf(x));
    else if (
      next?.kind === WORD &&
      (END_OF_MONTH.has(next.text) || next.text === 'rog' || next.text === 'aog')
    )
      net(r, numberOf(x));
    else if (nextMonth(t, past.end)) {
      // "the 15th of the following month": 15 days from the end of the month.
      net(r, numberOf(x));
      r.endOfMonth = true;
    }
    return Math.max(i + 1, past.end);
  }
  if (x.kind !== WORD) return i + 1;
  const w = x.text;
  if (w === 'net' || w === 'netto' || w === 'rog' || w === 'aog') {
    if (w === 'rog' || w === 'aog') r.start = later(r.start, 'delivery');
    let j = i + 1;
    if (isSym(t[j], '-') || isSym(t[j], ':')) j++;
    if (isNum(t[j])) {
      net(r, numberOf(t[j] as Token));
      // A range ("net 30-60", "net 30 to 60"): the longer end ("net 30 - 2% ..." is no range).
      if ((isSym(t[j + 1], '-') || isWord(t[j + 1], 'to')) && isNum(t[j + 2]) && !rateAfter(t, j + 3)) {
        net(r, numberOf(t[j + 2] as Token));
        return j + 3;
      }
      return j + 1;
    }
    return i + 1;
  }
  if (w === 'n' && isSym(t[i + 1], '/') && isNum(t[i + 2])) {
    net(r, numberOf(t[i + 2] as Token));
    return i + 3;
  }
  if (END_OF_MONTH.has(w)) r.endOfMonth = true;
  else if (w === 'end' && isWord(t[i + 1], 'of')) {
    const j = isWord(t[i + 2], 'the') ? i + 3 : i + 2;
    if (isWord(t[j], 'month')) r.endOfMonth = true;
  } else if (DELIVERY.has(w)) r.start = later(r.start, 'delivery');
  else if (w === 'receipt' || w === 'received') {
    let j = i + 1;
    if (isWord(t[j], 'of')) j++;
    if (isWord(t[j], 'the')) j++;
    const goods = t[j]?.kind === WORD && GOODS.has((t[j] as Token).text);
    r.start = later(r.start, goods ? 'delivery' : 'receipt');
  } else if (CASH.has(w)) r.cash = true;
  else if (w === 'advance') {
    if ((isWord(t[i - 1], 'in') && !isWord(t[i + 1], 'of')) || isWord(t[i + 1], 'payment')) r.cash = true;
  } else if (w === 'cash') {
    const a = t[i + 1];
    const b = t[i + 2];
    if (
      (isWord(a, 'with') && isWord(b, 'order')) ||
      ((isWord(a, 'on') || isWord(a, 'before')) && b?.kind === WORD && DELIVERY.has(b.text))
    )
      r.cash = true;
  }
  const kind = DATE_WORDS.get(w);
  if (kind !== undefined) {
    // "due on or before 31 December": past the other date words to the date.
    let j = i + 1;
    for (let n = 0; n < 3 && (DATE_WORDS.has(t[j]?.text ?? '') || SKIP.has(t[j]?.text ?? '')); n++) j++;
    const d = readDate(t, j);
    if (d !== undefined) {
      if (d.readings.length > 0) r.dates.push({ kind, readings: d.readings });
      return d.end;
    }
  }
  return i + 1;
}

const NO_DATES: readonly TermsDate[] = [];

/** Reads terms text (see the file comment). */
export function readTerms(terms: string): ParsedTerms {
  const t = tokenize(terms.toLowerCase());
  const r: Reading = {
    netDays: undefined,
    endOfMonth: false,
    start: 'issue',
    cash: false,
    discount: undefined,
    slash: undefined,
    dates: [],
  };
  for (let i = 0; i < t.length; ) i = step(t, i, r);
  let discount = r.discount;
  if (r.slash !== undefined && (r.netDays !== undefined || r.endOfMonth))
    discount = larger(discount, r.slash.rateBps, r.slash.withinDays);
  return {
    netDays: r.netDays,
    endOfMonth: r.endOfMonth,
    start: r.start,
    cash: r.cash,
    discount,
    dates: r.dates.length === 0 ? NO_DATES : r.dates,
  };
}
