// Every reason code the engine can give, with its severity and meaning.

/**
 * How serious a reason is. The decision's outcome is the worst severity present:
 * `reject` > `review` > `pending` > (`adjust`, `info` leave an approval standing).
 *
 * @example
 * ```ts
 * const s: ReasonSeverity = 'review';
 * ```
 */
export type ReasonSeverity = 'reject' | 'review' | 'pending' | 'adjust' | 'info';

const CODES = {
  INVALID_INVOICE: 'INVALID_INVOICE',
  DOUBLE_FACTORED: 'DOUBLE_FACTORED',
  DUPLICATE_EXACT: 'DUPLICATE_EXACT',
  SUPPLIER_FORGED_ATTESTATION: 'SUPPLIER_FORGED_ATTESTATION',
  FRAUD_SIGNAL: 'FRAUD_SIGNAL',
  DELIVERY_BEFORE_SHIPMENT: 'DELIVERY_BEFORE_SHIPMENT',
  SUPPLIER_IS_BUYER: 'SUPPLIER_IS_BUYER',
  ISSUED_AFTER_DECISION_DATE: 'ISSUED_AFTER_DECISION_DATE',
  TITLE_NOT_OWNED_BY_SUPPLIER: 'TITLE_NOT_OWNED_BY_SUPPLIER',
  ALREADY_PAID: 'ALREADY_PAID',
  FULLY_CREDITED: 'FULLY_CREDITED',
  FULLY_DISPUTED: 'FULLY_DISPUTED',
  AGED_OVER_CUTOFF: 'AGED_OVER_CUTOFF',
  PAST_DUE_CUTOFF: 'PAST_DUE_CUTOFF',
  CROSS_AGED_DEBTOR: 'CROSS_AGED_DEBTOR',
  BUYER_NO_TRUST_PATH: 'BUYER_NO_TRUST_PATH',
  SUPPLIER_TRUST_LOW: 'SUPPLIER_TRUST_LOW',
  BUYER_TRUST_LOW: 'BUYER_TRUST_LOW',
  BUYER_LIMIT_EXCEEDED: 'BUYER_LIMIT_EXCEEDED',
  SUPPLIER_LIMIT_EXCEEDED: 'SUPPLIER_LIMIT_EXCEEDED',
  FACILITY_LIMIT_EXCEEDED: 'FACILITY_LIMIT_EXCEEDED',
  CONCENTRATION_EXCEEDED: 'CONCENTRATION_EXCEEDED',
  DUPLICATE_FUZZY: 'DUPLICATE_FUZZY',
  FRAUD_SIGNAL_REVIEW: 'FRAUD_SIGNAL_REVIEW',
  SIGNER_MISMATCH: 'SIGNER_MISMATCH',
  DELIVERY_AFTER_ACKNOWLEDGEMENT: 'DELIVERY_AFTER_ACKNOWLEDGEMENT',
  CARRIER_NO_TRUST_PATH: 'CARRIER_NO_TRUST_PATH',
  ACK_AMOUNT_MISMATCH: 'ACK_AMOUNT_MISMATCH',
  BUYER_DISPUTE_RATE_HIGH: 'BUYER_DISPUTE_RATE_HIGH',
  DELIVERY_MISSING: 'DELIVERY_MISSING',
  ACK_MISSING: 'ACK_MISSING',
  TRUST_EXPIRED: 'TRUST_EXPIRED',
  DUPLICATE_SOFT_MATCH: 'DUPLICATE_SOFT_MATCH',
  DISPUTED_AMOUNT_INELIGIBLE: 'DISPUTED_AMOUNT_INELIGIBLE',
  CREDIT_NOTE_APPLIED: 'CREDIT_NOTE_APPLIED',
  PARTIALLY_PAID: 'PARTIALLY_PAID',
  ACK_SHORTFALL: 'ACK_SHORTFALL',
  CONCENTRATION_HAIRCUT: 'CONCENTRATION_HAIRCUT',
  LIMIT_HAIRCUT: 'LIMIT_HAIRCUT',
  DILUTION_ADVANCE_CUT: 'DILUTION_ADVANCE_CUT',
  STALE_TRUST: 'STALE_TRUST',
  WEAK_FRAUD_SIGNAL: 'WEAK_FRAUD_SIGNAL',
  UNTRUSTED_REPORTER_IGNORED: 'UNTRUSTED_REPORTER_IGNORED',
  EVENT_SUBJECT_MISMATCH: 'EVENT_SUBJECT_MISMATCH',
  DOUBLE_FACTORING_RACE: 'DOUBLE_FACTORING_RACE',
  SEQUENCE_CONFLICT: 'SEQUENCE_CONFLICT',
  DUPLICATE_OF_FINANCED: 'DUPLICATE_OF_FINANCED',
  BUYER_CONCENTRATION_EXCEEDED: 'BUYER_CONCENTRATION_EXCEEDED',
  GROUP_CONCENTRATION_EXCEEDED: 'GROUP_CONCENTRATION_EXCEEDED',
  INVALID_EVENT_PAYLOAD: 'INVALID_EVENT_PAYLOAD',
  EVENT_SUBJECT_MISSING: 'EVENT_SUBJECT_MISSING',
  PAYMENT_CURRENCY_MISMATCH: 'PAYMENT_CURRENCY_MISMATCH',
  DISPUTE_OPEN: 'DISPUTE_OPEN',
  RECENT_KEY_EVENT: 'RECENT_KEY_EVENT',
  PO_MATCH_MISSING: 'PO_MATCH_MISSING',
  PO_MISMATCH: 'PO_MISMATCH',
  LEDGER_FINDING: 'LEDGER_FINDING',
  FUTURE_DATED_EVIDENCE: 'FUTURE_DATED_EVIDENCE',
  CONFLICTING_EVENTS: 'CONFLICTING_EVENTS',
  TENOR_TOO_LONG: 'TENOR_TOO_LONG',
  PRICE_NOT_POSITIVE: 'PRICE_NOT_POSITIVE',
  INVOICE_ID_REUSED: 'INVOICE_ID_REUSED',
  SHARED_SHIPPING_DOCUMENT: 'SHARED_SHIPPING_DOCUMENT',
  BUYER_LIMIT_MISSING: 'BUYER_LIMIT_MISSING',
  TITLE_UNKNOWN: 'TITLE_UNKNOWN',
  TITLE_ROLE_MISMATCH: 'TITLE_ROLE_MISMATCH',
  RELATED_PARTY: 'RELATED_PARTY',
  CURRENCY_NOT_BOOK: 'CURRENCY_NOT_BOOK',
  CONTRA_HAIRCUT: 'CONTRA_HAIRCUT',
  GROUP_LIMIT_EXCEEDED: 'GROUP_LIMIT_EXCEEDED',
  ISSUED_EVENT_MISSING: 'ISSUED_EVENT_MISSING',
  ISSUED_PAYLOAD_MISMATCH: 'ISSUED_PAYLOAD_MISMATCH',
  INVOICE_REISSUED: 'INVOICE_REISSUED',
  EARLY_PAYMENT_DISCOUNT: 'EARLY_PAYMENT_DISCOUNT',
  SHIPPED_LONG_BEFORE_ISSUE: 'SHIPPED_LONG_BEFORE_ISSUE',
  ACK_PAY_DATE_AFTER_DUE: 'ACK_PAY_DATE_AFTER_DUE',
  OVERDUE_BEYOND_BUYER_PATTERN: 'OVERDUE_BEYOND_BUYER_PATTERN',
  TITLE_SHARED: 'TITLE_SHARED',
  TRUST_UNDATED: 'TRUST_UNDATED',
  DUE_DATE_BEFORE_TERMS: 'DUE_DATE_BEFORE_TERMS',
  ACK_BEFORE_ISSUE: 'ACK_BEFORE_ISSUE',
  CIRCULAR_TRADE: 'CIRCULAR_TRADE',
  BUYER_TRUST_VIA_SUPPLIER: 'BUYER_TRUST_VIA_SUPPLIER',
  CARRIER_TRUST_VIA_SUPPLIER: 'CARRIER_TRUST_VIA_SUPPLIER',
  NEW_DEBTOR: 'NEW_DEBTOR',
  INVOICE_NUMBER_UNREADABLE: 'INVOICE_NUMBER_UNREADABLE',
  TRUST_TOO_OLD: 'TRUST_TOO_OLD',
  FEE_ABOVE_RESERVE: 'FEE_ABOVE_RESERVE',
  TERMS_START_UNKNOWN: 'TERMS_START_UNKNOWN',
  CASH_TERMS: 'CASH_TERMS',
  DILUTION_ABOVE_RESERVE: 'DILUTION_ABOVE_RESERVE',
  TRUST_PATH_UNKNOWN: 'TRUST_PATH_UNKNOWN',
  TERMS_DEPOSIT: 'TERMS_DEPOSIT',
  CONTRA_CURRENCY_MISMATCH: 'CONTRA_CURRENCY_MISMATCH',
  TERMS_TOO_LONG: 'TERMS_TOO_LONG',
  CIRCLE_SEARCH_INCOMPLETE: 'CIRCLE_SEARCH_INCOMPLETE',
  CIRCULAR_TRADE_MIXED_CURRENCY: 'CIRCULAR_TRADE_MIXED_CURRENCY',
  DISCOUNT_RATE_UNKNOWN: 'DISCOUNT_RATE_UNKNOWN',
  REPORTER_TRUST_MISSING: 'REPORTER_TRUST_MISSING',
  TERMS_DAYS_UNREAD: 'TERMS_DAYS_UNREAD',
  TERMS_NET_UNSTATED: 'TERMS_NET_UNSTATED',
} as const;

