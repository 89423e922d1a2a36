import { describe, expect, it } from 'vitest';
import * as core from '../../src/index.js';

// Every documented runtime export of the invoice domain exists on the package root.
const INVOICE_EXPORTS = [
  'ISO_4217_EXPONENTS',
  'isCurrencyCode',
  'currencyExponent',
  'parseMoney',
  'toDecimalString',
  'formatMoney',
  'addMinor',
  'subtractMinor',
  'sumMinor',
  'allocateMinor',
  'assertSafeMinor',
  'requireCurrency',
  'exponentOf',
  'minorToBigInt',
  'minorFromBigInt',
  'INVOICE_EVENT_TYPES',
  'FRAUD_SIGNAL_PREFIX',
  'fraudSignalKind',
  'isInvoiceEventType',
  'parseInvoiceEventPayload',
  'safeParseInvoiceEventPayload',
  'authorizedSignerRoles',
  'checkEventSigner',
  'checkTitleCustody',
  'deriveInvoiceParties',
  'partiesFromIssued',
  'INVOICE_STATES',
  'deriveInvoiceLifecycle',
  'computeInvoiceTotals',
  'checkInvoiceDocument',
  'parseInvoiceDocument',
  'canonicalJson',
  'canonicalJsonBytes',
  'invoiceHash',
  'generateDocumentKey',
  'documentPublicKey',
  'ed25519Sign',
  'ed25519Verify',
  'DOCUMENT_KEYS_ATTRIBUTE',
  'documentKeyAttribute',
  'isDocumentKeyBound',
  'signInvoiceDocument',
  'verifyInvoiceDocument',
  'verifyInvoiceEvents',
] as const;

describe('@quidfin/core invoice exports', () => {
  it('exposes every invoice export from the package root', () => {
    const missing = INVOICE_EXPORTS.filter((name) => !(name in core));
    expect(missing).toEqual([]);
  });

  it('has no default export', () => {
    expect('default' in core).toBe(false);
  });
});
