// Internal zod/mini schemas of the invoice event payloads. Built lazily on first use (no
// module-level calls, so importing core costs nothing when payloads are never parsed) and
// kept out of the public declarations: callers see payloadTypes.ts.
import * as z from 'zod/mini';
import { type CurrencyCode, isCurrencyCode } from '../money/currencies.js';
import { QUID_ID_PATTERN } from '../wire/protocol.js';
import type {
  BuyerAcknowledgedPayload,
  BuyerDisputedPayload,
  CarrierDeliveredPayload,
  CarrierShippedPayload,
  DisputeResolvedPayload,
  FactorPurchasedPayload,
  FraudSignalPayload,
  InvoiceCreditedPayload,
  InvoiceIssuedPayload,
  InvoiceSentPayload,
  PaymentReceivedPayload,
  PoMatchedPayload,
  PoMismatchPayload,
} from './payloadTypes.js';

/** Title asset ids become URL path segments: keep to [A-Za-z0-9._:-] (PROTOCOL G10). */
export const INVOICE_ID: RegExp = /^[A-Za-z0-9._:-]{1,256}$/;
/** Unix seconds below 1e11 (year 5138): larger values are almost surely milliseconds. */
export const MAX_UNIX_SECONDS = 99_999_999_999;

function buildSchemas() {
  const quid = () =>
    z.string().check(z.regex(QUID_ID_PATTERN, 'must be a quid id: 16 lowercase hex characters'));
  const text = (max: number) =>
    z
      .string()
      .check(z.minLength(1, 'must not be empty'), z.maxLength(max, `must be at most ${max} characters`));
  const minor = (min: 0 | 1) =>
    z
      .int('must be a safe integer number of minor units')
      .check(z.minimum(min, min === 0 ? 'must not be negative' : 'must be positive'));
  const seconds = () =>
    z
      .int('must be integer Unix seconds')
      .check(
        z.minimum(0, 'must not be negative'),
        z.maximum(MAX_UNIX_SECONDS, 'must be Unix seconds, not milliseconds or nanoseconds'),
      );
  const currency = () =>
    z.custom<CurrencyCode>((v) => isCurrencyCode(v), { error: 'must be a known ISO 4217 currency code' });
  const bps = () =>
    z
      .int('must be integer basis points')
      .check(z.minimum(0, 'must not be negative'), z.maximum(10_000, 'must be at most 10000'));

  const matchMode = () => z.enum(['two-way', 'three-way'], 'must be "two-way" or "three-way"');

  return {
    'invoice.issued': z.strictObject({
      invoiceId: z.string().check(z.regex(INVOICE_ID, 'must be 1-256 characters of [A-Za-z0-9._:-]')),
      invoiceNumber: text(128),
      supplierQuid: quid(),
      buyerQuid: quid(),
      amountMinor: minor(1),
      currency: currency(),
      issuedAt: seconds(),
      dueAt: seconds(),
      terms: text(64),
      invoiceHash: z
        .string()
        .check(z.regex(/^[a-f0-9]{64}$/, 'must be a lowercase hex SHA-256 (64 characters)')),
      poReference: z.optional(text(128)),
      paymentReference: z.optional(text(140)),
      carrierQuid: z.optional(quid()),
      taxMinor: z.optional(minor(0)),
      earlyPaymentDiscount: z.optional(
        z.strictObject({
          rateBps: bps(),
          withinDays: z.int('must be whole days').check(z.minimum(0, 'must not be negative')),
        }),
      ),
    }),
    'carrier.shipped': z.strictObject({ carrierQuid: quid(), billOfLading: text(128), shippedAt: seconds() }),
    'carrier.delivered': z.strictObject({
      carrierQuid: quid(),
      deliveryProof: text(256),
      deliveredAt: seconds(),
    }),
    'buyer.acknowledged': z.strictObject({
      buyerQuid: quid(),
      acknowledgedAmountMinor: minor(0),
      acknowledgedAt: seconds(),
      expectedPayDate: z.optional(seconds()),
    }),
    'buyer.disputed': z.strictObject({
      buyerQuid: quid(),
      disputeId: text(128),
      disputedAmountMinor: minor(1),
      reason: text(1024),
      disputedAt: seconds(),
    }),
    'dispute.resolved': z.strictObject({
      disputeId: text(128),
      outcome: z.enum(['withdrawn', 'credited', 'rejected'], 'must be "withdrawn", "credited" or "rejected"'),
      resolvedAt: seconds(),
      creditNoteId: z.optional(text(128)),
    }),
    'invoice.credited': z.strictObject({
      creditNoteId: text(128),
      amountMinor: minor(1),
      reason: text(1024),
      creditedAt: seconds(),
      disputeId: z.optional(text(128)),
    }),
    'factor.purchased': z.strictObject({
      financierQuid: quid(),
      purchasePriceMinor: minor(0),
      advanceMinor: z.optional(minor(0)),
      discountBps: z.optional(bps()),
      factoredAt: seconds(),
      recourse: z.optional(z.boolean('must be true or false')),
    }),
    'payment.received': z.strictObject({
      paymentId: text(128),
      allocationId: text(128),
      amountMinor: minor(1),
      currency: currency(),
      receivedAt: seconds(),
      method: z.optional(text(64)),
      payerName: z.optional(text(256)),
      bankReference: z.optional(text(256)),
      statementId: z.optional(text(128)),
      matchConfidence: z.optional(
        z
          .number('must be a number from 0 to 1')
          .check(z.minimum(0, 'must be at least 0'), z.maximum(1, 'must be at most 1')),
      ),
      reconciled: z.optional(z.boolean('must be true or false')),
    }),
    'invoice.sent': z.strictObject({
      supplierQuid: quid(),
      channel: text(64),
      sentAt: seconds(),
      format: z.optional(text(64)),
      documentHash: z.optional(
        z.string().check(z.regex(/^[a-f0-9]{64}$/, 'must be a lowercase hex SHA-256 (64 characters)')),
      ),
      messageId: z.optional(text(256)),
    }),
    'po.matched': z.strictObject({
      buyerQuid: quid(),
      poNumber: text(128),
      mode: matchMode(),
      matchedAmountMinor: minor(0),
      matchedAt: seconds(),
      receiptIds: z.optional(
        z
          .array(text(128))
          .check(z.minLength(1, 'must not be empty'), z.maxLength(64, 'must have at most 64 ids')),
      ),
    }),
    'po.mismatch': z.strictObject({
      buyerQuid: quid(),
      poNumber: text(128),
      mode: matchMode(),
      reasons: z
        .array(
          z.strictObject({
            code: z.string().check(z.regex(/^[A-Z][A-Z0-9_]{0,63}$/, 'must be an UPPER_SNAKE reason code')),
            lineId: z.optional(text(128)),
          }),
        )
        .check(
          z.minLength(1, 'must name at least one reason'),
          z.maxLength(200, 'must have at most 200 reasons'),
        ),
      mismatchedAt: seconds(),
    }),
    fraud: z.strictObject({
      reporterQuid: quid(),
      evidence: text(2048),
      reportedAt: seconds(),
      severity: z.optional(z.enum(['low', 'medium', 'high'], 'must be "low", "medium" or "high"')),
    }),
  };
}

