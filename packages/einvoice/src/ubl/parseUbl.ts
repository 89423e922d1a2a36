import { EInvoiceError } from '../errors/EInvoiceError.js';
import type { EAddress, EAllowanceCharge, EInvoice, ELine, EParty, EVat } from '../model/EInvoice.js';
import { optionalField as opt } from '../xml/optionalField.js';
import { readIdentifier as id } from '../xml/readIdentifier.js';
import { TreeReader } from '../xml/TreeReader.js';
import type { XmlElement } from '../xml/XmlElement.js';
import { UBL_NS } from './ublNamespaces.js';

function address(r: TreeReader, el: XmlElement | undefined): EAddress | undefined {
  if (!el) return undefined;
  return {
    ...opt('line1', r.text(el, 'cbc:StreetName')),
    ...opt('line2', r.text(el, 'cbc:AdditionalStreetName')),
    ...opt('city', r.text(el, 'cbc:CityName')),
    ...opt('postalCode', r.text(el, 'cbc:PostalZone')),
    ...opt('subdivision', r.text(el, 'cbc:CountrySubentity')),
    country: r.required(el, 'cac:Country/cbc:IdentificationCode', 'BR-09', 'country code'),
  };
}

function party(r: TreeReader, p: XmlElement, rule: string): EParty {
  let vatId: string | undefined;
  let taxRegistrationId: string | undefined;
  for (const ts of r.all(p, 'cac:PartyTaxScheme')) {
    const scheme = r.text(ts, 'cac:TaxScheme/cbc:ID');
    if (scheme === 'VAT') vatId = r.text(ts, 'cbc:CompanyID');
    else taxRegistrationId = r.text(ts, 'cbc:CompanyID');
  }
  const legal = r.first(p, 'cac:PartyLegalEntity');
  const name = legal ? r.required(legal, 'cbc:RegistrationName', rule, 'legal name') : '';
  if (!legal) r.issue(`${r.pathOf(p)}/cac:PartyLegalEntity`, `${rule}: legal name is missing`);
  return {
    name,
    ...opt('tradingName', r.text(p, 'cac:PartyName/cbc:Name')),
    ...opt('endpoint', id(r, r.first(p, 'cbc:EndpointID'))),
    ids: r.all(p, 'cac:PartyIdentification/cbc:ID').flatMap((e) => id(r, e) ?? []),
    ...opt('legalId', id(r, legal && r.first(legal, 'cbc:CompanyID'))),
    ...opt('vatId', vatId),
    ...opt('taxRegistrationId', taxRegistrationId),
    ...opt('address', address(r, r.first(p, 'cac:PostalAddress'))),
    ...opt('contactName', r.text(p, 'cac:Contact/cbc:Name')),
    ...opt('contactPhone', r.text(p, 'cac:Contact/cbc:Telephone')),
    ...opt('contactEmail', r.text(p, 'cac:Contact/cbc:ElectronicMail')),
  };
}

function vat(r: TreeReader, el: XmlElement | undefined, where: string): EVat {
  if (!el) {
    r.issue(where, 'BR-CO-04: VAT category is missing');
    return { category: '' };
  }
  r.first(el, 'cac:TaxScheme/cbc:ID');
  return {
    category: r.required(el, 'cbc:ID', 'BR-CO-04', 'VAT category code'),
    ...opt('rate', r.text(el, 'cbc:Percent')),
  };
}

function allowanceCharge(r: TreeReader, el: XmlElement, docLevel: boolean): EAllowanceCharge {
  const ind = r.required(el, 'cbc:ChargeIndicator', 'BR-CO-DEC', 'charge indicator');
  if (ind !== 'true' && ind !== 'false' && ind !== '')
    r.issue(`${r.pathOf(el)}/cbc:ChargeIndicator`, `charge indicator must be true or false, got "${ind}"`);
  const charge = ind === 'true';
  const tax = docLevel ? r.first(el, 'cac:TaxCategory') : undefined;
  return {
    charge,
    amount: r.required(el, 'cbc:Amount', charge ? 'BR-36' : 'BR-31', 'amount'),
    ...opt('baseAmount', r.text(el, 'cbc:BaseAmount')),
    ...opt('percent', r.text(el, 'cbc:MultiplierFactorNumeric')),
    ...opt('reason', r.text(el, 'cbc:AllowanceChargeReason')),
    ...opt('reasonCode', r.text(el, 'cbc:AllowanceChargeReasonCode')),
    ...(docLevel ? { vat: vat(r, tax, `${r.pathOf(el)}/cac:TaxCategory`) } : {}),
  };
}

