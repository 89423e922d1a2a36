// Reads an invoice's free-text payment terms the way an underwriter would, and where the wording
// could mean two things, the way that costs the financier least: the longer tenor, the larger
// discount, the later date. One linear pass over words and numbers (no backtracking regex), so
// terms of any length are read whole in time proportional to their length. English number words
// ("net sixty", "forty-five") are read as numbers, accents are folded, and the common German,
// French, Spanish, Italian and Dutch wordings (EN 16931 e-invoices) are read like English ones.

import { NUMBER_PREFIXES, NUMBER_STARTS, NUMBER_WORDS } from './termsNumberWords.js';

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
  /**
   * With `endOfMonth`: the wording may also mean the net days from the start, then to the end of
   * the month they end in ("60 giorni fine mese", "30 jours fin de mois", "net 45 EOM"); the later
   * date counts. False for wordings that say which ("30 days after the end of the month", "prox",
   * "MFI", "the 15th of the following month").
   */
  readonly endOfMonthEitherWay: boolean;
  /**
   * With `endOfMonth` and no net days: the wording names the month following the invoice ("MFI",
   * "prox" alone), so the buyer has to the end of that month, not of the month of issue.
   */
  readonly endOfNextMonth: boolean;
  readonly start: TermsStart;
  /** Cash terms (CIA, CWO, PIA, COD, "payment in advance", a 100 % deposit): no credit given to the buyer. */
  readonly cash: boolean;
  /** The largest early-payment discount stated (a deposit is not one). */
  readonly discount: TermsDiscount | undefined;
  /**
   * A discount word not refused ("early payment discount available", "Skonto nach Vereinbarung")
   * and no discount rate read: the buyer may pay less by a rate the terms do not state.
   */
  readonly discountRateUnknown: boolean;
  /** The largest deposit stated ("50% deposit", "30 % Anzahlung"), in basis points of face, or undefined. */
  readonly depositBps: number | undefined;
  readonly dates: readonly TermsDate[];
  /**
   * No net days read, but days stated that the reader could not count: a day word after words it
   * does not read as a number ("zweihundert Tage", "une quinzaine de jours"), or business days
   * ("10 business days", "7 Werktage"), whose date depends on holidays. The words, or undefined.
   */
  readonly daysUnread: string | undefined;
  /**
   * A discount window and no net period ("2/10 EOM", "2% within 10 days"): no net days, no date,
   * no end-of-month net wording ("Net EOM"), no days unread. The net amount is due after the window
   * (customarily 20 days after it), on a date the terms do not state.
   */
  readonly netUnstated: boolean;
  /**
   * With `endOfMonth`: a day of the month after the end-of-month date ("30 jours fin de mois le 10",
   * "60 gg fm + 10", "EOM + 10"): the buyer has that many days past the end of the month the
   * terms reach. Undefined when none is written.
   */
  readonly dayAfterMonthEnd: number | undefined;
}

/** The longest net days read; a larger figure is read as this (held, never dropped). */
export const MAX_NET_DAYS = 99_999;

const NUM = 0;
const WORD = 1;
const SYM = 2;

interface Token {
  readonly kind: 0 | 1 | 2;
  /** Digits (ASCII) for a number, the lower-case word, or the symbol (one spelling for any dash, slash, percent, comma, full stop). */
  readonly text: string;
  /** Whitespace before it. */
  readonly gap: boolean;
}

// The zero of each run of ten decimal digits (Unicode Nd) in the basic plane past ASCII:
// Arabic-Indic, Persian, Devanagari, Bengali, Thai, full-width and the rest. A figure in any of
// them is a figure: "net ٦٠" is net 60, not a word.
const DIGIT_ZEROS = [
  0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50, 0xed0,
  0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50,
  0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10,
];

function digitOf(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c < 0x660) return -1;
  // The last zero at or below c (binary search): a digit when c is within ten of it.
  let lo = 0;
  let hi = DIGIT_ZEROS.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((DIGIT_ZEROS[mid] as number) <= c) lo = mid;
    else hi = mid - 1;
  }
  const zero = DIGIT_ZEROS[lo] as number;
  return c >= zero && c - zero < 10 ? c - zero : -1;
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

/** '-', '/', '%', ',' or '.' for other ways of writing them, '' for other characters. */
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
  // Arabic thousands and decimal separators, full-width comma and full stop: as the ASCII ones.
  if (c === 0x066c || c === 0xff0c) return ',';
  if (c === 0x066b || c === 0xff0e) return '.';
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
      for (;;) {
        while (i < n && digitOf(s.charCodeAt(i)) >= 0) {
          if (s.charCodeAt(i) > 57) ascii = false;
          i++;
        }
        // A thin or narrow no-break space between groups of three digits ("1 000 jours") is a
        // thousands separator (SI, French typography): one figure.
        if (!(i < n && (s.charCodeAt(i) === 0x202f || s.charCodeAt(i) === 0x2009) && isGroup(s, i + 1)))
          break;
        ascii = false;
        i++;
      }
      text = ascii ? s.slice(from, i) : digitsOf(s.slice(from, i));
      kind = NUM;
    } else if (isWordChar(c)) {
      const from = i;
      let marks = false;
      while (i < n && isWordChar(s.charCodeAt(i))) {
        if (isMark(s.charCodeAt(i))) marks = true;
        i++;
      }
      text = marks ? withoutMarks(s.slice(from, i)) : s.slice(from, i);
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

/** A combining accent (the text is in NFD, so "dí" is "d", "i", U+0301). */
function isMark(c: number): boolean {
  return c >= 0x300 && c <= 0x36f;
}

function withoutMarks(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) if (!isMark(s.charCodeAt(i))) out += s.charAt(i);
  return out;
}

/** Exactly three digits at `i`, and no fourth. */
function isGroup(s: string, i: number): boolean {
  for (let k = i; k < i + 3; k++) if (k >= s.length || digitOf(s.charCodeAt(k)) < 0) return false;
  return i + 3 >= s.length || digitOf(s.charCodeAt(i + 3)) < 0;
}

/** ASCII digits for digits in any script (separators between groups dropped). */
function digitsOf(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const d = digitOf(s.charCodeAt(i));
    if (d >= 0) out += String(d);
  }
  return out;
}

/** A number token's value; one too long to matter reads as 1e9. */
function numberOf(t: Token): number {
  let i = 0;
  while (i < t.text.length - 1 && t.text.charCodeAt(i) === 48) i++;
  return t.text.length - i > 9 ? 1e9 : Number(t.text.slice(i));
}

const UNITS = new Map<string, number>([
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
  ['eleven', 11],
  ['twelve', 12],
  ['thirteen', 13],
  ['fourteen', 14],
  ['fifteen', 15],
  ['sixteen', 16],
  ['seventeen', 17],
  ['eighteen', 18],
  ['nineteen', 19],
]);
const TENS = new Map<string, number>([
  ['twenty', 20],
  ['thirty', 30],
  ['forty', 40],
  ['fourty', 40],
  ['fifty', 50],
  ['sixty', 60],
  ['seventy', 70],
  ['eighty', 80],
  ['ninety', 90],
]);

/** "seven", "sixty", "forty-five", "forty five" at `j`. */
function below100(t: readonly Token[], j: number): { value: number; end: number } | undefined {
  const x = t[j];
  if (x === undefined || x.kind !== WORD) return undefined;
  const u = UNITS.get(x.text);
  if (u !== undefined) return { value: u, end: j + 1 };
  const tens = TENS.get(x.text);
  if (tens === undefined) return undefined;
  let k = j + 1;
  if (isSym(t[k], '-') && !(t[k] as Token).gap && !t[k + 1]?.gap) k++;
  const unit = t[k]?.kind === WORD ? UNITS.get((t[k] as Token).text) : undefined;
  return unit !== undefined && unit < 10 ? { value: tens + unit, end: k + 1 } : { value: tens, end: j + 1 };
}

/** An English number in words at `j` ("ninety", "a hundred and twenty", "one hundred eighty"). */
function wordNumber(t: readonly Token[], j: number): { value: number; end: number } | undefined {
  const head = below100(t, j);
  let k: number;
  let lead = 1;
  if (head !== undefined) {
    lead = head.value;
    k = head.end;
  } else if (isWord(t[j], 'a') && isWord(t[j + 1], 'hundred')) k = j + 1;
  else if (isWord(t[j], 'hundred')) k = j;
  else return undefined;
  if (!isWord(t[k], 'hundred')) return head;
  k++;
  const tail = below100(t, isWord(t[k], 'and') ? k + 1 : k);
  return tail === undefined
    ? { value: lead * 100, end: k }
    : { value: lead * 100 + tail.value, end: tail.end };
}

// Before a single unit word of the five other languages (1 to 9, 11, 12), what makes it a number:
// many are words too ("due", "once", "elf", "sept", "un"), so they count only before days.
const SMALL = 13;
const HUNDREDS = new Set(['cent', 'cents', 'cento', 'ciento', 'cientos', 'cien', 'hundert', 'honderd']);

