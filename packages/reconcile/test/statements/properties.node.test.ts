// Properties around issue 13: amounts written any well-formed way read back exactly; a statement
// read in chunks of any size gives what the whole file gives; any change to a closing balance or
// control total is caught.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BankTransaction,
  parseBai2,
  parseCsv,
  parseMt940,
  parseStatementStream,
} from '../../src/index.js';
import { fixture } from '../support/fixtures.js';
import { parseError } from '../support/parseError.js';
import { bai2, camt053, camtBalance, camtDetail, camtEntry, mt940 } from '../support/statementText.js';

function grouped(whole: string, sep: string): string {
  let out = '';
  for (let i = 0; i < whole.length; i++) {
    if (i > 0 && (whole.length - i) % 3 === 0) out += sep;
    out += whole[i];
  }
  return out;
}

describe('properties (issue 13)', () => {
  it('a CSV amount written with any valid grouping and either decimal separator reads back exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -99_999_999_999, max: 99_999_999_999 }),
        fc.constantFrom('.', ','),
        fc.boolean(),
        (minor, dec, group) => {
          const abs = Math.abs(minor);
          const whole = String(Math.floor(abs / 100));
          const frac = String(abs % 100).padStart(2, '0');
          const sep = dec === '.' ? ',' : '.';
          const text = `${minor < 0 ? '-' : ''}${group ? grouped(whole, sep) : whole}${dec}${frac}`;
          const d = dec === ',' ? ';' : ',';
          const tx = parseCsv(`Date${d}Amount\n2026-03-02${d}"${text}"\n`, {
            currency: 'EUR',
            decimalSeparator: dec,
            columns: { date: 'Date', amount: 'Amount' },
          }).statements[0]?.transactions[0];
          expect((tx?.direction === 'debit' ? -1 : 1) * (tx?.amountMinor ?? Number.NaN)).toBe(
            minor === 0 ? 0 : minor,
          );
        },
      ),
      { numRuns: 300, seed: 1313 },
    );
  });

  it('reading in chunks of any sizes gives the same transactions as the whole file (camt, MT940, BAI2)', async () => {
    const camt = camt053({
      entries: [
        camtEntry({ details: camtDetail('60.00') + camtDetail('40.00') }),
        camtEntry({ amount: '5.00', cd: 'DBIT' }),
      ],
      balances: `${camtBalance('OPBD', '10.00')}${camtBalance('CLBD', '105.00')}`,
    }).replace('INV-1', 'M&#252;ller \u20ac');
    const texts = [
      camt,
      new TextDecoder().decode(fixture('mt940/betterplace-sepa_mt9401.sta')),
      bai2(['16,195,1,,A,,X/', '88,Y', '16,475,2,,B,,Z/']),
    ];
    const strip = (t: BankTransaction) => ({ ...t, source: { path: t.source.path } });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(0, 1, 2),
        fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 8 }),
        async (k, sizes) => {
          const bytes = new TextEncoder().encode(texts[k]);
          const chunks: Uint8Array[] = [];
          for (let i = 0, j = 0; i < bytes.length; j++) {
            const n = sizes[j % sizes.length] ?? 1;
            chunks.push(bytes.subarray(i, i + n));
            i += n;
          }
          const got: BankTransaction[] = [];
          for await (const tx of parseStatementStream(chunks)) got.push(tx);
          const whole: BankTransaction[] = [];
          for await (const tx of parseStatementStream([bytes])) whole.push(tx);
          expect(got.map(strip)).toEqual(whole.map(strip));
          expect(got.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 60, seed: 1314 },
    );
  });

  it('any change of an MT940 closing balance by at least one cent is refused', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100_000, max: 100_000 }).filter((d) => d !== 0),
        (delta) => {
          const closing = 110_000 + delta;
          const text = mt940({
            closing: `${closing < 0 ? 'D' : 'C'}260302EUR${Math.floor(Math.abs(closing) / 100)},${String(Math.abs(closing) % 100).padStart(2, '0')}`,
          });
          expect(parseError(() => parseMt940(text)).code).toBe('INTEGRITY_MISMATCH');
        },
      ),
      { numRuns: 100, seed: 1315 },
    );
  });

  it('any change of a BAI2 detail amount without its trailers is refused', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), (amount) => {
        const good = bai2([`16,195,${amount},,A,,X/`]);
        expect(parseBai2(good).warnings).toEqual([]);
        const bad = good.replace(`16,195,${amount},`, `16,195,${amount + 1},`);
        expect(parseError(() => parseBai2(bad)).code).toBe('INTEGRITY_MISMATCH');
      }),
      { numRuns: 100, seed: 1316 },
    );
  });
});
