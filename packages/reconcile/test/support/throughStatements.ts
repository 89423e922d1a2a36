// The generator's lines as daily statement files (camt.053 or German MT940), through the real
// parsers, re-keyed to the generator's truth. Fields the parsers on this branch do not read yet
// (issue #13 adds MT940 /OCMT/, /CHGS/, KURS and camt CcyXchg) are copied from the generated line
// and counted, so a report can say exactly what was supplied directly.
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
  /** How many lines needed each field supplied from the generated line (parser gap). */
  readonly supplied: Readonly<Record<string, number>>;
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
  const supplied: Record<string, number> = {};
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
        const fields = ['instructedAmount', 'chargesMinor', 'exchangeRate'] as const;
        let out: BankTransaction = t;
        for (const f of fields) {
          if (gen[f] !== undefined && out[f] === undefined) {
            supplied[f] = (supplied[f] ?? 0) + 1;
            out = { ...out, [f]: gen[f] };
          }
        }
        return out;
      });
      days.push({ ...s, transactions });
    }
  }
  return { days, truth, supplied };
}
