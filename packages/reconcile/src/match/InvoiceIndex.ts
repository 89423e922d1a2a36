import { currencyExponent } from '@quidfin/core';
import { ReconcileInputError } from '../errors/ReconcileInputError.js';
import type { OpenInvoice } from '../model/OpenInvoice.js';
import type { PayerMemory } from '../model/PayerMemory.js';
import { normaliseAccount } from '../refs/iban.js';
import { nameKey, nameTokens } from '../text/nameKey.js';
import { referenceRuns } from '../text/referenceKey.js';

/**
 * Invoice positions under one index key: a bare number for the usual single hit (saves memory at 1M invoices), else a list.
 *
 * @example
 * ```ts
 * const p: Posting | undefined = index.byNumberKey.get('INV1001');
 * ```
 */
export type Posting = number | readonly number[];

/**
 * The invoice positions of a posting as a list.
 *
 * @example
 * ```ts
 * postings(index.byNumberKey.get('INV1001')); // [0]
 * ```
 */
export function postings(p: Posting | undefined): readonly number[] {
  return p === undefined ? [] : typeof p === 'number' ? [p] : p;
}

/**
 * Per-payer facts the matcher needs.
 *
 * @example
 * ```ts
 * const info: PayerInfo | undefined = index.payers.get('buyer-quid');
 * ```
 */
export interface PayerInfo {
  readonly payerId: string;
  readonly name: string;
  /** Open items, oldest due first (then invoice id). */
  readonly items: readonly number[];
  /** Indexes of `items` sorted by open amount, with the amounts, for range lookups. */
  readonly byAmount: readonly number[];
  readonly amounts: readonly number[];
  /** The payer's open credit notes (positions), for netting. */
  readonly creditNotes: readonly number[];
  /** Significant tokens of the payer's name (`nameTokens`), computed once. */
  readonly tokens: readonly string[];
}

/**
 * Hash indexes over the open items, built once per run so each bank line costs the same
 * whatever the number of open invoices: by structured reference, by normalised invoice-number
 * key, by digits key, by payer (account, name, learned alias, name token) and by exact amount.
 * Invoices are referred to by their position in the input array.
 *
 * @example
 * ```ts
 * const index = buildInvoiceIndex(invoices, emptyPayerMemory());
 * postings(index.byNumberKey.get('INV1001')); // [0]
 * ```
 */
export interface InvoiceIndex {
  readonly invoices: readonly OpenInvoice[];
  /** Position of each invoice id. */
  readonly byId: ReadonlyMap<string, number>;
  /** Lengths of the known ISO 11649 references (bounds the repair search in free text). */
  readonly rfLengths: ReadonlySet<number>;
  readonly byPaymentRef: ReadonlyMap<string, Posting>;
  readonly byNumberKey: ReadonlyMap<string, Posting>;
  readonly byDigits: ReadonlyMap<string, Posting>;
  /**
   * Invoice numbers with every separator removed but zeros kept (`RE-2026-00456` as
   * `RE202600456`), only where that differs from what gluing the runs gives.
   */
  readonly byCompactKey: ReadonlyMap<string, Posting>;
  /** The digits of a prefixed number without its prefix (`RE-2026/00123` as `2026123` and `202600123`). */
  readonly byTail: ReadonlyMap<string, Posting>;
  /** Purchase-order numbers (reference keys). */
  readonly byPoKey: ReadonlyMap<string, Posting>;
  /** Customer numbers (reference keys) to payer ids. */
  readonly payerByCustomerNumber: ReadonlyMap<string, readonly string[]>;
  /** Currency, then open amount in minor units. */
  readonly byAmount: ReadonlyMap<string, ReadonlyMap<number, Posting>>;
  readonly payers: ReadonlyMap<string, PayerInfo>;
  readonly payerByAccount: ReadonlyMap<
    string,
    readonly { readonly payerId: string; readonly learned: boolean }[]
  >;
  readonly payerByName: ReadonlyMap<
    string,
    readonly { readonly payerId: string; readonly learned: boolean }[]
  >;
  readonly payerByNameToken: ReadonlyMap<string, readonly string[]>;
  /** Longest invoice-number key in runs, bounding the free-text window. */
  readonly maxKeyRuns: number;
}

