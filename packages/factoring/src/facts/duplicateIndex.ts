// An index of known invoice fingerprints that finds exact and fuzzy duplicates.

import {
  type InvoiceFingerprintRecord,
  joinedInvoiceNumber,
  normaliseInvoiceNumber,
} from '../math/fingerprint.js';

interface Entry {
  readonly record: InvoiceFingerprintRecord;
  readonly normalised: string;
  /** The number with its digit runs joined across separators (`INV-2026-0100` is `INV20260100`). */
  readonly joined: string;
  readonly digits: string;
  /** UTC day of issue (part of the exact identity). */
  readonly day: number;
  /** The shipping documents, folded like invoice numbers (`bol-load-1` is `BOL LOAD 1`). */
  readonly docs: readonly string[];
  /** The record's currency, or the book's when it states none (undefined: not known). */
  readonly currency: string | undefined;
}

/**
 * One candidate duplicate with its score and the rules that fired. A candidate in another currency
 * has the rule `other-currency` (scoring nothing) instead of an amount rule: amounts in different
 * currencies are not compared, and it is never `exact`.
 *
 * @example
 * ```ts
 * const m: DuplicateMatch = { invoiceId: 'inv-7', exact: false, score: 5, rules: ['number-equal', 'amount-near'] };
 * ```
 */
export interface DuplicateMatch {
  readonly invoiceId: string;
  readonly exact: boolean;
  readonly score: number;
  readonly rules: readonly string[];
}

/**
 * Fingerprint index of invoices already seen: exact keys plus, per supplier/buyer pair, the data
 * the fuzzy rules compare. Mutable: a batch adds each invoice it funds.
 *
 * @example
 * ```ts
 * const index = createDuplicateIndex([]);
 * index.add({ invoiceId: 'inv-1', invoiceNumber: 'A-1', supplierQuid: 's', buyerQuid: 'b', amountMinor: 1, issuedAt: 0 });
 * index.size; // 1
 * ```
 */
export interface DuplicateIndex {
  add(record: InvoiceFingerprintRecord): void;
  /**
   * Matches for `record`, exact first, then by score, then id. A record with its invoiceId and the
   * same identifying fields is itself and not listed; one with its id and other fields is scored
   * (rule `same-invoice-id`) whatever its date, and so is one with the same number. Any invoice
   * that names one of the record's shipping documents (`documentRefs`) is listed whatever its
   * parties, date or score, and so is one with the same number or id in another currency (rule
   * `other-currency`; never exact).
   */
  find(record: InvoiceFingerprintRecord, windowSeconds: number, minScore: number): readonly DuplicateMatch[];
  readonly size: number;
  /** The record passed to the last `find` (so a batch can add exactly what it checked). */
  readonly lastQueried: InvoiceFingerprintRecord | undefined;
  /**
   * Makes `record` the {@link DuplicateIndex.lastQueried} without searching: an invoice whose
   * duplicate check a stopped run skipped still joins the index with its shipping documents.
   * Optional for indexes written elsewhere (without it such an invoice joins without documents).
   */
  stage?(record: InvoiceFingerprintRecord): void;
  /**
   * The record the index was last queried with for `invoiceId` (one of the latest 256 queried
   * invoices), so `reserveApproval` adds the invoice with the shipping documents it was checked
   * with, whatever was decided in between.
   */
  queried?(invoiceId: string): InvoiceFingerprintRecord | undefined;
}

/** Queried invoices remembered for {@link DuplicateIndex.queried}. */
const QUERIED_KEPT = 256;

const NO_MATCHES: readonly DuplicateMatch[] = [];
const NO_ENTRIES: readonly Entry[] = [];

/** The indexed invoices that name one of the folded `docs`, each once; none: undefined. */
function sharingDocuments(
  byDocument: ReadonlyMap<string, readonly Entry[]>,
  docs: readonly string[],
): Entry[] | undefined {
  let out: Entry[] | undefined;
  for (const doc of docs) {
    const same = byDocument.get(doc);
    if (same === undefined) continue;
    for (const h of same) {
      if (out === undefined) out = [h];
      else if (!out.includes(h)) out.push(h);
    }
  }
  return out;
}

