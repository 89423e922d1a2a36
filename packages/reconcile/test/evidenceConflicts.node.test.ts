// Adversarial review of the evidence (round R): each situation where conflicting or thin evidence
// was auto-applied, as a test named after it. Cash is posted on "auto", so each of these must be
// a suggestion for a person, with the evidence saying why.
import { describe, expect, it } from 'vitest';
import {
  type BankTransaction,
  createRfReference,
  emptyPayerMemory,
  type LineDecision,
  learnFromConfirmation,
  type OpenInvoice,
  type PayerMemory,
  reconcile,
} from '../src/index.js';
import { credit, invoice } from './support/builders.js';

const ACME_IBAN = 'DE02120300000000202051';
const BETA_IBAN = 'DE44500105175407324931';
const PSP_IBAN = 'GB33BUKB20201555555555';
const beta = (over: Partial<OpenInvoice> & { invoiceNumber: string; amountMinor: number }): OpenInvoice =>
  invoice({ payerId: 'buyer-beta', payerName: 'Beta AG', payerAccounts: [BETA_IBAN], ...over });
const only = (
  transactions: BankTransaction[],
  invoices: OpenInvoice[],
  extra: Omit<Parameters<typeof reconcile>[0], 'transactions' | 'invoices'> = {},
): LineDecision => {
  const l = reconcile({ transactions, invoices, ...extra }).lines[0];
  if (l === undefined) throw new Error('no line');
  return l;
};
const codes = (l: LineDecision): string[] => l.evidence.map((e) => e.code);

describe('1. conflicting payer identity', () => {
  const invoices = [
    invoice({ invoiceNumber: 'INV-1001', amountMinor: 50_000 }),
    beta({ invoiceNumber: 'B-77', amountMinor: 90_000 }),
  ];

  it("a name pointing to ACME paid from Beta's IBAN on file is suggested, not auto-applied", () => {
    const line = only(
      [
        credit({
          amountMinor: 50_000,
          counterpartyName: 'ACME Trading GmbH',
          counterpartyAccount: BETA_IBAN,
        }),
      ],
      invoices,
    );
    expect(line.status).toBe('suggested');
    expect(line.reason).toBe('PAYER_CONFLICT');
    expect(line.allocations).toEqual([]);
    expect(codes(line)).toContain('PAYER_CONFLICT');
  });

  it('the same conflict with a learned account: ACME name from an account learned for Beta is suggested', () => {
    let memory = emptyPayerMemory();
    const learned = credit({
      amountMinor: 90_000,
      counterpartyName: 'Beta AG',
      counterpartyAccount: PSP_IBAN,
    });
    for (let k = 0; k < 3; k++)
      memory = learnFromConfirmation(memory, {
        transaction: learned,
        invoices: [invoices[1] as OpenInvoice],
      });
    const line = only(
      [credit({ amountMinor: 50_000, counterpartyName: 'ACME Trading GmbH', counterpartyAccount: PSP_IBAN })],
      invoices,
      { memory },
    );
    expect(line.status).toBe('suggested');
    expect(codes(line)).toContain('PAYER_CONFLICT');
  });

  it("neighbour: a shared account learned once for Beta, now paying with ACME's name and ACME's invoice number, still auto-applies to ACME", () => {
    const learned = credit({
      amountMinor: 90_000,
      counterpartyName: 'Beta AG',
      counterpartyAccount: PSP_IBAN,
    });
    const memory = learnFromConfirmation(emptyPayerMemory(), {
      transaction: learned,
      invoices: [invoices[1] as OpenInvoice],
    });
    const line = only(
      [
        credit({
          amountMinor: 50_000,
          counterpartyName: 'ACME Trading GmbH',
          counterpartyAccount: PSP_IBAN,
          remittanceText: ['INV-1001'],
        }),
      ],
      invoices,
      { memory },
    );
    expect(line.status).toBe('auto');
    expect(codes(line)).not.toContain('PAYER_CONFLICT');
  });

  it('an unknown account whose ultimate-debtor name is ACME (free text the payer chooses) is not auto-applied on amount', () => {
    const line = only(
      [
        credit({
          amountMinor: 50_000,
          counterpartyName: 'Gamma Holding SE',
          counterpartyAccount: 'FR1420041010050500013M02606',
          ultimateDebtorName: 'ACME Trading GmbH',
        }),
      ],
      invoices,
    );
    expect(line.status).not.toBe('auto');
    expect(line.allocations).toEqual([]);
    expect(codes(line)).toContain('PAYER_NAME_ULTIMATE_DEBTOR');
    expect(codes(line)).not.toContain('PAYER_NAME_EXACT');
  });

  it("neighbour: ACME's own account and name with the amount still auto-applies", () => {
    const line = only(
      [
        credit({
          amountMinor: 50_000,
          counterpartyName: 'ACME Trading GmbH',
          counterpartyAccount: ACME_IBAN,
        }),
      ],
      invoices,
    );
    expect(line.status).toBe('auto');
    expect(codes(line)).not.toContain('PAYER_CONFLICT');
  });

  it('neighbour: an ultimate debtor with the invoice number named still auto-applies', () => {
    const line = only(
      [
        credit({
          amountMinor: 50_000,
          counterpartyName: 'Gamma Holding SE',
          ultimateDebtorName: 'ACME Trading GmbH',
          remittanceText: ['Rechnung INV-1001'],
        }),
      ],
      invoices,
    );
    expect(line.status).toBe('auto');
    expect(line.allocations.map((a) => a.invoiceNumber)).toEqual(['INV-1001']);
  });
});

