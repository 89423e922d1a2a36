// Reads the typed fields of a camt subtree (amounts, dates, exchange rates) with located errors.
import { currencyExponent } from '@quidfin/core';
import { StatementParseError } from '../errors/StatementParseError.js';
import { parseDecimalMinor } from '../money/parseDecimalMinor.js';
import { isoCalendarDate } from './calendarDate.js';
import { attr, child, textAt, textOf, type XmlNode } from './xmlNode.js';

/**
 * Where a camt subtree sits: its format, and the line its element starts on.
 *
 * @example
 * ```ts
 * const at: CamtAt = { format: 'camt.053', line: 42 };
 * ```
 */
export interface CamtAt {
  readonly format: string;
  readonly line: number;
}

/**
 * Throws a located `MALFORMED_STATEMENT`.
 *
 * @example
 * ```ts
 * camtFail({ format: 'camt.053', line: 3 }, 'Document/BkToCstmrStmt/Stmt[0]/Id', 'missing statement Id');
 * ```
 */
export function camtFail(at: CamtAt, path: string, message: string): never {
  throw new StatementParseError('MALFORMED_STATEMENT', at.format, { path, line: at.line }, message);
}

/**
 * An amount and its currency, in minor units.
 *
 * @example
 * ```ts
 * const m: Money = { amountMinor: 885, currency: 'EUR' };
 * ```
 */
export interface Money {
  readonly amountMinor: number;
  readonly currency: string;
}

// Statements are mostly in one currency: the last code looked up is kept with its exponent.
let lastCurrency: { code: string; exponent: number } = { code: '', exponent: 0 };

/**
 * Reads an amount element: `<X Ccy="EUR">1.00</X>`, or `<X><Amt Ccy="EUR">1.00</Amt></X>`
 * (newer versions). Negative amounts are refused: CdtDbtInd carries the sign. The element is at
 * `path`, or at `path/name` when `name` is given (that path is then only built for an error).
 *
 * @example
 * ```ts
 * moneyOf(amtElement, 'Ntry[0]/Amt', at); // { amountMinor: 885, currency: 'EUR' }
 * moneyOf(amtElement, 'Ntry[0]', at, 'Amt'); // the same
 * ```
 */
export function moneyOf(el: XmlNode, path: string, at: CamtAt, name?: string): Money {
  const nested = textOf(el) === undefined && child(el, 'Amt') !== undefined;
  const node = nested ? child(el, 'Amt') : el;
  const raw = textOf(node)?.trim();
  const ccy = attr(node, 'Ccy');
  if (raw === undefined || raw === '') camtFail(at, amountPath(path, name, nested), 'missing amount');
  if (ccy === undefined) camtFail(at, `${amountPath(path, name, nested)}/@Ccy`, 'missing currency');
  const exp = ccy === lastCurrency.code ? lastCurrency.exponent : currencyExponent(ccy);
  if (exp === undefined) camtFail(at, `${amountPath(path, name, nested)}/@Ccy`, `invalid currency "${ccy}"`);
  if (ccy !== lastCurrency.code) lastCurrency = { code: ccy, exponent: exp };
  const minor = parseDecimalMinor(raw, exp, '.');
  if (typeof minor === 'string') camtFail(at, amountPath(path, name, nested), `amount ${minor}`);
  if (minor < 0)
    camtFail(at, amountPath(path, name, nested), 'amount must not be negative (CdtDbtInd carries the sign)');
  return { amountMinor: minor, currency: ccy };
}

function amountPath(path: string, name: string | undefined, nested: boolean): string {
  const p = name === undefined ? path : `${path}/${name}`;
  return nested ? `${p}/Amt` : p;
}

/**
 * {@link moneyOf} for an element that may be absent.
 *
 * @example
 * ```ts
 * optionalMoney(child(tx, 'AmtDtls/InstdAmt'), 'TxDtls[0]/AmtDtls/InstdAmt', at); // Money or undefined
 * ```
 */
export function optionalMoney(el: XmlNode, path: string, at: CamtAt): Money | undefined {
  return el === undefined ? undefined : moneyOf(el, path, at);
}

/**
 * `Dt` or `DtTm` below `path`, as a calendar date that exists.
 *
 * @example
 * ```ts
 * camtDate(ntry, 'BookgDt', 'Document/.../Ntry[0]', at); // '2026-03-02'
 * ```
 */
