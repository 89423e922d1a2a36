// Inputs of the wrong type that a careless integration sends (red-team round 7): an event whose
// type or id is a number, an event list that is not a list, an invoice number or PO that is not a
// string. Each must be refused as bad input with its path, before anything is decided: a batch that
// threw a raw TypeError half way had already streamed approvals through onDecision.
import { describe, expect, it } from 'vitest';
import {
  type BatchItem,
  evaluateBatch,
  evaluateInvoice,
  type FactoringInputError,
  standardPolicy,
  trustSourceFromRecord,
} from '../src/index.js';
import { AS_OF, BOOK, DEAL_TRUST, deal, OWNERS, refused } from './fixtures.js';

const trust = trustSourceFromRecord(DEAL_TRUST);
const policy = standardPolicy();

const paths = (e: FactoringInputError): string[] => e.issues.map((i) => i.path);

type Loose = Record<string, unknown> & {
  events: Record<string, unknown>[];
  invoice: Record<string, unknown>;
};
/** Sets `key` of `o` to `value`, whatever its type says (the break each case makes). */
function set(o: unknown, key: string, value: unknown): void {
  (o as Record<string, unknown>)[key] = value;
}

/** Breaks, in each case, a fresh deal the way the case says; `path` is where the engine must point. */
const CASES: { name: string; path: string; edit: (d: Loose) => void }[] = [
  {
    name: 'an event type that is a number',
    path: 'events[1].eventType',
    edit: (d) => set(d.events[1], 'eventType', 5),
  },
  {
    name: 'an event id that is a number',
    path: 'events[1].id',
    edit: (d) => set(d.events[1], 'id', 17),
  },
  {
    name: 'a signer that is not a string',
    path: 'events[2].signerQuid',
    edit: (d) => set(d.events[2], 'signerQuid', null),
  },
  {
    name: 'a subject that is a number',
    path: 'events[0].subjectId',
    edit: (d) => set(d.events[0], 'subjectId', 100),
  },
  { name: 'an event that is null', path: 'events[4]', edit: (d) => void d.events.push(null as never) },
  { name: 'events that are not a list', path: 'events', edit: (d) => set(d, 'events', 'events' as never) },
  {
    name: 'refused events that are not a list',
    path: 'rejectedEvents',
    edit: (d) => set(d, 'rejectedEvents', 'x'),
  },
  {
    name: 'a refused event that is null',
    path: 'rejectedEvents[0]',
    edit: (d) => set(d, 'rejectedEvents', [null]),
  },
  {
    name: 'an invoice number that is a number',
    path: 'invoice.invoiceNumber',
    edit: (d) => set(d.invoice, 'invoiceNumber', 100),
  },
  {
    name: 'a PO reference that is NaN',
    path: 'invoice.poReference',
    edit: (d) => set(d.invoice, 'poReference', Number.NaN),
  },
  {
    name: 'a carrier that is null',
    path: 'invoice.carrierQuid',
    edit: (d) => set(d.invoice, 'carrierQuid', null),
  },
  { name: 'terms that are a number', path: 'invoice.terms', edit: (d) => set(d.invoice, 'terms', 60) },
  { name: 'an invoice that is null', path: 'invoice', edit: (d) => set(d, 'invoice', null as never) },
  {
    name: "a title owner's stake type that is a number",
    path: 'invoice.titleOwners[3].stakeType',
    edit: (d) =>
      set(
        d.invoice,
        'titleOwners',
        OWNERS.map((o, i) => (i === 3 ? { ...o, stakeType: 7 } : o)),
      ),
  },
];

function broken(edit: (d: Loose) => void): BatchItem {
  const d = deal({ invoiceId: 'inv-b', invoiceNumber: 'B-1' }, { ids: 'b' }) as unknown as Loose;
  edit(d);
  return d as unknown as BatchItem;
}

describe('inputs of the wrong type are refused with their path', () => {
  for (const c of CASES) {
    it(`evaluateInvoice: ${c.name} is INVALID_INPUT at ${c.path}, not a raw TypeError or a decision`, () => {
      const item = broken(c.edit);
      const e = refused(() => evaluateInvoice({ ...item, trust, policy, asOf: AS_OF, portfolio: BOOK }));
      expect(e.code).toBe('INVALID_INPUT');
      expect(paths(e)).toContain(c.path);
    });

    it(`evaluateBatch: ${c.name} in the second item is refused before any decision is streamed`, () => {
      const good = deal({ invoiceId: 'inv-a', invoiceNumber: 'A-1' }, { ids: 'a' });
      const streamed: string[] = [];
      const e = refused(() =>
        evaluateBatch({
          items: [good, broken(c.edit)],
          trust,
          policy,
          asOf: AS_OF,
          portfolio: BOOK,
          onDecision: (d) => void streamed.push(`${d.invoiceId} ${d.outcome}`),
        }),
      );
      expect(paths(e)).toContain(`items[1].${c.path}`);
      expect(streamed).toEqual([]);
    });
  }
});

