// Runs the guardian part of a block tick after the transaction blocks (Engine.mine).

import type { BlockResult } from '../chain/mineBlocks.js';
import type { Engine } from '../engine/Engine.js';
import { guardianLedgerOf, guardianModeOf } from './GuardianLedger.js';

/** Applies (or, in 'drop' mode, loses) the pooled guardian anchors; records new epoch-0 keys. */
export function tickGuardians(engine: Engine, result: BlockResult): void {
  const ledger = guardianLedgerOf(engine.state, engine.nowSeconds());
  ledger.mode = guardianModeOf(engine);
  const produced = result.committed.length + result.rejected.length > 0;
  ledger.tick(engine.now(), produced, engine.state.blocks.length);
}
