// Turns one MT940 :61: statement line (and its :86:) into a BankTransaction: dates checked on the
// calendar, /OCMT/ and /CHGS/ read as amounts, the German KURS rate trusted only when it agrees.
import { currencyExponent } from '@quidfin/core';
import { type SourceLocation, StatementParseError } from '../errors/StatementParseError.js';
import type { BankTransaction, ParseWarning } from '../model/BankTransaction.js';
import { decimalMinorIn, parseDecimalMinor } from '../money/parseDecimalMinor.js';
import { calendarDay } from './calendarDate.js';
import { EMPTY_LIST, orEmpty } from './emptyList.js';
import { fullYear } from './mt940Balance.js';
import { readMt940Details } from './parseMt940Details.js';
import type { TxDraft } from './TxDraft.js';

/**
 * Where the parts of a `:61:` value are, as `scan61` found them (one record, reused per line: a
 * match array of twelve fresh strings per line was most of this reader's garbage).
 */
const at = {
  /** Start of the MMDD entry date, or -1. */
  entry: -1,
  /** The debit/credit mark: `C`, `D`, `RC` or `RD`, as a shared constant. */
  mark: '',
  amountStart: 0,
  amountEnd: 0,
  typeStart: 0,
  /** End of the customer reference (it starts at typeStart + 4). */
  refEnd: 0,
  /** Start of the bank reference (after `//`), or -1; it runs to the end of the first line. */
  bankStart: -1,
  lineEnd: 0,
  /** Start of the supplementary details (after the first line break), or -1. */
  suppStart: -1,
};

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * Reads a `:61:` value by character into {@link at}; false when it is not one. It accepts what
 * `/^(\d{2})(\d{2})(\d{2})(\d{4})?(R?[CD])([A-Z])?(\d+(?:,\d*)?)([NFS][A-Z0-9]{3})([^\n]*?)(?:\/\/([^\n]*))?(?:\n([\s\S]*))?$/`
 * accepts, with the same parts: value date, entry date, mark, funds code, amount, type, customer
 * reference up to the first `//` of the first line, bank reference to the end of that line, and
 * the supplementary details after it.
 */
function scan61(v: string): boolean {
  for (let k = 0; k < 6; k++) if (!isDigit(v.charCodeAt(k))) return false;
  let i = 6;
  if (
    isDigit(v.charCodeAt(6)) &&
    isDigit(v.charCodeAt(7)) &&
    isDigit(v.charCodeAt(8)) &&
    isDigit(v.charCodeAt(9))
  ) {
    at.entry = 6;
    i = 10;
  } else at.entry = -1;
  let c = v.charCodeAt(i);
  const reversal = c === 82 && (v.charCodeAt(i + 1) === 67 || v.charCodeAt(i + 1) === 68);
  if (reversal) c = v.charCodeAt(++i);
  if (c === 67) at.mark = reversal ? 'RC' : 'C';
  else if (c === 68) at.mark = reversal ? 'RD' : 'D';
  else return false;
  c = v.charCodeAt(++i);
  if (c >= 65 && c <= 90) c = v.charCodeAt(++i); // funds code
  at.amountStart = i;
  while (isDigit(c)) c = v.charCodeAt(++i);
  if (i === at.amountStart) return false;
  if (c === 44) {
    c = v.charCodeAt(++i);
    while (isDigit(c)) c = v.charCodeAt(++i);
  }
  at.amountEnd = i;
  if (c !== 78 && c !== 70 && c !== 83) return false;
  for (let k = i + 1; k < i + 4; k++) {
    const t = v.charCodeAt(k);
    if (!isDigit(t) && !(t >= 65 && t <= 90)) return false;
  }
  at.typeStart = i;
  const from = i + 4;
  const nl = v.indexOf('\n', from);
  const lineEnd = nl < 0 ? v.length : nl;
  const slashes = v.indexOf('//', from);
  const hasBank = slashes >= 0 && slashes < lineEnd;
  at.refEnd = hasBank ? slashes : lineEnd;
  at.bankStart = hasBank ? slashes + 2 : -1;
  at.lineEnd = lineEnd;
  at.suppStart = nl < 0 ? -1 : nl + 1;
  return true;
}

/** `NTRF/166` for type `NTRF` and GVC `166`: the last one made, kept (lines repeat their codes). */
let lastCode = { type: '', gvc: '', code: '' };

function transactionCode(type: string, gvc: string | undefined): string {
  if (gvc === undefined) return type;
  const last = lastCode;
  if (type === last.type && gvc === last.gvc) return last.code;
  const code = `${type}/${gvc}`;
  lastCode = { type, gvc, code };
  return code;
}

