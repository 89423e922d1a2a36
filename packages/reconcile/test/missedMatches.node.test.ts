// Issue #12, "matches missed": payer names as banks print them, invoice numbers as payers
// write them, and unreported fees behind a certain reference; each with the decoy that must
// still abstain.
import { describe, expect, it } from 'vitest';
import { type LineDecision, nameKey, type OpenInvoice, reconcile } from '../src/index.js';
import { credit, invoice } from './support/builders.js';

const only = (r: ReturnType<typeof reconcile>): LineDecision => {
  const l = r.lines[0];
  if (l === undefined) throw new Error('no line');
  return l;
};
const mueller = (over: Partial<OpenInvoice> & { invoiceNumber: string; amountMinor: number }) =>
  invoice({
    payerId: 'buyer-mueller',
    payerName: 'Müller & Söhne Maschinenbau GmbH',
    payerAccounts: [],
    ...over,
  });
const noise = invoice({ invoiceNumber: 'INV-9999-00001', amountMinor: 1_234_500 });

describe('payer names as banks print them', () => {
  const a = mueller({ invoiceNumber: 'MS-4410', amountMinor: 456_789 });
  const b = mueller({ invoiceNumber: 'MS-4411', amountMinor: 120_000 });

  it.each([
    ['umlauts transliterated, upper case', 'MUELLER + SOEHNE MASCHINENBAU GMBH'],
    ['umlauts folded', 'Muller & Sohne Maschinenbau'],
    ['truncated at 27 characters', 'MUELLER + SOEHNE MASCHINENB'],
    ['truncated at 35 characters with the legal form cut', 'MUELLER UND SOEHNE MASCHINENBAU GMB'],
    ['a group word added', 'Mueller & Soehne Maschinenbau Group'],
  ])(
    'payer name %s (%s) identifies the payer; name plus a unique exact amount auto-matches',
    (_how, printed) => {
      const line = only(
        reconcile({
          transactions: [credit({ amountMinor: 456_789, counterpartyName: printed })],
          invoices: [a, b, noise],
        }),
      );
      expect(line.payerIds).toEqual(['buyer-mueller']);
      expect(line.status).toBe('auto');
      expect(line.allocations.map((x) => x.invoiceId)).toEqual([a.invoiceId]);
    },
  );

  it('nameKey folds transliterations, legal forms and group words to one key', () => {
    expect(nameKey('MUELLER + SOEHNE MASCHINENBAU GMBH')).toBe(nameKey('Müller & Söhne Maschinenbau GmbH'));
    expect(nameKey('Strauß Logistik International AG')).toBe(nameKey('STRAUSS LOGISTIK'));
  });

  it('a payment factory ("Shared Services") paying for a group company settles by reference', () => {
    const line = only(
      reconcile({
        transactions: [
          credit({
            amountMinor: 120_000,
            counterpartyName: 'MUELLER GROUP SHARED SERVICES',
            remittanceText: ['MS-4411'],
          }),
        ],
        invoices: [a, b, noise],
      }),
    );
    expect(line.status).toBe('auto');
    expect(line.allocations.map((x) => x.invoiceId)).toEqual([b.invoiceId]);
  });

  it("decoy: an unknown payer paying someone else's exact amount is not auto-applied", () => {
    const line = only(
      reconcile({
        transactions: [credit({ amountMinor: 456_789, counterpartyName: 'Schmidt Bau KG' })],
        invoices: [a, b, noise],
      }),
    );
    expect(line.status).not.toBe('auto');
  });

  it('decoy: a truncated name that fits two payers equally identifies neither', () => {
    const other = invoice({
      invoiceNumber: 'MX-1',
      amountMinor: 456_789,
      payerId: 'buyer-mueller-2',
      payerName: 'Müller & Söhne Maschinenbau Berlin GmbH',
      payerAccounts: [],
    });
    const line = only(
      reconcile({
        transactions: [credit({ amountMinor: 456_789, counterpartyName: 'MUELLER + SOEHNE MASCHINENB' })],
        invoices: [a, b, other],
      }),
    );
    expect(line.status).not.toBe('auto');
  });
});

