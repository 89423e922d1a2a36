// What a person must do before a held decision can become a purchase (FACTORING.md §4: a
// verification trigger yields concrete tasks, not a bare "pending"). Pure and outside the
// per-decision path: call it on the decisions a reviewer opens, not on the whole book.

import type { FactoringDecision } from './decision.js';
import type { ReasonCodeValue } from './reasonCodes.js';

/**
 * One kind of verification work, stable across releases.
 *
 * @example
 * ```ts
 * const code: VerificationTaskCode = 'VERIFY_WITH_BUYER';
 * ```
 */
export type VerificationTaskCode =
  | 'VERIFY_WITH_BUYER'
  | 'VERIFY_DEBTOR_IDENTITY'
  | 'OBTAIN_BUYER_ACKNOWLEDGEMENT'
  | 'OBTAIN_DELIVERY_PROOF'
  | 'OBTAIN_SIGNED_INVOICE'
  | 'COMPARE_WITH_MATCHES'
  | 'CHECK_TRADING_RELATIONSHIP'
  | 'INVESTIGATE_FRAUD_SIGNAL'
  | 'INVESTIGATE_EVENTS'
  | 'CONFIRM_KEY_CHANGE'
  | 'AWAIT_DISPUTE_RESOLUTION'
  | 'CONFIRM_PURCHASE_ORDER'
  | 'CONFIRM_TITLE'
  | 'CONFIRM_CURRENCY'
  | 'REVIEW_BUYER_CREDIT'
  | 'REFRESH_TRUST'
  | 'RECHECK_LATER'
  | 'MANUAL_REVIEW';

/**
 * A piece of work a held decision calls for, with the reasons that call for it.
 *
 * @example
 * ```ts
 * for (const t of verificationTasks(decision)) console.log(t.task, t.reasons.join(', '));
 * ```
 */
export interface VerificationTask {
  readonly task: VerificationTaskCode;
  /** The decision's reasons that call for this task, most serious first. */
  readonly reasons: readonly ReasonCodeValue[];
  /** Other invoices to look at (the decision's duplicate matches), for `COMPARE_WITH_MATCHES`. */
  readonly invoiceIds: readonly string[];
  /** What to do, in a sentence a reviewer can act on. */
  readonly description: string;
}

const DESCRIPTIONS: Readonly<Record<VerificationTaskCode, string>> = {
  VERIFY_WITH_BUYER:
    "Confirm the invoice with the buyer's accounts payable through a contact found independently of the supplier: the amount, that the goods or services were received, the invoice number and date, the payment date, and that there is no dispute or set-off.",
  VERIFY_DEBTOR_IDENTITY:
    'Establish that the buyer is a real business independent of the supplier (registry records, an independently sourced contact) before the first purchase on it.',
  OBTAIN_BUYER_ACKNOWLEDGEMENT:
    'Ask the buyer to acknowledge the invoice on the ledger, with the amount it owes.',
  OBTAIN_DELIVERY_PROOF:
    'Obtain proof of delivery attested by a carrier the financier trusts other than through the supplier.',
  OBTAIN_SIGNED_INVOICE:
    'Have the supplier publish the invoice it issued, signed with its key, on the ledger.',
  COMPARE_WITH_MATCHES:
    'Compare the invoice with the invoices it matches (number, amount, date, shipping documents) and confirm with the buyer that each is a distinct receivable.',
  CHECK_TRADING_RELATIONSHIP:
    'Check whether the parties are related or sell to each other in a circle: common owners, the goods behind each sale, and where the money goes.',
  INVESTIGATE_FRAUD_SIGNAL:
    'Investigate the fraud signals published about the invoice, and who published them.',
  INVESTIGATE_EVENTS:
    'Examine the invoice event stream: events signed by the wrong party, unreadable, repeated with other content, or contradicting the signed invoice.',
  CONFIRM_KEY_CHANGE:
    'Confirm with the party, out of band, that its recent key rotation or recovery was its own before relying on what the new key signed.',
  AWAIT_DISPUTE_RESOLUTION:
    'Wait for the open dispute to be resolved, or agree the disputed amount with the buyer.',
  CONFIRM_PURCHASE_ORDER: "Obtain the buyer's match of the invoice against its purchase order.",
  CONFIRM_TITLE:
    'Confirm who holds title to the receivable: no earlier assignment, no other financier holding a share.',
  CONFIRM_CURRENCY:
    "Confirm the currency the buyer pays in and value the invoice in the book's currency before deciding.",
  REVIEW_BUYER_CREDIT:
    "Review the buyer's credit: set its credit limit, and check its payment pattern and dispute rate.",
  REFRESH_TRUST:
    'Read trust again from a node (dated, unexpired, with the path it runs through) and decide on the new reading.',
  RECHECK_LATER: 'Decide again once the evidence dated after the decision date has come due.',
  MANUAL_REVIEW: 'Review the decision and its reasons by hand.',
};

