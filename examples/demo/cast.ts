// The six parties of the story. Each gets a P-256 quid key (in a real app each party makes its own
// key where it lives: a browser's WebCrypto store, an HSM, a KMS); the supplier also gets the
// Ed25519 key it signs invoice documents with, bound to its quid through its IDENTITY.
import { documentPublicKey, generateDocumentKey, generateSigner, type Signer } from '@quidfin/core';

export interface Party {
  readonly name: string;
  readonly role: 'supplier' | 'buyer' | 'carrier' | 'credit-bureau' | 'financier';
  readonly signer: Signer;
}

export interface Cast {
  readonly supplier: Party;
  readonly buyer: Party;
  readonly carrier: Party;
  readonly bureau: Party;
  /** Prime Capital: the financier that buys the first invoice. */
  readonly financierF: Party;
  /** Second Capital: arrives too late and must be refused (double factoring). */
  readonly financierG: Party;
  /** The supplier's Ed25519 document key (secret) and its public half. */
  readonly documentKey: { readonly secret: Uint8Array; readonly publicKey: Uint8Array };
}

export function createCast(): Cast {
  const party = (name: string, role: Party['role']): Party => ({
    name,
    role,
    signer: generateSigner().signer,
  });
  const secret = generateDocumentKey();
  return {
    supplier: party('Acme Widgets Inc.', 'supplier'),
    buyer: party('MegaCorp USA', 'buyer'),
    carrier: party('Global Freight LLC', 'carrier'),
    bureau: party('Dun & Bureau Credit', 'credit-bureau'),
    financierF: party('Prime Capital Factors', 'financier'),
    financierG: party('Second Capital Partners', 'financier'),
    documentKey: { secret, publicKey: documentPublicKey(secret) },
  };
}

/** A short, readable label for a quid in tables: the party's name, or the quid itself. */
export function labelOf(cast: Cast, quid: string): string {
  for (const p of [cast.supplier, cast.buyer, cast.carrier, cast.bureau, cast.financierF, cast.financierG]) {
    if (p.signer.quidId === quid) return p.name;
  }
  return quid;
}
