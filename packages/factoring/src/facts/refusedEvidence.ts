// Events the ledger refused are evidence, never money: what they may add to a decision.
import type { VerifiedEvent } from '../inputs/events.js';
import type { InvoiceInput } from '../inputs/invoice.js';
import type { StreamOptions } from '../inputs/streamOptions.js';
import { byId, extractStreamFacts, type SignerMismatch, type StreamFacts } from './streamFacts.js';

const STRICT = { validatePayloads: true, requireSubject: false, detectConflicts: false } as const;

/**
 * `facts` plus what the refused events prove (a new object; `facts` is left as it is), without counting a single amount or attestation
 * from them: wrong signers (a supplier signing someone else's attestation is a forgery) and
 * payloads that break the contract. A refused event the engine itself finds nothing wrong with
 * was refused for a reason only the ledger knew (an unregistered role, a key mismatch): it is
 * reported as a signer mismatch, so a person looks. Events of another invoice are ignored.
 */
export function withRefusedEvidence(
  facts: StreamFacts,
  invoice: InvoiceInput,
  refused: readonly VerifiedEvent[],
): StreamFacts {
  const own = refused.filter((e) => e.subjectId === undefined || e.subjectId === invoice.invoiceId);
  if (own.length === 0) return facts;
  const evidence = extractStreamFacts(invoice, own, true, STRICT);
  const explained = new Set<string>();
  const mismatches: SignerMismatch[] = [...facts.mismatches];
  for (const m of evidence.mismatches) {
    mismatches.push(m);
    explained.add(m.eventId);
  }
  const invalid = [...facts.invalid];
  for (const x of evidence.invalid) {
    invalid.push(x);
    explained.add(x.eventId);
  }
  for (const e of own) {
    if (explained.has(e.id)) continue;
    mismatches.push({
      eventId: e.id,
      eventType: e.eventType,
      signerQuid: e.signerQuid,
      expected: 'a signer the ledger accepts',
      bySupplier: false,
    });
  }
  mismatches.sort(byId);
  // Every list of the facts is in event-id order, whichever way the evidence arrived.
  invalid.sort(byId);
  return { ...facts, mismatches, invalid };
}

/**
 * `facts` with the purchases and fraud signals of the refused events added, read as the proof
 * of concept reads a stream (no signer binding, no schema): the proof of concept sees the node's
 * stream as it is, refused events included, so a `factor.purchased` or a fraud signal there
 * vetoes under its preset. Only vetoes are added; no amount or attestation.
 */
export function withRefusedVetoes(
  facts: StreamFacts,
  invoice: InvoiceInput,
  refused: readonly VerifiedEvent[],
  options: StreamOptions,
): StreamFacts {
  const own = refused.filter((e) => e.subjectId === undefined || e.subjectId === invoice.invoiceId);
  if (own.length === 0) return facts;
  const vetoes = extractStreamFacts(invoice, own, false, options);
  if (vetoes.purchases.length === 0 && vetoes.fraudSignals.length === 0) return facts;
  const purchases = [...facts.purchases, ...vetoes.purchases];
  const fraudSignals = [...facts.fraudSignals, ...vetoes.fraudSignals];
  fraudSignals.sort(byId);
  return { ...facts, purchases, fraudSignals };
}
