// Money must be posted once: the same bank line seen again (another statement, another batch,
// no bank reference) is never applied twice, two real payments that share an entry reference are
// both applied, and a returned outgoing payment is never taken for a customer's payment.
import { describe, expect, it } from 'vitest';
import {
  type BankTransaction,
  buildInvoiceIndex,
  emptyPayerMemory,
  newRunState,
  parseBai2,
  parseCamt,
  parseCsv,
  parseMt940,
  ReconcileInputError,
  type ReconcileResult,
  Reconciler,
  reconcile,
  reconcileWithIndex,
} from '../src/index.js';
import { credit, invoice } from './support/builders.js';
import { bai2, camt053, camtBalance, camtEntry, mt940 } from './support/statementText.js';

const posted = (r: ReconcileResult, invoiceId: string): number =>
  r.events.filter((e) => e.invoiceId === invoiceId).reduce((s, e) => s + e.payload.amountMinor, 0);

const statuses = (r: ReconcileResult) => r.lines.map((l) => [l.status, l.reason]);

describe('one index reused across reconcileWithIndex calls', () => {
  const acme = () => invoice({ invoiceNumber: 'INV-1001', amountMinor: 50000 });
  const paid = (over: Partial<BankTransaction> = {}) =>
    credit({
      amountMinor: 50000,
      accountId: 'DE89370400440532013000',
      counterpartyName: 'ACME Trading GmbH',
      remittanceText: ['INV-1001'],
      bankReference: 'ACSV-1',
      ...over,
    });

  it('the same camt entry in the intraday and the end-of-day statement is posted once across reconcileWithIndex calls', () => {
    const inv = acme();
    const index = buildInvoiceIndex([inv], emptyPayerMemory());
    const intraday = paid({ id: 'C052:1', statementId: 'C052', format: 'camt.052' });
    const endOfDay = { ...intraday, id: 'C053:1', statementId: 'C053', format: 'camt.053' as const };
    const r1 = reconcileWithIndex(index, [intraday], {});
    const r2 = reconcileWithIndex(index, [endOfDay], {});
    expect(statuses(r1)).toEqual([['auto', undefined]]);
    expect(statuses(r2)).toEqual([['skipped', 'DUPLICATE']]);
    expect(posted(r1, inv.invoiceId) + posted(r2, inv.invoiceId)).toBe(50000);
  });

  it('a genuine second payment in a later batch is not applied to an item the first batch settled', () => {
    const inv = acme();
    const index = buildInvoiceIndex([inv], emptyPayerMemory());
    const r1 = reconcileWithIndex(index, [paid()], {});
    const again = paid({ bankReference: 'ACSV-2', bookingDate: '2026-02-21', valueDate: '2026-02-21' });
    const r2 = reconcileWithIndex(index, [again], {});
    expect(r1.lines[0]?.status).toBe('auto');
    expect(r2.lines[0]?.status).not.toBe('auto');
    expect(r2.lines[0]?.unappliedMinor).toBe(50000);
    expect(r2.events).toEqual([]);
    expect(posted(r1, inv.invoiceId)).toBe(50000);
  });

  it('partial payments in separate batches never apply more than the open amount', () => {
    const inv = acme();
    const index = buildInvoiceIndex([inv], emptyPayerMemory());
    let total = 0;
    for (const [n, day] of ['2026-02-20', '2026-02-21', '2026-02-22'].entries()) {
      const r = reconcileWithIndex(
        index,
        [paid({ amountMinor: 30000, bankReference: `P-${n}`, bookingDate: day, valueDate: day })],
        {},
      );
      total += posted(r, inv.invoiceId);
    }
    expect(total).toBeLessThanOrEqual(50000);
  });

  it('a run state carried with one index is refused with another (it names open items by position)', () => {
    const state = newRunState();
    reconcileWithIndex(buildInvoiceIndex([acme()], emptyPayerMemory()), [paid()], { state });
    const other = buildInvoiceIndex(
      [invoice({ invoiceNumber: 'INV-2002', amountMinor: 50000 }), acme()],
      emptyPayerMemory(),
    );
    expect(() => reconcileWithIndex(other, [paid({ bankReference: 'ACSV-9' })], { state })).toThrow(
      ReconcileInputError,
    );
    expect(
      reconcileWithIndex(other, [paid({ bankReference: 'ACSV-9' })], { state: newRunState() }).lines[0]
        ?.status,
    ).toBe('auto');
  });

  it('reconcile() builds its own index: two calls with the same open items do not see each other', () => {
    const inv = acme();
    const a = reconcile({ transactions: [paid()], invoices: [inv] });
    const b = reconcile({ transactions: [paid()], invoices: [inv] });
    expect([a.lines[0]?.status, b.lines[0]?.status]).toEqual(['auto', 'auto']);
    expect(posted(b, inv.invoiceId)).toBe(50000);
  });
});

