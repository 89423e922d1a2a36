// Options of reconcile's public functions are checked up front, with every problem reported at once.
import { describe, expect, it } from 'vitest';
import {
  isReconcileError,
  loadOpenItemsJson,
  parseCamt,
  parseCsv,
  parseStatementStream,
  ReconcileInputError,
  Reconciler,
  reconcile,
} from '../../src/index.js';

function issuesOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (isReconcileError(e) && e.code === 'INVALID_RECONCILE_INPUT') return e.issues.map((i) => i.path);
    throw e;
  }
  throw new Error('did not throw');
}

const CAMT =
  '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><Stmt><Id>S</Id></Stmt></BkToCstmrStmt></Document>';

describe('reconcile options', () => {
  it('three bad options in one call give three issues, not the first only', () => {
    const options = { topK: -1, autoThreshold: 2, fxRates: [{ from: 'USD', to: 'USD', rate: '0' }] };
    expect(issuesOf(() => reconcile({ transactions: [], invoices: [], options }))).toEqual([
      'options.autoThreshold',
      'options.topK',
      'options.fxRates[0].rate',
      'options.fxRates[0]',
    ]);
  });

  it('a Reconciler refuses bad options at construction, as a ReconcileInputError', () => {
    expect(
      () => new Reconciler({ invoices: [], options: { maxSubsetItems: 41, roundingMinor: 0.5 } }),
    ).toThrow(ReconcileInputError);
    expect(
      issuesOf(() => new Reconciler({ invoices: [], options: { maxSubsetItems: 41, roundingMinor: 0.5 } })),
    ).toEqual(['options.roundingMinor', 'options.maxSubsetItems']);
  });

  it('NaN and non-numbers are refused, not compared into a pass', () => {
    const options = { ambiguityMargin: Number.NaN, daysAfterDue: '30' as unknown as number };
    expect(issuesOf(() => reconcile({ transactions: [], invoices: [], options }))).toEqual([
      'options.ambiguityMargin',
      'options.daysAfterDue',
    ]);
  });
});

describe('parser options', () => {
  it('maxTextChars 0 (which would never finish) and a misspelt integrity mode are both reported', () => {
    const options = { maxTextChars: 0, integrity: 'lenient' as 'warn', maxDepth: 1.5 };
    expect(issuesOf(() => parseCamt(CAMT, options))).toEqual([
      'options.integrity',
      'options.maxDepth',
      'options.maxTextChars',
    ]);
  });

  it('a CSV mapping with several mistakes lists each of them', () => {
    const options = {
      currency: 'euro',
      decimalSeparator: ';' as ',',
      columns: { date: '', amount: -1, description: ['Text', 3.5] },
    };
    expect(issuesOf(() => parseCsv('Date,Amount\n', options))).toEqual([
      'options.decimalSeparator',
      'options.currency',
      'options.columns.date',
      'options.columns.amount',
      'options.columns.description[1]',
    ]);
  });

  it('parseStatementStream checks its options (and its csv mapping) before reading anything', () => {
    expect(
      issuesOf(() =>
        parseStatementStream([], {
          encoding: 'latin-9' as 'utf-8',
          csv: { columns: { date: 0 }, skipLines: -1 },
        }),
      ),
    ).toEqual(['options.encoding', 'options.csv.skipLines']);
  });
});

describe('open-item loader options', () => {
  it('a mapping without its amount column, a kind-column convention without values and a bad date format are all reported', () => {
    const options = {
      columns: { invoiceNumber: 'Nr', payerId: 'Kunde', currency: 'Whrg' } as unknown as {
        invoiceNumber: string;
        payerId: string;
        currency: string;
        amount: string;
      },
      creditNotes: { by: 'kind-column' as const, creditNoteValues: [] },
      dateFormat: 'YY-MM-DD' as 'YYYY-MM-DD',
    };
    expect(issuesOf(() => loadOpenItemsJson([], options))).toEqual([
      'options.columns.amount',
      'options.creditNotes.creditNoteValues',
      'options.columns.kind',
      'options.dateFormat',
    ]);
  });
});
