// The financier's side: read the invoice through the ledger (every signature and signer checked),
// read its own relational trust in each party (verified by quidfin, not taken from the node), and
// let @quidfin/factoring decide.
import type { InvoiceLedger, InvoiceView } from '@quidfin/client';
import type { Signer, VerifiedInvoiceEvent } from '@quidfin/core';
import {
  evaluateInvoice,
  type FactoringDecision,
  invoiceFromIssuedPayload,
  standardPolicy,
  type TrustReading,
  trustSourceFromRecord,
  type VerifiedEvent,
} from '@quidfin/factoring';

const YEAR = 365 * 86_400;
/** Quids this financier has already vouched for (its own credit research, done once). */
const vouched = new Set<string>();

/**
 * Publishes the financier's trust in the invoice's parties (once each), then decides on the
 * invoice with the standard policy.
 */
export async function financierDecision(
  ledger: InvoiceLedger,
  financier: Signer,
  invoiceId: string,
): Promise<{ view: InvoiceView; decision: FactoringDecision }> {
  const before = await ledger.getInvoice(invoiceId);
  const issued = before.lifecycle.issued;
  if (!issued) throw new Error(`${invoiceId}: no verified invoice.issued event`);
  const now = Math.floor(Date.now() / 1000);
  const parties = [
    issued.supplierQuid,
    issued.buyerQuid,
    ...(issued.carrierQuid ? [issued.carrierQuid] : []),
  ];
  for (const quid of parties.filter((q) => !vouched.has(q))) {
    await ledger.publishTrust(financier, { trustee: quid, trustLevel: 0.9, validUntil: now + YEAR });
    vouched.add(quid);
  }

  const view = await ledger.getInvoice(invoiceId);
  const payload = view.events.find((e) => e.eventType === 'invoice.issued')?.payload;
  const invoice = payload && invoiceFromIssuedPayload(payload, view.title.owners ?? []);
  if (!invoice) throw new Error(`${invoiceId}: the invoice.issued payload is not usable`);
  // The ledger checked every event is on this invoice's stream: say so. Accepted events count;
  // refused ones go in separately as fraud evidence only (not those signed with a frozen or
  // replaced key: they are nobody's word).
  const bind = (e: VerifiedInvoiceEvent): VerifiedEvent => ({ ...e, subjectId: invoiceId });
  const events = view.events.map(bind);
  const rejectedEvents = view.rejected.filter((r) => !r.code.startsWith('KEY_')).map((r) => bind(r.event));
  const readings: Record<string, TrustReading> = {};
  for (const quid of new Set([...parties, ...events.map((e) => e.signerQuid)])) {
    readings[quid] = await ledger.trustReading(financier.quidId, quid);
  }
  const decision = evaluateInvoice({
    invoice,
    events,
    rejectedEvents,
    trust: trustSourceFromRecord(readings),
    policy: standardPolicy(),
    asOf: now,
    // The financier's book: a credit limit on file for this buyer (without one it is held).
    portfolio: { buyerLimitMinor: { [invoice.buyerQuid]: 100_000_000 } },
  });
  return { view, decision };
}
