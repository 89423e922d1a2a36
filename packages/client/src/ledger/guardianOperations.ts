// The InvoiceLedger's key-recovery operations: guardian sets, the owner's emergency key freeze, and
// the time-locked recovery (begin, veto, complete). InvoiceLedger's methods delegate here.

import {
  anchorWireJson,
  buildGuardianSetUpdate,
  buildIdentity,
  buildKeyInvalidation,
  buildRecoveryCommit,
  buildRecoveryInit,
  buildRecoveryVeto,
  type EventTx,
  type GuardianRecoveryCommit,
  type GuardianRecoveryInit,
  type GuardianRecoveryVeto,
  type GuardianSet,
  type GuardianSetUpdate,
  type GuardianSetUpdateInput,
  type GuardianSignature,
  type IdentityTx,
  type JsonObject,
  type NonceAnchor,
  recoveredSigner,
  recoveryInitHash,
  type Signer,
} from '@quidfin/core';
import { appendEvent } from '../commit/appendEvent.js';
import { KEY_INVALIDATED_EVENT } from '../guardian/keyInvalidatedEvent.js';
import type { QuidnugClient } from '../QuidnugClient.js';
import type { CallOptions } from '../transport/Transport.js';

/**
 * What the operations need from the ledger they run for.
 *
 * @example
 * ```ts
 * const ctx: GuardianLedgerContext = { client, trustDomain: 'factoring.supply-chain.us', commit: (t, o) => client.waitForCommit(t, o) };
 * ```
 */
export interface GuardianLedgerContext {
  readonly client: QuidnugClient;
  readonly trustDomain: string;
  /** Waits for a commit target (a transaction or a predicate) with the ledger's deadline. */
  readonly commit: (target: Parameters<QuidnugClient['waitForCommit']>[0], o: CallOptions) => Promise<void>;
}

export { KEY_INVALIDATED_EVENT } from '../guardian/keyInvalidatedEvent.js';

// Anchor nonces must beat every anchor already applied for the subject, and the node does not
// publish that counter: milliseconds since the epoch increase across devices without coordination.
const lastNonce = new WeakMap<QuidnugClient, Map<string, number>>();
// `floor`: a nonce known to be applied already (a pending init's), which the next must beat.
function nextAnchorNonce(client: QuidnugClient, quid: string, floor = 0): number {
  let m = lastNonce.get(client);
  if (!m) {
    m = new Map();
    lastNonce.set(client, m);
  }
  const n = Math.max(Date.now(), (m.get(quid) ?? 0) + 1, floor + 1);
  m.set(quid, n);
  return n;
}

/** The node needs every signer's epoch-0 key, i.e. a committed IDENTITY for each quid. */
async function identitiesCommitted(ctx: GuardianLedgerContext, quids: readonly string[], o: CallOptions) {
  await ctx.commit(async (call) => {
    for (const q of quids) if (!(await ctx.client.findIdentity(q, call))) return false;
    return true;
  }, o);
}

const sameSet = (a: GuardianSet, b: GuardianSet): boolean =>
  a.threshold === b.threshold &&
  a.recoveryDelay === b.recoveryDelay &&
  JSON.stringify((a.guardians ?? []).map((g) => [g.quid, g.weight ?? 0, g.epoch])) ===
    JSON.stringify((b.guardians ?? []).map((g) => [g.quid, g.weight ?? 0, g.epoch]));

/**
 * Input of {@link setGuardians}: a set update without the nonce and time the ledger fills in.
 *
 * @example
 * ```ts
 * const input: SetGuardiansInput = { subject: supplier, guardians: [{ quid: cfo.quidId }, { quid: bank.quidId }],
 *   threshold: 2, recoveryDelaySeconds: 48 * 3600, consentSigners: [cfo, bank] };
 * ```
 */
export type SetGuardiansInput = Omit<GuardianSetUpdateInput, 'anchorNonce' | 'validFrom' | 'currentSet'>;

/**
 * Installs or replaces the subject's guardian set and waits until the node serves it. Replacing
 * needs a threshold of the current guardians (`currentGuardianSigners`); the current set is read
 * from the node. On a node that never commits guardian anchors (bhmortim/quidnug dc164c6) the wait
 * ends in `CommitTimeoutError`.
 *
 * @example
 * ```ts
 * await setGuardians(ctx, { subject: supplier, guardians: [{ quid: cfo.quidId }, { quid: bank.quidId }],
 *   threshold: 2, recoveryDelaySeconds: 48 * 3600, consentSigners: [cfo, bank] });
 * ```
 */
