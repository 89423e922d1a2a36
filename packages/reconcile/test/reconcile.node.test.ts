import { isSdkError, type VerifiedInvoiceEvent } from '@quidfin/core';
import { describe, expect, it } from 'vitest';
import {
  createRfReference,
  emptyPayerMemory,
  forgetFromMemory,
  learnFromConfirmation,
  type OpenInvoice,
  parseCamt,
  ReconcileInputError,
  reconcile,
} from '../src/index.js';
import { credit, invoice } from './support/builders.js';
import { fixture } from './support/fixtures.js';

const inv1 = invoice({
  invoiceNumber: 'INV-2026-00017',
  amountMinor: 100000,
  paymentReference: 'RF18539007547034',
});
const inv2 = invoice({ invoiceNumber: 'INV-2026-00018', amountMinor: 50000 });
const inv3 = invoice({ invoiceNumber: 'INV-2026-00019', amountMinor: 25000 });
const other = invoice({
  invoiceNumber: 'INV-2026-00020',
  amountMinor: 100000,
  payerId: 'buyer-globex',
  payerName: 'Globex Logistics SA',
  payerAccounts: ['NL91ABNA0417164300'],
});
const open = [inv1, inv2, inv3, other];

const only = (r: ReturnType<typeof reconcile>) => {
  const l = r.lines[0];
  if (l === undefined) throw new Error('no line');
  return l;
};

