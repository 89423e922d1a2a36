// How a camt entry's fields are read (issue 13, speed): entries are read from the parser's events
// by a path state machine, not from a tree. These pin the rules a lookup by path had: the first
// element of a name counts, prefixes are ignored, unread subtrees are skipped, and a second
// single-valued element is refused at its `[index]` path wherever it is.
import { describe, expect, it } from 'vitest';
import { parseCamt } from '../../src/index.js';
import { parseError } from '../support/parseError.js';
import { camt053, camtEntry } from '../support/statementText.js';

const one = (details: string) => {
  const s = parseCamt(camt053({ entries: [camtEntry({ details })] })).statements[0];
  return s?.transactions[0];
};

describe('camt entries read from parser events', () => {
  it('every element with a namespace prefix reads as without one', () => {
    const plain = camt053({
      entries: [
        camtEntry({
          details:
            '<TxDtls><Refs><EndToEndId>E1</EndToEndId></Refs><Amt Ccy="EUR">100.00</Amt><RltdPties><Dbtr><Pty><Nm>Payer</Nm></Pty></Dbtr></RltdPties><RmtInf><Ustrd>INV-1</Ustrd></RmtInf></TxDtls>',
        }),
      ],
    });
    const prefixed = plain
      .replace('<Document xmlns=', '<c:Document xmlns:c=')
      .replace(/<(\/?)(\w+)([ >])/g, '<$1c:$2$3');
    expect(prefixed).toContain('<c:EndToEndId>');
    expect(parseCamt(prefixed)).toEqual(parseCamt(plain));
    expect(parseCamt(prefixed).statements[0]?.transactions[0]).toMatchObject({
      endToEndId: 'E1',
      counterpartyName: 'Payer',
      remittanceText: ['INV-1'],
    });
  });

  it('the first Refs, RltdPties, Dbtr, Nm count; later ones are not read', () => {
    const tx = one(
      '<TxDtls><Refs><EndToEndId>E1</EndToEndId></Refs><Refs><EndToEndId>E2</EndToEndId><InstrId>I2</InstrId></Refs><Amt Ccy="EUR">100.00</Amt><RltdPties><Dbtr><Nm>A</Nm><Nm>B</Nm></Dbtr><Dbtr><Nm>C</Nm></Dbtr></RltdPties><RltdPties><DbtrAcct><Id><IBAN>DE1</IBAN></Id></DbtrAcct></RltdPties></TxDtls>',
    );
    expect(tx).toMatchObject({ endToEndId: 'E1', otherReferences: [], counterpartyName: 'A' });
    expect(tx?.counterpartyAccount).toBeUndefined();
  });

  it('an empty first element is not replaced by a later one; Pty/Nm is read when Nm is absent', () => {
    const tx = one(
      '<TxDtls><Refs><EndToEndId> </EndToEndId><EndToEndId>E2</EndToEndId></Refs><Amt Ccy="EUR">100.00</Amt><RltdPties><Dbtr><Pty><Nm>P</Nm></Pty></Dbtr><DbtrAcct><Id><Othr><Id>ACC-9</Id></Othr></Id></DbtrAcct></RltdPties></TxDtls>',
    );
    expect(tx?.endToEndId).toBeUndefined();
    expect(tx).toMatchObject({ counterpartyName: 'P', counterpartyAccount: 'ACC-9' });
  });

  it('text before a child element is the text; CDATA and character references are text too', () => {
    const tx = one(
      '<TxDtls><Amt Ccy="EUR">100.00</Amt><RmtInf><Ustrd> a<X>x</X>b </Ustrd><Ustrd><![CDATA[c&d]]> M&#252;ller</Ustrd><Ustrd>  </Ustrd></RmtInf></TxDtls>',
    );
    expect(tx?.remittanceText).toEqual(['a', 'c&d Müller']);
  });

  it('unread subtrees are skipped, a second single-valued element inside them too', () => {
    const tx = one(
      '<TxDtls><Amt Ccy="EUR">100.00</Amt><RltdPties><Dbtr><Nm>A</Nm><PstlAdr><Id>1</Id><Id>2</Id></PstlAdr></Dbtr></RltdPties><Purp><Cd>X</Cd></Purp></TxDtls>',
    );
    expect(tx?.counterpartyName).toBe('A');
  });

  it('a second single-valued element deep in an entry is refused at its indexed path', () => {
    const details =
      '<TxDtls><Amt Ccy="EUR">40.00</Amt></TxDtls><TxDtls><Amt Ccy="EUR">60.00</Amt><RltdPties><Dbtr><Nm>A</Nm></Dbtr><Dbtr><Nm>B</Nm></Dbtr><DbtrAcct><Id><IBAN>DE1</IBAN></Id><Id><IBAN>DE2</IBAN></Id></DbtrAcct></RltdPties></TxDtls>';
    const e = parseError(() => parseCamt(camt053({ entries: [camtEntry({ details })] })));
    expect(e.code).toBe('MALFORMED_STATEMENT');
    expect(e.location.path).toBe(
      'Document/BkToCstmrStmt/Stmt[0]/Ntry[0]/NtryDtls[0]/TxDtls[1]/RltdPties[0]/DbtrAcct[0]/Id[1]',
    );
    expect(e.message).toMatch(/a second <Id> in one <DbtrAcct>/);
  });

  it('a second single-valued element in an element no reader knows is refused too', () => {
    const e = parseError(() =>
      parseCamt(
        camt053({
          entries: [camtEntry({ extra: '<Foo><Bar/><Foo><Sts>X</Sts><Sts>Y</Sts></Foo></Foo>' })],
        }),
      ),
    );
    expect(e.location.path).toBe('Document/BkToCstmrStmt/Stmt[0]/Ntry[0]/Foo[0]/Foo[0]/Sts[1]');
  });
});
