import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { canonicalJsonBytes } from './canonicalJson.js';
import type { InvoiceDocument } from './InvoiceDocument.js';

/**
 * Lowercase hex SHA-256 of the RFC 8785 canonical bytes of the document: the `invoiceHash` of
 * `invoice.issued`. It hashes the document as given (key order does not matter); validate it
 * first with {@link parseInvoiceDocument}.
 *
 * @example
 * ```ts
 * const payload = { ...terms, invoiceHash: invoiceHash(doc) };
 * ```
 */
export function invoiceHash(doc: InvoiceDocument): string {
  return bytesToHex(sha256(canonicalJsonBytes(doc)));
}
