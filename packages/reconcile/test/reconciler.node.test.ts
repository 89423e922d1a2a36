// The API a cash-application user needs (#12): a Reconciler over a month of statements, dated FX
// rates with inverses, and an open-item loader with an explicit credit-note convention.
import { describe, expect, it } from 'vitest';
import {
  type BankStatement,
  type BankTransaction,
  convertAtRatio,
  findFxRate,
  loadOpenItemsCsv,
  loadOpenItemsJson,
  parsePaymentTerms,
  ReconcileInputError,
  Reconciler,
  reconcile,
  resolveOptions,
} from '../src/index.js';
import { credit, invoice } from './support/builders.js';

const ACCOUNT = 'DE02120300000000202051';
const statement = (id: string, transactions: BankTransaction[]): BankStatement => ({
  id,
  format: 'camt.053',
  transactions,
});
const day = (d: string) => ({ bookingDate: d, valueDate: d });

describe('Reconciler: a month of daily statements as one loop', () => {
  const a = invoice({ invoiceNumber: 'INV-2026-00901', amountMinor: 100_000 });
  const b = invoice({ invoiceNumber: 'INV-2026-00902', amountMinor: 40_000 });

  it('carries open items forward: day 2 sees what day 1 applied', () => {
    const r = new Reconciler({ invoices: [a, b] });
    const d1 = r.process(
      statement('D1', [
        credit({
          amountMinor: 60_000,
          remittanceText: ['INV-2026-00901'],
          counterpartyAccount: ACCOUNT,
          ...day('2026-02-10'),
        }),
      ]),
    );
    expect(d1.lines[0]?.allocations).toMatchObject([
      { invoiceId: a.invoiceId, invoiceNumber: 'INV-2026-00901', kind: 'partial' },
    ]);
    expect(r.openAmount(a.invoiceId)).toBe(40_000);
    // Day 2: 40,000 from the payer's account, no text: a and b are now both open at 40,000.
    const d2 = r.process(
      statement('D2', [credit({ amountMinor: 40_000, counterpartyAccount: ACCOUNT, ...day('2026-02-11') })]),
    );
    expect(d2.lines[0]?.status).not.toBe('auto');
    const d3 = r.process(
      statement('D3', [
        credit({ amountMinor: 40_000, remittanceText: ['Rest INV-2026-00901'], ...day('2026-02-12') }),
      ]),
    );
    expect(d3.invoices).toMatchObject([
      { invoiceId: a.invoiceId, openBeforeMinor: 40_000, openAfterMinor: 0, state: 'Reconciled' },
    ]);
    expect(r.openItems().map((i) => i.invoiceId)).toEqual([b.invoiceId]);
  });

  it('refuses a statement booked before a day already processed, and changes nothing', () => {
    const r = new Reconciler({ invoices: [a, b] });
    r.process(
      statement('D2', [
        credit({ amountMinor: 10_000, remittanceText: ['INV-2026-00901'], ...day('2026-02-11') }),
      ]),
    );
    const late = statement('D1', [
      credit({ amountMinor: 40_000, remittanceText: ['INV-2026-00902'], ...day('2026-02-10') }),
    ]);
    expect(() => r.process(late)).toThrow(ReconcileInputError);
    expect(r.openAmount(b.invoiceId)).toBe(40_000);
    expect(r.lastBookingDate).toBe('2026-02-11');
  });

  it('several statements in one call are applied in booking order, whatever order they are given in', () => {
    const r = new Reconciler({ invoices: [a, b] });
    const res = r.process([
      statement('D2', [
        credit({ amountMinor: 40_000, remittanceText: ['INV-2026-00902'], ...day('2026-02-11') }),
      ]),
      statement('D1', [
        credit({ amountMinor: 40_000, remittanceText: ['INV-2026-00902'], ...day('2026-02-10') }),
      ]),
    ]);
    // The earlier day settles b; the later repeat finds it settled.
    expect(res.lines[1]?.status).toBe('auto');
    expect(res.lines[0]?.status).not.toBe('auto');
  });

  it('a returned payment (AC06) is reported and undone explicitly; the item is open again', () => {
    const r = new Reconciler({ invoices: [a, b] });
    const paid = credit({
      amountMinor: 40_000,
      endToEndId: 'E2E-77',
      remittanceText: ['INV-2026-00902'],
      ...day('2026-02-10'),
    });
    r.process(statement('D1', [paid]));
    expect(r.openAmount(b.invoiceId)).toBe(0);
    const back = credit({
      amountMinor: 40_000,
      direction: 'debit',
      endToEndId: 'E2E-77',
      additionalInfo: ['RETURN AC06 account blocked'],
      ...day('2026-02-12'),
    });
    const res = r.process(statement('D3', [back]));
    expect(res.returns).toEqual([
      { transactionId: back.id, returnsTransactionId: paid.id, reason: 'AC06', applied: true },
    ]);
    expect(r.openAmount(b.invoiceId)).toBe(0);
    const undone = r.undo(paid.id);
    expect(undone.reversed).toMatchObject([
      { invoiceId: b.invoiceId, invoiceNumber: 'INV-2026-00902', cashMinor: 40_000 },
    ]);
    expect(r.openAmount(b.invoiceId)).toBe(40_000);
    expect(() => r.undo(paid.id)).toThrow(ReconcileInputError);
  });

  it('apply: a suggestion a person confirms is applied; one that no longer fits is refused', () => {
    const r = new Reconciler({ invoices: [a, b] });
    const tx = credit({
      amountMinor: 40_000,
      counterpartyAccount: ACCOUNT,
      remittanceText: ['Zahlung'],
      ...day('2026-02-10'),
    });
    const res = r.process(
      statement('D1', [
        credit({
          amountMinor: 60_000,
          remittanceText: ['INV-2026-00901'],
          counterpartyAccount: ACCOUNT,
          ...day('2026-02-10'),
        }),
        tx,
      ]),
    );
    const line = res.lines[1];
    expect(line?.status).toBe('suggested');
    const pick = line?.suggestions.find((s) => s.invoiceIds[0] === b.invoiceId);
    if (pick === undefined) throw new Error('no suggestion for b');
    const applied = r.apply(tx.id, pick);
    expect(applied.lines[0]?.status).toBe('confirmed');
    expect(applied.events.map((e) => [e.invoiceId, e.payload.amountMinor])).toEqual([[b.invoiceId, 40_000]]);
    expect(r.openAmount(b.invoiceId)).toBe(0);
    expect(() => r.apply(tx.id, pick)).toThrow(/already applied/);
    r.undo(tx.id);
    const tooMuch = {
      ...pick,
      allocations: pick.allocations.map((x) => ({ ...x, cashMinor: 50_000, paymentCashMinor: 50_000 })),
    };
    expect(() => r.apply(tx.id, tooMuch)).toThrow(ReconcileInputError);
    expect(r.openAmount(b.invoiceId)).toBe(40_000);
  });

  it('the same line twice is refused (no double posting across calls)', () => {
    const r = new Reconciler({ invoices: [a, b] });
    const tx = credit({ amountMinor: 40_000, remittanceText: ['INV-2026-00902'], ...day('2026-02-10') });
    r.process(statement('D1', [tx]));
    expect(() => r.process(statement('D1b', [tx]))).toThrow(/already processed/);
  });

  it('new open items issued mid-month are matched by later statements', () => {
    const r = new Reconciler({ invoices: [a] });
    r.process(statement('D1', [credit({ amountMinor: 1, remittanceText: ['x'], ...day('2026-02-10') })]));
    r.addOpenItems([b]);
    const res = r.process(
      statement('D2', [
        credit({ amountMinor: 40_000, remittanceText: ['INV-2026-00902'], ...day('2026-02-11') }),
      ]),
    );
    expect(res.lines[0]?.status).toBe('auto');
  });
});

