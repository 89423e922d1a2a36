// Issue 13, speed of the line formats: the MT940 and BAI2 readers read their hot fields by
// character, reuse scratch records between lines and sum amounts as numbers while exact. Each test
// here pins what the general (regex, per-line object, bigint) reading gave, where a fast path could
// differ from it: edges of trimming, dates, the :61: layout, records that must not leak into the
// next line, and control totals past 2^53.
import { describe, expect, it } from 'vitest';
import { parseBai2, parseMt940, parseMt940Details, parseStatementStream } from '../../src/index.js';
import { calendarDate, calendarDay } from '../../src/parse/calendarDate.js';
import { LineSplitter } from '../../src/parse/LineSplitter.js';
import { trimmedSlice } from '../../src/parse/trimmedSlice.js';
import { parseError } from '../support/parseError.js';
import { mt940 } from '../support/statementText.js';

const where = { path: ':61:', line: 1 };

describe('trimmedSlice', () => {
  it('is slice().trim() for ASCII blanks, control characters and Unicode spaces on either edge', () => {
    const texts = [
      '',
      '  a b  ',
      '\t\n\v\f\rX\r\n',
      '\u0001 x \u0001',
      '\u00a0x\u00a0',
      '\u2028x\u2029',
      '\ufeffx\u3000',
      ' \u200bx ',
      '\u00e9 x \u00e9',
    ];
    for (const t of texts)
      for (let a = 0; a <= t.length; a++)
        for (let b = a; b <= t.length; b++) expect(trimmedSlice(t, a, b)).toBe(t.slice(a, b).trim());
  });
});

describe('calendarDay (numeric dates of MT940 lines)', () => {
  it('gives what calendarDate gives, and refuses an impossible day right after a repeated good one', () => {
    expect(calendarDay(2024, 2, 29, 'mt940', where)).toBe(calendarDate('2024', '02', '29', 'mt940', where));
    expect(calendarDay(2026, 3, 2, 'mt940', where)).toBe('2026-03-02');
    expect(calendarDay(2026, 3, 2, 'mt940', where)).toBe('2026-03-02');
    expect(() => calendarDay(2026, 2, 29, 'mt940', where)).toThrow(
      'date 2026-02-29 does not exist on the calendar',
    );
    expect(() => calendarDay(2026, 13, 1, 'mt940', where)).toThrow('date 2026-13-01 does not exist');
    expect(() => calendarDay(2026, 4, 0, 'mt940', where)).toThrow('date 2026-04-00 does not exist');
  });
});

describe('MT940 :61: read by character', () => {
  const one = (line: string, info = ':86:X') =>
    parseMt940(mt940({ lines: [`:61:${line}`, info] }), { integrity: 'warn' }).statements[0]?.transactions[0];

  it('reads every part the :61: layout has', () => {
    // Value date, entry date, reversal mark, funds code, amount, type, customer and bank reference,
    // supplementary details on the next line.
    expect(one('2603020302RDX100,NMSCREF 7//BANK 1\nDE02120300000000202051')).toMatchObject({
      valueDate: '2026-03-02',
      bookingDate: '2026-03-02',
      direction: 'credit',
      reversal: true,
      amountMinor: 10000,
      transactionCode: 'NMSC',
      otherReferences: ['REF 7'],
      bankReference: 'BANK 1',
      counterpartyAccount: 'DE02120300000000202051',
    });
    // No entry date, no bank reference; "//" on the supplementary line is not one.
    expect(one('260302D1,5NTRFNONREF\n//X')).toMatchObject({
      bookingDate: '2026-03-02',
      direction: 'debit',
      reversal: false,
      amountMinor: 150,
      otherReferences: [],
      additionalInfo: ['//X'],
    });
    expect(one('260302D1,5NTRFNONREF\n//X')).not.toHaveProperty('bankReference');
  });

  it('takes the entry date into the next or previous year across a year end', () => {
    expect(one('2612310101C1,00NTRFNONREF')).toMatchObject({
      valueDate: '2026-12-31',
      bookingDate: '2027-01-01',
    });
    expect(one('2601011231C1,00NTRFNONREF')).toMatchObject({
      valueDate: '2026-01-01',
      bookingDate: '2025-12-31',
    });
  });

  it('refuses what the layout does not allow, at the :61: line', () => {
    for (const bad of [
      '26030C1,00NTRF', // five-digit date
      '260302X1,00NTRF', // no C/D mark
      '260302C,5NTRF', // no whole digits
      '260302C1,00NTR', // type cut short
      '260302C1,00XTRF', // type not N/F/S
      '2603020302R1,00NTRF', // R without C or D
    ]) {
      const e = parseError(() => parseMt940(mt940({ lines: [`:61:${bad}`] })));
      expect([e.code, e.location.path, e.message]).toEqual([
        'MALFORMED_STATEMENT',
        ':61:',
        expect.stringContaining('cannot read statement line'),
      ]);
    }
    expect(parseError(() => parseMt940(mt940({ lines: [':61:2602300230C1,00NTRF'] }))).code).toBe(
      'INVALID_DATE',
    );
  });
});

