// One span per bank statement parse: format, size, statement, transaction and warning counts; no account data.
import { SpanStatusCode } from '@opentelemetry/api';
import type { ParseResult } from '../model/BankTransaction.js';
import { instruments, tracer } from './tracer.js';

/**
 * Runs one statement parse in a span `reconcile.statement.parse`. `run` reports the detected
 * format through `setFormat`; the span gets `quidfin.statement.format`, `.size` (bytes, or characters of a string), `.statements`,
 * `.transactions`, `.warnings`, or the error's code when the file is refused.
 */
export function traceStatementParse(
  bytes: number,
  run: (setFormat: (format: string) => void) => ParseResult,
): ParseResult {
  return tracer.startActiveSpan(
    'reconcile.statement.parse',
    { attributes: { 'quidfin.statement.size': bytes } },
    (span) => {
      let format = 'unknown';
      try {
        const result = run((f) => {
          format = f;
        });
        const transactions = result.statements.reduce((n, s) => n + s.transactions.length, 0);
        span.setAttributes({
          'quidfin.statement.format': format,
          'quidfin.statement.statements': result.statements.length,
          'quidfin.statement.transactions': transactions,
          'quidfin.statement.warnings': result.warnings.length,
        });
        instruments().parsedTransactions.add(transactions, { 'quidfin.statement.format': format });
        return result;
      } catch (error) {
        const code = (error as { code?: unknown } | null)?.code;
        span.setAttributes({
          'quidfin.statement.format': format,
          'error.type': typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown',
        });
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}
