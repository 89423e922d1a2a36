// Issue 13, finding 7: large camt files were parsed whole (seconds, ~1 GB). parseStatementStream
// reads any format incrementally from web or Node streams and yields transactions as they are read.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  type BankTransaction,
  parseBai2,
  parseCamt,
  parseMt940,
  parseStatementStream,
  StatementParseError,
} from '../../src/index.js';
import { fixture } from '../support/fixtures.js';
import { parseError } from '../support/parseError.js';
import { bai2, camt053, camtBalance, camtDetail, camtEntry, mt940 } from '../support/statementText.js';

/** Splits text into byte chunks of `size` (cutting through multi-byte characters on purpose). */
function chunks(text: string, size: number): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

function webStream(parts: readonly Uint8Array[]): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream({
    pull(c) {
      const p = parts[i++];
      if (p === undefined) c.close();
      else c.enqueue(p);
    },
  });
}

async function collect(
  src: Parameters<typeof parseStatementStream>[0],
  options = {},
): Promise<BankTransaction[]> {
  const out: BankTransaction[] = [];
  for await (const tx of parseStatementStream(src, options)) out.push(tx);
  return out;
}

const strip = (t: BankTransaction) => ({ ...t, source: { ...t.source, line: undefined } });

describe('finding 7: parseStatementStream', () => {
  const many = camt053({
    entries: Array.from({ length: 50 }, (_, i) =>
      camtEntry({ amount: '2.00', details: camtDetail('2.00', 'EUR', undefined, `INV-\u00fc-${i}`) }),
    ),
    balances: `${camtBalance('OPBD', '0.00')}${camtBalance('CLBD', '100.00')}`,
  });

  it.each([1, 7, 4096])(
    'camt from a web ReadableStream in %i-byte chunks gives the same transactions as parseCamt',
    async (size) => {
      const streamed = await collect(webStream(chunks(many, size)));
      const whole = parseCamt(many).statements.flatMap((s) => s.transactions);
      expect(streamed).toHaveLength(50);
      expect(streamed.map(strip)).toEqual(whole.map(strip));
    },
  );

  it('camt from a Node Readable (Buffers) works too', async () => {
    const streamed = await collect(Readable.from(chunks(many, 333).map((c) => Buffer.from(c))));
    expect(streamed).toHaveLength(50);
  });

  it('yields the first entry before the rest of the file has arrived', async () => {
    const parts = chunks(many, 256);
    let pulled = 0;
    const src = (async function* () {
      for (const p of parts) {
        pulled++;
        yield p;
      }
    })();
    const it = parseStatementStream(src)[Symbol.asyncIterator]();
    const first = await it.next();
    expect(first.value?.id).toBe('S1:1');
    expect(pulled).toBeLessThan(parts.length / 2);
    await it.return?.(undefined);
  });

  it('an integrity failure at the end of a statement is thrown by the iterator (callers post nothing before it ends)', async () => {
    const bad = many.replace('>100.00</Amt>', '>100.01</Amt>');
    await expect(collect(webStream(chunks(bad, 512)))).rejects.toMatchObject({ code: 'INTEGRITY_MISMATCH' });
  });

  it.each([
    ['MT940', mt940(), (t: string) => parseMt940(t)],
    [
      'BAI2',
      bai2(['16,195,150000,,BR1,,INV-1/', '88,MORE', '16,475,1000,,CHK1,,CHECK/']),
      (t: string) => parseBai2(t),
    ],
    [
      'MT940 fixture',
      new TextDecoder().decode(fixture('mt940/betterplace-sepa_mt9401.sta')),
      (t: string) => parseMt940(t),
    ],
  ])('%s streams in 3-byte chunks to the same transactions as the string parser', async (_n, text, parse) => {
    const streamed = await collect(webStream(chunks(text, 3)));
    expect(streamed.map(strip)).toEqual(
      parse(text)
        .statements.flatMap((s) => s.transactions)
        .map(strip),
    );
  });

  it('CSV streams with a column mapping', async () => {
    const text = 'Date;Amount;Text\n02.03.2026;1.234,50;"INV;1\nline 2"\n03.03.2026;-5,00;x\n';
    const txs = await collect(webStream(chunks(text, 2)), {
      csv: {
        currency: 'EUR',
        decimalSeparator: ',',
        dateFormat: 'DD.MM.YYYY',
        columns: { date: 'Date', amount: 'Amount', description: 'Text' },
      },
    });
    expect(txs.map((t) => [t.amountMinor, t.direction, t.remittanceText[0]])).toEqual([
      [123450, 'credit', 'INV;1\nline 2'],
      [500, 'debit', 'x'],
    ]);
  });

  it('invalid UTF-8 split across chunks is a located ENCODING_ERROR', async () => {
    const bytes = new TextEncoder().encode(mt940());
    const bad = new Uint8Array([...bytes.subarray(0, 40), 0xc3, 0x28, ...bytes.subarray(40)]);
    const err = await collect(webStream([bad.subarray(0, 41), bad.subarray(41)])).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StatementParseError);
    expect((err as StatementParseError).code).toBe('ENCODING_ERROR');
    expect((err as StatementParseError).location.line).toBe(3);
  });

  it('a text run longer than maxTextChars is refused while streaming, before it is held in memory', async () => {
    const huge = camt053({
      entries: [camtEntry({ details: camtDetail('100.00', 'EUR', undefined, 'x'.repeat(300_000)) })],
    });
    const err = await collect(webStream(chunks(huge, 65_536)), { maxTextChars: 100_000 }).catch(
      (e: unknown) => e,
    );
    expect((err as StatementParseError).code).toBe('INPUT_TOO_LARGE');
  });

  it.each([1, 7, 64, 150, 4096, 100_000])(
    'maxTextChars bounds a run exactly, however the text is cut (string chunks of %i)',
    async (size) => {
      // 40 entries first, so the stream is past its first 4 KiB (read whole to find the format)
      // when the long run comes. The run after '<' is "Ustrd>" plus the text: 6 + 194 = 200
      // characters fit, one more does not.
      const doc = (n: number) =>
        camt053({
          balances: `${camtBalance('OPBD', '0.00')}${camtBalance('CLBD', '4100.00')}`,
          entries: [
            ...Array.from({ length: 40 }, () => camtEntry()),
            camtEntry({ details: camtDetail('100.00', 'EUR', undefined, 'x'.repeat(n)) }),
          ],
        });
      const cut = (t: string) =>
        Array.from({ length: Math.ceil(t.length / size) }, (_, i) => t.slice(i * size, (i + 1) * size));
      const ok = await collect(cut(doc(194)), { maxTextChars: 200 });
      expect(ok.map((t) => t.remittanceText[0]?.length ?? 0).at(-1)).toBe(194);
      expect(ok).toHaveLength(41);
      expect(parseCamt(doc(194), { maxTextChars: 200 }).statements[0]?.transactions).toHaveLength(41);
      const err = await collect(cut(doc(195)), { maxTextChars: 200 }).catch((e: unknown) => e);
      expect((err as StatementParseError).code).toBe('INPUT_TOO_LARGE');
      expect((err as StatementParseError).location.path).toMatch(/Ustrd$/);
      const whole = parseError(() => parseCamt(doc(195), { maxTextChars: 200 }));
      expect(whole.code).toBe('INPUT_TOO_LARGE');
      expect(whole.location.path).toMatch(/Ustrd$/);
    },
  );

  it('a single 5 MB text node is refused by parseCamt too (default maxTextChars 1 MiB), not held and copied', () => {
    const huge = camt053({
      entries: [camtEntry({ details: camtDetail('100.00', 'EUR', undefined, 'x'.repeat(5_000_000)) })],
    });
    const e = parseError(() => parseCamt(huge));
    expect(e.code).toBe('INPUT_TOO_LARGE');
    expect(e.location.path).toMatch(/Ustrd$/);
  });
});
