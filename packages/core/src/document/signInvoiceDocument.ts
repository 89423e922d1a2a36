import { ValidationError } from '../errors/ValidationError.js';
import { isQuidId } from '../wire/protocol.js';
import { base64UrlEncode } from './base64url.js';
import { canonicalJson, canonicalJsonBytes } from './canonicalJson.js';
import { ed25519Sign } from './ed25519.js';
import type { InvoiceDocument } from './InvoiceDocument.js';
import { invoiceHash } from './invoiceHash.js';
import { parseInvoiceDocument } from './parseInvoiceDocument.js';

/**
 * Protected header of a quidfin invoice-document JWS.
 *
 * @example
 * ```ts
 * const h: InvoiceJwsHeader = { alg: 'EdDSA', kid: 'aaaaaaaaaaaaaaaa', 'x-quidfin-hash': 'ab'.repeat(32) };
 * ```
 */
export interface InvoiceJwsHeader {
  readonly alg: 'EdDSA';
  /** The signer's quid id; its IDENTITY must list the key under `documentKeys`. */
  readonly kid: string;
  /** invoiceHash(doc), so a reader can match the signature to `invoice.issued` before verifying. */
  readonly 'x-quidfin-hash': string;
}

/** The JWS signing input (RFC 7515 §5.1): ASCII(b64url(header) '.' b64url(payload)). */
export function jwsSigningInput(encodedHeader: string, payload: Uint8Array): Uint8Array {
  return new TextEncoder().encode(`${encodedHeader}.${base64UrlEncode(payload)}`);
}

/**
 * Signs an invoice document as a detached JWS (RFC 7515 Appendix F) with Ed25519:
 * `<b64url(header)>..<b64url(signature)>`, where the signed payload is the document's RFC 8785
 * canonical bytes and is left out of the token. The header is
 * `{ alg: 'EdDSA', kid: <signer quid>, 'x-quidfin-hash': invoiceHash(doc) }`, serialised with
 * JCS so the token is deterministic. The document is validated first (totals included): an
 * invalid one throws `ValidationError('INVALID_DOCUMENT')`, a bad kid or key `INVALID_KEY`.
 *
 * @example
 * ```ts
 * const secret = generateDocumentKey();
 * const jws = signInvoiceDocument(doc, secret, { kid: supplier.quidId });
 * // publish documentKeyAttribute(documentPublicKey(secret)) in the supplier's IDENTITY attributes.documentKeys
 * ```
 */
export function signInvoiceDocument(
  doc: InvoiceDocument,
  privateKey: Uint8Array,
  options: { readonly kid: string },
): string {
  if (!isQuidId(options.kid)) {
    throw new ValidationError('INVALID_KEY', [
      { path: 'kid', message: 'must be the signer quid id: 16 lowercase hex characters' },
    ]);
  }
  parseInvoiceDocument(doc);
  const header: InvoiceJwsHeader = { alg: 'EdDSA', kid: options.kid, 'x-quidfin-hash': invoiceHash(doc) };
  const encodedHeader = base64UrlEncode(new TextEncoder().encode(canonicalJson(header)));
  const signature = ed25519Sign(jwsSigningInput(encodedHeader, canonicalJsonBytes(doc)), privateKey);
  return `${encodedHeader}..${base64UrlEncode(signature)}`;
}
