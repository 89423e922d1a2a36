// Two- and three-way matching of an invoice against a purchase order and goods receipts.
import type { EInvoice, ELine } from '../model/EInvoice.js';
import { add, cmp, type Dec, dec, divRound, mul, show, sub, ZERO } from '../rules/decimal.js';
import type { PoLineBalance, PoLineMatch, PoMatchResult, PoMismatch } from './PoMatchResult.js';
import type { GoodsReceipt, LineTolerance, PurchaseOrder, PurchaseOrderLine } from './PurchaseOrder.js';

/**
 * Input of {@link matchPurchaseOrder}. With `receipts` (even an empty list) the match is
 * three-way; without, two-way.
 *
 * @example
 * ```ts
 * const input: PoMatchInput = { po, invoice, receipts: [gr1, gr2], tolerance: { price: { percentBps: 100 } } };
 * ```
 */
export interface PoMatchInput {
  readonly po: PurchaseOrder;
  readonly invoice: EInvoice;
  readonly receipts?: readonly GoodsReceipt[];
  /** Quantities already invoiced on earlier invoices against this PO, per PO line. */
  readonly previouslyInvoiced?: readonly { readonly poLineId: string; readonly quantity: string }[];
  /**
   * Credit notes correcting this invoice (BT-25 = its number): their quantities, tied to PO
   * lines by BT-132, are taken off what this invoice bills, so a short delivery credited by the
   * supplier matches again.
   */
  readonly creditNotes?: readonly EInvoice[];
  /** Default tolerance for every line (absent: exact). */
  readonly tolerance?: LineTolerance;
  /** Per PO line id, replacing the default. */
  readonly lineTolerances?: Readonly<Record<string, LineTolerance>>;
}

const BPS: Dec = { units: 1n, scale: 4 };

function allowance(
  base: Dec,
  t: { readonly percentBps?: number; readonly absolute?: string } | undefined,
): Dec {
  if (!t) return ZERO;
  const pct = mul(
    mul(base.units < 0n ? sub(ZERO, base) : base, { units: BigInt(t.percentBps ?? 0), scale: 0 }),
    BPS,
  );
  const abs = dec(t.absolute ?? '0') ?? ZERO;
  return cmp(pct, abs) >= 0 ? pct : abs;
}

function itemIds(l: ELine): string[] {
  return [l.sellerItemId, l.buyerItemId, l.standardItemId?.value].filter((x): x is string => x !== undefined);
}

/** The PO-line quantities the credit notes take back; a credit note for another invoice is refused. */
function creditedLines(
  notes: readonly EInvoice[],
  invoiceNumber: string,
  header: PoMismatch[],
): { poLineId: string; quantity: string }[] {
  const rows: { poLineId: string; quantity: string }[] = [];
  for (const n of notes) {
    if (n.precedingInvoice !== invoiceNumber || (n.kind !== 'creditNote' && n.typeCode !== '381')) {
      header.push({
        code: 'CREDIT_NOTE_FOR_OTHER_INVOICE',
        invoiceLineId: '',
        expected: invoiceNumber,
        ...(n.precedingInvoice === undefined ? {} : { actual: n.precedingInvoice }),
        message: `${n.number} is not a credit note correcting invoice ${invoiceNumber}; ignored`,
      });
      continue;
    }
    for (const l of n.lines) {
      if (l.orderLineRef === undefined) {
        header.push({
          code: 'NO_PO_LINE',
          invoiceLineId: '',
          message: `credit note ${n.number} line ${l.id} quotes no order line (BT-132); not taken off`,
        });
        continue;
      }
      // UBL credit notes carry positive quantities; CII ones may be negative. Either way it is taken off.
      rows.push({ poLineId: l.orderLineRef, quantity: l.quantity.replace(/^-/, '') });
    }
  }
  return rows;
}

/**
 * Matches an invoice against its purchase order (two-way) and, when receipts are given, what
 * was received (three-way). Invoice lines are tied to PO lines by the order line reference
 * (BT-132), or by item id only when exactly one PO line carries it; nothing is guessed. Per
 * line it checks unit, price (invoice net price per unit may exceed the PO price only within
 * tolerance; a lower price is accepted and noted) and quantity (this invoice plus earlier ones
 * against ordered and, three-way, against received minus rejected, each within tolerance),
 * so partial deliveries and partial invoices match while over-billing does not. Every
 * blocking problem is a typed {@link PoMismatch} with the figures compared.
 *
 * @example
 * ```ts
 * const r = matchPurchaseOrder({ po, invoice: parseEInvoice(xml), receipts: [gr] });
 * r.status; // 'mismatch'
 * r.reasons[0]; // { code: 'QTY_OVER_RECEIVED', invoiceLineId: '1', poLineId: '10', expected: '60', actual: '100', ... }
 * ```
 */
