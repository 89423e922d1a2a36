// OpenTelemetry: one span per statement parse and per reconciliation run, counts only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OtelRecorder, recordOtel } from '../../../test-support/otel.js';
import { parseStatement, reconcile } from '../src/index.js';
import { generateScenario } from './support/generateScenario.js';
import { writeCamt053 } from './support/writeCamt053.js';

const ACCOUNT = 'DE89370400440532013000';
/** The only text values an attribute may hold: a format, a line status, a tier (error codes are checked apart). */
const TEXT_VALUES =
  /^(camt|bai2|mt940|unknown|auto|confirmed|suggested|unmatched|skipped|reference|text|payer|amount|date|remittance|memory|group)$/;

describe('OpenTelemetry (reconcile)', () => {
  let otel: OtelRecorder;
  const g = generateScenario({ seed: 7, invoices: 300, lines: 60 });
  beforeAll(() => {
    otel = recordOtel();
  });
  afterAll(() => otel.stop());

  it('one span per statement parse, with format and counts; a refused file is an error span with its code', () => {
    otel.spans.reset();
    const xml = new TextEncoder().encode(writeCamt053('STMT-1', ACCOUNT, g.transactions));
    const parsed = parseStatement(xml);
    expect(() => parseStatement('not a statement')).toThrow();
    const [ok, refused] = otel.spans.getFinishedSpans();
    expect(ok?.name).toBe('reconcile.statement.parse');
    expect(ok?.attributes).toEqual({
      'quidfin.statement.size': xml.length,
      'quidfin.statement.format': 'camt',
      'quidfin.statement.statements': parsed.statements.length,
      'quidfin.statement.transactions': g.transactions.length,
      'quidfin.statement.warnings': parsed.warnings.length,
    });
    expect(refused?.attributes).toMatchObject({
      'quidfin.statement.format': 'unknown',
      'error.type': 'UNSUPPORTED_FORMAT',
    });
    expect(refused?.status.code).toBe(2);
  });

  it('one span per reconcile run with the summary counts and decided lines per deciding match tier', () => {
    otel.spans.reset();
    const result = reconcile({
      transactions: g.transactions,
      invoices: g.invoices,
      remittances: g.remittances,
      options: { fxRates: [g.fxRate] },
    });
    const spans = otel.spans.getFinishedSpans();
    expect(spans.map((s) => s.name)).toEqual(['reconcile.run']);
    const a = spans[0]?.attributes ?? {};
    expect(a).toMatchObject({
      'quidfin.reconcile.transactions': g.transactions.length,
      'quidfin.reconcile.lines': result.summary.lines,
      'quidfin.reconcile.auto': result.summary.auto,
      'quidfin.reconcile.unmatched': result.summary.unmatched,
      'quidfin.reconcile.events': result.events.length,
    });
    const tiers = Object.entries(a).filter(([k]) => k.startsWith('quidfin.reconcile.tier.'));
    expect(tiers.length).toBeGreaterThan(1);
    const decided = result.lines.filter((l) => l.status === 'auto' || l.status === 'confirmed').length;
    expect(tiers.reduce((n, [, v]) => n + Number(v), 0)).toBe(decided);
    expect(a['quidfin.reconcile.tier.reference']).toBeGreaterThan(0);
  });

  it('no payer names, IBANs, references or amounts in any span or metric attribute: numbers and enumerations only', async () => {
    const spans = otel.spans.getFinishedSpans();
    const points = (await otel.metrics()).flatMap((m) => m.points.map((p) => p.attributes));
    const all = [...spans.map((s) => s.attributes), ...points];
    expect(points.length).toBeGreaterThan(0);
    for (const attrs of all)
      for (const [key, value] of Object.entries(attrs)) {
        expect(key).toMatch(/^(quidfin\.(reconcile|statement)\.[a-z_.]+|error\.type)$/);
        if (typeof value === 'number') continue;
        expect(String(value), key).toMatch(key === 'error.type' ? /^[A-Z][A-Z_]+$/ : TEXT_VALUES);
      }
  });
});
