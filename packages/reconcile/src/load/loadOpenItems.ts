// Open items from an ERP export (CSV with a column mapping, or JSON) into `OpenInvoice`s, with
// the credit-note sign convention stated by the caller rather than guessed.
import { currencyExponent } from '@quidfin/core';
import { ReconcileInputError } from '../errors/ReconcileInputError.js';
import type { OpenInvoice } from '../model/OpenInvoice.js';
import { parseDecimalMinor } from '../money/parseDecimalMinor.js';
import { checkOpenItemOptions } from './checkOpenItemOptions.js';
import type { OpenItemColumns, OpenItemOptions } from './OpenItemOptions.js';
import { parsePaymentTerms } from './parsePaymentTerms.js';

export type { CreditNoteConvention, OpenItemColumns, OpenItemOptions } from './OpenItemOptions.js';

/**
 * Reads open items from CSV text with a header row. Throws {@link ReconcileInputError} naming
 * the row and column of the first bad value; returns nothing half-read.
 *
 * @example
 * ```ts
 * const open = loadOpenItemsCsv('Nr;Kunde;Whrg;Betrag\nRE-1;K1;EUR;-100,00\n', {
 *   columns: { invoiceNumber: 'Nr', payerId: 'Kunde', currency: 'Whrg', amount: 'Betrag' },
 *   creditNotes: { by: 'negative-amount' }, decimalSeparator: ',',
 * });
 * open[0]?.kind; // 'credit-note'
 * ```
 */
export function loadOpenItemsCsv(text: string, options: OpenItemOptions): OpenInvoice[] {
  checkOpenItemOptions(options);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = body.slice(0, body.indexOf('\n') < 0 ? body.length : body.indexOf('\n'));
  const delimiter =
    options.delimiter ??
    ([';', '\t', ','] as const).reduce((best, d) =>
      firstLine.split(d).length > firstLine.split(best).length ? d : best,
    );
  const rows = splitCsv(body, delimiter);
  const header = rows[0];
  if (header === undefined) throw new ReconcileInputError('csv', 'is empty');
  const records = rows.slice(1).filter((r) => r.some((c) => c.trim() !== ''));
  const col = new Map(header.map((h, k) => [h.trim(), k]));
  for (const [field, name] of Object.entries(options.columns))
    if (typeof name === 'string' && !col.has(name))
      throw new ReconcileInputError(`columns.${field}`, `no column "${name}" in the header`);
  return records.map((r, k) =>
    toInvoice(
      (name) => {
        const i = col.get(name);
        return i === undefined ? undefined : r[i];
      },
      `row ${k + 2}`,
      options,
    ),
  );
}

/**
 * Reads open items from JSON: an array of objects, keys named by `columns`. Amounts must be
 * decimal strings (`"1234.56"`): a JSON number is a float and is refused.
 *
 * @example
 * ```ts
 * const open = loadOpenItemsJson('[{"no":"INV-1","cust":"C1","ccy":"EUR","amt":"100.00"}]', {
 *   columns: { invoiceNumber: 'no', payerId: 'cust', currency: 'ccy', amount: 'amt' },
 *   creditNotes: { by: 'negative-amount' },
 * });
 * ```
 */
export function loadOpenItemsJson(
  json: string | readonly unknown[],
  options: OpenItemOptions,
): OpenInvoice[] {
  checkOpenItemOptions(options);
  let data: unknown;
  try {
    data = typeof json === 'string' ? JSON.parse(json) : json;
  } catch (e) {
    throw new ReconcileInputError('json', `is not valid JSON (${(e as Error).message})`);
  }
  if (!Array.isArray(data)) throw new ReconcileInputError('json', 'must be an array of objects');
  return data.map((row: unknown, k) => {
    if (row === null || typeof row !== 'object' || Array.isArray(row))
      throw new ReconcileInputError(`[${k}]`, 'must be an object');
    const obj = row as Record<string, unknown>;
    return toInvoice(
      (name) => {
        const v = obj[name];
        if (v === undefined || v === null) return undefined;
        if (typeof v === 'string') return v;
        if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.join('|');
        throw new ReconcileInputError(
          `[${k}].${name}`,
          `must be a string (got ${typeof v}; amounts as decimal strings)`,
        );
      },
      `[${k}]`,
      options,
    );
  });
}