export function matchPurchaseOrder(input: PoMatchInput): PoMatchResult {
  const { po, invoice } = input;
  const threeWay = input.receipts !== undefined;
  const header: PoMismatch[] = [];
  const bad = (code: PoMismatch['code'], message: string, extra: Partial<PoMismatch> = {}): PoMismatch => ({
    code,
    invoiceLineId: '',
    message,
    ...extra,
  });
  if (invoice.kind === 'creditNote' || invoice.typeCode === '381')
    header.push(
      bad('NOT_AN_INVOICE', 'a credit note is matched against the invoice it corrects, not against the PO'),
    );
  if (invoice.orderReference === undefined)
    header.push(
      bad('NO_PO_REFERENCE', `the invoice quotes no purchase order (BT-13); expected ${po.number}`, {
        expected: po.number,
      }),
    );
  else if (invoice.orderReference !== po.number)
    header.push(
      bad('PO_REFERENCE_MISMATCH', `the invoice quotes PO ${invoice.orderReference}, not ${po.number}`, {
        expected: po.number,
        actual: invoice.orderReference,
      }),
    );
  if (invoice.currency !== po.currency)
    header.push(
      bad('CURRENCY_MISMATCH', `invoice in ${invoice.currency}, PO in ${po.currency}`, {
        expected: po.currency,
        actual: invoice.currency,
      }),
    );
  const receipts = (input.receipts ?? []).filter((r) => {
    if (r.poNumber === po.number) return true;
    header.push(
      bad('RECEIPT_FOR_OTHER_PO', `receipt ${r.id} is for PO ${r.poNumber}; ignored`, { actual: r.poNumber }),
    );
    return false;
  });

  const num = (text: string, where: string, lineId: string, reasons: PoMismatch[]): Dec | undefined => {
    const d = dec(text);
    if (!d)
      reasons.push(bad('INVALID_NUMBER', `${where} "${text}" is not a decimal`, { invoiceLineId: lineId }));
    return d;
  };

  // Per PO line: previously invoiced, received.
  const sumBy = (rows: readonly { poLineId: string; quantity: string; rejected?: string }[]) => {
    const m = new Map<string, Dec>();
    for (const r of rows) {
      const q = num(r.quantity, `quantity of PO line ${r.poLineId}`, '', header);
      const rej =
        r.rejected === undefined
          ? ZERO
          : num(r.rejected, `rejected quantity of PO line ${r.poLineId}`, '', header);
      if (q && rej) m.set(r.poLineId, add(m.get(r.poLineId) ?? ZERO, sub(q, rej)));
    }
    return m;
  };
  const previous = sumBy(input.previouslyInvoiced ?? []);
  const credited = sumBy(creditedLines(input.creditNotes ?? [], invoice.number, header));
  const received = sumBy(receipts.flatMap((r) => r.lines));

  const lines: {
    match: PoLineMatch & { reasons: PoMismatch[]; notes: string[] };
    po?: PurchaseOrderLine;
    qty?: Dec;
  }[] = invoice.lines.map((l) => {
    const reasons: PoMismatch[] = [];
    const notes: string[] = [];
    const lineBad = (code: PoMismatch['code'], message: string, extra: Partial<PoMismatch> = {}) =>
      reasons.push(bad(code, message, { invoiceLineId: l.id, ...extra }));
    let poLine: PurchaseOrderLine | undefined;
    if (l.orderLineRef !== undefined) {
      poLine = po.lines.find((p) => p.lineId === l.orderLineRef);
      if (!poLine)
        lineBad('NO_PO_LINE', `PO ${po.number} has no line ${l.orderLineRef}`, { actual: l.orderLineRef });
    } else {
      const ids = itemIds(l);
      const candidates = po.lines.filter((p) => p.itemId !== undefined && ids.includes(p.itemId));
      if (candidates.length === 1) {
        poLine = candidates[0];
        notes.push(`no order line reference; tied to PO line ${poLine?.lineId} by item id`);
      } else if (candidates.length > 1)
        lineBad(
          'PO_LINE_AMBIGUOUS',
          `item ${ids.join('/')} is on PO lines ${candidates.map((c) => c.lineId).join(', ')}`,
        );
      else lineBad('NO_PO_LINE', 'no order line reference (BT-132) and no PO line with the same item id');
    }
    const match = {
      invoiceLineId: l.id,
      ...(poLine ? { poLineId: poLine.lineId } : {}),
      status: 'matched' as const,
      reasons,
      notes,
    };
    if (!poLine) return { match };
    const extra = { poLineId: poLine.lineId };
    if (l.unitCode !== poLine.unitCode) {
      lineBad(
        'UNIT_MISMATCH',
        `invoiced in ${l.unitCode}, ordered in ${poLine.unitCode}; no conversion is assumed`,
        {
          ...extra,
          expected: poLine.unitCode,
          actual: l.unitCode,
        },
      );
      return { match, po: poLine };
    }
    const qty = num(l.quantity, 'quantity', l.id, reasons);
    if (qty && qty.units < 0n)
      lineBad('NEGATIVE_QUANTITY', `quantity ${l.quantity} is negative; use a credit note`, extra);
    const invPrice = num(l.price.net, 'net price', l.id, reasons);
    const invBase = num(l.price.baseQuantity ?? '1', 'base quantity', l.id, reasons);
    const poPrice = num(poLine.unitPrice, 'PO unit price', l.id, reasons);
    const poBase = num(poLine.baseQuantity ?? '1', 'PO base quantity', l.id, reasons);
    if (invPrice && invBase && poPrice && poBase && invBase.units !== 0n && poBase.units !== 0n) {
      const a = divRound(invPrice, invBase, 12);
      const b = divRound(poPrice, poBase, 12);
      const over = sub(a, b);
      const tol = input.lineTolerances?.[poLine.lineId] ?? input.tolerance;
      if (over.units > 0n) {
        if (cmp(over, allowance(b, tol?.price)) > 0)
          lineBad(
            'PRICE_OVER_PO',
            `unit price ${show(a)} is above the PO price ${show(b)} by ${show(over)}, beyond tolerance`,
            {
              ...extra,
              expected: show(b),
              actual: show(a),
            },
          );
        else notes.push(`unit price ${show(a)} is above the PO price ${show(b)} within tolerance`);
      } else if (over.units < 0n) notes.push(`unit price ${show(a)} is below the PO price ${show(b)}`);
    }
    return { match, po: poLine, ...(qty && qty.units >= 0n ? { qty } : {}) };
  });

  // Quantities per PO line: this invoice plus earlier ones, against ordered and received.
  const poLines: PoLineBalance[] = [];
  for (const p of po.lines) {
    const mine = lines.filter((l) => l.po === p);
    const ordered = num(p.quantity, `ordered quantity of PO line ${p.lineId}`, '', header) ?? ZERO;
    const now = mine.reduce((s, l) => add(s, l.qty ?? ZERO), ZERO);
    const invoiced = sub(add(now, previous.get(p.lineId) ?? ZERO), credited.get(p.lineId) ?? ZERO);
    const got = received.get(p.lineId) ?? ZERO;
    const tol = input.lineTolerances?.[p.lineId] ?? input.tolerance;
    poLines.push({
      poLineId: p.lineId,
      ordered: show(ordered),
      ...(threeWay ? { received: show(got) } : {}),
      invoiced: show(invoiced),
      openQuantity: show(sub(ordered, invoiced)),
    });
    if (mine.length === 0 || now.units === 0n) continue;
    const flag = (code: PoMismatch['code'], message: string, expected: Dec) => {
      for (const l of mine)
        l.match.reasons.push(
          bad(code, message, {
            invoiceLineId: l.match.invoiceLineId,
            poLineId: p.lineId,
            expected: show(expected),
            actual: show(invoiced),
          }),
        );
    };
    const overOrdered = sub(invoiced, ordered);
    if (overOrdered.units > 0n) {
      if (cmp(overOrdered, allowance(ordered, tol?.quantity)) > 0)
        flag(
          'QTY_OVER_ORDERED',
          `${show(invoiced)} invoiced in total against ${show(ordered)} ordered on PO line ${p.lineId}`,
          ordered,
        );
      else
        for (const l of mine)
          l.match.notes.push(`invoiced ${show(invoiced)} against ${show(ordered)} ordered, within tolerance`);
    }
    if (!threeWay) continue;
    if (got.units <= 0n) flag('NOT_RECEIVED', `nothing received yet on PO line ${p.lineId}`, got);
    else {
      const overReceived = sub(invoiced, got);
      if (overReceived.units > 0n) {
        if (cmp(overReceived, allowance(got, tol?.quantity)) > 0)
          flag(
            'QTY_OVER_RECEIVED',
            `${show(invoiced)} invoiced in total but ${show(got)} received on PO line ${p.lineId}`,
            got,
          );
        else
          for (const l of mine)
            l.match.notes.push(`invoiced ${show(invoiced)} against ${show(got)} received, within tolerance`);
      }
    }
  }

  const out: PoLineMatch[] = lines.map(({ match }) => ({
    ...match,
    status: match.reasons.length
      ? 'mismatch'
      : match.notes.some((n) => n.includes('within tolerance'))
        ? 'within-tolerance'
        : 'matched',
  }));
  const reasons = [...header, ...out.flatMap((l) => l.reasons)];
  return {
    mode: threeWay ? 'three-way' : 'two-way',
    status: reasons.length ? 'mismatch' : 'matched',
    poNumber: po.number,
    invoiceNumber: invoice.number,
    reasons,
    lines: out,
    poLines,
  };
}
