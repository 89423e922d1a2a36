import { fraudSignalKind } from './eventTypes.js';
import { type InvoiceParties, isCarrier, isFinancier } from './InvoiceParties.js';
import { safeParseInvoiceEventPayload } from './parseInvoiceEventPayload.js';
import type { InvoiceEventPayload } from './payloadTypes.js';
import type { VerifiedInvoiceEvent } from './VerifiedInvoiceEvent.js';

/**
 * The roles a party can play on an invoice stream.
 *
 * @example
 * ```ts
 * const r: SignerRole = 'carrier';
 * ```
 */
export type SignerRole = 'supplier' | 'buyer' | 'carrier' | 'financier';

/**
 * Roles allowed to sign `eventType` (empty for a non-invoice event type). Role alone is not
 * enough: {@link checkEventSigner} also binds the signer to the payload (e.g. delivery must come
 * from the carrier that shipped, payment from the supplier or the financier that purchased).
 *
 * @example
 * ```ts
 * authorizedSignerRoles('carrier.delivered'); // ['carrier']
 * authorizedSignerRoles('payment.received');  // ['supplier', 'financier']
 * authorizedSignerRoles('fraud.signal.invoice-forged'); // ['supplier', 'buyer', 'carrier', 'financier']
 * ```
 */
export function authorizedSignerRoles(eventType: string): readonly SignerRole[] {
  switch (eventType) {
    case 'invoice.issued':
    case 'invoice.credited':
    case 'invoice.sent':
      return ['supplier'];
    case 'carrier.shipped':
    case 'carrier.delivered':
      return ['carrier'];
    case 'buyer.acknowledged':
    case 'buyer.disputed':
    case 'po.matched':
    case 'po.mismatch':
      return ['buyer'];
    case 'dispute.resolved':
      return ['supplier', 'buyer'];
    case 'factor.purchased':
      return ['financier'];
    case 'payment.received':
      return ['supplier', 'financier'];
    default:
      return fraudSignalKind(eventType) !== undefined ? ['supplier', 'buyer', 'carrier', 'financier'] : [];
  }
}

/**
 * Why a signer check failed: `UNKNOWN_EVENT_TYPE`, `INVALID_PAYLOAD`, `SIGNER_NOT_AUTHORIZED`
 * (wrong party) or `SIGNER_PAYLOAD_MISMATCH` (the payload names someone other than the signer).
 *
 * @example
 * ```ts
 * const code: SignerCheckCode = 'SIGNER_NOT_AUTHORIZED';
 * ```
 */
export type SignerCheckCode =
  | 'UNKNOWN_EVENT_TYPE'
  | 'INVALID_PAYLOAD'
  | 'SIGNER_NOT_AUTHORIZED'
  | 'SIGNER_PAYLOAD_MISMATCH';

/**
 * Result of {@link checkEventSigner}.
 *
 * @example
 * ```ts
 * const r: SignerCheckResult = { ok: false, code: 'SIGNER_NOT_AUTHORIZED', message: 'not the buyer' };
 * ```
 */
export type SignerCheckResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: SignerCheckCode; readonly message: string };

const OK: SignerCheckResult = { ok: true };

function fail(code: SignerCheckCode, message: string): SignerCheckResult {
  return { ok: false, code, message };
}

function claims(field: string, claimed: string, signer: string): SignerCheckResult {
  return claimed === signer
    ? OK
    : fail('SIGNER_PAYLOAD_MISMATCH', `payload.${field} is ${claimed} but the event was signed by ${signer}`);
}

/**
 * Checks that a verified event was signed by the party entitled to sign it (the node only
 * checks that the signer co-owns the title; PROTOCOL §6.5, G11):
 *
 * | event | signer must be | and the payload must name the signer as |
 * |---|---|---|
 * | `invoice.issued` | the supplier | `supplierQuid` |
 * | `carrier.shipped` | a carrier (title owner with stakeType "carrier"; the one named on the invoice if any) | `carrierQuid` |
 * | `carrier.delivered` | the carrier that signed `carrier.shipped` | `carrierQuid` |
 * | `buyer.acknowledged`, `buyer.disputed` | the buyer | `buyerQuid` |
 * | `dispute.resolved` | the supplier or the buyer; outcome "withdrawn" only the buyer | |
 * | `invoice.credited` | the supplier | |
 * | `factor.purchased` | a financier (title owner with stakeType "financier") | `financierQuid` |
 * | `payment.received` | the supplier, or the financier that purchased the invoice | |
 * | `invoice.sent` | the supplier | `supplierQuid` |
 * | `po.matched`, `po.mismatch` | the buyer | `buyerQuid` |
 * | `fraud.signal.<kind>` | any party | `reporterQuid` |
 *
 * When `carrierQuids` / `financierQuids` are unknown, any quid other than the supplier and the
 * buyer may act as carrier / financier.
 *
 * @example
 * ```ts
 * const r = checkEventSigner(event, { supplierQuid, buyerQuid, financierQuids: [fin] });
 * if (!r.ok) console.warn(r.code, r.message);
 * ```
 */
