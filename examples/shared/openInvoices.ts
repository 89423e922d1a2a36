// Open receivables a collector (the supplier, or the financier that bought invoices) expects to be
// paid into its account, read from the node in the shape the matcher wants, with each invoice's
// verified events (so reconcile can predict the lifecycle state after posting).
import type { InvoiceLedger, QuidnugClient } from '@quidfin/client';
import type { VerifiedInvoiceEvent } from '@quidfin/core';
import type { OpenInvoice } from '@quidfin/reconcile';

const day = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString().slice(0, 10);

export async function openInvoicesOf(
  client: QuidnugClient,
  ledger: InvoiceLedger,
  collectorQuid: string,
): Promise<{ invoices: OpenInvoice[]; ledgerEvents: Record<string, readonly VerifiedInvoiceEvent[]> }> {
  const invoices: OpenInvoice[] = [];
  const ledgerEvents: Record<string, readonly VerifiedInvoiceEvent[]> = {};
  for await (const owned of client.iterateTitlesByOwner(collectorQuid)) {
    if (owned.stakeType !== 'supplier' && owned.stakeType !== 'financier') continue;
    const { lifecycle, events } = await ledger.getInvoice(owned.assetId);
    const issued = lifecycle.issued;
    if (!issued || lifecycle.totals.openMinor <= 0) continue;
    // A factored invoice is paid to the financier that bought it, an unfactored one to the supplier.
    const collector = lifecycle.factored?.financierQuid ?? issued.supplierQuid;
    if (collector !== collectorQuid) continue;
    const buyer = await client.getIdentity(issued.buyerQuid);
    invoices.push({
      invoiceId: owned.assetId,
      invoiceNumber: issued.invoiceNumber,
      payerId: issued.buyerQuid,
      payerName: buyer.name,
      currency: issued.currency,
      amountMinor: issued.amountMinor,
      openAmountMinor: lifecycle.totals.openMinor,
      issuedAt: day(issued.issuedAt),
      dueAt: day(issued.dueAt),
      ...(issued.paymentReference ? { paymentReference: issued.paymentReference } : {}),
    });
    ledgerEvents[owned.assetId] = events;
  }
  return { invoices, ledgerEvents };
}
