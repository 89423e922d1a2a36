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

/**
 * Stable machine codes for every reason the engine can give. Values never change once published.
 *
 * @example
 * ```ts
 * if (decision.reasons[0]?.code === ReasonCode.DoubleFactored) alertRisk();
 * ```
 */
export const ReasonCode = {
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
} as const;

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
};