describe('a bank line without a bank reference seen twice', () => {
  const open = () => [invoice({ invoiceNumber: 'INV-1001', amountMinor: 100000 })];
  const noRef = (over: Partial<BankTransaction> & { id: string; statementId: string }): BankTransaction => {
    const { bankReference: _, ...line } = credit({
      accountId: 'DE89370400440532013000',
      amountMinor: 40000,
      counterpartyName: 'ACME Trading GmbH',
      remittanceText: ['INV-1001 Teilzahlung'],
      ...over,
    });
    return line;
  };

  it('the same partial payment in two overlapping statements without a bank reference is held, not posted twice', () => {
    const r = reconcile({
      transactions: [noRef({ id: 'S1:4', statementId: 'S1' }), noRef({ id: 'S2:1', statementId: 'S2' })],
      invoices: open(),
    });
    expect(r.lines[0]?.status).toBe('auto');
    expect(r.lines[1]?.status).not.toBe('auto');
    expect(r.lines[1]?.reason).toBe('POSSIBLE_DUPLICATE');
    expect(r.lines[1]?.notes.join(' ')).toMatch(/S1:4/);
    expect(posted(r, 'id-INV-1001')).toBe(40000);
  });

  it('the same MT940 :61: line without a // reference in a re-sent statement is held by the Reconciler until a person confirms it', () => {
    const day = (seq: string, opening: string) =>
      parseMt940(
        mt940({
          opening,
          lines: [
            ':61:2603020302C400,00NTRFNONREF',
            ':86:166?00GUTSCHRIFT?20INV-1001 Teilzahlung?32ACME Trading GmbH',
          ],
          closing: 'C260302EUR1400,00',
        }).replace(':28C:1/1', `:28C:${seq}`),
      ).statements;
    const rc = new Reconciler({ invoices: open() });
    const r1 = rc.process(day('12/1', 'C260302EUR1000,00'));
    const r2 = rc.process(day('13/1', 'C260301EUR1000,00'));
    expect(r1.lines[0]?.status).toBe('auto');
    expect(r2.lines[0]?.status).not.toBe('auto');
    expect(r2.lines[0]?.reason).toBe('POSSIBLE_DUPLICATE');
    expect(r2.events).toEqual([]);
    expect(rc.openAmount('id-INV-1001')).toBe(60000);
    // A person who knows it is a second instalment confirms it.
    const held = r2.lines[0];
    const proposal = held?.suggestions[0];
    if (held === undefined || proposal === undefined) throw new Error('no suggestion to confirm');
    expect(rc.apply(held.transactionId, proposal).lines[0]?.status).toBe('confirmed');
    expect(rc.openAmount('id-INV-1001')).toBe(20000);
  });

  it('the same MT940 :61: line with a // reference in a re-sent statement is skipped as a duplicate', () => {
    const day = (seq: string) =>
      parseMt940(
        mt940({
          lines: [
            ':61:2603020302C400,00NTRFNONREF//BANK-77',
            ':86:166?00GUTSCHRIFT?20INV-1001 Teilzahlung?32ACME Trading GmbH',
          ],
          closing: 'C260302EUR1400,00',
        }).replace(':28C:1/1', `:28C:${seq}`),
      ).statements;
    const rc = new Reconciler({ invoices: open() });
    rc.process(day('12/1'));
    expect(statuses(rc.process(day('13/1')))).toEqual([['skipped', 'DUPLICATE']]);
    expect(rc.openAmount('id-INV-1001')).toBe(60000);
  });

  it('the same bank reference and amount booked on another day (intraday report dated otherwise) is held, not posted twice', () => {
    const line = (id: string, day: string) =>
      credit({
        id,
        statementId: id.split(':')[0] ?? '',
        accountId: 'DE89370400440532013000',
        bankReference: 'X1',
        amountMinor: 40000,
        bookingDate: day,
        valueDate: day,
        counterpartyName: 'ACME Trading GmbH',
        remittanceText: ['INV-1001'],
      });
    const r = reconcile({
      transactions: [line('S1:4', '2026-02-20'), line('S2:1', '2026-02-21')],
      invoices: open(),
    });
    expect(r.lines.map((l) => [l.status === 'auto', l.reason])).toEqual([
      [true, undefined],
      [false, 'POSSIBLE_DUPLICATE'],
    ]);
    expect(posted(r, 'id-INV-1001')).toBe(40000);
  });

  it('the same row in two overlapping CSV exports is held, the rows only in one export are applied', () => {
    const header = 'Date;Amount;Currency;Text;Payer';
    const row = (day: string, amount: string, text: string) =>
      `${day};${amount};EUR;${text};ACME Trading GmbH`;
    const first = [
      header,
      row('2026-03-01', '300,00', 'INV-1001'),
      row('2026-03-02', '400,00', 'INV-1002'),
    ].join('\n');
    const second = [
      header,
      row('2026-03-02', '400,00', 'INV-1002'),
      row('2026-03-03', '500,00', 'INV-1003'),
    ].join('\n');
    const columns = {
      date: 'Date',
      amount: 'Amount',
      currency: 'Currency',
      description: 'Text',
      counterpartyName: 'Payer',
    };
    const lines = [
      ...(parseCsv(first, { decimalSeparator: ',', columns, statementId: 'export-1' }).statements[0]
        ?.transactions ?? []),
      ...(parseCsv(second, { decimalSeparator: ',', columns, statementId: 'export-2' }).statements[0]
        ?.transactions ?? []),
    ];
    const r = reconcile({
      transactions: lines,
      invoices: [
        invoice({ invoiceNumber: 'INV-1001', amountMinor: 30000 }),
        invoice({ invoiceNumber: 'INV-1002', amountMinor: 80000 }),
        invoice({ invoiceNumber: 'INV-1003', amountMinor: 50000 }),
      ],
    });
    expect(r.lines.map((l) => [l.transactionId, l.status === 'auto', l.reason])).toEqual([
      ['export-1:1', true, undefined],
      ['export-1:2', true, undefined],
      ['export-2:1', false, 'POSSIBLE_DUPLICATE'],
      ['export-2:2', true, undefined],
    ]);
    expect(posted(r, 'id-INV-1002')).toBe(40000);
  });

  it('the same BAI2 detail without a bank reference in two files is held', () => {
    const file = bai2(['16,195,100000,,,,INV-1001 ACME Trading GmbH/']);
    const [a, b] = [
      parseBai2(file),
      parseBai2(file.replace('01,QUIDFIN,BANKCO,260302,1200,1', '01,QUIDFIN,BANKCO,260302,1200,2')),
    ];
    const txs = [...(a.statements[0]?.transactions ?? []), ...(b.statements[0]?.transactions ?? [])];
    expect(txs.every((t) => t.bankReference === undefined)).toBe(true);
    const r = reconcile({
      transactions: txs.map((t, k) => ({ ...t, id: `${t.id}#${k}` })),
      invoices: [invoice({ invoiceNumber: 'INV-1001', amountMinor: 100000, currency: 'USD' })],
    });
    expect(r.lines.map((l) => l.status === 'auto')).toEqual([true, false]);
    expect(r.lines[1]?.reason).toBe('POSSIBLE_DUPLICATE');
  });

  it('two lines with the same EndToEndId and no bank reference: the second is held even with other text', () => {
    const r = reconcile({
      transactions: [
        noRef({ id: 'S1:1', statementId: 'S1', endToEndId: 'E2E-42' }),
        noRef({ id: 'S2:1', statementId: 'S2', endToEndId: 'E2E-42', remittanceText: ['INV-1001'] }),
      ],
      invoices: open(),
    });
    expect(r.lines.map((l) => [l.status === 'auto', l.reason])).toEqual([
      [true, undefined],
      [false, 'POSSIBLE_DUPLICATE'],
    ]);
    expect(posted(r, 'id-INV-1001')).toBe(40000);
  });

  it('two different payments without a bank reference are both applied', () => {
    const r = reconcile({
      transactions: [
        noRef({ id: 'S1:1', statementId: 'S1' }),
        noRef({ id: 'S1:2', statementId: 'S1', remittanceText: ['INV-1001 Rest'], amountMinor: 60000 }),
      ],
      invoices: open(),
    });
    expect(r.lines.map((l) => l.status)).toEqual(['auto', 'auto']);
    expect(posted(r, 'id-INV-1001')).toBe(100000);
  });
});

