import { EInvoiceError } from '../errors/EInvoiceError.js';
import type {
  EAddress,
  EAllowanceCharge,
  EInvoice,
  ELine,
  EParty,
  EVat,
  EVatBreakdown,
} from '../model/EInvoice.js';
import { optionalField as opt } from '../xml/optionalField.js';
import { readIdentifier as id } from '../xml/readIdentifier.js';
import { TreeReader } from '../xml/TreeReader.js';
import type { XmlElement } from '../xml/XmlElement.js';
import { CII_NS } from './ciiNamespaces.js';

/** `udt:DateTimeString format="102"` (YYYYMMDD) as `YYYY-MM-DD`. */
function date(r: TreeReader, el: XmlElement | undefined, path: string): string | undefined {
  const d = el && r.first(el, path);
  const s = d && r.first(d, 'udt:DateTimeString');
  if (!s) return undefined;
  const t = r.text(s, '') ?? '';
  if (s.attrs['format'] !== '102' || !/^\d{8}$/.test(t)) {
    r.issue(
      r.pathOf(s),
      `date must be format 102 (YYYYMMDD), got "${t}" format "${s.attrs['format'] ?? ''}"`,
    );
    return t;
  }
  return `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}`;
}

function address(r: TreeReader, el: XmlElement | undefined): EAddress | undefined {
  if (!el) return undefined;
  return {
    ...opt('line1', r.text(el, 'ram:LineOne')),
    ...opt('line2', r.text(el, 'ram:LineTwo')),
    ...opt('city', r.text(el, 'ram:CityName')),
    ...opt('postalCode', r.text(el, 'ram:PostcodeCode')),
    ...opt('subdivision', r.text(el, 'ram:CountrySubDivisionName')),
    country: r.required(el, 'ram:CountryID', 'BR-09', 'country code'),
  };
}

function party(r: TreeReader, p: XmlElement, rule: string): EParty {
  let vatId: string | undefined;
  let taxRegistrationId: string | undefined;
  for (const reg of r.all(p, 'ram:SpecifiedTaxRegistration/ram:ID')) {
    if (reg.attrs['schemeID'] === 'VA') vatId = r.text(reg, '');
    else taxRegistrationId = r.text(reg, '');
  }
  const legal = r.first(p, 'ram:SpecifiedLegalOrganization');
  return {
    name: r.required(p, 'ram:Name', rule, 'legal name'),
    ...opt('tradingName', legal && r.text(legal, 'ram:TradingBusinessName')),
    ...opt('endpoint', id(r, r.first(p, 'ram:URIUniversalCommunication/ram:URIID'))),
    ids: [...r.all(p, 'ram:ID'), ...r.all(p, 'ram:GlobalID')].flatMap((e) => id(r, e) ?? []),
    ...opt('legalId', id(r, legal && r.first(legal, 'ram:ID'))),
    ...opt('vatId', vatId),
    ...opt('taxRegistrationId', taxRegistrationId),
    ...opt('address', address(r, r.first(p, 'ram:PostalTradeAddress'))),
    ...opt('contactName', r.text(p, 'ram:DefinedTradeContact/ram:PersonName')),
    ...opt(
      'contactPhone',
      r.text(p, 'ram:DefinedTradeContact/ram:TelephoneUniversalCommunication/ram:CompleteNumber'),
    ),
    ...opt('contactEmail', r.text(p, 'ram:DefinedTradeContact/ram:EmailURIUniversalCommunication/ram:URIID')),
  };
}

function vat(r: TreeReader, el: XmlElement | undefined, where: string): EVat {
  if (!el) {
    r.issue(where, 'BR-CO-04: VAT category is missing');
    return { category: '' };
  }
  r.first(el, 'ram:TypeCode');
  return {
    category: r.required(el, 'ram:CategoryCode', 'BR-CO-04', 'VAT category code'),
    ...opt('rate', r.text(el, 'ram:RateApplicablePercent')),
  };
}

function allowanceCharge(r: TreeReader, el: XmlElement, docLevel: boolean): EAllowanceCharge {
  const ind = r.required(el, 'ram:ChargeIndicator/udt:Indicator', 'BR-CO-DEC', 'charge indicator');
  if (ind !== 'true' && ind !== 'false' && ind !== '')
    r.issue(`${r.pathOf(el)}/ram:ChargeIndicator`, `charge indicator must be true or false, got "${ind}"`);
  const charge = ind === 'true';
  const tax = docLevel ? r.first(el, 'ram:CategoryTradeTax') : undefined;
  return {
    charge,
    amount: r.required(el, 'ram:ActualAmount', charge ? 'BR-36' : 'BR-31', 'amount'),
    ...opt('baseAmount', r.text(el, 'ram:BasisAmount')),
    ...opt('percent', r.text(el, 'ram:CalculationPercent')),
    ...opt('reason', r.text(el, 'ram:Reason')),
    ...opt('reasonCode', r.text(el, 'ram:ReasonCode')),
    ...(docLevel ? { vat: vat(r, tax, `${r.pathOf(el)}/ram:CategoryTradeTax`) } : {}),
  };
}

