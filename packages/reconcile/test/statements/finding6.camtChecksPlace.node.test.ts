// Issue 13, finding 6: the DOCTYPE check looked at the first 4 KiB only, and the namespace was
// taken from a <Document> inside a comment.
import { describe, expect, it } from 'vitest';
import { parseCamt } from '../../src/index.js';
import { parseError } from '../support/parseError.js';
import { camt053 } from '../support/statementText.js';

describe('finding 6: camt checks look at the document itself', () => {
  it('a DOCTYPE after a 5 KB comment is refused', () => {
    const xml = camt053({ before: `<!--${'x'.repeat(5_000)}-->\n<!DOCTYPE Document>\n` });
    const e = parseError(() => parseCamt(xml));
    expect(e.code).toBe('MALFORMED_STATEMENT');
    expect(e.message).toMatch(/DTD|DOCTYPE/);
  });

  it('a DOCTYPE after 100 KB of whitespace and processing instructions is refused', () => {
    const xml = camt053({
      before: `${' '.repeat(100_000)}<?pi x?>\n<!DOCTYPE Document [<!ENTITY a "b">]>\n`,
    });
    expect(parseError(() => parseCamt(xml)).message).toMatch(/DTD|DOCTYPE/);
  });

  it('the namespace is never taken from a <Document> inside a comment', () => {
    const real = camt053().replace('camt.053.001.08', 'pain.001.001.09');
    const xml = real.replace(
      '<Document',
      '<!-- <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"> -->\n<Document',
    );
    const e = parseError(() => parseCamt(xml));
    expect(e.code).toBe('UNSUPPORTED_FORMAT');
    expect(e.location.path).toBe('Document/@xmlns');
  });

  it('a camt.054 root after a commented camt.053 root is read as camt.054', () => {
    const xml = `<?xml version="1.0"?>\n<!-- <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"> -->\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><BkToCstmrDbtCdtNtfctn><GrpHdr><MsgId>N</MsgId></GrpHdr><Ntfctn><Id>N1</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct><Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-03-02</Dt></BookgDt></Ntry></Ntfctn></BkToCstmrDbtCdtNtfctn></Document>`;
    expect(parseCamt(xml).statements[0]?.format).toBe('camt.054');
  });

  it('a namespace prefix on the root is honoured (p:Document with xmlns:p)', () => {
    const xml = camt053()
      .replace('<Document xmlns=', '<p:Document xmlns:p=')
      .replace('</Document>', '</p:Document>');
    expect(parseCamt(xml).statements[0]?.transactions).toHaveLength(1);
  });

  it('entity declarations inside CDATA or comments are harmless text, but an entity reference to one is refused', () => {
    const xml = camt053({ before: '<!-- <!ENTITY x "y"> -->\n' });
    expect(parseCamt(xml).statements).toHaveLength(1);
    expect(parseError(() => parseCamt(camt053().replace('<MsgId>M1', '<MsgId>&x;'))).code).toBe(
      'MALFORMED_STATEMENT',
    );
  });
});