function post<K>(map: Map<K, number | number[]>, key: K, value: number): void {
  const cur = map.get(key);
  if (cur === undefined) map.set(key, value);
  else if (typeof cur === 'number') {
    if (cur !== value) map.set(key, [cur, value]);
  } else if (cur[cur.length - 1] !== value) cur.push(value);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}

/**
 * Validates the open items and builds the {@link InvoiceIndex}. Throws
 * {@link ReconcileInputError} naming the first bad invoice.
 *
 * @example
 * ```ts
 * const index = buildInvoiceIndex(openInvoices, memory);
 * ```
 */
export function buildInvoiceIndex(invoices: readonly OpenInvoice[], memory: PayerMemory): InvoiceIndex {
  const byPaymentRef = new Map<string, number | number[]>();
  const byNumberKey = new Map<string, number | number[]>();
  const byDigits = new Map<string, number | number[]>();
  const byCompactKey = new Map<string, number | number[]>();
  const byTail = new Map<string, number | number[]>();
  const byPoKey = new Map<string, number | number[]>();
  const payerByCustomerNumber = new Map<string, string[]>();
  const byAmount = new Map<string, Map<number, number | number[]>>();
  const payerItems = new Map<string, number[]>();
  const payerName = new Map<string, string>();
  const payerByAccount = new Map<string, { payerId: string; learned: boolean }[]>();
  const payerByName = new Map<string, { payerId: string; learned: boolean }[]>();
  const payerByNameToken = new Map<string, string[]>();
  const seenIds = new Map<string, number>();
  const rfLengths = new Set<number>();
  let maxKeyRuns = 1;
  const addPayerRef = (
    map: Map<string, { payerId: string; learned: boolean }[]>,
    key: string,
    payerId: string,
    learned: boolean,
  ): void => {
    if (key === '') return;
    const list = map.get(key) ?? [];
    if (!list.some((x) => x.payerId === payerId)) list.push({ payerId, learned });
    map.set(key, list);
  };
  invoices.forEach((inv, i) => {
    const path = `invoices[${i}]`;
    if (!inv.invoiceId) throw new ReconcileInputError(`${path}.invoiceId`, 'is required');
    if (seenIds.has(inv.invoiceId))
      throw new ReconcileInputError(`${path}.invoiceId`, `duplicate invoice id "${inv.invoiceId}"`);
    seenIds.set(inv.invoiceId, i);
    if (currencyExponent(inv.currency) === undefined)
      throw new ReconcileInputError(`${path}.currency`, `invalid currency "${inv.currency}"`);
    if (!Number.isSafeInteger(inv.openAmountMinor) || inv.openAmountMinor <= 0)
      throw new ReconcileInputError(`${path}.openAmountMinor`, 'must be a positive safe integer');
    if (!Number.isSafeInteger(inv.amountMinor) || inv.amountMinor < inv.openAmountMinor)
      throw new ReconcileInputError(`${path}.amountMinor`, 'must be a safe integer at least the open amount');
    if (inv.paymentReference) {
      const ref = inv.paymentReference.replace(/[\s-]+/g, '').toUpperCase();
      post(byPaymentRef, ref, i);
      if (ref.startsWith('RF')) rfLengths.add(ref.length);
    }
    // One pass over the number: runs, key and digits key (same rules as referenceKey / digitsKey).
    const runs = referenceRuns(inv.invoiceNumber);
    const key = runs.join('');
    if (key.length >= 3) {
      post(byNumberKey, key, i);
      if (runs.length > maxKeyRuns) maxKeyRuns = runs.length;
    }
    let digits = '';
    for (let r = runs.length - 1; r >= 0; r--) {
      const run = runs[r] ?? '';
      if (run.charCodeAt(0) <= 57) {
        digits = run.length >= 4 ? run : '';
        break;
      }
    }
    if (digits !== '' && digits !== key) post(byDigits, digits, i);
    indexVariants(inv.invoiceNumber, runs, key, i, byCompactKey, byTail);
    if (inv.poNumber) {
      const po = referenceRuns(inv.poNumber).join('');
      if (po.length >= 4 && /\d/.test(po)) post(byPoKey, po, i);
    }
    if (inv.customerNumber) {
      const c = referenceRuns(inv.customerNumber).join('');
      if (c.length >= 4) push(payerByCustomerNumber, c, inv.payerId);
    }
    let amounts = byAmount.get(inv.currency);
    if (amounts === undefined) {
      amounts = new Map();
      byAmount.set(inv.currency, amounts);
    }
    post(amounts, inv.openAmountMinor, i);
    push(payerItems, inv.payerId, i);
    if (inv.payerName && !payerName.has(inv.payerId)) payerName.set(inv.payerId, inv.payerName);
    for (const a of inv.payerAccounts ?? [])
      addPayerRef(payerByAccount, normaliseAccount(a), inv.payerId, false);
  });
  for (const [payerId, name] of payerName) {
    addPayerRef(payerByName, nameKey(name), payerId, false);
    for (const t of nameTokens(name)) push(payerByNameToken, t, payerId);
  }
  for (const payerId of Object.keys(memory.payers).sort()) {
    const entry = memory.payers[payerId];
    if (entry === undefined) continue;
    for (const a of entry.accounts) addPayerRef(payerByAccount, a, payerId, true);
    for (const n of entry.aliases) addPayerRef(payerByName, n, payerId, true);
  }
  const payers = new Map<string, PayerInfo>();
  for (const [payerId, items] of payerItems) {
    items.sort((a, b) => {
      const da = invoices[a]?.dueAt ?? '';
      const db = invoices[b]?.dueAt ?? '';
      return da < db ? -1 : da > db ? 1 : a - b;
    });
    const byAmt = items
      .map((_, k) => k)
      .sort(
        (a, b) =>
          (invoices[items[a] ?? 0]?.openAmountMinor ?? 0) - (invoices[items[b] ?? 0]?.openAmountMinor ?? 0) ||
          a - b,
      );
    payers.set(payerId, {
      payerId,
      name: payerName.get(payerId) ?? '',
      items,
      byAmount: byAmt,
      amounts: byAmt.map((k) => invoices[items[k] ?? 0]?.openAmountMinor ?? 0),
      creditNotes: items.filter((i) => invoices[i]?.kind === 'credit-note'),
      tokens: nameTokens(payerName.get(payerId) ?? ''),
    });
  }
  return {
    invoices,
    byId: seenIds,
    rfLengths,
    byPaymentRef,
    byNumberKey,
    byDigits,
    byCompactKey,
    byTail,
    byPoKey,
    payerByCustomerNumber,
    byAmount,
    payers,
    payerByAccount,
    payerByName,
    payerByNameToken,
    maxKeyRuns: Math.min(maxKeyRuns, 8),
  };
}

