// Payment terms as ERPs print them ("2/10 net 30", "2 % 10 Tage, 30 Tage netto", "NET30").

/**
 * Payment terms read from text: net days and an optional early-payment discount.
 *
 * @example
 * ```ts
 * const t: PaymentTerms = { netDays: 30, discount: { rateBps: 200, withinDays: 10 } };
 * ```
 */
export interface PaymentTerms {
  readonly netDays?: number;
  readonly discount?: { readonly rateBps: number; readonly withinDays: number };
}

/**
 * Reads payment terms: `2/10 net 30`, `2/10 n/30`, `2% 10 days net 30`, `2 % 10 Tage, 30 Tage
 * netto`, `net 30`, `NET30`, `30 Tage netto`. `undefined` when the text is not one of these.
 *
 * @example
 * ```ts
 * parsePaymentTerms('2/10 net 30'); // { netDays: 30, discount: { rateBps: 200, withinDays: 10 } }
 * parsePaymentTerms('30 Tage netto'); // { netDays: 30 }
 * ```
 */
export function parsePaymentTerms(text: string): PaymentTerms | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const pct = '(\\d{1,2}(?:[.,]\\d{1,2})?)';
  const slash = new RegExp(`^${pct} ?/ ?(\\d{1,3})(?:,? ?(?:net|n/|netto) ?(\\d{1,3}))?$`).exec(t);
  const words = new RegExp(
    `^${pct} ?% ?(?:skonto )?(?:within |innerhalb )?(\\d{1,3}) ?(?:days|tage|d)?,? ?(?:(?:net|netto) ?(\\d{1,3})|(\\d{1,3}) ?(?:days|tage) ?(?:net|netto))?$`,
  ).exec(t);
  const m = slash ?? words;
  if (m) {
    const rateBps = bps(m[1] ?? '');
    const withinDays = Number(m[2]);
    const net = m[3] ?? m[4];
    if (rateBps === undefined || rateBps <= 0 || rateBps >= 10000) return undefined;
    return { ...(net === undefined ? {} : { netDays: Number(net) }), discount: { rateBps, withinDays } };
  }
  const net =
    /^(?:net|netto|n) ?(\d{1,3})(?: ?(?:days|tage))?$/.exec(t) ??
    /^(\d{1,3}) ?(?:days|tage) ?(?:net|netto)$/.exec(t);
  if (net) return { netDays: Number(net[1]) };
  return undefined;
}

function bps(p: string): number | undefined {
  const [w = '0', f = ''] = p.replace(',', '.').split('.');
  if (f.length > 2) return undefined;
  return Number(w) * 100 + Number(f.padEnd(2, '0'));
}