export function checkEventSigner(event: VerifiedInvoiceEvent, parties: InvoiceParties): SignerCheckResult {
  if (authorizedSignerRoles(event.eventType).length === 0) {
    return fail('UNKNOWN_EVENT_TYPE', `${event.eventType} is not an invoice-domain event type`);
  }
  const parsed = safeParseInvoiceEventPayload(event.eventType, event.payload);
  if (!parsed.ok) {
    return fail('INVALID_PAYLOAD', parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  }
  return checkParsedEventSigner(parsed.event, event.signerQuid, parties);
}

/** {@link checkEventSigner} for an already parsed payload (internal; saves a second parse). */
export function checkParsedEventSigner(
  e: InvoiceEventPayload,
  signer: string,
  parties: InvoiceParties,
): SignerCheckResult {
  const { supplierQuid, buyerQuid } = parties;
  switch (e.eventType) {
    case 'invoice.issued':
      if (signer !== supplierQuid)
        return fail(
          'SIGNER_NOT_AUTHORIZED',
          `invoice.issued must be signed by the supplier ${supplierQuid}, not ${signer}`,
        );
      return claims('supplierQuid', e.payload.supplierQuid, signer);
    case 'carrier.shipped':
      if (!isCarrier(parties, signer))
        return fail('SIGNER_NOT_AUTHORIZED', `${signer} is not a carrier of this invoice`);
      return claims('carrierQuid', e.payload.carrierQuid, signer);
    case 'carrier.delivered':
      if (parties.shippingCarrierQuid === undefined)
        return fail('SIGNER_NOT_AUTHORIZED', 'no carrier.shipped names a carrier that may confirm delivery');
      if (signer !== parties.shippingCarrierQuid)
        return fail(
          'SIGNER_NOT_AUTHORIZED',
          `delivery must be signed by the shipping carrier ${parties.shippingCarrierQuid}, not ${signer}`,
        );
      return claims('carrierQuid', e.payload.carrierQuid, signer);
    case 'invoice.sent':
      if (signer !== supplierQuid)
        return fail(
          'SIGNER_NOT_AUTHORIZED',
          `invoice.sent must be signed by the supplier ${supplierQuid}, not ${signer}`,
        );
      return claims('supplierQuid', e.payload.supplierQuid, signer);
    case 'buyer.acknowledged':
    case 'buyer.disputed':
    case 'po.matched':
    case 'po.mismatch':
      if (signer !== buyerQuid)
        return fail(
          'SIGNER_NOT_AUTHORIZED',
          `${e.eventType} must be signed by the buyer ${buyerQuid}, not ${signer}`,
        );
      return claims('buyerQuid', e.payload.buyerQuid, signer);
    case 'dispute.resolved':
      // Only the buyer may withdraw its own dispute: a supplier "withdrawing" it would hide a
      // live dispute from financiers.
      if (e.payload.outcome === 'withdrawn' && signer !== buyerQuid) {
        return fail(
          'SIGNER_NOT_AUTHORIZED',
          `only the buyer ${buyerQuid} may withdraw a dispute, not ${signer}`,
        );
      }
      return signer === supplierQuid || signer === buyerQuid
        ? OK
        : fail(
            'SIGNER_NOT_AUTHORIZED',
            `dispute.resolved must be signed by the supplier or the buyer, not ${signer}`,
          );
    case 'invoice.credited':
      return signer === supplierQuid
        ? OK
        : fail(
            'SIGNER_NOT_AUTHORIZED',
            `invoice.credited must be signed by the supplier ${supplierQuid}, not ${signer}`,
          );
    case 'factor.purchased':
      if (!isFinancier(parties, signer))
        return fail('SIGNER_NOT_AUTHORIZED', `${signer} is not a financier co-owner of this invoice`);
      return claims('financierQuid', e.payload.financierQuid, signer);
    case 'payment.received':
      if (
        signer === supplierQuid ||
        (parties.purchasingFinancierQuid !== undefined && signer === parties.purchasingFinancierQuid)
      )
        return OK;
      return fail(
        'SIGNER_NOT_AUTHORIZED',
        `payment.received must be signed by the supplier or the purchasing financier, not ${signer}`,
      );
    default: {
      // An unknown carrier or financier list cannot exclude anyone.
      const party =
        signer === supplierQuid ||
        signer === buyerQuid ||
        (parties.carrierQuids?.includes(signer) ?? true) ||
        (parties.financierQuids?.includes(signer) ?? true);
      if (!party) return fail('SIGNER_NOT_AUTHORIZED', `${signer} is not a party to this invoice`);
      return claims('reporterQuid', e.payload.reporterQuid, signer);
    }
  }
}
