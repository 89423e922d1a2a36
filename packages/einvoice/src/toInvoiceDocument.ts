// Maps an EN 16931 invoice onto quidfin's signed invoice document, refusing what it cannot carry.
import {
  type CurrencyCode,
  checkInvoiceDocument,
  currencyExponent,
  type InvoiceDocument,
  type InvoiceLineItem,
  type ValidationIssue,
} from '@quidfin/core';
import { EInvoiceError } from './errors/EInvoiceError.js';
import type { EAddress, EInvoice, EParty } from './model/EInvoice.js';
import { type Dec, dec, divRound, mul, show } from './rules/decimal.js';

/**
 * Who the parties are on the ledger: the e-invoice names them by VAT id and endpoint, the
 * ledger by quid, and only the caller knows the mapping.
 *
 * @example
 * ```ts
 * const parties: DocumentParties = { supplierQuid: 'aaaaaaaaaaaaaaaa', buyerQuid: 'bbbbbbbbbbbbbbbb' };
 * ```
 */
export interface DocumentParties {
  readonly supplierQuid: string;
  readonly buyerQuid: string;
}

/**
 * The quidfin document plus the full EN 16931 invoice it came from, kept as the extension bag
 * for every term the document cannot carry (endpoints, VAT categories, delivery, allowances,
 * item identifiers, unknown extensions); core's document schema is unchanged.
 *
 * @example
 * ```ts
 * const { document, en16931 } = toInvoiceDocument(inv, parties);
 * ```
 */
export interface MappedInvoiceDocument {
  readonly document: InvoiceDocument;
  readonly en16931: EInvoice;
}

function addressText(a: EAddress | undefined): string | undefined {
  if (!a) return undefined;
  const parts = [
    a.line1,
    a.line2,
    [a.postalCode, a.city].filter(Boolean).join(' '),
    a.subdivision,
    a.country,
  ];
  return parts.filter((p) => p !== undefined && p !== '').join(', ');
}

function party(p: EParty, quid: string, iban?: string) {
  const address = addressText(p.address);
  return {
    quid,
    name: p.name,
    ...(p.vatId === undefined ? {} : { taxId: p.vatId }),
    ...(address === undefined ? {} : { address }),
    ...(iban === undefined ? {} : { iban: iban.replace(/\s+/g, '').toUpperCase() }),
  };
}

/**
 * Maps a parsed e-invoice onto quidfin's {@link InvoiceDocument} (what `invoice.issued` hashes
 * and signs). The document model is deliberately narrow, so the mapping refuses, with
 * `ValidationError('EINVOICE_NOT_REPRESENTABLE')` and one located issue per reason, rather
 * than approximate: credit notes and negative lines (issue a credit note event instead),
 * document-level allowances, prepaid or rounding amounts, a missing due date, VAT rates that
 * are not whole basis points, prices that are not exact in minor units, and a VAT total that
 * differs from the document's per-line rounding. Document-level charges become extra lines.
 * The result passes core's `checkInvoiceDocument`, whose issues are passed on if it does not.
 *
 * @example
 * ```ts
 * const { document } = toInvoiceDocument(parseEInvoice(xml), { supplierQuid, buyerQuid });
 * const jws = signInvoiceDocument(document, documentPrivateKey, { kid: supplierQuid });
 * ```
 */
