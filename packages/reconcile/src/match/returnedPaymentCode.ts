import type { BankTransaction } from '../model/BankTransaction.js';

// ISO 20022 bank transaction sub-families that return or reverse an earlier payment (ExternalBankTransactionSubFamily1Code):
// RRTN payment return, RPCR cancellation request, UPDD/PRDD/RCDD direct debit returns and reversals, ARET/AREV
// ACH return and reversal, UPCQ/CQRV unpaid or reversed cheque, UPCT unpaid card transaction; RVSL as banks write it proprietarily.
const ISO_SUB_FAMILIES = new Set([
  'RRTN',
  'RPCR',
  'UPDD',
  'PRDD',
  'RCDD',
  'ARET',
  'AREV',
  'UPCQ',
  'CQRV',
  'UPCT',
  'RVSL',
]);
// BAI2 credit detail type codes for returns and reversals: ACH return item settlement, debit reversal,
// check posted and returned, ACH return item, ACH reversal credit, rejected credit, return item (adjustment).
const BAI2_CODES = new Set(['168', '252', '255', '257', '258', '261', '266', '268']);
// MT940 :61: type `NRTI` (returned item); German GVC 159 (SEPA credit transfer returned).
const MT940_RETURN = /^[NFS]RTI(\/|$)|^[NFS][A-Z0-9]{3}\/159$/;
// A return word next to an ISO return reason in the text; "abzgl. Retoure" (less returned goods) alone is a customer's note.
const RETURN_WORD = /\b(RETURN(ED)?|RETOURE|R(UE|Ü)CK(UEBERWEISUNG|ÜBERWEISUNG|GABE)|REVERSAL|STORNO)\b/i;
/** ISO 20022 return reason codes (`AC06`: account blocked, ...). */
export const RETURN_REASON: RegExp =
  /\b(AC0[1-6]|AC1[3-6]|AG0[1-2]|AM0[1-9]|BE0[1-5]|MD0[1-7]|MS0[2-3]|RC01|RR0[1-4]|FF01|CUST|DUPL|FRAD|TECH)\b/;

/**
 * Why a credit is a returned or reversed payment (money of ours coming back) rather than a
 * customer's payment: the bank transaction code or the return text that says so, or `undefined`.
 *
 * @example
 * ```ts
 * returnedPaymentCode({ ...tx, transactionCode: 'PMNT/ICDT/RRTN' }); // 'bank transaction code PMNT/ICDT/RRTN'
 * ```
 */
export function returnedPaymentCode(tx: BankTransaction): string | undefined {
  const code = tx.transactionCode?.trim().toUpperCase();
  if (code !== undefined && code !== '') {
    if (
      code.split('/').some((part) => ISO_SUB_FAMILIES.has(part)) ||
      MT940_RETURN.test(code) ||
      BAI2_CODES.has(code)
    )
      return `bank transaction code ${tx.transactionCode}`;
  }
  for (const text of [...tx.remittanceText, ...tx.additionalInfo])
    if (RETURN_WORD.test(text) && RETURN_REASON.test(text)) return `return text "${text}"`;
  return undefined;
}