describe('tiers', () => {
  it('a valid ISO 11649 reference auto-matches, with the field it came from', () => {
    const line = only(
      reconcile({
        transactions: [credit({ amountMinor: 100000, creditorReferences: ['RF18 5390 0754 7034'] })],
        invoices: open,
      }),
    );
    expect(line.status).toBe('auto');
    expect(line.allocations).toMatchObject([{ invoiceId: inv1.invoiceId, kind: 'full', cashMinor: 100000 }]);
    expect(line.evidence[0]).toMatchObject({
      tier: 'reference',
      code: 'RF_REFERENCE',
      field: 'creditorReferences[0]',
    });
  });

  it('an RF reference with a typo is repaired only when the check digits allow exactly one known reference', () => {
    const line = only(
      reconcile({
        transactions: [credit({ amountMinor: 100000, creditorReferences: ['RF18539007547043'] })],
        invoices: open,
      }),
    );
    expect(line.status).toBe('auto');
    expect(line.evidence[0]).toMatchObject({
      code: 'RF_REFERENCE_REPAIRED',
      detail: 'RF18539007547043 -> RF18539007547034',
    });
    // Garbage after RF: no repair, so no reference evidence; the amount alone matches two invoices.
    const bad = only(
      reconcile({
        transactions: [credit({ amountMinor: 100000, creditorReferences: ['RF00XXXXXXXX'] })],
        invoices: open,
      }),
    );
    expect(bad.status).not.toBe('auto');
    expect(bad.notes.join(' ')).toMatch(/fails its check digits/);
  });

  it.each(['Rechnung INV-2026-00018', 'inv 2026 18 danke', 'INV2026/00018', 'payment inv-2026-0018'])(
    'invoice number in free text, normalised: %s',
    (text) => {
      const line = only(
        reconcile({ transactions: [credit({ amountMinor: 50000, remittanceText: [text] })], invoices: open }),
      );
      expect(line.status).toBe('auto');
      expect(line.allocations[0]?.invoiceId).toBe(inv2.invoiceId);
    },
  );

  it('an invoice number inside a longer token does not match (no substring collisions)', () => {
    const line = only(
      reconcile({
        transactions: [credit({ amountMinor: 777, remittanceText: ['INV-2026-000181'] })],
        invoices: open,
      }),
    );
    expect(line.status).toBe('unmatched');
  });

  it('payer by IBAN + unique exact amount auto-matches; the same amount twice for the payer abstains', () => {
    const tx = credit({ amountMinor: 25000, counterpartyAccount: 'DE02 1203 0000 0000 2020 51' });
    expect(only(reconcile({ transactions: [tx], invoices: open })).allocations[0]?.invoiceId).toBe(
      inv3.invoiceId,
    );
    const twin = invoice({ invoiceNumber: 'INV-2026-00030', amountMinor: 25000 });
    const line = only(reconcile({ transactions: [tx], invoices: [...open, twin] }));
    expect(line.status).toBe('suggested');
    expect(line.reason).toBe('AMBIGUOUS');
    expect(line.suggestions.map((s) => s.invoiceIds[0]).sort()).toEqual(
      [inv3.invoiceId, twin.invoiceId].sort(),
    );
  });

  it('amount alone without a payer is only a suggestion', () => {
    const line = only(reconcile({ transactions: [credit({ amountMinor: 50000 })], invoices: open }));
    expect(line.status).toBe('suggested');
    expect(line.reason).toBe('BELOW_AUTO_THRESHOLD');
  });

  it('fuzzy payer name abstains on a tie between two payers', () => {
    const a = invoice({
      invoiceNumber: 'A-1001',
      amountMinor: 1234,
      payerId: 'p-a',
      payerName: 'Nordwind Logistik GmbH',
      payerAccounts: [],
    });
    const b = invoice({
      invoiceNumber: 'B-1001',
      amountMinor: 1234,
      payerId: 'p-b',
      payerName: 'Nordwind Logistik AG',
      payerAccounts: [],
    });
    const line = only(
      reconcile({
        transactions: [credit({ amountMinor: 1234, counterpartyName: 'NORDWIND LOGISTIK' })],
        invoices: [a, b],
      }),
    );
    expect(line.payerIds).toEqual([]);
    expect(line.status).not.toBe('auto');
  });

  it('date windows: paid before the invoice date or long after the due date counts against a candidate', () => {
    const base = only(
      reconcile({
        transactions: [credit({ amountMinor: 50000, remittanceText: ['INV-2026-00018'] })],
        invoices: open,
      }),
    );
    expect(base.evidence.map((e) => e.code)).toContain('DATE_PLAUSIBLE');
    const early = only(
      reconcile({
        transactions: [
          credit({ amountMinor: 50000, remittanceText: ['INV-2026-00018'], valueDate: '2026-01-20' }),
        ],
        invoices: open,
      }),
    );
    expect(early.evidence.map((e) => e.code)).toContain('PAID_BEFORE_ISSUE');
    expect(early.confidence).toBeLessThan(base.confidence);
    const late = only(
      reconcile({
        transactions: [
          credit({ amountMinor: 50000, remittanceText: ['INV-2026-00018'], valueDate: '2026-05-20' }),
        ],
        invoices: open,
        options: { daysAfterDue: 30 },
      }),
    );
    expect(late.evidence.map((e) => e.code)).toContain('LONG_OVERDUE');
  });

  it('a payer mismatch lowers confidence below auto', () => {
    const line = only(
      reconcile({
        transactions: [
          credit({
            amountMinor: 50000,
            remittanceText: ['INV-2026-00018'],
            counterpartyAccount: 'NL91ABNA0417164300',
          }),
        ],
        invoices: open,
      }),
    );
    expect(line.evidence.map((e) => e.code)).toContain('PAYER_MISMATCH');
    expect(line.confidence).toBeLessThan(
      reconcile({
        transactions: [credit({ amountMinor: 50000, remittanceText: ['INV-2026-00018'] })],
        invoices: open,
      }).lines[0]?.confidence ?? 0,
    );
  });
});

