import { describe, expect, it } from 'vitest';
import { parseCamt, parseStatement } from '../src/index.js';
import { fixture, fixtureText } from './support/fixtures.js';
import { parseError } from './support/parseError.js';

// genkgo's test files do not add up (a CLBD in SEK on a EUR account, a five-decimals CLBD 0.05
// off): statements/corpus.node.test.ts checks that they are refused by default; here they are read
// in warn mode for their fields.
const WARN = { integrity: 'warn' } as const;

describe('parseCamt on public genkgo/camt fixtures (MIT)', () => {
  it('reads camt.053 v2 minimal: amount, sign, dates, SCOR reference, debtor', () => {
    const { statements, warnings } = parseCamt(fixture('camt/camt053.v2.minimal.xml'), WARN);
    expect(new Set(warnings.map((w) => w.code))).toEqual(new Set(['CURRENCY_MISMATCH']));
    expect(statements).toHaveLength(1);
    const s = statements[0];
    expect(s?.id).toBe('253EURNL26VAYB8060476890');
    expect(s?.accountId).toBe('NL26VAYB8060476890');
    expect(s?.format).toBe('camt.053');
    const tx = s?.transactions[0];
    expect(tx).toMatchObject({
      amountMinor: 885,
      currency: 'EUR',
      direction: 'credit',
      reversal: false,
      status: 'BOOK',
      bookingDate: '2014-12-31',
      valueDate: '2015-01-02',
      creditorReferences: ['4654654654654654'],
      counterpartyName: 'NAME NAME',
      counterpartyAccount: 'NL56AGDH9619008421',
    });
  });

  it('reads every statement of a multi-statement file', () => {
    const { statements } = parseCamt(fixture('camt/camt053.v2.multi.statement.xml'));
    expect(statements.map((s) => s.transactions.length)).toEqual([1, 1]);
    expect(new Set(statements.map((s) => s.id)).size).toBe(2);
  });

  it('accepts extra fraction digits only when they are zeros (five.decimals)', () => {
    const tx = parseCamt(fixture('camt/camt053.v2.five.decimals.xml'), WARN).statements[0]?.transactions[0];
    expect(tx?.amountMinor).toBe(885);
  });

  it.each(['camt053.v2.with-party-ids.xml', 'camt053.v4.xml', 'camt053.v8.xml', 'camt052.v2.xml'])(
    'reads %s',
    (name) => {
      const { statements } = parseStatement(fixture(`camt/${name}`), WARN);
      const txs = statements.flatMap((s) => s.transactions);
      expect(txs.length).toBeGreaterThan(0);
      for (const t of txs) {
        expect(Number.isSafeInteger(t.amountMinor)).toBe(true);
        expect(t.currency).toMatch(/^[A-Z]{3}$/);
      }
    },
  );

  it('camt.054 v2: a batch of TxDtls without own amounts is merged, with a warning, keeping every reference', () => {
    const { statements, warnings } = parseCamt(fixture('camt/camt054.v2.xml'));
    expect(statements[0]?.format).toBe('camt.054');
    const tx = statements[0]?.transactions[0];
    expect(statements[0]?.transactions).toHaveLength(1);
    expect(tx?.amountMinor).toBe(20000000);
    expect(tx?.currency).toBe('SEK');
    expect(tx?.endToEndId).toBe('MUELL/FINP/RA12345');
    expect(tx?.creditorReferences).toEqual([
      'ISR ref number V1',
      'ISR ref number V2',
      'Ref number V3 block 1',
      'Ref number V3 block 2',
    ]);
    expect(tx?.remittanceText).toContain('Unstructured Remittance Information V3 block 2');
    expect(warnings.map((w) => w.code)).toEqual(['BATCH_DETAILS_MERGED']);
  });

  it('camt.054 v4: a DBIT SEK entry whose TxDtls are CHF credits is refused; warn mode keeps the entry as booked', () => {
    const e = parseError(() => parseCamt(fixture('camt/camt054.v4.xml')));
    expect(e.code).toBe('INTEGRITY_MISMATCH');
    const { statements, warnings } = parseCamt(fixture('camt/camt054.v4.xml'), WARN);
    const txs = statements[0]?.transactions ?? [];
    expect(txs.map((t) => [t.id, t.amountMinor, t.currency, t.direction])).toEqual([
      ['AAAASESS-FP-ACCR001:1', 20000000, 'SEK', 'debit'],
    ]);
    expect(warnings.map((w) => w.code)).toEqual(['BATCH_INCONSISTENT']);
  });

  it('camt.054 v8 keeps the UETR and reads Sts/Cd', () => {
    const tx = parseCamt(fixture('camt/camt054.v8-with-UETR.xml')).statements[0]?.transactions[0];
    expect(tx?.otherReferences).toContain('255ae394-9965-4438-ac86-f406feada396');
    expect(tx?.status).toBe('BOOK');
    expect(tx?.direction).toBe('debit');
  });

  it('a camt.053 without any Stmt is an error (genkgo wrong.xml)', () => {
    const e = parseError(() => parseCamt(fixture('camt/camt053.v2.wrong.xml')));
    expect(e.code).toBe('MALFORMED_STATEMENT');
    expect(e.location.path).toBe('Document/BkToCstmrStmt');
  });
});

