import { hexToBytes } from '@noble/hashes/utils.js';
import { base64UrlDecode } from '../document/base64url.js';
import { canonicalJsonBytes } from '../document/canonicalJson.js';
import { isDocumentKeyBound } from '../document/documentKeyAttribute.js';
import { ed25519Verify } from '../document/ed25519.js';
import type { InvoiceDocument } from '../document/InvoiceDocument.js';
import { invoiceHash } from '../document/invoiceHash.js';
import { checkInvoiceDocument } from '../document/parseInvoiceDocument.js';
import { jwsSigningInput } from '../document/signInvoiceDocument.js';
import type { ValidationIssue } from '../errors/ValidationError.js';
import type { JsonObject } from '../wire/types.js';
import type { InvoiceIssuedPayload } from './payloadTypes.js';

/**
 * Why a document did not verify.
 *
 * @example
 * ```ts
 * const code: DocumentVerificationCode = 'KEY_NOT_BOUND';
 * ```
 */
export type DocumentVerificationCode =
  | 'INVALID_DOCUMENT'
  | 'TOTALS_MISMATCH'
  | 'MALFORMED_JWS'
  | 'UNSUPPORTED_JWS'
  | 'HASH_MISMATCH'
  | 'ISSUED_MISMATCH'
  | 'KID_MISMATCH'
  | 'INVALID_KEY'
  | 'KEY_NOT_BOUND'
  | 'BAD_SIGNATURE';

/**
 * Result of {@link verifyInvoiceDocument}: typed success, or the first failed check.
 *
 * @example
 * ```ts
 * const r: DocumentVerification = verifyInvoiceDocument(doc, jws, options);
 * if (!r.ok) console.warn(r.code, r.message);
 * ```
 */
export type DocumentVerification =
  | { readonly ok: true; readonly hash: string; readonly kid: string; readonly document: InvoiceDocument }
  | {
      readonly ok: false;
      readonly code: DocumentVerificationCode;
      readonly message: string;
      readonly issues: readonly ValidationIssue[];
    };

/**
 * Options of {@link verifyInvoiceDocument}. The key-binding decision is part of the type: pass the
 * signer's IDENTITY `attributes` (`undefined` when the identity was not found: the check then
 * fails closed with `KEY_NOT_BOUND`), or opt out explicitly with `skipKeyBinding: true`.
 *
 * @example
 * ```ts
 * const options: VerifyInvoiceDocumentOptions = {
 *   documentPublicKey: pub, identityAttributes: supplierIdentity.attributes, issued: life.issued!,
 * };
 * const known: VerifyInvoiceDocumentOptions = { documentPublicKey: pub, skipKeyBinding: true };
 * ```
 */
export type VerifyInvoiceDocumentOptions = VerifyInvoiceDocumentChecks &
  (
    | {
        /** The signer's committed IDENTITY attributes; the key must be listed in `documentKeys`. */
        readonly identityAttributes: JsonObject | undefined;
        readonly skipKeyBinding?: false;
      }
    | {
        readonly identityAttributes?: JsonObject | undefined;
        /** Skip the key-binding check (only when the key is known to be bound by other means). */
        readonly skipKeyBinding: true;
      }
  );

/**
 * The checks of {@link VerifyInvoiceDocumentOptions} besides key binding.
 *
 * @example
 * ```ts
 * const checks: VerifyInvoiceDocumentChecks = { documentPublicKey: pub, expectedHash: hash };
 * ```
 */
export interface VerifyInvoiceDocumentChecks {
  /** Ed25519 public key: 32 bytes or 64 hex characters. */
  readonly documentPublicKey: Uint8Array | string;
  /** The `invoiceHash` from `invoice.issued`. */
  readonly expectedHash?: string;
  /** The `invoice.issued` payload: hash, total, tax, currency, number and parties must match. */
  readonly issued?: InvoiceIssuedPayload;
  /** Who must have signed (the JWS kid); default the document's supplier quid. */
  readonly expectedSignerQuid?: string;
}

type Failure = Extract<DocumentVerification, { ok: false }>;

function fail(
  code: DocumentVerificationCode,
  message: string,
  issues: readonly ValidationIssue[] = [],
): Failure {
  return { ok: false, code, message, issues };
}

interface RawHeader {
  readonly alg?: unknown;
  readonly kid?: unknown;
  readonly b64?: unknown;
  readonly 'x-quidfin-hash'?: unknown;
}

function parseHeader(encoded: string): RawHeader | undefined {
  const bytes = base64UrlDecode(encoded);
  if (!bytes) return undefined;
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as RawHeader)
      : undefined;
  } catch {
    return undefined;
  }
}

function toKey(key: Uint8Array | string): Uint8Array | undefined {
  if (key instanceof Uint8Array) return key.length === 32 ? key : undefined;
  return typeof key === 'string' && /^[0-9a-f]{64}$/i.test(key) ? hexToBytes(key.toLowerCase()) : undefined;
}

