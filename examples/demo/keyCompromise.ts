// The key-compromise chapter: the supplier's key is stolen, the owner freezes it, the thief's
// invoice is refused, guardians recover the quid after the time lock, and the supplier issues again.
import type { InvoiceLedger, QuidnugClient } from '@quidfin/client';
import { generateSigner, recoveredSigner, type Signer } from '@quidfin/core';
import type { Connection } from '../shared/connect.js';
import { type EvaluateOptions, evaluate } from './evaluate.js';
import type { Narrator } from './narrator.js';

export interface KeyChapterContext {
  readonly say: Narrator;
  readonly client: QuidnugClient;
  readonly ledger: InvoiceLedger;
  readonly supplier: Signer;
  /** The supplier's guardians (its CFO and its bank), set up at registration; undefined on a real node. */
  readonly guardians: { readonly cfo: Signer; readonly bank: Signer } | undefined;
  readonly devnode: Connection['devnode'];
  readonly asF: EvaluateOptions;
  /** Issues invoice number `n` of the run, signed by `signer`. */
  readonly issue: (n: number, signer: Signer) => Promise<{ invoiceId: string; invoiceNumber: string }>;
}

/** The time lock the guardian set asks for (an hour; the devnode's clock is moved past it). */
export const RECOVERY_DELAY_SECONDS = 3600;

export async function keyCompromiseChapter(c: KeyChapterContext): Promise<void> {
  const { say, ledger, supplier } = c;
  say.step("Key compromise: the supplier's key is stolen, frozen, and recovered by its guardians");
  if (!c.devnode || !c.guardians) {
    // A dc164c6 node accepts guardian anchors but never commits them (docs/protocol/guardians.md §1).
    say.done(
      'skipped on a real node: it never commits guardian anchors (docs/protocol/guardians.md §1), so no recovery can complete',
    );
    return;
  }
  const { cfo, bank } = c.guardians;
  // The thief holds a copy of the supplier's P-256 key; the owner notices and freezes it.
  const thief = supplier;
  const { anchor } = await ledger.freezeKey({ signer: supplier });
  say.done(`the owner froze key epoch ${anchor.fromEpoch} (key.invalidated on its QUID stream)`);
  c.devnode.advanceSeconds(2);

  const stolen = await c.issue(90, thief);
  // The thief's TITLE is signed with the frozen key too: the chain of custody refuses it (the read
  // throws NO_VALID_TITLE) before its invoice.issued could be judged KEY_FROZEN.
  const stolenRead = await ledger.getInvoice(stolen.invoiceId).then(
    (view) => view.rejected.map((r) => `${r.event.eventType} ${r.code}`).join(', ') || 'nothing refused',
    (error: unknown) => `title refused: ${(error as { reason?: string }).reason ?? String(error)}`,
  );
  say.done(`the thief issued ${stolen.invoiceNumber} with the stolen key: ${stolenRead}`);
  say.expect(
    stolenRead === 'title refused: NO_VALID_TITLE' || stolenRead === 'invoice.issued KEY_FROZEN',
    "the financier's read refuses the thief's invoice (its title or invoice.issued signed with the frozen key, judged at its block's time)",
  );
  const refused = await evaluate(stolen.invoiceId, c.asF).then(
    () => undefined,
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
  say.expect(refused !== undefined, `nothing to finance: ${refused ?? 'the thief got a decision'}`);

  const newKey = generateSigner().signer;
  const { maturityUnix } = await ledger.beginRecovery({
    subjectQuid: supplier.quidId,
    newPublicKey: newKey.publicKey,
    guardianSigners: [cfo, bank],
  });
  say.done(
    `the CFO and the bank (2 of 2 guardians) opened a recovery to a new key; it matures at ${new Date(maturityUnix * 1000).toISOString()}`,
  );
  c.devnode.advanceSeconds(RECOVERY_DELAY_SECONDS + 1);
  await ledger.completeRecovery({ subjectQuid: supplier.quidId, committer: cfo, newKey });
  c.devnode.advanceSeconds(2);
  say.done(
    'after the time lock (the devnode clock moved an hour) the recovery committed; same quid, new key',
  );

  const supplierNow = recoveredSigner(newKey, supplier.quidId);
  const fresh = await c.issue(91, supplierNow);
  const freshView = await ledger.getInvoice(fresh.invoiceId);
  say.expect(
    freshView.events.some((e) => e.eventType === 'invoice.issued' && e.signerQuid === supplier.quidId) &&
      freshView.rejected.length === 0,
    `${fresh.invoiceNumber}, signed with the new key, counts for the same supplier quid`,
  );
  const held = await evaluate(fresh.invoiceId, { ...c.asF, asOf: c.devnode.nowSeconds() });
  const keyReason = held.decision.reasons.find((r) => r.code === 'RECENT_KEY_EVENT');
  say.done(
    `financier: ${held.beforeKeyEvents.outcome.toUpperCase()} before the key rule, ${held.decision.outcome.toUpperCase()} with it`,
  );
  if (keyReason) say.detail(`${keyReason.code}: ${keyReason.message}`);
  say.expect(
    keyReason !== undefined && held.decision.outcome !== 'approve',
    'factoring holds the invoice: a recent freeze and recovery of the supplier key (RECENT_KEY_EVENT)',
  );
}
