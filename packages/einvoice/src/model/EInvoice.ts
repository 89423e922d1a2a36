// The EN 16931 semantic invoice as this package reads and writes it (BT-/BG- numbers in comments).
import type { EExtension } from '../xml/EExtension.js';

/**
 * A postal address (BG-5, BG-8, BG-15).
 *
 * @example
 * ```ts
 * const a: EAddress = { line1: 'Main street 1', city: 'London', postalCode: 'GB 123 EW', country: 'GB' };
 * ```
 */
export interface EAddress {
  readonly line1?: string;
  readonly line2?: string;
  readonly city?: string;
  readonly postalCode?: string;
  readonly subdivision?: string;
  /** ISO 3166-1 alpha-2 (BT-40, BT-55, BT-80). */
  readonly country: string;
}

/**
 * An identifier with an optional scheme (ISO 6523 ICD, EAS code, ...).
 *
 * @example
 * ```ts
 * const id: EId = { value: '9482348239847239874', scheme: '0088' };
 * ```
 */
export interface EId {
  readonly value: string;
  readonly scheme?: string;
}

/**
 * Seller (BG-4) or buyer (BG-7).
 *
 * @example
 * ```ts
 * const seller: EParty = { name: 'Acme Ltd', vatId: 'GB1232434', address: { country: 'GB' }, ids: [] };
 * ```
 */
export interface EParty {
  /** Legal registration name (BT-27 / BT-44). */
  readonly name: string;
  /** Trading name (BT-28 / BT-45). */
  readonly tradingName?: string;
  /** Electronic address (BT-34 / BT-49). */
  readonly endpoint?: EId;
  /** Party identifiers (BT-29 / BT-46). */
  readonly ids: readonly EId[];
  /** Legal registration identifier (BT-30 / BT-47). */
  readonly legalId?: EId;
  /** VAT identifier (BT-31 / BT-48). */
  readonly vatId?: string;
  /** Tax registration identifier other than VAT (BT-32). */
  readonly taxRegistrationId?: string;
  readonly address?: EAddress;
  readonly contactName?: string;
  readonly contactPhone?: string;
  readonly contactEmail?: string;
}

/**
 * A VAT category and rate (BT-151/152 on lines, BT-95/96, BT-102/103 on allowances and charges).
 *
 * @example
 * ```ts
 * const vat: EVat = { category: 'S', rate: '25' };
 * ```
 */
export interface EVat {
  /** UNCL5305 code: S, Z, E, AE, K, G, O, L, M. */
  readonly category: string;
  /** Percent as a decimal string; absent for category O. */
  readonly rate?: string;
}

/**
 * A document- or line-level allowance (BG-20, BG-27) or charge (BG-21, BG-28).
 * Amounts are decimal strings in the invoice currency, never floats.
 *
 * @example
 * ```ts
 * const c: EAllowanceCharge = { charge: true, amount: '25', reason: 'Insurance', vat: { category: 'S', rate: '25' } };
 * ```
 */
export interface EAllowanceCharge {
  readonly charge: boolean;
  readonly amount: string;
  readonly baseAmount?: string;
  readonly percent?: string;
  readonly reason?: string;
  readonly reasonCode?: string;
  /** Document level only. */
  readonly vat?: EVat;
}

/**
 * One invoice line (BG-25).
 *
 * @example
 * ```ts
 * const line: ELine = { id: '1', quantity: '7', unitCode: 'DAY', netAmount: '2800', name: 'Consulting',
 *   price: { net: '400' }, vat: { category: 'S', rate: '25' }, allowancesCharges: [] };
 * ```
 */
export interface ELine {
  readonly id: string;
  readonly note?: string;
  /** Invoiced quantity (BT-129), signed decimal string. */
  readonly quantity: string;
  /** UN/ECE Rec 20 unit code (BT-130). */
  readonly unitCode: string;
  /** Line net amount (BT-131). */
  readonly netAmount: string;
  /** Referenced purchase order line (BT-132). */
  readonly orderLineRef?: string;
  readonly name: string;
  readonly description?: string;
  readonly sellerItemId?: string;
  readonly buyerItemId?: string;
  readonly standardItemId?: EId;
  /** Net price (BT-146), base quantity (BT-149), gross price and discount (BT-148, BT-147). */
  readonly price: {
    readonly net: string;
    readonly baseQuantity?: string;
    readonly baseUnitCode?: string;
    readonly gross?: string;
    readonly discount?: string;
  };
  readonly vat: EVat;
  readonly allowancesCharges: readonly EAllowanceCharge[];
}