export function toInvoiceDocument(inv: EInvoice, parties: DocumentParties): MappedInvoiceDocument {
  const issues: ValidationIssue[] = [];
  const no = (path: string, message: string): void => {
    issues.push({ path, message });
  };
  const exp = currencyExponent(inv.currency);
  if (exp === undefined) no('currency', `"${inv.currency}" is not an ISO 4217 currency`);
  const scale: Dec = { units: 10n ** BigInt(exp ?? 0), scale: 0 };
  const minor = (amount: string, path: string): bigint | undefined => {
    const d = dec(amount);
    const m = d && mul(d, scale);
    if (!m || m.units % 10n ** BigInt(m.scale) !== 0n) {
      no(path, `${amount} is not a whole number of minor units of ${inv.currency}`);
      return undefined;
    }
    return m.units / 10n ** BigInt(m.scale);
  };
  if (inv.kind === 'creditNote' || inv.typeCode === '381')
    no('kind', 'a credit note is not an invoice document; record it as a credit against the invoice');
  if (inv.dueDate === undefined) no('dueDate', 'the document needs a due date (BT-9)');
  for (const [k, v] of [
    ['prepaid', inv.totals.prepaid],
    ['rounding', inv.totals.rounding],
  ] as const)
    if (v !== undefined && dec(v)?.units !== 0n) no(`totals.${k}`, `a ${k} amount of ${v} cannot be carried`);

  const bps = (rate: string | undefined, path: string): number => {
    const r = dec(rate ?? '0');
    const b = r && mul(r, { units: 100n, scale: 0 });
    if (!b || b.units % 10n ** BigInt(b.scale) !== 0n || b.units < 0n) {
      no(path, `VAT rate ${rate} is not a whole number of basis points`);
      return 0;
    }
    return Number(b.units / 10n ** BigInt(b.scale));
  };

  const lineItems: InvoiceLineItem[] = [];
  for (const [i, l] of inv.lines.entries()) {
    const path = `lines[${i}]`;
    const qty = dec(l.quantity);
    const price = dec(l.price.net);
    const base = dec(l.price.baseQuantity ?? '1');
    if (!qty || !price || !base || base.units === 0n) {
      no(path, 'quantity, price or base quantity is not a decimal');
      continue;
    }
    if (qty.units < 0n || (dec(l.netAmount)?.units ?? 0n) < 0n) {
      no(path, 'a negative line cannot be carried; record a credit note instead');
      continue;
    }
    if (l.allowancesCharges.length) {
      no(`${path}.allowancesCharges`, 'line allowances and charges cannot be carried');
      continue;
    }
    // Minor units per unit, exact to 18 decimals or refused.
    const perUnit = divRound(mul(price, scale), base, 18);
    if (cmp0(mul(perUnit, base), mul(price, scale)) !== 0) {
      no(`${path}.price`, `price ${l.price.net} per ${l.price.baseQuantity} is not exact in minor units`);
      continue;
    }
    const amount = minor(l.netAmount, `${path}.netAmount`);
    lineItems.push({
      description: l.description === undefined ? l.name : `${l.name}: ${l.description}`,
      quantity: show(qty),
      unitPriceMinor: show(perUnit),
      taxRateBps: bps(l.vat.rate, `${path}.vat.rate`),
      amountMinor: String(amount ?? 0n),
    });
  }
  for (const [i, a] of inv.allowancesCharges.entries()) {
    const path = `allowancesCharges[${i}]`;
    if (!a.charge) {
      no(path, 'a document-level allowance cannot be carried (no negative lines)');
      continue;
    }
    const amount = minor(a.amount, `${path}.amount`);
    lineItems.push({
      description: `Charge: ${a.reason ?? a.reasonCode ?? 'unspecified'}`,
      quantity: '1',
      unitPriceMinor: String(amount ?? 0n),
      taxRateBps: bps(a.vat?.rate, `${path}.vat.rate`),
      amountMinor: String(amount ?? 0n),
    });
  }
  const t = inv.totals;
  const subtotal = minor(t.taxExclusive, 'totals.taxExclusive');
  const tax = minor(t.vatTotal ?? '0', 'totals.vatTotal');
  const total = minor(t.payable, 'totals.payable');
  if (issues.length) throw new EInvoiceError('EINVOICE_NOT_REPRESENTABLE', issues);

  const pm = inv.paymentMeans.find((p) => p.iban !== undefined) ?? inv.paymentMeans[0];
  const notes = inv.notes.join('\n');
  const document: InvoiceDocument = {
    invoiceNumber: inv.number,
    issueDate: inv.issueDate,
    dueDate: inv.dueDate ?? '',
    currency: inv.currency as CurrencyCode,
    supplier: party(inv.seller, parties.supplierQuid, pm?.iban),
    buyer: party(inv.buyer, parties.buyerQuid),
    lineItems,
    subtotalMinor: String(subtotal),
    taxMinor: String(tax),
    totalMinor: String(total),
    ...(pm?.remittance === undefined ? {} : { paymentReference: pm.remittance }),
    ...(inv.orderReference === undefined ? {} : { poReference: inv.orderReference }),
    ...(notes === '' ? {} : { notes }),
  };
  const check = checkInvoiceDocument(document);
  if (!check.ok) throw new EInvoiceError('EINVOICE_NOT_REPRESENTABLE', check.issues);
  return { document: check.document, en16931: inv };
}

function cmp0(a: Dec, b: Dec): number {
  const s = Math.max(a.scale, b.scale);
  const x = a.units * 10n ** BigInt(s - a.scale);
  const y = b.units * 10n ** BigInt(s - b.scale);
  return x === y ? 0 : x < y ? -1 : 1;
}
