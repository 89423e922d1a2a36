// The devnode's guardian state (the node's NonceLedger guardian part): epoch keys, anchor nonces,
// guardian sets, recoveries, resignations, and the pool of accepted anchors awaiting a block.

import {
  checkGuardianSetUpdate,
  checkRecoveryCommit,
  checkRecoveryInit,
  checkRecoveryVeto,
  checkResignation,
  type GuardianLedgerView,
  type GuardianRecoveryCommit,
  type GuardianRecoveryInit,
  type GuardianRecoveryVeto,
  type GuardianResignation,
  type GuardianSet,
  type GuardianSetUpdate,
  type KeyEvent,
  recoveryInitHash,
} from '@quidfin/core';
import type { NodeState } from './state.js';

/** What the devnode does with accepted guardian anchors at a block tick. */
export type GuardianAnchorMode = 'apply' | 'drop';

/** An anchor accepted by a route and waiting for the next block tick. */
export type PooledAnchor =
  | { readonly kind: 'update'; readonly value: GuardianSetUpdate }
  | { readonly kind: 'init'; readonly value: GuardianRecoveryInit }
  | { readonly kind: 'veto'; readonly value: GuardianRecoveryVeto }
  | { readonly kind: 'commit'; readonly value: GuardianRecoveryCommit }
  | { readonly kind: 'resign'; readonly value: GuardianResignation };

/** A recovery record (terminal ones are kept, but the view only shows a pending one). */
export interface RecoveryRecord {
  readonly initHash: string;
  readonly init: GuardianRecoveryInit;
  readonly initBlockHeight: number;
  readonly maturityUnix: number;
  state: 'pending' | 'committed' | 'vetoed' | 'replaced';
}

/** The guardian ledger of one node state. */
export class GuardianLedger implements GuardianLedgerView {
  mode: GuardianAnchorMode = 'apply';
  readonly state: NodeState;
  readonly epoch0: Map<string, string> = new Map();
  readonly rotatedKeys: Map<string, Map<number, string>> = new Map();
  readonly epochs: Map<string, number> = new Map();
  readonly anchorNonces: Map<string, number> = new Map();
  readonly sets: Map<string, GuardianSet> = new Map();
  readonly recoveries: Map<string, RecoveryRecord> = new Map();
  readonly resignations: Map<string, GuardianResignation[]> = new Map();
  readonly resignationNonces: Map<string, number> = new Map();
  readonly keyEvents: Map<string, KeyEvent[]> = new Map();
  pool: PooledAnchor[] = [];

  constructor(state: NodeState) {
    this.state = state;
  }

  /** Records the epoch-0 key of identities committed since the last look (the node keeps the first). */
  observeIdentities(nowSeconds: number): void {
    for (const [quid, tx] of this.state.identities) {
      const key = tx['publicKey'];
      if (this.epoch0.has(quid) || typeof key !== 'string' || key === '') continue;
      this.epoch0.set(quid, key);
      this.#event(quid, { kind: 'registered', publicKey: key, at: nowSeconds });
    }
  }

