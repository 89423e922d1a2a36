// The generator's lines as daily statement files (camt.053 or German MT940), through the real
// parsers, re-keyed to the generator's truth. Nothing is copied from the generated line: the
// instructed amount, charges and rate the generator put on a line must come back from the parser
// (MT940 /OCMT/, /CHGS/, KURS; camt InstdAmt, Chrgs, CcyXchg), and any that do not are counted.
import type { BankStatement, BankTransaction } from '../../src/index.js';
import { parseCamt, parseMt940 } from '../../src/index.js';
import type { GeneratedScenario, Truth } from './generateScenario.js';
import { writeCamt053 } from './writeCamt053.js';
import { writeMt940 } from './writeMt940.js';

export type StatementPath = 'camt' | 'mt940';

export interface ParsedPath {
  /** One statement per booking day, in booking order. */
  readonly days: BankStatement[];
  readonly truth: ReadonlyMap<string, Truth>;
  /**
   * How many lines lost each field on the way through the file and the parser (the generated
   * line had it, the parsed one lacks it or reads a different amount). Nothing is filled in.
   */
  readonly lost: Readonly<Record<string, number>>;
}

const ACCOUNT = 'DE89370400440532013000';

export function throughStatements(g: GeneratedScenario, path: StatementPath): ParsedPath {
  const byDay = new Map<string, BankTransaction[]>();
  for (const t of g.transactions) {
    const d = t.bookingDate ?? '';
    const list = byDay.get(d) ?? [];
    list.push(t);
    byDay.set(d, list);
  }
  const byRef = new Map(g.transactions.map((t) => [t.bankReference ?? '', t]));
  const truth = new Map<string, Truth>();
  const lost: Record<string, number> = {};
  const count = (field: string): void => {
    lost[field] = (lost[field] ?? 0) + 1;
  };
  const days: BankStatement[] = [];
  for (const day of [...byDay.keys()].sort()) {
    const lines = byDay.get(day) ?? [];
    const id = `S${day.replace(/-/g, '')}`;
    const parsed =
      path === 'camt'
        ? parseCamt(writeCamt053(id, ACCOUNT, lines))
        : parseMt940(writeMt940(id, ACCOUNT, lines));
    for (const s of parsed.statements) {
      const transactions = s.transactions.map((t) => {
        const gen = byRef.get(t.bankReference ?? '');
        if (gen === undefined) throw new Error(`parsed line ${t.id} has no generated twin`);
        truth.set(t.id, g.truth.get(gen.id) ?? { scenario: 'noise', invoiceIds: [] });
        // MT940 has no structured per-document amounts: those stay lost, as in real files.
        const ins = gen.instructedAmount;
        if (
          ins !== undefined &&
          (t.instructedAmount?.amountMinor !== ins.amountMinor ||
            t.instructedAmount.currency !== ins.currency)
        )
          count('instructedAmount');
        if (gen.chargesMinor !== undefined && t.chargesMinor !== gen.chargesMinor) count('chargesMinor');
        // MT940 prints the rate the other way round (foreign per account unit): either direction
        // between the same two currencies is the same rate.
        const x = gen.exchangeRate;
        const y = t.exchangeRate;
        if (
          x !== undefined &&
          (y === undefined ||
            [y.sourceCurrency, y.targetCurrency].sort().join() !==
              [x.sourceCurrency, x.targetCurrency].sort().join())
        )
          count('exchangeRate');
        return t;
      });
      days.push({ ...s, transactions });
    }
  }
  return { days, truth, lost };
}
