// The element tree the safe XML reader produces and the writer consumes.

/**
 * One XML element: its qualified name as written, its resolved namespace URI and local name,
 * attributes (qualified names, namespace declarations included) and children in document order.
 *
 * @example
 * ```ts
 * const el: XmlElement = { name: 'cbc:ID', ns: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2', local: 'ID', attrs: {}, children: ['INV-1'] };
 * ```
 */
export interface XmlElement {
  readonly name: string;
  readonly ns: string;
  readonly local: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly (XmlElement | string)[];
}
