// Reads an identifier element (text plus its optional `schemeID`), as both syntaxes write them.
import type { EId } from '../EInvoice.js';
import type { TreeReader } from './TreeReader.js';
import type { XmlElement } from './XmlElement.js';

/** The element's text and `schemeID`, or undefined when the element is absent or empty. */
export function readIdentifier(r: TreeReader, el: XmlElement | undefined): EId | undefined {
  if (!el) return undefined;
  const value = r.text(el, '');
  if (value === undefined) return undefined;
  const scheme = el.attrs['schemeID'];
  return scheme === undefined ? { value } : { value, scheme };
}
