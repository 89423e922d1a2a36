// The invoice as the engine sees it, and its construction from an issued payload.

import type { EarlyPaymentDiscount } from '@quidfin/core';

/**
 * One owner of the invoice TITLE. `percentage` is the owner's share of the title, a fraction in
 * (0, 1]; the shares of all owners sum to 1 within 1e-6 (a node title written on the 0..100 scale
 * must be divided by 100). Anything else is refused as `INVALID_INPUT`. `stakeType` names the role.
 *
 * @example
 * ```ts
 * const owner: TitleOwnerShare = { ownerId: 'supplier-a', percentage: 0.92, stakeType: 'supplier' };
 * ```
 */
export interface TitleOwnerShare {
  readonly ownerId: string;
  readonly percentage: number;
  readonly stakeType?: string;
}

/**
 * The invoice as the engine sees it: the fields of `invoice.issued` plus, optionally, the current
 * owners of its TITLE. Money in integer minor units, times in Unix seconds.
 *
 * @example
 * ```ts
 * const inv: InvoiceInput = {
 *   invoiceId: 'inv-1', invoiceNumber: 'INV-0001', supplierQuid: 'supplier-a', buyerQuid: 'buyer-x',
 *   amountMinor: 5_000_000, currency: 'USD', issuedAt: 1_700_000_000, dueAt: 1_705_184_000,
 * };
 * ```
 */
export interface InvoiceInput {
  readonly invoiceId: string;
  readonly invoiceNumber?: string;
  readonly supplierQuid: string;
  readonly buyerQuid: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly issuedAt: number;
  readonly dueAt: number;
  readonly terms?: string;
  readonly poReference?: string;
  readonly carrierQuid?: string;
  /**
   * The early-payment (skonto) discount the invoice grants: the buyer may pay `rateBps` less
   * within `withinDays`, so that share of face is not eligible. The engine also reads it from the
   * signed `invoice.issued` (the larger rate counts).
   */
  readonly earlyPaymentDiscount?: EarlyPaymentDiscount;
  /**
   * Current owners of the invoice TITLE; omit when unknown (title checks are then skipped). The
   * supplier must hold more than half of it (lines naming one owner twice are added up).
   */
  readonly titleOwners?: readonly TitleOwnerShare[];
}

/**
 * Reads the engine's invoice input from an `invoice.issued` payload (and optional title owners),
 * its early-payment discount included. Returns `undefined` when the payload is not an object, a
 * required field is missing or has the wrong type, or the discount is there but not two integers.
 *
 * @example
 * ```ts
 * const inv = invoiceFromIssuedPayload({ invoiceId: 'inv-1', invoiceNumber: 'INV-1', supplierQuid: 's',
 *   buyerQuid: 'b', amountMinor: 100, currency: 'USD', issuedAt: 1, dueAt: 2 });
 * ```
 */
export function invoiceFromIssuedPayload(
  payload: Readonly<Record<string, unknown>>,
  titleOwners?: readonly TitleOwnerShare[],
): InvoiceInput | undefined {
  // What a wire carries can be anything: null or a list is no invoice either.
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return undefined;
  const p = payload;
  const invoiceId = p['invoiceId'];
  const supplierQuid = p['supplierQuid'];
  const buyerQuid = p['buyerQuid'];
  const amountMinor = p['amountMinor'];
  const currency = p['currency'];
  const issuedAt = p['issuedAt'];
  const dueAt = p['dueAt'];
  if (
    typeof invoiceId !== 'string' ||
    typeof supplierQuid !== 'string' ||
    typeof buyerQuid !== 'string' ||
    typeof currency !== 'string' ||
    !Number.isSafeInteger(amountMinor) ||
    !Number.isSafeInteger(issuedAt) ||
    !Number.isSafeInteger(dueAt)
  ) {
    return undefined;
  }
  const out: {
    -readonly [K in keyof InvoiceInput]: InvoiceInput[K];
  } = {
    invoiceId,
    supplierQuid,
    buyerQuid,
    amountMinor: amountMinor as number,
    currency,
    issuedAt: issuedAt as number,
    dueAt: dueAt as number,
  };
  const str = (k: string): string | undefined => (typeof p[k] === 'string' ? (p[k] as string) : undefined);
  const invoiceNumber = str('invoiceNumber');
  if (invoiceNumber !== undefined) out.invoiceNumber = invoiceNumber;
  const terms = str('terms');
  if (terms !== undefined) out.terms = terms;
  const po = str('poReference');
  if (po !== undefined) out.poReference = po;
  const carrier = str('carrierQuid');
  if (carrier !== undefined) out.carrierQuid = carrier;
  const discount = p['earlyPaymentDiscount'];
  if (typeof discount === 'object' && discount !== null) {
    const { rateBps, withinDays } = discount as Record<string, unknown>;
    if (!Number.isSafeInteger(rateBps) || !Number.isSafeInteger(withinDays)) return undefined;
    out.earlyPaymentDiscount = { rateBps: rateBps as number, withinDays: withinDays as number };
  } else if (discount !== undefined) return undefined;
  if (titleOwners !== undefined) out.titleOwners = titleOwners;
  return out;
}
