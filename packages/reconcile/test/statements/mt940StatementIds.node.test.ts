// Reconcile review finding 9: German banks send every day's MT940 as :20:STARTUMS with :28C:00000,
// so the statement id alone repeats from day to day. Two days' first lines shared one
// transaction id: the Reconciler refused the second day as "already processed", and a second real
// payment to the same invoice carried the first one's payment id (the ledger drops it as a
// DUPLICATE_PAYMENT). A statement's id now carries its opening balance's date.
import { describe, expect, it } from 'vitest';
import { parseMt940, Reconciler } from '../../src/index.js';
import { invoice } from '../support/builders.js';

const day = (yymmdd: string, opening: string, closing: string, amount: string, ref: string): string =>
  [
    ':20:STARTUMS',
    ':25:37040044/0532013000',
    ':28C:00000',
    `:60F:C${yymmdd}EUR${opening}`,
    `:61:${yymmdd}${yymmdd.slice(2)}C${amount}NTRFNONREF//${ref}`,
    ':86:166?00GUTSCHRIFT?20INV-1001 Teilzahlung?32ACME Trading GmbH',
    `:62F:C${yymmdd}EUR${closing}`,
    '-',
  ].join('\n');

describe('MT940 transaction ids across days', () => {
  const monday = day('260302', '1000,00', '1400,00', '400,00', 'B-1');
  const tuesday = day('260303', '1400,00', '1700,00', '300,00', 'B-2');

  it('two STARTUMS/00000 days give different statement and transaction ids', () => {
    const [a] = parseMt940(monday).statements;
    const [b] = parseMt940(tuesday).statements;
    expect(a?.id).not.toBe(b?.id);
    expect(a?.transactions[0]?.id).not.toBe(b?.transactions[0]?.id);
    expect(a?.id).toBe('STARTUMS/00000@2026-03-02');
    expect(a?.transactions[0]?.id).toBe('STARTUMS/00000@2026-03-02:1');
  });

  it('the Reconciler takes the second day, and its payment is posted under its own payment id', () => {
    const rc = new Reconciler({
      invoices: [invoice({ invoiceNumber: 'INV-1001', amountMinor: 100000 })],
    });
    const r1 = rc.process(parseMt940(monday).statements);
    const r2 = rc.process(parseMt940(tuesday).statements);
    const ids = [...r1.events, ...r2.events].map((e) => `${e.payload.paymentId}|${e.payload.allocationId}`);
    expect(r1.events).toHaveLength(1);
    expect(r2.events).toHaveLength(1);
    expect(new Set(ids).size).toBe(2);
  });
});