describe('FX rates with a date, several per pair, automatic inverse', () => {
  const rates = [
    { from: 'EUR', to: 'USD', rate: '1.0800', date: '2026-02-01' },
    { from: 'EUR', to: 'USD', rate: '1.1000', date: '2026-02-15' },
  ];

  it('picks the latest rate dated on or before the payment date, and inverts exactly', () => {
    expect(findFxRate(rates, 'EUR', 'USD', '2026-02-14')?.detail).toBe('EUR/USD 1.0800 from 2026-02-01');
    expect(findFxRate(rates, 'EUR', 'USD', '2026-02-20')?.detail).toBe('EUR/USD 1.1000 from 2026-02-15');
    expect(findFxRate(rates, 'EUR', 'USD', '2026-01-31')).toBeUndefined();
    const inv = findFxRate(rates, 'USD', 'EUR', '2026-02-20');
    expect(inv?.detail).toMatch(/inverted/);
    // 110.00 USD at 1/1.1 is exactly 100.00 EUR (a float inverse would drift).
    expect(convertAtRatio(11_000, 'USD', 'EUR', inv?.ratio ?? { num: 1n, den: 1n })).toBe(10_000);
  });

  it('a USD payment for a EUR invoice uses the rate of its own day', () => {
    const inv = invoice({ invoiceNumber: 'INV-2026-00950', amountMinor: 100_000 });
    const pay = (d: string, usd: number) =>
      reconcile({
        transactions: [
          credit({ amountMinor: usd, currency: 'USD', remittanceText: ['INV-2026-00950'], ...day(d) }),
        ],
        invoices: [inv],
        options: { fxRates: rates },
      }).lines[0];
    expect(pay('2026-02-10', 108_000)?.allocations[0]).toMatchObject({
      kind: 'full',
      cashMinor: 100_000,
      fxDifferenceMinor: 0,
    });
    expect(pay('2026-02-20', 110_000)?.allocations[0]).toMatchObject({
      kind: 'full',
      cashMinor: 100_000,
      fxDifferenceMinor: 0,
    });
  });

  it('bad rates are typed errors naming the rate', () => {
    expect(() =>
      resolveOptions({ fxRates: [{ from: 'EUR', to: 'USD', rate: '1.1', date: '2026-02-30' }] }),
    ).toThrow(/fxRates\[0\]\.date/);
    expect(() =>
      resolveOptions({
        fxRates: [
          { from: 'EUR', to: 'USD', rate: '1.1', date: '2026-02-01' },
          { from: 'EUR', to: 'USD', rate: '1.2', date: '2026-02-01' },
        ],
      }),
    ).toThrow(/fxRates\[1\]/);
  });
});

