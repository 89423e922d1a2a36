// Turns one BAI2 16 record (with its 88 continuations) into a BankTransaction.
import { StatementParseError } from '../errors/StatementParseError.js';
import type { BankTransaction, ParseWarning } from '../model/BankTransaction.js';
import { calendarDate } from './calendarDate.js';
import { digitStrings } from './digitStrings.js';
import { EMPTY_LIST, orEmpty } from './emptyList.js';
import type { TxDraft } from './TxDraft.js';
import { trimmedSlice } from './trimmedSlice.js';

/**
 * A BAI2 record as read: code, comma fields, continuation text (for 16), first line. A 16 keeps
 * its fields undivided in `body` (its reader finds them in place; `fields` stays empty).
 *
 * @example
 * ```ts
 * const r: Bai2Record = { code: '16', fields: [], body: '195,150000,,BR1,,INV-1/', text: '', line: 4 };
 * ```
 */
export interface Bai2Record {
  readonly code: string;
  fields: string[];
  body: string;
  text: string;
  readonly line: number;
}

// Key-value continuation lines some banks put in 88 records after a 16 (e.g. "EREF: 1111").
const KV = /^([A-Z]{4}):\s?(.*)$/;
// The 88 keys read into fields of their own; any other key goes to additionalInfo.
const NAMED_KEYS: readonly string[] = ['EREF', 'REMI', 'DBNM', 'CRNM', 'DACT', 'CACT'];
const MAPPED_KEYS = new Set(NAMED_KEYS);
// One record's continuation keys and values, first one of each key kept, in the order read: two
// lists reused by every call instead of a Map per record.
const KEYS: string[] = [];
const VALUES: string[] = [];

function keyedValue(key: string): string | undefined {
  for (let i = 0; i < KEYS.length; i++) if (KEYS[i] === key) return VALUES[i];
  return undefined;
}

// The three-digit type codes as shared strings, so a detail's transactionCode is not a new one.
const TYPE_CODES: readonly string[] = digitStrings(3);

/** The value of the ASCII digits of `s` from `start` to `end`, or -1 if one is not a digit. */
function digitsValue(s: string, start: number, end: number): number {
  let v = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    v = v * 10 + (c - 48);
  }
  return v;
}

/** The four-letter key that starts `s` (a shared string for the keys read into fields). */
function keyName(s: string): string {
  for (let i = 0; i < NAMED_KEYS.length; i++) {
    const k = NAMED_KEYS[i] as string;
    if (s.startsWith(k)) return k;
  }
  return s.slice(0, 4);
}

/** Could `s` be a KV line ("EREF: ...")? Four capitals and a colon: only then is the regex run. */
function isKeyed(s: string): boolean {
  if (s.charCodeAt(4) !== 58) return false;
  for (let i = 0; i < 4; i++) {
    const c = s.charCodeAt(i);
    if (c < 65 || c > 90) return false;
  }
  return true;
}

/** Where the field after the one starting at `pos` starts, or -1 (no such field; -1 stays -1). */
function nextField(body: string, pos: number): number {
  if (pos < 0) return -1;
  const comma = body.indexOf(',', pos);
  return comma < 0 ? -1 : comma + 1;
}

/** The field starting at `pos` (up to the next comma), or '' when there is no such field. */
function fieldAt(body: string, pos: number): string {
  if (pos < 0) return '';
  const comma = body.indexOf(',', pos);
  return body.slice(pos, comma < 0 ? body.length : comma);
}

/** {@link fieldAt}, trimmed, cut out in one step. */
function trimmedFieldAt(body: string, pos: number): string {
  if (pos < 0) return '';
  const comma = body.indexOf(',', pos);
  return trimmedSlice(body, pos, comma < 0 ? body.length : comma);
}

function fail(where: { path: string; line: number }, message: string): never {
  throw new StatementParseError('MALFORMED_STATEMENT', 'bai2', where, message);
}

/**
 * A BAI2 date (YYMMDD) that exists on the calendar, or a typed error at `where`.
 *
 * @example
 * ```ts
 * bai2Date('260302', { path: '02', line: 2 }); // '2026-03-02'
 * ```
 */
