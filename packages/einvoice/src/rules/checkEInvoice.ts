// EN 16931 arithmetic and core business rules (BR-CO totals, VAT breakdown), located per syntax.
import { isCurrencyCode, type ValidationIssue } from '@quidfin/core';
import type { EInvoice } from '../model/EInvoice.js';
import { add, cmp, type Dec, dec, divRound, mul, round, show, sub, ZERO } from './decimal.js';

/**
 * One broken rule: `rule` is the EN 16931 / Peppol rule id, `path` an XPath-like location in
 * the syntax the invoice came from (or will be written in).
 *
 * @example
 * ```ts
 * const i: EInvoiceIssue = { rule: 'BR-CO-10', path: '/Invoice/cac:LegalMonetaryTotal/cbc:LineExtensionAmount', message: 'is 1300 but the lines add up to 1299' };
 * ```
 */
export interface EInvoiceIssue extends ValidationIssue {
  readonly rule: string;
}

const UBL_SUM = '/Invoice/cac:LegalMonetaryTotal/cbc:';
const CII_SETTLE =
  '/CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement';
const CII_SUM = `${CII_SETTLE}/ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:`;
const TOTAL_NAMES = {
  lineNet: ['LineExtensionAmount', 'LineTotalAmount'],
  allowanceTotal: ['AllowanceTotalAmount', 'AllowanceTotalAmount'],
  chargeTotal: ['ChargeTotalAmount', 'ChargeTotalAmount'],
  taxExclusive: ['TaxExclusiveAmount', 'TaxBasisTotalAmount'],
  vatTotal: ['', 'TaxTotalAmount'],
  taxInclusive: ['TaxInclusiveAmount', 'GrandTotalAmount'],
  prepaid: ['PrepaidAmount', 'TotalPrepaidAmount'],
  rounding: ['PayableRoundingAmount', 'RoundingAmount'],
  payable: ['PayableAmount', 'DuePayableAmount'],
} as const;

/** Location helpers for one syntax. */
function locator(inv: EInvoice) {
  const ubl = inv.syntax === 'UBL';
  const root = ubl ? `/${inv.kind === 'creditNote' ? 'CreditNote' : 'Invoice'}` : '';
  const lineTag = inv.kind === 'creditNote' ? 'CreditNoteLine' : 'InvoiceLine';
  return {
    total: (k: keyof typeof TOTAL_NAMES): string =>
      ubl
        ? k === 'vatTotal'
          ? `${root}/cac:TaxTotal/cbc:TaxAmount`
          : `${UBL_SUM.replace('/Invoice', root)}${TOTAL_NAMES[k][0]}`
        : `${CII_SUM}${TOTAL_NAMES[k][1]}`,
    line: (i: number, ublTerm: string, ciiTerm: string): string =>
      ubl
        ? `${root}/cac:${lineTag}[${i + 1}]/${ublTerm}`
        : `/CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem[${i + 1}]/${ciiTerm}`,
    vat: (i: number, ublTerm: string, ciiTerm: string): string =>
      ubl
        ? `${root}/cac:TaxTotal/cac:TaxSubtotal[${i + 1}]/${ublTerm}`
        : `${CII_SETTLE}/ram:ApplicableTradeTax[${i + 1}]/${ciiTerm}`,
    ac: (i: number): string =>
      ubl
        ? `${root}/cac:AllowanceCharge[${i + 1}]/cbc:Amount`
        : `${CII_SETTLE}/ram:SpecifiedTradeAllowanceCharge[${i + 1}]/ram:ActualAmount`,
    head: (ublTerm: string, ciiTerm: string): string => (ubl ? `${root}/${ublTerm}` : ciiTerm),
  };
}

/**
 * Checks the EN 16931 arithmetic and core rules of an invoice without throwing: amounts and
 * quantities are plain decimals (amounts at most 2 decimals, BR-DEC), line net = quantity x
 * price / base quantity + line charges - line allowances (PEPPOL-EN16931-R120, for Peppol BIS documents only), the totals
 * BR-CO-10 to BR-CO-16, the VAT breakdown (BR-CO-17, BR-CO-18, BR-xx-08 per category and
 * rate, every line category present), ISO 4217 currency and calendar dates. Returns every
 * issue found, each located by an XPath-like path.
 *
 * @example
 * ```ts
 * for (const i of checkEInvoice(inv)) console.log(i.rule, i.path, i.message);
 * ```
 */
