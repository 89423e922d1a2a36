import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/ValidationError.js';
import {
  authorizedSignerRoles,
  checkEventSigner,
  fraudSignalKind,
  INVOICE_EVENT_TYPES,
  isInvoiceEventType,
  parseInvoiceEventPayload,
  safeParseInvoiceEventPayload,
} from '../../src/index.js';
import { BUYER, CARRIER, FIN_F, FIN_G, ISSUED, STRANGER, SUPPLIER, stream, T0 } from './fixtures.js';

function issuesOf(eventType: string, payload: unknown): { path: string; message: string }[] {
  try {
    parseInvoiceEventPayload(eventType, payload);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).code).toBe('INVALID_PAYLOAD');
    return [...(e as ValidationError).issues];
  }
  throw new Error('expected INVALID_PAYLOAD');
}

const VALID: Record<string, Record<string, unknown>> = {
  'invoice.issued': {
    ...ISSUED,
    poReference: 'PO-789',
    paymentReference: 'RF18539007547034',
    carrierQuid: CARRIER,
    taxMinor: 0,
    earlyPaymentDiscount: { rateBps: 200, withinDays: 10 },
  },
  'carrier.shipped': { carrierQuid: CARRIER, billOfLading: 'BOL-1', shippedAt: T0 },
  'carrier.delivered': { carrierQuid: CARRIER, deliveryProof: 'POD-1', deliveredAt: T0 },
  'buyer.acknowledged': {
    buyerQuid: BUYER,
    acknowledgedAmountMinor: 0,
    acknowledgedAt: T0,
    expectedPayDate: T0,
  },
  'buyer.disputed': {
    buyerQuid: BUYER,
    disputeId: 'd1',
    disputedAmountMinor: 1,
    reason: 'late',
    disputedAt: T0,
  },
  'dispute.resolved': { disputeId: 'd1', outcome: 'credited', resolvedAt: T0, creditNoteId: 'cn1' },
  'invoice.credited': { creditNoteId: 'cn1', amountMinor: 1, reason: 'x', creditedAt: T0, disputeId: 'd1' },
  'factor.purchased': {
    financierQuid: FIN_F,
    purchasePriceMinor: 1,
    advanceMinor: 1,
    discountBps: 300,
    factoredAt: T0,
    recourse: true,
  },
  'payment.received': {
    paymentId: 'p1',
    allocationId: 'a1',
    amountMinor: 1,
    currency: 'EUR',
    receivedAt: T0,
    method: 'SEPA',
    payerName: 'MegaCorp',
    bankReference: 'NTRF123',
    statementId: 'st-1',
    matchConfidence: 0.97,
    reconciled: true,
  },
  'fraud.signal.invoice-forged': {
    reporterQuid: FIN_G,
    evidence: 'PO reused',
    reportedAt: T0,
    severity: 'high',
  },
};

describe('event type names', () => {
  it('lists the contract names and recognises fraud signals', () => {
    expect(Object.values(INVOICE_EVENT_TYPES)).toHaveLength(12);
    expect(isInvoiceEventType('payment.received')).toBe(true);
    expect(isInvoiceEventType('fraud.signal.double-financing')).toBe(true);
    expect(isInvoiceEventType('fraud.signal.')).toBe(false);
    expect(isInvoiceEventType('fraud.signal.Bad_Kind')).toBe(false);
    expect(isInvoiceEventType('note.added')).toBe(false);
    expect(fraudSignalKind('fraud.signal.invoice-forged')).toBe('invoice-forged');
    expect(fraudSignalKind(`fraud.signal.${'a'.repeat(60)}`)).toBeUndefined(); // over 64 bytes
  });
});