  #event(quid: string, e: KeyEvent): void {
    const list = this.keyEvents.get(quid) ?? [];
    list.push(e);
    this.keyEvents.set(quid, list);
  }

  signerKey(quid: string, epoch: number): string | undefined {
    if (epoch === 0) return this.epoch0.get(quid);
    return this.rotatedKeys.get(quid)?.get(epoch);
  }
  currentEpoch(quid: string): number {
    return this.epochs.get(quid) ?? 0;
  }
  lastAnchorNonce(quid: string): number {
    return this.anchorNonces.get(quid) ?? 0;
  }
  guardianSet(quid: string): GuardianSet | undefined {
    return this.sets.get(quid);
  }
  pendingRecovery(quid: string): RecoveryRecord | undefined {
    const r = this.recoveries.get(quid);
    return r?.state === 'pending' ? r : undefined;
  }
  resignationNonce(guardianQuid: string, subjectQuid: string): number {
    return this.resignationNonces.get(`${guardianQuid}/${subjectQuid}`) ?? 0;
  }

  /**
   * A block tick. `produced`: whether the tick built any block. The node (dc164c6) never packs
   * guardian anchors into blocks and loses them when a block is built ('drop'); 'apply' applies
   * them as the node's block-processing code would, each revalidated first (a failing one is
   * skipped, as the node logs and skips it).
   */
  tick(nowMs: number, produced: boolean, blockIndex: number): void {
    const nowSeconds = Math.floor(nowMs / 1000);
    this.observeIdentities(nowSeconds);
    if (this.pool.length === 0) return;
    if (this.mode === 'drop') {
      if (produced) this.pool = [];
      return;
    }
    const pool = this.pool;
    this.pool = [];
    for (const a of pool) this.#apply(a, nowMs, blockIndex);
  }

  #apply(a: PooledAnchor, nowMs: number, blockIndex: number): void {
    const at = Math.floor(nowMs / 1000);
    switch (a.kind) {
      case 'update': {
        const u = a.value;
        if (checkGuardianSetUpdate(this, u, nowMs)) return;
        this.sets.set(u.subjectQuid, { ...u.newSet, updatedAtBlock: blockIndex });
        this.anchorNonces.set(u.subjectQuid, u.anchorNonce);
        return;
      }
      case 'init': {
        const i = a.value;
        const set = this.sets.get(i.subjectQuid);
        if (checkRecoveryInit(this, i, nowMs) || !set) return;
        const initHash = recoveryInitHash(i);
        // time.Unix(validFrom, 0).Add(delay).Unix(): whole seconds, rounded down.
        const maturityUnix = i.validFrom + Math.floor(set.recoveryDelay / 1e9);
        const prev = this.recoveries.get(i.subjectQuid);
        if (prev?.state === 'pending') prev.state = 'replaced';
        this.recoveries.set(i.subjectQuid, {
          initHash,
          init: i,
          initBlockHeight: blockIndex,
          maturityUnix,
          state: 'pending',
        });
        this.anchorNonces.set(i.subjectQuid, i.anchorNonce);
        this.#event(i.subjectQuid, { kind: 'recovery-opened', initHash, at });
        return;
      }
      case 'veto': {
        const v = a.value;
        const rec = this.pendingRecovery(v.subjectQuid);
        if (checkRecoveryVeto(this, v, nowMs) || !rec) return;
        rec.state = 'vetoed';
        this.anchorNonces.set(v.subjectQuid, v.anchorNonce);
        this.#event(v.subjectQuid, {
          kind: 'recovery-closed',
          initHash: rec.initHash,
          outcome: 'vetoed',
          at,
        });
        return;
      }
      case 'commit': {
        const c = a.value;
        const rec = this.pendingRecovery(c.subjectQuid);
        if (checkRecoveryCommit(this, c, nowMs) || !rec) return;
        rec.state = 'committed';
        const { fromEpoch, toEpoch, newPublicKey } = rec.init;
        this.epochs.set(c.subjectQuid, toEpoch);
        const keys = this.rotatedKeys.get(c.subjectQuid) ?? new Map<number, string>();
        keys.set(toEpoch, newPublicKey);
        this.rotatedKeys.set(c.subjectQuid, keys);
        this.anchorNonces.set(c.subjectQuid, c.anchorNonce);
        this.#event(c.subjectQuid, {
          kind: 'recovery-closed',
          initHash: rec.initHash,
          outcome: 'committed',
          at,
        });
        this.#event(c.subjectQuid, { kind: 'rotated', fromEpoch, toEpoch, newPublicKey, at });
        return;
      }
      case 'resign': {
        const r = a.value;
        if (checkResignation(this, r, nowMs)) return;
        const list = this.resignations.get(r.subjectQuid) ?? [];
        list.push(r);
        this.resignations.set(r.subjectQuid, list);
        this.resignationNonces.set(`${r.guardianQuid}/${r.subjectQuid}`, r.resignationNonce);
        return;
      }
    }
  }
}

// One ledger per node state: a restored snapshot starts a fresh ledger (guardian state is not
// part of devnode snapshots yet) that re-learns epoch-0 keys from the committed identities.
const ledgers = new WeakMap<NodeState, GuardianLedger>();
let defaultMode: WeakMap<object, GuardianAnchorMode> | undefined;

/** The guardian ledger of `state` (created on first use). */
export function guardianLedgerOf(state: NodeState, nowSeconds: number): GuardianLedger {
  let ledger = ledgers.get(state);
  if (!ledger) {
    ledger = new GuardianLedger(state);
    ledgers.set(state, ledger);
  }
  ledger.observeIdentities(nowSeconds);
  return ledger;
}

/** Remembers the mode an engine's ledgers use. */
export function setGuardianMode(engine: object, mode: GuardianAnchorMode): void {
  defaultMode ??= new WeakMap();
  defaultMode.set(engine, mode);
}

/** The mode set for `engine` (default 'apply'). */
export function guardianModeOf(engine: object): GuardianAnchorMode {
  return defaultMode?.get(engine) ?? 'apply';
}