/**
 * Keys for the ways payers mangle a number: separators dropped with zeros kept (only when a
 * later digit run is zero-padded, else gluing the runs already gives the key), and the digits
 * without a letter prefix (only for two or more digit runs: a single run is `byDigits`).
 */
function indexVariants(
  number: string,
  runs: readonly string[],
  key: string,
  i: number,
  byCompactKey: Map<string, number | number[]>,
  byTail: Map<string, number | number[]>,
): void {
  const raw = number.toUpperCase().match(/[A-Z0-9]+/g) ?? [];
  const compact = raw.join('');
  if (compact !== key && compact.length >= 5 && /\d/.test(compact)) {
    const glued = referenceRuns(compact).join('');
    if (glued !== key) post(byCompactKey, compact, i);
  }
  const first = runs[0] ?? '';
  const rest = runs.slice(1);
  if (
    first !== '' &&
    first.charCodeAt(0) > 57 &&
    rest.length >= 2 &&
    rest.every((r) => r.charCodeAt(0) <= 57)
  ) {
    const tail = rest.join('');
    if (tail.length >= 6) post(byTail, tail, i);
    const compactTail = compact.slice(compact.search(/\d/));
    if (compactTail !== tail && compactTail.length >= 6) post(byTail, compactTail, i);
  }
}
