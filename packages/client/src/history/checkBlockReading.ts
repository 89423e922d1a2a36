// Option checks shared by the readers of a node's blocks (BlockHistory, VerifiedTrust) and the
// loose shape every option checker takes (each field unknown until checked).
import type { OptionsChecker } from '@quidfin/core';

/** Options as given by a caller: every field may hold anything until it is checked. */
export type Loose<K extends string> = { readonly [P in K]?: unknown };

/** Checks `node` (an index into the client's nodes) and `pageSize` (1..1000 blocks per request). */
export function checkBlockReading(check: OptionsChecker, o: Loose<'node' | 'pageSize'>): void {
  check.integer('node', o.node, { min: 0, optional: true });
  check.integer('pageSize', o.pageSize, { min: 1, max: 1000, optional: true });
}
