// fast-check generators of consistent EN 16931 invoices (totals computed exactly with bigint).
import fc from 'fast-check';
import type { EInvoice, ELine, EVatBreakdown } from '../../src/index.js';

const cents = (n: bigint): string => {
  const neg = n < 0n;
  const a = neg ? -n : n;
  const s = `${a / 100n}.${(a % 100n).toString().padStart(2, '0')}`;
  return neg ? `-${s}` : s;
};
/** half away from zero */
const div = (a: bigint, b: bigint): bigint => {
  const neg = a < 0n !== b < 0n;
  const [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  const q = (2n * x + y) / (2n * y);
  return neg ? -q : q;
};

/** Text with XML-special and non-ASCII characters, no leading or trailing space. */
export const text: fc.Arbitrary<string> = fc
  .string({ unit: fc.constantFrom(...'aZ9 <>&"\'-é€😀/'), minLength: 1, maxLength: 12 })
  .map((s) => s.trim())
  .filter((s) => s.length > 0);

const rate = fc.constantFrom('0', '7', '19', '25', '5.5');

const lineArb = fc.record({
  qtyHundredths: fc.bigInt({ min: 1n, max: 100_000n }),
  priceCents: fc.bigInt({ min: 0n, max: 10_000_000n }),
  rate,
  name: text,
  orderLineRef: fc.option(text, { nil: undefined }),
});

/** A random invoice whose arithmetic holds (BR-CO-10..17, BR-S-08), in UBL or CII. */
export const invoiceArb: fc.Arbitrary<EInvoice> = fc
  .record({
    syntax: fc.constantFrom('UBL' as const, 'CII' as const),
    number: text,
    seller: text,
    buyer: text,
    currency: fc.constantFrom('EUR', 'SEK', 'USD'),
    lines: fc.array(lineArb, { minLength: 1, maxLength: 6 }),
    chargeCents: fc.option(fc.bigInt({ min: 1n, max: 100_000n }), { nil: undefined }),
    prepaidCents: fc.option(fc.bigInt({ min: 0n, max: 1_000n }), { nil: undefined }),
    iban: fc.option(fc.constantFrom('DE89370400440532013000', 'GB29NWBK60161331926819'), { nil: undefined }),
    remittance: fc.option(text, { nil: undefined }),
    po: fc.option(text, { nil: undefined }),
  })
  .map((g) => {
    const taxable = new Map<string, bigint>();
    const lines: ELine[] = g.lines.map((l, i) => {
      const net = div(l.qtyHundredths * l.priceCents, 100n);
      const cat = l.rate === '0' ? 'Z' : 'S';
      taxable.set(`${cat}|${l.rate}`, (taxable.get(`${cat}|${l.rate}`) ?? 0n) + net);
      return {
        id: String(i + 1),
        quantity: cents(l.qtyHundredths),
        unitCode: 'C62',
        netAmount: cents(net),
        ...(l.orderLineRef === undefined ? {} : { orderLineRef: l.orderLineRef }),
        name: l.name,
        price: { net: cents(l.priceCents) },
        vat: { category: cat, rate: l.rate },
        allowancesCharges: [],
      };
    });
    const lineNet = [...taxable.values()].reduce((a, b) => a + b, 0n);
    const charge = g.chargeCents;
    if (charge !== undefined) taxable.set('S|25', (taxable.get('S|25') ?? 0n) + charge);
    const vatBreakdown: EVatBreakdown[] = [...taxable].map(([k, base]) => {
      const [category = 'S', r = '0'] = k.split('|');
      const rateTimes10 = BigInt(Math.round(Number(r) * 10));
      return {
        category,
        rate: r,
        taxableAmount: cents(base),
        taxAmount: cents(div(base * rateTimes10, 1000n)),
      };
    });
    const vat = vatBreakdown.reduce((a, v) => a + BigInt(v.taxAmount.replace('.', '')), 0n);
    const excl = lineNet + (charge ?? 0n);
    const incl = excl + vat;
    const inv: EInvoice = {
      syntax: g.syntax,
      kind: 'invoice',
      customizationId: 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0',
      number: g.number,
      issueDate: '2026-11-02',
      typeCode: '380',
      currency: g.currency,
      dueDate: '2026-12-02',
      notes: [],
      ...(g.po === undefined ? {} : { orderReference: g.po }),
      seller: { name: g.seller, ids: [], vatId: 'DE123456789', address: { country: 'DE', city: g.seller } },
      buyer: { name: g.buyer, ids: [], address: { country: 'SE' } },
      paymentMeans: [
        {
          code: '58',
          ...(g.remittance === undefined ? {} : { remittance: g.remittance }),
          ...(g.iban === undefined ? {} : { iban: g.iban }),
        },
      ],
      allowancesCharges:
        charge === undefined
          ? []
          : [{ charge: true, amount: cents(charge), reason: 'Freight', vat: { category: 'S', rate: '25' } }],
      vatBreakdown,
      totals: {
        lineNet: cents(lineNet),
        ...(charge === undefined ? {} : { chargeTotal: cents(charge) }),
        taxExclusive: cents(excl),
        vatTotal: cents(vat),
        taxInclusive: cents(incl),
        ...(g.prepaidCents === undefined ? {} : { prepaid: cents(g.prepaidCents) }),
        payable: cents(incl - (g.prepaidCents ?? 0n)),
      },
      lines,
      extensions: [],
    };
    return inv;
  });