describe('2. one confirmation poisons payer memory', () => {
  const acme = invoice({ invoiceNumber: 'INV-1001', amountMinor: 77_700 });
  const pspLine = (over: Partial<BankTransaction> & { amountMinor: number }) =>
    credit({ counterpartyName: 'PAYHUB SERVICES LTD', counterpartyAccount: PSP_IBAN, ...over });
  const teach = (times: number, currency = 'EUR'): PayerMemory => {
    let memory = emptyPayerMemory();
    for (let k = 0; k < times; k++)
      memory = learnFromConfirmation(memory, {
        transaction: pspLine({ amountMinor: 12_345 + k, currency, remittanceText: ['payment ref 88812'] }),
        invoices: [invoice({ invoiceNumber: `INV-09${k}0`, amountMinor: 12_345 + k })],
      });
    return memory;
  };

  it('after one confirmation from a shared payment-service account, the next unrelated payment from it is suggested, not auto-applied', () => {
    const line = only([pspLine({ amountMinor: 77_700, remittanceText: ['payment ref 99123'] })], [acme], {
      memory: teach(1),
    });
    expect(line.status).toBe('suggested');
    expect(line.allocations).toEqual([]);
    expect(codes(line)).toContain('LEARNED_ACCOUNT_UNCONFIRMED');
  });

  it('a learned account alone never auto-applies without a reference, however often it was confirmed', () => {
    const line = only([pspLine({ amountMinor: 77_700 })], [acme], { memory: teach(5) });
    expect(line.status).toBe('suggested');
    expect(line.reason).toBe('LEARNED_PAYER_ONLY');
    expect(codes(line)).toContain('LEARNED_ACCOUNT');
  });

  it('an account learned from EUR payments weighs as unconfirmed for a USD payment converted at the rate', () => {
    const line = only([pspLine({ amountMinor: 84_000, currency: 'USD' })], [acme], {
      memory: teach(5),
      options: { fxRates: [{ from: 'USD', to: 'EUR', rate: '0.9250' }] },
    });
    expect(line.status).not.toBe('auto');
    expect(codes(line)).toContain('LEARNED_ACCOUNT_UNCONFIRMED');
  });

  it('memory counts confirmations per account and alias and per currency', () => {
    const memory = teach(3);
    const entry = memory.payers['buyer-acme'];
    expect(entry?.accountConfirmations).toEqual({ [PSP_IBAN]: { EUR: 3 } });
    expect(entry?.aliasConfirmations).toEqual({ PAYHUB: { EUR: 3 } });
  });

  it('neighbour: a learned account confirmed three times in the currency, with the invoice number named, auto-applies', () => {
    const line = only([pspLine({ amountMinor: 77_700, remittanceText: ['INV-1001'] })], [acme], {
      memory: teach(3),
    });
    expect(line.status).toBe('auto');
    expect(codes(line)).toContain('LEARNED_ACCOUNT');
  });
});