describe('amounts and allocation', () => {
  it('short by bank charges stated in the statement: full, charges written off as BANK_FEE', () => {
    const line = only(
      reconcile({
        transactions: [
          credit({ amountMinor: 98500, chargesMinor: 1500, remittanceText: ['INV-2026-00017'] }),
        ],
        invoices: open,
      }),
    );
    expect(line.allocations).toMatchObject([
      { kind: 'full', cashMinor: 98500, writeOffMinor: 1500, writeOffReason: 'BANK_FEE' },
    ]);
  });

  it('rounding and fee tolerance; beyond tolerance it is a partial payment', () => {
    const round = only(
      reconcile({
        transactions: [credit({ amountMinor: 99997, remittanceText: ['INV-2026-00017'] })],
        invoices: open,
      }),
    );
    expect(round.allocations[0]).toMatchObject({
      kind: 'full',
      writeOffMinor: 3,
      writeOffReason: 'ROUNDING',
    });
    const partial = only(
      reconcile({
        transactions: [
          credit({
            amountMinor: 60000,
            remittanceText: ['INV-2026-00017'],
            counterpartyName: 'ACME Trading',
          }),
        ],
        invoices: open,
      }),
    );
    expect(partial.allocations[0]).toMatchObject({ kind: 'partial', cashMinor: 60000, writeOffMinor: 0 });
  });

  it('early-payment discount inside the window is accepted; after the window it is a short payment', () => {
    const epd = invoice({
      invoiceNumber: 'INV-2026-00040',
      amountMinor: 200000,
      issuedAt: '2026-02-01',
      earlyPaymentDiscount: { rateBps: 200, withinDays: 10 },
    });
    const inTime = only(
      reconcile({
        transactions: [
          credit({ amountMinor: 196000, remittanceText: ['INV-2026-00040'], valueDate: '2026-02-09' }),
        ],
        invoices: [epd],
      }),
    );
    expect(inTime.allocations[0]).toMatchObject({
      kind: 'full',
      writeOffMinor: 4000,
      writeOffReason: 'EARLY_PAYMENT_DISCOUNT',
    });
    const late = only(
      reconcile({
        transactions: [
          credit({ amountMinor: 196000, remittanceText: ['INV-2026-00040'], valueDate: '2026-03-20' }),
        ],
        invoices: [epd],
      }),
    );
    expect(late.evidence.map((e) => e.code)).toContain('LATE_DISCOUNT');
    expect(late.allocations[0]?.kind ?? 'partial').toBe('partial');
  });

  it('FX: USD payment for a EUR invoice within the rate tolerance; the difference is a proposal', () => {
    const line = only(
      reconcile({
        transactions: [credit({ amountMinor: 108000, currency: 'USD', remittanceText: ['INV-2026-00017'] })],
        invoices: open,
        options: { fxRates: [{ from: 'USD', to: 'EUR', rate: '0.9250' }] },
      }),
    );
    expect(line.status).toBe('auto');
    expect(line.allocations[0]).toMatchObject({
      kind: 'full',
      cashMinor: 99900,
      paymentCashMinor: 108000,
      writeOffMinor: 100,
      writeOffReason: 'FX_DIFFERENCE',
      fxDifferenceMinor: -100,
    });
    const noRate = only(
      reconcile({
        transactions: [credit({ amountMinor: 108000, currency: 'USD', remittanceText: ['INV-2026-00017'] })],
        invoices: open,
      }),
    );
    expect(noRate.status).not.toBe('auto');
    // Even a certain reference does not move money it cannot convert: a person settles it.
    const referencedNoRate = only(
      reconcile({
        transactions: [
          credit({ amountMinor: 108000, currency: 'USD', creditorReferences: ['RF18539007547034'] }),
        ],
        invoices: open,
      }),
    );
    expect(referencedNoRate.status).toBe('suggested');
    expect(referencedNoRate.reason).toBe('NO_FX_RATE');
    expect(referencedNoRate.allocations).toEqual([]);
  });

  it('overpayment: the invoice is settled and the rest stays unapplied', () => {
    const line = only(
      reconcile({
        transactions: [
          credit({
            amountMinor: 52000,
            remittanceText: ['INV-2026-00018'],
            counterpartyAccount: 'DE02120300000000202051',
          }),
        ],
        invoices: open,
      }),
    );
    expect(line.status).toBe('auto');
    expect(line.allocations).toMatchObject([{ invoiceId: inv2.invoiceId, cashMinor: 50000 }]);
    expect(line.unappliedMinor).toBe(2000);
  });

  it('several payments for one invoice: partial, then the rest; a third payment finds nothing open', () => {
    const txs = [
      credit({
        amountMinor: 40000,
        remittanceText: ['1. Rate INV-2026-00017'],
        counterpartyName: 'ACME Trading',
      }),
      credit({
        amountMinor: 60000,
        remittanceText: ['2. Rate INV-2026-00017'],
        counterpartyName: 'ACME Trading',
      }),
      credit({ amountMinor: 60000, remittanceText: ['INV-2026-00017 again'] }),
    ];
    const r = reconcile({ transactions: txs, invoices: open });
    expect(r.lines.map((l) => l.status)).toEqual(['auto', 'auto', 'unmatched']);
    expect(r.lines[2]?.notes.join(' ')).toMatch(/already settled/);
    expect(r.invoices).toMatchObject([
      { invoiceId: inv1.invoiceId, cashMinor: 100000, openAfterMinor: 0, state: 'Reconciled' },
    ]);
  });

  it('never two auto-matches for the same money: two exact payments quoting one invoice', () => {
    const txs = [
      credit({ amountMinor: 50000, remittanceText: ['INV-2026-00018'] }),
      credit({ amountMinor: 50000, remittanceText: ['INV-2026-00018'] }),
    ];
    const r = reconcile({ transactions: txs, invoices: open });
    expect(r.lines.filter((l) => l.status === 'auto')).toHaveLength(1);
    expect(r.invoices[0]?.openAfterMinor).toBe(0);
  });

  it('one payment for several referenced invoices', () => {
    const line = only(
      reconcile({
        transactions: [credit({ amountMinor: 75000, remittanceText: ['INV-2026-00018, INV-2026-00019'] })],
        invoices: open,
      }),
    );
    expect(line.status).toBe('auto');
    expect(line.allocations.map((a) => [a.invoiceId, a.cashMinor])).toEqual([
      [inv2.invoiceId, 50000],
      [inv3.invoiceId, 25000],
    ]);
  });

  it('subset-sum: a unique exact group of the payer items is applied; several equal answers are all listed and nothing is applied', () => {
    const tx = credit({
      amountMinor: 125000,
      counterpartyAccount: 'DE02120300000000202051',
      remittanceText: ['Sammelzahlung'],
    });
    const unique = only(reconcile({ transactions: [tx], invoices: open }));
    expect(unique.status).toBe('auto');
    expect(unique.allocations.map((a) => a.invoiceId).sort()).toEqual([inv1.invoiceId, inv3.invoiceId]);
    expect(unique.evidence.map((e) => e.code)).toContain('SUBSET_SUM_UNIQUE');
    const inv4 = invoice({ invoiceNumber: 'INV-2026-00021', amountMinor: 75000 });
    const ambiguous = only(reconcile({ transactions: [tx], invoices: [...open, inv4] }));
    expect(ambiguous.status).toBe('suggested');
    expect(ambiguous.reason).toBe('AMBIGUOUS');
    expect(ambiguous.allocations).toEqual([]);
    expect(ambiguous.notes.join(' ')).toMatch(/2 different groups/);
    // Four answers: all are listed even though topK is 3.
    const inv5 = invoice({ invoiceNumber: 'INV-2026-00022', amountMinor: 60000 });
    const inv6 = invoice({ invoiceNumber: 'INV-2026-00023', amountMinor: 65000 });
    const inv7 = invoice({ invoiceNumber: 'INV-2026-00024', amountMinor: 70000 });
    const inv8 = invoice({ invoiceNumber: 'INV-2026-00025', amountMinor: 55000 });
    const many = only(reconcile({ transactions: [tx], invoices: [...open, inv4, inv5, inv6, inv7, inv8] }));
    expect(many.status).toBe('suggested');
    expect(many.notes.join(' ')).toMatch(/4 different groups/);
    expect(many.suggestions.length).toBeGreaterThanOrEqual(4);
    expect(ambiguous.suggestions.map((s) => [...s.invoiceIds].sort())).toEqual(
      expect.arrayContaining([
        [inv1.invoiceId, inv3.invoiceId],
        [inv2.invoiceId, inv4.invoiceId],
      ]),
    );
  });

  it('credit notes are netted against invoices and proposed as invoice.credited', () => {
    const cn = invoice({ invoiceNumber: 'CN-2026-00005', kind: 'credit-note', amountMinor: 10000 });
    const r = reconcile({
      transactions: [credit({ amountMinor: 90000, remittanceText: ['INV-2026-00017 minus CN-2026-00005'] })],
      invoices: [...open, cn],
    });
    const line = only(r);
    expect(line.status).toBe('auto');
    expect(line.allocations).toMatchObject([
      { invoiceId: inv1.invoiceId, kind: 'full', cashMinor: 90000, creditMinor: 10000 },
      { invoiceId: cn.invoiceId, kind: 'credit-note', cashMinor: 0, creditMinor: 10000 },
    ]);
    expect(r.adjustments).toMatchObject([
      {
        invoiceId: inv1.invoiceId,
        basis: 'CREDIT_NOTE_NETTED',
        payload: { creditNoteId: 'CN-2026-00005', amountMinor: 10000 },
      },
    ]);
    expect(r.invoices.map((o) => [o.invoiceId, o.state])).toEqual([
      [cn.invoiceId, 'Credited'],
      [inv1.invoiceId, 'Reconciled'],
    ]);
  });

  it('remittance advice linked by EndToEndId allocates per line, with deductions', () => {
    const r = reconcile({
      transactions: [credit({ amountMinor: 74000, endToEndId: 'E2E-9' })],
      invoices: open,
      remittances: [
        {
          adviceId: 'RA-1',
          paymentReference: 'e2e-9',
          lines: [
            { invoiceNumber: 'INV-2026-00018', amountMinor: 49000, deductionMinor: 1000, reason: 'damaged' },
            { invoiceNumber: 'INV-2026-00019', amountMinor: 25000 },
          ],
        },
      ],
    });
    expect(only(r).allocations).toMatchObject([
      {
        invoiceId: inv2.invoiceId,
        kind: 'full',
        cashMinor: 49000,
        writeOffMinor: 1000,
        writeOffReason: 'REMITTANCE_DEDUCTION',
      },
      { invoiceId: inv3.invoiceId, kind: 'full', cashMinor: 25000 },
    ]);
  });
});

