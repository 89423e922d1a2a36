import type { OwnershipStake } from '@quidfin/core';
import { ClientInputError } from '../errors/ClientInputError.js';

/**
 * The parties of a new invoice title.
 *
 * @example
 * ```ts
 * const owners = invoiceOwners({ supplierQuid, buyerQuid, carrierQuid, financierQuids: [f] } satisfies InvoiceOwnerInput);
 * ```
 */
export interface InvoiceOwnerInput {
  readonly supplierQuid: string;
  readonly buyerQuid: string;
  readonly carrierQuid?: string | undefined;
  readonly financierQuids?: readonly string[] | undefined;
  /** Stake of each non-supplier party (default 0.02, as in the upstream demo). */
  readonly minorShare?: number | undefined;
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/**
 * Owners of an invoice TITLE: the supplier holds the largest share and every other party a small
 * stake, because only co-owners may write to the title's event stream (PROTOCOL §6.5).
 *
 * @example
 * ```ts
 * invoiceOwners({ supplierQuid: s, buyerQuid: b, carrierQuid: c, financierQuids: [f, g] });
 * // supplier 0.92, buyer/carrier/financiers 0.02 each
 * ```
 */
export function invoiceOwners(input: InvoiceOwnerInput): OwnershipStake[] {
  const share = input.minorShare ?? 0.02;
  const others: OwnershipStake[] = [
    { ownerId: input.buyerQuid, percentage: share, stakeType: 'buyer' },
    ...(input.carrierQuid ? [{ ownerId: input.carrierQuid, percentage: share, stakeType: 'carrier' }] : []),
    ...(input.financierQuids ?? []).map((f) => ({ ownerId: f, percentage: share, stakeType: 'financier' })),
  ];
  const supplierShare = round6(1 - share * others.length);
  return [{ ownerId: input.supplierQuid, percentage: supplierShare, stakeType: 'supplier' }, ...others];
}

/**
 * Owners after the supplier sells the invoice to `financierQuid`: the two swap shares, so the
 * financier holds the largest stake and every party stays a co-owner (and can still write events).
 *
 * @example
 * ```ts
 * const owners = ownersAfterFactoring(title.owners ?? [], financierQuid);
 * ```
 */
export function ownersAfterFactoring(
  current: readonly OwnershipStake[],
  financierQuid: string,
): OwnershipStake[] {
  const supplier = current.find((o) => o.stakeType === 'supplier');
  const financier = current.find((o) => o.ownerId === financierQuid);
  if (!supplier) throw new ClientInputError('current', 'the title has no owner with stakeType "supplier"');
  if (!financier) {
    // The supplier keeps a small stake so it can still record payments and credits.
    const kept = Math.min(0.02, supplier.percentage / 2);
    return [
      ...current.map((o) => (o === supplier ? { ...o, percentage: kept } : { ...o })),
      { ownerId: financierQuid, percentage: round6(supplier.percentage - kept), stakeType: 'financier' },
    ];
  }
  return current.map((o) => {
    if (o === supplier) return { ...o, percentage: financier.percentage };
    if (o === financier) return { ...o, percentage: supplier.percentage };
    return { ...o };
  });
}