/**
 * What the statement-line reader needs to know about its statement.
 *
 * @example
 * ```ts
 * const ctx: Mt940LineContext = { id: 'S/1:1', statementId: 'S/1', account: 'DE89...', currency: 'EUR' };
 * ```
 */
export interface Mt940LineContext {
  readonly id: string;
  readonly statementId: string;
  readonly account: string | undefined;
  readonly currency: string | undefined;
}

function fail(where: SourceLocation, message: string): never {
  throw new StatementParseError('MALFORMED_STATEMENT', 'mt940', where, message);
}

/** Reads `CCY` + amount with a decimal comma (the /OCMT/ and /CHGS/ layout). */
function currencyAmount(
  text: string,
  what: string,
  where: SourceLocation,
): { currency: string; amountMinor: number } {
  const m = /^([A-Z]{3})(\d[\d,]*)$/.exec(text.trim());
  if (!m) fail(where, `${what} "${text}" is not a currency and an amount`);
  const currency = m[1] ?? '';
  const exp = currencyExponent(currency);
  if (exp === undefined) fail(where, `${what}: invalid currency "${currency}"`);
  const minor = parseDecimalMinor(m[2] ?? '', exp, ',');
  if (typeof minor === 'string') fail(where, `${what} amount ${minor}`);
  return { currency, amountMinor: minor };
}

/**
 * Does `rate` (one `source` buys `rate` `target`) turn `fromMinor` (in `source`) into `toMinor`
 * (in `target`) up to rounding? Exact bigint arithmetic: a rate is never a float here.
 */
function rateAgrees(
  rate: string,
  fromMinor: number,
  fromExp: number,
  toMinor: number,
  toExp: number,
): boolean {
  const [whole = '0', frac = ''] = rate.split('.');
  const r = BigInt(whole + frac);
  const scale = 10n ** BigInt(frac.length);
  // to / 10^toExp = from / 10^fromExp * r / scale, compared in units of 10^-(toExp) * 1/(scale*10^fromExp).
  const lhs = BigInt(fromMinor) * r * 10n ** BigInt(toExp);
  const rhs = BigInt(toMinor) * scale * 10n ** BigInt(fromExp);
  const diff = lhs > rhs ? lhs - rhs : rhs - lhs;
  // One minor unit of rounding, plus what a rate printed to `frac` digits can move the result.
  const tolerance = scale * 10n ** BigInt(fromExp) * (1n + BigInt(toMinor) / 1_000_000n);
  return diff <= tolerance;
}

/**
 * Reads one `:61:` field (with the `:86:` that follows it, if any).
 *
 * @example
 * ```ts
 * const tx = mt940StatementLine({ tag: '61', value: '2603020302C100,00NTRFNONREF', line: 5 }, undefined, ctx, []);
 * ```
 */
