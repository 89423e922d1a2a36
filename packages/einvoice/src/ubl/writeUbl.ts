// The EN 16931 model back to UBL 2.1 (Peppol BIS Billing 3.0 element order).
import type { EAddress, EAllowanceCharge, EId, EInvoice, ELine, EParty, EVat } from '../model/EInvoice.js';
import { el } from '../xml/el.js';
import { insertExtensions } from '../xml/insertExtensions.js';
import { writeXml } from '../xml/writeXml.js';
import type { XmlElement } from '../xml/XmlElement.js';
import { UBL_NS } from './ublNamespaces.js';

function idEl(name: string, id: EId | undefined) {
  return id && el(name, { schemeID: id.scheme }, id.value);
}

function address(name: string, a: EAddress | undefined) {
  return (
    a &&
    el(
      name,
      undefined,
      el('cbc:StreetName', undefined, a.line1),
      el('cbc:AdditionalStreetName', undefined, a.line2),
      el('cbc:CityName', undefined, a.city),
      el('cbc:PostalZone', undefined, a.postalCode),
      el('cbc:CountrySubentity', undefined, a.subdivision),
      el('cac:Country', undefined, el('cbc:IdentificationCode', undefined, a.country)),
    )
  );
}

function party(p: EParty) {
  return el(
    'cac:Party',
    undefined,
    idEl('cbc:EndpointID', p.endpoint),
    p.ids.map((i) => el('cac:PartyIdentification', undefined, idEl('cbc:ID', i))),
    el('cac:PartyName', undefined, el('cbc:Name', undefined, p.tradingName)),
    address('cac:PostalAddress', p.address),
    p.vatId !== undefined &&
      el(
        'cac:PartyTaxScheme',
        undefined,
        el('cbc:CompanyID', undefined, p.vatId),
        el('cac:TaxScheme', undefined, el('cbc:ID', undefined, 'VAT')),
      ),
    p.taxRegistrationId !== undefined &&
      el(
        'cac:PartyTaxScheme',
        undefined,
        el('cbc:CompanyID', undefined, p.taxRegistrationId),
        el('cac:TaxScheme', undefined, el('cbc:ID', undefined, 'TAX')),
      ),
    el(
      'cac:PartyLegalEntity',
      undefined,
      el('cbc:RegistrationName', undefined, p.name),
      idEl('cbc:CompanyID', p.legalId),
    ),
    el(
      'cac:Contact',
      undefined,
      el('cbc:Name', undefined, p.contactName),
      el('cbc:Telephone', undefined, p.contactPhone),
      el('cbc:ElectronicMail', undefined, p.contactEmail),
    ),
  );
}

function taxCategory(name: string, v: EVat | undefined, extra?: (XmlElement | undefined)[]) {
  return (
    v &&
    el(
      name,
      undefined,
      el('cbc:ID', undefined, v.category),
      el('cbc:Percent', undefined, v.rate),
      extra,
      el('cac:TaxScheme', undefined, el('cbc:ID', undefined, 'VAT')),
    )
  );
}

function allowanceCharge(a: EAllowanceCharge, cur: string) {
  return el(
    'cac:AllowanceCharge',
    undefined,
    el('cbc:ChargeIndicator', undefined, String(a.charge)),
    el('cbc:AllowanceChargeReasonCode', undefined, a.reasonCode),
    el('cbc:AllowanceChargeReason', undefined, a.reason),
    el('cbc:MultiplierFactorNumeric', undefined, a.percent),
    el('cbc:Amount', { currencyID: cur }, a.amount),
    el('cbc:BaseAmount', { currencyID: cur }, a.baseAmount),
    taxCategory('cac:TaxCategory', a.vat),
  );
}

function line(l: ELine, cur: string, credit: boolean) {
  return el(
    credit ? 'cac:CreditNoteLine' : 'cac:InvoiceLine',
    undefined,
    el('cbc:ID', undefined, l.id),
    el('cbc:Note', undefined, l.note),
    el(credit ? 'cbc:CreditedQuantity' : 'cbc:InvoicedQuantity', { unitCode: l.unitCode }, l.quantity),
    el('cbc:LineExtensionAmount', { currencyID: cur }, l.netAmount),
    el('cac:OrderLineReference', undefined, el('cbc:LineID', undefined, l.orderLineRef)),
    l.allowancesCharges.map((a) => allowanceCharge(a, cur)),
    el(
      'cac:Item',
      undefined,
      el('cbc:Description', undefined, l.description),
      el('cbc:Name', undefined, l.name),
      el('cac:BuyersItemIdentification', undefined, el('cbc:ID', undefined, l.buyerItemId)),
      el('cac:SellersItemIdentification', undefined, el('cbc:ID', undefined, l.sellerItemId)),
      el('cac:StandardItemIdentification', undefined, idEl('cbc:ID', l.standardItemId)),
      taxCategory('cac:ClassifiedTaxCategory', l.vat),
    ),
    el(
      'cac:Price',
      undefined,
      el('cbc:PriceAmount', { currencyID: cur }, l.price.net),
      el('cbc:BaseQuantity', { unitCode: l.price.baseUnitCode }, l.price.baseQuantity),
      el(
        'cac:AllowanceCharge',
        undefined,
        l.price.discount !== undefined && el('cbc:ChargeIndicator', undefined, 'false'),
        el('cbc:Amount', { currencyID: cur }, l.price.discount),
        el('cbc:BaseAmount', { currencyID: cur }, l.price.gross),
      ),
    ),
  );
}

