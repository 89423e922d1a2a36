// Hostile input: whatever bytes arrive, a parser either returns statements or throws a typed
// StatementParseError; it never crashes with another error and never loops.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseBai2,
  parseCamt,
  parseCsv,
  parseMt940,
  parseStatement,
  StatementParseError,
} from '../src/index.js';
import { fixtureText } from './support/fixtures.js';

const parsers: [string, (s: string | Uint8Array) => unknown][] = [
  ['camt', (s) => parseCamt(s)],
  ['mt940', (s) => parseMt940(s, { defaultCurrency: 'EUR' })],
  ['bai2', (s) => parseBai2(s)],
  [
    'csv',
    (s) => parseCsv(s, { currency: 'EUR', header: false, columns: { date: 0, amount: 1, description: 2 } }),
  ],
  ['auto', (s) => parseStatement(s)],
];

function typedOrOk(fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(StatementParseError);
  }
}

describe('parsers on hostile input (property)', () => {
  const seeds = [
    fixtureText('camt/camt053.v2.minimal.xml'),
    fixtureText('mt940/betterplace-sepa_snippet.sta'),
    fixtureText('bai2/sample1.txt'),
    'Date,Amount,Text\n2026-01-02,1.00,INV-1\n',
  ];

  it.each(parsers)(
    '%s: random text and random bytes give a result or a StatementParseError',
    (_name, parse) => {
      fc.assert(
        fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 })), (input) => {
          typedOrOk(() => parse(input));
        }),
        { numRuns: 300, seed: 99 },
      );
    },
  );

  it.each(parsers)('%s: real files cut, spliced and corrupted at random places', (_name, parse) => {
    fc.assert(
      fc.property(
        fc.constantFrom(...seeds),
        fc.nat(),
        fc.nat(),
        fc.string({ maxLength: 20 }),
        (text, a, b, junk) => {
          const i = a % (text.length + 1);
          const j = b % (text.length + 1);
          typedOrOk(() => parse(text.slice(0, i)));
          typedOrOk(() => parse(text.slice(0, Math.min(i, j)) + junk + text.slice(Math.max(i, j))));
        },
      ),
      { numRuns: 200, seed: 100 },
    );
  });
});
