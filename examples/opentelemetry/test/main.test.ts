import { describe, expect, it } from 'vitest';
import { main } from '../main.js';

describe('OpenTelemetry example', () => {
  it('exports the ledger, client and reconcile spans through the registered SDK', async () => {
    const { spanNames } = await main();
    expect(spanNames).toEqual(
      expect.arrayContaining([
        'InvoiceLedger.registerParticipant',
        'InvoiceLedger.issueInvoice',
        'InvoiceLedger.appendEvent',
        'InvoiceLedger.getInvoice',
        'POST /events',
        'reconcile.statement.parse',
        'reconcile.run',
        'factoring.evaluateInvoice',
      ]),
    );
  });
});