describe('MT940 balance check', () => {
  it('entries summing past 2^53 on the way are added exactly', () => {
    const big = '9999999999999,99'; // 999999999999999 minor units, the most a line can have
    const credits = Array.from({ length: 10 }, () => `:61:2603020302C${big}NTRFNONREF`);
    const debits = Array.from({ length: 10 }, () => `:61:2603020302D${big}NTRFNONREF`);
    const lines = [...credits, ':61:2603020302C0,01NTRFNONREF', ...debits];
    const text = (closing: string) => mt940({ lines, opening: 'C260301EUR0,00', closing });
    expect(parseMt940(text('C260302EUR0,01')).statements[0]?.transactions).toHaveLength(21);
    expect(parseError(() => parseMt940(text('C260302EUR0,02'))).message).toContain(
      'opening 0.00 + entries 0.01 = 0.01 EUR, closing balance says 0.02',
    );
  });
});

describe('MT940 German :86: through the shared record', () => {
  it("a line's fields do not carry over to the next line that lacks them", () => {
    const text = mt940({
      lines: [
        ':61:2603020302C10,00NTRFNONREF',
        ':86:166?00GUTSCHRIFT?20EREF+E2E-1?21KREF+K-1?22SVWZ+INV 1?31DE02120300000000202051?32ACME  GMBH',
        ':61:2603020302C90,00NTRFNONREF',
        ':86:?20PLAIN TEXT',
      ],
    });
    const [a, b] = parseMt940(text).statements[0]?.transactions ?? [];
    expect(a).toMatchObject({
      endToEndId: 'E2E-1',
      otherReferences: ['K-1'],
      remittanceText: ['INV 1'],
      additionalInfo: ['GUTSCHRIFT'],
      counterpartyName: 'ACME GMBH',
      counterpartyAccount: 'DE02120300000000202051',
      transactionCode: 'NTRF/166',
    });
    expect(b).toMatchObject({
      otherReferences: [],
      remittanceText: ['PLAIN TEXT'],
      additionalInfo: [],
      transactionCode: 'NTRF',
    });
    for (const key of ['endToEndId', 'counterpartyName', 'counterpartyAccount', 'exchangeRate'])
      expect(b).not.toHaveProperty(key);
  });

  it('parseMt940Details gives every caller lists of its own, with absent fields left out', () => {
    const a = parseMt940Details('166?20EREF+E2E-1');
    const b = parseMt940Details('166?20EREF+E2E-2');
    expect(a).toEqual({
      dialect: 'german-subfields',
      transactionCode: '166',
      endToEndId: 'E2E-1',
      otherReferences: [],
      creditorReferences: [],
      remittanceText: [],
      additionalInfo: [],
    });
    expect(Object.keys(a)).not.toContain('counterpartyName');
    expect(a.otherReferences).not.toBe(b.otherReferences);
    expect(Object.isFrozen(a.remittanceText)).toBe(false);
    expect(b.endToEndId).toBe('E2E-2');
  });

  it('a SEPA key is found wherever its "+" is, and "NOTPROVIDED" in any case is no end-to-end id', () => {
    const d = parseMt940Details('?20XEREF+A?21BIC+B?22SVWZ+C?23ABWA+D');
    expect([d.endToEndId, d.remittanceText]).toEqual(['A', ['X', 'C']]);
    expect(parseMt940Details('?20EREF+notProvided?21SVWZ+T').endToEndId).toBeUndefined();
    expect(parseMt940Details('?20EREF+NOTPROVIDED1').endToEndId).toBe('NOTPROVIDED1');
    expect(parseMt940Details('/EREF/NotProvided/REMI/Y').endToEndId).toBeUndefined();
    expect(parseMt940Details('/EREF/E2E-7/REMI/Y').endToEndId).toBe('E2E-7');
  });
});

