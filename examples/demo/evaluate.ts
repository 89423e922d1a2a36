// How a financier decides: read the invoice through the ledger (every signature checked, every
// signer matched to the role entitled to sign), read its own relational trust in each party (computed
// by quidfin from TRUST transactions it verified itself, not taken from the node), and hand both to
// the pure decision engine.
import type { InvoiceLedger, InvoiceView, QuidnugClient } from '@quidfin/client';
import type { Signer, VerifiedInvoiceEvent } from '@quidfin/core';
import {
  evaluateInvoice,
  type FactoringDecision,
  type FactoringPolicy,
  invoiceFromIssuedPayload,
  type TrustReading,
  trustSourceFromRecord,
  type VerifiedEvent,
} from '@quidfin/factoring';

export interface Evaluation {
  readonly view: InvoiceView;
  readonly decision: FactoringDecision;
}

export interface EvaluateOptions {
  readonly client: QuidnugClient;
  readonly ledger: InvoiceLedger;
  readonly financier: Signer;
  readonly policy: FactoringPolicy;
  readonly trustDomain: string;
}

export async function evaluate(invoiceId: string, o: EvaluateOptions): Promise<Evaluation> {
  const view = await o.ledger.getInvoice(invoiceId);
  // The ledger checked that every event is on this invoice's stream: say so (the engine counts an
  // event only when its subject is the invoice). Accepted events are the only ones that count as
  // money or attestations; the ones it refused go in separately, as fraud evidence only (a supplier
  // signing its own delivery is a forgery), never as amounts.
  const bind = (e: VerifiedInvoiceEvent): VerifiedEvent => ({ ...e, subjectId: invoiceId });
  const events = view.events.map(bind);
  const rejectedEvents = view.rejected.map((r) => bind(r.event));
  const issued = view.events.find((e) => e.eventType === 'invoice.issued')?.payload;
  const invoice = issued && invoiceFromIssuedPayload(issued, view.title.owners ?? []);
  if (!invoice) throw new Error(`${invoiceId}: no valid invoice.issued event on the stream`);

  const asOf = Math.floor(Date.now() / 1000);
  await o.ledger.trust.sync();
  const quids = new Set([
    invoice.supplierQuid,
    invoice.buyerQuid,
    ...events.map((e) => e.signerQuid),
    ...rejectedEvents.map((e) => e.signerQuid),
  ]);
  if (invoice.carrierQuid) quids.add(invoice.carrierQuid);
  const readings: Record<string, TrustReading> = {};
  for (const quid of quids) {
    // Verified: forged edges do not count; validUntil is the earliest expiry on the path.
    readings[quid] = await o.ledger.trustReading(o.financier.quidId, quid, { sync: false });
  }
  const decision = evaluateInvoice({
    invoice,
    events,
    rejectedEvents,
    trust: trustSourceFromRecord(readings),
    policy: o.policy,
    asOf,
  });
  return { view, decision };
}