describe('invoice numbers as payers write them', () => {
  const acct = { counterpartyAccount: 'DE02120300000000202051' };
  const re123 = invoice({ invoiceNumber: 'RE-2026/00123', amountMinor: 77_000 });
  const re456 = invoice({ invoiceNumber: 'RE-2026-00456', amountMinor: 88_000 });
  const inv = invoice({ invoiceNumber: 'INV-2026-00123', amountMinor: 55_000 });
  const open = [re123, re456, inv, noise];

  it.each([
    ['prefix dropped', 'Zahlung 2026/00123', re123],
    ['separators removed', 'RE202600456', re456],
    ['separators changed', 'RE.2026.00456', re456],
    ['O written for 0', 'Rechnung INV-2O26-OO123', inv],
  ])('invoice number with %s (%s) auto-matches', (_how, text, target) => {
    const line = only(
      reconcile({
        transactions: [credit({ amountMinor: target.openAmountMinor, remittanceText: [text] })],
        invoices: open,
      }),
    );
    expect(line.status).toBe('auto');
    expect(line.allocations.map((x) => x.invoiceId)).toEqual([target.invoiceId]);
  });

  it("invoice number with one transposition (INV-2026-00132) resolves when unique among the payer's open items", () => {
    const line = only(
      reconcile({
        transactions: [credit({ amountMinor: 55_000, remittanceText: ['INV-2026-00132'], ...acct })],
        invoices: [inv, invoice({ invoiceNumber: 'INV-2026-00999', amountMinor: 55_000 })],
      }),
    );
    expect(line.evidence.map((e) => e.code)).toContain('INVOICE_NUMBER_NEAR');
    expect(line.status).toBe('auto');
    expect(line.allocations.map((x) => x.invoiceId)).toEqual([inv.invoiceId]);
  });

  it('decoy: one digit keyed for another (INV-2026-00124) is another number of the series: no near reference, not auto', () => {
    const line = only(
      reconcile({
        transactions: [credit({ amountMinor: 55_000, remittanceText: ['INV-2026-00124'], ...acct })],
        invoices: [inv, invoice({ invoiceNumber: 'INV-2026-00999', amountMinor: 55_000 })],
      }),
    );
    expect(line.evidence.map((e) => e.code)).not.toContain('INVOICE_NUMBER_NEAR');
    expect(line.status).not.toBe('auto');
  });

  it("decoy: a near number that is one edit from two of the payer's open items resolves nothing", () => {
    const twin = invoice({ invoiceNumber: 'INV-2026-00133', amountMinor: 55_000 });
    const line = only(
      reconcile({
        transactions: [credit({ amountMinor: 55_000, remittanceText: ['INV-2026-00132'], ...acct })],
        invoices: [inv, twin],
      }),
    );
    expect(line.evidence.map((e) => e.code)).not.toContain('INVOICE_NUMBER_NEAR');
    expect(line.status).not.toBe('auto');
  });

  it('decoy: a near number without an identified payer resolves nothing', () => {
    const line = only(
      reconcile({
        transactions: [credit({ amountMinor: 55_000, remittanceText: ['INV-2026-00124'] })],
        invoices: [inv, invoice({ invoiceNumber: 'INV-2026-00999', amountMinor: 55_000 })],
      }),
    );
    expect(line.evidence.map((e) => e.code)).not.toContain('INVOICE_NUMBER_NEAR');
  });
});

describe('unreported fees behind a certain reference', () => {
  it('a silent fee above the fixed 25 EUR with a certain reference is written off as a bank fee', () => {
    const inv = invoice({ invoiceNumber: 'INV-2026-00800', amountMinor: 500_000 });
    const line = only(
      reconcile({
        transactions: [credit({ amountMinor: 496_500, remittanceText: ['INV-2026-00800'] })],
        invoices: [inv],
      }),
    );
    expect(line.status).toBe('auto');
    expect(line.allocations[0]).toMatchObject({
      kind: 'full',
      writeOffMinor: 3_500,
      writeOffReason: 'BANK_FEE',
    });
  });

  it('decoy: the same shortfall on a small invoice is a partial payment, not a fee', () => {
    const inv = invoice({ invoiceNumber: 'INV-2026-00801', amountMinor: 20_000 });
    const line = only(
      reconcile({
        transactions: [credit({ amountMinor: 16_500, remittanceText: ['INV-2026-00801'] })],
        invoices: [inv],
      }),
    );
    expect(line.allocations[0]?.kind ?? 'partial').toBe('partial');
  });

  it('decoy: a silent fee above 25 EUR without a reference is never written off automatically', () => {
    const inv = invoice({ invoiceNumber: 'INV-2026-00802', amountMinor: 500_000 });
    const line = only(
      reconcile({
        transactions: [credit({ amountMinor: 496_500, counterpartyAccount: 'DE02120300000000202051' })],
        invoices: [inv],
      }),
    );
    expect(line.status).not.toBe('auto');
  });
});
