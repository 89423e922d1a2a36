import { INVOICE_EVENT_TYPES } from './eventTypes.js';
import type { VerifiedInvoiceEvent } from './VerifiedInvoiceEvent.js';

/**
 * Who may sign what on one invoice stream. `supplierQuid` and `buyerQuid` come from
 * `invoice.issued`; `carrierQuids` and `financierQuids` from the title's owners (stakeType
 * "carrier" / "financier"); `shippingCarrierQuid` from the first `carrier.shipped`;
 * `purchasingFinancierQuid` from the first `factor.purchased`.
 * An absent list means "unknown": the check then falls back to weaker rules (see
 * {@link checkEventSigner}).
 *
 * @example
 * ```ts
 * const parties: InvoiceParties = {
 *   supplierQuid: 'aaaaaaaaaaaaaaaa', buyerQuid: 'bbbbbbbbbbbbbbbb',
 *   carrierQuids: ['cccccccccccccccc'], financierQuids: ['ffffffffffffffff'],
 * };
 * ```
 */
export interface InvoiceParties {
  readonly supplierQuid: string;
  readonly buyerQuid: string;
  readonly carrierQuids?: readonly string[];
  readonly financierQuids?: readonly string[];
  readonly shippingCarrierQuid?: string;
  readonly purchasingFinancierQuid?: string;
}

/**
 * One owner of the invoice title, as read from the TITLE transaction (`OwnershipStake`).
 *
 * @example
 * ```ts
 * const o: TitleOwner = { ownerId: 'ffffffffffffffff', stakeType: 'financier' };
 * ```
 */
export interface TitleOwner {
  readonly ownerId: string;
  readonly stakeType?: string;
}

/** A string field of an event's payload, or undefined. */
function field(event: VerifiedInvoiceEvent, name: string): string | undefined {
  const value = event.payload?.[name];
  return typeof value === 'string' ? value : undefined;
}

/** Whether `quid` is among `owners` with the stake type `stake` (internal to core's invoice rules). */
export function holdsStake(owners: readonly TitleOwner[], quid: string | undefined, stake: string): boolean {
  return owners.some((o) => o.ownerId === quid && o.stakeType === stake);
}

/**
 * Derives {@link InvoiceParties} from the verified stream (first `invoice.issued` signed by the
 * supplier it names, first `carrier.shipped` and `factor.purchased` whose payload names their
 * signer) and, when given, the title's owners. The supplier must be `supplierQuid` (the title's
 * first issuer) when given, else the owner with stakeType "supplier" when owners are given.
 * Pass only events whose signers' roles allow them. Returns `undefined` before `invoice.issued`.
 * It does not judge the events; {@link deriveInvoiceLifecycle} does.
 *
 * @example
 * ```ts
 * const parties = deriveInvoiceParties(events, title.owners ?? []);
 * if (parties) checkEventSigner(events[3]!, parties);
 * ```
 */
export function deriveInvoiceParties(
  events: readonly VerifiedInvoiceEvent[],
  titleOwners?: readonly TitleOwner[],
  supplierQuid?: string,
): InvoiceParties | undefined {
  // The supplier is the title's first issuer when known, else the owner with stakeType
  // "supplier": a co-owner naming itself supplier in an earlier invoice.issued is not it.
  const supplier = supplierQuid ?? titleOwners?.find((o) => o.stakeType === 'supplier')?.ownerId ?? undefined;
  // With the title's owners known, an issue whose buyer is not the owner with stake "buyer" is
  // the one the lifecycle refuses (PARTY_MISMATCH): a supplier's decoy issue naming another buyer
  // must not become the parties the signer checks use, or the real buyer's dispute is refused.
  const issued = events.find(
    (e) =>
      e.eventType === INVOICE_EVENT_TYPES.INVOICE_ISSUED &&
      field(e, 'supplierQuid') === e.signerQuid &&
      (supplier === undefined || e.signerQuid === supplier) &&
      field(e, 'buyerQuid') !== undefined &&
      (titleOwners === undefined || holdsStake(titleOwners, field(e, 'buyerQuid'), 'buyer')),
  );
  if (!issued) return undefined;
  const carrierQuid = field(issued, 'carrierQuid');
  const base = partiesFromIssued(
    { supplierQuid: issued.signerQuid, buyerQuid: field(issued, 'buyerQuid') as string, carrierQuid },
    titleOwners,
  );
  const shipped = events.find(
    (e) =>
      e.eventType === INVOICE_EVENT_TYPES.CARRIER_SHIPPED &&
      field(e, 'carrierQuid') === e.signerQuid &&
      isCarrier(base, e.signerQuid),
  );
  const purchased = events.find(
    (e) =>
      e.eventType === INVOICE_EVENT_TYPES.FACTOR_PURCHASED &&
      field(e, 'financierQuid') === e.signerQuid &&
      isFinancier(base, e.signerQuid),
  );
  return {
    ...base,
    ...(shipped ? { shippingCarrierQuid: shipped.signerQuid } : {}),
    ...(purchased ? { purchasingFinancierQuid: purchased.signerQuid } : {}),
  };
}

/**
 * Parties known from an `invoice.issued` payload and, when given, the title's owners: carriers
 * and financiers are owners with stakeType "carrier" / "financier"; a carrier named on the
 * invoice narrows the carriers to that one.
 *
 * @example
 * ```ts
 * partiesFromIssued({ supplierQuid: s, buyerQuid: b, carrierQuid: c }); // { supplierQuid: s, buyerQuid: b, carrierQuids: [c] }
 * ```
 */
export function partiesFromIssued(
  issued: {
    readonly supplierQuid: string;
    readonly buyerQuid: string;
    readonly carrierQuid?: string | undefined;
  },
  owners?: readonly TitleOwner[],
): InvoiceParties {
  const parties: InvoiceParties = { supplierQuid: issued.supplierQuid, buyerQuid: issued.buyerQuid };
  const named = issued.carrierQuid;
  if (!owners) return named ? { ...parties, carrierQuids: [named] } : parties;
  const carriers = owners.filter((o) => o.stakeType === 'carrier').map((o) => o.ownerId);
  const financiers = owners.filter((o) => o.stakeType === 'financier').map((o) => o.ownerId);
  const carrierQuids = named ? carriers.filter((c) => c === named) : carriers;
  return { ...parties, carrierQuids, financierQuids: financiers };
}

/** True when `quid` may act as a carrier under `parties` (internal). */
export function isCarrier(parties: InvoiceParties, quid: string): boolean {
  if (parties.carrierQuids) return parties.carrierQuids.includes(quid);
  return quid !== parties.supplierQuid && quid !== parties.buyerQuid;
}

/** True when `quid` may act as a financier under `parties` (internal). */
export function isFinancier(parties: InvoiceParties, quid: string): boolean {
  if (parties.financierQuids) return parties.financierQuids.includes(quid);
  return quid !== parties.supplierQuid && quid !== parties.buyerQuid;
}
