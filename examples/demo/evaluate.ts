// How a financier decides: read the invoice through the ledger (every signature checked, every
// signer matched to the role entitled to sign), read its own relational trust in each party (computed
// by quidfin from TRUST transactions it verified itself, not taken from the node), and hand both to
// the pure decision engine.
import type { InvoiceLedger, InvoiceView, QuidnugClient } from '@quidfin/client';
import type { KeyEvent, Signer, VerifiedInvoiceEvent } from '@quidfin/core';
import {
  applyLedgerFindings,
  applyRecentKeyEvents,
  evaluateInvoice,
  type FactoringDecision,
  type FactoringPolicy,
  invoiceFromIssuedPayload,
  type Portfolio,
  type RecentKeyEvent,
  type TrustReading,
  trustSourceFromRecord,
  type VerifiedEvent,
} from '@quidfin/factoring';

export interface Evaluation {
  readonly view: InvoiceView;
  readonly decision: FactoringDecision;
  /** The engine's decision before the key-event rule (to show what the rule changed). */
  readonly beforeKeyEvents: FactoringDecision;
}

/** The read path's key history as factoring's risk signals (a registration is no signal). */
function recentKeyEvents(byQuid: Readonly<Record<string, readonly KeyEvent[]>>): RecentKeyEvent[] {
  const out: RecentKeyEvent[] = [];
  for (const [quid, events] of Object.entries(byQuid)) {
    for (const e of events) {
      if (e.kind === 'frozen' || e.kind === 'rotated' || e.kind === 'recovery-opened')
        out.push({ quid, kind: e.kind, at: e.at });
      else if (e.kind === 'recovery-closed')
        out.push({ quid, kind: e.outcome === 'vetoed' ? 'recovery-vetoed' : 'recovery-committed', at: e.at });
    }
  }
  return out;
}

export interface EvaluateOptions {
  readonly client: QuidnugClient;
  readonly ledger: InvoiceLedger;
  readonly financier: Signer;
  readonly policy: FactoringPolicy;
  /** The financier's book: credit limits and exposures (a buyer with no limit on file is held). */
  readonly portfolio?: Portfolio;
  readonly trustDomain: string;
  /** Decision time in Unix seconds (default: now; the key chapter uses the devnode's moved clock). */
  readonly asOf?: number;
}

export async function evaluate(invoiceId: string, o: EvaluateOptions): Promise<Evaluation> {
  const view = await o.ledger.getInvoice(invoiceId);
  // The ledger checked that every event is on this invoice's stream: say so (the engine counts an
  // event only when its subject is the invoice). Accepted events are the only ones that count as
  // money or attestations; the ones it refused go in separately, as fraud evidence only (a supplier
  // signing its own delivery is a forgery), never as amounts.
  const bind = (e: VerifiedInvoiceEvent): VerifiedEvent => ({ ...e, subjectId: invoiceId });
  const events = view.events.map(bind);
  // Not those refused by key history: signed with a frozen or replaced key, they are nobody's word.
  const rejectedEvents = view.rejected.filter((r) => !r.code.startsWith('KEY_')).map((r) => bind(r.event));
  const issued = view.events.find((e) => e.eventType === 'invoice.issued')?.payload;
  const invoice = issued && invoiceFromIssuedPayload(issued, view.title.owners ?? []);
  if (!invoice) throw new Error(`${invoiceId}: no valid invoice.issued event on the stream`);

  const asOf = o.asOf ?? Math.floor(Date.now() / 1000);
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
  const beforeKeyEvents = evaluateInvoice({
    invoice,
    events,
    rejectedEvents,
    trust: trustSourceFromRecord(readings),
    policy: o.policy,
    asOf,
    ...(o.portfolio !== undefined ? { portfolio: o.portfolio } : {}),
  });
  // A recent freeze or recovery of the supplier's or buyer's key sends the decision to review.
  const afterKeyEvents = applyRecentKeyEvents(beforeKeyEvents, {
    events: recentKeyEvents(view.keyEvents),
    invoice,
  });
  // What the read path flagged (a refused title version, unproven history, conflicts) holds it too.
  const decision = applyLedgerFindings(afterKeyEvents, { findings: view.violations });
  return { view, decision, beforeKeyEvents };
}
