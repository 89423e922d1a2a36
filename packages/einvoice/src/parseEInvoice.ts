import { CII_NS } from './cii/ciiNamespaces.js';
import { parseCii } from './cii/parseCii.js';
import { EInvoiceError } from './errors/EInvoiceError.js';
import type { EInvoice } from './model/EInvoice.js';
import { checkEInvoice } from './rules/checkEInvoice.js';
import { parseUbl } from './ubl/parseUbl.js';
import { UBL_NS } from './ubl/ublNamespaces.js';
import { readXml, type XmlLimits } from './xml/readXml.js';

/**
 * Options of {@link parseEInvoice}.
 *
 * @example
 * ```ts
 * const opts: ParseEInvoiceOptions = { checkRules: false, limits: { maxDepth: 32 } };
 * ```
 */
export interface ParseEInvoiceOptions {
  /** Run {@link checkEInvoice} and throw on any issue (default true). */
  readonly checkRules?: boolean;
  readonly limits?: XmlLimits;
}

/**
 * Parses a UBL 2.1 Invoice/CreditNote (Peppol BIS 3.0) or a CII D16B CrossIndustryInvoice
 * (ZUGFeRD/Factur-X XML, XRechnung) chosen by the root element's namespace. Throws
 * `ValidationError` with located issues: `INVALID_XML` (malformed or hostile XML: DOCTYPE,
 * entities, excessive depth), `INVALID_EINVOICE` (unknown root/namespace, mandatory terms
 * missing), `EINVOICE_RULES` (EN 16931 arithmetic and business rules; each issue also has
 * its `rule` id).
 *
 * @example
 * ```ts
 * try {
 *   const inv = parseEInvoice(xml);
 *   console.log(inv.number, inv.totals.payable);
 * } catch (e) {
 *   if (isEInvoiceError(e)) for (const i of e.issues) console.log(e.code, i.path, i.message);
 * }
 * ```
 */
export function parseEInvoice(xml: string, options: ParseEInvoiceOptions = {}): EInvoice {
  const root = readXml(xml, options.limits);
  let inv: EInvoice;
  if (root.ns === UBL_NS.invoice || root.ns === UBL_NS.creditNote) inv = parseUbl(root);
  else if (root.ns === CII_NS.rsm) inv = parseCii(root);
  else
    throw new EInvoiceError('INVALID_EINVOICE', [
      {
        path: `/${root.name}`,
        message: `not a UBL 2.1 Invoice/CreditNote or CII D16B invoice: root {${root.ns}}${root.local}`,
      },
    ]);
  if (options.checkRules ?? true) {
    const issues = checkEInvoice(inv);
    if (issues.length) throw new EInvoiceError('EINVOICE_RULES', issues);
  }
  return inv;
}
