// Shared builders for the factoring tests. Quids are readable names: the engine never parses them.
import {
  type FactoringInputError,
  type InvoiceInput,
  isFactoringError,
  type Portfolio,
  type TitleOwnerShare,
  type TrustReading,
  type VerifiedEvent,
} from '../src/index.js';

export const NOW = 1_700_000_000;
export const DAY = 86_400;
export const NET_60 = 60 * DAY;

let counter = 0;

/** A verified event; ids and sequences follow call order unless given. */
export function ev(
  eventType: string,
  signerQuid: string,
  payload: Record<string, string | number | boolean>,
  extra: { id?: string; sequence?: number; timestamp?: number } = {},
): VerifiedEvent {
  counter++;
  return {
    id: extra.id ?? `ev-${String(counter).padStart(6, '0')}`,
    eventType,
    signerQuid,
    sequence: extra.sequence ?? counter,
    timestamp: extra.timestamp ?? NOW + counter,
    payload,
  };
}

/** The proof of concept's `_invoice()` fixture. */
export function pocInvoice(id = 'inv-1', supplier = 'a0a0a0a0a0a0a0a0', amount = 5_000_000): InvoiceInput {
  return {
    invoiceId: id,
    supplierQuid: supplier,
    buyerQuid: 'b0b0b0b0b0b0b0b0',
    amountMinor: amount,
    currency: 'USD',
    issuedAt: NOW,
    dueAt: NOW + NET_60,
    poReference: 'PO-789',
  };
}

/** The proof of concept's `_lifecycle_events()`, with the signers the roles call for. */
export function pocEvents(
  opts: { shipped?: boolean; delivered?: boolean; acked?: boolean; carrier?: string } = {},
): VerifiedEvent[] {
  const carrier = opts.carrier ?? 'c0c0c0c0c0c0c0c0';
  const out = [ev('invoice.issued', 'a0a0a0a0a0a0a0a0', { issuer: 'a0a0a0a0a0a0a0a0' })];
  if (opts.shipped ?? true)
    out.push(ev('carrier.shipped', carrier, { carrierQuid: carrier, bol: 'BOL-001' }));
  if (opts.delivered ?? true) {
    out.push(ev('carrier.delivered', carrier, { carrierQuid: carrier, deliveryProof: 'POD-001' }));
  }
  if (opts.acked ?? true) {
    out.push(
      ev('buyer.acknowledged', 'b0b0b0b0b0b0b0b0', { acknowledgedAmount: 50_000, ackDate: NOW + DAY }),
    );
  }
  return out;
}

/** A realistic invoice for the standard policy, with a title and a full, well-signed stream. */
export interface Deal {
  invoice: InvoiceInput;
  events: VerifiedEvent[];
}

export const OWNERS: readonly TitleOwnerShare[] = [
  { ownerId: 'a0a0a0a0a0a0a0a0', percentage: 0.92, stakeType: 'supplier' },
  { ownerId: 'b0b0b0b0b0b0b0b0', percentage: 0.02, stakeType: 'buyer' },
  { ownerId: 'c0c0c0c0c0c0c0c0', percentage: 0.02, stakeType: 'carrier' },
  { ownerId: 'f0f0f0f0f0f0f0f0', percentage: 0.02, stakeType: 'financier' },
  { ownerId: 'f1f1f1f1f1f1f1f1', percentage: 0.02, stakeType: 'financier' },
];

