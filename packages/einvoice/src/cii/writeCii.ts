// The EN 16931 model back to CII D16B (element order of the CII schema).
import type { EAddress, EAllowanceCharge, EId, EInvoice, ELine, EParty, EVat } from '../model/EInvoice.js';
import { el } from '../xml/el.js';
import { insertExtensions } from '../xml/insertExtensions.js';
import { writeXml } from '../xml/writeXml.js';
import type { XmlElement } from '../xml/XmlElement.js';
import { CII_NS } from './ciiNamespaces.js';

const idEl = (name: string, id: EId | undefined) => id && el(name, { schemeID: id.scheme }, id.value);

function date(name: string, iso: string | undefined) {
  return iso && el(name, undefined, el('udt:DateTimeString', { format: '102' }, iso.replace(/-/g, '')));
}

function address(a: EAddress | undefined) {
  return (
    a &&
    el(
      'ram:PostalTradeAddress',
      undefined,
      el('ram:PostcodeCode', undefined, a.postalCode),
      el('ram:LineOne', undefined, a.line1),
      el('ram:LineTwo', undefined, a.line2),
      el('ram:CityName', undefined, a.city),
      el('ram:CountryID', undefined, a.country),
      el('ram:CountrySubDivisionName', undefined, a.subdivision),
    )
  );
}

function party(name: string, p: EParty) {
  return el(
    name,
    undefined,
    p.ids.filter((i) => i.scheme === undefined).map((i) => el('ram:ID', undefined, i.value)),
    p.ids.filter((i) => i.scheme !== undefined).map((i) => idEl('ram:GlobalID', i)),
    el('ram:Name', undefined, p.name),
    el(
      'ram:SpecifiedLegalOrganization',
      undefined,
      idEl('ram:ID', p.legalId),
      el('ram:TradingBusinessName', undefined, p.tradingName),
    ),
    el(
      'ram:DefinedTradeContact',
      undefined,
      el('ram:PersonName', undefined, p.contactName),
      el(
        'ram:TelephoneUniversalCommunication',
        undefined,
        el('ram:CompleteNumber', undefined, p.contactPhone),
      ),
      el('ram:EmailURIUniversalCommunication', undefined, el('ram:URIID', undefined, p.contactEmail)),
    ),
    address(p.address),
    el('ram:URIUniversalCommunication', undefined, idEl('ram:URIID', p.endpoint)),
    el('ram:SpecifiedTaxRegistration', undefined, el('ram:ID', { schemeID: 'VA' }, p.vatId)),
    el('ram:SpecifiedTaxRegistration', undefined, el('ram:ID', { schemeID: 'FC' }, p.taxRegistrationId)),
  );
}

function tax(name: string, v: EVat | undefined) {
  return (
    v &&
    el(
      name,
      undefined,
      el('ram:TypeCode', undefined, 'VAT'),
      el('ram:CategoryCode', undefined, v.category),
      el('ram:RateApplicablePercent', undefined, v.rate),
    )
  );
}

function allowanceCharge(a: EAllowanceCharge) {
  return el(
    'ram:SpecifiedTradeAllowanceCharge',
    undefined,
    el('ram:ChargeIndicator', undefined, el('udt:Indicator', undefined, String(a.charge))),
    el('ram:CalculationPercent', undefined, a.percent),
    el('ram:BasisAmount', undefined, a.baseAmount),
    el('ram:ActualAmount', undefined, a.amount),
    el('ram:ReasonCode', undefined, a.reasonCode),
    el('ram:Reason', undefined, a.reason),
    tax('ram:CategoryTradeTax', a.vat),
  );
}