export function mt940StatementLine(
  f: { readonly value: string; readonly line: number },
  info: { readonly value: string } | undefined,
  ctx: Mt940LineContext,
  warnings: ParseWarning[],
): BankTransaction {
  const where = { path: ':61:', line: f.line };
  // Every \s character is a control, a blank or above ASCII: skip the replace for a printable start.
  const c0 = f.value.charCodeAt(0);
  const v = c0 > 32 && c0 < 127 ? f.value : f.value.replace(/^\s+/, '');
  if (!scan61(v)) fail(where, `cannot read statement line "${f.value.slice(0, 60)}"`);
  const currency = ctx.currency;
  if (currency === undefined) fail(where, 'no currency (no :60F: balance; pass defaultCurrency)');
  const exp = currencyExponent(currency);
  if (exp === undefined) fail(where, `invalid currency "${currency}"`);
  const mark = at.mark;
  let amountMinor = decimalMinorIn(v, at.amountStart, at.amountEnd, exp, 44);
  if (amountMinor === undefined) {
    const general = parseDecimalMinor(v.slice(at.amountStart, at.amountEnd), exp, ',');
    if (typeof general === 'string') fail(where, `amount ${general}`);
    amountMinor = general;
  }
  // YYMMDD, read as numbers (scan61 checked the six digits).
  const yy = (v.charCodeAt(0) - 48) * 10 + v.charCodeAt(1) - 48;
  const mm = (v.charCodeAt(2) - 48) * 10 + v.charCodeAt(3) - 48;
  const dd = (v.charCodeAt(4) - 48) * 10 + v.charCodeAt(5) - 48;
  const year = fullYear(yy);
  const valueDate = calendarDay(year, mm, dd, 'mt940', where);
  let bookingDate = valueDate;
  const e = at.entry;
  if (e >= 0) {
    // The entry date has no year: take the value date's year, stepping over a year end.
    const em = (v.charCodeAt(e) - 48) * 10 + v.charCodeAt(e + 1) - 48;
    const ed = (v.charCodeAt(e + 2) - 48) * 10 + v.charCodeAt(e + 3) - 48;
    const entryYear = mm === 12 && em === 1 ? year + 1 : mm === 1 && em === 12 ? year - 1 : year;
    bookingDate = calendarDay(entryYear, em, ed, 'mt940', where);
  }
  const type = v.slice(at.typeStart, at.typeStart + 4);
  const customerRef = v.slice(at.typeStart + 4, at.refEnd);
  const bankRef = at.bankStart < 0 ? undefined : v.slice(at.bankStart, at.lineEnd);
  const supplementary = at.suppStart < 0 ? undefined : v.slice(at.suppStart);
  const details = info === undefined ? undefined : readMt940Details(info.value);
  const cref = customerRef.trim();
  const ownRef = cref !== '' && cref !== 'NONREF';
  const more = details?.otherReferences;
  let other: readonly string[] = EMPTY_LIST;
  if (more === undefined || more.length === 0) {
    if (ownRef) other = [cref];
  } else {
    const list: string[] = ownRef ? [cref] : [];
    for (let k = 0; k < more.length; k++) {
      const r = more[k] as string;
      if (r !== '' && r !== 'NONREF') list.push(r);
    }
    other = orEmpty(list);
  }
  const bank = bankRef?.trim();
  // Supplementary details (subfield 9): /OCMT/ original amount and /CHGS/ charges are data.
  let supp = supplementary?.trim() ?? '';
  let instructed: { amountMinor: number; currency: string } | undefined;
  let chargesMinor: number | undefined;
  let extraInfo: string[] | undefined;
  const ocmt = supp.includes('/OCMT/') ? /\/OCMT\/([^/]*)\//.exec(supp) : null;
  if (ocmt) {
    instructed = currencyAmount(ocmt[1] ?? '', '/OCMT/', where);
    supp = supp.replace(ocmt[0], '');
  }
  const chgs = supp.includes('/CHGS/') ? /\/CHGS\/([^/]*)\//.exec(supp) : null;
  if (chgs) {
    const c = currencyAmount(chgs[1] ?? '', '/CHGS/', where);
    supp = supp.replace(chgs[0], '');
    if (c.currency === currency) chargesMinor = c.amountMinor;
    else {
      extraInfo = [`CHGS ${chgs[1]}`];
      warnings.push({
        code: 'CHARGES_OTHER_CURRENCY',
        message: `charges in ${c.currency} on a ${currency} line are kept as text, not as chargesMinor`,
        location: where,
      });
    }
  }
  if (supp !== '') supp = (supp.charCodeAt(0) === 47 ? supp.replace(/^\/+$/, '') : supp).trim();
  const kurs = details?.kurs;
  const exchangeRate =
    kurs === undefined
      ? undefined
      : trustedKurs(kurs, currency, exp, amountMinor, instructed, chargesMinor, where, warnings);
  if (kurs !== undefined && exchangeRate === undefined) {
    extraInfo ??= [];
    extraInfo.push(
      `KURS ${kurs.rate}${kurs.numerator === undefined ? '' : ` ${kurs.numerator}/${kurs.denominator}`}`,
    );
  }
  const counterpartyAccount =
    details?.counterpartyAccount ?? (supp && /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(supp) ? supp : undefined);
  const fromDetails = details?.additionalInfo ?? EMPTY_LIST;
  const suppInfo = supp !== '' && supp !== counterpartyAccount;
  // The details' list as it is when nothing is added to it (it was made for this line alone).
  let additionalInfo: readonly string[] = fromDetails;
  if (suppInfo || extraInfo !== undefined) {
    const list = fromDetails.slice();
    if (suppInfo) list.push(supp);
    if (extraInfo !== undefined) for (let k = 0; k < extraInfo.length; k++) list.push(extraInfo[k] as string);
    additionalInfo = list;
  }
  additionalInfo = orEmpty(additionalInfo);
  // RC is the reversal of a credit (a debit entry), RD the reversal of a debit (a credit entry).
  const direction = mark === 'C' || mark === 'RD' ? 'credit' : 'debit';
  const reversal = mark === 'RC' || mark === 'RD';
  const remittanceText = orEmpty(details?.remittanceText ?? EMPTY_LIST);
  const creditorReferences = orEmpty(details?.creditorReferences ?? EMPTY_LIST);
  const code = transactionCode(type, details?.transactionCode);
  const endToEndId = details?.endToEndId;
  const counterpartyName = details?.counterpartyName;
  const instructedAmount =
    instructed === undefined || (instructed.currency === currency && instructed.amountMinor === amountMinor)
      ? undefined
      : instructed;
  if (
    ctx.account !== undefined &&
    bank &&
    endToEndId !== undefined &&
    counterpartyName !== undefined &&
    counterpartyAccount !== undefined &&
    chargesMinor === undefined &&
    instructedAmount === undefined &&
    exchangeRate === undefined
  ) {
    // The usual SEPA line: one literal (same keys, same order as below), so the object is made
    // with its fields in place instead of growing a property store field by field.
    return {
      id: ctx.id,
      format: 'mt940',
      statementId: ctx.statementId,
      accountId: ctx.account,
      direction,
      amountMinor,
      currency,
      bookingDate,
      valueDate,
      reversal,
      bankReference: bank,
      endToEndId,
      otherReferences: other,
      creditorReferences,
      referredDocuments: EMPTY_LIST,
      remittanceText,
      additionalInfo,
      counterpartyName,
      counterpartyAccount,
      transactionCode: code,
      source: where,
    };
  }
  // Built field by field (no spreads) in the same key order, leaving the absent fields out.
  const tx: TxDraft = { id: ctx.id, format: 'mt940', statementId: ctx.statementId };
  if (ctx.account !== undefined) tx.accountId = ctx.account;
  tx.direction = direction;
  tx.amountMinor = amountMinor;
  tx.currency = currency;
  tx.bookingDate = bookingDate;
  tx.valueDate = valueDate;
  tx.reversal = reversal;
  if (bank) tx.bankReference = bank;
  if (endToEndId !== undefined) tx.endToEndId = endToEndId;
  tx.otherReferences = other;
  tx.creditorReferences = creditorReferences;
  tx.referredDocuments = EMPTY_LIST;
  tx.remittanceText = remittanceText;
  tx.additionalInfo = additionalInfo;
  if (counterpartyName !== undefined) tx.counterpartyName = counterpartyName;
  if (counterpartyAccount !== undefined) tx.counterpartyAccount = counterpartyAccount;
  if (chargesMinor !== undefined) tx.chargesMinor = chargesMinor;
  if (instructedAmount !== undefined) tx.instructedAmount = instructedAmount;
  if (exchangeRate !== undefined) tx.exchangeRate = exchangeRate;
  tx.transactionCode = code;
  tx.source = where;
  return tx as BankTransaction;
}

