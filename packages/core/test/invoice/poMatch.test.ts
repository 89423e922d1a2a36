import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  authorizedSignerRoles,
  checkEventSigner,
  deriveInvoiceLifecycle,
  INVOICE_STATES,
  parseInvoiceEventPayload,
  type VerifiedInvoiceEvent,
} from '../../src/index.js';
import {
  acknowledged,
  BUYER,
  CARRIER,
  credited,
  disputed,
  FIN_F,
  issued,
  OWNERS,
  paid,
  poMatched,
  poMismatch,
  purchased,
  resolved,
  STRANGER,
  SUPPLIER,
  sent,
  stream,
} from './fixtures.js';

const OPTIONS = { invoiceId: 'inv-0001', titleOwners: OWNERS };
const withPo = () => issued({ poReference: 'PO-4711' });
const codes = (events: VerifiedInvoiceEvent[]) =>
  deriveInvoiceLifecycle(events, OPTIONS).violations.map((v) => v.code);

describe('Sent and PoMatched states', () => {
  it('the lifecycle names every state of the brief: Draft -> Issued -> Sent -> Acknowledged -> PoMatched -> PartiallyPaid -> Reconciled', () => {
    const life = deriveInvoiceLifecycle(
      stream(
        withPo(),
        sent(),
        acknowledged(),
        poMatched(),
        paid('p1', 1_000_000, SUPPLIER, { reconciled: true }),
        paid('p2', 4_000_000, SUPPLIER, { reconciled: true }),
      ),
      OPTIONS,
    );
    expect(life.violations).toEqual([]);
    expect(life.history.map((h) => h.to)).toEqual([
      'Issued',
      'Sent',
      'Acknowledged',
      'PoMatched',
      'PartiallyPaid',
      'Reconciled',
    ]);
    expect(life.sends).toMatchObject([{ channel: 'peppol', eventId: 'e2', signerQuid: SUPPLIER }]);
    expect(life.poMatches).toMatchObject([{ result: 'matched', poNumber: 'PO-4711', eventId: 'e4' }]);
    expect(INVOICE_STATES).toEqual(expect.arrayContaining(['Sent', 'PoMatched']));
  });

  it('a later po.mismatch undoes PoMatched (after a short delivery the buyer withdraws its approval)', () => {
    const life = deriveInvoiceLifecycle(stream(withPo(), acknowledged(), poMatched(), poMismatch()), OPTIONS);
    expect(life.state).toBe('Acknowledged');
    expect(life.poMatches.map((m) => m.result)).toEqual(['matched', 'mismatch']);
  });

  it('short delivery: mismatch, then a credit note, then a match of the net amount gives PoMatched', () => {
    const life = deriveInvoiceLifecycle(
      stream(withPo(), sent(), poMismatch(), credited('c1', 500_000), poMatched(4_500_000)),
      OPTIONS,
    );
    expect(life.violations).toEqual([]);
    expect(life.history.map((h) => h.to)).toEqual(['Issued', 'Sent', 'Sent', 'Sent', 'PoMatched']);
  });

  it('an open dispute outranks PoMatched, and resolving it returns to PoMatched', () => {
    const life = deriveInvoiceLifecycle(
      stream(withPo(), poMatched(), disputed('d1', 100), resolved('d1', 'withdrawn', BUYER)),
      OPTIONS,
    );
    expect(life.history.map((h) => h.to)).toEqual(['Issued', 'PoMatched', 'Disputed', 'PoMatched']);
  });

  it('Factored outranks PoMatched', () => {
    const life = deriveInvoiceLifecycle(stream(withPo(), poMatched(), purchased()), OPTIONS);
    expect(life.state).toBe('Factored');
  });
});