describe('3. payment dated before the invoice existed', () => {
  const late = invoice({
    invoiceNumber: 'INV-1001',
    amountMinor: 50_000,
    issuedAt: '2026-04-20',
    dueAt: '2026-05-20',
  });

  it('a payment two months before the invoice was issued, matched on account, name and amount, is suggested, not auto-applied', () => {
    const line = only(
      [
        credit({
          amountMinor: 50_000,
          counterpartyAccount: ACME_IBAN,
          counterpartyName: 'ACME Trading GmbH',
        }),
      ],
      [late],
    );
    expect(line.status).toBe('suggested');
    expect(line.reason).toBe('PAID_BEFORE_ISSUE');
    expect(codes(line)).toContain('PAID_BEFORE_ISSUE');
  });

  it('neighbour: a pre-payment within the tolerance (3 days before issue) still auto-applies', () => {
    const line = only(
      [
        credit({
          amountMinor: 50_000,
          counterpartyAccount: ACME_IBAN,
          counterpartyName: 'ACME Trading GmbH',
          valueDate: '2026-04-17',
          bookingDate: '2026-04-17',
        }),
      ],
      [late],
    );
    expect(line.status).toBe('auto');
  });

  it('neighbour: a payment before issue that names the invoice (a pre-payment on a pro-forma) still auto-applies', () => {
    const line = only(
      [credit({ amountMinor: 50_000, counterpartyName: 'ACME Trading GmbH', remittanceText: ['INV-1001'] })],
      [late],
    );
    expect(line.status).toBe('auto');
  });
});

describe('3b. neighbour: a combined payment dated before its invoices existed', () => {
  it('two invoices issued two months after the payment, summing to it, matched on account alone, are suggested, not auto-applied', () => {
    const later = { issuedAt: '2026-04-20', dueAt: '2026-05-20' };
    const line = only(
      [
        credit({
          amountMinor: 80_000,
          counterpartyAccount: ACME_IBAN,
          counterpartyName: 'ACME Trading GmbH',
        }),
      ],
      [
        invoice({ invoiceNumber: 'INV-1001', amountMinor: 50_000, ...later }),
        invoice({ invoiceNumber: 'INV-1002', amountMinor: 30_000, ...later }),
        invoice({ invoiceNumber: 'INV-1003', amountMinor: 45_000, ...later }),
      ],
    );
    expect(line.status).not.toBe('auto');
    expect(line.allocations).toEqual([]);
  });
});

