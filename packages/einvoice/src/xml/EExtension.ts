// An element the mapping does not know, kept verbatim with where it stood.
import type { XmlElement } from './XmlElement.js';

/**
 * An element this package does not map, kept verbatim so that writing the invoice back does
 * not drop it: `parent` is a local-name path such as `/Invoice/InvoiceLine[2]/Item`, `after`
 * the local name of the sibling it followed (absent when it was first).
 *
 * @example
 * ```ts
 * for (const x of invoice.extensions) console.log(x.parent, x.element.local);
 * ```
 */
export interface EExtension {
  readonly parent: string;
  readonly after?: string;
  readonly element: XmlElement;
}