function digitsOf(s: string): string {
  // Digit runs are copied as slices; a string that is all digits is returned as is.
  let d = '';
  let runStart = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (runStart < 0) runStart = i;
    } else if (runStart >= 0) {
      d += s.slice(runStart, i);
      runStart = -1;
    }
  }
  if (runStart === 0) return s;
  return runStart > 0 ? d + s.slice(runStart) : d;
}

/** True when b is a with exactly one pair of adjacent different characters swapped. */
function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length || a.length < 4) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (i >= a.length - 1) return false;
  if (a[i] !== b[i + 1] || a[i + 1] !== b[i]) return false;
  return a.slice(i + 2) === b.slice(i + 2);
}

/**
 * Scores a candidate against an invoice with the weighted fuzzy rules (same supplier/buyer pair
 * assumed): number equal 4, one number containing the other 3, same digit sequence 3, adjacent
 * digit transposition 2, amount equal 2 or within 1 % 1, same issue day 1, same PO 1, a shared
 * shipping document 3 (folded like invoice numbers). Sequential numbers (INV-41 vs INV-42) score nothing on the number.
 * Records that both state a currency, different ones, score no amount rule but `other-currency` (0).
 *
 * @example
 * ```ts
 * scoreDuplicate(
 *   { invoiceId: 'a', invoiceNumber: 'INV-100', supplierQuid: 's', buyerQuid: 'b', amountMinor: 500, issuedAt: 0 },
 *   { invoiceId: 'b', invoiceNumber: 'INV-100A', supplierQuid: 's', buyerQuid: 'b', amountMinor: 500, issuedAt: 0 },
 * ).score; // 6
 * ```
 */
export function scoreDuplicate(
  x: InvoiceFingerprintRecord,
  c: InvoiceFingerprintRecord,
): { score: number; rules: string[] } {
  const rules: string[] = [];
  const score = scoreEntries(entryOf(x, undefined), entryOf(c, undefined), false, rules);
  return { score, rules };
}

/** `bookCurrency` is the currency of a record that states none (undefined: not known). */
function entryOf(record: InvoiceFingerprintRecord, bookCurrency: string | undefined): Entry {
  const normalised = normaliseInvoiceNumber(record.invoiceNumber);
  return {
    record,
    normalised,
    joined: joinedInvoiceNumber(record.invoiceNumber, normalised),
    digits: digitsOf(normalised),
    day: Math.floor(record.issuedAt / 86_400),
    docs: foldedDocuments(record.documentRefs),
    currency: record.currency ?? bookCurrency,
  };
}

/**
 * Both in a known currency, and not the same one: their amounts cannot be compared. A record whose
 * currency is not known is compared as before (its amount taken as in the other's currency).
 */
function otherCurrency(x: Entry, c: Entry): boolean {
  return x.currency !== undefined && c.currency !== undefined && x.currency !== c.currency;
}

const NO_DOCS: readonly string[] = [];

/**
 * Document references as registries compare them: a bill of lading retyped with other case,
 * spaces, separators or look-alike characters is the same document. Empty ones are dropped.
 */
function foldedDocuments(refs: readonly string[] | undefined): readonly string[] {
  if (refs === undefined || refs.length === 0) return NO_DOCS;
  let out: string[] | undefined;
  // A few documents are compared in a list; thousands (a stream of shipments) through a set.
  const seen = refs.length > 8 ? new Set<string>() : undefined;
  for (const ref of refs) {
    const folded = normaliseInvoiceNumber(ref);
    if (folded === '' || (seen !== undefined ? seen.has(folded) : out?.includes(folded))) continue;
    seen?.add(folded);
    if (out === undefined) out = [folded];
    else out.push(folded);
  }
  return out ?? NO_DOCS;
}

/** One number, as normalised or with its digit runs joined (an empty number is no number). */
function sameNumber(x: Entry, c: Entry): boolean {
  return x.normalised !== '' && (x.normalised === c.normalised || x.joined === c.joined);
}

/**
 * Same identity as `invoiceFingerprint`: number, supplier, buyer (same pair list), amount, day, and
 * in the same currency (yen are not cents: the same digits in another currency are not the same
 * amount).
 */
function isExact(x: Entry, c: Entry): boolean {
  return (
    x.normalised !== '' &&
    x.normalised === c.normalised &&
    x.record.amountMinor === c.record.amountMinor &&
    x.day === c.day &&
    !otherCurrency(x, c)
  );
}

