// The verified event shape the engine reads from an invoice's stream.

import type { VerifiedInvoiceEvent } from '@quidfin/core';

/**
 * One event from an invoice's stream whose signature the caller has already checked: the shared
 * "verified event" shape, `@quidfin/core`'s `VerifiedInvoiceEvent`, plus the stream it was read
 * from (`subjectId`, the invoice id; `verifyInvoiceEvents` in core fills it). The engine trusts
 * `signerQuid` and nothing else about origin, and under the standard policy counts an event only
 * when its `subjectId` is the invoice being decided.
 *
 * @example
 * ```ts
 * const ev: VerifiedEvent = {
 *   subjectId: 'inv-1', id: 'ev-1', eventType: 'carrier.shipped', signerQuid: 'carrier-z', sequence: 2, timestamp: 1_700_000_100,
 *   payload: { carrierQuid: 'carrier-z', billOfLading: 'BOL-1', shippedAt: 1_700_000_100 },
 * };
 * ```
 */
export type VerifiedEvent = VerifiedInvoiceEvent & { readonly subjectId?: string };