describe('4. remittance naming a different invoice', () => {
  it('text naming INV-2001 (not an open item) while the amount fits INV-1001 is suggested, not counted as a near reference', () => {
    const line = only(
      [
        credit({
          amountMinor: 50_000,
          counterpartyAccount: ACME_IBAN,
          counterpartyName: 'ACME Trading GmbH',
          remittanceText: ['Rechnung INV-2001'],
        }),
      ],
      [
        invoice({ invoiceNumber: 'INV-1001', amountMinor: 50_000 }),
        invoice({ invoiceNumber: 'INV-1005', amountMinor: 70_000 }),
      ],
    );
    expect(line.status).toBe('suggested');
    expect(line.reason).toBe('TEXT_NAMES_OTHER_ITEMS');
    expect(codes(line)).not.toContain('INVOICE_NUMBER_NEAR');
    expect(codes(line)).toContain('OTHER_ITEMS_NAMED');
  });

  it('text naming INV-10 with only INV-1 open is suggested, not auto-applied to INV-1', () => {
    const line = only(
      [credit({ amountMinor: 50_000, counterpartyName: 'ACME Trading GmbH', remittanceText: ['INV-10'] })],
      [
        invoice({ invoiceNumber: 'INV-1', amountMinor: 50_000 }),
        invoice({ invoiceNumber: 'INV-7', amountMinor: 30_000 }),
      ],
    );
    expect(line.status).toBe('suggested');
    expect(codes(line)).toContain('OTHER_ITEMS_NAMED');
  });

  it('text naming 2026-0012 with 2026-00123 open is suggested, not auto-applied', () => {
    const line = only(
      [
        credit({
          amountMinor: 50_000,
          counterpartyName: 'ACME Trading GmbH',
          remittanceText: ['RE 2026-0012'],
        }),
      ],
      [
        invoice({ invoiceNumber: '2026-00123', amountMinor: 50_000 }),
        invoice({ invoiceNumber: '2026-00124', amountMinor: 30_000 }),
      ],
    );
    expect(line.status).toBe('suggested');
  });

  it("text naming Beta's open invoice B-2002 while ACME's IBAN and amount fit INV-1001 is suggested with OTHER_ITEMS_NAMED", () => {
    const line = only(
      [
        credit({
          amountMinor: 50_000,
          counterpartyAccount: ACME_IBAN,
          counterpartyName: 'ACME Trading GmbH',
          remittanceText: ['B-2002'],
        }),
      ],
      [
        invoice({ invoiceNumber: 'INV-1001', amountMinor: 50_000 }),
        beta({ invoiceNumber: 'B-2002', amountMinor: 80_000 }),
      ],
    );
    expect(line.status).toBe('suggested');
    expect(line.allocations).toEqual([]);
    expect(codes(line)).toContain('OTHER_ITEMS_NAMED');
  });

  it('text naming an invoice settled earlier in the run while the amount fits another of the payer is suggested', () => {
    const who = { counterpartyAccount: ACME_IBAN, counterpartyName: 'ACME Trading GmbH' };
    const r = reconcile({
      transactions: [
        credit({ amountMinor: 20_000, remittanceText: ['Rechnung INV-0999'], ...who }),
        credit({ amountMinor: 50_000, remittanceText: ['Rechnung INV-0999'], ...who }),
      ],
      invoices: [
        invoice({ invoiceNumber: 'INV-1001', amountMinor: 50_000 }),
        invoice({ invoiceNumber: 'INV-0999', amountMinor: 20_000 }),
      ],
    });
    expect(r.lines.map((l) => l.status)).toEqual(['auto', 'suggested']);
    expect(r.lines[1]?.evidence.map((e) => e.code)).toContain('OTHER_ITEMS_NAMED');
  });

  it("neighbour: a valid RF that is not ours (another creditor's document) while ACME's IBAN and amount fit INV-1001 is suggested", () => {
    const line = only(
      [
        credit({
          amountMinor: 50_000,
          counterpartyAccount: ACME_IBAN,
          counterpartyName: 'ACME Trading GmbH',
          creditorReferences: [createRfReference('539007547035')],
        }),
      ],
      [
        invoice({
          invoiceNumber: 'INV-1001',
          amountMinor: 50_000,
          paymentReference: createRfReference('539007547034'),
        }),
      ],
    );
    expect(line.status).toBe('suggested');
    expect(codes(line)).toContain('OTHER_ITEMS_NAMED');
  });

  it('neighbour: a transposed digit pair (INV-1010 for INV-1001) is still read as a typo of the payer', () => {
    const line = only(
      [
        credit({
          amountMinor: 50_000,
          counterpartyAccount: ACME_IBAN,
          counterpartyName: 'ACME Trading GmbH',
          remittanceText: ['Rechnung INV-1010'],
        }),
      ],
      [
        invoice({ invoiceNumber: 'INV-1001', amountMinor: 50_000 }),
        invoice({ invoiceNumber: 'INV-1005', amountMinor: 50_000 }),
      ],
    );
    expect(line.status).toBe('auto');
    expect(codes(line)).toContain('INVOICE_NUMBER_NEAR');
  });
});

