// Turns one MT940 :61: statement line (and its :86:) into a BankTransaction: dates checked on the
// calendar, /OCMT/ and /CHGS/ read as amounts, the German KURS rate trusted only when it agrees.
import { currencyExponent } from '@quidfin/core';
import { type SourceLocation, StatementParseError } from '../errors/StatementParseError.js';
import type { BankTransaction, ParseWarning } from '../model/BankTransaction.js';
import { parseDecimalMinor } from '../money/parseDecimalMinor.js';
import { calendarDate } from './calendarDate.js';
import { EMPTY_LIST, orEmpty } from './emptyList.js';
import { century } from './mt940Balance.js';
import { parseMt940Details } from './parseMt940Details.js';
import type { TxDraft } from './TxDraft.js';

const LINE_61 =
  /^(\d{2})(\d{2})(\d{2})(\d{4})?(R?[CD])([A-Z])?(\d+(?:,\d*)?)([NFS][A-Z0-9]{3})([^\n]*?)(?:\/\/([^\n]*))?(?:\n([\s\S]*))?$/;

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
  const m = LINE_61.exec(c0 > 32 && c0 < 127 ? f.value : f.value.replace(/^\s+/, ''));
  if (!m) fail(where, `cannot read statement line "${f.value.slice(0, 60)}"`);
  const currency = ctx.currency;
  if (currency === undefined) fail(where, 'no currency (no :60F: balance; pass defaultCurrency)');
  const exp = currencyExponent(currency);
  if (exp === undefined) fail(where, `invalid currency "${currency}"`);
  const [
    ,
    yy = '',
    mm = '',
    dd = '',
    entry,
    mark = '',
    ,
    rawAmount = '',
    type = '',
    customerRef = '',
    bankRef,
    supplementary,
  ] = m;
  const amountMinor = parseDecimalMinor(rawAmount, exp, ',');
  if (typeof amountMinor === 'string') fail(where, `amount ${amountMinor}`);
  const valueDate = calendarDate(century(yy), mm, dd, 'mt940', where);
  let bookingDate = valueDate;
  if (entry !== undefined) {
    // The entry date has no year: take the value date's year, stepping over a year end.
    let year = Number(valueDate.slice(0, 4));
    if (mm === '12' && entry.startsWith('01')) year++;
    else if (mm === '01' && entry.startsWith('12')) year--;
    bookingDate = calendarDate(String(year), entry.slice(0, 2), entry.slice(2), 'mt940', where);
  }
  const details = info === undefined ? undefined : parseMt940Details(info.value);
  const cref = customerRef.trim();
  const other: string[] = [];
  if (cref !== '' && cref !== 'NONREF') other.push(cref);
  const more = details?.otherReferences;
  if (more !== undefined)
    for (let k = 0; k < more.length; k++) {
      const r = more[k] as string;
      if (r !== '' && r !== 'NONREF') other.push(r);
    }
  const bank = bankRef?.trim();
  // Supplementary details (subfield 9): /OCMT/ original amount and /CHGS/ charges are data.
  let supp = supplementary?.trim() ?? '';
  let instructed: { amountMinor: number; currency: string } | undefined;
  let chargesMinor: number | undefined;
  const extraInfo: string[] = [];
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
      extraInfo.push(`CHGS ${chgs[1]}`);
      warnings.push({
        code: 'CHARGES_OTHER_CURRENCY',
        message: `charges in ${c.currency} on a ${currency} line are kept as text, not as chargesMinor`,
        location: where,
      });
    }
  }
  supp = (supp.charCodeAt(0) === 47 ? supp.replace(/^\/+$/, '') : supp).trim();
  const exchangeRate = trustedKurs(
    details?.kurs,
    currency,
    exp,
    amountMinor,
    instructed,
    chargesMinor,
    where,
    warnings,
  );
  if (details?.kurs !== undefined && exchangeRate === undefined) {
    const k = details.kurs;
    extraInfo.push(`KURS ${k.rate}${k.numerator === undefined ? '' : ` ${k.numerator}/${k.denominator}`}`);
  }
  const counterpartyAccount =
    details?.counterpartyAccount ?? (supp && /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(supp) ? supp : undefined);
  // Built field by field (no spreads) in the same key order as before.
  const tx: TxDraft = { id: ctx.id, format: 'mt940', statementId: ctx.statementId };
  if (ctx.account !== undefined) tx.accountId = ctx.account;
  // RC is the reversal of a credit (a debit entry), RD the reversal of a debit (a credit entry).
  tx.direction = mark === 'C' || mark === 'RD' ? 'credit' : 'debit';
  tx.amountMinor = amountMinor;
  tx.currency = currency;
  tx.bookingDate = bookingDate;
  tx.valueDate = valueDate;
  tx.reversal = mark.startsWith('R');
  if (bank) tx.bankReference = bank;
  if (details?.endToEndId !== undefined) tx.endToEndId = details.endToEndId;
  tx.otherReferences = orEmpty(other);
  tx.creditorReferences = orEmpty(details?.creditorReferences ?? EMPTY_LIST);
  tx.referredDocuments = EMPTY_LIST;
  tx.remittanceText = orEmpty(details?.remittanceText ?? EMPTY_LIST);
  const additional: string[] = [];
  const fromDetails = details?.additionalInfo;
  if (fromDetails !== undefined)
    for (let k = 0; k < fromDetails.length; k++) additional.push(fromDetails[k] as string);
  if (supp && supp !== counterpartyAccount) additional.push(supp);
  for (let k = 0; k < extraInfo.length; k++) additional.push(extraInfo[k] as string);
  tx.additionalInfo = orEmpty(additional);
  if (details?.counterpartyName !== undefined) tx.counterpartyName = details.counterpartyName;
  if (counterpartyAccount !== undefined) tx.counterpartyAccount = counterpartyAccount;
  if (chargesMinor !== undefined) tx.chargesMinor = chargesMinor;
  if (
    !(
      instructed === undefined ||
      (instructed.currency === currency && instructed.amountMinor === amountMinor)
    )
  )
    tx.instructedAmount = instructed;
  if (exchangeRate !== undefined) tx.exchangeRate = exchangeRate;
  tx.transactionCode = details?.transactionCode === undefined ? type : `${type}/${details.transactionCode}`;
  tx.source = where;
  return tx as BankTransaction;
}

/**
 * "KURS r N/D" is read as a unit, N per D: one D buys r N. It is trusted only when one side is
 * the account currency and the /OCMT/ original amount in the other currency agrees with it (with
 * or without the charges); otherwise the rate stays text and a warning says why.
 */
function trustedKurs(
  kurs: { rate: string; numerator?: string; denominator?: string } | undefined,
  currency: string,
  exp: number,
  amountMinor: number,
  instructed: { amountMinor: number; currency: string } | undefined,
  charges: number | undefined,
  where: SourceLocation,
  warnings: ParseWarning[],
): { sourceCurrency: string; targetCurrency: string; rate: string } | undefined {
  if (kurs === undefined) return undefined;
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
