// @quidfin/einvoice: EN 16931 e-invoices (UBL, CII) in and out, and PO matching.

export { CII_NS } from './cii/ciiNamespaces.js';
export { parseCii } from './cii/parseCii.js';
export { writeCii } from './cii/writeCii.js';
export { EInvoiceError, type EInvoiceErrorCode, isEInvoiceError } from './errors/EInvoiceError.js';
export { type EInvoiceExtras, fromInvoiceDocument } from './fromInvoiceDocument.js';
export type {
  EAddress,
  EAllowanceCharge,
  EDelivery,
  EExtension,
  EId,
  EInvoice,
  ELine,
  EParty,
  EPaymentMeans,
  ETotals,
  EVat,
  EVatBreakdown,
} from './model/EInvoice.js';
export { type ParseEInvoiceOptions, parseEInvoice } from './parseEInvoice.js';
export { matchPurchaseOrder, type PoMatchInput } from './po/matchPurchaseOrder.js';
export type {
  PoLineBalance,
  PoLineMatch,
  PoMatchResult,
  PoMismatch,
  PoMismatchCode,
} from './po/PoMatchResult.js';
export type { GoodsReceipt, LineTolerance, PurchaseOrder, PurchaseOrderLine } from './po/PurchaseOrder.js';
export { checkEInvoice, type EInvoiceIssue } from './rules/checkEInvoice.js';
export {
  type DocumentParties,
  type MappedInvoiceDocument,
  toInvoiceDocument,
} from './toInvoiceDocument.js';
export { parseUbl } from './ubl/parseUbl.js';
export { UBL_NS } from './ubl/ublNamespaces.js';
export { writeUbl } from './ubl/writeUbl.js';
export { writeEInvoice } from './writeEInvoice.js';
export { readXml, type XmlLimits } from './xml/readXml.js';
export { writeXml } from './xml/writeXml.js';
export type { XmlElement } from './xml/XmlElement.js';
