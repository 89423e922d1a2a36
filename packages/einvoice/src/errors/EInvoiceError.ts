// The one error @quidfin/einvoice throws on purpose, and the guard that recognises it.
import { isQuidfinError, ValidationError } from '@quidfin/core';

/**
 * Codes of {@link EInvoiceError}: `INVALID_XML` (not well-formed, or hostile: DOCTYPE, entities,
 * too deep), `INVALID_EINVOICE` (not a UBL 2.1 Invoice/CreditNote or CII D16B document, or a
 * mandatory term missing), `EINVOICE_RULES` (EN 16931 arithmetic or business rules broken),
 * `EINVOICE_NOT_REPRESENTABLE` (the e-invoice cannot become quidfin's invoice document or back),
 * `INVALID_DOCUMENT` (the invoice document given to `fromInvoiceDocument` is not valid).
 *
 * @example
 * ```ts
 * const code: EInvoiceErrorCode = 'EINVOICE_RULES';
 * ```
 */
export type EInvoiceErrorCode =
  | 'INVALID_XML'
  | 'INVALID_EINVOICE'
  | 'EINVOICE_RULES'
  | 'EINVOICE_NOT_REPRESENTABLE'
  | 'INVALID_DOCUMENT';

const CODES: ReadonlySet<string> = new Set<EInvoiceErrorCode>([
  'INVALID_XML',
  'INVALID_EINVOICE',
  'EINVOICE_RULES',
  'EINVOICE_NOT_REPRESENTABLE',
  'INVALID_DOCUMENT',
]);

/**
 * An e-invoice refused, with every problem located (`issues[].path` is an XPath-like location in
 * the file, or a field of the model). A `ValidationError` from `@quidfin/core`, so `issues` and
 * `path` read as everywhere in quidfin.
 *
 * @example
 * ```ts
 * try { parseEInvoice(xml); }
 * catch (e) { if (isEInvoiceError(e) && e.code === 'EINVOICE_RULES') for (const i of e.issues) console.log(i.path, i.message); }
 * ```
 */
export class EInvoiceError extends ValidationError<EInvoiceErrorCode> {
  override readonly name: string = 'EInvoiceError';
  override readonly package: string = '@quidfin/einvoice';
}

/**
 * True when `value` is an error `@quidfin/einvoice` threw on purpose (any copy, any realm): reads
 * the brand and the code, never `instanceof`.
 *
 * @example
 * ```ts
 * try { parseEInvoice('<Invoice/>'); }
 * catch (e) { if (isEInvoiceError(e)) console.log(e.code, e.issues.length); }
 * ```
 */
export function isEInvoiceError(value: unknown): value is EInvoiceError {
  return isQuidfinError(value) && value.package === '@quidfin/einvoice' && CODES.has(value.code);
}