export function bai2Date(v: string | undefined, where: { path: string; line: number }): string | undefined {
  if (v === undefined || v === '') return undefined;
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec(v);
  if (!m) fail(where, `date "${v}" is not YYMMDD`);
  return calendarDate(`20${m[1]}`, m[2] ?? '', m[3] ?? '', 'bai2', where);
}

/**
 * Reads a 16 record. Type codes below 100 are balances and summaries' status codes, never a
 * transaction: refused. 100-399 are credits, 400-699 debits; a code from 700 up is treated as a
 * debit (so it is never matched as a payment) with a warning.
 *
 * @example
 * ```ts
 * const tx = bai2Detail(record, 'G:2026-03-02:123', 'USD', '2026-03-02', 'G:2026-03-02:123:1', warnings);
 * ```
 */
export function bai2Detail(
  r: Bai2Record,
  statementId: string,
  accountId: string,
  currency: string,
  asOf: string | undefined,
  id: string,
  warnings: ParseWarning[],
): BankTransaction {
  const where = { path: '16', line: r.line };
  // The comma fields, found in place: type, amount, funds type [, its fields], bank reference,
  // customer reference, then the text (which may itself contain commas).
  const b = r.body;
  const p1 = nextField(b, 0);
  const typeEnd = p1 < 0 ? b.length : p1 - 1;
  const typeNo = typeEnd === 3 ? digitsValue(b, 0, 3) : -1;
  if (typeNo < 0) fail(where, `type code "${b.slice(0, typeEnd)}" is not three digits`);
  const type = TYPE_CODES[typeNo] ?? b.slice(0, 3);
  if (typeNo < 100) fail(where, `type code ${type} is a balance or status code, not a transaction`);
  const amountText = fieldAt(b, p1);
  // One pass says whether it is all digits and, up to 15 of them, its exact value.
  const digits = digitsValue(amountText, 0, amountText.length);
  if (amountText === '' || digits < 0) fail(where, `amount "${amountText}" is not an unsigned integer`);
  const amountMinor = amountText.length <= 15 ? digits : Number(amountText);
  if (!Number.isSafeInteger(amountMinor)) fail(where, 'amount too large');
  const p2 = nextField(b, p1);
  const p3 = nextField(b, p2);
  const fundsEnd = p3 < 0 ? b.length : p3 - 1;
  const funds = p2 < 0 || fundsEnd === p2 ? 0 : fundsEnd === p2 + 1 ? b.charCodeAt(p2) : -1;
  let pk = p3;
  let valueDate: string | undefined;
  if (funds === 83)
    pk = nextField(b, nextField(b, nextField(b, pk))); // S: three amounts
  else if (funds === 86) {
    // V: value date and time
    valueDate = bai2Date(p3 < 0 ? undefined : fieldAt(b, p3), where);
    pk = nextField(b, nextField(b, pk));
  } else if (funds === 68) {
    // D: a count, then that many amount and days pairs
    const n = Number(p3 < 0 ? '0' : fieldAt(b, p3));
    if (!Number.isInteger(n) || n < 0) fail(where, 'distributed funds count is not a number');
    pk = nextField(b, pk);
    for (let skip = 0; skip < 2 * n && pk >= 0; skip++) pk = nextField(b, pk);
  } else if (funds !== 0 && funds !== 48 && funds !== 49 && funds !== 50 && funds !== 90) {
    fail(where, `unknown funds type "${fieldAt(b, p2)}"`);
  }
  const bankRef = trimmedFieldAt(b, pk);
  const pc = nextField(b, pk);
  const customerRef = trimmedFieldAt(b, pc);
  const pt = nextField(b, pc);
  // The text is every field after the references (it may contain commas), without the final "/".
  const end = pt >= 0 && b.charCodeAt(b.length - 1) === 47 ? b.length - 1 : b.length;
  const mainText = pt < 0 ? '' : trimmedSlice(b, pt, end);
  KEYS.length = 0;
  VALUES.length = 0;
  let texts: string[] | undefined;
  // Continuation lines follow the record's first line in `text`, one per "\n", without a split.
  const text = r.text;
  for (let at = text.indexOf('\n'); at >= 0; ) {
    const next = text.indexOf('\n', at + 1);
    const cont = trimmedSlice(text, at + 1, next < 0 ? text.length : next);
    at = next;
    if (cont === '') continue;
    if (isKeyed(cont)) {
      // What /^([A-Z]{4}):\s?(.*)$/ reads: the key, and the rest trimmed. A line break inside
      // (U+2028/U+2029 can be there, \r should not) stops "." and keeps the regex.
      const plain = cont.indexOf('\u2028') < 0 && cont.indexOf('\u2029') < 0 && cont.indexOf('\r') < 0;
      const m = plain ? null : KV.exec(cont);
      if (plain || m?.[1] !== undefined) {
        const key = plain ? keyName(cont) : (m?.[1] as string);
        if (keyedValue(key) === undefined) {
          KEYS.push(key);
          VALUES.push(plain ? trimmedSlice(cont, 5, cont.length) : (m?.[2] ?? '').trim());
        }
        continue;
      }
    }
    texts ??= mainText ? [mainText] : [];
    texts.push(cont);
  }
  const credit = typeNo < 400;
  if (typeNo >= 700)
    warnings.push({
      code: 'BAI2_TYPE_DIRECTION',
      message: `type code ${type} treated as a debit`,
      location: where,
    });
  const eref = keyedValue('EREF');
  const remi = keyedValue('REMI');
  const name = credit ? keyedValue('DBNM') : keyedValue('CRNM');
  const account = credit ? keyedValue('DACT') : keyedValue('CACT');
  let remittanceText: readonly string[];
  if (remi) {
    const withRemi = [remi];
    if (texts !== undefined) for (let i = 0; i < texts.length; i++) withRemi.push(texts[i] as string);
    else if (mainText) withRemi.push(mainText);
    remittanceText = withRemi.length === 1 ? withRemi : withRemi.slice();
  } else if (texts !== undefined) remittanceText = texts.length < 2 ? orEmpty(texts) : texts.slice();
  else remittanceText = mainText ? [mainText] : EMPTY_LIST;
  let additionalInfo: readonly string[] = EMPTY_LIST;
  for (let i = 0; i < KEYS.length; i++) {
    const key = KEYS[i] as string;
    if (MAPPED_KEYS.has(key)) continue;
    if (additionalInfo === EMPTY_LIST) additionalInfo = [];
    (additionalInfo as string[]).push(`${key}: ${VALUES[i]}`);
  }
  if (additionalInfo.length > 1) additionalInfo = additionalInfo.slice();
  const direction = credit ? 'credit' : 'debit';
  const otherReferences = customerRef ? [customerRef] : EMPTY_LIST;
  if (asOf !== undefined && valueDate === undefined && bankRef && eref && !name && !account) {
    // The usual detail: one literal (same keys, same order as below), so the object is made with
    // its fields in place instead of growing a property store field by field.
    return {
      id,
      format: 'bai2',
      statementId,
      accountId,
      direction,
      amountMinor,
      currency,
      bookingDate: asOf,
      reversal: false,
      bankReference: bankRef,
      endToEndId: eref,
      otherReferences,
      creditorReferences: EMPTY_LIST,
      referredDocuments: EMPTY_LIST,
      remittanceText,
      additionalInfo,
      transactionCode: type,
      source: where,
    };
  }
  // Built field by field (no spreads or closures) in the same key order, leaving absent fields out.
  const tx: TxDraft = { id, format: 'bai2', statementId, accountId, direction, amountMinor, currency };
  if (asOf !== undefined) tx.bookingDate = asOf;
  if (valueDate !== undefined) tx.valueDate = valueDate;
  tx.reversal = false;
  if (bankRef) tx.bankReference = bankRef;
  if (eref) tx.endToEndId = eref;
  tx.otherReferences = otherReferences;
  tx.creditorReferences = EMPTY_LIST;
  tx.referredDocuments = EMPTY_LIST;
  tx.remittanceText = remittanceText;
  tx.additionalInfo = additionalInfo;
  if (name) tx.counterpartyName = name;
  if (account) tx.counterpartyAccount = account;
  tx.transactionCode = type;
  tx.source = where;
  return tx as BankTransaction;
}