function line(r: TreeReader, el: XmlElement): ELine {
  const where = r.pathOf(el);
  const product = r.first(el, 'ram:SpecifiedTradeProduct');
  const agreement = r.first(el, 'ram:SpecifiedLineTradeAgreement');
  const settlement = r.first(el, 'ram:SpecifiedLineTradeSettlement');
  const qty = r.first(el, 'ram:SpecifiedLineTradeDelivery/ram:BilledQuantity');
  const net = agreement && r.first(agreement, 'ram:NetPriceProductTradePrice');
  const gross = agreement && r.first(agreement, 'ram:GrossPriceProductTradePrice');
  const basis = net && r.first(net, 'ram:BasisQuantity');
  const grossAc = gross && r.first(gross, 'ram:AppliedTradeAllowanceCharge');
  if (grossAc && r.text(grossAc, 'ram:ChargeIndicator/udt:Indicator') !== 'false')
    r.issue(
      `${r.pathOf(grossAc)}/ram:ChargeIndicator`,
      'BR-CO-DEC: a price discount must have ChargeIndicator false',
    );
  if (!product) r.issue(`${where}/ram:SpecifiedTradeProduct`, 'BR-25: item name is missing');
  if (!net) r.issue(`${where}/ram:SpecifiedLineTradeAgreement`, 'BR-26: item net price is missing');
  if (!qty)
    r.issue(
      `${where}/ram:SpecifiedLineTradeDelivery/ram:BilledQuantity`,
      'BR-22: invoiced quantity is missing',
    );
  if (!settlement) r.issue(`${where}/ram:SpecifiedLineTradeSettlement`, 'BR-24: line net amount is missing');
  const s = settlement ?? el;
  return {
    id: r.required(el, 'ram:AssociatedDocumentLineDocument/ram:LineID', 'BR-21', 'line identifier'),
    ...opt('note', r.text(el, 'ram:AssociatedDocumentLineDocument/ram:IncludedNote/ram:Content')),
    quantity: (qty && r.text(qty, '')) ?? '',
    unitCode: qty ? (qty.attrs['unitCode'] ?? r.missing(r.pathOf(qty), 'BR-23: unit code is missing')) : '',
    netAmount: r.required(
      s,
      'ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount',
      'BR-24',
      'line net amount',
    ),
    ...opt('orderLineRef', agreement && r.text(agreement, 'ram:BuyerOrderReferencedDocument/ram:LineID')),
    name: product ? r.required(product, 'ram:Name', 'BR-25', 'item name') : '',
    ...opt('description', product && r.text(product, 'ram:Description')),
    ...opt('sellerItemId', product && r.text(product, 'ram:SellerAssignedID')),
    ...opt('buyerItemId', product && r.text(product, 'ram:BuyerAssignedID')),
    ...opt('standardItemId', id(r, product && r.first(product, 'ram:GlobalID'))),
    price: {
      net: net ? r.required(net, 'ram:ChargeAmount', 'BR-26', 'item net price') : '',
      ...opt('baseQuantity', basis && r.text(basis, '')),
      ...opt('baseUnitCode', basis?.attrs['unitCode']),
      ...opt('gross', gross && r.text(gross, 'ram:ChargeAmount')),
      ...opt('discount', gross && grossAc && r.text(grossAc, 'ram:ActualAmount')),
    },
    vat: vat(
      r,
      r.first(s, 'ram:ApplicableTradeTax'),
      `${where}/ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax`,
    ),
    allowancesCharges: r.all(s, 'ram:SpecifiedTradeAllowanceCharge').map((a) => allowanceCharge(r, a, false)),
  };
}

/**
 * Reads a CII D16B `rsm:CrossIndustryInvoice` element tree (the XML of ZUGFeRD 2 / Factur-X
 * EN 16931 and XRechnung CII). Missing mandatory terms are collected with their location and
 * thrown together as `ValidationError('INVALID_EINVOICE')`; unmapped elements are kept in
 * `extensions`.
 *
 * @example
 * ```ts
 * const inv = parseCii(readXml(xml));
 * ```
 */