/** The longest wording of NUMBER_WORDS at `j`, a dash allowed between its words. */
function longestNumber(t: readonly Token[], j: number): { value: number; end: number } | undefined {
  const x = t[j] as Token;
  let key = x.text;
  let k = j + 1;
  let value = NUMBER_WORDS.get(key);
  let end = k;
  // Only wordings that begin a longer one are read on ("quatre" of "quatre vingt dix"), so this
  // stops after at most five words.
  while (NUMBER_PREFIXES.has(key)) {
    let m = k;
    if (isSym(t[m], '-') && !(t[m] as Token).gap && !t[m + 1]?.gap) m++;
    const y = t[m];
    if (y === undefined || y.kind !== WORD) break;
    key = `${key} ${y.text}`;
    k = m + 1;
    const v = NUMBER_WORDS.get(key);
    if (v !== undefined) {
      value = v;
      end = k;
    }
  }
  return value === undefined ? undefined : { value, end };
}

/**
 * A German, French, Spanish, Italian or Dutch number word or words at `j`: 1 to 999 (see
 * NUMBER_WORDS), and hundreds written apart ("deux cent cinquante", "zwei hundert").
 */
function foreignNumber(t: readonly Token[], j: number): { value: number; end: number } | undefined {
  const x = t[j];
  if (x === undefined || x.kind !== WORD || !NUMBER_STARTS.has(x.text)) return undefined;
  // "per cent", "pour cent", "por cien": a percent, not a hundred; a hundred after a number word
  // not read as its multiplier is part of a larger number.
  const before = t[j - 1];
  if (
    before?.kind === WORD &&
    HUNDREDS.has(x.text) &&
    (PER.has(before.text) || NUMBER_WORDS.has(before.text) || UNITS.has(before.text))
  )
    return undefined;
  const n = longestNumber(t, j);
  if (n === undefined) return undefined;
  let { value, end } = n;
  let next = t[end];
  if (value > 1 && value < 10 && end === j + 1) {
    // "deux cent cinquante", "deux cents", "zwei hundert": the unit times a hundred, and the rest.
    const h = isSym(next, '-') && !(next as Token).gap ? end + 1 : end;
    const hundred = t[h];
    if (hundred?.kind === WORD && HUNDREDS.has(hundred.text)) {
      const rest = longestNumber(t, h);
      value = value * 100 + (rest !== undefined && rest.value >= 100 ? rest.value - 100 : 0);
      end = rest !== undefined && rest.value >= 100 ? rest.end : h + 1;
      next = t[end];
    }
  }
  if (
    value < SMALL &&
    value !== 10 &&
    end === j + 1 &&
    !(next?.kind === WORD && (DAYS.has(next.text) || WEEKS.has(next.text) || MONTH_PERIODS.has(next.text)))
  )
    return undefined;
  // A longer number begun by these words and not read ("trente et quelques", "deux mille"): better
  // no figure than a shorter one.
  if (isSym(next, '-') && !(next as Token).gap && t[end + 1]?.kind === WORD) return undefined;
  if (next?.kind === WORD && JOINERS.has(next.text) && t[end + 1]?.kind === WORD) {
    const after = (t[end + 1] as Token).text;
    if (!DAYS.has(after) && !NET.has(after)) return undefined;
  }
  return { value, end };
}
// After a number word, what makes it the start of a longer number ("treinta y cinco", "vingt et un").
const JOINERS = new Set(['y', 'et', 'e', 'und', 'en']);

/** A number in digits or words at `j`, for a figure repeated in brackets ("thirty (30)"). */
function anyNumber(
  t: readonly Token[],
  j: number,
): { value: number; end: number; words: boolean } | undefined {
  const x = t[j];
  if (isNum(x)) return { value: numberOf(x), end: j + 1, words: false };
  const w = wordNumber(t, j) ?? foreignNumber(t, j);
  return w === undefined ? undefined : { value: w.value, end: w.end, words: true };
}

/**
 * Numbers written in words become number tokens, and a figure repeated in brackets ("thirty (30)
 * days", "60 (sixty)") one token of the larger (the longer tenor, the larger rate). One pass.
 */
/** A word a number written in words may start with ("forty", "a hundred", "hundred"). */
function startsNumber(w: string): boolean {
  return UNITS.has(w) || TENS.has(w) || w === 'a' || w === 'hundred' || NUMBER_STARTS.has(w);
}

function readWords(t: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < t.length; ) {
    const x = t[i] as Token;
    // Most tokens are no number word and no "30 (thirty)": kept as they are, with no allocation.
    if (x.kind === NUM && x.text.length <= 3) {
      // "1,000 days", "1.000 Tage": one figure, not 1 and then 0 (a tenor a thousand times too
      // short).
      const g = thousands(t, i);
      if (g !== undefined) {
        out.push({ kind: NUM, text: String(g.value), gap: x.gap });
        i = g.end;
        continue;
      }
    }
    // "within a week", "innerhalb eines Monats": the article is the figure 1 (only after a word
    // that asks for a period: "1.5% a month" is a rate per month).
    if (
      x.kind === WORD &&
      ARTICLES.has(x.text) &&
      t[i - 1]?.kind === WORD &&
      (WITHIN.has((t[i - 1] as Token).text) || NET.has((t[i - 1] as Token).text)) &&
      t[i + 1]?.kind === WORD &&
      (WEEKS.has((t[i + 1] as Token).text) || MONTH_PERIODS.has((t[i + 1] as Token).text))
    ) {
      out.push({ kind: NUM, text: '1', gap: x.gap });
      i++;
      continue;
    }
    // "2 hundred days": the multiplier stays a word after a figure (read as a figure it hid the 2).
    if (x.kind === NUM && t[i + 1]?.kind === WORD && MULTIPLIERS.has((t[i + 1] as Token).text)) {
      out.push(x, t[i + 1] as Token);
      i += 2;
      continue;
    }
    if (
      x.kind === SYM ||
      (x.kind === NUM && !isSym(t[i + 1], '(')) ||
      (x.kind === WORD && !startsNumber(x.text))
    ) {
      out.push(x);
      i++;
      continue;
    }
    const a = anyNumber(t, i);
    if (a === undefined) {
      out.push(x);
      i++;
      continue;
    }
    let value = a.value;
    let end = a.end;
    let words = a.words;
    if (isSym(t[end], '(')) {
      const b = anyNumber(t, end + 1);
      if (b !== undefined && isSym(t[b.end], ')') && (words || b.words)) {
        if (b.value > value) value = b.value;
        end = b.end + 1;
        words = true;
      }
    }
    out.push(words ? { kind: NUM, text: String(value), gap: x.gap } : x);
    i = words ? end : i + 1;
  }
  return out;
}

/**
 * A figure in groups of three digits at `i` ("1,000", "1.000", "1,000,000") followed by a
 * day or week word: its value (at most 1e9) and the index after it. Only before days, where no
 * decimal is meant ("1,125 %" is a rate, "30,60 days" two figures, "1,000 units" no days).
 */
function thousands(t: readonly Token[], i: number): { value: number; end: number } | undefined {
  let value = numberOf(t[i] as Token);
  let k = i + 1;
  for (;;) {
    const sep = t[k] as Token | undefined;
    const mark = sep !== undefined && (isSym(sep, ',') || isSym(sep, '.')) && !sep.gap;
    const g = t[k + 1];
    if (!mark || !isNum(g) || g.text.length !== 3 || g.gap) break;
    value = Math.min(value * 1000 + numberOf(g), 1e9);
    k += 2;
  }
  if (k === i + 1) return undefined;
  const after = t[k];
  return pastDays(t, k).days || (after?.kind === WORD && WEEKS.has(after.text))
    ? { value, end: k }
    : undefined;
}