describe('parseCamt on a hand-written v08 file (our own edge cases)', () => {
  const { statements } = parseCamt(fixture('handwritten/camt053-remittance-v08.xml'));
  const txs = statements[0]?.transactions ?? [];

  it('returns every entry: batch split into its TxDtls, reversal and pending kept', () => {
    expect(txs.map((t) => t.id)).toEqual([
      'QF-STMT-2026-03-02:1',
      'QF-STMT-2026-03-02:2',
      'QF-STMT-2026-03-02:3.1',
      'QF-STMT-2026-03-02:3.2',
      'QF-STMT-2026-03-02:4',
      'QF-STMT-2026-03-02:5',
    ]);
    expect(txs[4]).toMatchObject({ reversal: true, direction: 'debit', additionalInfo: ['Return AC06'] });
    expect(txs[5]?.status).toBe('PDNG');
  });

  it('reads v08 party wrappers, ultimate debtor, SCOR reference, BkTxCd and drops NOTPROVIDED', () => {
    expect(txs[0]).toMatchObject({
      counterpartyName: 'Nordwind Logistik GmbH',
      ultimateDebtorName: 'Nordwind Holding AG',
      counterpartyAccount: 'DE02120300000000202051',
      creditorReferences: ['RF18 5390 0754 7034'],
      transactionCode: 'PMNT/RCDT/ESCT',
      bankReference: 'BANKREF-0001',
    });
    expect(txs[0]?.endToEndId).toBeUndefined();
  });

  it('reads RfrdDocInf with discount, several Ustrd, charges records, instructed FX amount and Othr account', () => {
    expect(txs[1]).toMatchObject({
      amountMinor: 98000,
      endToEndId: 'E2E-ACME-77',
      referredDocuments: [
        { number: 'INV-2026-00017', type: 'CINV', remittedMinor: 98000, discountMinor: 2000 },
      ],
      remittanceText: ['Invoice INV-2026/00017', 'PO 4500012345'],
      chargesMinor: 1500,
      instructedAmount: { amountMinor: 107550, currency: 'USD' },
      counterpartyAccount: '026015079-107049924',
      additionalInfo: ['SEPA CT incoming'],
    });
  });
});