describe('a portfolio that is null', () => {
  it('is INVALID_INPUT at portfolio, not a raw TypeError nor an empty book', () => {
    const d = deal();
    const e = refused(() => evaluateInvoice({ ...d, trust, policy, asOf: AS_OF, portfolio: null as never }));
    expect(paths(e)).toEqual(['portfolio']);
    const b = refused(() =>
      evaluateBatch({ items: [d], trust, policy, asOf: AS_OF, portfolio: null as never }),
    );
    expect(paths(b)).toEqual(['portfolio']);
  });
});

describe('the batch and the trust record themselves of the wrong type', () => {
  it('evaluateBatch with items that are not a list (a string, an object, null) is INVALID_INPUT at items, not a raw TypeError', () => {
    for (const items of ['x', { 0: deal() }, null, undefined]) {
      const e = refused(() =>
        evaluateBatch({ items: items as never, trust, policy, asOf: AS_OF, portfolio: BOOK }),
      );
      expect(paths(e)).toEqual(['items']);
    }
  });

  it('trustSourceFromRecord(null), or a string, is INVALID_INPUT at trust, not a raw TypeError', () => {
    for (const record of [null, undefined, 'b0b0b0b0b0b0b0b0', 7]) {
      const e = refused(() => trustSourceFromRecord(record as never));
      expect(e.code).toBe('INVALID_INPUT');
      expect(paths(e)).toEqual(['trust']);
    }
  });
});

describe("a batch's buyer history of the wrong shape", () => {
  const second = deal({ invoiceId: 'inv-2', invoiceNumber: 'INV-2' });
  const other = { ...second, invoice: { ...second.invoice, buyerQuid: 'b1b1b1b1b1b1b1b1' } };

  it('is refused at buyerHistories.<quid>, before any decision is streamed', () => {
    const streamed: string[] = [];
    const e = refused(() =>
      evaluateBatch({
        items: [deal(), other],
        trust,
        policy,
        asOf: AS_OF,
        portfolio: BOOK,
        buyerHistories: { b1b1b1b1b1b1b1b1: { records: [null] } as never },
        onDecision: (d) => streamed.push(d.invoiceId),
      }),
    );
    expect(paths(e)).toEqual(['buyerHistories.b1b1b1b1b1b1b1b1.records[0]']);
    expect(streamed).toEqual([]);
  });
});

describe('values that break a message are still refused with their path (review of the merge)', () => {
  const d = deal();
  const decideWith = (portfolio: unknown, invoice: unknown = d.invoice) =>
    evaluateInvoice({
      invoice: invoice as never,
      events: d.events,
      trust,
      policy,
      asOf: AS_OF,
      portfolio: portfolio as never,
    });
  const known = {
    invoiceId: 'k1',
    invoiceNumber: 'INV-9',
    supplierQuid: d.invoice.supplierQuid,
    buyerQuid: d.invoice.buyerQuid,
    amountMinor: 5_000_000,
    issuedAt: d.invoice.issuedAt,
  };

  it('a BigInt amount from a database driver (5000000n) in a known invoice or an exposure map is INVALID_INPUT, not a raw TypeError', () => {
    expect(
      paths(refused(() => decideWith({ ...BOOK, knownInvoices: [{ ...known, amountMinor: 5_000_000n }] }))),
    ).toContain('portfolio.knownInvoices[0].amountMinor');
    expect(
      paths(refused(() => decideWith({ ...BOOK, buyerExposureMinor: 9_000_000n }))).some((p) =>
        p.startsWith('portfolio.buyerExposureMinor'),
      ),
    ).toBe(true);
  });

  it('an object with no prototype as terms, PO or number is INVALID_INPUT at its field', () => {
    for (const field of ['terms', 'poReference', 'invoiceNumber']) {
      const e = refused(() => decideWith(BOOK, { ...d.invoice, [field]: Object.create(null) }));
      expect(paths(e)).toContain(`invoice.${field}`);
    }
  });

  it('buyerHistories that is not a plain record (a Map, a string, null) is refused at buyerHistories, not read as no history', () => {
    for (const histories of [new Map(), 'b0b0b0b0b0b0b0b0', null]) {
      const e = refused(() =>
        evaluateBatch({
          items: [d],
          trust,
          policy,
          asOf: AS_OF,
          portfolio: BOOK,
          buyerHistories: histories as never,
        }),
      );
      expect(paths(e)).toEqual(['buyerHistories']);
    }
  });
});