function issuedMismatch(doc: InvoiceDocument, issued: InvoiceIssuedPayload): string | undefined {
  const pairs: [string, unknown, unknown][] = [
    ['totalMinor / amountMinor', doc.totalMinor, String(issued.amountMinor)],
    ['currency', doc.currency, issued.currency],
    ['invoiceNumber', doc.invoiceNumber, issued.invoiceNumber],
    ['supplier.quid / supplierQuid', doc.supplier.quid, issued.supplierQuid],
    ['buyer.quid / buyerQuid', doc.buyer.quid, issued.buyerQuid],
  ];
  if (issued.taxMinor !== undefined) pairs.push(['taxMinor', doc.taxMinor, String(issued.taxMinor)]);
  if (issued.poReference !== undefined) pairs.push(['poReference', doc.poReference, issued.poReference]);
  if (issued.paymentReference !== undefined)
    pairs.push(['paymentReference', doc.paymentReference, issued.paymentReference]);
  const bad = pairs.find(([, a, b]) => a !== b);
  return bad
    ? `document ${bad[0]} is ${String(bad[1])} but invoice.issued says ${String(bad[2])}`
    : undefined;
}

/**
 * Verifies an off-chain invoice document against its detached JWS and the on-chain facts, in
 * this order, returning the first failure (never throws on untrusted input):
 * schema (`INVALID_DOCUMENT`), arithmetic (`TOTALS_MISMATCH`), token shape (`MALFORMED_JWS`;
 * detached compact form only, `alg` must be `EdDSA`, no `crit`, else `UNSUPPORTED_JWS`), the
 * header hash and `expectedHash` / `issued.invoiceHash` against the recomputed hash
 * (`HASH_MISMATCH`), the other `invoice.issued` fields (`ISSUED_MISMATCH`), `kid` against
 * the expected signer (`KID_MISMATCH`), the key (`INVALID_KEY`), the key binding in the
 * signer's IDENTITY `attributes.documentKeys` (`KEY_NOT_BOUND`; required unless
 * `skipKeyBinding: true`), and the Ed25519 signature under strict RFC 8032 rules (`zip215:
 * false`, pure JS, never WebCrypto; `BAD_SIGNATURE`).
 *
 * @example
 * ```ts
 * const r = verifyInvoiceDocument(doc, jws, {
 *   documentPublicKey: pub,
 *   identityAttributes: supplierIdentity.attributes,
 *   issued: lifecycle.issued!,
 * });
 * if (r.ok) console.log('document', r.hash, 'signed by', r.kid);
 * ```
 */
export function verifyInvoiceDocument(
  doc: unknown,
  jws: string,
  options: VerifyInvoiceDocumentOptions,
): DocumentVerification {
  const checked = checkInvoiceDocument(doc);
  if (!checked.ok) {
    const code = checked.kind === 'totals' ? 'TOTALS_MISMATCH' : 'INVALID_DOCUMENT';
    return fail(code, checked.issues.map((i) => `${i.path}: ${i.message}`).join('; '), checked.issues);
  }
  const document = checked.document;
  const parts = typeof jws === 'string' ? jws.split('.') : [];
  const [encodedHeader = '', detached, encodedSignature = ''] = parts;
  if (parts.length !== 3 || detached !== '') {
    return fail('MALFORMED_JWS', 'expected a detached compact JWS "<header>..<signature>"');
  }
  const header = parseHeader(encodedHeader);
  const signature = base64UrlDecode(encodedSignature);
  if (!header || !signature)
    return fail('MALFORMED_JWS', 'the JWS header or signature is not valid base64url / JSON');
  if (header.alg !== 'EdDSA')
    return fail('UNSUPPORTED_JWS', `alg must be "EdDSA", got ${JSON.stringify(header.alg)}`);
  if ('crit' in header || ('b64' in header && header.b64 !== true)) {
    return fail('UNSUPPORTED_JWS', 'crit and b64=false are not supported');
  }
  const kid = header.kid;
  if (typeof kid !== 'string') return fail('MALFORMED_JWS', 'the JWS header has no kid');

  const hash = invoiceHash(document);
  const claimed = header['x-quidfin-hash'];
  if (claimed !== undefined && claimed !== hash)
    return fail(
      'HASH_MISMATCH',
      `the JWS header names hash ${String(claimed)}, the document hashes to ${hash}`,
    );
  for (const expected of [options.expectedHash, options.issued?.invoiceHash]) {
    if (expected !== undefined && expected !== hash)
      return fail('HASH_MISMATCH', `expected invoice hash ${expected}, the document hashes to ${hash}`);
  }
  if (options.issued) {
    const mismatch = issuedMismatch(document, options.issued);
    if (mismatch) return fail('ISSUED_MISMATCH', mismatch);
  }
  const signer = options.expectedSignerQuid ?? document.supplier.quid;
  if (kid !== signer) return fail('KID_MISMATCH', `signed by ${kid} but ${signer} must sign`);

  const publicKey = toKey(options.documentPublicKey);
  if (!publicKey) return fail('INVALID_KEY', 'documentPublicKey must be 32 bytes or 64 hex characters');
  // Untyped callers may still omit both: that fails closed, as an unbound key does.
  if (options.skipKeyBinding !== true && !isDocumentKeyBound(options.identityAttributes, publicKey)) {
    return fail('KEY_NOT_BOUND', `the key is not listed in attributes.documentKeys of ${kid}'s identity`);
  }
  const input = jwsSigningInput(encodedHeader, canonicalJsonBytes(document));
  if (!ed25519Verify(signature, input, publicKey))
    return fail('BAD_SIGNATURE', 'the Ed25519 signature does not verify');
  return { ok: true, hash, kid, document };
}
