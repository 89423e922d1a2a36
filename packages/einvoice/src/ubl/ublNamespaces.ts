// UBL 2.1 namespace URIs used by Peppol BIS Billing 3.0.

/**
 * Namespaces of UBL 2.1 invoice documents, by the prefixes this package writes.
 *
 * @example
 * ```ts
 * UBL_NS.cbc; // 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2'
 * ```
 */
export const UBL_NS: {
  readonly invoice: string;
  readonly creditNote: string;
  readonly cac: string;
  readonly cbc: string;
} = {
  invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  creditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
};