export function camtDate(node: XmlNode, path: string, base: string, at: CamtAt): string | undefined {
  const holder = child(node, path);
  if (holder === undefined) return undefined;
  return camtDateOf(textAt(holder, 'Dt'), textAt(holder, 'DtTm'), path, base, at);
}

// The last Dt read and its date (see camtDateOf).
let lastDt = { text: '', iso: '' };

/**
 * {@link camtDate} for the texts of the holder's `Dt` and `DtTm` (`undefined` when absent or
 * empty): `Dt` when there is one, else `DtTm`.
 *
 * @example
 * ```ts
 * camtDateOf('2026-03-02', undefined, 'BookgDt', 'Document/.../Ntry[0]', at); // '2026-03-02'
 * ```
 */
export function camtDateOf(
  dt: string | undefined,
  dtTm: string | undefined,
  path: string,
  base: string,
  at: CamtAt,
): string | undefined {
  // Entries mostly repeat the previous date: its location is then not built.
  if (dt !== undefined) {
    if (dt === lastDt.text) return lastDt.iso;
    const iso = isoCalendarDate(dt, at.format, { path: `${base}/${path}/Dt`, line: at.line });
    lastDt = { text: dt, iso };
    return iso;
  }
  if (dtTm !== undefined)
    return isoCalendarDate(dtTm, at.format, { path: `${base}/${path}/DtTm`, line: at.line });
  return undefined;
}

/**
 * `CRDT` or `DBIT` at `CdtDbtInd`, or a located error.
 *
 * @example
 * ```ts
 * creditDebit(ntry, 'Document/.../Ntry[0]', at); // 'CRDT'
 * ```
 */
export function creditDebit(node: XmlNode, base: string, at: CamtAt): 'CRDT' | 'DBIT' {
  return creditDebitValue(textAt(node, 'CdtDbtInd'), base, at);
}

/**
 * {@link creditDebit} for the text of the `CdtDbtInd` below `base` (`undefined` when absent or empty).
 *
 * @example
 * ```ts
 * creditDebitValue('DBIT', 'Document/.../Ntry[0]', at); // 'DBIT'
 * ```
 */
export function creditDebitValue(cd: string | undefined, base: string, at: CamtAt): 'CRDT' | 'DBIT' {
  if (cd !== 'CRDT' && cd !== 'DBIT')
    camtFail(at, `${base}/CdtDbtInd`, `CdtDbtInd must be CRDT or DBIT, got "${cd ?? ''}"`);
  return cd;
}

/**
 * The exchange rate of a `CcyXchg` block: one source unit buys `rate` target units. `UnitCcy`
 * says which currency the rate is quoted per; when it is the target, source and target swap.
 *
 * @example
 * ```ts
 * exchangeRateOf(ccyXchg, 'TxDtls[0]/AmtDtls/InstdAmt/CcyXchg', at); // { sourceCurrency: 'CHF', targetCurrency: 'EUR', rate: '0.926844' }
 * ```
 */
export function exchangeRateOf(
  x: XmlNode,
  path: string,
  at: CamtAt,
): { sourceCurrency: string; targetCurrency: string; rate: string } | undefined {
  if (x === undefined) return undefined;
  const rate = textAt(x, 'XchgRate');
  const src = textAt(x, 'SrcCcy');
  const trgt = textAt(x, 'TrgtCcy');
  const unit = textAt(x, 'UnitCcy');
  if (rate === undefined || !/^\d+(\.\d+)?$/.test(rate) || /^0*(\.0*)?$/.test(rate))
    camtFail(at, `${path}/XchgRate`, `exchange rate "${rate ?? ''}" is not a positive decimal`);
  for (const [k, v] of [
    ['SrcCcy', src],
    ['TrgtCcy', trgt],
    ['UnitCcy', unit],
  ] as const) {
    if (v !== undefined && currencyExponent(v) === undefined)
      camtFail(at, `${path}/${k}`, `invalid currency "${v}"`);
  }
  if (src === undefined || trgt === undefined) return undefined;
  if (unit !== undefined && unit !== src && unit !== trgt)
    camtFail(at, `${path}/UnitCcy`, `UnitCcy ${unit} is neither SrcCcy ${src} nor TrgtCcy ${trgt}`);
  return unit === trgt
    ? { sourceCurrency: trgt, targetCurrency: src, rate }
    : { sourceCurrency: src, targetCurrency: trgt, rate };
}
