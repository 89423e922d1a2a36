// processBlockTransactions (internal/core/registry.go): a trusted block's transactions change the
// registries in order. Only here do identities, titles, trust edges and streams change.

import type { GoValue } from '../json/goStruct.js';
import type { BlockRecord, NodeState, StoredTx, TrustEdgeRecord } from '../state/state.js';
import { pairDelete, pairGet, pairSet } from '../state/state.js';

/** TRUST edges a block carries (ExtractTrustEdgesFromBlock), tagged with the block's provenance. */
export function extractTrustEdges(block: BlockRecord): TrustEdgeRecord[] {
  return block.transactions
    .filter((s) => s.tx['type'] === 'TRUST' && s.kind === 'TRUST')
    .map((s) => ({
      truster: s.tx['truster'] as string,
      trustee: s.tx['trustee'] as string,
      trustLevel: s.tx['trustLevel'] as number,
      sourceBlock: block.hash,
      validatorQuid: block.trustProof.validatorId,
      verified: false,
      timestamp: s.tx['timestamp'] as number,
    }));
}

function applyTrust(state: NodeState, tx: GoValue): void {
  const truster = tx['truster'] as string;
  const trustee = tx['trustee'] as string;
  pairSet(state.trust, truster, trustee, tx['trustLevel'] as number);
  pairSet(state.trustNonces, truster, trustee, tx['nonce'] as number);
  pairSet(state.trustExpiry, truster, trustee, tx['validUntil'] as number);
}

function applyEvent(state: NodeState, tx: GoValue): void {
  const subjectId = tx['subjectId'] as string;
  let list = state.events.get(subjectId);
  if (!list) {
    list = [];
    state.events.set(subjectId, list);
  }
  list.push(tx);
  let stream = state.streams.get(subjectId);
  if (!stream) {
    stream = {
      subjectId,
      subjectType: tx['subjectType'] as string,
      latestSequence: 0,
      eventCount: 0,
      createdAt: tx['timestamp'] as number,
      updatedAt: 0,
      latestEventId: '',
    };
    state.streams.set(subjectId, stream);
  }
  // The last event applied sets latestSequence, even when it is lower (PROTOCOL §15.3).
  stream.latestSequence = tx['sequence'] as number;
  stream.eventCount = list.length;
  stream.updatedAt = tx['timestamp'] as number;
  stream.latestEventId = tx['id'] as string;
}

function applyTx(state: NodeState, stored: StoredTx): boolean {
  const { tx } = stored;
  switch (stored.kind) {
    case 'TRUST':
      applyTrust(state, tx);
      return true;
    case 'IDENTITY':
      state.identities.set(tx['quidId'] as string, tx);
      return false;
    case 'TITLE':
      state.titles.set(tx['assetId'] as string, tx);
      return false;
    case 'EVENT':
      applyEvent(state, tx);
      return false;
  }
}

/**
 * Appends a trusted block, applies its transactions, moves the domain head and promotes the
 * block's trust edges to verified. Returns true when a TRUST committed (the cache must clear).
 */
export function applyBlock(state: NodeState, block: BlockRecord, edges: readonly TrustEdgeRecord[]): boolean {
  state.blocks.push(block);
  let trustChanged = false;
  for (const stored of block.transactions) trustChanged = applyTx(state, stored) || trustChanged;
  const domain = state.domains.get(block.trustProof.trustDomain);
  if (domain) domain['blockchainHead'] = block.hash;
  for (const edge of edges) {
    const pending = pairGet(state.unverifiedEdges, edge.truster, edge.trustee);
    if (!pending) continue;
    pairDelete(state.unverifiedEdges, edge.truster, edge.trustee);
    pairSet(state.trust, pending.truster, pending.trustee, pending.trustLevel);
    pairSet(state.verifiedEdges, pending.truster, pending.trustee, { ...pending, verified: true });
  }
  return trustChanged;
}