describe('open-item loader', () => {
  const columns = {
    invoiceNumber: 'Belegnr',
    kind: 'Art',
    payerId: 'Debitor',
    payerName: 'Name',
    payerAccounts: 'IBAN',
    currency: 'Whrg',
    amount: 'Betrag',
    openAmount: 'Offen',
    issuedAt: 'Datum',
    poNumber: 'Bestellnr',
    customerNumber: 'Kdnr',
    supplierId: 'Mandant',
    paymentTerms: 'ZB',
  } as const;
  const csv = [
    'Belegnr;Art;Debitor;Name;IBAN;Whrg;Betrag;Offen;Datum;Bestellnr;Kdnr;Mandant;ZB',
    'RE-2026-001;RE;D100;"Müller; Söhne GmbH";DE02120300000000202051;EUR;1.190,00;1.190,00;02.02.2026;PO-77;K-4711;S1;2/10 net 30',
    'GS-2026-002;GS;D100;"Müller; Söhne GmbH";;EUR;-100,00;-100,00;03.02.2026;;K-4711;S1;',
  ].join('\n');

  it('CSV with a column mapping: supplier, PO number, customer number and payment terms; negative amounts are credit notes', () => {
    const open = loadOpenItemsCsv(csv, {
      columns,
      creditNotes: { by: 'negative-amount' },
      decimalSeparator: ',',
      dateFormat: 'DD.MM.YYYY',
    });
    expect(open[0]).toEqual({
      invoiceId: 'RE-2026-001',
      invoiceNumber: 'RE-2026-001',
      payerId: 'D100',
      payerName: 'Müller; Söhne GmbH',
      payerAccounts: ['DE02120300000000202051'],
      currency: 'EUR',
      amountMinor: 119_000,
      openAmountMinor: 119_000,
      issuedAt: '2026-02-02',
      dueAt: '2026-03-04',
      poNumber: 'PO-77',
      customerNumber: 'K-4711',
      supplierId: 'S1',
      earlyPaymentDiscount: { rateBps: 200, withinDays: 10 },
    });
    expect(open[1]).toMatchObject({ kind: 'credit-note', amountMinor: 10_000, openAmountMinor: 10_000 });
  });

  it('the credit-note convention is explicit: a negative amount under the kind-column convention is an error', () => {
    expect(() =>
      loadOpenItemsCsv(csv, {
        columns,
        creditNotes: { by: 'kind-column', creditNoteValues: ['GS'] },
        decimalSeparator: ',',
        dateFormat: 'DD.MM.YYYY',
      }),
    ).toThrow(/row 3\.Betrag: negative amount/);
    const positive = csv.replace('-100,00;-100,00', '100,00;100,00');
    const open = loadOpenItemsCsv(positive, {
      columns,
      creditNotes: { by: 'kind-column', creditNoteValues: ['GS'] },
      decimalSeparator: ',',
      dateFormat: 'DD.MM.YYYY',
    });
    expect(open.map((o) => o.kind ?? 'invoice')).toEqual(['invoice', 'credit-note']);
  });

  it('bad values name the row and column', () => {
    const bad = csv.replace('1.190,00;1.190,00', '1.190,005;1.190,00');
    expect(() =>
      loadOpenItemsCsv(bad, {
        columns,
        creditNotes: { by: 'negative-amount' },
        decimalSeparator: ',',
        dateFormat: 'DD.MM.YYYY',
      }),
    ).toThrow(/row 2\.Betrag/);
    expect(() =>
      loadOpenItemsCsv(csv, {
        columns: { ...columns, dueAt: 'Faellig' },
        creditNotes: { by: 'negative-amount' },
      }),
    ).toThrow(/columns\.dueAt/);
    expect(() =>
      loadOpenItemsCsv(csv.replace('02.02.2026', '31.02.2026'), {
        columns,
        creditNotes: { by: 'negative-amount' },
        decimalSeparator: ',',
        dateFormat: 'DD.MM.YYYY',
      }),
    ).toThrow(/row 2\.Datum/);
  });

  it('JSON: amounts must be decimal strings, never floats', () => {
    const jcols = {
      invoiceNumber: 'no',
      payerId: 'cust',
      currency: 'ccy',
      amount: 'amt',
      customerNumber: 'custNo',
    };
    const open = loadOpenItemsJson('[{"no":"INV-1","cust":"C1","ccy":"JPY","amt":"1500","custNo":"K-1"}]', {
      columns: jcols,
      creditNotes: { by: 'negative-amount' },
    });
    expect(open).toEqual([
      {
        invoiceId: 'INV-1',
        invoiceNumber: 'INV-1',
        payerId: 'C1',
        currency: 'JPY',
        amountMinor: 1500,
        openAmountMinor: 1500,
        customerNumber: 'K-1',
      },
    ]);
    expect(() =>
      loadOpenItemsJson('[{"no":"INV-1","cust":"C1","ccy":"EUR","amt":100.1}]', {
        columns: jcols,
        creditNotes: { by: 'negative-amount' },
      }),
    ).toThrow(/\[0\]\.amt/);
  });

  it.each([
    ['2/10 net 30', { netDays: 30, discount: { rateBps: 200, withinDays: 10 } }],
    ['2 % 10 Tage, 30 Tage netto', { netDays: 30, discount: { rateBps: 200, withinDays: 10 } }],
    ['1,5/14 n/45', { netDays: 45, discount: { rateBps: 150, withinDays: 14 } }],
    ['NET30', { netDays: 30 }],
    ['30 Tage netto', { netDays: 30 }],
  ])('payment terms "%s"', (text, expected) => {
    expect(parsePaymentTerms(text)).toEqual(expected);
  });

  it('loaded customer and PO numbers are evidence: the PO number quoted alone finds the invoice', () => {
    const open = loadOpenItemsCsv(csv, {
      columns,
      creditNotes: { by: 'negative-amount' },
      decimalSeparator: ',',
      dateFormat: 'DD.MM.YYYY',
    });
    const line = reconcile({
      transactions: [credit({ amountMinor: 119_000, remittanceText: ['Bestellung PO-77'] })],
      invoices: open,
    }).lines[0];
    expect(line?.evidence.map((e) => e.code)).toContain('PO_NUMBER_IN_TEXT');
    expect(line?.status).toBe('auto');
  });
});

describe('customer numbers from the open-item list identify the payer', () => {
  it('a customer number in the text ("Kd-Nr. K-4711") identifies the payer; with a unique exact amount it auto-matches', () => {
    const a = invoice({
      invoiceNumber: 'INV-2026-00960',
      amountMinor: 123_400,
      customerNumber: 'K-4711',
      payerAccounts: [],
    });
    const b = invoice({
      invoiceNumber: 'INV-2026-00961',
      amountMinor: 99_900,
      customerNumber: 'K-4711',
      payerAccounts: [],
    });
    const line = reconcile({
      transactions: [credit({ amountMinor: 123_400, remittanceText: ['Kd-Nr. K-4711'] })],
      invoices: [a, b],
    }).lines[0];
    expect(line?.payerIds).toEqual(['buyer-acme']);
    expect(line?.evidence.map((e) => e.code)).toContain('CUSTOMER_NUMBER_IN_TEXT');
    expect(line?.status).toBe('auto');
  });
});