// Words beside a rate that make it a late-payment charge or a tax, not a discount ("1.5% per
// month", "interest 2% after 30 days", "20% VAT", "19 % MwSt"). A deposit is no discount either,
// but it is cut all the same (DEPOSIT): that share is paid before the due date.
const TAX = ['vat', 'tax', 'taxes', 'gst', 'hst', 'mwst', 'ust', 'tva', 'iva', 'btw', 'igic', 'steuer'];
// Words that make a clause a late-payment one: its "after 60 days" is when interest starts, not net days.
const LATE_WORDS = [
  'interest',
  'late',
  'overdue',
  'penalty',
  'penalties',
  'arrears',
  'surcharge',
  'charge',
  'charged',
  'charges',
  'fee',
  'fees',
  'finance',
  'apr',
  'zinsen',
  'verzugszinsen',
  'verzug',
  'interets',
  'interet',
  'penalites',
  'penalite',
  'retard',
  'interes',
  'intereses',
  'mora',
  'demora',
  'recargo',
  'interessi',
  'ritardo',
  'rente',
  'boete',
  'vertragingsrente',
];
const LATE = new Set(LATE_WORDS);
const CHARGE = new Set([...TAX, ...LATE_WORDS, 'monthly', 'annum', 'annual', 'annually']);
// After "per" a period makes a rate a charge ("1.5% per month"); "2% per pagamento" is a discount.
const PERIOD = new Set(['month', 'months', 'annum', 'year', 'day', 'week', 'monat', 'jahr', 'mois', 'an']);
const DISCOUNT_WORDS = new Set([
  'discount',
  'skonto',
  'escompte',
  'remise',
  'descuento',
  'sconto',
  'korting',
  'kredietbeperking',
  'rabatt',
]);
const DEPOSIT = new Set([
  'deposit',
  'down',
  'upfront',
  'front',
  'advance',
  'prepayment',
  'prepaid',
  'retainer',
  'anzahlung',
  'vorauszahlung',
  'vorkasse',
  'acompte',
  'avance',
  'anticipo',
  'acconto',
  'aanbetaling',
  'vooruitbetaling',
]);
// Words that keep a clause's days credit ("interest-free for 60 days", "no interest within 60").
const NEGATION = new Set([
  'free',
  'no',
  'without',
  'waived',
  'not',
  'unless',
  'none',
  'kein',
  'keine',
  'ohne',
  'sans',
  'aucun',
  'aucune',
  'sin',
  'senza',
  'zonder',
  'geen',
]);
// Before days in a late clause, a threshold ("after 60 days", "over 60 days", "more than 60 days").
const THRESHOLD = new Set([
  'after',
  'over',
  'beyond',
  'past',
  'exceeding',
  'than',
  'nach',
  'ab',
  'uber',
  'apres',
  'despues',
  'dopo',
  'oltre',
  'na',
]);
const FILLER = new Set(['of', 'the', 'de', 'di', 'du', 'der', 'des', 'del', 'la', 'van', 'het']);
const ORDINAL = new Set(['st', 'nd', 'rd', 'th']);
const DAYS = new Set([
  'day',
  'days',
  'tag',
  'tage',
  'tagen',
  'jour',
  'jours',
  'j',
  'dia',
  'dias',
  'giorno',
  'giorni',
  'gg',
  'dag',
  'dagen',
  'kalendertag',
  'kalendertage',
  'kalendertagen',
  'kalenderdag',
  'kalenderdagen',
  // Abbreviated: "30d", "30 Tg.", "30 jrs", "30 dgn".
  'd',
  'tg',
  'tge',
  'jrs',
  'dgn',
]);
// Before a period, an article that is its figure ("within a week", "innerhalb einer Woche").
const ARTICLES = new Set(['a', 'an', 'one', 'einer', 'eines', 'einem', 'einen']);
// Weeks: seven days each ("net 8 weeks", "4 Wochen", "2 semaines"); a fortnight two.
const WEEKS = new Set([
  'fortnight',
  'fortnights',
  'week',
  'weeks',
  'wk',
  'wks',
  'woche',
  'wochen',
  'semaine',
  'semaines',
  'semana',
  'semanas',
  'settimana',
  'settimane',
  'weken',
]);
// Months: how many days depends on the calendar, so they are not counted as days ("net 2 months").
const MONTH_PERIODS = new Set([
  'month',
  'months',
  'monat',
  'monats',
  'monate',
  'monaten',
  'mois',
  'mes',
  'meses',
  'mese',
  'mesi',
  'maand',
  'maanden',
]);
// Around a period in months, words that make it no credit ("12 months warranty", "garantie 12 mois").
const GUARANTEE = new Set([
  'warranty',
  'guarantee',
  'garantie',
  'gewährleistung',
  'gewahrleistung',
  'garantía',
  'garantia',
  'garanzia',
]);
// Before a day word, words that keep it calendar days ("30 calendar days", "30 clear days").
const CALENDAR = new Set(['calendar', 'clear']);
// Day words that count, after a word the reader cannot read as a number: days it did not count.
const DAYS_PLURAL = new Set(['days', 'tage', 'tagen', 'jours', 'dias', 'giorni', 'gg', 'dagen']);
// Business days: no calendar date can be told from them without the buyer's holidays. Before a
// day word ("10 business days"), one word ("7 Werktage", "10 werkdagen"), or after a day word
// ("10 jours ouvrés", "10 días hábiles", "10 giorni lavorativi").
const WORKING_BEFORE = new Set(['business', 'working', 'banking', 'bank', 'work']);
const WORKING_DAYS = new Set([
  'werktag',
  'werktage',
  'werktagen',
  'arbeitstag',
  'arbeitstage',
  'arbeitstagen',
  'geschaftstag',
  'geschaftstage',
  'geschaftstagen',
  'bankarbeitstag',
  'bankarbeitstage',
  'bankarbeitstagen',
  'werkdag',
  'werkdagen',
  'businessdays',
  'workdays',
]);
const WORKING_AFTER = new Set([
  'ouvres',
  'ouvre',
  'ouvrables',
  'ouvrable',
  'habiles',
  'habil',
  'laborables',
  'laborable',
  'lavorativi',
  'lavorativo',
  'feriali',
  'bancari',
  'bancarios',
]);
const NET = new Set(['net', 'netto', 'neto']);
const END_OF_MONTH = new Set(['eom', 'mfi', 'prox', 'proximo', 'monatsende', 'fdm', 'fm', 'ffm', 'dffm']);
// End-of-month words that name a day of the following month ("10th prox", "20 MFI"): one reading.
const NEXT_MONTH_DAY = new Set(['mfi', 'prox', 'proximo']);
// Before an end-of-month wording, words that say the days run after it ("30 days after the end
// of the month", "30 Tage nach Monatsende", "ab Ende des Monats", "na einde maand"): one reading.
const AFTER_END = new Set([
  'after',
  'from',
  'following',
  'nach',
  'ab',
  'na',
  'apres',
  'dopo',
  'despues',
  'desde',
  'vanaf',
]);
// "end of (the) month", "fin de mois", "fine (del) mese", "Ende des Monats", "einde (van de) maand".
const END_WORDS = new Set(['end', 'fin', 'fine', 'ende', 'einde']);
const MONTH_WORDS = new Set([
  'month',
  'mois',
  'mes',
  'mese',
  'monats',
  'monat',
  'maand',
  // "Ende des Rechnungsmonats", "Ende des Liefermonats" (the latter a delivery word too).
  'rechnungsmonat',
  'rechnungsmonats',
  'liefermonat',
  'liefermonats',
]);
// Between "end of" and "month": whose month it is ("end of invoice month", "end of delivery month").
const MONTH_OF = new Set(['invoice', 'invoicing', 'billing', 'delivery', 'shipment']);
const DELIVERY = new Set([
  'delivery',
  'delivered',
  'arrival',
  'arrived',
  'arrives',
  'rog',
  'aog',
  'lieferung',
  'lieferdatum',
  'liefermonat',
  'liefermonats',
  'wareneingang',
  'livraison',
  'entrega',
  'consegna',
  'levering',
  'aflevering',
]);
const RECEIPT = new Set([
  'receipt',
  'received',
  'erhalt',
  'eingang',
  'rechnungseingang',
  'rechnungserhalt',
  'reception',
  'recepcion',
  'ricevimento',
  'ricezione',
  'ontvangst',
]);
// Acceptance of the goods or work: at the delivery or after it; the days run from the latest the
// stream shows of delivery and the buyer's acknowledgement, as from receipt.
const ACCEPTANCE = new Set([
  'acceptance',
  'abnahme',
  'acceptation',
  'aceptacion',
  'accettazione',
  'collaudo',
  'aanvaarding',
]);
const GOODS = new Set([
  'goods',
  'merchandise',
  'shipment',
  'delivery',
  'material',
  'materials',
  'products',
  'ware',
  'waren',
  'marchandise',
  'marchandises',
  'mercancia',
  'mercancias',
  'merce',
  'merci',
  'goederen',
]);
const CASH = new Set([
  'cia',
  'cwo',
  'pia',
  'cod',
  'cbd',
  'prepaid',
  'prepayment',
  'comptant',
  'contado',
  'contanti',
  'contant',
  'vorkasse',
  'vorauszahlung',
  'nachnahme',
  'contrarreembolso',
  'contrassegno',
  'rembours',
  'vooruitbetaling',
  'vorauskasse',
  'cad',
]);
// Two-word cash terms: the second word after the first ("pago anticipado", "betaling vooraf").
const CASH_PAIRS = new Map([
  ['anticipado', 'pago'],
  ['anticipato', 'pagamento'],
  ['vooraf', 'betaling'],
  ['commande', 'la'],
  ['documents', 'against'],
]);
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
  ['echeance', 'due'],
  ['bis', 'due'],
  ['fallig', 'due'],
  ['vencimiento', 'due'],
  ['scadenza', 'due'],
  ['uiterlijk', 'due'],
  ['from', 'from'],
  ['after', 'from'],
  ['following', 'from'],
  ['dated', 'from'],
]);
// Between a date word and its date: "due on or before the 31st", "due: 12/31", "bis zum 31.12.".
const SKIP = new Set(['or', 'the', ':', 'zum', 'am', 'le', 'au', 'il', 'el', 'al']);

// What a clause (up to a comma, semicolon or full stop) has said before a token.
const IN_LATE = 1;
const IN_NEGATED = 2;
const IN_DISCOUNT = 4;
/** Last about the goods' supply, claims or validity ("delivery within", "claims within"): its figures are no credit. */
const IN_SUPPLY = 8;