describe('parseCamt on hostile input', () => {
  // genkgo's minimal file with its CLBD put in the account's currency and sign, so it adds up and
  // only the damage each test adds is wrong.
  const good = fixtureText('camt/camt053.v2.minimal.xml').replace(
    /<Amt Ccy="SEK">27.00<\/Amt>(\s*)<CdtDbtInd>DBIT/,
    '<Amt Ccy="EUR">27.00</Amt>$1<CdtDbtInd>CRDT',
  );

  it('truncated XML is a located syntax error', () => {
    const e = parseError(() => parseCamt(good.slice(0, Math.floor(good.length / 2))));
    expect(e.code).toBe('MALFORMED_STATEMENT');
    expect(e.location.line).toBeGreaterThan(60);
    expect(e.location.path).toBe('Document/BkToCstmrStmt/Stmt/Ntry/BookgDt');
    expect(e.message).toMatch(/truncated/);
    const broken = parseError(() => parseCamt(good.replace('</MsgId>', '</MsgIdX>')));
    expect(broken.location.line).toBe(5);
    expect(broken.message).toMatch(/invalid XML/);
  });

  it('a wrong namespace (pain.001) is refused', () => {
    const e = parseError(() => parseCamt(good.replace('camt.053.001.02', 'pain.001.001.03')));
    expect(e.code).toBe('UNSUPPORTED_FORMAT');
    expect(e.location.path).toBe('Document/@xmlns');
  });

  it('a namespace that disagrees with the message body is refused', () => {
    const e = parseError(() => parseCamt(good.replace('camt.053.001.02', 'camt.054.001.02')));
    expect(e.message).toMatch(/missing BkToCstmrDbtCdtNtfctn/);
  });

  it('entity expansion (billion laughs) is refused before parsing', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>${good.slice(good.indexOf('<Document'))}`;
    expect(parseError(() => parseCamt(bomb)).message).toMatch(/DTD/);
  });

  it('absurd nesting is a typed error, not a crash', () => {
    const deep = `<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>${'<X>'.repeat(200_000)}${'</X>'.repeat(200_000)}</BkToCstmrStmt></Document>`;
    const e = parseError(() => parseCamt(deep));
    expect(e.code).toBe('MALFORMED_STATEMENT');
    expect(e.message).toMatch(/refused/);
  });

  it('input above maxBytes is refused with INPUT_TOO_LARGE', () => {
    const huge = new Uint8Array(2 * 1024 * 1024);
    expect(parseError(() => parseCamt(huge, { maxBytes: 1024 * 1024 })).code).toBe('INPUT_TOO_LARGE');
  });

  it('a large valid file (6.5 MB, 2,000 entries) parses completely', () => {
    const start = good.indexOf('<Ntry>');
    const end = good.indexOf('</Ntry>') + '</Ntry>'.length;
    const big = good.slice(0, start) + good.slice(start, end).repeat(2_000) + good.slice(end);
    const txs = parseCamt(big, WARN).statements[0]?.transactions ?? [];
    expect(txs).toHaveLength(2_000);
    expect(txs[1_999]?.id).toBe('253EURNL26VAYB8060476890:2000');
  });

  it('ISO-8859-1 bytes without a declaration are an ENCODING_ERROR with a location; the declared encoding is honoured', () => {
    const latin = good.replace('NAME NAME', 'M\u00dcLLER');
    const bytes = Uint8Array.from(latin, (c) => c.charCodeAt(0));
    const e = parseError(() => parseCamt(bytes));
    expect(e.code).toBe('ENCODING_ERROR');
    expect(e.location.line).toBeGreaterThan(1);
    const declared = Uint8Array.from(latin.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'), (c) =>
      c.charCodeAt(0),
    );
    expect(parseCamt(declared).statements[0]?.transactions[0]?.counterpartyName).toBe('M\u00dcLLER');
    expect(
      parseCamt(bytes, { encoding: 'iso-8859-1' }).statements[0]?.transactions[0]?.counterpartyName,
    ).toBe('M\u00dcLLER');
  });

  it.each([
    ['<Amt Ccy="EUR">8.85</Amt>', '<Amt Ccy="EUR">8.855</Amt>', /more than 2 fraction digits/, 'Ntry[0]/Amt'],
    ['<Amt Ccy="EUR">8.85</Amt>', '<Amt Ccy="EUR">-8.85</Amt>', /must not be negative/, 'Ntry[0]/Amt'],
    ['<Amt Ccy="EUR">8.85</Amt>', '<Amt>8.85</Amt>', /missing currency/, 'Ntry[0]/Amt/@Ccy'],
    ['<Amt Ccy="EUR">8.85</Amt>', '<Amt Ccy="EURO">8.85</Amt>', /invalid currency/, 'Ntry[0]/Amt/@Ccy'],
    [
      '<CdtDbtInd>CRDT</CdtDbtInd>\n                <RvslInd>',
      '<CdtDbtInd>CREDIT</CdtDbtInd>\n                <RvslInd>',
      /CdtDbtInd must be/,
      'Ntry[0]/CdtDbtInd',
    ],
  ])('bad entry field %#: located typed error', (from, to, message, path) => {
    expect(good.includes(from)).toBe(true);
    const e = parseError(() => parseCamt(good.replace(from, to)));
    expect(e.code).toBe('MALFORMED_STATEMENT');
    expect(e.message).toMatch(message);
    expect(e.location.path.endsWith(path)).toBe(true);
  });
});
