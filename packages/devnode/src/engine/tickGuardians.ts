// Runs the guardian part of a block tick after the transaction blocks (Engine.mine).

import type { BlockResult } from '../chain/mineBlocks.js';
import { guardianLedgerOf, guardianModeOf } from '../state/GuardianLedger.js';
import type { NodeState } from '../state/state.js';

/** What a tick reads of the engine (declared here, so this file does not import Engine.ts back). */
export interface GuardianTickHost {
  readonly state: NodeState;
  now(): number;
  nowSeconds(): number;
}

/** Applies (or, in 'drop' mode, loses) the pooled guardian anchors; records new epoch-0 keys. */
export function tickGuardians(engine: GuardianTickHost, result: BlockResult): void {
  const ledger = guardianLedgerOf(engine.state, engine.nowSeconds());
  ledger.mode = guardianModeOf(engine);
  const produced = result.committed.length + result.rejected.length > 0;
  ledger.tick(engine.now(), produced, engine.state.blocks.length);
}