/** The PascalCase names of earlier releases, whose spelling differed from the value. */
// A type literal, not an interface: `Object.values(ReasonCode)` needs it to be implicitly indexable.
type ReasonCodeAliases = {
  /** @deprecated use `ReasonCode.INVALID_INVOICE` (the key now matches the value) */
  readonly InvalidInvoice: 'INVALID_INVOICE';
  /** @deprecated use `ReasonCode.DOUBLE_FACTORED` (the key now matches the value) */
  readonly DoubleFactored: 'DOUBLE_FACTORED';
  /** @deprecated use `ReasonCode.DUPLICATE_EXACT` (the key now matches the value) */
  readonly DuplicateExact: 'DUPLICATE_EXACT';
  /** @deprecated use `ReasonCode.SUPPLIER_FORGED_ATTESTATION` (the key now matches the value) */
  readonly SupplierForgedAttestation: 'SUPPLIER_FORGED_ATTESTATION';
  /** @deprecated use `ReasonCode.FRAUD_SIGNAL` (the key now matches the value) */
  readonly FraudSignal: 'FRAUD_SIGNAL';
  /** @deprecated use `ReasonCode.DELIVERY_BEFORE_SHIPMENT` (the key now matches the value) */
  readonly ImpossibleLogistics: 'DELIVERY_BEFORE_SHIPMENT';
  /** @deprecated use `ReasonCode.SUPPLIER_IS_BUYER` (the key now matches the value) */
  readonly SelfDealing: 'SUPPLIER_IS_BUYER';
  /** @deprecated use `ReasonCode.ISSUED_AFTER_DECISION_DATE` (the key now matches the value) */
  readonly FutureInvoice: 'ISSUED_AFTER_DECISION_DATE';
  /** @deprecated use `ReasonCode.TITLE_NOT_OWNED_BY_SUPPLIER` (the key now matches the value) */
  readonly TitleNotOwnedBySupplier: 'TITLE_NOT_OWNED_BY_SUPPLIER';
  /** @deprecated use `ReasonCode.ALREADY_PAID` (the key now matches the value) */
  readonly AlreadyPaid: 'ALREADY_PAID';
  /** @deprecated use `ReasonCode.FULLY_CREDITED` (the key now matches the value) */
  readonly FullyCredited: 'FULLY_CREDITED';
  /** @deprecated use `ReasonCode.FULLY_DISPUTED` (the key now matches the value) */
  readonly FullyDisputed: 'FULLY_DISPUTED';
  /** @deprecated use `ReasonCode.AGED_OVER_CUTOFF` (the key now matches the value) */
  readonly AgedOverCutoff: 'AGED_OVER_CUTOFF';
  /** @deprecated use `ReasonCode.PAST_DUE_CUTOFF` (the key now matches the value) */
  readonly PastDueCutoff: 'PAST_DUE_CUTOFF';
  /** @deprecated use `ReasonCode.CROSS_AGED_DEBTOR` (the key now matches the value) */
  readonly CrossAgedDebtor: 'CROSS_AGED_DEBTOR';
  /** @deprecated use `ReasonCode.BUYER_NO_TRUST_PATH` (the key now matches the value) */
  readonly BuyerNoTrustPath: 'BUYER_NO_TRUST_PATH';
  /** @deprecated use `ReasonCode.SUPPLIER_TRUST_LOW` (the key now matches the value) */
  readonly SupplierTrustLow: 'SUPPLIER_TRUST_LOW';
  /** @deprecated use `ReasonCode.BUYER_TRUST_LOW` (the key now matches the value) */
  readonly BuyerTrustLow: 'BUYER_TRUST_LOW';
  /** @deprecated use `ReasonCode.BUYER_LIMIT_EXCEEDED` (the key now matches the value) */
  readonly BuyerLimitExceeded: 'BUYER_LIMIT_EXCEEDED';
  /** @deprecated use `ReasonCode.SUPPLIER_LIMIT_EXCEEDED` (the key now matches the value) */
  readonly SupplierLimitExceeded: 'SUPPLIER_LIMIT_EXCEEDED';
  /** @deprecated use `ReasonCode.FACILITY_LIMIT_EXCEEDED` (the key now matches the value) */
  readonly FacilityLimitExceeded: 'FACILITY_LIMIT_EXCEEDED';
  /** @deprecated use `ReasonCode.CONCENTRATION_EXCEEDED` (the key now matches the value) */
  readonly ConcentrationExceeded: 'CONCENTRATION_EXCEEDED';
  /** @deprecated use `ReasonCode.DUPLICATE_FUZZY` (the key now matches the value) */
  readonly DuplicateFuzzy: 'DUPLICATE_FUZZY';
  /** @deprecated use `ReasonCode.FRAUD_SIGNAL_REVIEW` (the key now matches the value) */
  readonly FraudSignalReview: 'FRAUD_SIGNAL_REVIEW';
  /** @deprecated use `ReasonCode.SIGNER_MISMATCH` (the key now matches the value) */
  readonly SignerMismatch: 'SIGNER_MISMATCH';
  /** @deprecated use `ReasonCode.DELIVERY_AFTER_ACKNOWLEDGEMENT` (the key now matches the value) */
  readonly DeliveryAfterAck: 'DELIVERY_AFTER_ACKNOWLEDGEMENT';
  /** @deprecated use `ReasonCode.CARRIER_NO_TRUST_PATH` (the key now matches the value) */
  readonly CarrierNoTrustPath: 'CARRIER_NO_TRUST_PATH';
  /** @deprecated use `ReasonCode.ACK_AMOUNT_MISMATCH` (the key now matches the value) */
  readonly AckAmountMismatch: 'ACK_AMOUNT_MISMATCH';
  /** @deprecated use `ReasonCode.BUYER_DISPUTE_RATE_HIGH` (the key now matches the value) */
  readonly DisputeRateHigh: 'BUYER_DISPUTE_RATE_HIGH';
  /** @deprecated use `ReasonCode.DELIVERY_MISSING` (the key now matches the value) */
  readonly DeliveryMissing: 'DELIVERY_MISSING';
  /** @deprecated use `ReasonCode.ACK_MISSING` (the key now matches the value) */
  readonly AckMissing: 'ACK_MISSING';
  /** @deprecated use `ReasonCode.TRUST_EXPIRED` (the key now matches the value) */
  readonly TrustExpired: 'TRUST_EXPIRED';
  /** @deprecated use `ReasonCode.DUPLICATE_SOFT_MATCH` (the key now matches the value) */
  readonly DuplicateSoft: 'DUPLICATE_SOFT_MATCH';
  /** @deprecated use `ReasonCode.DISPUTED_AMOUNT_INELIGIBLE` (the key now matches the value) */
  readonly DisputedAmountIneligible: 'DISPUTED_AMOUNT_INELIGIBLE';
  /** @deprecated use `ReasonCode.CREDIT_NOTE_APPLIED` (the key now matches the value) */
  readonly CreditNoteApplied: 'CREDIT_NOTE_APPLIED';
  /** @deprecated use `ReasonCode.PARTIALLY_PAID` (the key now matches the value) */
  readonly PartiallyPaid: 'PARTIALLY_PAID';
  /** @deprecated use `ReasonCode.ACK_SHORTFALL` (the key now matches the value) */
  readonly AckShortfall: 'ACK_SHORTFALL';
  /** @deprecated use `ReasonCode.CONCENTRATION_HAIRCUT` (the key now matches the value) */
  readonly ConcentrationHaircut: 'CONCENTRATION_HAIRCUT';
  /** @deprecated use `ReasonCode.LIMIT_HAIRCUT` (the key now matches the value) */
  readonly LimitHaircut: 'LIMIT_HAIRCUT';
  /** @deprecated use `ReasonCode.DILUTION_ADVANCE_CUT` (the key now matches the value) */
  readonly DilutionAdvanceCut: 'DILUTION_ADVANCE_CUT';
  /** @deprecated use `ReasonCode.STALE_TRUST` (the key now matches the value) */
  readonly StaleTrust: 'STALE_TRUST';
  /** @deprecated use `ReasonCode.WEAK_FRAUD_SIGNAL` (the key now matches the value) */
  readonly WeakFraudSignal: 'WEAK_FRAUD_SIGNAL';
  /** @deprecated use `ReasonCode.UNTRUSTED_REPORTER_IGNORED` (the key now matches the value) */
  readonly UntrustedReporterIgnored: 'UNTRUSTED_REPORTER_IGNORED';
  /** @deprecated use `ReasonCode.EVENT_SUBJECT_MISMATCH` (the key now matches the value) */
  readonly EventSubjectMismatch: 'EVENT_SUBJECT_MISMATCH';
  /** @deprecated use `ReasonCode.DOUBLE_FACTORING_RACE` (the key now matches the value) */
  readonly DoubleFactoringRace: 'DOUBLE_FACTORING_RACE';
  /** @deprecated use `ReasonCode.SEQUENCE_CONFLICT` (the key now matches the value) */
  readonly SequenceConflict: 'SEQUENCE_CONFLICT';
  /** @deprecated use `ReasonCode.DUPLICATE_OF_FINANCED` (the key now matches the value) */
  readonly DuplicateOfFinanced: 'DUPLICATE_OF_FINANCED';
  /** @deprecated use `ReasonCode.BUYER_CONCENTRATION_EXCEEDED` (the key now matches the value) */
  readonly BuyerConcentrationExceeded: 'BUYER_CONCENTRATION_EXCEEDED';
  /** @deprecated use `ReasonCode.GROUP_CONCENTRATION_EXCEEDED` (the key now matches the value) */
  readonly GroupConcentrationExceeded: 'GROUP_CONCENTRATION_EXCEEDED';
  /** @deprecated use `ReasonCode.INVALID_EVENT_PAYLOAD` (the key now matches the value) */
  readonly InvalidEventPayload: 'INVALID_EVENT_PAYLOAD';
  /** @deprecated use `ReasonCode.EVENT_SUBJECT_MISSING` (the key now matches the value) */
  readonly EventSubjectMissing: 'EVENT_SUBJECT_MISSING';
  /** @deprecated use `ReasonCode.PAYMENT_CURRENCY_MISMATCH` (the key now matches the value) */
  readonly PaymentCurrencyMismatch: 'PAYMENT_CURRENCY_MISMATCH';
  /** @deprecated use `ReasonCode.DISPUTE_OPEN` (the key now matches the value) */
  readonly DisputeOpen: 'DISPUTE_OPEN';
  /** @deprecated use `ReasonCode.RECENT_KEY_EVENT` (the key now matches the value) */
  readonly RecentKeyEvent: 'RECENT_KEY_EVENT';
};