describe("po.matched / po.mismatch are the buyer's alone", () => {
  it('forged approval: a supplier signing po.matched for its own invoice is SIGNER_NOT_AUTHORIZED and the state stays Issued', () => {
    const life = deriveInvoiceLifecycle(stream(withPo(), poMatched(5_000_000, SUPPLIER)), OPTIONS);
    expect(life.violations.map((v) => v.code)).toEqual(['SIGNER_NOT_AUTHORIZED']);
    expect(life.state).toBe('Issued');
  });

  it('forged approval by a financier or a stranger is refused too', () => {
    expect(codes(stream(withPo(), purchased(), poMatched(5_000_000, FIN_F)))).toEqual([
      'SIGNER_NOT_AUTHORIZED',
    ]);
    expect(codes(stream(withPo(), poMatched(5_000_000, STRANGER)))).toEqual(['SIGNER_NOT_AUTHORIZED']);
  });

  it('the buyer signing but naming another buyerQuid in the payload is SIGNER_PAYLOAD_MISMATCH', () => {
    const e = stream(withPo(), ['po.matched', BUYER, { ...poMatched()[2], buyerQuid: STRANGER }]);
    expect(codes(e)).toEqual(['SIGNER_PAYLOAD_MISMATCH']);
  });

  it('a supplier hiding a mismatch: po.mismatch signed by the supplier is refused', () => {
    expect(codes(stream(withPo(), poMismatch(SUPPLIER)))).toEqual(['SIGNER_NOT_AUTHORIZED']);
  });

  it('a match against another PO than the invoice quotes is PO_REFERENCE_MISMATCH', () => {
    expect(codes(stream(withPo(), poMatched(5_000_000, BUYER, { poNumber: 'PO-9' })))).toEqual([
      'PO_REFERENCE_MISMATCH',
    ]);
  });

  it('approving more than the invoice net of credits is MATCH_EXCEEDS_INVOICE', () => {
    expect(codes(stream(withPo(), credited('c1', 1_000), poMatched(5_000_000)))).toEqual([
      'MATCH_EXCEEDS_INVOICE',
    ]);
  });

  it('a verdict after the invoice is settled is ALREADY_SETTLED; one before issue is NOT_ISSUED', () => {
    expect(codes(stream(withPo(), paid('p1', 5_000_000), poMatched()))).toEqual(['ALREADY_SETTLED']);
    expect(codes(stream(poMatched(), withPo()))).toEqual(['NOT_ISSUED']);
  });

  it('malformed payloads are INVALID_PAYLOAD: empty reasons, a lowercase reason code, an unknown mode', () => {
    expect(codes(stream(withPo(), poMismatch(BUYER, { reasons: [] })))).toEqual(['INVALID_PAYLOAD']);
    expect(codes(stream(withPo(), poMismatch(BUYER, { reasons: [{ code: 'too much' }] })))).toEqual([
      'INVALID_PAYLOAD',
    ]);
    expect(codes(stream(withPo(), poMatched(5_000_000, BUYER, { mode: 'four-way' })))).toEqual([
      'INVALID_PAYLOAD',
    ]);
  });

  it('signer roles: buyer for po.*, supplier for invoice.sent', () => {
    expect(authorizedSignerRoles('po.matched')).toEqual(['buyer']);
    expect(authorizedSignerRoles('po.mismatch')).toEqual(['buyer']);
    expect(authorizedSignerRoles('invoice.sent')).toEqual(['supplier']);
    const parties = { supplierQuid: SUPPLIER, buyerQuid: BUYER };
    const [, , payload] = poMatched();
    const ev = (signerQuid: string): VerifiedInvoiceEvent => ({
      id: 'x',
      eventType: 'po.matched',
      payload,
      signerQuid,
      sequence: 1,
      timestamp: 1,
    });
    expect(checkEventSigner(ev(BUYER), parties)).toEqual({ ok: true });
    expect(checkEventSigner(ev(CARRIER), parties)).toMatchObject({
      ok: false,
      code: 'SIGNER_NOT_AUTHORIZED',
    });
  });
});

describe("invoice.sent is the supplier's alone", () => {
  it('a buyer claiming the invoice was sent (to dodge a late-payment claim) is refused', () => {
    expect(codes(stream(withPo(), sent(BUYER)))).toEqual(['SIGNER_NOT_AUTHORIZED']);
  });

  it('the supplier naming another supplierQuid is SIGNER_PAYLOAD_MISMATCH; a bad documentHash is INVALID_PAYLOAD', () => {
    expect(
      codes(stream(withPo(), ['invoice.sent', SUPPLIER, { ...sent()[2], supplierQuid: STRANGER }])),
    ).toEqual(['SIGNER_PAYLOAD_MISMATCH']);
    expect(codes(stream(withPo(), sent(SUPPLIER, { documentHash: 'XYZ' })))).toEqual(['INVALID_PAYLOAD']);
  });

  it('re-sending through another channel is recorded, not refused', () => {
    const life = deriveInvoiceLifecycle(
      stream(withPo(), sent(), sent(SUPPLIER, { channel: 'email' })),
      OPTIONS,
    );
    expect(life.violations).toEqual([]);
    expect(life.sends.map((s) => s.channel)).toEqual(['peppol', 'email']);
  });

  it('payloads parse with the public parser', () => {
    expect(parseInvoiceEventPayload('invoice.sent', sent()[2]).eventType).toBe('invoice.sent');
  });
});

describe('properties', () => {
  it('property: whatever the order of buyer verdicts, the state is PoMatched exactly when the last accepted verdict is a match', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), (verdicts) => {
        const life = deriveInvoiceLifecycle(
          stream(withPo(), ...verdicts.map((m) => (m ? poMatched() : poMismatch()))),
          OPTIONS,
        );
        expect(life.violations).toEqual([]);
        expect(life.state === 'PoMatched').toBe(verdicts.at(-1) === true);
      }),
    );
  });

  it('property: po.* events signed by anyone but the buyer never change the state', () => {
    fc.assert(
      fc.property(fc.constantFrom(SUPPLIER, CARRIER, FIN_F, STRANGER), fc.boolean(), (signer, match) => {
        const ev = match ? poMatched(5_000_000, signer) : poMismatch(signer);
        const life = deriveInvoiceLifecycle(stream(withPo(), acknowledged(), ev), OPTIONS);
        expect(life.state).toBe('Acknowledged');
        expect(life.poMatches).toEqual([]);
        expect(life.violations).toHaveLength(1);
      }),
    );
  });
});