describe('decisions, skips and reasons', () => {
  it('debits, reversals, pending and duplicate lines are skipped with a reason; lines without dates are unmatched', () => {
    const dup = credit({ amountMinor: 50000, remittanceText: ['INV-2026-00018'], bankReference: 'SAME' });
    const r = reconcile({
      transactions: [
        credit({ amountMinor: 100, direction: 'debit' }),
        credit({ amountMinor: 100, reversal: true }),
        credit({ amountMinor: 100, status: 'PDNG' }),
        dup,
        { ...dup, id: 'copy' },
        { ...credit({ amountMinor: 5 }), valueDate: undefined, bookingDate: undefined } as never,
        credit({ amountMinor: 31337, remittanceText: ['nothing here'] }),
      ],
      invoices: open,
    });
    expect(r.lines.map((l) => [l.status, l.reason])).toEqual([
      ['skipped', 'NOT_A_CREDIT'],
      ['skipped', 'REVERSAL'],
      ['skipped', 'NOT_BOOKED'],
      ['auto', undefined],
      ['skipped', 'DUPLICATE'],
      ['unmatched', 'MISSING_DATE'],
      ['unmatched', 'NO_CANDIDATES'],
    ]);
    expect(r.summary).toEqual({ lines: 7, auto: 1, suggested: 0, unmatched: 2, skipped: 4 });
  });

  it('bad invoices and options are typed SdkErrors naming the input', () => {
    const bad = { ...inv1, openAmountMinor: -1 } as OpenInvoice;
    expect(() => reconcile({ transactions: [], invoices: [bad] })).toThrow(ReconcileInputError);
    try {
      reconcile({ transactions: [], invoices: [inv1, inv1] });
    } catch (e) {
      expect(isSdkError(e) && e.code).toBe('INVALID_RECONCILE_INPUT');
      expect((e as ReconcileInputError).path).toBe('invoices[1].invoiceId');
    }
    expect(() => reconcile({ transactions: [], invoices: [], options: { autoThreshold: 2 } })).toThrow(
      /options.autoThreshold/,
    );
  });
});

