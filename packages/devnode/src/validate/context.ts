import type { NodeState } from '../state/state.js';
import type { SignatureChecker } from './signatures.js';

/** What a validator reads: committed state, the clock and the signature checker. */
export interface ValidationContext {
  readonly state: NodeState;
  /** Unix seconds now (the node's clock). */
  readonly nowSeconds: () => number;
  readonly signatures: SignatureChecker;
}