export async function setGuardians(
  ctx: GuardianLedgerContext,
  input: SetGuardiansInput,
  o: CallOptions = {},
): Promise<GuardianSetUpdate> {
  await identitiesCommitted(ctx, [input.subject.quidId, ...input.guardians.map((g) => g.quid)], o);
  const currentSet = await ctx.client.findGuardianSet(input.subject.quidId, o);
  const update = await buildGuardianSetUpdate({
    ...input,
    anchorNonce: nextAnchorNonce(ctx.client, input.subject.quidId),
    ...(currentSet ? { currentSet } : {}),
  });
  await ctx.client.submitGuardianSetUpdate(update, o);
  await ctx.commit(async (call) => {
    const set = await ctx.client.findGuardianSet(input.subject.quidId, call);
    return set !== undefined && sameSet(set, update.newSet);
  }, o);
  return update;
}

/**
 * The owner's emergency button: freezes its key epoch from now on with a QDP-0001 invalidation
 * signed by that key, published as a `key.invalidated` EVENT (payload `{ anchor }`) on the owner's
 * own QUID stream, because the node at dc164c6 has no route for anchors. Irreversible for that
 * epoch: readers (core's `keyValidAt`) refuse what the key signs after the freeze; the owner then
 * needs a guardian recovery to sign again. Guardians cannot freeze (QDP-0002 gives them no such
 * power); their emergency path is `beginRecovery`.
 *
 * @example
 * ```ts
 * const { anchor } = await freezeKey(ctx, { signer: supplier });
 * ```
 */
export async function freezeKey(
  ctx: GuardianLedgerContext,
  input: { signer: Signer; fromEpoch?: number; maxAcceptedOldNonce?: number },
  o: CallOptions = {},
): Promise<{ anchor: NonceAnchor; event: EventTx }> {
  await identitiesCommitted(ctx, [input.signer.quidId], o);
  const anchor = await buildKeyInvalidation({
    signer: input.signer,
    anchorNonce: nextAnchorNonce(ctx.client, input.signer.quidId),
    ...(input.fromEpoch !== undefined ? { fromEpoch: input.fromEpoch } : {}),
    ...(input.maxAcceptedOldNonce !== undefined ? { maxAcceptedOldNonce: input.maxAcceptedOldNonce } : {}),
  });
  const { tx } = await appendEvent(
    ctx.client,
    {
      signer: input.signer,
      trustDomain: ctx.trustDomain,
      subjectId: input.signer.quidId,
      subjectType: 'QUID',
      eventType: KEY_INVALIDATED_EVENT,
      payload: { anchor: JSON.parse(anchorWireJson(anchor)) as JsonObject },
    },
    o,
  );
  await ctx.commit(tx, o);
  return { anchor, event: tx };
}

/**
 * Guardians propose a new key for the subject; the node opens a recovery that matures
 * `recoveryDelay` after `validFrom` (now). Returns the init, its hash and the maturity second.
 *
 * @example
 * ```ts
 * const { recoveryAnchorHash, maturityUnix } = await beginRecovery(ctx, { subjectQuid: supplier.quidId,
 *   newPublicKey: newKey.publicKey, guardianSigners: [cfo, bank] });
 * ```
 */
export async function beginRecovery(
  ctx: GuardianLedgerContext,
  input: {
    subjectQuid: string;
    newPublicKey: string;
    guardianSigners?: readonly Signer[];
    guardianSignatures?: readonly GuardianSignature[];
    fromEpoch?: number;
    maxAcceptedOldNonce?: number;
  },
  o: CallOptions = {},
): Promise<{ init: GuardianRecoveryInit; recoveryAnchorHash: string; maturityUnix: number }> {
  const set = await ctx.client.getGuardianSet(input.subjectQuid, o);
  const init = await buildRecoveryInit({
    ...input,
    set,
    anchorNonce: nextAnchorNonce(ctx.client, input.subjectQuid),
  });
  const recoveryAnchorHash = recoveryInitHash(init);
  await ctx.client.submitRecoveryInit(init, o);
  let maturityUnix = 0;
  await ctx.commit(async (call) => {
    const p = await ctx.client.findPendingRecovery(input.subjectQuid, call);
    if (p?.initHash !== recoveryAnchorHash) return false;
    maturityUnix = p.maturityUnix;
    return true;
  }, o);
  return { init, recoveryAnchorHash, maturityUnix };
}