// Words for getting the goods to the buyer, for claims and returns, and for an offer's validity:
// before a "within" word they open a period that is no credit ("claims within 14 days").
const SUPPLY = new Set([
  'claims',
  'complaints',
  'returns',
  'valid',
  'reklamation',
  'reklamationen',
  'mangelrugen',
  'maengelruegen',
  'reclamations',
  'reclamation',
  'reclamaciones',
  'reclami',
  'reclamaties',
  'delivery',
  'shipment',
  'shipping',
  'dispatch',
  'lieferung',
  'lieferzeit',
  'versand',
  'livraison',
  'expedition',
  'entrega',
  'envio',
  'consegna',
  'spedizione',
  'levering',
  'verzending',
]);
const WITHIN = new Set(['within', 'in', 'by', 'for', 'innerhalb', 'binnen', 'sous', 'dans', 'en', 'entro']);
// Words about paying: after them a figure is credit again ("delivery within 5 days, payment within 30").
const PAYING = new Set([
  'pay',
  'payable',
  'payment',
  'paid',
  'net',
  'netto',
  'neto',
  'due',
  'zahlbar',
  'zahlung',
  'zahlungsziel',
  'paiement',
  'pago',
  'pagamento',
  'pagabile',
  'betaling',
  'betaalbaar',
]);

/**
 * A supply word at `i` followed by a "within" word and a figure: "delivery within 2 weeks",
 * "Lieferung innerhalb von 2 Wochen", "livraison sous 15 jours". Not after a word that makes the
 * supply a start ("30 days from delivery in 2 lots"): there it stays the start.
 */
function leadTime(t: readonly Token[], i: number): boolean {
  const x = t[i] as Token;
  if (
    x.kind !== WORD ||
    !SUPPLY.has(x.text) ||
    !(t[i + 1]?.kind === WORD && WITHIN.has((t[i + 1] as Token).text))
  )
    return false;
  const before = t[i - 1];
  if (
    before?.kind === WORD &&
    (AFTER_END.has(before.text) || THRESHOLD.has(before.text) || FILLER.has(before.text))
  )
    return false;
  const k =
    t[i + 2]?.kind === WORD && (FILLER.has((t[i + 2] as Token).text) || isWord(t[i + 2], 'von'))
      ? i + 3
      : i + 2;
  return isNum(t[k]);
}

/** Per token, what its clause said before it (IN_*): one pass. */
function clauseFlags(t: readonly Token[]): Uint8Array {
  const out = new Uint8Array(t.length);
  let f = 0;
  for (let i = 0; i < t.length; i++) {
    out[i] = f;
    const x = t[i] as Token;
    if (x.kind === SYM) {
      // A full stop between digits ("1.5", "31.12.") ends nothing.
      if (
        x.text === ',' ||
        x.text === ';' ||
        (x.text === '.' && !(isNum(t[i - 1]) && isNum(t[i + 1]) && !t[i + 1]?.gap))
      )
        f = 0;
    } else if (x.kind === WORD) {
      if (leadTime(t, i)) f |= IN_SUPPLY;
      else if (PAYING.has(x.text)) f &= ~IN_SUPPLY;
      if (LATE.has(x.text) || (x.text === 'past' && isWord(t[i + 1], 'due'))) f |= IN_LATE;
      else if (NEGATION.has(x.text)) f |= IN_NEGATED;
      else if (DISCOUNT_WORDS.has(x.text)) f |= IN_DISCOUNT;
    }
  }
  return out;
}
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
  /** An end-of-month word that is not a discount window's: every net figure runs from the end of the month. */
  endOfMonth: boolean;
  /** An end-of-month word after a discount window ("2% 10th prox"): net figures after it run from the end of the month. */
  windowEndOfMonth: boolean;
  /** `endOfMonth` set by a wording that can be read both ways (see {@link ParsedTerms.endOfMonthEitherWay}). */
  eitherWay: boolean;
  /** `windowEndOfMonth` set by such a wording. */
  windowEitherWay: boolean;
  /** `endOfMonth` set by a word naming the following month ("MFI", "prox"). */
  nextMonth: boolean;
  /** The index just after the last discount window read ("2% 10th|", "2/10|"). */
  windowEnd: number;
  /** Days in a late-payment clause ("interest after 60 days"): net days only if nothing else is. */
  lateDays: number | undefined;
  start: TermsStart;
  cash: boolean;
  discount: TermsDiscount | undefined;
  /** A discount word not refused in its clause ("no discount", "ohne Skonto", "discount: none"). */
  discountWord: boolean;
  depositBps: number | undefined;
  /** "2/10" counts only beside net days or end-of-month terms ("2/10" alone may be a date). */
  slash: TermsDiscount | undefined;
  dates: TermsDate[];
  /** Per token, what its clause said before it (IN_*). */
  clause: Uint8Array;
  /** The first days not counted: a day word after a word not read as a number, or business days. */
  unread: string | undefined;
  /** The index just after the last end-of-month wording ("fin de mois|", "fm|", "d.f.f.m.|"). */
  eomEnd: number;
  /** A day of the month after the end-of-month date ("le 10", "+ 10"), the largest. */
  dayAfter: number | undefined;
  /** The first start the engine cannot date ("end of quarter", "EOQ", "after installation"): no net days are read beside it. */
  quarter: string | undefined;
}

const isWord = (t: Token | undefined, w: string): boolean =>
  t !== undefined && t.kind === WORD && t.text === w;
const isSym = (t: Token | undefined, s: string): boolean => t !== undefined && t.kind === SYM && t.text === s;
const isNum = (t: Token | undefined): t is Token => t !== undefined && t.kind === NUM;

function net(r: Reading, days: number): void {
  const d = Math.min(days, MAX_NET_DAYS);
  if (r.netDays === undefined || d > r.netDays) r.netDays = d;
}

/** An end-of-month word at `i`: a discount window's when it follows one, else every net figure's. */
function endOfMonthAt(t: readonly Token[], r: Reading, i: number): void {
  r.eomEnd = endOfMonthEnd(t, i);
  const both = eitherWay(t, i);
  if (i === r.windowEnd) {
    r.windowEndOfMonth = true;
    if (both) r.windowEitherWay = true;
  } else {
    r.endOfMonth = true;
    if (both) r.eitherWay = true;
    if (NEXT_MONTH_DAY.has((t[i] as Token).text) || endOfNextMonthWording(t, i)) r.nextMonth = true;
  }
}

/**
 * Whether the end-of-month wording at `i` may also mean "the days, then to the end of that month":
 * not a day of the next month ("prox", "MFI"), and not after a word that puts the days after it.
 */
function eitherWay(t: readonly Token[], i: number): boolean {
  if (NEXT_MONTH_DAY.has((t[i] as Token).text)) return false;
  let b = i - 1;
  for (let n = 0; n < 2 && t[b]?.kind === WORD && FILLER.has((t[b] as Token).text); n++) b--;
  return !(t[b]?.kind === WORD && AFTER_END.has((t[b] as Token).text));
}

/**
 * A word that offers a discount ("discount", "Skonto", "Skontoabzug", "sconto", "escompte"); not
 * "remise", which also means handing over ("dès remise de la facture").
 */
function isDiscountWord(w: string): boolean {
  return (DISCOUNT_WORDS.has(w) && w !== 'remise') || w === 'discounts' || w.startsWith('skonto');
}

/**
 * Whether the discount word at `i` is refused in its clause: after a negation ("no discount", "ohne
 * Skonto") or followed by one within three words ("discount: none", "discount not available",
 * "discount n/a").
 */
function refused(t: readonly Token[], i: number, r: Reading): boolean {
  if (((r.clause[i] as number) & IN_NEGATED) !== 0) return true;
  for (let j = i + 1; j <= i + 3; j++) {
    const y = t[j];
    if (y === undefined || isSym(y, ',') || isSym(y, ';') || isSym(y, '.')) return false;
    if (y.kind === WORD && NEGATION.has(y.text)) return true;
    if (isWord(y, 'n') && isSym(t[j + 1], '/') && isWord(t[j + 2], 'a')) return true;
  }
  return false;
}

/** Whether an end-of-month wording starts at `j` ("EOM", "end of the month", "fin de mois"). */
function isEndOfMonth(t: readonly Token[], j: number): boolean {
  const x = t[j];
  if (x === undefined || x.kind !== WORD) return false;
  if (END_OF_MONTH.has(x.text)) return true;
  // Written with its dots: "e.o.m.", "f.m.", "d.f.f.m." (data fattura fine mese).
  if (x.text.length === 1 && isSym(t[j + 1], '.') && !t[j + 1]?.gap) return END_OF_MONTH.has(dotted(t, j));
  // "month end", "month-end".
  if (x.text === 'month') return isWord(t[isSym(t[j + 1], '-') ? j + 2 : j + 1], 'end');
  if (!END_WORDS.has(x.text)) return false;
  // "end of the month", "end-of-month", "fin-de-mois", "end of next month".
  const k = monthWordAfter(t, j);
  return t[k]?.kind === WORD && MONTH_WORDS.has((t[k] as Token).text);
}

// Between an end word and its month word, a word that makes it the month after ("end of next month").
const NEXT = new Set(['next', 'following']);

/** The index of the month word after the end word at `j` ("end of the|month"), past fillers. */
function monthWordAfter(t: readonly Token[], j: number): number {
  let k = j + 1;
  for (let n = 0; n < 4; n++) {
    const y = t[k];
    const hyphen = isSym(y, '-') && !(y as Token).gap;
    if (!hyphen && !(y?.kind === WORD && (FILLER.has(y.text) || NEXT.has(y.text) || MONTH_OF.has(y.text))))
      break;
    k++;
  }
  return k;
}

