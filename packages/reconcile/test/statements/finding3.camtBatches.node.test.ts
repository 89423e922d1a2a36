// Issue 13, finding 3: a camt batch whose details disagree with the booked entry came out as
// transactions that never hit the account; a second Amt or CdtDbtInd in one entry was ignored.
import { describe, expect, it } from 'vitest';
import { parseCamt } from '../../src/index.js';
import { parseError } from '../support/parseError.js';
import { camt053, camtBalance, camtDetail, camtEntry } from '../support/statementText.js';

const batch = (details: string, amount = '100.00') => camt053({ entries: [camtEntry({ amount, details })] });

describe('finding 3: camt batches must agree with their entry', () => {
  it('a CRDT 100 entry with details CRDT 150 and DBIT 50 is refused (details of the other sign)', () => {
    const xml = batch(camtDetail('150.00', 'EUR', 'CRDT') + camtDetail('50.00', 'EUR', 'DBIT'));
    const e = parseError(() => parseCamt(xml));
    expect(e.code).toBe('INTEGRITY_MISMATCH');
    expect(e.location.path).toMatch(/Ntry\[0\]\/NtryDtls\[0\]\/TxDtls\[1\]\/CdtDbtInd$/);
  });

  it('details in another currency than the entry are refused', () => {
    const xml = batch(camtDetail('60.00', 'USD') + camtDetail('40.00', 'USD'));
    const e = parseError(() => parseCamt(xml));
    expect(e.code).toBe('INTEGRITY_MISMATCH');
    expect(e.message).toMatch(/USD/);
  });

  it('details that do not sum to the entry are refused', () => {
    const e = parseError(() => parseCamt(batch(camtDetail('60.00') + camtDetail('30.00'))));
    expect(e.code).toBe('INTEGRITY_MISMATCH');
    expect(e.message).toMatch(/90\.00.*100\.00|100\.00.*90\.00/);
  });

  it('in warn mode an inconsistent batch is kept as the one entry the bank booked, never as the details', () => {
    const r = parseCamt(batch(camtDetail('150.00', 'EUR', 'CRDT') + camtDetail('50.00', 'EUR', 'DBIT')), {
      integrity: 'warn',
    });
    const txs = r.statements[0]?.transactions ?? [];
    expect(txs).toHaveLength(1);
    expect(txs[0]).toMatchObject({ amountMinor: 10000, direction: 'credit', currency: 'EUR' });
    expect(txs[0]?.remittanceText).toEqual(['INV-1', 'INV-1']);
    expect(r.warnings.map((w) => w.code)).toEqual(['BATCH_INCONSISTENT']);
  });

  it('a consistent batch (same sign, same currency, sums up) is split into its details', () => {
    const txs = parseCamt(batch(camtDetail('60.00', 'EUR', 'CRDT') + camtDetail('40.00'))).statements[0]
      ?.transactions;
    expect(txs?.map((t) => [t.id, t.amountMinor, t.direction])).toEqual([
      ['S1:1.1', 6000, 'credit'],
      ['S1:1.2', 4000, 'credit'],
    ]);
  });

  it('a second <Amt> in one entry is refused', () => {
    const xml = camt053({
      entries: [camtEntry().replace('</CdtDbtInd>', '</CdtDbtInd><Amt Ccy="EUR">5.00</Amt>')],
    });
    const e = parseError(() => parseCamt(xml));
    expect(e.code).toBe('MALFORMED_STATEMENT');
    expect(e.location.path).toMatch(/Ntry\[0\]\/Amt\[1\]$/);
  });

  it('a second <CdtDbtInd> in one entry is refused', () => {
    const xml = camt053({
      entries: [camtEntry().replace('</CdtDbtInd>', '</CdtDbtInd><CdtDbtInd>DBIT</CdtDbtInd>')],
    });
    expect(parseError(() => parseCamt(xml)).location.path).toMatch(/Ntry\[0\]\/CdtDbtInd\[1\]$/);
  });

  it('a second <Amt> inside one TxDtls, or a second balance amount, is refused too', () => {
    const d = camtDetail('100.00').replace('</Amt>', '</Amt><Amt Ccy="EUR">1.00</Amt>');
    expect(parseError(() => parseCamt(batch(d))).location.path).toMatch(/TxDtls\[0\]\/Amt\[1\]$/);
    const bal = camtBalance('OPBD', '1000.00').replace('</Amt>', '</Amt><Amt Ccy="EUR">1.00</Amt>');
    expect(
      parseError(() => parseCamt(camt053({ balances: bal + camtBalance('CLBD', '1100.00') }))).code,
    ).toBe('MALFORMED_STATEMENT');
  });
});
