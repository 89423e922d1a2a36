// Reconciliation job: read a bank statement (camt.053), match its credits against the supplier's
// open invoices on the node with @quidfin/reconcile, and print the matches and the
// `payment.received` events it would post. With --post it posts them and prints the invoices'
// new lifecycle states. The first step seeds three open invoices so there is something to match.
//
//   npx tsx --conditions=@quidfin/source examples/reconciliation-job/main.ts [--post]
//
// Uses the node at QUIDNUG_NODE (e.g. http://localhost:8080) when set, else an in-process devnode.
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { InvoiceLedger } from '@quidfin/client';
import { formatMoney, generateSigner, type Signer } from '@quidfin/core';
import { parseStatement, type ReconcileResult, reconcile } from '@quidfin/reconcile';

import { connect } from '../shared/connect.js';
import { openInvoicesOf } from '../shared/openInvoices.js';

const TRUST_DOMAIN = 'factoring.supply-chain.us';
const STATEMENT = new URL('./statement.xml', import.meta.url);

export interface JobResult {
  readonly result: ReconcileResult;
  /** Lifecycle state of each matched invoice after posting (empty without `post`). */
  readonly statesAfter: Readonly<Record<string, string>>;
}

export async function main({ post = false } = {}): Promise<JobResult> {
  const { client, close } = await connect(TRUST_DOMAIN);
  try {
    const ledger = new InvoiceLedger(client, { trustDomain: TRUST_DOMAIN });
    const supplier = generateSigner().signer;
    await seed(ledger, supplier);

    // 1. Open invoices: every invoice title the supplier holds, read with its verified stream.
    const { invoices, ledgerEvents } = await openInvoicesOf(client, ledger, supplier.quidId);

    // 2. The statement. Parsers never guess: odd input comes back as warnings.
    const { statements, warnings } = parseStatement(await readFile(STATEMENT));
    for (const w of warnings) console.warn(`statement: ${w.code} ${w.message}`);
    const transactions = statements.flatMap((s) => s.transactions);

    // 3. Match. Pure and deterministic; anything unsure is suggested or left unmatched, never forced.
    //    With the invoices' events it also predicts each invoice's lifecycle state once posted.
    const result = reconcile({ transactions, invoices, ledgerEvents });
    const numberOf = new Map(invoices.map((i) => [i.invoiceId, i.invoiceNumber]));
    for (const line of result.lines) {
      const tx = transactions.find((t) => t.id === line.transactionId);
      const head = `${tx?.bankReference ?? line.transactionId}  ${money(tx?.amountMinor ?? 0, tx?.currency)}`;
      const applied = line.allocations.map((a) => {
        const writeOff = a.writeOffMinor ? `, ${money(a.writeOffMinor)} ${a.writeOffReason} written off` : '';
        return `${a.invoiceNumber} (${a.kind}${writeOff})`;
      });
      const best = line.suggestions[0];
      const detail =
        line.status === 'auto'
          ? `${applied.join(', ')}, confidence ${line.confidence.toFixed(2)}`
          : line.status === 'suggested' && best
            ? `${best.invoiceIds.map((id) => numberOf.get(id)).join(', ')}? (${line.reason}, confidence ${best.confidence.toFixed(2)}: a person confirms)`
            : (line.reason ?? '');
      console.log(`${head.padEnd(32)} ${line.status.toUpperCase().padEnd(9)} ${detail}`);
    }
    console.log('\nEvents to post (write-offs first, as invoice.credited, then payments):');
    for (const e of [...result.adjustments, ...result.events]) {
      console.log(`  ${numberOf.get(e.invoiceId)} ${e.eventType} ${JSON.stringify(e.payload)}`);
    }
    for (const i of result.invoices) console.log(`  ${numberOf.get(i.invoiceId)} would become ${i.state}`);

    // 4. Post: the supplier (or the financier that bought the invoice) signs each event.
    const statesAfter: Record<string, string> = {};
    if (post) {
      for (const e of result.adjustments) await ledger.credit(supplier, e.invoiceId, e.payload);
      for (const e of result.events) await ledger.recordPayment(supplier, e.invoiceId, e.payload);
      for (const { invoiceId } of result.invoices) {
        statesAfter[invoiceId] = (await ledger.getInvoice(invoiceId)).lifecycle.state;
        console.log(`${numberOf.get(invoiceId)} is now ${statesAfter[invoiceId]}`);
      }
    }
    return { result, statesAfter };
  } finally {
    await close();
  }
}

const money = (minor: number, currency = 'EUR') => formatMoney(minor, currency, 'en-GB');

/** Puts the three invoices the statement pays on the node (issued in October, due in December). */
async function seed(ledger: InvoiceLedger, supplier: Signer): Promise<void> {
  const northwind = generateSigner().signer;
  const globex = generateSigner().signer;
  await Promise.all([
    ledger.registerParticipant({ signer: supplier, name: 'Acme Components GmbH', role: 'supplier' }),
    ledger.registerParticipant({ signer: northwind, name: 'Northwind Retail BV', role: 'buyer' }),
    ledger.registerParticipant({ signer: globex, name: 'Globex Logistics SA', role: 'buyer' }),
  ]);
  const run = Math.floor(Date.now() / 1000).toString(36); // unique ids, so the job can run again
  const issue = (invoiceNumber: string, buyer: Signer, amountMinor: number, paymentReference: string) => {
    const issuedAt = Date.parse('2026-10-21T09:00:00Z') / 1000;
    return ledger.issueInvoice(supplier, {
      invoiceId: `acme:${invoiceNumber}:${run}`,
      invoiceNumber,
      buyerQuid: buyer.quidId,
      amountMinor,
      currency: 'EUR',
      issuedAt,
      dueAt: issuedAt + 45 * 86_400,
      terms: 'NET-45',
      paymentReference, // ISO 11649 creditor reference printed on the invoice
      invoiceHash: '0'.repeat(64), // the hash of the signed invoice document, in a real app
    });
  };
  await Promise.all([
    issue('INV-2026-0101', northwind, 1_248_000, 'RF32INV20260101'),
    issue('INV-2026-0102', globex, 315_000, 'RF05INV20260102'),
    issue('INV-2026-0103', northwind, 760_000, 'RF75INV20260103'),
  ]);
}

// Run when executed directly (not when a test imports main).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main({ post: process.argv.includes('--post') }).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
