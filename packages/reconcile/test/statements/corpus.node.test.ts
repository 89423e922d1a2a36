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

/** Files refused by default now, and the finding that refuses each (checked against the error). */
const REFUSED: Record<string, RegExp> = {
  'camt/camt053.v2.five.decimals.xml':
    /BALANCE_MISMATCH: opening 18\.15 \+ booked entries 8\.85 = 27\.00 EUR, CLBD says 27\.05/,
  'camt/camt053.v2.minimal.xml': /CURRENCY_MISMATCH: CLBD balance in SEK, entries in EUR/,
  'camt/camt053.v2.with-party-ids.xml': /CURRENCY_MISMATCH: CLBD balance in SEK/,
  'camt/camt053.v4.xml': /CURRENCY_MISMATCH: CLBD balance in SEK/,
  'camt/camt053.v8.xml': /CURRENCY_MISMATCH: CLBD balance in SEK/,
  'camt/camt054.v4.xml': /BATCH_INCONSISTENT: a CRDT detail inside a DBIT entry/,
  'mt940/betterplace-sepa_snippet.sta':
    /BALANCE_MISMATCH: .* = -4472349\.17 EUR, closing balance says -4472049\.09/,
  'mt940/jejik-abnamro.sta': /BALANCE_MISMATCH: .* = 2914\.84 EUR, closing balance says 876\.84/,
  'mt940/jejik-ing.sta': /BALANCE_MISMATCH: .* = -45\.59 EUR, closing balance says 3\.47/,
  'mt940/jejik-knab.sta': /BALANCE_MISMATCH: .* = -3701\.02 EUR, closing balance says 798\.98/,
  'mt940/jejik-triodos.sta': /BALANCE_MISMATCH: .* = 4259\.39 EUR, closing balance says 4370\.79/,
  'mt940/self-provided-gv_codes.sta': /BALANCE_MISSING: .*no closing balance/,
  'bai2/sample4-continuations-newline-delimited.txt':
    /CONTROL_TOTAL_MISMATCH: account control total: trailer says -1260161341762/,
  'bai2/sample5-issue113.txt': /CONTROL_TOTAL_MISMATCH: account control total: trailer says -1260161341762/,
};

type Tx = { direction: string; reversal: boolean; amountMinor: number; currency: string };
type Statements = { transactions: Tx[] }[];
/** Deliberate changes, each applied to the old output before comparing. */
const CHANGED: Record<string, (old: Statements) => Statements> = {
  // MT940 RC is the reversal of a credit (a debit entry), RD of a debit (a credit entry); the old
  // parser kept the original direction. betterplace's 26 real statements add up only the new way.
  'mt940/betterplace-sepa_mt9401.sta': flipReversals,
  'handwritten/mt940-dialects.sta': flipReversals,
};

function flipReversals(old: Statements): Statements {
  return old.map((s) => ({
    ...s,
    transactions: s.transactions.map((t) =>
      t.reversal ? { ...t, direction: t.direction === 'credit' ? 'debit' : 'credit' } : t,
    ),
  }));
}

function parse(name: string, integrity: 'error' | 'warn'): ParseResult {
  const bytes = fixture(name);
  if (name.endsWith('.xml')) return parseCamt(bytes, { integrity });
  if (name.endsWith('.sta')) return parseMt940(bytes, { integrity });
  return parseBai2(bytes, { integrity });
}

// MT940 statement ids end in `@<opening balance date>` since the reconcile review (days sent as
// :20:STARTUMS / :28C:00000 shared ids); the rest of each id is what the old parser wrote.
const OPENING_DATE = /@\d{4}-\d{2}-\d{2}(?=:|$)/;

/** An MT940 statement's id with its opening date checked and taken off, for the old snapshot. */
function oldMt940Id(id: string, statementId: string): string {
  if (!OPENING_DATE.test(id)) throw new Error(`MT940 id ${id} has no @<opening date>`);
  if (!id.startsWith(statementId))
    throw new Error(`MT940 id ${id} is not under its statement ${statementId}`);
  return id.replace(OPENING_DATE, '');
}

/** The fields the old parser wrote; new fields (FX, charges from MT940, camt line numbers) are left out. */
function comparable(r: ParseResult): unknown {
  return r.statements.map((s) => ({
    ...s,
    ...(s.format === 'mt940' ? { id: oldMt940Id(s.id, s.id) } : {}),
    transactions: s.transactions.map((t) => {
      const { exchangeRate: _x, ...rest } = t;
      return {
        ...rest,
        ...(t.format === 'mt940'
          ? { id: oldMt940Id(t.id, t.statementId), statementId: oldMt940Id(t.statementId, t.statementId) }
          : {}),
        source: {
          path: t.source.path,
          ...(t.source.line === undefined || t.format.startsWith('camt') ? {} : { line: t.source.line }),
        },
      };
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
    const expected = (CHANGED[name] ?? ((x: Statements) => x))(was?.statements as Statements);
    if (refused === undefined) {
      expect(comparable(parse(name, 'error'))).toEqual(expected);
      return;
    }
    expect(() => parse(name, 'error')).toThrow(refused);
    const now = parse(name, 'warn');
    expect(now.warnings.some((w) => refused.test(`${w.code}: ${w.message}`))).toBe(true);
    if (name === 'camt/camt054.v4.xml') {
      // A DBIT SEK entry whose three details are CHF credits: kept as the one entry the bank booked.
      expect(now.statements[0]?.transactions.map((t) => [t.amountMinor, t.currency, t.direction])).toEqual([
        [20000000, 'SEK', 'debit'],
      ]);
    } else expect(comparable(now)).toEqual(expected);
  });
});
