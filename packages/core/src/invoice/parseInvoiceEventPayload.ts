import { toValidationIssues } from '../document/zodIssues.js';
import { ValidationError, type ValidationIssue } from '../errors/ValidationError.js';
import { describeValue } from '../wire/describeValue.js';
import { fraudSignalKind, INVOICE_EVENT_TYPES } from './eventTypes.js';
import { payloadSchemas } from './payloadSchemas.js';
import type { InvoiceEventPayload } from './payloadTypes.js';

/**
 * Result of {@link safeParseInvoiceEventPayload}.
 *
 * @example
 * ```ts
 * const r: InvoiceEventPayloadResult = safeParseInvoiceEventPayload('note.added', {});
 * if (!r.ok) console.log(r.issues[0]?.path); // 'eventType'
 * ```
 */
export type InvoiceEventPayloadResult =
  | { readonly ok: true; readonly event: InvoiceEventPayload }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

const FIXED: readonly string[] = Object.values(INVOICE_EVENT_TYPES);

/**
 * Like {@link parseInvoiceEventPayload} but returns `{ ok: false, issues }` instead of throwing.
 *
 * @example
 * ```ts
 * const r = safeParseInvoiceEventPayload('carrier.shipped', { carrierQuid: 'x' });
 * if (!r.ok) console.log(r.issues.map((i) => i.path)); // ['payload.carrierQuid', 'payload.billOfLading', ...]
 * ```
 */
export function safeParseInvoiceEventPayload(eventType: string, payload: unknown): InvoiceEventPayloadResult {
  const kind = fraudSignalKind(eventType);
  if (kind === undefined && !FIXED.includes(eventType)) {
    return {
      ok: false,
      issues: [
        { path: 'eventType', message: `${describeValue(eventType)} is not an invoice-domain event type` },
      ],
    };
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return {
      ok: false,
      issues: [{ path: 'payload', message: `expected an object, got ${describeValue(payload)}` }],
    };
  }
  // The node reads a payload key `expiresAt` as nanoseconds and hides the event (PROTOCOL G12).
  const forbidden: ValidationIssue[] = Object.hasOwn(payload, 'expiresAt')
    ? [
        {
          path: 'payload.expiresAt',
          message: 'never use the key "expiresAt": the node reads it as nanoseconds and hides the event',
        },
      ]
    : [];
  const schemas = payloadSchemas();
  const schema = kind === undefined ? schemas[eventType as keyof typeof schemas] : schemas.fraud;
  const withoutExpires = forbidden.length ? omitKey(payload, 'expiresAt') : payload;
  const result = schema.safeParse(withoutExpires);
  const issues = [
    ...forbidden,
    ...(result.success ? [] : toValidationIssues('payload', result.error.issues)),
  ];
  if (issues.length > 0) return { ok: false, issues };
  // zod/mini output matches payloadTypes.ts field for field (strict objects, JSON input).
  const data = result.data as never;
  const event: InvoiceEventPayload =
    kind === undefined
      ? ({ eventType, payload: data } as InvoiceEventPayload)
      : { eventType: eventType as `fraud.signal.${string}`, kind, payload: data };
  return { ok: true, event };
}

/**
 * Validates an invoice event payload against the contract and returns it typed, discriminated
 * on `eventType`. Rules: amounts are safe non-negative integers in minor units (and positive
 * where zero makes no sense: the invoice amount, credits, payments, disputed amounts); times are
 * integer Unix seconds (below 1e11); quid ids match `^[a-f0-9]{16}$`; currencies are known
 * ISO 4217 codes; no `expiresAt` key; no unknown keys (a misspelt optional field would
 * otherwise vanish silently). Throws `ValidationError('INVALID_PAYLOAD')` listing every
 * problem with its path (`payload.amountMinor`, `eventType`).
 *
 * @example
 * ```ts
 * const e = parseInvoiceEventPayload('payment.received', {
 *   paymentId: 'p1', allocationId: 'a1', amountMinor: 1050, currency: 'USD', receivedAt: 1_790_000_000,
 * });
 * if (e.eventType === 'payment.received') console.log(e.payload.amountMinor); // 1050
 * ```
 */
export function parseInvoiceEventPayload(eventType: string, payload: unknown): InvoiceEventPayload {
  const result = safeParseInvoiceEventPayload(eventType, payload);
  if (!result.ok) throw new ValidationError('INVALID_PAYLOAD', result.issues);
  return result.event;
}

function omitKey(value: object, key: string): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...value };
  delete copy[key];
  return copy;
}