// The schemas as built: zod's inferred types, kept inside this module (isolatedDeclarations).
type Built = ReturnType<typeof buildSchemas>;

/** The payload interface each schema key validates (`fraud` for every `fraud.signal.*`). */
interface PayloadByKey {
  readonly 'invoice.issued': InvoiceIssuedPayload;
  readonly 'carrier.shipped': CarrierShippedPayload;
  readonly 'carrier.delivered': CarrierDeliveredPayload;
  readonly 'buyer.acknowledged': BuyerAcknowledgedPayload;
  readonly 'buyer.disputed': BuyerDisputedPayload;
  readonly 'dispute.resolved': DisputeResolvedPayload;
  readonly 'invoice.credited': InvoiceCreditedPayload;
  readonly 'factor.purchased': FactorPurchasedPayload;
  readonly 'payment.received': PaymentReceivedPayload;
  readonly fraud: FraudSignalPayload;
  readonly 'invoice.sent': InvoiceSentPayload;
  readonly 'po.matched': PoMatchedPayload;
  readonly 'po.mismatch': PoMismatchPayload;
}

/**
 * The payload schemas, keyed by event type (`fraud` for every `fraud.signal.*`). Outputs are typed
 * `unknown` here (zod's optional fields are `T | undefined`, the interfaces' are exact): callers cast
 * to the interface, which PayloadTypesMatchSchemas below keeps honest.
 */
export type PayloadSchemas = { readonly [K in keyof PayloadByKey]: z.ZodMiniType<unknown> };

// Only compiles while the interfaces and the schemas agree (PayloadTypesMatchSchemas below).
type Checked<T, _Ok extends true> = T;
let cache: Checked<Built, PayloadTypesMatchSchemas> | undefined;

/** Lazily built payload schemas (internal). */
export function payloadSchemas(): PayloadSchemas {
  cache ??= buildSchemas();
  return cache;
}

// Compile-time guard: the schemas and the public interfaces in payloadTypes.ts must have the
// same keys, and every interface value must satisfy its schema's output type.
type Out<K extends keyof Built> = z.output<Built[K]>;
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
type Matches<K extends keyof Built, I> =
  SameKeys<Out<K>, I> extends true ? (I extends Out<K> ? true : false) : false;
type Assert<T extends true> = T;
type AllTrue<T extends readonly boolean[]> = T[number] extends true ? true : false;
/** Internal compile-time check: `true`, or a compile error. */
type PayloadTypesMatchSchemas = Assert<
  AllTrue<
    [
      Matches<'invoice.issued', InvoiceIssuedPayload>,
      Matches<'carrier.shipped', CarrierShippedPayload>,
      Matches<'carrier.delivered', CarrierDeliveredPayload>,
      Matches<'buyer.acknowledged', BuyerAcknowledgedPayload>,
      Matches<'buyer.disputed', BuyerDisputedPayload>,
      Matches<'dispute.resolved', DisputeResolvedPayload>,
      Matches<'invoice.credited', InvoiceCreditedPayload>,
      Matches<'factor.purchased', FactorPurchasedPayload>,
      Matches<'payment.received', PaymentReceivedPayload>,
      Matches<'fraud', FraudSignalPayload>,
      Matches<'invoice.sent', InvoiceSentPayload>,
      Matches<'po.matched', PoMatchedPayload>,
      Matches<'po.mismatch', PoMismatchPayload>,
    ]
  >
>;