describe('parseInvoiceEventPayload', () => {
  it('accepts a full valid payload of every event type', () => {
    for (const [eventType, payload] of Object.entries(VALID)) {
      const parsed = parseInvoiceEventPayload(eventType, payload);
      expect(parsed.eventType).toBe(eventType);
      expect(parsed.payload).toEqual(payload);
    }
    const fraud = parseInvoiceEventPayload(
      'fraud.signal.invoice-forged',
      VALID['fraud.signal.invoice-forged'],
    );
    expect('kind' in fraud && fraud.kind).toBe('invoice-forged');
  });

  it('narrows on eventType', () => {
    const e = parseInvoiceEventPayload('payment.received', VALID['payment.received']);
    expect(e.eventType === 'payment.received' ? e.payload.amountMinor : -1).toBe(1);
  });

  it('refuses floats, unsafe and negative amounts with the path', () => {
    const base = VALID['payment.received'];
    expect(issuesOf('payment.received', { ...base, amountMinor: 10.5 })[0]?.path).toBe('payload.amountMinor');
    expect(issuesOf('payment.received', { ...base, amountMinor: 2 ** 53 })[0]?.path).toBe(
      'payload.amountMinor',
    );
    expect(issuesOf('payment.received', { ...base, amountMinor: -1 })[0]?.path).toBe('payload.amountMinor');
    expect(issuesOf('payment.received', { ...base, amountMinor: '100' })[0]?.path).toBe(
      'payload.amountMinor',
    );
    expect(
      issuesOf('buyer.acknowledged', { ...VALID['buyer.acknowledged'], acknowledgedAmountMinor: -5 })[0]
        ?.path,
    ).toBe('payload.acknowledgedAmountMinor');
  });

  it('refuses millisecond, fractional and negative times', () => {
    const base = VALID['carrier.shipped'];
    const ms = issuesOf('carrier.shipped', { ...base, shippedAt: T0 * 1000 });
    expect(ms[0]).toEqual({ path: 'payload.shippedAt', message: expect.stringContaining('milliseconds') });
    expect(issuesOf('carrier.shipped', { ...base, shippedAt: T0 + 0.5 })[0]?.path).toBe('payload.shippedAt');
    expect(issuesOf('carrier.shipped', { ...base, shippedAt: -1 })[0]?.path).toBe('payload.shippedAt');
  });

  it('refuses bad quid ids, unknown currencies, bad hashes and nested errors', () => {
    const issues = issuesOf('invoice.issued', {
      ...VALID['invoice.issued'],
      supplierQuid: 'AAAAAAAAAAAAAAAA',
      currency: 'XYZ',
      invoiceHash: 'AB'.repeat(32),
      invoiceId: 'inv/1',
      earlyPaymentDiscount: { rateBps: 20_000, withinDays: 10 },
    });
    expect(issues.map((i) => i.path).sort()).toEqual(
      [
        'payload.supplierQuid',
        'payload.currency',
        'payload.invoiceHash',
        'payload.invoiceId',
        'payload.earlyPaymentDiscount.rateBps',
      ].sort(),
    );
    expect(issues.find((i) => i.path === 'payload.currency')?.message).toContain('ISO 4217');
  });

  it('refuses the expiresAt key, unknown keys and missing fields', () => {
    const issues = issuesOf('buyer.acknowledged', { ...VALID['buyer.acknowledged'], expiresAt: T0 });
    expect(issues).toEqual([{ path: 'payload.expiresAt', message: expect.stringContaining('nanoseconds') }]);
    const unknown = issuesOf('payment.received', { ...VALID['payment.received'], reconcilled: true });
    expect(unknown[0]?.message).toContain('"reconcilled"');
    const missing = issuesOf('carrier.shipped', { carrierQuid: CARRIER });
    expect(missing.map((i) => i.path)).toEqual(['payload.billOfLading', 'payload.shippedAt']);
  });

  it('refuses unknown event types, bad enums and non-object payloads', () => {
    expect(issuesOf('note.added', {})[0]?.path).toBe('eventType');
    expect(issuesOf('dispute.resolved', { ...VALID['dispute.resolved'], outcome: 'won' })[0]?.path).toBe(
      'payload.outcome',
    );
    expect(issuesOf('carrier.shipped', null)[0]?.path).toBe('payload');
    expect(issuesOf('carrier.shipped', [])[0]?.path).toBe('payload');
    expect(
      issuesOf('fraud.signal.x', {
        reporterQuid: FIN_G,
        evidence: 'e',
        reportedAt: T0,
        severity: 'extreme',
      })[0]?.path,
    ).toBe('payload.severity');
    expect(
      safeParseInvoiceEventPayload('payment.received', { ...VALID['payment.received'], matchConfidence: 1.2 })
        .ok,
    ).toBe(false);
  });
});