describe('learning', () => {
  it('a confirmed suggestion teaches the payer alias and account: they weigh more with each confirmation in the currency, and with the invoice named the line then auto-matches', () => {
    const parent = { counterpartyName: 'Fairchild Holding AG', counterpartyAccount: 'CH9300762011623852957' };
    const first = credit({ amountMinor: 25000, ...parent });
    const before = only(reconcile({ transactions: [first], invoices: open }));
    expect(before.status).toBe('suggested');
    const proposal = before.suggestions.find((s) => s.invoiceIds[0] === inv3.invoiceId);
    expect(proposal).toBeDefined();
    const memory = learnFromConfirmation(emptyPayerMemory(), {
      transaction: first,
      invoices: [inv3],
      ...(proposal ? { proposal } : {}),
    });
    expect(memory.payers['buyer-acme']).toEqual({
      aliases: ['FAIRCHILD HOLDING'],
      accounts: ['CH9300762011623852957'],
      referencePatterns: {},
      confirmations: 1,
      accountConfirmations: { CH9300762011623852957: { EUR: 1 } },
      aliasConfirmations: { 'FAIRCHILD HOLDING': { EUR: 1 } },
    });
    const named = { remittanceText: ['INV-2026-00018'] };
    const later = (m: typeof memory, extra = {}) =>
      only(
        reconcile({
          transactions: [credit({ amountMinor: 50000, ...parent, ...extra })],
          invoices: open,
          memory: m,
        }),
      );
    // One confirmation: the parent is a candidate payer, but only weakly.
    expect(later(memory).status).not.toBe('auto');
    expect(later(memory).evidence.map((e) => e.code)).toEqual(
      expect.arrayContaining(['LEARNED_ACCOUNT_UNCONFIRMED', 'LEARNED_ALIAS_UNCONFIRMED']),
    );
    // Three confirmations in EUR: learned evidence at full weight; the memory survives JSON.
    let thrice = memory;
    for (const amountMinor of [25001, 25002])
      thrice = learnFromConfirmation(thrice, {
        transaction: credit({ amountMinor, ...parent }),
        invoices: [inv3],
      });
    const stored = JSON.parse(JSON.stringify(thrice)) as typeof memory;
    // Alone (no reference) it is still a person's call: a shared account pays for many.
    expect(later(stored).status).toBe('suggested');
    expect(later(stored).reason).toBe('LEARNED_PAYER_ONLY');
    const withRef = later(stored, named);
    expect(withRef.status).toBe('auto');
    expect(withRef.allocations[0]?.invoiceId).toBe(inv2.invoiceId);
    expect(withRef.evidence.map((e) => e.code)).toEqual(
      expect.arrayContaining(['LEARNED_ACCOUNT', 'LEARNED_ALIAS']),
    );
    // Learning is undoable: forget the account and the alias and no learned evidence is left.
    const forgotten = forgetFromMemory(
      forgetFromMemory(stored, 'buyer-acme', { account: 'CH93 0076 2011 6238 5295 7' }),
      'buyer-acme',
      { alias: 'Fairchild Holding AG' },
    );
    expect(forgotten.payers['buyer-acme']).toMatchObject({ aliases: [], accounts: [] });
    expect(forgotten.payers['buyer-acme']?.accountConfirmations).toBeUndefined();
    expect(later(forgotten).status).not.toBe('auto');
    expect(
      later(forgotten)
        .evidence.map((e) => e.code)
        .filter((c) => c.startsWith('LEARNED')),
    ).toEqual([]);
    expect(forgetFromMemory(stored, 'buyer-acme').payers).toEqual({});
  });

  it('a learned reference pattern raises confidence for the same payer', () => {
    const big = invoice({ invoiceNumber: 'INV-0104233', amountMinor: 90000 });
    // A bare digit group counts only for the payer the line identifies (here by IBAN).
    const acct = { counterpartyAccount: 'DE02120300000000202051' };
    const tx = credit({ amountMinor: 90000, remittanceText: ['Zahlung 104233'], ...acct });
    const before = only(reconcile({ transactions: [tx], invoices: [big, inv2] }));
    const proposal =
      before.status === 'auto'
        ? {
            invoiceIds: [big.invoiceId],
            confidence: before.confidence,
            evidence: before.evidence,
            allocations: before.allocations,
            unappliedMinor: 0,
          }
        : before.suggestions[0];
    const memory = learnFromConfirmation(emptyPayerMemory(), {
      transaction: tx,
      invoices: [big],
      ...(proposal ? { proposal } : {}),
    });
    expect(memory.payers['buyer-acme']?.referencePatterns).toEqual({ DIGITS_IN_TEXT: 1 });
    const after = only(
      reconcile({
        transactions: [credit({ amountMinor: 90000, remittanceText: ['Zahlung 104233'], ...acct })],
        invoices: [big, inv2],
        memory,
      }),
    );
    expect(after.confidence).toBeGreaterThan(before.confidence);
    expect(after.evidence.map((e) => e.code)).toContain('USUAL_REFERENCE_PATTERN');
  });
});

