// ISO 20022 camt.052/053/054 documents from a whole string or byte array.
import type { ParseResult } from '../model/BankTransaction.js';
import type { CamtOptions } from './CamtOptions.js';
import { CamtReader } from './CamtReader.js';
import { checkParserOptions } from './checkParserOptions.js';
import { decodeInput } from './decodeInput.js';
import { collectingSink } from './StatementSink.js';

export type { CamtOptions } from './CamtOptions.js';

/**
 * Parses an ISO 20022 camt.052 / camt.053 / camt.054 document (any version 001.01 to 001.13)
 * into normalised statements. Every `Ntry` becomes a transaction; a batch entry whose `TxDtls`
 * all carry amounts becomes one transaction per detail, but only when the details agree with the
 * entry in sign, currency and sum. Both unstructured (`Ustrd`) and structured
 * (`Strd/CdtrRefInf/Ref`, `RfrdDocInf`) remittance, `EndToEndId`, charges, the exchange rate
 * (`CcyXchg`) and the counterparty are kept. Each statement must add up: `OPBD`/`PRCD` plus the
 * booked entries equals `CLBD`, and `TxsSummry` matches the entries (`integrity: 'warn'` turns a
 * mismatch into a warning). The XML is read incrementally by saxes; a DOCTYPE anywhere is refused.
 *
 * @example
 * ```ts
 * const { statements } = parseCamt(xmlText);
 * const tx = statements[0]!.transactions[0]!;
 * console.log(tx.amountMinor, tx.endToEndId, tx.creditorReferences);
 * ```
 */
export function parseCamt(input: string | Uint8Array, options: CamtOptions = {}): ParseResult {
  checkParserOptions(options);
  const text = decodeInput(input, 'camt', options);
  const sink = collectingSink();
  const reader = new CamtReader(options, sink);
  reader.push(text);
  reader.end();
  return sink.result();
}