/**
 * Writes an {@link EInvoice} as a UBL 2.1 Invoice or CreditNote (Peppol BIS Billing 3.0
 * element order), putting kept extensions back where they were read.
 *
 * @example
 * ```ts
 * const xml = writeUbl(parseEInvoice(text));
 * ```
 */
export function writeUbl(inv: EInvoice): string {
  const credit = inv.kind === 'creditNote';
  const cur = inv.currency;
  const t = inv.totals;
  const d = inv.delivery;
  const root = el(
    credit ? 'CreditNote' : 'Invoice',
    {
      xmlns: credit ? UBL_NS.creditNote : UBL_NS.invoice,
      'xmlns:cac': UBL_NS.cac,
      'xmlns:cbc': UBL_NS.cbc,
    },
    el('cbc:CustomizationID', undefined, inv.customizationId),
    el('cbc:ProfileID', undefined, inv.profileId),
    el('cbc:ID', undefined, inv.number),
    el('cbc:IssueDate', undefined, inv.issueDate),
    el('cbc:DueDate', undefined, credit ? undefined : inv.dueDate),
    el(credit ? 'cbc:CreditNoteTypeCode' : 'cbc:InvoiceTypeCode', undefined, inv.typeCode),
    inv.notes.map((n) => el('cbc:Note', undefined, n)),
    el('cbc:DocumentCurrencyCode', undefined, cur),
    el('cbc:TaxCurrencyCode', undefined, inv.taxCurrency),
    el('cbc:AccountingCost', undefined, inv.accountingCost),
    el('cbc:BuyerReference', undefined, inv.buyerReference),
    el(
      'cac:OrderReference',
      undefined,
      el('cbc:ID', undefined, inv.orderReference ?? (inv.salesOrderReference && 'NA')),
      el('cbc:SalesOrderID', undefined, inv.salesOrderReference),
    ),
    el(
      'cac:BillingReference',
      undefined,
      el('cac:InvoiceDocumentReference', undefined, el('cbc:ID', undefined, inv.precedingInvoice)),
    ),
    el('cac:ContractDocumentReference', undefined, el('cbc:ID', undefined, inv.contractReference)),
    el('cac:AccountingSupplierParty', undefined, party(inv.seller)),
    el('cac:AccountingCustomerParty', undefined, party(inv.buyer)),
    d &&
      el(
        'cac:Delivery',
        undefined,
        el('cbc:ActualDeliveryDate', undefined, d.date),
        el(
          'cac:DeliveryLocation',
          undefined,
          idEl('cbc:ID', d.locationId),
          address('cac:Address', d.address),
        ),
        el(
          'cac:DeliveryParty',
          undefined,
          el('cac:PartyName', undefined, el('cbc:Name', undefined, d.partyName)),
        ),
      ),
    inv.paymentMeans.map((pm) =>
      el(
        'cac:PaymentMeans',
        undefined,
        el('cbc:PaymentMeansCode', undefined, pm.code),
        el('cbc:PaymentID', undefined, pm.remittance),
        el(
          'cac:PayeeFinancialAccount',
          undefined,
          el('cbc:ID', undefined, pm.iban),
          el('cbc:Name', undefined, pm.accountName),
          el('cac:FinancialInstitutionBranch', undefined, el('cbc:ID', undefined, pm.bic)),
        ),
      ),
    ),
    el('cac:PaymentTerms', undefined, el('cbc:Note', undefined, inv.paymentTerms)),
    inv.allowancesCharges.map((a) => allowanceCharge(a, cur)),
    el(
      'cac:TaxTotal',
      undefined,
      el('cbc:TaxAmount', { currencyID: cur }, t.vatTotal),
      inv.vatBreakdown.map((v) =>
        el(
          'cac:TaxSubtotal',
          undefined,
          el('cbc:TaxableAmount', { currencyID: cur }, v.taxableAmount),
          el('cbc:TaxAmount', { currencyID: cur }, v.taxAmount),
          taxCategory('cac:TaxCategory', v, [
            el('cbc:TaxExemptionReasonCode', undefined, v.exemptionReasonCode),
            el('cbc:TaxExemptionReason', undefined, v.exemptionReason),
          ]),
        ),
      ),
    ),
    inv.taxCurrency !== undefined &&
      el(
        'cac:TaxTotal',
        undefined,
        el('cbc:TaxAmount', { currencyID: inv.taxCurrency }, t.vatTotalInTaxCurrency),
      ),
    el(
      'cac:LegalMonetaryTotal',
      undefined,
      el('cbc:LineExtensionAmount', { currencyID: cur }, t.lineNet),
      el('cbc:TaxExclusiveAmount', { currencyID: cur }, t.taxExclusive),
      el('cbc:TaxInclusiveAmount', { currencyID: cur }, t.taxInclusive),
      el('cbc:AllowanceTotalAmount', { currencyID: cur }, t.allowanceTotal),
      el('cbc:ChargeTotalAmount', { currencyID: cur }, t.chargeTotal),
      el('cbc:PrepaidAmount', { currencyID: cur }, t.prepaid),
      el('cbc:PayableRoundingAmount', { currencyID: cur }, t.rounding),
      el('cbc:PayableAmount', { currencyID: cur }, t.payable),
    ),
    inv.lines.map((l) => line(l, cur, credit)),
  ) as XmlElement;
  insertExtensions(root, inv.extensions);
  return writeXml(root);
}