const ALIASES: ReasonCodeAliases = {
  InvalidInvoice: 'INVALID_INVOICE',
  DoubleFactored: 'DOUBLE_FACTORED',
  DuplicateExact: 'DUPLICATE_EXACT',
  SupplierForgedAttestation: 'SUPPLIER_FORGED_ATTESTATION',
  FraudSignal: 'FRAUD_SIGNAL',
  ImpossibleLogistics: 'DELIVERY_BEFORE_SHIPMENT',
  SelfDealing: 'SUPPLIER_IS_BUYER',
  FutureInvoice: 'ISSUED_AFTER_DECISION_DATE',
  TitleNotOwnedBySupplier: 'TITLE_NOT_OWNED_BY_SUPPLIER',
  AlreadyPaid: 'ALREADY_PAID',
  FullyCredited: 'FULLY_CREDITED',
  FullyDisputed: 'FULLY_DISPUTED',
  AgedOverCutoff: 'AGED_OVER_CUTOFF',
  PastDueCutoff: 'PAST_DUE_CUTOFF',
  CrossAgedDebtor: 'CROSS_AGED_DEBTOR',
  BuyerNoTrustPath: 'BUYER_NO_TRUST_PATH',
  SupplierTrustLow: 'SUPPLIER_TRUST_LOW',
  BuyerTrustLow: 'BUYER_TRUST_LOW',
  BuyerLimitExceeded: 'BUYER_LIMIT_EXCEEDED',
  SupplierLimitExceeded: 'SUPPLIER_LIMIT_EXCEEDED',
  FacilityLimitExceeded: 'FACILITY_LIMIT_EXCEEDED',
  ConcentrationExceeded: 'CONCENTRATION_EXCEEDED',
  DuplicateFuzzy: 'DUPLICATE_FUZZY',
  FraudSignalReview: 'FRAUD_SIGNAL_REVIEW',
  SignerMismatch: 'SIGNER_MISMATCH',
  DeliveryAfterAck: 'DELIVERY_AFTER_ACKNOWLEDGEMENT',
  CarrierNoTrustPath: 'CARRIER_NO_TRUST_PATH',
  AckAmountMismatch: 'ACK_AMOUNT_MISMATCH',
  DisputeRateHigh: 'BUYER_DISPUTE_RATE_HIGH',
  DeliveryMissing: 'DELIVERY_MISSING',
  AckMissing: 'ACK_MISSING',
  TrustExpired: 'TRUST_EXPIRED',
  DuplicateSoft: 'DUPLICATE_SOFT_MATCH',
  DisputedAmountIneligible: 'DISPUTED_AMOUNT_INELIGIBLE',
  CreditNoteApplied: 'CREDIT_NOTE_APPLIED',
  PartiallyPaid: 'PARTIALLY_PAID',
  AckShortfall: 'ACK_SHORTFALL',
  ConcentrationHaircut: 'CONCENTRATION_HAIRCUT',
  LimitHaircut: 'LIMIT_HAIRCUT',
  DilutionAdvanceCut: 'DILUTION_ADVANCE_CUT',
  StaleTrust: 'STALE_TRUST',
  WeakFraudSignal: 'WEAK_FRAUD_SIGNAL',
  UntrustedReporterIgnored: 'UNTRUSTED_REPORTER_IGNORED',
  EventSubjectMismatch: 'EVENT_SUBJECT_MISMATCH',
  DoubleFactoringRace: 'DOUBLE_FACTORING_RACE',
  SequenceConflict: 'SEQUENCE_CONFLICT',
  DuplicateOfFinanced: 'DUPLICATE_OF_FINANCED',
  BuyerConcentrationExceeded: 'BUYER_CONCENTRATION_EXCEEDED',
  GroupConcentrationExceeded: 'GROUP_CONCENTRATION_EXCEEDED',
  InvalidEventPayload: 'INVALID_EVENT_PAYLOAD',
  EventSubjectMissing: 'EVENT_SUBJECT_MISSING',
  PaymentCurrencyMismatch: 'PAYMENT_CURRENCY_MISMATCH',
  DisputeOpen: 'DISPUTE_OPEN',
  RecentKeyEvent: 'RECENT_KEY_EVENT',
};

