// Issue 13 asks that parseStatementStream work in browsers (web streams) as in Node: this file has
// no `.node` suffix, so it runs in Node and in headless Chromium (reconcile:browser). Every format,
// fed as a web ReadableStream in 7-byte chunks (cutting multi-byte characters), gives exactly the
// transactions of the whole-string parser.
import { describe, expect, it } from 'vitest';
import {
  type BankTransaction,
  parseBai2,
  parseCamt,
  parseCsv,
  parseMt940,
  parseStatementStream,
  StatementParseError,
} from '../../src/index.js';
import { bai2, camt053, camtBalance, camtDetail, camtEntry, mt940 } from '../support/statementText.js';

function webStream(text: string, size: number): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(c) {
      if (at >= bytes.length) c.close();
      else {
        c.enqueue(bytes.slice(at, at + size));
        at += size;
      }
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>, options = {}): Promise<BankTransaction[]> {
  const out: BankTransaction[] = [];
  for await (const tx of parseStatementStream(stream, options)) out.push(tx);
  return out;
}

// Line numbers differ between a stream and a string only in where they are counted from.
const withoutLine = (t: BankTransaction) => ({ ...t, source: { ...t.source, line: undefined } });

const camt = camt053({
  entries: Array.from({ length: 12 }, (_, i) =>
    camtEntry({ amount: '2.00', details: camtDetail('2.00', 'EUR', undefined, `Rechnung INV-\u00fc-${i}`) }),
  ),
  balances: `${camtBalance('OPBD', '0.00')}${camtBalance('CLBD', '24.00')}`,
});
const mt = mt940({
  lines: [
    ':61:2603020302C60,00NTRFNONREF//BR-1',
    ':86:INV-1 Zahlung f\u00fcr M\u00e4rz',
    ':61:2603020302C40,00NTRFNONREF//BR-2',
    ':86:INV-2',
  ],
});
const bai = bai2(['16,195,150000,,BR1,,INV-1/', '16,195,25000,,BR2,,INV-2/']);
const csv =
  'Date,Amount,Currency,Reference\n2026-03-02,100.50,EUR,INV-1 \u00fcber\n2026-03-03,20.00,EUR,INV-2\n';

describe('parseStatementStream on web streams (Node and browsers)', () => {
  it('camt.053: 12 entries, the same as parseCamt', async () => {
    const streamed = await collect(webStream(camt, 7));
    const whole = parseCamt(camt).statements.flatMap((s) => s.transactions);
    expect(streamed).toHaveLength(12);
    expect(streamed.map(withoutLine)).toEqual(whole.map(withoutLine));
    expect(streamed[3]?.remittanceText.join(' ')).toContain('INV-\u00fc-3');
  });

  it('MT940: the same as parseMt940, umlauts cut across chunks intact', async () => {
    const streamed = await collect(webStream(mt, 7));
    const whole = parseMt940(mt).statements.flatMap((s) => s.transactions);
    expect(streamed.map((t) => t.amountMinor)).toEqual([6000, 4000]);
    expect(streamed.map(withoutLine)).toEqual(whole.map(withoutLine));
  });

  it('BAI2: the same as parseBai2', async () => {
    const streamed = await collect(webStream(bai, 7));
    const whole = parseBai2(bai).statements.flatMap((s) => s.transactions);
    expect(streamed.map((t) => t.amountMinor)).toEqual([150000, 25000]);
    expect(streamed.map(withoutLine)).toEqual(whole.map(withoutLine));
  });

  it('CSV: the same as parseCsv', async () => {
    const options = {
      csv: { columns: { date: 'Date', amount: 'Amount', currency: 'Currency', reference: 'Reference' } },
    };
    const streamed = await collect(webStream(csv, 7), options);
    const whole = parseCsv(csv, options.csv).statements.flatMap((s) => s.transactions);
    expect(streamed.map((t) => t.amountMinor)).toEqual([10050, 2000]);
    expect(streamed.map(withoutLine)).toEqual(whole.map(withoutLine));
  });

  it('a camt file that does not add up stops the stream with a located error', async () => {
    const bad = camt053({ balances: `${camtBalance('OPBD', '0.00')}${camtBalance('CLBD', '999.00')}` });
    await expect(collect(webStream(bad, 7))).rejects.toBeInstanceOf(StatementParseError);
  });
});