/** Whether the end-of-month wording at `j` names the month after ("end of next month", "end of the month following"). */
function endOfNextMonthWording(t: readonly Token[], j: number): boolean {
  if (!END_WORDS.has((t[j] as Token).text)) return false;
  const k = monthWordAfter(t, j);
  for (let b = j + 1; b < k; b++) if (NEXT.has((t[b] as Token).text)) return true;
  return isWord(t[k + 1], 'following');
}

/** The index just after the end-of-month wording at `j` (see isEndOfMonth). */
function endOfMonthEnd(t: readonly Token[], j: number): number {
  const x = t[j] as Token;
  if (x.text.length === 1) {
    const letters = dotted(t, j).length;
    return isSym(t[j + 2 * letters - 1], '.') ? j + 2 * letters : j + 2 * letters - 1;
  }
  if (x.text === 'month') return isSym(t[j + 1], '-') ? j + 3 : j + 2;
  if (!END_WORDS.has(x.text)) return j + 1;
  const k = monthWordAfter(t, j);
  return isWord(t[k + 1], 'following') ? k + 2 : k + 1;
}

// Between an end-of-month wording and a day of the month after: "fin de mois le 10", "fm + 10",
// "fine mese il 10", "Monatsende am 10.".
const DAY_OF_MONTH = new Set(['le', 'il', 'al', 'am', 'el']);

/** A day of the month after the end-of-month wording that ends before `i` ("le 10", "+ 10"). */
function afterMonthEnd(t: readonly Token[], i: number, r: Reading): boolean {
  if (r.eomEnd < 0) return false;
  let b = i - 1;
  const x = t[b];
  if (!(isSym(x, '+') || (x?.kind === WORD && DAY_OF_MONTH.has(x.text)))) return false;
  b--;
  if (isSym(t[b], ',')) b--;
  return b + 1 === r.eomEnd && numberOf(t[i] as Token) <= 31;
}

/** The letters of an abbreviation written with dots at `j` ("d.f.f.m." is "dffm"), at most five. */
function dotted(t: readonly Token[], j: number): string {
  let out = '';
  for (let k = j; out.length < 5; k += 2) {
    const x = t[k];
    if (x === undefined || x.kind !== WORD || x.text.length !== 1 || (k > j && x.gap)) break;
    out += x.text;
    if (!isSym(t[k + 1], '.') || (t[k + 1] as Token).gap) break;
  }
  return out;
}

/**
 * Days at `i` (ending at `end`) that say when a late-payment charge starts ("interest after 60
 * days", "accounts 60 days past due"), not the credit given; never when the clause keeps them
 * credit ("interest-free for 60 days", "no interest within 60 days").
 */