/**
 * Stable machine codes for every reason the engine can give; each key is its value. Values never
 * change once published. The PascalCase keys of earlier releases remain as deprecated,
 * non-enumerable aliases (so `Object.values(ReasonCode)` lists each code once).
 *
 * @example
 * ```ts
 * if (decision.reasons[0]?.code === ReasonCode.DOUBLE_FACTORED) alertRisk();
 * ```
 */
export const ReasonCode: typeof CODES & ReasonCodeAliases = Object.freeze(
  Object.defineProperties(
    { ...CODES },
    Object.fromEntries(Object.entries(ALIASES).map(([k, value]) => [k, { value, enumerable: false }])),
  ) as typeof CODES & ReasonCodeAliases,
);

/**
 * Union of every {@link ReasonCode} value.
 *
 * @example
 * ```ts
 * const c: ReasonCodeValue = 'DOUBLE_FACTORED';
 * ```
 */
export type ReasonCodeValue = (typeof ReasonCode)[keyof typeof ReasonCode];

/**
 * Severity, rank and fraud flag of one reason code.
 *
 * @example
 * ```ts
 * const info: ReasonInfo = REASON_INFO.DOUBLE_FACTORED; // { severity: 'reject', rank: 1, fraud: true }
 * ```
 */
export interface ReasonInfo {
  readonly severity: ReasonSeverity;
  /** Position in the stable ranking (0 = most serious). */
  readonly rank: number;
  /** True when the code is a fraud signal (listed in a decision's `fraudFlags`). */
  readonly fraud: boolean;
}

