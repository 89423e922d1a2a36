import { describe, expect, it } from 'vitest';
import { main } from '../main.js';

describe('supplier-app example', () => {
  it('issues an invoice, attests shipment and delivery, and reads back a verified stream', async () => {
    const view = await main();
    expect(view.events.map((e) => e.eventType)).toEqual([
      'invoice.issued',
      'carrier.shipped',
      'carrier.delivered',
    ]);
    expect(view.rejected).toEqual([]);
    expect(view.lifecycle.state).toBe('Delivered');
    expect(view.lifecycle.violations).toEqual([]);
    // 500 x 2.40 + 12 x 18.75 = 1425.00, plus 19 % VAT = 1695.75
    expect(view.lifecycle.issued).toMatchObject({ amountMinor: 169575, taxMinor: 27075, currency: 'EUR' });
    const supplier = view.lifecycle.issued?.supplierQuid ?? '';
    expect(view.roles[supplier]).toBe('supplier');
  });
});