// The tasks each holding reason (severity review or pending) calls for. A reason missing here
// still yields MANUAL_REVIEW, so a hold never comes without work to do.
const TASKS_OF: Readonly<Partial<Record<ReasonCodeValue, readonly VerificationTaskCode[]>>> = {
  DUPLICATE_FUZZY: ['COMPARE_WITH_MATCHES', 'VERIFY_WITH_BUYER'],
  FRAUD_SIGNAL_REVIEW: ['INVESTIGATE_FRAUD_SIGNAL'],
  SIGNER_MISMATCH: ['INVESTIGATE_EVENTS'],
  DELIVERY_AFTER_ACKNOWLEDGEMENT: ['OBTAIN_DELIVERY_PROOF', 'VERIFY_WITH_BUYER'],
  CARRIER_NO_TRUST_PATH: ['OBTAIN_DELIVERY_PROOF'],
  ACK_AMOUNT_MISMATCH: ['VERIFY_WITH_BUYER'],
  BUYER_DISPUTE_RATE_HIGH: ['REVIEW_BUYER_CREDIT'],
  DELIVERY_MISSING: ['OBTAIN_DELIVERY_PROOF'],
  ACK_MISSING: ['OBTAIN_BUYER_ACKNOWLEDGEMENT'],
  INVALID_EVENT_PAYLOAD: ['INVESTIGATE_EVENTS'],
  EVENT_SUBJECT_MISSING: ['INVESTIGATE_EVENTS'],
  PAYMENT_CURRENCY_MISMATCH: ['CONFIRM_CURRENCY'],
  DISPUTE_OPEN: ['AWAIT_DISPUTE_RESOLUTION'],
  RECENT_KEY_EVENT: ['CONFIRM_KEY_CHANGE'],
  PO_MATCH_MISSING: ['CONFIRM_PURCHASE_ORDER'],
  PO_MISMATCH: ['CONFIRM_PURCHASE_ORDER', 'VERIFY_WITH_BUYER'],
  LEDGER_FINDING: ['INVESTIGATE_EVENTS'],
  FUTURE_DATED_EVIDENCE: ['RECHECK_LATER'],
  CONFLICTING_EVENTS: ['INVESTIGATE_EVENTS', 'VERIFY_WITH_BUYER'],
  INVOICE_ID_REUSED: ['COMPARE_WITH_MATCHES'],
  SHARED_SHIPPING_DOCUMENT: ['COMPARE_WITH_MATCHES', 'OBTAIN_DELIVERY_PROOF'],
  BUYER_LIMIT_MISSING: ['REVIEW_BUYER_CREDIT'],
  TITLE_UNKNOWN: ['CONFIRM_TITLE'],
  TITLE_ROLE_MISMATCH: ['CONFIRM_TITLE'],
  CURRENCY_NOT_BOOK: ['CONFIRM_CURRENCY'],
  ISSUED_EVENT_MISSING: ['OBTAIN_SIGNED_INVOICE'],
  ISSUED_PAYLOAD_MISMATCH: ['INVESTIGATE_EVENTS', 'VERIFY_WITH_BUYER'],
  INVOICE_REISSUED: ['INVESTIGATE_EVENTS', 'VERIFY_WITH_BUYER'],
  SHIPPED_LONG_BEFORE_ISSUE: ['VERIFY_WITH_BUYER', 'OBTAIN_DELIVERY_PROOF'],
  OVERDUE_BEYOND_BUYER_PATTERN: ['VERIFY_WITH_BUYER', 'REVIEW_BUYER_CREDIT'],
  TITLE_SHARED: ['CONFIRM_TITLE'],
  TRUST_UNDATED: ['REFRESH_TRUST'],
  DUE_DATE_BEFORE_TERMS: ['VERIFY_WITH_BUYER'],
  ACK_BEFORE_ISSUE: ['VERIFY_WITH_BUYER'],
  CIRCULAR_TRADE: ['CHECK_TRADING_RELATIONSHIP', 'VERIFY_WITH_BUYER'],
  BUYER_TRUST_VIA_SUPPLIER: ['VERIFY_DEBTOR_IDENTITY', 'VERIFY_WITH_BUYER'],
  CARRIER_TRUST_VIA_SUPPLIER: ['OBTAIN_DELIVERY_PROOF'],
  NEW_DEBTOR: ['VERIFY_DEBTOR_IDENTITY', 'REVIEW_BUYER_CREDIT'],
  INVOICE_NUMBER_UNREADABLE: ['VERIFY_WITH_BUYER'],
  TRUST_TOO_OLD: ['REFRESH_TRUST'],
  // Net days from delivery or receipt, and no delivery yet: the due date waits for the proof.
  TERMS_START_UNKNOWN: ['OBTAIN_DELIVERY_PROOF', 'OBTAIN_BUYER_ACKNOWLEDGEMENT'],
  // Cash in advance or on delivery: the buyer may have paid the supplier already.
  CASH_TERMS: ['VERIFY_WITH_BUYER'],
  // The buyer is expected to dilute more than the reserve holds back.
  DILUTION_ABOVE_RESERVE: ['REVIEW_BUYER_CREDIT'],
  TRUST_PATH_UNKNOWN: ['REFRESH_TRUST'],
  TERMS_TOO_LONG: ['VERIFY_WITH_BUYER'],
  CIRCLE_SEARCH_INCOMPLETE: ['CHECK_TRADING_RELATIONSHIP'],
  CIRCULAR_TRADE_MIXED_CURRENCY: ['CHECK_TRADING_RELATIONSHIP', 'VERIFY_WITH_BUYER'],
  // The rate of the discount the buyer may take: from the buyer or the signed contract.
  DISCOUNT_RATE_UNKNOWN: ['VERIFY_WITH_BUYER'],
  REPORTER_TRUST_MISSING: ['REFRESH_TRUST'],
  // Days in words the engine does not read, or business days: the terms, from the buyer.
  TERMS_DAYS_UNREAD: ['VERIFY_WITH_BUYER'],
  // A discount window and no net period: the net date, from the buyer.
  TERMS_NET_UNSTATED: ['VERIFY_WITH_BUYER'],
  // Owed the other way in another currency: ask the buyer what it will set off.
  CONTRA_CURRENCY_MISMATCH: ['VERIFY_WITH_BUYER'],
};