function line(r: TreeReader, el: XmlElement, credit: boolean): ELine {
  const qtyName = credit ? 'cbc:CreditedQuantity' : 'cbc:InvoicedQuantity';
  const qtyEl = r.first(el, qtyName);
  const item = r.first(el, 'cac:Item');
  const price = r.first(el, 'cac:Price');
  const where = r.pathOf(el);
  if (!item) r.issue(`${where}/cac:Item`, 'BR-25: item name is missing');
  if (!price) r.issue(`${where}/cac:Price`, 'BR-26: item net price is missing');
  const base = price && r.first(price, 'cbc:BaseQuantity');
  const priceAc = price && r.first(price, 'cac:AllowanceCharge');
  // BT-147/148: the price discount is always an allowance (ChargeIndicator false).
  if (priceAc && r.text(priceAc, 'cbc:ChargeIndicator') !== 'false')
    r.issue(
      `${r.pathOf(priceAc)}/cbc:ChargeIndicator`,
      'BR-CO-DEC: a price discount must have ChargeIndicator false',
    );
  return {
    id: r.required(el, 'cbc:ID', 'BR-21', 'line identifier'),
    ...opt('note', r.text(el, 'cbc:Note')),
    quantity: r.required(el, qtyName, 'BR-22', 'invoiced quantity'),
    unitCode: qtyEl?.attrs['unitCode'] ?? r.missing(`${where}/${qtyName}`, 'BR-23: unit code is missing'),
    netAmount: r.required(el, 'cbc:LineExtensionAmount', 'BR-24', 'line net amount'),
    ...opt('orderLineRef', r.text(el, 'cac:OrderLineReference/cbc:LineID')),
    name: item ? r.required(item, 'cbc:Name', 'BR-25', 'item name') : '',
    ...opt('description', item && r.text(item, 'cbc:Description')),
    ...opt('buyerItemId', item && r.text(item, 'cac:BuyersItemIdentification/cbc:ID')),
    ...opt('sellerItemId', item && r.text(item, 'cac:SellersItemIdentification/cbc:ID')),
    ...opt('standardItemId', id(r, item && r.first(item, 'cac:StandardItemIdentification/cbc:ID'))),
    price: {
      net: price ? r.required(price, 'cbc:PriceAmount', 'BR-26', 'item net price') : '',
      ...opt('baseQuantity', base && r.text(base, '')),
      ...opt('baseUnitCode', base?.attrs['unitCode']),
      ...opt('discount', priceAc && r.text(priceAc, 'cbc:Amount')),
      ...opt('gross', priceAc && r.text(priceAc, 'cbc:BaseAmount')),
    },
    vat: vat(
      r,
      item && r.first(item, 'cac:ClassifiedTaxCategory'),
      `${where}/cac:Item/cac:ClassifiedTaxCategory`,
    ),
    allowancesCharges: r.all(el, 'cac:AllowanceCharge').map((a) => allowanceCharge(r, a, false)),
  };
}

/**
 * PEPPOL-EN16931-R051: every amount is in the invoice currency, except the VAT total in the
 * tax currency (BT-111). An amount in another currency would otherwise be read as if it were
 * in the invoice currency.
 */
function checkCurrencyIds(
  r: TreeReader,
  root: XmlElement,
  currency: string,
  taxCurrency: string | undefined,
): void {
  // The path is built only for an offending amount: most elements carry no currencyID.
  const stack: XmlElement[] = [root];
  const locate = (chain: readonly XmlElement[]): string =>
    chain
      .map((el, d) => {
        const parent = chain[d - 1];
        if (!parent) return `/${el.local}`;
        const same = parent.children.filter((c) => typeof c !== 'string' && c.name === el.name);
        return `/${el.name}[${same.indexOf(el) + 1}]`;
      })
      .join('');
  const walk = (el: XmlElement): void => {
    for (const c of el.children) {
      if (typeof c === 'string') continue;
      const cur = c.attrs['currencyID'];
      if (
        cur !== undefined &&
        cur !== currency &&
        !(el.local === 'TaxTotal' && c.local === 'TaxAmount' && cur === taxCurrency)
      )
        r.issue(
          locate([...stack, c]),
          `PEPPOL-EN16931-R051: amount in ${cur}, but the invoice currency is ${currency}`,
        );
      if (c.children.length > 1 || typeof c.children[0] !== 'string') {
        stack.push(c);
        walk(c);
        stack.pop();
      }
    }
  };
  if (currency !== '') walk(root);
}

