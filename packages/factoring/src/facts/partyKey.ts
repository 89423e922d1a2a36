// One counterparty per group of `portfolio.buyerGroup` for the contra and circle searches: a
// supplier selling to one company of a group while another company of it sells back is trading
// with one party.

/** The book's grouping of quids (`PortfolioState.groupOf`). */
export type GroupOf = (quid: string) => string | undefined;

/** A quid's counterparty: its group's key when the book groups it, else the quid itself. */
export type PartyOf = (quid: string) => string;

// A group's key cannot be a quid (no quid starts with a NUL character), so a group named like a
// quid is not merged with that quid.
const GROUP = '\u0000';

/**
 * The counterparty function of a book's grouping, or undefined when there is none (each quid is
 * its own party, and callers skip the call).
 *
 * @example
 * ```ts
 * const party = partyOf((q) => (q === 'b1' || q === 'b2' ? 'parent' : undefined));
 * party?.('b1') === party?.('b2'); // true
 * party?.('s'); // 's'
 * ```
 */
export function partyOf(groupOf: GroupOf | undefined): PartyOf | undefined {
  if (groupOf === undefined) return undefined;
  return (quid) => {
    const g = groupOf(quid);
    return g === undefined ? quid : GROUP + g;
  };
}
