// Document layer of @quidfin/core: the signed invoice document (schema, canonical JSON, hash, Ed25519 JWS).
export { canonicalJson, canonicalJsonBytes } from './canonicalJson.js';
export { computeInvoiceTotals, type InvoiceTotals } from './computeInvoiceTotals.js';
export { DOCUMENT_KEYS_ATTRIBUTE, documentKeyAttribute, isDocumentKeyBound } from './documentKeyAttribute.js';
export { documentPublicKey, ed25519Sign, ed25519Verify, generateDocumentKey } from './ed25519.js';
export type { InvoiceDocument, InvoiceDocumentParty, InvoiceLineItem } from './InvoiceDocument.js';
export { invoiceHash } from './invoiceHash.js';
export {
  checkInvoiceDocument,
  type InvoiceDocumentCheck,
  parseInvoiceDocument,
} from './parseInvoiceDocument.js';
export { type InvoiceJwsHeader, signInvoiceDocument } from './signInvoiceDocument.js';
