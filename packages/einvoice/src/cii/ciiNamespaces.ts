// UN/CEFACT CII D16B namespace URIs (ZUGFeRD 2 / Factur-X XML, XRechnung CII).

/**
 * Namespaces of CII D16B invoices, by the prefixes this package writes.
 *
 * @example
 * ```ts
 * CII_NS.rsm; // 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100'
 * ```
 */
export const CII_NS: { readonly rsm: string; readonly ram: string; readonly udt: string } = {
  rsm: 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100',
  ram: 'urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100',
  udt: 'urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100',
};
