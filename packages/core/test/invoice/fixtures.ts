// Test fixtures: parties, an issued invoice and a helper that stamps verified events.

import type { TitleOwner, VerifiedInvoiceEvent } from '../../src/index.js';
import type { JsonObject } from '../../src/wire/types.js';

export const SUPPLIER = 'aaaaaaaaaaaaaaaa';
export const BUYER = 'bbbbbbbbbbbbbbbb';
export const CARRIER = 'cccccccccccccccc';
export const FIN_F = 'ffffffffffffffff';
export const FIN_G = 'eeeeeeeeeeeeeeee';
export const STRANGER = '0123456789abcdef';

export const OWNERS: TitleOwner[] = [
  { ownerId: SUPPLIER, stakeType: 'supplier' },
  { ownerId: BUYER, stakeType: 'buyer' },
  { ownerId: CARRIER, stakeType: 'carrier' },
  { ownerId: FIN_F, stakeType: 'financier' },
  { ownerId: FIN_G, stakeType: 'financier' },
];

export const T0 = 1_790_000_000;

export const ISSUED: JsonObject = {
  invoiceId: 'inv-0001',
  invoiceNumber: 'INV-2026-0001',
  supplierQuid: SUPPLIER,
  buyerQuid: BUYER,
  amountMinor: 5_000_000,
  currency: 'USD',
  issuedAt: T0,
  dueAt: T0 + 60 * 86_400,
  terms: 'NET-60',
  invoiceHash: 'ab'.repeat(32),
};

/** Stamps events with ids e1, e2, ... and increasing sequences, in order. */
export function stream(
  ...events: [eventType: string, signerQuid: string, payload: JsonObject][]
): VerifiedInvoiceEvent[] {
  return events.map(([eventType, signerQuid, payload], i) => ({
    id: `e${i + 1}`,
    eventType,
    payload,
    signerQuid,
    sequence: i + 1,
    timestamp: T0 + i,
  }));
}

export const shipped = (at = T0 + 100): [string, string, JsonObject] => [
  'carrier.shipped',
  CARRIER,
  { carrierQuid: CARRIER, billOfLading: 'BOL-1', shippedAt: at },
];
export const delivered = (at = T0 + 200): [string, string, JsonObject] => [
  'carrier.delivered',
  CARRIER,
  { carrierQuid: CARRIER, deliveryProof: 'POD-1', deliveredAt: at },
];
export const acknowledged = (amount = 5_000_000): [string, string, JsonObject] => [
  'buyer.acknowledged',
  BUYER,
  { buyerQuid: BUYER, acknowledgedAmountMinor: amount, acknowledgedAt: T0 + 300 },
];
export const purchased = (fin = FIN_F, price = 4_850_000): [string, string, JsonObject] => [
  'factor.purchased',
  fin,
  { financierQuid: fin, purchasePriceMinor: price, factoredAt: T0 + 400, discountBps: 300 },
];
export const paid = (
  id: string,
  amount: number,
  signer = SUPPLIER,
  extra: JsonObject = {},
): [string, string, JsonObject] => [
  'payment.received',
  signer,
  {
    paymentId: id,
    allocationId: `${id}-a`,
    amountMinor: amount,
    currency: 'USD',
    receivedAt: T0 + 500,
    ...extra,
  },
];
export const disputed = (id: string, amount: number): [string, string, JsonObject] => [
  'buyer.disputed',
  BUYER,
  {
    buyerQuid: BUYER,
    disputeId: id,
    disputedAmountMinor: amount,
    reason: 'damaged goods',
    disputedAt: T0 + 350,
  },
];
export const resolved = (id: string, outcome: string, signer = SUPPLIER): [string, string, JsonObject] => [
  'dispute.resolved',
  signer,
  { disputeId: id, outcome, resolvedAt: T0 + 450 },
];
export const credited = (id: string, amount: number, disputeId?: string): [string, string, JsonObject] => [
  'invoice.credited',
  SUPPLIER,
  {
    creditNoteId: id,
    amountMinor: amount,
    reason: 'credit note',
    creditedAt: T0 + 420,
    ...(disputeId ? { disputeId } : {}),
  },
];
export const issued = (extra: JsonObject = {}): [string, string, JsonObject] => [
  'invoice.issued',
  SUPPLIER,
  { ...ISSUED, ...extra },
];
export const sent = (signer = SUPPLIER, extra: JsonObject = {}): [string, string, JsonObject] => [
  'invoice.sent',
  signer,
  { supplierQuid: signer, channel: 'peppol', sentAt: T0 + 50, format: 'peppol-bis-3.0-ubl', ...extra },
];
export const poMatched = (
  amount = 5_000_000,
  signer = BUYER,
  extra: JsonObject = {},
): [string, string, JsonObject] => [
  'po.matched',
  signer,
  {
    buyerQuid: signer,
    poNumber: 'PO-4711',
    mode: 'three-way',
    matchedAmountMinor: amount,
    matchedAt: T0 + 320,
    ...extra,
  },
];
export const poMismatch = (signer = BUYER, extra: JsonObject = {}): [string, string, JsonObject] => [
  'po.mismatch',
  signer,
  {
    buyerQuid: signer,
    poNumber: 'PO-4711',
    mode: 'three-way',
    reasons: [{ code: 'QTY_OVER_RECEIVED', lineId: '1' }],
    mismatchedAt: T0 + 310,
    ...extra,
  },
];