describe('5. lower-stakes: repaired references, amounts and dates that contradict the reference', () => {
  const RF = 'RF18539007547034';
  const rfInvoice = invoice({ invoiceNumber: 'INV-1001', amountMinor: 50_000, paymentReference: RF });

  it('an RF with a bad checksum repaired to ours, a partial amount and no payer evidence is suggested, not auto-applied as a partial', () => {
    const line = only(
      [credit({ amountMinor: 20_000, creditorReferences: ['RF18539007547043'] })],
      [rfInvoice],
    );
    expect(codes(line)).toContain('RF_REFERENCE_REPAIRED');
    expect(line.status).toBe('suggested');
    expect(line.reason).toBe('WEAK_REFERENCE_ONLY');
  });

  it('neighbour: a repaired RF with the payer identified by name and the exact amount still auto-applies', () => {
    const line = only(
      [
        credit({
          amountMinor: 50_000,
          creditorReferences: ['RF18539007547043'],
          counterpartyName: 'ACME Trading GmbH',
        }),
      ],
      [rfInvoice],
    );
    expect(line.status).toBe('auto');
  });

  it('an RF naming INV-1001 (500.00) while the amount exactly equals INV-1002 (300.00) of the same payer is suggested, not a partial on INV-1001', () => {
    const line = only(
      [credit({ amountMinor: 30_000, creditorReferences: [RF], counterpartyName: 'ACME Trading GmbH' })],
      [rfInvoice, invoice({ invoiceNumber: 'INV-1002', amountMinor: 30_000 })],
    );
    expect(line.status).toBe('suggested');
    expect(line.allocations).toEqual([]);
  });

  it('neighbour: a partial payment naming its invoice, with no other item of that amount, still auto-applies', () => {
    const line = only(
      [credit({ amountMinor: 30_000, creditorReferences: [RF], counterpartyName: 'ACME Trading GmbH' })],
      [rfInvoice, invoice({ invoiceNumber: 'INV-1002', amountMinor: 40_000 })],
    );
    expect(line.status).toBe('auto');
    expect(line.allocations.map((a) => a.kind)).toEqual(['partial']);
  });

  it('a 100x overpayment naming the invoice is suggested, not auto-applied with the rest left unapplied', () => {
    const line = only(
      [
        credit({
          amountMinor: 5_000_000,
          counterpartyName: 'ACME Trading GmbH',
          remittanceText: ['INV-1001'],
        }),
      ],
      [rfInvoice],
    );
    expect(line.status).toBe('suggested');
    expect(line.reason).toBe('OVERPAYMENT_BEYOND_TOLERANCE');
  });

  it('neighbour: a 100x overpayment in another currency is not auto-applied with the excess kept as an FX difference', () => {
    const line = only(
      [
        credit({
          amountMinor: 8_065_000,
          currency: 'JPY',
          counterpartyName: 'ACME Trading GmbH',
          remittanceText: ['INV-1001'],
        }),
      ],
      [rfInvoice],
      { options: { fxRates: [{ from: 'JPY', to: 'EUR', rate: '0.0062' }] } },
    );
    expect(line.status).toBe('suggested');
    expect(line.reason).toBe('OVERPAYMENT_BEYOND_TOLERANCE');
  });

  it('neighbour: an overpayment of 50.00 on 500.00 naming the invoice still auto-applies', () => {
    const line = only(
      [credit({ amountMinor: 55_000, counterpartyName: 'ACME Trading GmbH', remittanceText: ['INV-1001'] })],
      [rfInvoice],
    );
    expect(line.status).toBe('auto');
    expect(line.unappliedMinor).toBe(5_000);
  });

  it('an FX rate dated six years before the payment is not used: the line waits for a rate (NO_FX_RATE)', () => {
    const line = only(
      [
        credit({
          amountMinor: 54_000,
          currency: 'USD',
          counterpartyName: 'ACME Trading GmbH',
          remittanceText: ['INV-1001'],
        }),
      ],
      [rfInvoice],
      { options: { fxRates: [{ from: 'USD', to: 'EUR', rate: '0.9250', date: '2020-01-01' }] } },
    );
    expect(line.status).not.toBe('auto');
    expect(line.reason).toBe('NO_FX_RATE');
    expect(line.notes.join(' ')).toContain('older than');
  });

  it('neighbour: an FX rate dated within the allowed age is used', () => {
    const line = only(
      [
        credit({
          amountMinor: 54_000,
          currency: 'USD',
          counterpartyName: 'ACME Trading GmbH',
          remittanceText: ['INV-1001'],
        }),
      ],
      [rfInvoice],
      { options: { fxRates: [{ from: 'USD', to: 'EUR', rate: '0.9250', date: '2026-02-01' }] } },
    );
    expect(line.status).toBe('auto');
  });

  it('a value date three years after the booking date is implausible: suggested, not auto-applied', () => {
    const line = only(
      [
        credit({
          amountMinor: 50_000,
          valueDate: '2029-02-20',
          counterpartyName: 'ACME Trading GmbH',
          remittanceText: ['INV-1001'],
        }),
      ],
      [rfInvoice],
    );
    expect(line.status).toBe('suggested');
    expect(line.reason).toBe('IMPLAUSIBLE_DATE');
  });

  it('neighbour: a value date two days after the booking date is normal', () => {
    const line = only(
      [
        credit({
          amountMinor: 50_000,
          valueDate: '2026-02-22',
          counterpartyName: 'ACME Trading GmbH',
          remittanceText: ['INV-1001'],
        }),
      ],
      [rfInvoice],
    );
    expect(line.status).toBe('auto');
  });
});
