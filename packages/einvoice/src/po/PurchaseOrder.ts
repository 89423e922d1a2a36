// The buyer's purchase order and goods receipts, as PO matching reads them.

/**
 * One ordered line. Quantities and prices are decimal strings (prices in major units of the
 * PO currency, like the e-invoice's BT-146), never floats.
 *
 * @example
 * ```ts
 * const line: PurchaseOrderLine = { lineId: '10', itemId: 'WID-1', quantity: '100', unitCode: 'C62', unitPrice: '4.25' };
 * ```
 */
export interface PurchaseOrderLine {
  /** What the invoice quotes in BT-132 (order line reference). */
  readonly lineId: string;
  /** Seller's, buyer's or standard item id, used only when the invoice line has no BT-132. */
  readonly itemId?: string;
  readonly description?: string;
  readonly quantity: string;
  readonly unitCode: string;
  /** Net price per `baseQuantity` units (default 1). */
  readonly unitPrice: string;
  readonly baseQuantity?: string;
}

/**
 * A purchase order (the buyer's side of the two- and three-way match).
 *
 * @example
 * ```ts
 * const po: PurchaseOrder = { number: 'PO-4711', currency: 'EUR', lines: [line] };
 * ```
 */
export interface PurchaseOrder {
  /** What the invoice quotes in BT-13. */
  readonly number: string;
  readonly currency: string;
  readonly lines: readonly PurchaseOrderLine[];
}

/**
 * What arrived: a goods receipt posted by the buyer, or a carrier's proof of delivery. Several
 * receipts against one PO are partial deliveries; their quantities add up.
 *
 * @example
 * ```ts
 * const gr: GoodsReceipt = { id: 'GR-1', source: 'goods-receipt', poNumber: 'PO-4711', lines: [{ poLineId: '10', quantity: '60' }] };
 * ```
 */
export interface GoodsReceipt {
  readonly id: string;
  readonly source: 'goods-receipt' | 'carrier-delivery';
  readonly poNumber: string;
  readonly lines: readonly {
    readonly poLineId: string;
    /** Quantity received, in the PO line's unit. */
    readonly quantity: string;
    /** Quantity received but rejected (damaged, wrong item); not payable. */
    readonly rejected?: string;
  }[];
}

/**
 * Tolerance for one line: an invoice may exceed the PO price / the ordered or received
 * quantity by at most the larger of `percentBps` (basis points of the PO figure) and `absolute`
 * (a decimal in the same unit). Absent means zero: exact.
 *
 * @example
 * ```ts
 * const t: LineTolerance = { price: { percentBps: 200 }, quantity: { absolute: '1' } };
 * ```
 */
export interface LineTolerance {
  readonly price?: { readonly percentBps?: number; readonly absolute?: string };
  readonly quantity?: { readonly percentBps?: number; readonly absolute?: string };
}
