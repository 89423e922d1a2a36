// A mutable in-memory GuardianLedgerView for the rule tests.

import type { GuardianLedgerView, GuardianSet } from '../../src/guardian/index.js';

export interface MemoryView extends GuardianLedgerView {
  keys: Map<string, string>;
  nonces: Map<string, number>;
  sets: Map<string, GuardianSet>;
  pending: Map<string, { initHash: string; maturityUnix: number }>;
  resignations: Map<string, number>;
}

export function memoryView(): MemoryView {
  const keys = new Map<string, string>();
  const nonces = new Map<string, number>();
  const sets = new Map<string, GuardianSet>();
  const pending = new Map<string, { initHash: string; maturityUnix: number }>();
  const resignations = new Map<string, number>();
  return {
    keys,
    nonces,
    sets,
    pending,
    resignations,
    signerKey: (q, e) => keys.get(`${q}/${e}`),
    currentEpoch: () => 0,
    lastAnchorNonce: (q) => nonces.get(q) ?? 0,
    guardianSet: (q) => sets.get(q),
    pendingRecovery: (q) => pending.get(q),
    resignationNonce: (g, s) => resignations.get(`${g}/${s}`) ?? 0,
  };
}
