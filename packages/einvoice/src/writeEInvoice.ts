import { writeCii } from './cii/writeCii.js';
import { EInvoiceError } from './errors/EInvoiceError.js';
import type { EInvoice } from './model/EInvoice.js';
import { checkEInvoice } from './rules/checkEInvoice.js';
import { writeUbl } from './ubl/writeUbl.js';

/**
 * Writes an invoice as UBL 2.1 (Peppol BIS 3.0) or CII D16B, by default in the syntax it was
 * read from. Refuses (`ValidationError('EINVOICE_RULES')`) an invoice whose arithmetic or
 * core rules do not hold, so nothing inconsistent leaves the SDK. Extensions are written
 * back only into the syntax they came from (a UBL element means nothing inside CII).
 *
 * @example
 * ```ts
 * const cii = writeEInvoice(parseEInvoice(ublXml), 'CII');
 * ```
 */
export function writeEInvoice(inv: EInvoice, syntax: 'UBL' | 'CII' = inv.syntax): string {
  const issues = checkEInvoice({ ...inv, syntax });
  if (issues.length) throw new EInvoiceError('EINVOICE_RULES', issues);
  const out: EInvoice = syntax === inv.syntax ? inv : { ...inv, syntax, extensions: [] };
  return syntax === 'UBL' ? writeUbl(out) : writeCii(out);
}
