// Builds an EN 16931 invoice from quidfin's invoice document, so an SDK-issued invoice can be
// sent as UBL or CII.
import { currencyExponent, type InvoiceDocument } from '@quidfin/core';
import { EInvoiceError } from './errors/EInvoiceError.js';
import type { EInvoice, EVatBreakdown } from './model/EInvoice.js';
import { add, type Dec, dec, show, ZERO } from './rules/decimal.js';

/**
 * What the document does not hold but an EN 16931 invoice requires: the parties' countries
 * (BT-40, BT-55), and optionally the specification identifier and the payment means code.
 *
 * @example
 * ```ts
 * const extras: EInvoiceExtras = { sellerCountry: 'DE', buyerCountry: 'FR' };
 * ```
 */
export interface EInvoiceExtras {
  readonly sellerCountry: string;
  readonly buyerCountry: string;
  /** Default: Peppol BIS Billing 3.0. */
  readonly customizationId?: string;
  /** UNCL4461; default 58 (SEPA credit transfer) with an IBAN, else 30 (credit transfer). */
  readonly paymentMeansCode?: string;
}

const PEPPOL_BIS = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';

/**
 * Builds an {@link EInvoice} from a core `InvoiceDocument` (amounts from minor units to decimal
 * strings, each line's VAT rate as category S, or Z at 0%, a VAT breakdown per rate). The
 * document rounds VAT per line, EN 16931 per rate (BR-CO-17): when the two differ by a cent the
 * result fails `checkEInvoice` and `writeEInvoice` refuses it, rather than silently changing the
 * tax. Free-text party addresses go to the first address line. Currencies with more than two
 * decimals (BHD, KWD, ...) are refused with `ValidationError('EINVOICE_NOT_REPRESENTABLE')`.
 *
 * @example
 * ```ts
 * const document = parseInvoiceDocument(json); // core's schema-checked InvoiceDocument
 * const xml = writeEInvoice(fromInvoiceDocument(document, { sellerCountry: 'DE', buyerCountry: 'FR' }), 'UBL');
 * ```
 */
export function fromInvoiceDocument(doc: InvoiceDocument, extras: EInvoiceExtras): EInvoice {
  const exp = currencyExponent(doc.currency);
  if (exp === undefined)
    throw new EInvoiceError('INVALID_DOCUMENT', [
      { path: 'currency', message: `unknown currency ${doc.currency}` },
    ]);
  // BR-DEC: EN 16931 amounts have at most 2 decimals, so BHD, KWD, ... cannot be written.
  if (exp > 2)
    throw new EInvoiceError('EINVOICE_NOT_REPRESENTABLE', [
      {
        path: 'currency',
        message: `${doc.currency} has ${exp} decimals; EN 16931 amounts have at most 2 (BR-DEC)`,
      },
    ]);
  const major = (minor: string): string => show({ units: BigInt(minor.split('.')[0] ?? '0'), scale: exp });
  // Unit prices may carry fractions of a minor unit ("0.5" cents).
  const price = (minor: string): string => {
    const d = dec(minor) as Dec;
    return show({ units: d.units, scale: d.scale + exp });
  };
  const rate = (bps: number): string => show({ units: BigInt(bps), scale: 2 });
  const taxable = new Map<number, Dec>();
  const taxes = new Map<number, bigint>();
  const lines = doc.lineItems.map((l, i) => {
    taxable.set(
      l.taxRateBps,
      add(taxable.get(l.taxRateBps) ?? ZERO, { units: BigInt(l.amountMinor), scale: exp }),
    );
    // The document's own per-line VAT, summed per rate, so the breakdown says what was signed.
    const lineTax = (BigInt(l.amountMinor) * BigInt(l.taxRateBps) * 2n + 10_000n) / 20_000n;
    taxes.set(l.taxRateBps, (taxes.get(l.taxRateBps) ?? 0n) + lineTax);
    return {
      id: String(i + 1),
      quantity: l.quantity,
      unitCode: 'C62',
      netAmount: major(l.amountMinor),
      name: l.description,
      price: { net: price(l.unitPriceMinor) },
      vat: { category: l.taxRateBps === 0 ? 'Z' : 'S', rate: rate(l.taxRateBps) },
      allowancesCharges: [],
    };
  });
  const vatBreakdown: EVatBreakdown[] = [...taxable].map(([bps, base]) => ({
    category: bps === 0 ? 'Z' : 'S',
    rate: rate(bps),
    taxableAmount: show(base),
    taxAmount: show({ units: taxes.get(bps) ?? 0n, scale: exp }),
  }));
  const party = (p: InvoiceDocument['supplier'], country: string) => ({
    name: p.name,
    ids: [],
    ...(p.taxId === undefined ? {} : { vatId: p.taxId }),
    address: { ...(p.address === undefined ? {} : { line1: p.address }), country },
  });
  const iban = doc.supplier.iban;
  return {
    syntax: 'UBL',
    kind: 'invoice',
    customizationId: extras.customizationId ?? PEPPOL_BIS,
    number: doc.invoiceNumber,
    issueDate: doc.issueDate,
    typeCode: '380',
    currency: doc.currency,
    dueDate: doc.dueDate,
    notes: doc.notes === undefined ? [] : [doc.notes],
    ...(doc.poReference === undefined ? {} : { orderReference: doc.poReference }),
    seller: party(doc.supplier, extras.sellerCountry),
    buyer: party(doc.buyer, extras.buyerCountry),
    paymentMeans: [
      {
        code: extras.paymentMeansCode ?? (iban ? '58' : '30'),
        ...(doc.paymentReference === undefined ? {} : { remittance: doc.paymentReference }),
        ...(iban === undefined ? {} : { iban }),
      },
    ],
    allowancesCharges: [],
    vatBreakdown,
    totals: {
      lineNet: major(doc.subtotalMinor),
      taxExclusive: major(doc.subtotalMinor),
      vatTotal: major(doc.taxMinor),
      taxInclusive: major(doc.totalMinor),
      payable: major(doc.totalMinor),
    },
    lines,
    extensions: [],
  };
}
