// Renders synthetic bank lines as a German MT940 (DK `:86:` with `?NN` sub-fields), the way the
// same entries reach a collection account's owner by SWIFT: purpose text cut into 27-character
// sub-fields, the payer name cut at 27 characters (`?32`), RF references only in the text,
// /OCMT/ and /CHGS/ in the `:61:` supplementary details, the rate as a German bank prints it: its
// own `:86:` purpose sub-field `KURS 0,940292 CHF/EUR`, foreign currency per unit of the account
// currency (Mengennotierung), six decimals.
// Test support only, not a general writer.
import { type BankTransaction, currencyDecimal } from './currencyDecimal.js';

const comma = (minor: number, ccy: string): string => currencyDecimal(minor, ccy).replace('.', ',');
const yymmdd = (d: string): string => d.slice(2).replace(/-/g, '');
const clean = (s: string): string => s.replace(/[?:]/g, ' ');

export function writeMt940(statementId: string, account: string, lines: readonly BankTransaction[]): string {
  // One message per currency: an MT940 statement is for one account in one currency.
  const currencies = [...new Set(lines.map((l) => l.currency))].sort();
  return currencies
    .map((c) =>
      message(
        currencies.length > 1 ? `${statementId}${c}` : statementId,
        c === 'EUR' ? account : `${account}${c}`,
        lines.filter((l) => l.currency === c),
      ),
    )
    .join('');
}

function message(statementId: string, account: string, lines: readonly BankTransaction[]): string {
  const ccy = lines[0]?.currency ?? 'EUR';
  const first = lines[0]?.bookingDate ?? '2026-01-01';
  const last = lines[lines.length - 1]?.bookingDate ?? first;
  let balance = 0;
  const out = [
    `:20:${statementId.slice(0, 16)}`,
    `:25:${account}`,
    ':28C:00001/001',
    `:60F:C${yymmdd(first)}${ccy}0,00`,
  ];
  for (const t of lines) {
    const date = t.valueDate ?? t.bookingDate ?? first;
    const mark = `${t.reversal ? 'R' : ''}${t.direction === 'credit' ? 'C' : 'D'}`;
    balance += t.direction === 'credit' ? t.amountMinor : -t.amountMinor;
    const supp = [
      t.instructedAmount
        ? `/OCMT/${t.instructedAmount.currency}${comma(t.instructedAmount.amountMinor, t.instructedAmount.currency)}/`
        : '',
      t.chargesMinor ? `/CHGS/${t.currency}${comma(t.chargesMinor, t.currency)}/` : '',
    ].join('');
    out.push(
      `:61:${yymmdd(date)}${(t.bookingDate ?? date).slice(5).replace('-', '')}${mark}${comma(t.amountMinor, t.currency)}NTRFNONREF//${(t.bankReference ?? '').slice(0, 16)}${supp ? `\n${supp}` : ''}`,
    );
    const text = [
      ...t.remittanceText,
      ...t.creditorReferences,
      ...t.referredDocuments.map((d) => d.number),
    ].join(' ');
    const purpose = `${t.endToEndId ? `EREF+${clean(t.endToEndId)}` : ''}SVWZ+${clean(text)}`;
    const kurs = t.exchangeRate ? kursField(t.exchangeRate, t.currency) : undefined;
    // The rate sub-field is the bank's, after the payer's purpose: it is never cut off.
    const room = kurs === undefined ? 14 : 13;
    const chunks: string[] = [];
    for (let k = 0; k < purpose.length && chunks.length < room; k += 27)
      chunks.push(purpose.slice(k, k + 27));
    if (kurs !== undefined) chunks.push(kurs);
    const keys = [20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 60, 61, 62, 63];
    const sub = chunks.map((c, k) => `?${keys[k]}${c}`).join('');
    const name = t.counterpartyName ? `?32${clean(t.counterpartyName).slice(0, 27)}` : '';
    const iban = t.counterpartyAccount ? `?31${t.counterpartyAccount}` : '';
    const body = `166?00${t.direction === 'credit' ? 'GUTSCHRIFT' : 'LASTSCHRIFT'}${sub}?30COBADEFFXXX${iban}${name}`;
    // :86: continuation lines of at most 65 characters.
    const rows: string[] = [];
    for (let k = 0; k < body.length; k += 65) rows.push(body.slice(k, k + 65));
    out.push(`:86:${rows.join('\n')}`);
  }
  out.push(`:62F:${balance >= 0 ? 'C' : 'D'}${yymmdd(last)}${ccy}${comma(Math.abs(balance), ccy)}`, '-');
  return `${out.join('\n')}\n`;
}

/**
 * `KURS r F/A`: one unit of the account currency A buys r of the foreign currency F, as German
 * banks quote it; a rate given the other way round is inverted exactly (bigint, rounded half up).
 */
function kursField(x: NonNullable<BankTransaction['exchangeRate']>, account: string): string {
  const six = (num: bigint, den: bigint): string => {
    const v = (num * 2_000_000n + den) / (2n * den);
    const s = v.toString().padStart(7, '0');
    return `${s.slice(0, -6)},${s.slice(-6)}`;
  };
  const [whole = '0', frac = ''] = x.rate.split('.');
  const r = BigInt(whole + frac);
  const scale = 10n ** BigInt(frac.length);
  // A leading space: the parser joins sub-fields without one, and KURS must stand as a word.
  if (x.targetCurrency === account) return ` KURS ${six(scale, r)} ${x.sourceCurrency}/${account}`;
  if (x.sourceCurrency === account) return ` KURS ${six(r, scale)} ${x.targetCurrency}/${account}`;
  return ` KURS ${six(r, scale)} ${x.targetCurrency}/${x.sourceCurrency}`;
}