function line(l: ELine) {
  return el(
    'ram:IncludedSupplyChainTradeLineItem',
    undefined,
    el(
      'ram:AssociatedDocumentLineDocument',
      undefined,
      el('ram:LineID', undefined, l.id),
      el('ram:IncludedNote', undefined, el('ram:Content', undefined, l.note)),
    ),
    el(
      'ram:SpecifiedTradeProduct',
      undefined,
      idEl('ram:GlobalID', l.standardItemId),
      el('ram:SellerAssignedID', undefined, l.sellerItemId),
      el('ram:BuyerAssignedID', undefined, l.buyerItemId),
      el('ram:Name', undefined, l.name),
      el('ram:Description', undefined, l.description),
    ),
    el(
      'ram:SpecifiedLineTradeAgreement',
      undefined,
      el('ram:BuyerOrderReferencedDocument', undefined, el('ram:LineID', undefined, l.orderLineRef)),
      el(
        'ram:GrossPriceProductTradePrice',
        undefined,
        el('ram:ChargeAmount', undefined, l.price.gross),
        el(
          'ram:AppliedTradeAllowanceCharge',
          undefined,
          l.price.discount !== undefined &&
            el('ram:ChargeIndicator', undefined, el('udt:Indicator', undefined, 'false')),
          el('ram:ActualAmount', undefined, l.price.discount),
        ),
      ),
      el(
        'ram:NetPriceProductTradePrice',
        undefined,
        el('ram:ChargeAmount', undefined, l.price.net),
        el('ram:BasisQuantity', { unitCode: l.price.baseUnitCode }, l.price.baseQuantity),
      ),
    ),
    el(
      'ram:SpecifiedLineTradeDelivery',
      undefined,
      el('ram:BilledQuantity', { unitCode: l.unitCode }, l.quantity),
    ),
    el(
      'ram:SpecifiedLineTradeSettlement',
      undefined,
      tax('ram:ApplicableTradeTax', l.vat),
      l.allowancesCharges.map(allowanceCharge),
      el(
        'ram:SpecifiedTradeSettlementLineMonetarySummation',
        undefined,
        el('ram:LineTotalAmount', undefined, l.netAmount),
      ),
    ),
  );
}

/**
 * Writes an {@link EInvoice} as a CII D16B `rsm:CrossIndustryInvoice` (the XML part of
 * ZUGFeRD/Factur-X, or XRechnung CII), putting kept extensions back where they were read.
 * The remittance information (BT-83) of the first payment means becomes `ram:PaymentReference`.
 *
 * @example
 * ```ts
 * const xml = writeCii(parseEInvoice(text));
 * ```
 */
