import type { RemittanceAdvice } from '../model/OpenInvoice.js';
import type { PayerMemory } from '../model/PayerMemory.js';
import type { InvoiceIndex } from './InvoiceIndex.js';
import type { ResolvedOptions } from './options.js';

/**
 * Current open amount per invoice position: the invoices' own amounts plus what this run has
 * applied, kept as a sparse overlay so a run costs nothing per open invoice it does not touch.
 *
 * @example
 * ```ts
 * const open: OpenAmounts = { get: (i) => index.invoices[i]?.openAmountMinor ?? 0 };
 * ```
 */
export interface OpenAmounts {
  get(item: number): number;
}

/**
 * Everything {@link evaluateLine} needs besides the line.
 *
 * @example
 * ```ts
 * const { proposals } = evaluateLine(tx, { index, open: { get: (i) => index.invoices[i]!.openAmountMinor }, options: resolveOptions(), memory, advices: new Map(), rfLengths: index.rfLengths });
 * ```
 */
export interface LineContext {
  readonly index: InvoiceIndex;
  readonly open: OpenAmounts;
  readonly options: ResolvedOptions;
  readonly memory: PayerMemory;
  readonly advices: ReadonlyMap<string, RemittanceAdvice>;
  readonly rfLengths: ReadonlySet<number>;
}