/** The same receivable: every identifying field equal (shipping documents aside). */
function sameReceivable(a: InvoiceFingerprintRecord, b: InvoiceFingerprintRecord): boolean {
  return (
    a.invoiceNumber === b.invoiceNumber &&
    a.supplierQuid === b.supplierQuid &&
    a.buyerQuid === b.buyerQuid &&
    a.amountMinor === b.amountMinor &&
    a.issuedAt === b.issuedAt &&
    (a.poReference ?? '') === (b.poReference ?? '')
  );
}

/** The very same record: its id, the same receivable, the same PO field, currency and document list. */
function sameRecord(a: InvoiceFingerprintRecord, b: InvoiceFingerprintRecord): boolean {
  return (
    a === b ||
    (a.invoiceId === b.invoiceId &&
      a.poReference === b.poReference &&
      a.documentRefs === b.documentRefs &&
      a.currency === b.currency &&
      sameReceivable(a, b))
  );
}

// The score alone for every candidate, the rules only for a match: a supplier/buyer pair with
// thousands of invoices in the window scores each new one against all of them.
function scoreEntries(x: Entry, c: Entry, sameId = false, rules?: string[]): number {
  let score = 0;
  if (sameId) {
    score += 3;
    rules?.push('same-invoice-id');
  }
  const a = x.normalised;
  const b = c.normalised;
  if (sameNumber(x, c)) {
    score += 4;
    rules?.push('number-equal');
  } else if (a.length >= 4 && b.length >= 4 && (a.includes(b) || b.includes(a))) {
    score += 3;
    rules?.push('number-contained');
  } else if (x.digits.length >= 3 && x.digits === c.digits) {
    score += 3;
    rules?.push('number-same-digits');
  } else if (x.digits.length >= 3 && sameBesideZeros(x.digits, c.digits)) {
    // INV-2026-100 and INV-20260100: each is INV-2026-0100 by one rule (leading zeros dropped,
    // separators joined), so a zero of padding is all that tells them apart.
    score += 3;
    rules?.push('number-zero-padding');
  } else if (isTransposition(x.digits, c.digits)) {
    score += 2;
    rules?.push('number-transposed');
  }
  const ax = x.record.amountMinor;
  const ac = c.record.amountMinor;
  if (otherCurrency(x, c)) {
    // Amounts in two currencies say nothing about each other (5,000,000 yen are not 50,000.00 USD).
    rules?.push('other-currency');
  } else if (ax === ac) {
    score += 2;
    rules?.push('amount-equal');
  } else if (Math.abs(ax - ac) * 100 <= Math.max(ax, ac)) {
    score += 1;
    rules?.push('amount-near');
  }
  if (Math.floor(x.record.issuedAt / 86_400) === Math.floor(c.record.issuedAt / 86_400)) {
    score += 1;
    rules?.push('same-issue-day');
  }
  const px = x.record.poReference;
  if (px !== undefined && px !== '' && px === c.record.poReference) {
    score += 1;
    rules?.push('same-po');
  }
  const dx = x.docs;
  const dc = c.docs;
  if (dx.length > 0 && dc.length > 0) {
    let shared = false;
    for (const d of dx) if (dc.includes(d)) shared = true;
    if (shared) {
      score += 3;
      rules?.push('shared-document');
    }
  }
  return score;
}

/** The same digits once every '0' is left out (compared in place: no string per comparison). */
function sameBesideZeros(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < a.length && a.charCodeAt(i) === 48) i++;
    while (j < b.length && b.charCodeAt(j) === 48) j++;
    if (i === a.length || j === b.length) return i === a.length && j === b.length;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
    i++;
    j++;
  }
}

/** Invoices of one supplier/buyer pair compared rule by rule; older ones only by key. */
const SCAN_LIMIT = 512;

/** A big pair's entries by normalised number, by digit sequence and by invoice id. */
interface PairKeys {
  readonly byNumber: Map<string, Entry[]>;
  readonly byDigits: Map<string, Entry[]>;
  readonly byId: Map<string, Entry[]>;
}

function push(map: Map<string, Entry[]>, key: string, entry: Entry): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [entry]);
  else list.push(entry);
}

function keyEntry(keys: PairKeys, entry: Entry): void {
  if (entry.normalised !== '') push(keys.byNumber, entry.normalised, entry);
  if (entry.joined !== entry.normalised && entry.joined !== '') push(keys.byNumber, entry.joined, entry);
  if (entry.digits.length >= 3) push(keys.byDigits, entry.digits, entry);
  push(keys.byId, entry.record.invoiceId, entry);
}