export function writeCii(inv: EInvoice): string {
  const t = inv.totals;
  const d = inv.delivery;
  const root = el(
    'rsm:CrossIndustryInvoice',
    { 'xmlns:rsm': CII_NS.rsm, 'xmlns:ram': CII_NS.ram, 'xmlns:udt': CII_NS.udt },
    el(
      'rsm:ExchangedDocumentContext',
      undefined,
      el(
        'ram:BusinessProcessSpecifiedDocumentContextParameter',
        undefined,
        el('ram:ID', undefined, inv.profileId),
      ),
      el(
        'ram:GuidelineSpecifiedDocumentContextParameter',
        undefined,
        el('ram:ID', undefined, inv.customizationId),
      ),
    ),
    el(
      'rsm:ExchangedDocument',
      undefined,
      el('ram:ID', undefined, inv.number),
      el('ram:TypeCode', undefined, inv.typeCode),
      date('ram:IssueDateTime', inv.issueDate),
      inv.notes.map((n) => el('ram:IncludedNote', undefined, el('ram:Content', undefined, n))),
    ),
    el(
      'rsm:SupplyChainTradeTransaction',
      undefined,
      inv.lines.map(line),
      el(
        'ram:ApplicableHeaderTradeAgreement',
        undefined,
        el('ram:BuyerReference', undefined, inv.buyerReference),
        party('ram:SellerTradeParty', inv.seller),
        party('ram:BuyerTradeParty', inv.buyer),
        el(
          'ram:SellerOrderReferencedDocument',
          undefined,
          el('ram:IssuerAssignedID', undefined, inv.salesOrderReference),
        ),
        el(
          'ram:BuyerOrderReferencedDocument',
          undefined,
          el('ram:IssuerAssignedID', undefined, inv.orderReference),
        ),
        el(
          'ram:ContractReferencedDocument',
          undefined,
          el('ram:IssuerAssignedID', undefined, inv.contractReference),
        ),
      ),
      el(
        'ram:ApplicableHeaderTradeDelivery',
        undefined,
        d &&
          el(
            'ram:ShipToTradeParty',
            undefined,
            idEl('ram:ID', d.locationId),
            el('ram:Name', undefined, d.partyName),
            address(d.address),
          ),
        d && el('ram:ActualDeliverySupplyChainEvent', undefined, date('ram:OccurrenceDateTime', d.date)),
      ) ?? {
        name: 'ram:ApplicableHeaderTradeDelivery',
        ns: '',
        local: 'ApplicableHeaderTradeDelivery',
        attrs: {},
        children: [],
      },
      el(
        'ram:ApplicableHeaderTradeSettlement',
        undefined,
        el('ram:PaymentReference', undefined, inv.paymentMeans[0]?.remittance),
        el('ram:TaxCurrencyCode', undefined, inv.taxCurrency),
        el('ram:InvoiceCurrencyCode', undefined, inv.currency),
        inv.paymentMeans.map((pm) =>
          el(
            'ram:SpecifiedTradeSettlementPaymentMeans',
            undefined,
            el('ram:TypeCode', undefined, pm.code),
            el(
              'ram:PayeePartyCreditorFinancialAccount',
              undefined,
              el('ram:IBANID', undefined, pm.iban),
              el('ram:AccountName', undefined, pm.accountName),
            ),
            el(
              'ram:PayeeSpecifiedCreditorFinancialInstitution',
              undefined,
              el('ram:BICID', undefined, pm.bic),
            ),
          ),
        ),
        inv.vatBreakdown.map((v) =>
          el(
            'ram:ApplicableTradeTax',
            undefined,
            el('ram:CalculatedAmount', undefined, v.taxAmount),
            el('ram:TypeCode', undefined, 'VAT'),
            el('ram:ExemptionReason', undefined, v.exemptionReason),
            el('ram:BasisAmount', undefined, v.taxableAmount),
            el('ram:CategoryCode', undefined, v.category),
            el('ram:ExemptionReasonCode', undefined, v.exemptionReasonCode),
            el('ram:RateApplicablePercent', undefined, v.rate),
          ),
        ),
        inv.allowancesCharges.map(allowanceCharge),
        el(
          'ram:SpecifiedTradePaymentTerms',
          undefined,
          el('ram:Description', undefined, inv.paymentTerms),
          date('ram:DueDateDateTime', inv.dueDate),
        ),
        el(
          'ram:SpecifiedTradeSettlementHeaderMonetarySummation',
          undefined,
          el('ram:LineTotalAmount', undefined, t.lineNet),
          el('ram:ChargeTotalAmount', undefined, t.chargeTotal),
          el('ram:AllowanceTotalAmount', undefined, t.allowanceTotal),
          el('ram:TaxBasisTotalAmount', undefined, t.taxExclusive),
          el('ram:TaxTotalAmount', { currencyID: inv.currency }, t.vatTotal),
          inv.taxCurrency !== undefined &&
            el('ram:TaxTotalAmount', { currencyID: inv.taxCurrency }, t.vatTotalInTaxCurrency),
          el('ram:RoundingAmount', undefined, t.rounding),
          el('ram:GrandTotalAmount', undefined, t.taxInclusive),
          el('ram:TotalPrepaidAmount', undefined, t.prepaid),
          el('ram:DuePayableAmount', undefined, t.payable),
        ),
        el(
          'ram:InvoiceReferencedDocument',
          undefined,
          el('ram:IssuerAssignedID', undefined, inv.precedingInvoice),
        ),
        el(
          'ram:ReceivableSpecifiedTradeAccountingAccount',
          undefined,
          el('ram:ID', undefined, inv.accountingCost),
        ),
      ),
    ),
  ) as XmlElement;
  insertExtensions(root, inv.extensions);
  return writeXml(root);
}