/**
 * Reads a UBL 2.1 Invoice or CreditNote element tree (Peppol BIS Billing 3.0). Missing
 * mandatory terms are collected with their location and thrown together as
 * `ValidationError('INVALID_EINVOICE')`; elements it does not map are kept in `extensions`.
 *
 * @example
 * ```ts
 * const inv = parseUbl(readXml(xml));
 * ```
 */
export function parseUbl(root: XmlElement): EInvoice {
  const credit = root.local === 'CreditNote';
  const rootNs = credit ? UBL_NS.creditNote : UBL_NS.invoice;
  if ((root.local !== 'Invoice' && !credit) || root.ns !== rootNs) {
    throw new EInvoiceError('INVALID_EINVOICE', [
      {
        path: `/${root.name}`,
        message: `root must be UBL Invoice or CreditNote in namespace ${rootNs}, got {${root.ns}}${root.local}`,
      },
    ]);
  }
  const r = new TreeReader(root, { cbc: UBL_NS.cbc, cac: UBL_NS.cac });
  const sellerEl = r.first(root, 'cac:AccountingSupplierParty/cac:Party');
  const buyerEl = r.first(root, 'cac:AccountingCustomerParty/cac:Party');
  if (!sellerEl) r.issue('/Invoice/cac:AccountingSupplierParty', 'BR-06: seller is missing');
  if (!buyerEl) r.issue('/Invoice/cac:AccountingCustomerParty', 'BR-07: buyer is missing');
  const empty: EParty = { name: '', ids: [] };
  const deliveryEl = r.first(root, 'cac:Delivery');
  const location = deliveryEl && r.first(deliveryEl, 'cac:DeliveryLocation');
  const totalsEl = r.first(root, 'cac:LegalMonetaryTotal');
  if (!totalsEl) r.issue(`/${root.local}/cac:LegalMonetaryTotal`, 'BR-12: document totals are missing');
  const t = totalsEl ?? root;
  let vatTotal: string | undefined;
  const vatBreakdown = [];
  const currency = r.required(root, 'cbc:DocumentCurrencyCode', 'BR-05', 'invoice currency code');
  const taxCurrency = r.text(root, 'cbc:TaxCurrencyCode');
  let vatTotalInTaxCurrency: string | undefined;
  for (const tt of r.all(root, 'cac:TaxTotal')) {
    const amount = r.text(tt, 'cbc:TaxAmount');
    const subs = r.all(tt, 'cac:TaxSubtotal');
    // BT-111: the VAT total in the tax currency comes as a second TaxTotal without subtotals.
    const inTaxCurrency = r.first(tt, 'cbc:TaxAmount')?.attrs['currencyID'];
    if (
      subs.length === 0 &&
      taxCurrency !== undefined &&
      inTaxCurrency === taxCurrency &&
      taxCurrency !== currency
    ) {
      vatTotalInTaxCurrency = amount;
      continue;
    }
    if (vatTotal !== undefined)
      r.issue(r.pathOf(tt), 'BR-CO-14: more than one VAT total in the invoice currency');
    vatTotal = amount;
    for (const s of subs) {
      const cat = r.first(s, 'cac:TaxCategory');
      const v = vat(r, cat, `${r.pathOf(s)}/cac:TaxCategory`);
      vatBreakdown.push({
        ...v,
        taxableAmount: r.required(s, 'cbc:TaxableAmount', 'BR-45', 'VAT category taxable amount'),
        taxAmount: r.required(s, 'cbc:TaxAmount', 'BR-46', 'VAT category tax amount'),
        ...opt('exemptionReason', cat && r.text(cat, 'cbc:TaxExemptionReason')),
        ...opt('exemptionReasonCode', cat && r.text(cat, 'cbc:TaxExemptionReasonCode')),
      });
    }
  }
  const lineEls = r.all(root, credit ? 'cac:CreditNoteLine' : 'cac:InvoiceLine');
  if (lineEls.length === 0) r.issue(`/${root.local}/cac:InvoiceLine`, 'BR-16: at least one line is required');
  const delivery =
    deliveryEl === undefined
      ? undefined
      : {
          ...opt('date', r.text(deliveryEl, 'cbc:ActualDeliveryDate')),
          ...opt('locationId', id(r, location && r.first(location, 'cbc:ID'))),
          ...opt('partyName', r.text(deliveryEl, 'cac:DeliveryParty/cac:PartyName/cbc:Name')),
          ...opt('address', address(r, location && r.first(location, 'cac:Address'))),
        };
  const invoice: EInvoice = {
    syntax: 'UBL',
    kind: credit ? 'creditNote' : 'invoice',
    customizationId: r.required(root, 'cbc:CustomizationID', 'BR-01', 'specification identifier'),
    ...opt('profileId', r.text(root, 'cbc:ProfileID')),
    number: r.required(root, 'cbc:ID', 'BR-02', 'invoice number'),
    issueDate: r.required(root, 'cbc:IssueDate', 'BR-03', 'issue date'),
    ...opt('dueDate', r.text(root, 'cbc:DueDate')),
    typeCode: r.required(
      root,
      credit ? 'cbc:CreditNoteTypeCode' : 'cbc:InvoiceTypeCode',
      'BR-04',
      'invoice type code',
    ),
    notes: r.all(root, 'cbc:Note').flatMap((n) => r.text(n, '') ?? []),
    currency,
    ...opt('taxCurrency', taxCurrency),
    ...opt('accountingCost', r.text(root, 'cbc:AccountingCost')),
    ...opt('buyerReference', r.text(root, 'cbc:BuyerReference')),
    ...opt('orderReference', r.text(root, 'cac:OrderReference/cbc:ID')),
    ...opt('salesOrderReference', r.text(root, 'cac:OrderReference/cbc:SalesOrderID')),
    ...opt('precedingInvoice', r.text(root, 'cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID')),
    ...opt('contractReference', r.text(root, 'cac:ContractDocumentReference/cbc:ID')),
    seller: sellerEl ? party(r, sellerEl, 'BR-06') : empty,
    buyer: buyerEl ? party(r, buyerEl, 'BR-07') : empty,
    ...opt('delivery', delivery && Object.keys(delivery).length ? delivery : undefined),
    paymentMeans: r.all(root, 'cac:PaymentMeans').map((pm) => ({
      code: r.required(pm, 'cbc:PaymentMeansCode', 'BR-49', 'payment means type code'),
      ...opt('remittance', r.text(pm, 'cbc:PaymentID')),
      ...opt('iban', r.text(pm, 'cac:PayeeFinancialAccount/cbc:ID')),
      ...opt('accountName', r.text(pm, 'cac:PayeeFinancialAccount/cbc:Name')),
      ...opt('bic', r.text(pm, 'cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cbc:ID')),
    })),
    ...opt('paymentTerms', r.text(root, 'cac:PaymentTerms/cbc:Note')),
    allowancesCharges: r.all(root, 'cac:AllowanceCharge').map((a) => allowanceCharge(r, a, true)),
    vatBreakdown,
    totals: {
      lineNet: r.required(t, 'cbc:LineExtensionAmount', 'BR-12', 'sum of line net amounts'),
      ...opt('allowanceTotal', r.text(t, 'cbc:AllowanceTotalAmount')),
      ...opt('chargeTotal', r.text(t, 'cbc:ChargeTotalAmount')),
      taxExclusive: r.required(t, 'cbc:TaxExclusiveAmount', 'BR-13', 'total without VAT'),
      ...opt('vatTotal', vatTotal),
      ...opt('vatTotalInTaxCurrency', vatTotalInTaxCurrency),
      taxInclusive: r.required(t, 'cbc:TaxInclusiveAmount', 'BR-14', 'total with VAT'),
      ...opt('prepaid', r.text(t, 'cbc:PrepaidAmount')),
      ...opt('rounding', r.text(t, 'cbc:PayableRoundingAmount')),
      payable: r.required(t, 'cbc:PayableAmount', 'BR-15', 'amount due for payment'),
    },
    lines: lineEls.map((l) => line(r, l, credit)),
    extensions: [],
  };
  checkCurrencyIds(r, root, invoice.currency, taxCurrency);
  r.throwIfIssues('INVALID_EINVOICE');
  return {
    ...invoice,
    extensions: r.extensions({ [rootNs]: '', [UBL_NS.cac]: 'cac', [UBL_NS.cbc]: 'cbc' }),
  };
}
