// The low end of a rate's confidence interval, for judging small samples.

/**
 * z for a two-sided 99 % interval: a hold on a thin sample must rest on more than chance (at 95 %
 * a buyer's single disputed invoice would already hold it).
 */
const Z = 2.575_829;

/**
 * The lower bound of the Wilson score interval (99 %) of a rate observed as `rateBps` over `n`
 * trials, in bps (floored): the smallest rate the sample still supports. A thin sample whose low
 * end already passes a limit shows the limit passed (two disputes in two invoices: 2,316 bps);
 * one that does not (one dispute in two: 617 bps; one in one: 1,309) is too thin to say. 0 when `n` is 0.
 *
 * @example
 * ```ts
 * wilsonLowerBps(10_000, 4); // 3,761: four disputes in four invoices
 * ```
 */
export function wilsonLowerBps(rateBps: number, n: number): number {
  if (n <= 0) return 0;
  const p = Math.min(1, Math.max(0, rateBps / 10_000));
  const z2 = Z * Z;
  const centre = p + z2 / (2 * n);
  const spread = Z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return Math.max(0, Math.floor(((centre - spread) / (1 + z2 / n)) * 10_000));
}
