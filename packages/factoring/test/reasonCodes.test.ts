// Reason-code keys spell their values; the old PascalCase keys stay as aliases of the same values.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REASON_INFO, ReasonCode } from '../src/index.js';

const entries = Object.getOwnPropertyNames(ReasonCode).map(
  (k) => [k, (ReasonCode as unknown as Record<string, string>)[k]] as const,
);
const canonical = entries.filter(([k]) => /^[A-Z][A-Z0-9_]*$/.test(k));
const aliases = entries.filter(([k]) => !/^[A-Z][A-Z0-9_]*$/.test(k));

describe('ReasonCode keys', () => {
  it('names every code by its own value', () => {
    expect(canonical.filter(([k, v]) => k !== v)).toEqual([]);
    expect(ReasonCode.DOUBLE_FACTORED).toBe('DOUBLE_FACTORED');
  });

  it('keeps every deprecated PascalCase key pointing at a code that still exists', () => {
    // Codes added after the rename never had a PascalCase name.
    const born: readonly (string | undefined)[] = [
      'PO_MATCH_MISSING',
      'PO_MISMATCH',
      'LEDGER_FINDING',
      'FUTURE_DATED_EVIDENCE',
      'CONFLICTING_EVENTS',
      'INVOICE_ID_REUSED',
      'TENOR_TOO_LONG',
      'PRICE_NOT_POSITIVE',
      'SHARED_SHIPPING_DOCUMENT',
      'BUYER_LIMIT_MISSING',
      'TITLE_UNKNOWN',
      'TITLE_ROLE_MISMATCH',
      'RELATED_PARTY',
      'CURRENCY_NOT_BOOK',
      'CONTRA_HAIRCUT',
      'GROUP_LIMIT_EXCEEDED',
      'ISSUED_EVENT_MISSING',
      'ISSUED_PAYLOAD_MISMATCH',
      'INVOICE_REISSUED',
      'EARLY_PAYMENT_DISCOUNT',
      'SHIPPED_LONG_BEFORE_ISSUE',
      'ACK_PAY_DATE_AFTER_DUE',
      'OVERDUE_BEYOND_BUYER_PATTERN',
      'TITLE_SHARED',
      'TRUST_UNDATED',
      'DUE_DATE_BEFORE_TERMS',
      'ACK_BEFORE_ISSUE',
      'CIRCULAR_TRADE',
      'BUYER_TRUST_VIA_SUPPLIER',
      'CARRIER_TRUST_VIA_SUPPLIER',
      'NEW_DEBTOR',
      'INVOICE_NUMBER_UNREADABLE',
      'TRUST_TOO_OLD',
      'FEE_ABOVE_RESERVE',
      'TERMS_START_UNKNOWN',
      'CASH_TERMS',
      'DILUTION_ABOVE_RESERVE',
      'TRUST_PATH_UNKNOWN',
      'TERMS_DEPOSIT',
      'CONTRA_CURRENCY_MISMATCH',
      'TERMS_TOO_LONG',
      'CIRCLE_SEARCH_INCOMPLETE',
      'CIRCULAR_TRADE_MIXED_CURRENCY',
      'DISCOUNT_RATE_UNKNOWN',
      'REPORTER_TRUST_MISSING',
      'TERMS_DAYS_UNREAD',
      'TERMS_NET_UNSTATED',
    ];
    expect(aliases.length).toBe(canonical.length - born.length);
    expect(aliases.filter(([, v]) => born.includes(v))).toEqual([]);
    const values = new Set(canonical.map(([, v]) => v));
    expect(aliases.filter(([, v]) => !values.has(v))).toEqual([]);
    expect(ReasonCode.DoubleFactored).toBe(ReasonCode.DOUBLE_FACTORED);
  });

  it('lists each code once when enumerated (the aliases are not enumerable)', () => {
    expect(Object.keys(ReasonCode)).toEqual(canonical.map(([k]) => k));
    expect(new Set(Object.values(ReasonCode)).size).toBe(Object.values(ReasonCode).length);
  });

  it('has severity and rank for exactly the codes there are', () => {
    expect(Object.keys(REASON_INFO).sort()).toEqual(canonical.map(([k]) => k).sort());
  });
});

describe('the reason-code table in docs/financier-decisions.md', () => {
  it('lists every code under its severity', () => {
    const doc = readFileSync(new URL('../../../docs/financier-decisions.md', import.meta.url), 'utf8');
    const section = doc.slice(
      doc.indexOf('## Reason codes'),
      doc.indexOf('\n## ', doc.indexOf('## Reason codes') + 1),
    );
    const rowOf = (severity: string): string =>
      section.split('\n').find((l) => l.startsWith(`| ${severity} |`)) ?? '';
    const misplaced = Object.values(ReasonCode).filter(
      (c) => !rowOf(REASON_INFO[c].severity).includes(`\`${c}\``),
    );
    expect(misplaced).toEqual([]);
  });
});