/**
 * Severity, stable rank and fraud flag of every code. Reasons in a decision are sorted by
 * severity, then by this rank, then by their detail text.
 *
 * @example
 * ```ts
 * REASON_INFO.DUPLICATE_FUZZY.severity; // 'review'
 * ```
 */
export const REASON_INFO: Readonly<Record<ReasonCodeValue, ReasonInfo>> = {
  INVALID_INVOICE: { severity: 'reject', rank: 0, fraud: false },
  DOUBLE_FACTORED: { severity: 'reject', rank: 1, fraud: true },
  DUPLICATE_EXACT: { severity: 'reject', rank: 2, fraud: true },
  SUPPLIER_FORGED_ATTESTATION: { severity: 'reject', rank: 3, fraud: true },
  FRAUD_SIGNAL: { severity: 'reject', rank: 4, fraud: true },
  DELIVERY_BEFORE_SHIPMENT: { severity: 'reject', rank: 5, fraud: true },
  SUPPLIER_IS_BUYER: { severity: 'reject', rank: 6, fraud: true },
  ISSUED_AFTER_DECISION_DATE: { severity: 'reject', rank: 7, fraud: true },
  TITLE_NOT_OWNED_BY_SUPPLIER: { severity: 'reject', rank: 8, fraud: true },
  ALREADY_PAID: { severity: 'reject', rank: 9, fraud: false },
  FULLY_CREDITED: { severity: 'reject', rank: 10, fraud: false },
  FULLY_DISPUTED: { severity: 'reject', rank: 11, fraud: false },
  AGED_OVER_CUTOFF: { severity: 'reject', rank: 12, fraud: false },
  PAST_DUE_CUTOFF: { severity: 'reject', rank: 13, fraud: false },
  CROSS_AGED_DEBTOR: { severity: 'reject', rank: 14, fraud: false },
  BUYER_NO_TRUST_PATH: { severity: 'reject', rank: 15, fraud: false },
  SUPPLIER_TRUST_LOW: { severity: 'reject', rank: 16, fraud: false },
  BUYER_TRUST_LOW: { severity: 'reject', rank: 17, fraud: false },
  BUYER_LIMIT_EXCEEDED: { severity: 'reject', rank: 18, fraud: false },
  SUPPLIER_LIMIT_EXCEEDED: { severity: 'reject', rank: 19, fraud: false },
  FACILITY_LIMIT_EXCEEDED: { severity: 'reject', rank: 20, fraud: false },
  CONCENTRATION_EXCEEDED: { severity: 'reject', rank: 21, fraud: false },
  DUPLICATE_FUZZY: { severity: 'review', rank: 22, fraud: true },
  FRAUD_SIGNAL_REVIEW: { severity: 'review', rank: 23, fraud: true },
  SIGNER_MISMATCH: { severity: 'review', rank: 24, fraud: true },
  DELIVERY_AFTER_ACKNOWLEDGEMENT: { severity: 'review', rank: 25, fraud: true },
  CARRIER_NO_TRUST_PATH: { severity: 'review', rank: 26, fraud: false },
  ACK_AMOUNT_MISMATCH: { severity: 'review', rank: 27, fraud: true },
  BUYER_DISPUTE_RATE_HIGH: { severity: 'review', rank: 28, fraud: false },
  DELIVERY_MISSING: { severity: 'pending', rank: 29, fraud: false },
  ACK_MISSING: { severity: 'pending', rank: 30, fraud: false },
  // Expired trust counts as no trust (what a node that skips expired edges reports): the trust
  // rules decide, this only says why.
  TRUST_EXPIRED: { severity: 'info', rank: 31, fraud: false },
  DUPLICATE_SOFT_MATCH: { severity: 'adjust', rank: 32, fraud: true },
  DISPUTED_AMOUNT_INELIGIBLE: { severity: 'adjust', rank: 33, fraud: false },
  CREDIT_NOTE_APPLIED: { severity: 'adjust', rank: 34, fraud: false },
  PARTIALLY_PAID: { severity: 'adjust', rank: 35, fraud: false },
  ACK_SHORTFALL: { severity: 'adjust', rank: 36, fraud: false },
  CONCENTRATION_HAIRCUT: { severity: 'adjust', rank: 37, fraud: false },
  LIMIT_HAIRCUT: { severity: 'adjust', rank: 38, fraud: false },
  DILUTION_ADVANCE_CUT: { severity: 'adjust', rank: 39, fraud: false },
  STALE_TRUST: { severity: 'adjust', rank: 40, fraud: false },
  WEAK_FRAUD_SIGNAL: { severity: 'info', rank: 41, fraud: true },
  UNTRUSTED_REPORTER_IGNORED: { severity: 'info', rank: 42, fraud: false },
  EVENT_SUBJECT_MISMATCH: { severity: 'reject', rank: 43, fraud: true },
  DOUBLE_FACTORING_RACE: { severity: 'reject', rank: 44, fraud: true },
  SEQUENCE_CONFLICT: { severity: 'reject', rank: 45, fraud: true },
  DUPLICATE_OF_FINANCED: { severity: 'reject', rank: 46, fraud: true },
  BUYER_CONCENTRATION_EXCEEDED: { severity: 'reject', rank: 47, fraud: false },
  GROUP_CONCENTRATION_EXCEEDED: { severity: 'reject', rank: 48, fraud: false },
  INVALID_EVENT_PAYLOAD: { severity: 'review', rank: 49, fraud: false },
  EVENT_SUBJECT_MISSING: { severity: 'review', rank: 50, fraud: false },
  PAYMENT_CURRENCY_MISMATCH: { severity: 'review', rank: 51, fraud: false },
  DISPUTE_OPEN: { severity: 'pending', rank: 52, fraud: false },
  RECENT_KEY_EVENT: { severity: 'review', rank: 53, fraud: false },
  PO_MATCH_MISSING: { severity: 'pending', rank: 54, fraud: false },
  PO_MISMATCH: { severity: 'review', rank: 55, fraud: false },
  LEDGER_FINDING: { severity: 'review', rank: 56, fraud: false },
  FUTURE_DATED_EVIDENCE: { severity: 'pending', rank: 57, fraud: false },
  CONFLICTING_EVENTS: { severity: 'review', rank: 58, fraud: true },
  // Due longer after the decision date than the policy's maxTenorDays.
  TENOR_TOO_LONG: { severity: 'reject', rank: 59, fraud: false },
  // The fee reaches the eligible amount: nothing would be paid for the invoice.
  PRICE_NOT_POSITIVE: { severity: 'reject', rank: 60, fraud: false },
  // Two different invoices under one id in one batch: at least one is not what it claims to be.
  INVOICE_ID_REUSED: { severity: 'review', rank: 61, fraud: true },
  // A bill of lading or delivery proof another known invoice already names: one shipment, two
  // receivables (or a split shipment a person should confirm).
  SHARED_SHIPPING_DOCUMENT: { severity: 'review', rank: 62, fraud: true },
  // No credit limit on file for the buyer and no policy default (with `requireBuyerLimit`).
  BUYER_LIMIT_MISSING: { severity: 'pending', rank: 63, fraud: false },
  // Title ownership is checked but no title was passed: it may already be sold to another financier.
  TITLE_UNKNOWN: { severity: 'pending', rank: 64, fraud: false },
  // A 'supplier' or 'buyer' stake of the title held by someone other than that party of the invoice.
  TITLE_ROLE_MISMATCH: { severity: 'review', rank: 65, fraud: true },
  // Supplier and buyer in one group of the portfolio's buyerGroup: an intra-group sale.
  RELATED_PARTY: { severity: 'reject', rank: 66, fraud: false },
  // The invoice's currency is not the one the portfolio's limits and exposures are kept in.
  CURRENCY_NOT_BOOK: { severity: 'review', rank: 67, fraud: false },
  // The buyer also sells to the supplier in the book: what the supplier owes it is ineligible.
  CONTRA_HAIRCUT: { severity: 'adjust', rank: 68, fraud: false },
  // A buyer group's limit (its own, or the default buyer limit) has no room ('reject' limit mode).
  GROUP_LIMIT_EXCEEDED: { severity: 'reject', rank: 69, fraud: false },
  // No invoice.issued signed by the supplier counted: the invoice itself is not on the ledger.
  ISSUED_EVENT_MISSING: { severity: 'pending', rank: 70, fraud: false },
  // The invoice input contradicts the invoice the supplier signed (re-dated, re-priced, re-billed).
  ISSUED_PAYLOAD_MISMATCH: { severity: 'review', rank: 71, fraud: true },
  // Two counted invoice.issued events with different content: which invoice is being sold?
  INVOICE_REISSUED: { severity: 'review', rank: 72, fraud: true },
  // The signed invoice lets the buyer pay less for paying early: that share is not eligible.
  EARLY_PAYMENT_DISCOUNT: { severity: 'adjust', rank: 73, fraud: false },
  // Goods shipped (or delivered) longer before the invoice than the policy allows: re-dating.
  SHIPPED_LONG_BEFORE_ISSUE: { severity: 'review', rank: 74, fraud: true },
  // The buyer's acknowledgement says it pays after the due date: priced and tenor-checked to that date.
  ACK_PAY_DATE_AFTER_DUE: { severity: 'info', rank: 75, fraud: false },
  // Later past due than the buyer's P90 lateness: nothing in its history says when it will pay.
  OVERDUE_BEYOND_BUYER_PATTERN: { severity: 'review', rank: 76, fraud: false },
  // More of the title than maxThirdPartyTitleShareBps held by others than the supplier and buyer:
  // part of what the buyer pays may already be sold.
  TITLE_SHARED: { severity: 'review', rank: 77, fraud: false },
  // A supplier or buyer trust reading with no observedAt: its age, so its freshness, is unknown.
  TRUST_UNDATED: { severity: 'pending', rank: 78, fraud: false },
  // A due date earlier than the invoice's own net terms give the buyer (F5, pre-invoicing sign).
  DUE_DATE_BEFORE_TERMS: { severity: 'review', rank: 79, fraud: true },
  // The buyer acknowledged the invoice before its issue date: the invoice was re-dated.
  ACK_BEFORE_ISSUE: { severity: 'review', rank: 80, fraud: true },
  // The invoice is one of a circle of sales of about the same amount (A to B, B to C, C to A).
  CIRCULAR_TRADE: { severity: 'review', rank: 81, fraud: true },
  // The financier trusts the buyer, or the carrier that attests delivery, only through the supplier
  // (or its group): the supplier vouches for its own debtor or witness (a friend posing as one).
  BUYER_TRUST_VIA_SUPPLIER: { severity: 'review', rank: 82, fraud: true },
  CARRIER_TRUST_VIA_SUPPLIER: { severity: 'review', rank: 83, fraud: true },
  // A buyer the financier has never dealt with: verify the debtor before the first purchase.
  NEW_DEBTOR: { severity: 'review', rank: 84, fraud: false },
  // No invoice number the copy checks can read (missing, or only separators and invisible
  // characters): two copies of one receivable would both be bought.
  INVOICE_NUMBER_UNREADABLE: { severity: 'review', rank: 85, fraud: true },
  // A supplier, buyer or carrier reading older than the policy's bound: a new one is needed.
  TRUST_TOO_OLD: { severity: 'pending', rank: 86, fraud: false },
  // The fee is more than the reserve: the advance is cut to the purchase price.
  FEE_ABOVE_RESERVE: { severity: 'adjust', rank: 87, fraud: false },
  // Terms that run from delivery or receipt the stream does not show yet: no date to price to.
  TERMS_START_UNKNOWN: { severity: 'pending', rank: 88, fraud: false },
  // Cash terms (CIA, COD, PIA, CWO): no credit to the buyer, so nothing should be left to collect.
  CASH_TERMS: { severity: 'review', rank: 89, fraud: false },
  // The buyer's expected dilution is more than the reserve (the advance rate is at its floor): the
  // buyer is expected to pay less than the advance.
  DILUTION_ABOVE_RESERVE: { severity: 'review', rank: 90, fraud: false },
  // A buyer or carrier reading through others that names no path: whether it runs through the
  // supplier (its own word for its debtor or witness) cannot be told.
  TRUST_PATH_UNKNOWN: { severity: 'pending', rank: 91, fraud: false },
  // The terms ask for a deposit ("50% deposit, balance net 30"): that share is paid before the
  // due date, so it is not there to collect (not a discount; a 100 % deposit is CASH_TERMS).
  TERMS_DEPOSIT: { severity: 'adjust', rank: 92, fraud: false },
  // The buyer also sells to the supplier, in another currency than the invoice's (in the book or
  // the batch): what it may set off is not known without an exchange rate, so nothing is netted.
  CONTRA_CURRENCY_MISMATCH: { severity: 'review', rank: 93, fraud: false },
  // Payment terms longer than MAX_TERMS_LENGTH: not read, so the credit they give is not known.
  TERMS_TOO_LONG: { severity: 'review', rank: 94, fraud: false },
  // Batch only: the circle search through the invoice ran out of its budget before it could show
  // there is no circle.
  CIRCLE_SEARCH_INCOMPLETE: { severity: 'review', rank: 95, fraud: false },
  // Batch only: a circle of sales within 30 days with legs in different currencies: no exchange
  // rate is guessed, so whether the amounts are alike is not known, and the circle is held.
  CIRCULAR_TRADE_MIXED_CURRENCY: { severity: 'review', rank: 96, fraud: true },
  // The terms offer an early-payment discount ("Skonto nach Vereinbarung") at no rate the engine
  // can read, and the invoice states none: the buyer may pay less by an unknown amount.
  DISCOUNT_RATE_UNKNOWN: { severity: 'review', rank: 97, fraud: false },
  // A fraud signal's reporter has no reading in the trust source at all (never read, not read as
  // untrusted): whether it could veto is unknown, so the invoice waits for the reading.
  REPORTER_TRUST_MISSING: { severity: 'pending', rank: 98, fraud: false },
  // The terms state days the engine cannot count ("zweihundert Tage", "10 business days") and no
  // net days it can: the date the buyer must pay by is not known.
  TERMS_DAYS_UNREAD: { severity: 'review', rank: 99, fraud: false },
  // The terms give a discount window and no net period ("2/10 EOM", "2% within 10 days"), and the
  // due date is before the customary net date (20 days after the window): priced to that date.
  TERMS_NET_UNSTATED: { severity: 'review', rank: 100, fraud: false },
};