/**
 * Cancels the subject's pending recovery, with the owner's key or a threshold of guardians. The
 * node takes a veto until the recovery is committed (also after its maturity); then it is refused
 * (`GuardianRejectedError`, `RECOVERY_NOT_PENDING`).
 *
 * @example
 * ```ts
 * await vetoRecovery(ctx, { subjectQuid: supplier.quidId, owner: supplier });
 * ```
 */
export async function vetoRecovery(
  ctx: GuardianLedgerContext,
  input: {
    subjectQuid: string;
    recoveryAnchorHash?: string;
    owner?: Signer;
    ownerKeyEpoch?: number;
    guardianSigners?: readonly Signer[];
  },
  o: CallOptions = {},
): Promise<GuardianRecoveryVeto> {
  const pending = await ctx.client.findPendingRecovery(input.subjectQuid, o);
  const hash =
    input.recoveryAnchorHash ?? (await ctx.client.getPendingRecovery(input.subjectQuid, o)).initHash;
  const set = input.guardianSigners ? await ctx.client.getGuardianSet(input.subjectQuid, o) : undefined;
  const veto = await buildRecoveryVeto({
    ...input,
    recoveryAnchorHash: hash,
    anchorNonce: nextAnchorNonce(ctx.client, input.subjectQuid, pending?.init.anchorNonce),
    ...(set ? { set } : {}),
  });
  await ctx.client.submitRecoveryVeto(veto, o);
  await ctx.commit(
    async (call) => (await ctx.client.findPendingRecovery(input.subjectQuid, call))?.initHash !== hash,
    o,
  );
  return veto;
}

/**
 * Commits the matured recovery (any registered quid may: `committer`), waits for it, and, given the
 * new key, re-registers the subject's IDENTITY with it (same quid, next `updateNonce`) so the node
 * accepts the subject's events signed with the new key. Before maturity the node refuses it
 * (`GuardianRejectedError`, `RECOVERY_IMMATURE`).
 *
 * @example
 * ```ts
 * const { identity } = await completeRecovery(ctx, { subjectQuid: supplier.quidId, committer: cfo, newKey });
 * ```
 */
export async function completeRecovery(
  ctx: GuardianLedgerContext,
  input: { subjectQuid: string; committer: Signer; recoveryAnchorHash?: string; newKey?: Signer },
  o: CallOptions = {},
): Promise<{ commit: GuardianRecoveryCommit; identity?: IdentityTx }> {
  const pending = await ctx.client.findPendingRecovery(input.subjectQuid, o);
  const hash =
    input.recoveryAnchorHash ?? (await ctx.client.getPendingRecovery(input.subjectQuid, o)).initHash;
  const commit = await buildRecoveryCommit({
    subjectQuid: input.subjectQuid,
    recoveryAnchorHash: hash,
    anchorNonce: nextAnchorNonce(ctx.client, input.subjectQuid, pending?.init.anchorNonce),
    committer: input.committer,
  });
  await ctx.client.submitRecoveryCommit(commit, o);
  await ctx.commit(
    async (call) => (await ctx.client.findPendingRecovery(input.subjectQuid, call))?.initHash !== hash,
    o,
  );
  if (!input.newKey) return { commit };
  const existing = await ctx.client.getIdentity(input.subjectQuid, o);
  const identity = await buildIdentity({
    signer: recoveredSigner(input.newKey, input.subjectQuid),
    trustDomain: existing.trustDomain,
    name: existing.name,
    updateNonce: existing.updateNonce + 1,
    ...(existing.attributes ? { attributes: existing.attributes } : {}),
    ...(existing.description !== undefined ? { description: existing.description } : {}),
    ...(existing.homeDomain !== undefined ? { homeDomain: existing.homeDomain } : {}),
  });
  await ctx.client.submitIdentity(identity, o);
  await ctx.commit(identity, o);
  return { commit, identity };
}