describe('signer roles', () => {
  const parties = {
    supplierQuid: SUPPLIER,
    buyerQuid: BUYER,
    carrierQuids: [CARRIER],
    financierQuids: [FIN_F, FIN_G],
    shippingCarrierQuid: CARRIER,
    purchasingFinancierQuid: FIN_F,
  };
  const check = (eventType: string, signer: string, payload: Record<string, unknown>, p: object = parties) =>
    checkEventSigner(
      { ...stream([eventType, signer, payload as never])[0]!, signerQuid: signer },
      p as typeof parties,
    );

  it('lists roles per event type', () => {
    expect(authorizedSignerRoles('invoice.issued')).toEqual(['supplier']);
    expect(authorizedSignerRoles('carrier.delivered')).toEqual(['carrier']);
    expect(authorizedSignerRoles('buyer.disputed')).toEqual(['buyer']);
    expect(authorizedSignerRoles('dispute.resolved')).toEqual(['supplier', 'buyer']);
    expect(authorizedSignerRoles('factor.purchased')).toEqual(['financier']);
    expect(authorizedSignerRoles('payment.received')).toEqual(['supplier', 'financier']);
    expect(authorizedSignerRoles('fraud.signal.x')).toHaveLength(4);
    expect(authorizedSignerRoles('note.added')).toEqual([]);
  });

  it('accepts the entitled signers', () => {
    expect(check('invoice.issued', SUPPLIER, VALID['invoice.issued']!).ok).toBe(true);
    expect(check('carrier.delivered', CARRIER, VALID['carrier.delivered']!).ok).toBe(true);
    expect(check('buyer.acknowledged', BUYER, VALID['buyer.acknowledged']!).ok).toBe(true);
    expect(check('dispute.resolved', BUYER, VALID['dispute.resolved']!).ok).toBe(true);
    expect(check('factor.purchased', FIN_F, VALID['factor.purchased']!).ok).toBe(true);
    expect(check('payment.received', FIN_F, VALID['payment.received']!).ok).toBe(true);
    expect(check('payment.received', SUPPLIER, VALID['payment.received']!).ok).toBe(true);
    expect(check('fraud.signal.invoice-forged', FIN_G, VALID['fraud.signal.invoice-forged']!).ok).toBe(true);
  });

  it('refuses the wrong party and payload claims that name someone else', () => {
    expect(check('invoice.issued', BUYER, VALID['invoice.issued']!)).toMatchObject({
      ok: false,
      code: 'SIGNER_NOT_AUTHORIZED',
    });
    expect(check('buyer.acknowledged', SUPPLIER, VALID['buyer.acknowledged']!)).toMatchObject({
      code: 'SIGNER_NOT_AUTHORIZED',
    });
    expect(check('buyer.disputed', CARRIER, VALID['buyer.disputed']!)).toMatchObject({
      code: 'SIGNER_NOT_AUTHORIZED',
    });
    expect(check('invoice.credited', BUYER, VALID['invoice.credited']!)).toMatchObject({
      code: 'SIGNER_NOT_AUTHORIZED',
    });
    expect(check('dispute.resolved', CARRIER, VALID['dispute.resolved']!)).toMatchObject({
      code: 'SIGNER_NOT_AUTHORIZED',
    });
    // the financier that did not purchase may not record payments
    expect(check('payment.received', FIN_G, VALID['payment.received']!)).toMatchObject({
      code: 'SIGNER_NOT_AUTHORIZED',
    });
    // factor.purchased by a non-financier, or naming another financier
    expect(
      check('factor.purchased', CARRIER, { ...VALID['factor.purchased'], financierQuid: CARRIER }),
    ).toMatchObject({
      code: 'SIGNER_NOT_AUTHORIZED',
    });
    expect(check('factor.purchased', FIN_G, VALID['factor.purchased']!)).toMatchObject({
      code: 'SIGNER_PAYLOAD_MISMATCH',
    });
    // delivery by a carrier other than the shipping one
    const twoCarriers = { ...parties, carrierQuids: [CARRIER, STRANGER] };
    expect(
      check(
        'carrier.delivered',
        STRANGER,
        { ...VALID['carrier.delivered'], carrierQuid: STRANGER },
        twoCarriers,
      ),
    ).toMatchObject({
      code: 'SIGNER_NOT_AUTHORIZED',
    });
    const { shippingCarrierQuid: _, ...unshipped } = parties;
    expect(check('carrier.delivered', CARRIER, VALID['carrier.delivered']!, unshipped)).toMatchObject({
      code: 'SIGNER_NOT_AUTHORIZED',
    });
    expect(
      check('fraud.signal.x', STRANGER, { ...VALID['fraud.signal.invoice-forged'], reporterQuid: STRANGER }),
    ).toMatchObject({
      code: 'SIGNER_NOT_AUTHORIZED',
    });
    expect(check('fraud.signal.x', FIN_F, VALID['fraud.signal.invoice-forged']!)).toMatchObject({
      code: 'SIGNER_PAYLOAD_MISMATCH',
    });
    expect(check('note.added', SUPPLIER, {})).toMatchObject({ code: 'UNKNOWN_EVENT_TYPE' });
    expect(check('carrier.shipped', CARRIER, {})).toMatchObject({ code: 'INVALID_PAYLOAD' });
  });

  it('without title owners, carriers and financiers are anyone but supplier and buyer', () => {
    const bare = { supplierQuid: SUPPLIER, buyerQuid: BUYER };
    const carrierOnly = { ...bare, carrierQuids: [CARRIER] };
    expect(check('fraud.signal.x', FIN_G, VALID['fraud.signal.invoice-forged']!, carrierOnly).ok).toBe(true);
    expect(
      check('carrier.shipped', STRANGER, { ...VALID['carrier.shipped'], carrierQuid: STRANGER }, bare).ok,
    ).toBe(true);
    expect(
      check('carrier.shipped', SUPPLIER, { ...VALID['carrier.shipped'], carrierQuid: SUPPLIER }, bare),
    ).toMatchObject({
      code: 'SIGNER_NOT_AUTHORIZED',
    });
    expect(
      check('factor.purchased', BUYER, { ...VALID['factor.purchased'], financierQuid: BUYER }, bare),
    ).toMatchObject({
      code: 'SIGNER_NOT_AUTHORIZED',
    });
  });
});