export function deal(
  over: Partial<InvoiceInput> = {},
  opts: { shippedAt?: number; deliveredAt?: number; ackAt?: number; ackAmount?: number; ids?: string } = {},
): Deal {
  const invoice: InvoiceInput = {
    invoiceId: 'inv-100',
    invoiceNumber: 'INV-2026-0100',
    supplierQuid: 'a0a0a0a0a0a0a0a0',
    buyerQuid: 'b0b0b0b0b0b0b0b0',
    amountMinor: 5_000_000,
    currency: 'USD',
    issuedAt: NOW,
    dueAt: NOW + NET_60,
    terms: 'NET-60',
    poReference: 'PO-789',
    carrierQuid: 'c0c0c0c0c0c0c0c0',
    titleOwners: OWNERS,
    ...over,
  };
  const p = opts.ids ?? invoice.invoiceId;
  const events: VerifiedEvent[] = [
    {
      subjectId: invoice.invoiceId,
      id: `${p}-e1`,
      eventType: 'invoice.issued',
      signerQuid: invoice.supplierQuid,
      sequence: 1,
      timestamp: invoice.issuedAt,
      payload: {
        invoiceId: invoice.invoiceId,
        invoiceNumber: invoice.invoiceNumber ?? '',
        supplierQuid: invoice.supplierQuid,
        buyerQuid: invoice.buyerQuid,
        amountMinor: invoice.amountMinor,
        currency: invoice.currency,
        issuedAt: invoice.issuedAt,
        dueAt: invoice.dueAt,
        // The supplier signed the invoice the input describes.
        terms: invoice.terms ?? 'NET-60',
        invoiceHash: 'ab'.repeat(32),
      },
    },
    {
      subjectId: invoice.invoiceId,
      id: `${p}-e2`,
      eventType: 'carrier.shipped',
      signerQuid: 'c0c0c0c0c0c0c0c0',
      sequence: 2,
      timestamp: invoice.issuedAt + DAY,
      payload: {
        carrierQuid: 'c0c0c0c0c0c0c0c0',
        billOfLading: `BOL-${p}`,
        shippedAt: opts.shippedAt ?? invoice.issuedAt + DAY,
      },
    },
    {
      subjectId: invoice.invoiceId,
      id: `${p}-e3`,
      eventType: 'carrier.delivered',
      signerQuid: 'c0c0c0c0c0c0c0c0',
      sequence: 3,
      timestamp: invoice.issuedAt + 3 * DAY,
      payload: {
        carrierQuid: 'c0c0c0c0c0c0c0c0',
        deliveryProof: `POD-${p}`,
        deliveredAt: opts.deliveredAt ?? invoice.issuedAt + 3 * DAY,
      },
    },
    {
      subjectId: invoice.invoiceId,
      id: `${p}-e4`,
      eventType: 'buyer.acknowledged',
      signerQuid: invoice.buyerQuid,
      sequence: 4,
      timestamp: invoice.issuedAt + 4 * DAY,
      payload: {
        buyerQuid: invoice.buyerQuid,
        acknowledgedAmountMinor: opts.ackAmount ?? invoice.amountMinor,
        acknowledgedAt: opts.ackAt ?? invoice.issuedAt + 4 * DAY,
      },
    },
  ];
  return { invoice, events };
}

/** Decision time a week after issue. */
export const AS_OF = NOW + 7 * DAY;

/**
 * A book with a credit limit for the fixture's buyer: the standard policy holds an invoice whose
 * buyer has none on file (`BUYER_LIMIT_MISSING`), with or without a portfolio.
 */
export const BOOK: Portfolio = { buyerLimitMinor: { b0b0b0b0b0b0b0b0: 1_000_000_000 } };

/** The financier the fixtures' trust paths start at, and the credit bureau it reaches parties through. */
export const FINANCIER = 'f9f9f9f9f9f9f9f9';
export const BUREAU = 'e9e9e9e9e9e9e9e9';

/**
 * A dated reading of `quid` two hops away, through the bureau: its path shows the supplier is not
 * on the route (a reading through others without its path is held, TRUST_PATH_UNKNOWN).
 */
export function viaBureau(quid: string, level: number, observedAt = NOW): TrustReading {
  return { level, observedAt, pathLength: 2, path: [FINANCIER, BUREAU, quid] };
}

/** Dated readings for the parties of {@link deal} that pass the standard policy's thresholds. */
export const DEAL_TRUST: Readonly<Record<string, TrustReading>> = {
  a0a0a0a0a0a0a0a0: viaBureau('a0a0a0a0a0a0a0a0', 0.85),
  b0b0b0b0b0b0b0b0: viaBureau('b0b0b0b0b0b0b0b0', 0.9),
  c0c0c0c0c0c0c0c0: { level: 0.7, observedAt: NOW, pathLength: 1 },
};

/** The typed error `act` throws; fails the test when it returns or throws anything else. */
export function refused(act: () => unknown): FactoringInputError {
  try {
    act();
  } catch (e) {
    if (isFactoringError(e)) return e;
    throw e;
  }
  throw new Error('expected a FactoringInputError, but the call returned');
}