function toInvoice(
  get: (name: string) => string | undefined,
  where: string,
  options: OpenItemOptions,
): OpenInvoice {
  const c = options.columns;
  const read = (field: keyof OpenItemColumns): string | undefined => {
    const name = c[field];
    if (name === undefined) return undefined;
    const v = get(name)?.trim();
    return v === '' ? undefined : v;
  };
  const need = (field: keyof OpenItemColumns): string => {
    const v = read(field);
    if (v === undefined) throw new ReconcileInputError(`${where}.${c[field]}`, `${field} is required`);
    return v;
  };
  const currency = need('currency').toUpperCase();
  const exp = currencyExponent(currency);
  if (exp === undefined)
    throw new ReconcileInputError(`${where}.${c.currency}`, `unknown currency "${currency}"`);
  const money = (field: 'amount' | 'openAmount', text: string): number => {
    const decimal = options.decimalSeparator ?? '.';
    // Thousands separators go: the other mark, spaces and apostrophes (1.190,00 / 1,190.00 / 1'190.00).
    const plain = text
      .replace(/[\s']/g, '')
      .split(decimal === ',' ? '.' : ',')
      .join('');
    const v = parseDecimalMinor(plain, exp, decimal);
    if (typeof v === 'string') throw new ReconcileInputError(`${where}.${c[field]}`, v);
    return v;
  };
  const gross = money('amount', need('amount'));
  const openText = read('openAmount');
  const open = openText === undefined ? gross : money('openAmount', openText);
  let kind: 'invoice' | 'credit-note' = 'invoice';
  if (options.creditNotes.by === 'negative-amount') {
    if (gross < 0 !== open < 0 && open !== 0)
      throw new ReconcileInputError(
        `${where}.${c.openAmount}`,
        'open amount and amount have different signs',
      );
    if (gross < 0) kind = 'credit-note';
  } else {
    if (gross < 0 || open < 0)
      throw new ReconcileInputError(
        `${where}.${c.amount}`,
        'negative amount, but credit notes are told by the kind column (say creditNotes: { by: "negative-amount" } if the export signs them)',
      );
    const k = read('kind');
    if (
      k !== undefined &&
      options.creditNotes.creditNoteValues.some((x) => x.toUpperCase() === k.toUpperCase())
    )
      kind = 'credit-note';
  }
  const amountMinor = Math.abs(gross);
  const openAmountMinor = Math.abs(open);
  if (openAmountMinor > amountMinor)
    throw new ReconcileInputError(`${where}.${c.openAmount}`, 'open amount exceeds the gross amount');
  const date = (field: 'issuedAt' | 'dueAt'): string | undefined => {
    const v = read(field);
    if (v === undefined) return undefined;
    const iso = toIsoDate(v, options.dateFormat ?? 'YYYY-MM-DD');
    if (iso === undefined)
      throw new ReconcileInputError(
        `${where}.${c[field]}`,
        `"${v}" is not a ${options.dateFormat ?? 'YYYY-MM-DD'} date`,
      );
    return iso;
  };
  const issuedAt = date('issuedAt');
  let dueAt = date('dueAt');
  const termsText = read('paymentTerms');
  const terms = termsText === undefined ? undefined : parsePaymentTerms(termsText);
  if (termsText !== undefined && terms === undefined)
    throw new ReconcileInputError(`${where}.${c.paymentTerms}`, `cannot read payment terms "${termsText}"`);
  if (dueAt === undefined && issuedAt !== undefined && terms?.netDays !== undefined)
    dueAt = new Date(Date.parse(`${issuedAt}T00:00:00Z`) + terms.netDays * 86_400_000)
      .toISOString()
      .slice(0, 10);
  const invoiceNumber = need('invoiceNumber');
  const optional = <K extends string>(key: K, v: string | undefined): Partial<Record<K, string>> =>
    v === undefined ? {} : ({ [key]: v } as Record<K, string>);
  const accounts = read('payerAccounts')
    ?.split(/[|;\s]+/)
    .filter((a) => a !== '');
  return {
    invoiceId: read('invoiceId') ?? invoiceNumber,
    invoiceNumber,
    ...(kind === 'credit-note' ? { kind } : {}),
    payerId: need('payerId'),
    ...optional('payerName', read('payerName')),
    ...(accounts && accounts.length > 0 ? { payerAccounts: accounts } : {}),
    currency,
    amountMinor,
    openAmountMinor,
    ...optional('issuedAt', issuedAt),
    ...optional('dueAt', dueAt),
    ...optional('paymentReference', read('paymentReference')),
    ...optional('poNumber', read('poNumber')),
    ...optional('customerNumber', read('customerNumber')),
    ...optional('supplierId', read('supplierId')),
    ...(terms?.discount && kind === 'invoice' ? { earlyPaymentDiscount: terms.discount } : {}),
  };
}

function toIsoDate(v: string, format: NonNullable<OpenItemOptions['dateFormat']>): string | undefined {
  const parts =
    format === 'YYYY-MM-DD'
      ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v)?.slice(1, 4)
      : format === 'DD.MM.YYYY'
        ? /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(v)?.slice(1, 4).reverse()
        : format === 'DD/MM/YYYY'
          ? /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(v)?.slice(1, 4).reverse()
          : (() => {
              const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(v);
              return m ? [m[3] ?? '', m[1] ?? '', m[2] ?? ''] : undefined;
            })();
  if (parts === undefined) return undefined;
  const iso = `${parts[0]}-${parts[1]}-${parts[2]}`;
  const t = Date.parse(`${iso}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === iso ? iso : undefined;
}

/** RFC 4180 rows: quoted fields may hold the delimiter, quotes ("") and line breaks. */
function splitCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (quoted) throw new ReconcileInputError('csv', 'a quoted field is not closed');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