export function parseCii(root: XmlElement): EInvoice {
  if (root.local !== 'CrossIndustryInvoice' || root.ns !== CII_NS.rsm) {
    throw new EInvoiceError('INVALID_EINVOICE', [
      {
        path: `/${root.name}`,
        message: `root must be CrossIndustryInvoice in namespace ${CII_NS.rsm}, got {${root.ns}}${root.local}`,
      },
    ]);
  }
  const r = new TreeReader(root, CII_NS);
  const ctx = r.first(root, 'rsm:ExchangedDocumentContext');
  const doc = r.first(root, 'rsm:ExchangedDocument');
  const tx = r.first(root, 'rsm:SupplyChainTradeTransaction');
  if (!doc) r.issue('/CrossIndustryInvoice/rsm:ExchangedDocument', 'BR-02: invoice number is missing');
  if (!tx) r.issue('/CrossIndustryInvoice/rsm:SupplyChainTradeTransaction', 'BR-16: transaction is missing');
  r.throwIfIssues('INVALID_EINVOICE');
  const d = doc as XmlElement;
  const t = tx as XmlElement;
  const agreement = r.first(t, 'ram:ApplicableHeaderTradeAgreement') ?? t;
  const deliveryEl = r.first(t, 'ram:ApplicableHeaderTradeDelivery');
  const settlement = r.first(t, 'ram:ApplicableHeaderTradeSettlement') ?? t;
  const sellerEl = r.first(agreement, 'ram:SellerTradeParty');
  const buyerEl = r.first(agreement, 'ram:BuyerTradeParty');
  if (!sellerEl) r.issue(`${r.pathOf(agreement)}/ram:SellerTradeParty`, 'BR-06: seller is missing');
  if (!buyerEl) r.issue(`${r.pathOf(agreement)}/ram:BuyerTradeParty`, 'BR-07: buyer is missing');
  const shipTo = deliveryEl && r.first(deliveryEl, 'ram:ShipToTradeParty');
  const deliveryDate = date(r, deliveryEl, 'ram:ActualDeliverySupplyChainEvent/ram:OccurrenceDateTime');
  const delivery =
    deliveryEl && (shipTo || deliveryDate)
      ? {
          ...opt('date', deliveryDate),
          ...opt('locationId', id(r, shipTo && r.first(shipTo, 'ram:ID'))),
          ...opt('partyName', shipTo && r.text(shipTo, 'ram:Name')),
          ...opt('address', address(r, shipTo && r.first(shipTo, 'ram:PostalTradeAddress'))),
        }
      : undefined;
  const sum = r.first(settlement, 'ram:SpecifiedTradeSettlementHeaderMonetarySummation');
  if (!sum)
    r.issue(
      `${r.pathOf(settlement)}/ram:SpecifiedTradeSettlementHeaderMonetarySummation`,
      'BR-12: document totals are missing',
    );
  const m = sum ?? settlement;
  const currency = r.required(settlement, 'ram:InvoiceCurrencyCode', 'BR-05', 'invoice currency code');
  // BT-110 is the TaxTotalAmount in the invoice currency; one in the accounting currency (BT-111) may follow.
  const taxCurrency = r.text(settlement, 'ram:TaxCurrencyCode');
  const taxTotals = r.all(m, 'ram:TaxTotalAmount');
  const vatTotalEl = taxTotals.find((x) => (x.attrs['currencyID'] ?? currency) === currency);
  const taxCurrencyEl =
    taxCurrency === undefined || taxCurrency === currency
      ? undefined
      : taxTotals.find((x) => x.attrs['currencyID'] === taxCurrency);
  for (const x of taxTotals)
    if (x !== vatTotalEl && x !== taxCurrencyEl)
      r.issue(
        r.pathOf(x),
        `BR-CO-14: VAT total in ${x.attrs['currencyID'] ?? '?'} is neither the invoice nor the tax currency`,
      );
  const remittance = r.text(settlement, 'ram:PaymentReference');
  const terms = r.first(settlement, 'ram:SpecifiedTradePaymentTerms');
  const typeCode = r.required(d, 'ram:TypeCode', 'BR-04', 'invoice type code');
  const lineEls = r.all(t, 'ram:IncludedSupplyChainTradeLineItem');
  if (lineEls.length === 0)
    r.issue(`${r.pathOf(t)}/ram:IncludedSupplyChainTradeLineItem`, 'BR-16: at least one line is required');
  const vatBreakdown: EVatBreakdown[] = r.all(settlement, 'ram:ApplicableTradeTax').map((x) => ({
    ...vat(r, x, r.pathOf(x)),
    taxableAmount: r.required(x, 'ram:BasisAmount', 'BR-45', 'VAT category taxable amount'),
    taxAmount: r.required(x, 'ram:CalculatedAmount', 'BR-46', 'VAT category tax amount'),
    ...opt('exemptionReason', r.text(x, 'ram:ExemptionReason')),
    ...opt('exemptionReasonCode', r.text(x, 'ram:ExemptionReasonCode')),
  }));
  const invoice: EInvoice = {
    syntax: 'CII',
    kind: typeCode === '381' ? 'creditNote' : 'invoice',
    customizationId:
      (ctx && r.text(ctx, 'ram:GuidelineSpecifiedDocumentContextParameter/ram:ID')) ??
      r.missing(
        '/CrossIndustryInvoice/rsm:ExchangedDocumentContext',
        'BR-01: specification identifier is missing',
      ),
    ...opt('profileId', ctx && r.text(ctx, 'ram:BusinessProcessSpecifiedDocumentContextParameter/ram:ID')),
    number: r.required(d, 'ram:ID', 'BR-02', 'invoice number'),
    issueDate:
      date(r, d, 'ram:IssueDateTime') ??
      r.missing(`${r.pathOf(d)}/ram:IssueDateTime`, 'BR-03: issue date is missing'),
    typeCode,
    ...opt('dueDate', date(r, terms, 'ram:DueDateDateTime')),
    notes: r.all(d, 'ram:IncludedNote').flatMap((n) => r.text(n, 'ram:Content') ?? []),
    currency,
    ...opt('taxCurrency', taxCurrency),
    ...opt('accountingCost', r.text(settlement, 'ram:ReceivableSpecifiedTradeAccountingAccount/ram:ID')),
    ...opt('buyerReference', r.text(agreement, 'ram:BuyerReference')),
    ...opt('orderReference', r.text(agreement, 'ram:BuyerOrderReferencedDocument/ram:IssuerAssignedID')),
    ...opt(
      'salesOrderReference',
      r.text(agreement, 'ram:SellerOrderReferencedDocument/ram:IssuerAssignedID'),
    ),
    ...opt('contractReference', r.text(agreement, 'ram:ContractReferencedDocument/ram:IssuerAssignedID')),
    ...opt('precedingInvoice', r.text(settlement, 'ram:InvoiceReferencedDocument/ram:IssuerAssignedID')),
    seller: sellerEl ? party(r, sellerEl, 'BR-06') : { name: '', ids: [] },
    buyer: buyerEl ? party(r, buyerEl, 'BR-07') : { name: '', ids: [] },
    ...opt('delivery', delivery && Object.keys(delivery).length ? delivery : undefined),
    paymentMeans: r.all(settlement, 'ram:SpecifiedTradeSettlementPaymentMeans').map((pm, i) => ({
      code: r.required(pm, 'ram:TypeCode', 'BR-49', 'payment means type code'),
      ...opt('remittance', i === 0 ? remittance : undefined),
      ...opt('iban', r.text(pm, 'ram:PayeePartyCreditorFinancialAccount/ram:IBANID')),
      ...opt('accountName', r.text(pm, 'ram:PayeePartyCreditorFinancialAccount/ram:AccountName')),
      ...opt('bic', r.text(pm, 'ram:PayeeSpecifiedCreditorFinancialInstitution/ram:BICID')),
    })),
    ...opt('paymentTerms', terms && r.text(terms, 'ram:Description')),
    allowancesCharges: r
      .all(settlement, 'ram:SpecifiedTradeAllowanceCharge')
      .map((a) => allowanceCharge(r, a, true)),
    vatBreakdown,
    totals: {
      lineNet: r.required(m, 'ram:LineTotalAmount', 'BR-12', 'sum of line net amounts'),
      ...opt('allowanceTotal', r.text(m, 'ram:AllowanceTotalAmount')),
      ...opt('chargeTotal', r.text(m, 'ram:ChargeTotalAmount')),
      taxExclusive: r.required(m, 'ram:TaxBasisTotalAmount', 'BR-13', 'total without VAT'),
      ...opt('vatTotal', vatTotalEl && r.text(vatTotalEl, '')),
      ...opt('vatTotalInTaxCurrency', taxCurrencyEl && r.text(taxCurrencyEl, '')),
      taxInclusive: r.required(m, 'ram:GrandTotalAmount', 'BR-14', 'total with VAT'),
      ...opt('prepaid', r.text(m, 'ram:TotalPrepaidAmount')),
      ...opt('rounding', r.text(m, 'ram:RoundingAmount')),
      payable: r.required(m, 'ram:DuePayableAmount', 'BR-15', 'amount due for payment'),
    },
    lines: lineEls.map((l) => line(r, l)),
    extensions: [],
  };
  if (remittance !== undefined && invoice.paymentMeans.length === 0) {
    r.issue(
      `${r.pathOf(settlement)}/ram:PaymentReference`,
      'BR-49: remittance information without payment means',
    );
  }
  r.throwIfIssues('INVALID_EINVOICE');
  return {
    ...invoice,
    extensions: r.extensions({ [CII_NS.rsm]: 'rsm', [CII_NS.ram]: 'ram', [CII_NS.udt]: 'udt' }),
  };
}
