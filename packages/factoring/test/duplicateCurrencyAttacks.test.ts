// Copies of a receivable re-issued in another currency. The records the engine hands back
// (`financedRecords`, `portfolioAfter.knownInvoices`) and the ones it indexes dropped the
// invoice's currency, so a book stored back lost it.
import { describe, expect, it } from 'vitest';
import {
  createPortfolioState,
  evaluateBatch,
  evaluateInvoice,
  standardPolicy,
  trustSourceFromRecord,
} from '../src/index.js';
import { AS_OF, DEAL_TRUST, deal } from './fixtures.js';

const trust = trustSourceFromRecord(DEAL_TRUST);
// No limits on file: one book may then hold invoices in several currencies.
const policy = standardPolicy({ requireBuyerLimit: false, newDebtor: 'accept' });

describe('the records the engine hands back keep the invoice’s currency', () => {
  it('financedRecords and portfolioAfter.knownInvoices carry each approved invoice’s currency', () => {
    const r = evaluateBatch({ items: [deal({ currency: 'JPY' })], trust, policy, asOf: AS_OF });
    expect(r.decisions[0]?.outcome).toBe('approve');
    expect(r.financedRecords.map((x) => x.currency)).toEqual(['JPY']);
    expect(r.portfolioAfter?.knownInvoices?.map((x) => x.currency)).toEqual(['JPY']);
  });

  it('the record an evaluation checks (and reserveApproval adds) carries the invoice’s currency', () => {
    const state = createPortfolioState({});
    const d = deal({ currency: 'EUR' });
    evaluateInvoice({ invoice: d.invoice, events: d.events, trust, policy, asOf: AS_OF, portfolio: state });
    expect(state.duplicates.queried?.(d.invoice.invoiceId)?.currency).toBe('EUR');
    expect(state.duplicates.lastQueried?.currency).toBe('EUR');
  });
});