describe('details of one camt batch entry', () => {
  const det = (e2e: string | undefined, name: string, text: string) =>
    `<TxDtls>${e2e === undefined ? '' : `<Refs><EndToEndId>${e2e}</EndToEndId></Refs>`}<Amt Ccy="EUR">100.00</Amt><RltdPties><Dbtr><Nm>${name}</Nm></Dbtr></RltdPties><RmtInf><Ustrd>${text}</Ustrd></RmtInf></TxDtls>`;
  const statement = (id: string, e2e: readonly [string | undefined, string | undefined]) =>
    camt053({
      balances: `${camtBalance('OPBD', '1000.00')}${camtBalance('CLBD', '1200.00')}`,
      entries: [
        camtEntry({
          amount: '200.00',
          details: `<Btch><NbOfTxs>2</NbOfTxs></Btch>${det(e2e[0], 'ACME Trading GmbH', 'INV-1001')}${det(e2e[1], 'Beta AG', 'B-2002')}`,
        }),
      ],
    }).replace('<Stmt><Id>S1</Id>', `<Stmt><Id>${id}</Id>`);
  const open = () => [
    invoice({ invoiceNumber: 'INV-1001', amountMinor: 10000 }),
    invoice({
      invoiceNumber: 'B-2002',
      amountMinor: 10000,
      payerId: 'beta',
      payerName: 'Beta AG',
      payerAccounts: [],
    }),
  ];

  it('two 100.00 payments from two payers in one camt batch entry (one AcctSvcrRef) are both applied', () => {
    for (const e2e of [
      ['E1', 'E2'],
      [undefined, undefined],
    ] as const) {
      const txs = parseCamt(statement('S1', e2e)).statements[0]?.transactions ?? [];
      expect(txs.map((t) => t.bankReference)).toEqual(['BR-1', 'BR-1']);
      const r = reconcile({ transactions: txs, invoices: open() });
      expect(r.lines.map((l) => l.status)).toEqual(['auto', 'auto']);
      expect(posted(r, 'id-INV-1001') + posted(r, 'id-B-2002')).toBe(20000);
    }
  });

  it('the same camt batch entry in two statements is still caught detail by detail', () => {
    const txs = [
      ...(parseCamt(statement('S1', ['E1', 'E2'])).statements[0]?.transactions ?? []),
      ...(parseCamt(statement('S2', ['E1', 'E2'])).statements[0]?.transactions ?? []),
    ];
    const r = reconcile({ transactions: txs, invoices: open() });
    expect(statuses(r)).toEqual([
      ['auto', undefined],
      ['auto', undefined],
      ['skipped', 'DUPLICATE'],
      ['skipped', 'DUPLICATE'],
    ]);
  });
});

