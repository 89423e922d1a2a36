// The public statement corpus (test/fixtures, sources in SOURCES.md) parses as it did before
// issue 13: every transaction field the old parser produced is unchanged. `corpus-before.json` was
// written by the parsers at commit a19ca5b, before this work. Files that do not add up are now
// refused by default; they are listed here with the check that refuses them, and in
// `integrity: 'warn'` mode they still give the same transactions.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type ParseResult, parseBai2, parseCamt, parseMt940, StatementParseError } from '../../src/index.js';
import { fixture } from '../support/fixtures.js';

const root = fileURLToPath(new URL('../fixtures/', import.meta.url));
const files = ['camt', 'mt940', 'bai2', 'handwritten']
  .flatMap((d) => readdirSync(`${root}${d}`).map((f) => `${d}/${f}`))
  .filter((f) => /\.(xml|sta|txt)$/.test(f))
  .sort();

/** Files refused by default now, and why (the check named in the error). */
const REFUSED: Record<string, RegExp> = {
  'camt/camt053.v2.minimal.xml': /currency/,
  'camt/camt053.v2.five.decimals.xml': /currency|BALANCE/,
  'camt/camt053.v2.multi.statement.xml': /currency|BALANCE/,
  'camt/camt053.v2.with-party-ids.xml': /currency|BALANCE/,
  'camt/camt053.v4.xml': /currency|BALANCE/,
  'camt/camt053.v8.xml': /currency|BALANCE/,
  'camt/camt054.v4.xml': /BATCH_INCONSISTENT/,
};
/** Files whose transactions changed on purpose, and how. */
const CHANGED: Record<string, string> = {
  'camt/camt054.v4.xml': 'a DBIT SEK entry whose details are CHF credits: kept as the booked entry, not the details',
};

function parse(name: string, integrity: 'error' | 'warn'): ParseResult {
  const bytes = fixture(name);
  if (name.endsWith('.xml')) return parseCamt(bytes, { integrity });
  if (name.endsWith('.sta')) return parseMt940(bytes, { integrity });
  return parseBai2(bytes, { integrity });
}

/** The fields the old parser wrote; new fields (FX, charges from MT940, camt line numbers) are left out. */
function comparable(r: ParseResult): unknown {
  return r.statements.map((s) => ({
    ...s,
    transactions: s.transactions.map((t) => {
      const { exchangeRate: _x, ...rest } = t;
      return { ...rest, source: { path: t.source.path, ...(t.source.line === undefined || t.format.startsWith('camt') ? {} : { line: t.source.line }) } };
    }),
  }));
}

describe('public statement corpus still parses unchanged', () => {
  const old = JSON.parse(readFileSync(`${root}corpus-before.json`, 'utf8')) as Record<
    string,
    { statements?: unknown; error?: string }
  >;

  it('every fixture file is in the before-snapshot', () => {
    expect(files.filter((f) => old[f] === undefined)).toEqual([]);
  });

  it.each(files)('%s', (name) => {
    const was = old[name];
    if (was?.error !== undefined) {
      expect(() => parse(name, 'warn')).toThrow(StatementParseError);
      return;
    }
    const refused = REFUSED[name];
    if (refused === undefined) {
      const now = parse(name, 'error');
      expect(comparable(now)).toEqual(was?.statements);
    } else {
      expect(() => parse(name, 'error')).toThrow(refused);
      const now = parse(name, 'warn');
      if (CHANGED[name] === undefined) expect(comparable(now)).toEqual(was?.statements);
      expect(now.warnings.length).toBeGreaterThan(0);
    }
  });
});