export function checkEInvoice(inv: EInvoice): EInvoiceIssue[] {
  const issues: EInvoiceIssue[] = [];
  const at = locator(inv);
  const peppol = inv.customizationId.includes('peppol');
  const push = (rule: string, path: string, message: string) => issues.push({ rule, path, message });
  const num = (text: string | undefined, path: string, amount: boolean): Dec | undefined => {
    if (text === undefined) return undefined;
    const d = dec(text);
    if (!d) push('BR-DEC', path, `"${text}" is not a plain decimal number`);
    else if (amount && d.scale > 2) push('BR-DEC', path, `${text} has more than 2 decimals`);
    return d;
  };
  const eq = (rule: string, path: string, actual: Dec | undefined, expected: Dec, what: string) => {
    if (actual && cmp(actual, expected) !== 0)
      push(rule, path, `is ${show(actual)} but ${what} is ${show(expected)}`);
  };

  if (!isCurrencyCode(inv.currency))
    push(
      'BR-CL-04',
      at.head('cbc:DocumentCurrencyCode', `${CII_SETTLE}/ram:InvoiceCurrencyCode`),
      `"${inv.currency}" is not an ISO 4217 code`,
    );
  for (const [k, v] of [
    ['issueDate', inv.issueDate],
    ['dueDate', inv.dueDate],
  ] as const) {
    if (v !== undefined && !isDate(v))
      push(
        'BR-DEC',
        at.head(`cbc:${k === 'issueDate' ? 'IssueDate' : 'DueDate'}`, k),
        `"${v}" is not a calendar date`,
      );
  }

  // Per VAT category and rate: net of lines and document allowances/charges.
  // An absent rate and 0 are the same rate (category O carries none, some files write 0).
  const key = (category: string, rate: string | undefined) => `${category}|${show(dec(rate ?? '0') ?? ZERO)}`;
  const basis = new Map<string, Dec>();
  const bump = (k: string, d: Dec) => basis.set(k, add(basis.get(k) ?? ZERO, d));

  let lineSum: Dec = ZERO;
  inv.lines.forEach((l, i) => {
    const net = num(
      l.netAmount,
      at.line(
        i,
        'cbc:LineExtensionAmount',
        'ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount',
      ),
      true,
    );
    const qty = num(
      l.quantity,
      at.line(i, 'cbc:InvoicedQuantity', 'ram:SpecifiedLineTradeDelivery/ram:BilledQuantity'),
      false,
    );
    const price = num(
      l.price.net,
      at.line(
        i,
        'cac:Price/cbc:PriceAmount',
        'ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice/ram:ChargeAmount',
      ),
      false,
    );
    const base = num(
      l.price.baseQuantity,
      at.line(
        i,
        'cac:Price/cbc:BaseQuantity',
        'ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice/ram:BasisQuantity',
      ),
      false,
    );
    if (price && price.units < 0n)
      push(
        'BR-27',
        at.line(
          i,
          'cac:Price/cbc:PriceAmount',
          'ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice/ram:ChargeAmount',
        ),
        'item net price must not be negative',
      );
    if (!net) return;
    lineSum = add(lineSum, net);
    bump(key(l.vat.category, l.vat.rate), net);
    // PEPPOL-EN16931-R120 is a Peppol BIS rule; plain EN 16931 (e.g. XRechnung) does not require it.
    if (peppol && qty && price && base?.units !== 0n) {
      let expected = base ? divRound(mul(qty, price), base, 2) : round(mul(qty, price), 2);
      l.allowancesCharges.forEach((a, j) => {
        const d = num(
          a.amount,
          at.line(
            i,
            `cac:AllowanceCharge[${j + 1}]/cbc:Amount`,
            `ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeAllowanceCharge[${j + 1}]/ram:ActualAmount`,
          ),
          true,
        );
        if (d) expected = a.charge ? add(expected, d) : sub(expected, d);
      });
      eq(
        'PEPPOL-EN16931-R120',
        at.line(
          i,
          'cbc:LineExtensionAmount',
          'ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount',
        ),
        net,
        expected,
        'quantity x price / base quantity + charges - allowances',
      );
    }
  });

  let allowances: Dec = ZERO;
  let charges: Dec = ZERO;
  inv.allowancesCharges.forEach((a, i) => {
    const d = num(a.amount, at.ac(i), true);
    if (!d) return;
    if (a.charge) charges = add(charges, d);
    else allowances = add(allowances, d);
    if (a.vat) bump(key(a.vat.category, a.vat.rate), a.charge ? d : sub(ZERO, d));
  });

  const t = inv.totals;
  const T = (k: keyof typeof TOTAL_NAMES) => num(t[k], at.total(k), true);
  eq('BR-CO-10', at.total('lineNet'), T('lineNet'), lineSum, 'the sum of line net amounts');
  eq(
    'BR-CO-11',
    at.total('allowanceTotal'),
    T('allowanceTotal'),
    allowances,
    'the sum of document allowances',
  );
  eq('BR-CO-12', at.total('chargeTotal'), T('chargeTotal'), charges, 'the sum of document charges');
  if (t.allowanceTotal === undefined && allowances.units !== 0n)
    push(
      'BR-CO-11',
      at.total('allowanceTotal'),
      `missing, the document allowances add up to ${show(allowances)}`,
    );
  if (t.chargeTotal === undefined && charges.units !== 0n)
    push('BR-CO-12', at.total('chargeTotal'), `missing, the document charges add up to ${show(charges)}`);
  const lineNet = T('lineNet') ?? lineSum;
  const taxExcl = T('taxExclusive');
  eq(
    'BR-CO-13',
    at.total('taxExclusive'),
    taxExcl,
    add(sub(lineNet, T('allowanceTotal') ?? ZERO), T('chargeTotal') ?? ZERO),
    'line net - allowances + charges',
  );

  let vatSum: Dec = ZERO;
  if (inv.vatBreakdown.length === 0)
    push(
      'BR-CO-18',
      at.head('cac:TaxTotal', `${CII_SETTLE}/ram:ApplicableTradeTax`),
      'the VAT breakdown must have at least one row',
    );
  const seen = new Set<string>();
  inv.vatBreakdown.forEach((v, i) => {
    const taxable = num(v.taxableAmount, at.vat(i, 'cbc:TaxableAmount', 'ram:BasisAmount'), true);
    const tax = num(v.taxAmount, at.vat(i, 'cbc:TaxAmount', 'ram:CalculatedAmount'), true);
    const rate = num(v.rate, at.vat(i, 'cac:TaxCategory/cbc:Percent', 'ram:RateApplicablePercent'), false);
    const k = key(v.category, v.rate);
    if (seen.has(k))
      push(
        'BR-CO-18',
        at.vat(i, 'cac:TaxCategory', 'ram:CategoryCode'),
        `VAT category ${v.category} at ${v.rate ?? 'no'} rate appears twice`,
      );
    seen.add(k);
    if (tax) vatSum = add(vatSum, tax);
    if (taxable && tax && rate)
      eq(
        'BR-CO-17',
        at.vat(i, 'cbc:TaxAmount', 'ram:CalculatedAmount'),
        tax,
        divRound(mul(taxable, rate), { units: 100n, scale: 0 }, 2),
        'taxable amount x rate / 100, rounded to 2 decimals',
      );
    if (taxable)
      eq(
        `BR-${v.category}-08`,
        at.vat(i, 'cbc:TaxableAmount', 'ram:BasisAmount'),
        taxable,
        basis.get(k) ?? ZERO,
        `the net of lines, allowances and charges in category ${v.category} at ${v.rate ?? 'no'} rate`,
      );
  });
  for (const k of basis.keys()) {
    if (!seen.has(k)) {
      const [cat, rate] = k.split('|');
      push(
        `BR-${cat}-01`,
        at.head('cac:TaxTotal', `${CII_SETTLE}/ram:ApplicableTradeTax`),
        `no VAT breakdown row for category ${cat} at ${rate || 'no'} rate used by lines or allowances/charges`,
      );
    }
  }
  const vatTotal = T('vatTotal');
  if (vatTotal)
    eq('BR-CO-14', at.total('vatTotal'), vatTotal, vatSum, 'the sum of VAT breakdown tax amounts');
  const taxIncl = T('taxInclusive');
  if (taxExcl)
    eq(
      'BR-CO-15',
      at.total('taxInclusive'),
      taxIncl,
      add(taxExcl, vatTotal ?? ZERO),
      'total without VAT + total VAT',
    );
  if (taxIncl)
    eq(
      'BR-CO-16',
      at.total('payable'),
      T('payable'),
      add(sub(taxIncl, T('prepaid') ?? ZERO), T('rounding') ?? ZERO),
      'total with VAT - prepaid + rounding',
    );
  return issues;
}

function isDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}
