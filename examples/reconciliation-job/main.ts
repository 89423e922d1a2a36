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
import { formatConfidence, textTable } from '../shared/textTable.js';

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
    const numbers = (ids: readonly string[]) => ids.map((id) => numberOf.get(id) ?? id).join(', ');
    const lines = result.lines.map((line) => {
      const tx = transactions.find((t) => t.id === line.transactionId);
      const best = line.suggestions[0];
      const applied = line.allocations.map((a) => {
        const writeOff = a.writeOffMinor ? `, ${money(a.writeOffMinor)} ${a.writeOffReason} written off` : '';
        return `${a.invoiceNumber} (${a.kind}${writeOff})`;
      });
      const [invoicesCell, confidence, note] =
        line.status === 'auto'
          ? [applied.join(', '), formatConfidence(line.confidence), '']
          : line.status === 'suggested' && best
            ? [
                `${numbers(best.invoiceIds)}?`,
                formatConfidence(best.confidence),
                `${line.reason}: a person confirms`,
              ]
            : ['', '', line.reason ?? ''];
      return [
        tx?.bankReference ?? line.transactionId,
        money(tx?.amountMinor ?? 0, tx?.currency),
        line.status.toUpperCase(),
        invoicesCell,
        confidence,
        note,
      ];
    });
    const matches = textTable(
      [
        { header: 'Bank reference' },
        { header: 'Amount', align: 'right' },
        { header: 'Status' },
        { header: 'Invoices' },
        { header: 'Confidence', align: 'right' },
        { header: 'Note' },
      ],
      lines,
    );
    // What would be posted, one line per event: the fields a person checks, not the raw payload.
    const toPost = textTable(
      [
        { header: 'Invoice' },
        { header: 'Event' },
        { header: 'Amount', align: 'right' },
        { header: 'Detail' },
        { header: 'Confidence', align: 'right' },
      ],
      [
        ...result.adjustments.map((e) => [
          numberOf.get(e.invoiceId) ?? e.invoiceId,
          e.eventType,
          money(e.payload.amountMinor),
          `${e.payload.reason} write-off, credit note ${e.payload.creditNoteId}`,
          '',
        ]),
        ...result.events.map((e) => [
          numberOf.get(e.invoiceId) ?? e.invoiceId,
          e.eventType,
          money(e.payload.amountMinor, e.payload.currency),
          `from ${e.payload.payerName ?? 'unknown payer'}, bank ref ${e.payload.bankReference ?? '-'}`,
          e.payload.matchConfidence === undefined ? '' : formatConfidence(e.payload.matchConfidence),
        ]),
      ],
    );
    const states = textTable(
      [{ header: 'Invoice' }, { header: 'State after posting' }],
      result.invoices.map((i) => [numberOf.get(i.invoiceId) ?? i.invoiceId, i.state]),
    );
    console.log(
      [
        ...matches,
        '',
        'Events to post (write-offs first, as invoice.credited, then payments):',
        ...toPost,
        '',
        ...states,
      ].join('\n'),
    );

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
    ledger.registerParticipant(supplier, { name: 'Acme Components GmbH', role: 'supplier' }),
    ledger.registerParticipant(northwind, { name: 'Northwind Retail BV', role: 'buyer' }),
    ledger.registerParticipant(globex, { name: 'Globex Logistics SA', role: 'buyer' }),
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
