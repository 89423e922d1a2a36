// Where the incremental readers put what they read, so one reader serves both the whole-file
// functions (which collect) and parseStatementStream (which yields as it goes).
import type { BankStatement, BankTransaction, ParseWarning } from '../model/BankTransaction.js';

/**
 * A statement as known when it ends, without its transactions (those went to the sink one by one).
 *
 * @example
 * ```ts
 * const s: StatementHeader = { id: 'STMT-1/1', format: 'mt940', currency: 'EUR' };
 * ```
 */
export type StatementHeader = Omit<BankStatement, 'transactions'>;

/**
 * Receives transactions as they are read, a statement's header when it ends, and warnings.
 *
 * @example
 * ```ts
 * const sink: StatementSink = { transaction: (t) => out.push(t), statement: () => {}, warnings: [] };
 * ```
 */
export interface StatementSink {
  transaction(tx: BankTransaction): void;
  statement(header: StatementHeader): void;
  readonly warnings: ParseWarning[];
}

/**
 * A sink that collects everything into statements, for the whole-file parse functions.
 *
 * @example
 * ```ts
 * const sink = collectingSink();
 * // ... feed a reader ...
 * sink.result(); // { statements, warnings }
 * ```
 */
export function collectingSink(): StatementSink & {
  result(): { statements: BankStatement[]; warnings: ParseWarning[] };
} {
  const statements: BankStatement[] = [];
  const warnings: ParseWarning[] = [];
  let pending: BankTransaction[] = [];
  return {
    warnings,
    transaction(tx) {
      pending.push(tx);
    },
    statement(header) {
      statements.push({ ...header, transactions: pending });
      pending = [];
    },
    result: () => ({ statements, warnings }),
  };
}