describe('output for the ledger', () => {
  it('payment.received payloads follow the contract (integers, Unix seconds, no expiresAt)', () => {
    const r = reconcile({
      transactions: [
        credit({
          amountMinor: 100000,
          creditorReferences: ['RF18539007547034'],
          counterpartyName: 'ACME Trading GmbH',
        }),
      ],
      invoices: open,
    });
    expect(r.events).toEqual([
      {
        invoiceId: inv1.invoiceId,
        eventType: 'payment.received',
        payload: {
          paymentId: r.lines[0]?.transactionId,
          allocationId: `${r.lines[0]?.transactionId}#1`,
          amountMinor: 100000,
          currency: 'EUR',
          receivedAt: Date.UTC(2026, 1, 20) / 1000,
          method: 'bank-transfer',
          payerName: 'ACME Trading GmbH',
          bankReference: r.lines[0] ? expect.stringMatching(/^BR-/) : '',
          statementId: 'T',
          matchConfidence: r.lines[0]?.confidence,
          reconciled: true,
        },
      },
    ]);
    expect(JSON.stringify(r.events)).not.toMatch(/expiresAt/);
  });

  it('with ledger events, states come from core deriveInvoiceLifecycle (write-off proposed as invoice.credited)', () => {
    const issuedAt = Date.UTC(2026, 1, 1) / 1000;
    const ledger: Record<string, VerifiedInvoiceEvent[]> = {
      [inv1.invoiceId]: [
        {
          id: 'e1',
          eventType: 'invoice.issued',
          signerQuid: 'aaaaaaaaaaaaaaaa',
          sequence: 1,
          timestamp: issuedAt,
          payload: {
            invoiceId: inv1.invoiceId,
            invoiceNumber: inv1.invoiceNumber,
            supplierQuid: 'aaaaaaaaaaaaaaaa',
            buyerQuid: 'bbbbbbbbbbbbbbbb',
            amountMinor: 100000,
            currency: 'EUR',
            issuedAt,
            dueAt: issuedAt + 30 * 86400,
            terms: 'NET-30',
            invoiceHash: '0'.repeat(64),
          },
        },
      ],
    };
    const partial = reconcile({
      transactions: [
        credit({
          amountMinor: 40000,
          remittanceText: ['INV-2026-00017'],
          counterpartyAccount: 'DE02120300000000202051',
        }),
      ],
      invoices: open,
      ledgerEvents: ledger,
    });
    expect(partial.invoices).toMatchObject([
      { invoiceId: inv1.invoiceId, state: 'PartiallyPaid', ledgerViolations: [] },
    ]);
    const short = reconcile({
      transactions: [credit({ amountMinor: 99000, remittanceText: ['INV-2026-00017'] })],
      invoices: open,
      ledgerEvents: ledger,
    });
    expect(short.adjustments).toMatchObject([
      { basis: 'WRITE_OFF', payload: { amountMinor: 1000, reason: 'BANK_FEE' } },
    ]);
    expect(short.invoices).toMatchObject([{ state: 'Reconciled', openAfterMinor: 0, ledgerViolations: [] }]);
  });

  it('parsed camt lines flow into reconcile', () => {
    const txs = parseCamt(fixture('handwritten/camt053-remittance-v08.xml')).statements.flatMap(
      (s) => s.transactions,
    );
    const invoices = [
      invoice({
        invoiceNumber: 'INV-7',
        amountMinor: 119000,
        paymentReference: createRfReference('539007547034'),
      }),
      invoice({
        invoiceNumber: 'INV-2026-00017',
        amountMinor: 100000,
        payerId: 'acme-us',
        payerName: 'ACME Corp',
        payerAccounts: [],
      }),
    ];
    const r = reconcile({ transactions: txs, invoices });
    expect(r.lines.map((l) => l.status)).toEqual([
      'auto',
      'auto',
      'unmatched',
      'unmatched',
      'skipped',
      'skipped',
    ]);
    expect(r.lines[1]?.allocations).toMatchObject([
      { writeOffMinor: 2000, writeOffReason: 'EARLY_PAYMENT_DISCOUNT' },
    ]);
  });
});
