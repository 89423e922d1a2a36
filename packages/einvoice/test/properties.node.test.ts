import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEInvoice, parseEInvoice, readXml, writeEInvoice, writeXml } from '../src/index.js';
import { invoiceArb, text } from './support/arbitraries.js';

describe('write -> parse properties', () => {
  it('any consistent invoice passes the rules, and write then parse gives it back in both syntaxes', () => {
    fc.assert(
      fc.property(invoiceArb, (inv) => {
        expect(checkEInvoice(inv)).toEqual([]);
        expect(parseEInvoice(writeEInvoice(inv))).toEqual(inv);
        const other = inv.syntax === 'UBL' ? 'CII' : 'UBL';
        expect(parseEInvoice(writeEInvoice(inv, other))).toEqual({ ...inv, syntax: other });
      }),
      { numRuns: 150 },
    );
  });

  it('changing any total by one cent is caught by a BR-CO rule', () => {
    fc.assert(
      fc.property(
        invoiceArb,
        fc.constantFrom('lineNet', 'taxExclusive', 'vatTotal', 'taxInclusive', 'payable' as const),
        (inv, key) => {
          const v = inv.totals[key] ?? '0';
          const bumped = v.endsWith('.99')
            ? v.replace(/\.99$/, '.98')
            : v.replace(/(\d)$/, (d) => String((Number(d) + 1) % 10));
          const broken = { ...inv, totals: { ...inv.totals, [key]: bumped } };
          expect(checkEInvoice(broken).some((i) => i.rule.startsWith('BR-CO-'))).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('any text survives writeXml then readXml exactly (escaping of <, &, quotes, non-ASCII)', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const xml = writeXml({ name: 'r', ns: '', local: 'r', attrs: { a }, children: [b] });
        const back = readXml(xml);
        expect(back.attrs['a']).toBe(a);
        expect(back.children).toEqual([b]);
      }),
    );
  });
});