describe('returned outgoing payments are not customer payments', () => {
  const open = () => [
    invoice({ invoiceNumber: 'INV-1001', amountMinor: 25000 }),
    invoice({ invoiceNumber: 'INV-1002', amountMinor: 90000 }),
  ];

  it('a returned refund booked as a camt credit (PMNT/ICDT/RRTN, AC04) is left for a person', () => {
    const xml = camt053({
      balances: `${camtBalance('OPBD', '1000.00')}${camtBalance('CLBD', '1250.00')}`,
      entries: [
        camtEntry({
          amount: '250.00',
          details:
            '<TxDtls><Refs><EndToEndId>REFUND-CN-1</EndToEndId></Refs><Amt Ccy="EUR">250.00</Amt><RltdPties><Dbtr><Nm>ACME Trading GmbH</Nm></Dbtr><DbtrAcct><Id><IBAN>DE02120300000000202051</IBAN></Id></DbtrAcct></RltdPties><RmtInf><Ustrd>RETURN AC04 Erstattung Doppelzahlung INV-1001</Ustrd></RmtInf></TxDtls>',
        }).replace(
          '<AcctSvcrRef>',
          '<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>ICDT</Cd><SubFmlyCd>RRTN</SubFmlyCd></Fmly></Domn></BkTxCd><AcctSvcrRef>',
        ),
      ],
    });
    const txs = parseCamt(xml).statements[0]?.transactions ?? [];
    expect(txs[0]?.transactionCode).toBe('PMNT/ICDT/RRTN');
    const r = reconcile({ transactions: txs, invoices: open() });
    expect(statuses(r)).toEqual([['unmatched', 'RETURNED_PAYMENT']]);
    expect(r.lines[0]?.notes.join(' ')).toMatch(/PMNT\/ICDT\/RRTN/);
    expect(r.events).toEqual([]);
  });

  it.each([
    'PMNT/RCDT/RRTN',
    'PMNT/ICDT/RPCR',
    'PMNT/IDDT/UPDD',
    'PMNT/RDDT/PRDD',
    'PMNT/ICDT/ARET',
    'PMNT/ICDT/AREV',
    'PMNT/ICHQ/UPCQ',
    'NRTI',
    'NTRF/159',
    '257',
    '258',
  ])('a credit with the return or reversal code %s is never applied to a receivable', (code) => {
    const r = reconcile({
      transactions: [
        credit({
          amountMinor: 25000,
          transactionCode: code,
          counterpartyName: 'ACME Trading GmbH',
          counterpartyAccount: 'DE02120300000000202051',
          remittanceText: ['INV-1001'],
        }),
      ],
      invoices: open(),
    });
    expect(statuses(r)).toEqual([['unmatched', 'RETURNED_PAYMENT']]);
  });

  it('a credit whose text says RETURN with an ISO return reason is left for a person even without a code', () => {
    const r = reconcile({
      transactions: [
        credit({
          amountMinor: 25000,
          counterpartyName: 'ACME Trading GmbH',
          remittanceText: ['RETURN AC04 INV-1001'],
        }),
      ],
      invoices: open(),
    });
    expect(statuses(r)).toEqual([['unmatched', 'RETURNED_PAYMENT']]);
  });

  it('ordinary credit codes and a customer text about returned goods still match', () => {
    for (const [code, text] of [
      ['PMNT/RCDT/ESCT', 'INV-1001'],
      ['NTRF/166', 'INV-1001 abzgl. Retoure'],
      ['195', 'INV-1001 less return'],
    ] as const) {
      const r = reconcile({
        transactions: [
          credit({
            amountMinor: 25000,
            transactionCode: code,
            counterpartyName: 'ACME Trading GmbH',
            counterpartyAccount: 'DE02120300000000202051',
            remittanceText: [text],
          }),
        ],
        invoices: open(),
      });
      expect(r.lines[0]?.status).toBe('auto');
    }
  });
});