function keysOf(entries: readonly Entry[]): PairKeys {
  const keys: PairKeys = { byNumber: new Map(), byDigits: new Map(), byId: new Map() };
  for (const e of entries) keyEntry(keys, e);
  return keys;
}

/**
 * Options of {@link createDuplicateIndex}.
 *
 * @example
 * ```ts
 * const options: DuplicateIndexOptions = { currency: 'USD' }; // records stating no currency are in USD
 * ```
 */
export interface DuplicateIndexOptions {
  /**
   * The currency of a record that states none (`portfolio.currency`). Without it such a record's
   * amount is compared with any invoice's, whatever its currency.
   */
  readonly currency?: string | undefined;
}

/**
 * Builds a {@link DuplicateIndex} over known invoices. Records are compared by amount only within
 * one currency (a record without one is in `options.currency`).
 *
 * @example
 * ```ts
 * const index = createDuplicateIndex(portfolio.knownInvoices ?? [], { currency: portfolio.currency });
 * ```
 */
export function createDuplicateIndex(
  records: readonly InvoiceFingerprintRecord[],
  options?: DuplicateIndexOptions,
): DuplicateIndex {
  const bookCurrency = options?.currency;
  // supplier -> buyer -> entries. Every exact duplicate shares the pair, so one small list holds
  // all candidates; nested maps look up the parties' own strings (no key building per invoice).
  const bySupplier = new Map<string, Map<string, Entry[]>>();
  // Shipping document -> the invoices naming it, across every pair: one shipment evidences one
  // receivable, whoever the parties of the other invoice are.
  const byDocument = new Map<string, Entry[]>();
  // The pairs with more than SCAN_LIMIT invoices, with their entries by number, digits and id.
  const bigPairs = new Map<readonly Entry[], PairKeys>();
  let size = 0;
  // The entry computed by the last find(), reused when the same invoice is added next (the batch).
  let last: Entry | undefined;
  // The latest queried entries in a ring (no allocation per query; a lookup scans it, and only
  // reserveApproval looks).
  const queried = new Array<Entry | undefined>(QUERIED_KEPT);
  let queries = 0;
  const remember = (entry: Entry): void => {
    queried[queries++ % QUERIED_KEPT] = entry;
  };
  const add = (record: InvoiceFingerprintRecord): void => {
    const entry =
      last !== undefined && sameRecord(last.record, record) ? last : entryOf(record, bookCurrency);
    let byBuyer = bySupplier.get(record.supplierQuid);
    if (byBuyer === undefined) {
      byBuyer = new Map();
      bySupplier.set(record.supplierQuid, byBuyer);
    }
    const list = byBuyer.get(record.buyerQuid);
    if (list) {
      list.push(entry);
      const keys = bigPairs.get(list);
      if (keys !== undefined) keyEntry(keys, entry);
      else if (list.length > SCAN_LIMIT) bigPairs.set(list, keysOf(list));
    } else byBuyer.set(record.buyerQuid, [entry]);
    for (const doc of entry.docs) {
      const same = byDocument.get(doc);
      if (same === undefined) byDocument.set(doc, [entry]);
      else if (same[same.length - 1] !== entry) same.push(entry);
    }
    size++;
  };
  for (const r of records) add(r);
  return {
    add,
    get size(): number {
      return size;
    },
    get lastQueried(): InvoiceFingerprintRecord | undefined {
      return last?.record;
    },
    stage(record: InvoiceFingerprintRecord): void {
      last = entryOf(record, bookCurrency);
      remember(last);
    },
    queried(invoiceId: string): InvoiceFingerprintRecord | undefined {
      for (let k = 1; k <= Math.min(queries, QUERIED_KEPT); k++) {
        const e = queried[(queries - k) % QUERIED_KEPT];
        if (e?.record.invoiceId === invoiceId) return e.record;
      }
      return undefined;
    },
    find(
      record: InvoiceFingerprintRecord,
      windowSeconds: number,
      minScore: number,
    ): readonly DuplicateMatch[] {
      const self = entryOf(record, bookCurrency);
      last = self;
      remember(self);
      const list = bySupplier.get(record.supplierQuid)?.get(record.buyerQuid);
      const shared = byDocument.size > 0 ? sharingDocuments(byDocument, self.docs) : undefined;
      if (list === undefined && shared === undefined) return NO_MATCHES;
      let exact: DuplicateMatch[] | undefined;
      let fuzzy: DuplicateMatch[] | undefined;
      let seen: Set<string> | undefined;
      const consider = (h: Entry): void => {
        const id = h.record.invoiceId;
        // The same invoice seen before is itself; another invoice under its id is a copy with
        // something changed (an amount, a date, its currency): it is scored, whatever its date.
        const sameId = id === record.invoiceId;
        if (sameId && sameReceivable(h.record, record) && !otherCurrency(self, h)) return;
        if (isExact(self, h)) {
          if (!exact?.some((e) => e.invoiceId === id)) {
            exact ??= [];
            exact.push({ invoiceId: id, exact: true, score: 100, rules: ['fingerprint'] });
          }
          return;
        }
        if (seen?.has(id)) return;
        // The window bounds look-alikes, not the same number: a number reused months later is the
        // re-dating pattern (an old receivable invoiced anew, FACTORING.md F10).
        if (!sameId && !sameNumber(self, h) && Math.abs(h.record.issuedAt - record.issuedAt) > windowSeconds)
          return;
        const score = scoreEntries(self, h, sameId);
        // The same number (or id) in another currency is listed whatever its score: its amount
        // could not be compared, and the receivable may be the same one re-issued to be sold twice.
        if (score >= minScore || (otherCurrency(self, h) && (sameId || sameNumber(self, h)))) {
          const rules: string[] = [];
          scoreEntries(self, h, sameId, rules);
          seen ??= new Set();
          seen.add(id);
          fuzzy ??= [];
          fuzzy.push({ invoiceId: id, exact: false, score, rules });
        }
      };
      const all = list ?? NO_ENTRIES;
      // A pair with more than SCAN_LIMIT invoices: the latest are compared rule by rule, the older
      // ones only through the keys that find them directly (same number, same digits, same id;
      // shipping documents below). Scoring each new invoice against all of a pair's thousands was
      // quadratic in the pair's size.
      const from = all.length > SCAN_LIMIT ? all.length - SCAN_LIMIT : 0;
      for (let k = from; k < all.length; k++) consider(all[k] as Entry);
      if (from > 0) {
        const keys = bigPairs.get(all);
        if (self.normalised !== '')
          for (const h of keys?.byNumber.get(self.normalised) ?? NO_ENTRIES) consider(h);
        if (self.joined !== self.normalised && self.joined !== '')
          for (const h of keys?.byNumber.get(self.joined) ?? NO_ENTRIES) consider(h);
        if (self.digits.length >= 3)
          for (const h of keys?.byDigits.get(self.digits) ?? NO_ENTRIES) consider(h);
        for (const h of keys?.byId.get(record.invoiceId) ?? NO_ENTRIES) consider(h);
      }
      // Invoices naming one of its shipping documents are listed whatever their parties, date or
      // score (a document names one shipment); the pair's own were scored above.
      if (shared !== undefined) {
        for (const h of shared) {
          const id = h.record.invoiceId;
          const sameId = id === record.invoiceId;
          if (sameId && sameReceivable(h.record, record) && !otherCurrency(self, h)) continue;
          if (seen?.has(id) || exact?.some((e) => e.invoiceId === id)) continue;
          const rules: string[] = [];
          const score = scoreEntries(self, h, sameId, rules);
          seen ??= new Set();
          seen.add(id);
          fuzzy ??= [];
          fuzzy.push({ invoiceId: id, exact: false, score, rules });
        }
      }
      if (exact === undefined && fuzzy === undefined) return NO_MATCHES;
      // A fuzzy hit on an id that later proved exact is dropped (exact wins).
      const out = [
        ...(exact ?? []),
        ...(fuzzy ?? []).filter((m) => !exact?.some((e) => e.invoiceId === m.invoiceId)),
      ];
      if (out.length > 1) {
        out.sort((p, q) =>
          p.exact !== q.exact
            ? p.exact
              ? -1
              : 1
            : p.score !== q.score
              ? q.score - p.score
              : p.invoiceId < q.invoiceId
                ? -1
                : p.invoiceId > q.invoiceId
                  ? 1
                  : 0,
        );
      }
      return out;
    },
  };
}
