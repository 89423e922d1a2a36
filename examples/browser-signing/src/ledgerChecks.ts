// What a verifier checks once the invoice is on the ledger, each drawn as passed or failed: the
// genuine document and events must verify, and tampered copies must be rejected (a rejection is
// the check passing).
import type { InvoiceView } from '@quidfin/client';
import {
  computeInvoiceTotals,
  type EventTx,
  type InvoiceDocument,
  type JsonObject,
  verifyInvoiceDocument,
  verifyTransactionAsync,
} from '@quidfin/core';

/** One line of the checks list. */
export interface Check {
  readonly label: string;
  /** What happened, in words ("verified", "rejected: HASH_MISMATCH"). */
  readonly outcome: string;
  /** Whether the outcome is the one a sound ledger must give. */
  readonly pass: boolean;
}

/** The document as signed, its detached JWS, and the supplier's registered document key. */
export interface SignedDocument {
  readonly document: InvoiceDocument;
  readonly jws: string;
  readonly documentPublicKey: Uint8Array;
}

/** A forger doubles the first line's price and recomputes every total, keeping the signature. */
function forge(document: InvoiceDocument): InvoiceDocument {
  const [first, ...rest] = document.lineItems;
  const lines = first
    ? [{ ...first, unitPriceMinor: String(BigInt(first.unitPriceMinor) * 2n) }, ...rest]
    : [];
  const totals = computeInvoiceTotals(lines);
  return {
    ...document,
    lineItems: lines.map((line, i) => ({ ...line, amountMinor: totals.lineAmountsMinor[i] ?? '0' })),
    subtotalMinor: totals.subtotalMinor,
    taxMinor: totals.taxMinor,
    totalMinor: totals.totalMinor,
  };
}

/**
 * Checks the invoice read back from the node against the signed document, using the supplier's
 * IDENTITY attributes as committed on the node (`supplierAttributes`).
 */
export async function ledgerChecks(
  view: InvoiceView,
  signed: SignedDocument,
  supplierAttributes: JsonObject | undefined,
  issuedTx: EventTx,
): Promise<Check[]> {
  const issued = view.lifecycle.issued ?? undefined;
  const options = {
    documentPublicKey: signed.documentPublicKey,
    identityAttributes: supplierAttributes,
    ...(issued ? { issued } : {}),
  };
  const genuine = verifyInvoiceDocument(signed.document, signed.jws, options);
  const forged = verifyInvoiceDocument(forge(signed.document), signed.jws, options);
  const alteredTx: EventTx = { ...issuedTx, payload: { ...issuedTx.payload, amountMinor: 1 } };
  const alteredOk = await verifyTransactionAsync(alteredTx).catch(() => false);
  return [
    {
      label: 'Invoice document matches invoice.issued and the supplier’s registered document key',
      outcome: genuine.ok ? 'verified' : `failed: ${genuine.code}`,
      pass: genuine.ok,
    },
    {
      label: 'Every event on the invoice: signature, registered key and signer role',
      outcome:
        view.rejected.length === 0 ? `${view.events.length} verified` : `${view.rejected.length} refused`,
      pass: view.rejected.length === 0 && view.events.length > 0,
    },
    {
      label: 'Tampered document (first line’s price doubled, totals recomputed)',
      outcome: forged.ok ? 'accepted' : `rejected: ${forged.code}`,
      pass: !forged.ok,
    },
    {
      label: 'Tampered transaction (amount changed after signing)',
      outcome: alteredOk ? 'accepted' : 'rejected: bad signature',
      pass: !alteredOk,
    },
  ];
}