/**
 * One row of the VAT breakdown (BG-23).
 *
 * @example
 * ```ts
 * const row: EVatBreakdown = { category: 'S', rate: '25', taxableAmount: '1325', taxAmount: '331.25' };
 * ```
 */
export interface EVatBreakdown {
  readonly category: string;
  readonly rate?: string;
  readonly taxableAmount: string;
  readonly taxAmount: string;
  readonly exemptionReason?: string;
  readonly exemptionReasonCode?: string;
}

/**
 * Document totals (BG-22), decimal strings in the invoice currency.
 *
 * @example
 * ```ts
 * const t: ETotals = { lineNet: '1300', chargeTotal: '25', taxExclusive: '1325', vatTotal: '331.25', taxInclusive: '1656.25', payable: '1656.25' };
 * ```
 */
export interface ETotals {
  /** Sum of line net amounts (BT-106). */
  readonly lineNet: string;
  readonly allowanceTotal?: string;
  readonly chargeTotal?: string;
  /** BT-109. */
  readonly taxExclusive: string;
  /** Total VAT in the invoice currency (BT-110); absent when no VAT is due in it. */
  readonly vatTotal?: string;
  /** Total VAT in the tax currency (BT-111), with `taxCurrency`. */
  readonly vatTotalInTaxCurrency?: string;
  /** BT-112. */
  readonly taxInclusive: string;
  readonly prepaid?: string;
  readonly rounding?: string;
  /** Amount due for payment (BT-115). */
  readonly payable: string;
}

/**
 * Payment instructions (BG-16): means code (BT-81), remittance information / creditor
 * reference (BT-83), and the payee account (BT-84 IBAN, BT-85 name, BT-86 BIC).
 *
 * @example
 * ```ts
 * const pm: EPaymentMeans = { code: '30', remittance: 'RF18539007547034', iban: 'DE89370400440532013000' };
 * ```
 */
export interface EPaymentMeans {
  readonly code: string;
  readonly remittance?: string;
  readonly iban?: string;
  readonly accountName?: string;
  readonly bic?: string;
}

/**
 * Delivery information (BG-13).
 *
 * @example
 * ```ts
 * const d: EDelivery = { date: '2017-11-01', partyName: 'Warehouse 3', address: { country: 'SE' } };
 * ```
 */
export interface EDelivery {
  readonly date?: string;
  readonly locationId?: EId;
  readonly partyName?: string;
  readonly address?: EAddress;
}

export type { EExtension } from '../xml/EExtension.js';

/**
 * An EN 16931 invoice or credit note read from (or to be written as) UBL 2.1 or CII D16B.
 * Amounts keep the decimal text of the source; arithmetic on them is exact (bigint).
 *
 * @example
 * ```ts
 * const inv = parseEInvoice(xml);
 * console.log(inv.number, inv.totals.payable, inv.currency);
 * ```
 */
export interface EInvoice {
  readonly syntax: 'UBL' | 'CII';
  /** UBL root `Invoice` or `CreditNote`; CII carries this in the type code only. */
  readonly kind: 'invoice' | 'creditNote';
  /** Specification identifier (BT-24), e.g. Peppol BIS 3.0 or XRechnung. */
  readonly customizationId: string;
  /** Business process (BT-23). */
  readonly profileId?: string;
  /** Invoice number (BT-1). */
  readonly number: string;
  /** BT-2, `YYYY-MM-DD`. */
  readonly issueDate: string;
  /** UNCL1001 type code (BT-3): 380 invoice, 381 credit note, ... */
  readonly typeCode: string;
  /** BT-5. */
  readonly currency: string;
  /** VAT accounting currency (BT-6), when it differs from the invoice currency. */
  readonly taxCurrency?: string;
  /** BT-9. */
  readonly dueDate?: string;
  readonly notes: readonly string[];
  /** BT-10. */
  readonly buyerReference?: string;
  /** Purchase order reference (BT-13). */
  readonly orderReference?: string;
  /** Sales order reference (BT-14). */
  readonly salesOrderReference?: string;
  /** Contract reference (BT-12). */
  readonly contractReference?: string;
  /** Preceding invoice reference (BT-25), e.g. the invoice a credit note corrects. */
  readonly precedingInvoice?: string;
  readonly accountingCost?: string;
  readonly seller: EParty;
  readonly buyer: EParty;
  readonly delivery?: EDelivery;
  readonly paymentMeans: readonly EPaymentMeans[];
  /** Payment terms text (BT-20). */
  readonly paymentTerms?: string;
  readonly allowancesCharges: readonly EAllowanceCharge[];
  readonly vatBreakdown: readonly EVatBreakdown[];
  readonly totals: ETotals;
  readonly lines: readonly ELine[];
  readonly extensions: readonly EExtension[];
}