describe('BAI2 details read in place', () => {
  const file = (details: readonly string[], total: string, records: number) =>
    [
      '01,Q,B,260302,1200,1,80,,2/',
      '02,Q,B,1,260302,1200,USD,2/',
      '03,1,USD,010,0,,/',
      ...details,
      `49,${total},${records + 2}/`,
      `98,${total},1,${records + 4}/`,
      `99,${total},1,${records + 6}/`,
    ].join('\n');

  it("one detail's continuation keys do not carry over to the next detail", () => {
    const [a, b] =
      parseBai2(
        file(
          [
            '16,195,100,,BR1,C1,TEXT/',
            '88,EREF: E-1',
            '88,DBNM: PAYER',
            '88,ZZZZ: other',
            '16,195,200,,BR2,,MORE, TEXT/',
            '88,AAAA: x\u2028y',
          ],
          '300',
          6,
        ),
      ).statements[0]?.transactions ?? [];
    expect(a).toMatchObject({
      endToEndId: 'E-1',
      counterpartyName: 'PAYER',
      additionalInfo: ['ZZZZ: other'],
      otherReferences: ['C1'],
      remittanceText: ['TEXT'],
    });
    // A line separator inside keeps a KEY: line as text (the regex's "." stops at it).
    expect(b).toMatchObject({ remittanceText: ['MORE, TEXT', 'AAAA: x\u2028y'], additionalInfo: [] });
    for (const key of ['endToEndId', 'counterpartyName', 'counterpartyAccount'])
      expect(b).not.toHaveProperty(key);
  });

  it('control totals past 2^53 are summed exactly (a mismatch of one unit is still found)', () => {
    const max = '9007199254740991';
    const details = [`16,195,${max},,A,,X/`, `16,195,${max},,B,,Y/`, '16,195,1,,C,,Z/'];
    const total = (2n * BigInt(max) + 1n).toString();
    expect(parseBai2(file(details, total, 3)).statements[0]?.transactions).toHaveLength(3);
    const off = (2n * BigInt(max)).toString();
    expect(parseError(() => parseBai2(file(details, off, 3))).message).toContain(
      `account control total: trailer says ${off}, the records give ${total}`,
    );
  });
});

describe('LineSplitter', () => {
  it('cuts at \\n, \\r\\n and a lone \\r wherever the chunks are cut, numbering lines from 1', () => {
    const text = 'a\r\nb\rc\n\nd\r\r\ne\r';
    const expected = ['a', 'b', 'c', '', 'd', '', 'e', ''].map((l, i) => `${i + 1}:${l}`);
    for (let cut1 = 0; cut1 <= text.length; cut1++)
      for (let cut2 = cut1; cut2 <= text.length; cut2++) {
        const got: string[] = [];
        const s = new LineSplitter((line, n) => got.push(`${n}:${line}`));
        s.push(text.slice(0, cut1));
        s.push(text.slice(cut1, cut2));
        s.push(text.slice(cut2));
        s.end();
        expect(got).toEqual(expected);
      }
  });

  it('an empty chunk between the CR and the LF of a line end does not shift the line numbers', async () => {
    const good = Array.from({ length: 80 }, () => [':61:2603020302C1,00NTRFNONREF', `:86:${'X'.repeat(60)}`]);
    const text = mt940({ lines: [...good.flat(), ':61:26030X'] }).replace(/\n/g, '\r\n');
    const cut = text.indexOf(':61:26030X') - 1; // just after the \r before the bad line
    const stream = parseStatementStream([text.slice(0, cut), '', text.slice(cut)]);
    const e = await (async () => {
      try {
        for await (const _ of stream);
      } catch (err) {
        return err as { location: { line: number } };
      }
      throw new Error('no error');
    })();
    expect(e.location.line).toBe(parseError(() => parseMt940(text)).location.line);
    expect(e.location.line).toBe(5 + 160);
  });
});
