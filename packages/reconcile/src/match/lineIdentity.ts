import type { BankTransaction } from '../model/BankTransaction.js';

/**
 * How a bank line is recognised when it comes again (another statement, an intraday and an
 * end-of-day report, a re-sent file, a later batch on the same index).
 *
 * @example
 * ```ts
 * const { exact, possible } = lineIdentity(tx);
 * ```
 */
export interface LineIdentity {
  /**
   * The bank's own reference with account, amount, currency, booking day and, for one detail of a
   * camt batch entry, its position and EndToEndId (the details share the entry's `AcctSvcrRef`).
   * A repeat is the same transaction: skipped as `DUPLICATE`.
   */
  readonly exact?: string;
  /**
   * The same without the booking day: a line with the bank's reference and amount of an earlier
   * line but booked on another day (an intraday report dated otherwise) may be that line again.
   */
  readonly sameReference?: string;
  /**
   * Weaker identities (UETR, EndToEndId, and the line's content: account, amount, currency,
   * dates, counterparty, remittance). A line with no bank reference that repeats one of them may
   * be the same payment again: it is held for a person, never applied automatically.
   */
  readonly possible: readonly string[];
}

const UETR = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
// `STMT1:3.2`: the second detail of entry 3 (see BankTransaction.id).
const DETAIL = /:\d+\.(\d+)$/;

/**
 * The {@link LineIdentity} of a bank line. Fields are joined with a separator that cannot occur in
 * the parsed text, so two different lines never share a key by concatenation.
 *
 * @example
 * ```ts
 * lineIdentity(tx).exact; // 'ref\u0000DE89...\u0000ACSV-1\u000050000\u0000EUR\u00002026-02-20\u0000'
 * ```
 */
export function lineIdentity(tx: BankTransaction): LineIdentity {
  const acct = tx.accountId ?? '';
  const key = (...parts: readonly (string | number | undefined)[]): string =>
    parts.map((p) => p ?? '').join('\u0000');
  const detail = DETAIL.exec(tx.id)?.[1];
  const hasRef = tx.bankReference !== undefined && tx.bankReference !== '';
  const part = detail === undefined ? '' : `${detail}/${tx.endToEndId ?? ''}`;
  const possible: string[] = [];
  for (const r of tx.otherReferences) if (UETR.test(r)) possible.push(key('uetr', acct, r.toLowerCase()));
  if (tx.endToEndId !== undefined && tx.endToEndId !== '')
    possible.push(
      key('e2e', acct, tx.endToEndId, tx.amountMinor, tx.currency, tx.bookingDate ?? tx.valueDate),
    );
  possible.push(
    key(
      'content',
      acct,
      tx.amountMinor,
      tx.currency,
      tx.bookingDate,
      tx.valueDate,
      tx.counterpartyName,
      tx.counterpartyAccount,
      tx.endToEndId,
      tx.remittanceText.join('\n'),
      tx.creditorReferences.join('\n'),
      tx.referredDocuments.map((d) => d.number).join('\n'),
    ),
  );
  if (!hasRef) return { possible };
  return {
    exact: key('ref', acct, tx.bankReference, tx.amountMinor, tx.currency, tx.bookingDate, part),
    sameReference: key('refday', acct, tx.bankReference, tx.amountMinor, tx.currency, part),
    possible,
  };
}