const NO_IDS: readonly string[] = Object.freeze([]);

/**
 * The verification work a held decision (`review` or `pending`) calls for: one task per kind of
 * work, each with the reasons behind it, ordered by the most serious of them. An approval (with
 * or without haircuts) or a rejection calls for none (a rejection is final: re-decide on new
 * evidence).
 * A hold whose reasons this release does not know still yields `MANUAL_REVIEW`.
 *
 * @example
 * ```ts
 * const d = evaluateInvoice(request);
 * for (const t of verificationTasks(d)) queue.push({ invoiceId: d.invoiceId, ...t });
 * ```
 */
export function verificationTasks(decision: FactoringDecision): readonly VerificationTask[] {
  if (decision.outcome !== 'review' && decision.outcome !== 'pending') return [];
  const order: VerificationTaskCode[] = [];
  const reasonsOf = new Map<VerificationTaskCode, ReasonCodeValue[]>();
  const add = (task: VerificationTaskCode, code: ReasonCodeValue): void => {
    const listed = reasonsOf.get(task);
    if (listed === undefined) {
      order.push(task);
      reasonsOf.set(task, [code]);
    } else if (!listed.includes(code)) listed.push(code);
  };
  // Reasons come ranked (severity, then code rank): the first to call for a task places it.
  for (const r of decision.reasons) {
    if (r.severity !== 'review' && r.severity !== 'pending') continue;
    const tasks = TASKS_OF[r.code];
    if (tasks === undefined) add('MANUAL_REVIEW', r.code);
    else for (const t of tasks) add(t, r.code);
  }
  if (order.length === 0) order.push('MANUAL_REVIEW');
  const matches = decision.duplicates.length > 0 ? decision.duplicates.map((m) => m.invoiceId) : NO_IDS;
  return order.map((task) => ({
    task,
    reasons: reasonsOf.get(task) ?? [],
    invoiceIds: task === 'COMPARE_WITH_MATCHES' ? matches : NO_IDS,
    description: DESCRIPTIONS[task],
  }));
}