function lateFigure(t: readonly Token[], i: number, end: number, r: Reading): boolean {
  const f = r.clause[i] as number;
  if ((f & IN_NEGATED) !== 0) return false;
  const after = t[end];
  if (
    isWord(after, 'overdue') ||
    isWord(after, 'late') ||
    (isWord(after, 'past') && isWord(t[end + 1], 'due'))
  )
    return true;
  if ((f & IN_LATE) === 0) return false;
  let b = i - 1;
  if (t[b]?.kind === WORD && FILLER.has((t[b] as Token).text)) b--;
  return t[b]?.kind === WORD && THRESHOLD.has((t[b] as Token).text);
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

/** Past an ordinal suffix ("10th") and a "day(s)" word ("60-day" too). */
function pastDays(t: readonly Token[], j: number): { end: number; days: boolean } {
  if (ORDINAL.has(t[j]?.kind === WORD ? (t[j] as Token).text : '')) j++;
  if (
    t[j]?.kind === WORD &&
    CALENDAR.has((t[j] as Token).text) &&
    t[j + 1]?.kind === WORD &&
    DAYS.has((t[j + 1] as Token).text)
  )
    j++;
  if (t[j]?.kind === WORD && DAYS.has((t[j] as Token).text)) return { end: j + 1, days: true };
  const d = t[j + 1];
  if (isSym(t[j], '-') && !(t[j] as Token).gap && d?.kind === WORD && !d.gap && DAYS.has(d.text))
    return { end: j + 2, days: true };
  return { end: j, days: false };
}

/** Business days at `j` ("business days", "Werktage", "jours ouvrés"): the index after them, or -1. */
function workingDays(t: readonly Token[], j: number): number {
  if (ORDINAL.has(t[j]?.kind === WORD ? (t[j] as Token).text : '')) j++;
  const x = t[j];
  if (x === undefined || x.kind !== WORD) return -1;
  if (WORKING_DAYS.has(x.text)) return j + 1;
  const y = t[j + 1];
  if (y === undefined || y.kind !== WORD) return -1;
  if (WORKING_BEFORE.has(x.text) && DAYS.has(y.text)) return j + 2;
  if (DAYS.has(x.text) && WORKING_AFTER.has(y.text)) return j + 2;
  return -1;
}

/**
 * Weeks or months after the figure at `i` ("8 weeks", "2 Monate"): reads weeks as net days (seven
 * each) and records months as not counted, wherever they stand ("pago a 2 meses"), unless a
 * late-payment clause or a guarantee makes them something else; the index after them, or -1.
 */
function period(t: readonly Token[], i: number, r: Reading, afterNet: boolean): number {
  const x = t[i + 1];
  if (x === undefined || x.kind !== WORD) return -1;
  if (WEEKS.has(x.text)) {
    // Like days: "interest after 8 weeks" says when a charge starts, not the credit given.
    const days = numberOf(t[i] as Token) * (x.text.startsWith('fortnight') ? 14 : 7);
    if (!lateFigure(t, i, i + 2, r)) net(r, days);
    else if (r.lateDays === undefined || days > r.lateDays) r.lateDays = days;
    return i + 2;
  }
  // "30 month end": days, then an end-of-month wording, not months.
  if (!MONTH_PERIODS.has(x.text) || isEndOfMonth(t, i + 1)) return -1;
  // Months are credit wherever they stand, as days are read ("pago a 2 meses", "Zahlungsziel 2
  // Monate"); only a late-payment clause or a guarantee after them makes them something else.
  if ((r.clause[i] as number) & IN_LATE || lateFigure(t, i, i + 2, r)) return i + 2;
  const after = t[i + 2];
  if (after?.kind === WORD && GUARANTEE.has(after.text)) return -1;
  const before = t[i - 1];
  if (before?.kind === WORD && GUARANTEE.has(before.text)) return -1;
  if (!afterNet && before?.kind === WORD && before.text === 'per') return -1;
  unread(t, r, i, i + 2);
  return i + 2;
}

// Beside days or weeks, words that make them no credit ("30 days warranty", "14 days trial").
const NOT_CREDIT = new Set([...GUARANTEE, 'return', 'returns', 'retour', 'trial']);

/** Days or weeks at `i` beside a warranty, return or trial word: the index after them, or -1. */
function warrantyPeriod(t: readonly Token[], i: number): number {
  const past = pastDays(t, i + 1);
  const weeks = !past.days && t[i + 1]?.kind === WORD && WEEKS.has((t[i + 1] as Token).text);
  if (!past.days && !weeks) return -1;
  const end = weeks ? i + 2 : past.end;
  const before = t[i - 1];
  const after = t[end];
  return (before?.kind === WORD && NOT_CREDIT.has(before.text)) ||
    (after?.kind === WORD && NOT_CREDIT.has(after.text))
    ? end
    : -1;
}

/** Records the first days not counted, tokens `from` to `end` (exclusive), as words. */
function unread(t: readonly Token[], r: Reading, from: number, end: number): void {
  if (r.unread === undefined) r.unread = wordsOf(t, from, end);
}

/** Tokens `from` to `end` (exclusive) as words, symbols left out. */
function wordsOf(t: readonly Token[], from: number, end: number): string {
  let out = '';
  for (let k = Math.max(0, from); k < end; k++) {
    const x = t[k] as Token;
    if (x.kind === SYM) continue;
    out = out === '' ? x.text : `${out} ${x.text}`;
  }
  return out;
}

const QUARTER = new Set(['quarter', 'quartal', 'quartals', 'trimestre', 'kwartaal']);
// Between "close of" and "quarter", or "after" and "quarter": which quarter ("each calendar quarter").
const WHICH_QUARTER = new Set(['each', 'every', 'calendar', 'fiscal', 'financial', 'current', 'billing']);

// Events after the delivery that no stream event dates: days from them cannot be counted.
const UNDATED_EVENTS = new Set([
  'approval',
  'certification',
  'installation',
  'commissioning',
  'completion',
  'sign',
  'signoff',
  'go',
  'inbetriebnahme',
  'fertigstellung',
  'montage',
  'mise',
  'installazione',
  'instalacion',
  'puesta',
  'installatie',
  'oplevering',
]);
// Before such an event, words that make it the start of the days ("after installation").
const FROM_EVENT = new Set([...AFTER_END, 'upon', 'on', 'dalla', 'dal', 'tras']);

/** An undated event at `i` the days run from ("after installation", "nach Inbetriebnahme"): the index after it, or -1. */
function undatedStart(t: readonly Token[], i: number): number {
  if (!UNDATED_EVENTS.has((t[i] as Token).text)) return -1;
  let b = i - 1;
  for (let n = 0; n < 2 && t[b]?.kind === WORD && FILLER.has((t[b] as Token).text); n++) b--;
  return t[b]?.kind === WORD && FROM_EVENT.has((t[b] as Token).text) ? i + 1 : -1;
}

/**
 * An end-of-quarter wording at `i` ("end of quarter", "quarter end", "EOQ", "Quartalsende", "fin
 * de trimestre"): the index after it, or -1. The engine dates no quarter: such terms are held.
 */
function quarterEnd(t: readonly Token[], i: number): number {
  const w = (t[i] as Token).text;
  if (w === 'eoq' || w === 'quartalsende') return i + 1;
  if (END_WORDS.has(w) || w === 'close') {
    let k = monthWordAfter(t, i);
    while (t[k]?.kind === WORD && WHICH_QUARTER.has((t[k] as Token).text)) k++;
    return t[k]?.kind === WORD && QUARTER.has((t[k] as Token).text) ? k + 1 : -1;
  }
  if (!QUARTER.has(w)) return -1;
  const k = isSym(t[i + 1], '-') ? i + 2 : i + 1;
  if (isWord(t[k], 'end') || isWord(t[k], 'close')) return k + 1;
  // "following the quarter", "after each calendar quarter": days from a quarter the engine cannot date.
  let b = i - 1;
  for (
    let n = 0;
    n < 3 &&
    t[b]?.kind === WORD &&
    (FILLER.has((t[b] as Token).text) || WHICH_QUARTER.has((t[b] as Token).text));
    n++
  )
    b--;
  return t[b]?.kind === WORD && AFTER_END.has((t[b] as Token).text) ? i + 1 : -1;
}

/**
 * A day word at `i` after a word the reader does not read as a number ("zweihundert Tage",
 * "une quinzaine de jours", "umpteen business days"), or business days in one word after one
 * ("sieben Werktage"): days stated and not counted.
 */
function daysNotRead(t: readonly Token[], i: number, r: Reading): void {
  const w = (t[i] as Token).text;
  if (!DAYS_PLURAL.has(w) && !WORKING_DAYS.has(w)) return;
  let b = i - 1;
  if (t[b]?.kind === WORD && WORKING_BEFORE.has((t[b] as Token).text)) b--;
  if (t[b]?.kind !== WORD) return;
  unread(t, r, t[b - 1]?.kind === WORD ? b - 1 : b, i + 1);
}

const PERCENT_WORDS = new Set(['percent', 'pct', 'prozent', 'procent', 'porcentaje']);
// Vulgar fractions after a rate's whole number, in basis points.
const FRACTIONS = new Map([
  ['\u00bd', 50],
  ['\u00bc', 25],
  ['\u00be', 75],
]);
const PER = new Set(['per', 'pour', 'por']);
const CENT = new Set(['cent', 'cento', 'ciento', 'cien']);

/**
 * How many tokens a percent sign or word takes at `k` ("%", "percent", "Prozent", "per cent",
 * "pour cent", "por ciento", "per cento"); 0 when there is none.
 */
function percentLength(t: readonly Token[], k: number): number {
  const x = t[k];
  if (x === undefined) return 0;
  if (x.kind === SYM) return x.text === '%' ? 1 : 0;
  if (x.kind !== WORD) return 0;
  // "pc" is also pieces ("min 2 pc"): a percent only before a window or a discount word.
  if (x.text === 'pc') {
    const y = t[k + 1];
    if (y === undefined) return 0;
    return y.kind === NUM ||
      (y.kind === WORD && (DISCOUNT_WORDS.has(y.text) || y.text === 'within' || y.text === 'if'))
      ? 1
      : 0;
  }
  if (PERCENT_WORDS.has(x.text)) return 1;
  const y = t[k + 1];
  return PER.has(x.text) && y?.kind === WORD && CENT.has(y.text) ? 2 : 0;
}

/** A rate of at most two whole digits, with decimals in basis points rounded up. */
function readRate(t: readonly Token[], i: number): { bps: number; end: number } | undefined {
  const a = t[i] as Token;
  const whole = numberOf(a);
  if (whole > 100 || a.text.length > 3) return undefined;
  // "100%" (all of it: a full deposit is cash terms); a bare 100 is no rate ("100/10").
  if (whole === 100 && percentLength(t, i + 1) === 0) return undefined;
  let bps = whole * 100;
  let end = i + 1;
  // "2½%", "1 ¾ %": a vulgar fraction after the whole number.
  const fraction = t[end]?.kind === WORD ? FRACTIONS.get((t[end] as Token).text) : undefined;
  if (fraction !== undefined && percentLength(t, end + 1) > 0) return { bps: bps + fraction, end: end + 1 };
  const dot = t[end];
  const frac = t[end + 1];
  // A decimal point, or a decimal comma ("2,00 %", "12,5 % Skonto") when a percent follows: "1,000"
  // and "30,60" are no rates.
  const decimalComma = isSym(dot, ',') && isNum(frac) && percentLength(t, end + 2) > 0;
  if ((isSym(dot, '.') || decimalComma) && !(dot as Token).gap && isNum(frac) && !frac.gap) {
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

/** A clause ends at `j`: a comma, semicolon or colon, or a full stop not between digits ("1.5"). */
function endsClause(t: readonly Token[], j: number): boolean {
  const x = t[j] as Token;
  if (x.kind !== SYM) return false;
  if (x.text === ',' || x.text === ';' || x.text === ':') return true;
  return x.text === '.' && !(isNum(t[j - 1]) && isNum(t[j + 1]) && !t[j + 1]?.gap);
}

/** A word at `j` that makes a rate a charge or a tax ("per" only before a period: "per month"). */
function isCharge(t: readonly Token[], j: number): boolean {
  const x = t[j] as Token;
  if (x.kind !== WORD) return false;
  if (x.text === 'per') return t[j + 1]?.kind === WORD && PERIOD.has((t[j + 1] as Token).text);
  return CHARGE.has(x.text);
}

function deposit(r: Reading, bps: number): void {
  // All of it in advance is no credit at all: cash terms (held), not a cut of the whole face.
  if (bps >= 10_000) r.cash = true;
  else if (r.depositBps === undefined || bps > r.depositBps) r.depositBps = bps;
}

// A part of the invoice kept back and paid later ("10% retention", "retainage 5%", "Einbehalt").
const SHARE = new Set(['retention', 'retainage', 'holdback', 'retenue', 'einbehalt', 'sicherheitseinbehalt']);
// Just before a share's days, words that date the payment ("50% at 90 days", "payable 180 days").
const PAID_AT = new Set(['at', 'payable', 'due']);

/**
 * A rate written with a percent ("2% 10", "2% within 10 days", "2 percent discount if paid within
 * 10 days", "2 % Skonto bei Zahlung innerhalb 10 Tagen"): a discount, a charge or tax (nothing),
 * or a deposit ("50% deposit", "acompte de 30 %").
 */
function readPercent(t: readonly Token[], i: number, bps: number, k: number, r: Reading): number {
  // A discount word just before or after the rate names it a discount whatever else is near
  // ("Skonto 2 %, Verzugszinsen 5 %", "MwSt. 2 % Skonto").
  let named = false;
  for (let b = Math.max(0, i - 3); b < i; b++) if (DISCOUNT_WORDS.has((t[b] as Token).text)) named = true;
  for (let b = k; b < k + 3 && b < t.length && !endsClause(t, b); b++)
    if (DISCOUNT_WORDS.has((t[b] as Token).text)) named = true;
  // A charge or deposit word in the rate's own clause only: "Net 30 incl. VAT, 2% 10 days" and
  // "Net 60 excl. VAT. 2% ..." are discounts (a tax named in the clause before must not drop it).
  if (!named)
    for (let b = i - 1; b >= Math.max(0, i - 3); b--) {
      if (endsClause(t, b)) break;
      if (isCharge(t, b)) return k;
      if (DEPOSIT.has((t[b] as Token).text)) {
        deposit(r, bps);
        return k;
      }
    }
  // A share of the invoice paid later ("retention 10% payable 180 days", "50% at 90 days"): its
  // days are when that part comes, so net days (the latest counts), not a discount's window. A
  // small rate "at" or "due" days stays a discount ("2% payable within 10 days").
  let share = false;
  for (let b = i - 1; b >= Math.max(0, i - 3) && !endsClause(t, b); b--)
    if (SHARE.has((t[b] as Token).text)) share = true;
  let days: number | undefined;
  let j = k;
  for (let seen = 0; j < t.length && seen < 8; seen++) {
    const x = t[j] as Token;
    if (x.kind === NUM && !named && (share || (bps >= 1000 && PAID_AT.has((t[j - 1] as Token).text)))) {
      const past = pastDays(t, j + 1);
      if (past.days) {
        net(r, numberOf(x));
        return past.end;
      }
    }
    if (x.kind === NUM) {
      const past = pastDays(t, j + 1);
      // "2%, 30 days net": the 30 is the net days, not the discount's window.
      const after = t[past.end];
      if (
        past.days &&
        after?.kind === WORD &&
        NET.has(after.text) &&
        !isNum(t[past.end + 1]) &&
        !isSym(t[past.end + 1], '-')
      )
        break;
      days = numberOf(x);
      j = past.end;
      r.windowEnd = j;
      break;
    }
    if (x.kind === WORD) {
      if (DISCOUNT_WORDS.has(x.text)) named = true;
      else if (SHARE.has(x.text)) share = true;
      else if (isCharge(t, j)) {
        if (named) break;
        return j + 1;
      } else if (!named && DEPOSIT.has(x.text)) {
        deposit(r, bps);
        return j + 1;
      } else if (NET.has(x.text) || x.text === 'n') break;
    } else if (x.text === ';' || x.text === '.' || x.text === ',') break;
    j++;
  }
  // The window is read in the rate's clause only: "2% discount, payable within 60 days" states
  // net 60, not a 60-day window.
  r.discount = larger(r.discount, bps, days);
  return j;
}

// "of the month following", "du mois suivant", "del mese successivo", "van de volgende maand".
const OF = new Set(['of', 'du', 'del', 'des', 'van', 'di', 'de']);
const FOLLOWING = new Set([
  'following',
  'next',
  'after',
  'suivant',
  'successivo',
  'siguiente',
  'proximo',
  'volgende',
]);

/**
 * "of the following month", "of next month", "of the month following", "of the month after",
 * and the same in other languages ("du mois suivant", "des Folgemonats", "del mes siguiente",
 * "van de volgende maand") at `j`, "of" left out too.
 */
function nextMonth(t: readonly Token[], j: number): boolean {
  let k = j;
  // "10. des Folgemonats", "10e van de volgende maand".
  if (isSym(t[k], '.') && !t[k]?.gap) k++;
  else if (isWord(t[k], 'e') && !t[k]?.gap) k++;
  if (t[k]?.kind === WORD && OF.has((t[k] as Token).text)) k++;
  if (isWord(t[k], 'the') || isWord(t[k], 'de')) k++;
  if (isWord(t[k], 'folgemonats') || isWord(t[k], 'folgemonat')) return true;
  if (t[k]?.kind === WORD && MONTH_WORDS.has((t[k] as Token).text))
    return t[k + 1]?.kind === WORD && FOLLOWING.has((t[k + 1] as Token).text) && !isWord(t[k + 1], 'next');
  if (!(t[k]?.kind === WORD && FOLLOWING.has((t[k] as Token).text))) return false;
  k++;
  return t[k]?.kind === WORD && MONTH_WORDS.has((t[k] as Token).text);
}

/** A token that makes the number before it a rate ("2%", "2/10", "1.5", "2 percent"). */
function rateAfter(t: readonly Token[], k: number): boolean {
  const x = t[k];
  if (x === undefined) return false;
  if (x.kind === SYM) {
    const frac = t[k + 1];
    return x.text === '%' || x.text === '/' || (x.text === '.' && isNum(frac) && !frac.gap);
  }
  return x.kind === WORD && (percentLength(t, k) > 0 || x.text === 'per');
}

// Letters that pass for 0 or 1 beside digits: Latin o, l, i; Cyrillic о, і; Greek ο.
const LOOKALIKES = new Set(['o', 'l', 'i', '\u043e', '\u0456', '\u03bf']);

// After a figure, words that multiply it ("one thousand", "2 hundred", "1k", "2 tausend").
const MULTIPLIERS = new Set([
  'hundred',
  'thousand',
  'thousands',
  'k',
  'million',
  'tausend',
  'hundert',
  'mille',
  'mil',
  'mila',
  'duizend',
  'honderd',
]);

/**
 * A figure at `j` run on by letters that look like digits ("3O", "1OO", "6l"), by a multiplier
 * ("one thousand", "1k", "2 hundred"), by a group of three digits after a space ("30 000 days"),
 * or a single digit and another after a space ("3 0 days"; after "net", "net 3 0"): not the
 * figure it starts (net 3 for "net 3O days"); the index after them (and a day word), or -1.
 */
function lookalikeFigure(t: readonly Token[], j: number, afterNet: boolean): number {
  const w = t[j + 1];
  if (w?.kind === WORD && MULTIPLIERS.has(w.text)) return pastDays(t, j + 2).end;
  const single = (t[j] as Token).text.length === 1 && w?.text.length === 1;
  if (
    w?.kind === NUM &&
    w.gap &&
    !rateAfter(t, j + 2) &&
    (single || (w.text.length === 3 && (t[j] as Token).text.length <= 3))
  ) {
    const past = pastDays(t, j + 2);
    return afterNet || past.days ? past.end : -1;
  }
  if (w === undefined || w.kind !== WORD || w.gap) return -1;
  for (let k = 0; k < w.text.length; k++) if (!LOOKALIKES.has(w.text.charAt(k))) return -1;
  return pastDays(t, j + 2).end;
}

/**
 * Figures at `j` joined by slashes ("30/60/90", "30 / 60") or, with `or`, by "or" ("30 or 60"),
 * each larger than the one before (instalments or choices, the buyer's longest counts) and none
 * a rate ("30 / 2% 10"): how many, the largest, and the index after the last.
 */
/**
 * A comma at `k` that joins figures: inside a list already begun, or before a figure another
 * joiner follows ("net 30, 60 or 90", "net 30,60,90"). A lone comma after a figure ends the net
 * days ("Net 10, 30 days warranty" is net 10 and a warranty).
 */
function listComma(t: readonly Token[], k: number, count: number): boolean {
  if (!isSym(t[k], ',')) return false;
  if (count >= 2) return true;
  const next = t[k + 2];
  return (isSym(next, ',') || isSym(next, '/') || isWord(next, 'or')) && isNum(t[k + 3]);
}

function figureList(
  t: readonly Token[],
  j: number,
  or: boolean,
): { count: number; largest: number; end: number } {
  let count = 1;
  let largest = numberOf(t[j] as Token);
  let k = j + 1;
  // A slash after a figure continues the list here ("30/60/90"; after "net" also "or" and a comma,
  // "net 30, 60 or 90"); a discount after one ("2/10", "net 30, 2% 10") cannot, its rate being
  // smaller than the figure before.
  while (
    (isSym(t[k], '/') || (or && (isWord(t[k], 'or') || listComma(t, k, count)))) &&
    isNum(t[k + 1]) &&
    (isSym(t[k + 2], '/') || !rateAfter(t, k + 2))
  ) {
    const n = numberOf(t[k + 1] as Token);
    if (n <= largest) break;
    largest = n;
    count++;
    k += 2;
  }
  return { count, largest, end: k };
}

/** Reads what the token at `i` starts; returns the index after it. */
function step(t: readonly Token[], i: number, r: Reading): number {
  const x = t[i] as Token;
  if (x.kind === NUM) {
    // Figures joined by slashes, the first 10 or more ("30/60", "30 / 60 / 90", "30/60 days"):
    // instalment days, the last counts, day word or not. A full date ("10/15/2024") stays a date;
    // two figures that may be a month and day or a rate and days ("12/31", "10/20") are held.
    if (isSym(t[i + 1], '/') && numberOf(x) >= 10 && x.text.length <= 3) {
      const list = figureList(t, i, false);
      const days = pastDays(t, list.end);
      const date = list.count === 3 && !days.days ? readDate(t, i) : undefined;
      // Two figures before stated net days ("10/32 net 60") are the classic discount form: read as
      // a discount they cut the eligible amount, read as instalments they would cut nothing.
      const discountForm = list.count === 2 && !days.days && isWord(t[list.end], 'net');
      if (list.count >= 2 && !discountForm && (date === undefined || date.readings.length === 0)) {
        if (list.count > 2 || days.days || numberOf(x) > 12 || list.largest > 31) {
          net(r, list.largest);
          return days.end;
        }
        unread(t, r, i, list.end);
      }
    }
    // A full date standing alone ("12/31/2023", "2023-12-31"): a day the buyer may pay by.
    const sep = t[i + 1];
    if (
      sep !== undefined &&
      sep.kind === SYM &&
      isSym(t[i + 3], sep.text) &&
      isNum(t[i + 2]) &&
      isNum(t[i + 4])
    ) {
      // "30/60/90 days" (instalments): net days, the last of them.
      if (sep.text !== '.' && pastDays(t, i + 5).days) {
        net(r, Math.max(numberOf(x), numberOf(t[i + 2] as Token), numberOf(t[i + 4] as Token)));
        return pastDays(t, i + 5).end;
      }
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
      const pct = percentLength(t, k);
      if (pct > 0) return readPercent(t, i, rate.bps, isSym(t[k + pct], '/') ? k + pct + 1 : k + pct, r);
      const days = t[k + 1];
      if (isSym(after, '/') && isNum(days)) {
        r.slash = larger(r.slash, rate.bps, numberOf(days));
        r.windowEnd = pastDays(t, k + 2).end;
        return r.windowEnd;
      }
    }
    const lookalike = lookalikeFigure(t, i, false);
    if (lookalike > 0) {
      unread(t, r, i, lookalike);
      return lookalike;
    }
    // "fin de mois le 10", "fm + 10": the 10th of the month after the end-of-month date.
    if (afterMonthEnd(t, i, r)) {
      const n = numberOf(x);
      if (r.dayAfter === undefined || n > r.dayAfter) r.dayAfter = n;
      return pastDays(t, i + 1).end;
    }
    // "delivery within 2 weeks": when the goods come, not the credit given.
    if (((r.clause[i] as number) & IN_SUPPLY) !== 0) return i + 1;
    // "30 days warranty", "Garantie 30 Tage", "14 days trial": a period that is no credit.
    const warranty = warrantyPeriod(t, i);
    if (warranty > 0) return warranty;
    // "10 business days", "7 Werktage", "10 jours ouvrés": not calendar days, so not net days.
    const working = workingDays(t, i + 1);
    if (working > 0) {
      unread(t, r, i, working);
      return working;
    }
    const weeksOrMonths = period(t, i, r, false);
    if (weeksOrMonths > 0) return weeksOrMonths;
    const past = pastDays(t, i + 1);
    const next = t[past.end];
    if (past.days) {
      if (!lateFigure(t, i, past.end, r)) net(r, numberOf(x));
      else if (r.lateDays === undefined || numberOf(x) > r.lateDays) r.lateDays = numberOf(x);
    } else if (isEndOfMonth(t, past.end) || isWord(next, 'rog') || isWord(next, 'aog')) net(r, numberOf(x));
    else if (nextMonth(t, past.end)) {
      // "the 15th of the following month": 15 days from the end of the month.
      net(r, numberOf(x));
      r.endOfMonth = true;
    }
    return Math.max(i + 1, past.end);
  }
  if (x.kind !== WORD) return i + 1;
  const w = x.text;
  daysNotRead(t, i, r);
  const quarter = Math.max(quarterEnd(t, i), undatedStart(t, i));
  if (quarter > 0) {
    r.quarter ??= wordsOf(t, i, quarter);
    return quarter;
  }
  if (NET.has(w) || w === 'rog' || w === 'aog') {
    if (w === 'rog' || w === 'aog') r.start = later(r.start, 'delivery');
    let j = i + 1;
    if (isSym(t[j], '-') || isSym(t[j], ':')) j++;
    if (isNum(t[j])) {
      const lookalike = lookalikeFigure(t, j, true);
      if (lookalike > 0) {
        unread(t, r, i, lookalike);
        return lookalike;
      }
      // "net 1,000" with no day word: a thousand days or an amount; not net 1 either way.
      const mark = t[j + 1];
      const group = t[j + 2];
      if (
        (isSym(mark, ',') || isSym(mark, '.')) &&
        !(mark as Token).gap &&
        isNum(group) &&
        !group.gap &&
        group.text.length === 3
      ) {
        unread(t, r, i, j + 3);
        return j + 3;
      }
      const working = workingDays(t, j + 1);
      if (working > 0) {
        unread(t, r, j, working);
        return working;
      }
      const weeksOrMonths = period(t, j, r, true);
      if (weeksOrMonths > 0) return weeksOrMonths;
      net(r, numberOf(t[j] as Token));
      // "net 10th following month": the 10th after the end of the month.
      const past = pastDays(t, j + 1);
      if (!past.days && nextMonth(t, past.end)) {
        r.endOfMonth = true;
        return past.end;
      }
      // "net 30/60/90", "Net 30 / 60", "net 30 or 60": the largest; "net 60+30": 60 days and 30
      // more ("net 30 + 2% ..." is no sum).
      const first = numberOf(t[j] as Token);
      const list = figureList(t, j, true);
      if (list.count > 1 && first >= 10) {
        net(r, list.largest);
        return pastDays(t, list.end).end;
      }
      const second = t[j + 2];
      if (isNum(second) && !rateAfter(t, j + 3)) {
        if (isSym(t[j + 1], '+')) {
          net(r, first + numberOf(second));
          return pastDays(t, j + 3).end;
        }
      }
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
  // "N30", "n 30": net 30.
  if (w === 'n' && isNum(t[i + 1])) {
    net(r, numberOf(t[i + 1] as Token));
    return i + 2;
  }
  if (isEndOfMonth(t, i)) endOfMonthAt(t, r, i);
  else if (!r.discountWord && isDiscountWord(w) && !refused(t, i, r)) r.discountWord = true;
  else if (DELIVERY.has(w) && !leadTime(t, i)) r.start = later(r.start, 'delivery');
  else if (RECEIPT.has(w)) {
    let j = i + 1;
    for (let n = 0; n < 2 && t[j]?.kind === WORD && FILLER.has((t[j] as Token).text); n++) j++;
    const goods = t[j]?.kind === WORD && GOODS.has((t[j] as Token).text);
    r.start = later(r.start, goods ? 'delivery' : 'receipt');
  } else if (ACCEPTANCE.has(w)) r.start = later(r.start, 'receipt');
  else if (CASH.has(w)) {
    // "escompte 2 % pour paiement comptant": the condition of a discount, not the terms.
    if (((r.clause[i] as number) & IN_DISCOUNT) === 0) r.cash = true;
  } else if (w === 'rimessa' && isWord(t[i + 1], 'diretta')) r.cash = true;
  else if (
    CASH_PAIRS.has(w) &&
    isWord(t[i - 1], CASH_PAIRS.get(w) as string) &&
    ((r.clause[i] as number) & IN_DISCOUNT) === 0
  ) {
    // "cash against documents", "paiement à la commande": not "delivery against documents".
    if (w === 'documents') {
      if (isWord(t[i - 2], 'cash')) r.cash = true;
    } else if (w === 'commande') {
      // "paiement à la commande", not "30 jours à la commande" (days from the order).
      const pay = t[i - 3];
      if (
        pay?.kind === WORD &&
        (pay.text === 'paiement' || pay.text === 'payable' || pay.text === 'reglement')
      )
        r.cash = true;
    } else r.cash = true;
  } else if (
    w === 'before' &&
    (isWord(t[i - 1], 'payment') || isWord(t[i - 1], 'paid')) &&
    t[i + 1]?.kind === WORD &&
    SUPPLY.has((t[i + 1] as Token).text) &&
    ((r.clause[i] as number) & IN_DISCOUNT) === 0
  )
    r.cash = true;
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

const DECIMAL_DIGIT = /^\p{Nd}$/u;

/**
 * Digits outside the basic plane (two UTF-16 units each: mathematical bold "𝟔𝟎", Osmanya, ...):
 * those that fold to ASCII digits (NFKD) become them; the first that do not are named, to hold
 * the terms unread. Undefined when the terms have none (the common case: one scan, no allocation).
 */
function astralDigits(s: string): { text: string; unread: string | undefined } | undefined {
  let i = 0;
  while (i < s.length && (s.charCodeAt(i) < 0xd800 || s.charCodeAt(i) > 0xdbff)) i++;
  if (i === s.length) return undefined;
  let text = '';
  let unread: string | undefined;
  for (const c of s) {
    if (c.length === 1 || !DECIMAL_DIGIT.test(c)) {
      text += c;
      continue;
    }
    const k = c.normalize('NFKD');
    if (k.length === 1 && k >= '0' && k <= '9') text += k;
    else {
      text += c;
      unread ??= c;
    }
  }
  return { text, unread };
}

/** Reads terms text (see the file comment). */
export function readTerms(terms: string): ParsedTerms {
  const astral = astralDigits(terms);
  const t = readWords(tokenize((astral?.text ?? terms).toLowerCase().normalize('NFD')));
  const r: Reading = {
    netDays: undefined,
    endOfMonth: false,
    windowEndOfMonth: false,
    eitherWay: false,
    windowEitherWay: false,
    nextMonth: false,
    windowEnd: -1,
    lateDays: undefined,
    start: 'issue',
    cash: false,
    discount: undefined,
    discountWord: false,
    depositBps: undefined,
    slash: undefined,
    dates: [],
    clause: clauseFlags(t),
    unread: astral?.unread,
    eomEnd: -1,
    dayAfter: undefined,
    quarter: undefined,
  };
  for (let i = 0; i < t.length; ) i = step(t, i, r);
  // Days from the end of a quarter or an undated event (installation, go-live): the engine cannot
  // date the start, and the days read would run from issue, months short. No net days, and the
  // start's words held as days unread.
  if (r.quarter !== undefined) {
    r.netDays = undefined;
    r.lateDays = undefined;
    r.unread = r.quarter;
  }
  // Days a late clause names are the only days stated: they may be the credit given (the longer wins).
  const netDays = r.netDays ?? r.lateDays;
  // An end-of-month word beside a discount window may date the window alone or the net days too
  // ("2% 10th prox, net 30"): the later reading counts, whatever the order of the words.
  const endOfMonth = r.endOfMonth || r.windowEndOfMonth;
  const endOfMonthEitherWay = (r.endOfMonth && r.eitherWay) || (r.windowEndOfMonth && r.windowEitherWay);
  let discount = r.discount;
  if (r.slash !== undefined && (netDays !== undefined || endOfMonth))
    discount = larger(discount, r.slash.rateBps, r.slash.withinDays);
  return {
    netDays,
    endOfMonth,
    endOfMonthEitherWay,
    endOfNextMonth: r.nextMonth && netDays === undefined,
    start: r.start,
    cash: r.cash,
    discount,
    discountRateUnknown: r.discountWord && discount === undefined,
    depositBps: r.depositBps,
    dates: r.dates.length === 0 ? NO_DATES : r.dates,
    daysUnread: netDays === undefined ? r.unread : undefined,
    netUnstated:
      netDays === undefined &&
      discount?.withinDays !== undefined &&
      !r.endOfMonth &&
      r.dates.length === 0 &&
      r.unread === undefined &&
      !r.cash,
    dayAfterMonthEnd: endOfMonth ? r.dayAfter : undefined,
  };
}
