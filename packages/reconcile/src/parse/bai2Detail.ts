// Turns one BAI2 16 record (with its 88 continuations) into a BankTransaction.
import { StatementParseError } from '../errors/StatementParseError.js';
import type { BankTransaction, ParseWarning } from '../model/BankTransaction.js';
import { calendarDate } from './calendarDate.js';
import { EMPTY_LIST, orEmpty } from './emptyList.js';
import type { TxDraft } from './TxDraft.js';

/**
 * A BAI2 record as read: code, comma fields, continuation text (for 16), first line.
 *
 * @example
 * ```ts
 * const r: Bai2Record = { code: '16', fields: ['195', '150000', '', 'BR1', '', 'INV-1'], text: '', line: 4 };
 * ```
 */
export interface Bai2Record {
  readonly code: string;
  fields: string[];
  text: string;
  readonly line: number;
}

// Key-value continuation lines some banks put in 88 records after a 16 (e.g. "EREF: 1111").
const KV = /^([A-Z]{4}):\s?(.*)$/;
// The 88 keys read into fields of their own; any other key goes to additionalInfo.
const MAPPED_KEYS = new Set(['EREF', 'REMI', 'DBNM', 'CRNM', 'DACT', 'CACT']);

/** Every character an ASCII digit (what `/^\d+$/` says of a non-empty string, without a regex). */
function allDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
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
  currency: string,
  asOf: string | undefined,
  id: string,
  warnings: ParseWarning[],
): BankTransaction {
  const where = { path: '16', line: r.line };
  const f = r.fields;
  const type = f[0] ?? '';
  const typeNo = Number(type);
  if (type.length !== 3 || !allDigits(type)) fail(where, `type code "${type}" is not three digits`);
  if (typeNo < 100) fail(where, `type code ${type} is a balance or status code, not a transaction`);
  const amountText = f[1] ?? '';
  if (amountText === '' || !allDigits(amountText))
    fail(where, `amount "${amountText}" is not an unsigned integer`);
  const amountMinor = Number(amountText);
  if (!Number.isSafeInteger(amountMinor)) fail(where, 'amount too large');
  const funds = f[2] ?? '';
  let k = 3;
  let valueDate: string | undefined;
  if (funds === 'S') k += 3;
  else if (funds === 'V') {
    valueDate = bai2Date(f[3], where);
    k += 2;
  } else if (funds === 'D') {
    const n = Number(f[3] ?? '0');
    if (!Number.isInteger(n) || n < 0) fail(where, 'distributed funds count is not a number');
    k += 1 + 2 * n;
  } else if (funds !== '' && funds !== '0' && funds !== '1' && funds !== '2' && funds !== 'Z') {
    fail(where, `unknown funds type "${funds}"`);
  }
  const bankRef = (f[k] ?? '').trim();
  const customerRef = (f[k + 1] ?? '').trim();
  // The text is every field after the references (it may contain commas), without the final "/".
  let joined = f.length === k + 3 ? (f[k + 2] as string) : f.slice(k + 2).join(',');
  if (joined.charCodeAt(joined.length - 1) === 47) joined = joined.slice(0, -1);
  const mainText = joined.trim();
  const kv = new Map<string, string>();
  const texts: string[] = mainText ? [mainText] : [];
  // Continuation lines follow the record's first line in `text`, one per "\n", without a split.
  const text = r.text;
  for (let at = text.indexOf('\n'); at >= 0; ) {
    const next = text.indexOf('\n', at + 1);
    const cont = text.slice(at + 1, next < 0 ? text.length : next).trim();
    at = next;
    if (cont === '') continue;
    const m = isKeyed(cont) ? KV.exec(cont) : null;
    if (m?.[1] !== undefined) {
      if (!kv.has(m[1])) kv.set(m[1], (m[2] ?? '').trim());
    } else texts.push(cont);
  }
  const credit = typeNo < 400;
  if (typeNo >= 700)
    warnings.push({
      code: 'BAI2_TYPE_DIRECTION',
      message: `type code ${type} treated as a debit`,
      location: where,
    });
  const eref = kv.get('EREF');
  const remi = kv.get('REMI');
  const name = credit ? kv.get('DBNM') : kv.get('CRNM');
  const account = credit ? kv.get('DACT') : kv.get('CACT');
  // Built field by field (no spreads or closures) in the same key order as before.
  const tx: TxDraft = {
    id,
    format: 'bai2',
    statementId,
    accountId: statementId.slice(statementId.lastIndexOf(':') + 1),
    direction: credit ? 'credit' : 'debit',
    amountMinor,
    currency,
  };
  if (asOf !== undefined) tx.bookingDate = asOf;
  if (valueDate !== undefined) tx.valueDate = valueDate;
  tx.reversal = false;
  if (bankRef) tx.bankReference = bankRef;
  if (eref) tx.endToEndId = eref;
  tx.otherReferences = customerRef ? [customerRef] : EMPTY_LIST;
  tx.creditorReferences = EMPTY_LIST;
  tx.referredDocuments = EMPTY_LIST;
  if (remi) {
    const withRemi = [remi];
    for (let i = 0; i < texts.length; i++) withRemi.push(texts[i] as string);
    tx.remittanceText = withRemi;
  } else tx.remittanceText = orEmpty(texts);
  const additional: string[] = [];
  for (const [key, v] of kv) if (!MAPPED_KEYS.has(key)) additional.push(`${key}: ${v}`);
  tx.additionalInfo = orEmpty(additional);
  if (name) tx.counterpartyName = name;
  if (account) tx.counterpartyAccount = account;
  tx.transactionCode = type;
  tx.source = where;
  return tx as BankTransaction;
}
