// The other roles on the invoice, played inside this page so one screen shows the whole flow. In
// production each has its own keys in its own app; here they are in-memory keys made at start-up.
import type { InvoiceLedger } from '@quidfin/client';
import { generateSigner, type Signer } from '@quidfin/core';

/** The buyer, the carrier and the financier, registered on the node. */
export interface Counterparties {
  readonly buyer: Signer;
  readonly carrier: Signer;
  readonly financier: Signer;
}

/** Names shown next to each quid. */
export const COUNTERPARTY_NAMES = {
  buyer: 'Northwind Retail BV',
  carrier: 'Rhein Freight AG',
  financier: 'Harbor Factoring',
} as const;

/** Makes and registers the three counterparties (an IDENTITY each, with its role). */
export async function registerCounterparties(ledger: InvoiceLedger): Promise<Counterparties> {
  const parties = {
    buyer: generateSigner().signer,
    carrier: generateSigner().signer,
    financier: generateSigner().signer,
  };
  await Promise.all(
    (['buyer', 'carrier', 'financier'] as const).map((role) =>
      ledger.registerParticipant(parties[role], { name: COUNTERPARTY_NAMES[role], role }),
    ),
  );
  return parties;
}