/**
 * "KURS r N/D" is read as a unit, N per D: one D buys r N. It is trusted only when one side is
 * the account currency and the /OCMT/ original amount in the other currency agrees with it (with
 * or without the charges); otherwise the rate stays text and a warning says why.
 */
function trustedKurs(
  kurs: { rate: string; numerator?: string; denominator?: string },
  currency: string,
  exp: number,
  amountMinor: number,
  instructed: { amountMinor: number; currency: string } | undefined,
  charges: number | undefined,
  where: SourceLocation,
  warnings: ParseWarning[],
): { sourceCurrency: string; targetCurrency: string; rate: string } | undefined {
  const unverified = (why: string): undefined => {
    warnings.push({
      code: 'EXCHANGE_RATE_UNVERIFIED',
      message: `KURS ${kurs.rate}: ${why}`,
      location: where,
    });
    return undefined;
  };
  const { numerator: n, denominator: d } = kurs;
  if (n === undefined || d === undefined) return unverified('no currencies printed');
  if (n !== currency && d !== currency)
    return unverified(`neither ${n} nor ${d} is the account currency ${currency}`);
  const foreign = n === currency ? d : n;
  if (instructed === undefined || instructed.currency !== foreign)
    return unverified(`no /OCMT/ amount in ${foreign} to check it against`);
  const fExp = currencyExponent(foreign) ?? 2;
  const candidates = [amountMinor, amountMinor + (charges ?? 0), amountMinor - (charges ?? 0)];
  const agrees = candidates.some((booked) =>
    d === currency
      ? rateAgrees(kurs.rate, booked, exp, instructed.amountMinor, fExp)
      : rateAgrees(kurs.rate, instructed.amountMinor, fExp, booked, exp),
  );
  if (!agrees)
    return unverified(
      `${n}/${d} does not turn ${instructed.currency} ${instructed.amountMinor} into ${currency} ${amountMinor}`,
    );
  return { sourceCurrency: d, targetCurrency: n, rate: kurs.rate };
}
