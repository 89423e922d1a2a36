// The /api/v2/guardian/* handlers (handlers_guardian.go, handlers_guardian_resign.go): submissions
// are checked with the node's rules against committed guardian state, then pooled for the next tick.

import {
  checkGuardianSetUpdate,
  checkRecoveryCommit,
  checkRecoveryInit,
  checkRecoveryVeto,
  checkResignation,
  GUARDIAN_REJECTION_MESSAGES,
  type GuardianRecoveryCommit,
  type GuardianRecoveryInit,
  type GuardianRecoveryVeto,
  type GuardianRejection,
  type GuardianResignation,
  type GuardianSet,
  type GuardianSetUpdate,
  type GuardianSignature,
  guardianSetHash,
  type PrimarySignature,
  recoveryInitHash,
} from '@quidfin/core';
import type { Engine } from '../engine/Engine.js';
import { GoStruct } from '../json/goJson.js';
import type { GoValue, StructSchema } from '../json/goStruct.js';
import {
  COMMIT_SCHEMA,
  INIT_SCHEMA,
  RESIGN_SCHEMA,
  SET_SCHEMA,
  SET_UPDATE_SCHEMA,
  uintFieldsInRange,
  VETO_SCHEMA,
} from '../json/guardianSchemas.js';
import { type GuardianLedger, guardianLedgerOf } from '../state/GuardianLedger.js';
import type { Handler, HandlerContext } from './HandlerContext.js';
import { fail, ok, type Reply, text } from './reply.js';

const ledgerOf = (engine: Engine): GuardianLedger => guardianLedgerOf(engine.state, engine.nowSeconds());

async function decodeAnchor(ctx: HandlerContext, schema: StructSchema): Promise<GoValue | Reply> {
  const decoded = await ctx.decode(schema);
  if ('reply' in decoded) return decoded.reply;
  if (!uintFieldsInRange(decoded.value)) return text(400, 'Invalid request body');
  return decoded.value;
}

const isReply = (v: GoValue | Reply): v is Reply => typeof (v as Reply).status === 'number' && 'body' in v;

// The node's `*PrimarySignature` is nil when absent or null; the devnode's struct decoding cannot
// tell `{}` (non-nil, zero) from absent, so a zero primary signature is read as nil.
function pointer(v: unknown): PrimarySignature | null {
  const p = v as { keyEpoch: number; signature: string } | null;
  return p && (p.keyEpoch !== 0 || p.signature !== '')
    ? { keyEpoch: p.keyEpoch, signature: p.signature }
    : null;
}

const sigs = (v: unknown): GuardianSignature[] | null => (v as GuardianSignature[] | null) ?? null;

const anchorError = (r: GuardianRejection): Reply =>
  fail(400, 'INVALID_ANCHOR', GUARDIAN_REJECTION_MESSAGES[r]);

/** POST /api/v2/guardian/set-update. */
export const submitSetUpdate: Handler = async (ctx) => {
  const v = await decodeAnchor(ctx, SET_UPDATE_SCHEMA);
  if (isReply(v)) return v;
  const current = sigs(v['currentGuardianSigs']);
  const u: GuardianSetUpdate = {
    kind: 7,
    subjectQuid: v['subjectQuid'] as string,
    newSet: v['newSet'] as unknown as GuardianSet,
    anchorNonce: v['anchorNonce'] as number,
    validFrom: v['validFrom'] as number,
    primarySignature: pointer(v['primarySignature']),
    newGuardianConsents: sigs(v['newGuardianConsents']),
    ...(current ? { currentGuardianSigs: current } : {}),
  };
  const ledger = ledgerOf(ctx.engine);
  const problem = checkGuardianSetUpdate(ledger, u, ctx.engine.now());
  if (problem) return anchorError(problem);
  ledger.pool.push({ kind: 'update', value: u });
  return ok(
    {
      subjectQuid: u.subjectQuid,
      guardians: (u.newSet.guardians ?? []).length,
      threshold: u.newSet.threshold,
      recoveryDelayNs: u.newSet.recoveryDelay,
    },
    202,
  );
};

/** POST /api/v2/guardian/recovery/init. */
export const submitRecoveryInit: Handler = async (ctx) => {
  const v = await decodeAnchor(ctx, INIT_SCHEMA);
  if (isReply(v)) return v;
  const init = { ...v, kind: 4, guardianSigs: sigs(v['guardianSigs']) } as unknown as GuardianRecoveryInit;
  const ledger = ledgerOf(ctx.engine);
  const problem = checkRecoveryInit(ledger, init, ctx.engine.now());
  if (problem) return anchorError(problem);
  ledger.pool.push({ kind: 'init', value: init });
  return ok(
    { subjectQuid: init.subjectQuid, toEpoch: init.toEpoch, recoveryAnchorHash: recoveryInitHash(init) },
    202,
  );
};

/** POST /api/v2/guardian/recovery/veto. */
export const submitRecoveryVeto: Handler = async (ctx) => {
  const v = await decodeAnchor(ctx, VETO_SCHEMA);
  if (isReply(v)) return v;
  const primary = pointer(v['primarySignature']);
  const guardianSigs = sigs(v['guardianSigs']);
  const veto: GuardianRecoveryVeto = {
    kind: 5,
    subjectQuid: v['subjectQuid'] as string,
    recoveryAnchorHash: v['recoveryAnchorHash'] as string,
    anchorNonce: v['anchorNonce'] as number,
    validFrom: v['validFrom'] as number,
    ...(primary ? { primarySignature: primary } : {}),
    ...(guardianSigs ? { guardianSigs } : {}),
  };
  const ledger = ledgerOf(ctx.engine);
  const problem = checkRecoveryVeto(ledger, veto, ctx.engine.now());
  if (problem) return anchorError(problem);
  ledger.pool.push({ kind: 'veto', value: veto });
  return ok({ subjectQuid: veto.subjectQuid, recoveryAnchorHash: veto.recoveryAnchorHash }, 202);
};

/** POST /api/v2/guardian/recovery/commit. */
export const submitRecoveryCommit: Handler = async (ctx) => {
  const v = await decodeAnchor(ctx, COMMIT_SCHEMA);
  if (isReply(v)) return v;
  const commit = { ...v, kind: 6 } as unknown as GuardianRecoveryCommit;
  const ledger = ledgerOf(ctx.engine);
  const problem = checkRecoveryCommit(ledger, commit, ctx.engine.now());
  if (problem) return anchorError(problem);
  ledger.pool.push({ kind: 'commit', value: commit });
  return ok({ subjectQuid: commit.subjectQuid, recoveryAnchorHash: commit.recoveryAnchorHash }, 202);
};

/** POST /api/v2/guardian/resign: an already-seen nonce is a 200 duplicate, checked before anything else. */
export const submitResignation: Handler = async (ctx) => {
  const v = await decodeAnchor(ctx, RESIGN_SCHEMA);
  if (isReply(v)) return v;
  const r = { ...v, kind: 8 } as unknown as GuardianResignation;
  const ledger = ledgerOf(ctx.engine);
  const prev = ledger.resignationNonce(r.guardianQuid, r.subjectQuid);
  if (prev >= r.resignationNonce && prev > 0) {
    return ok({
      subjectQuid: r.subjectQuid,
      guardianQuid: r.guardianQuid,
      resignationNonce: r.resignationNonce,
      duplicate: true,
    });
  }
  const problem = checkResignation(ledger, r, ctx.engine.now());
  if (problem) return fail(400, 'INVALID_RESIGNATION', GUARDIAN_REJECTION_MESSAGES[problem]);
  ledger.pool.push({ kind: 'resign', value: r });
  return ok(
    {
      subjectQuid: r.subjectQuid,
      guardianQuid: r.guardianQuid,
      resignationNonce: r.resignationNonce,
      effectiveAt: r.effectiveAt,
    },
    202,
  );
};

/** GET /api/v2/guardian/set/{quid}. */
export const getGuardianSet: Handler = ({ engine, params }) => {
  const set = ledgerOf(engine).guardianSet(params['quid']!);
  return set
    ? ok(new GoStruct(SET_SCHEMA, set as unknown as GoValue))
    : fail(404, 'NOT_FOUND', 'no guardian set declared for this quid');
};

/** GET /api/v2/guardian/pending-recovery/{quid}. */
export const getPendingRecovery: Handler = ({ engine, params }) => {
  const quid = params['quid']!;
  const p = ledgerOf(engine).pendingRecovery(quid);
  if (!p) return fail(404, 'NOT_FOUND', 'no pending recovery for this quid');
  return ok({
    subjectQuid: quid,
    initHash: p.initHash,
    initBlockHeight: p.initBlockHeight,
    maturityUnix: p.maturityUnix,
    state: p.state,
    init: new GoStruct(INIT_SCHEMA, p.init as unknown as GoValue),
  });
};

/** Resigned weight (in effect, against the installed version) leaves the rest below threshold. */
function weakened(ledger: GuardianLedger, quid: string, nowSeconds: number): boolean {
  const set = ledger.guardianSet(quid);
  if (!set || (set.guardians ?? []).length === 0) return false;
  const hash = guardianSetHash(set);
  const resigned = new Set(
    (ledger.resignations.get(quid) ?? [])
      .filter((r) => r.guardianSetHash === hash && r.effectiveAt <= nowSeconds)
      .map((r) => r.guardianQuid),
  );
  if (resigned.size === 0) return false;
  const left = (set.guardians ?? [])
    .filter((g) => !resigned.has(g.quid))
    .reduce((sum, g) => sum + (g.weight ? g.weight : 1), 0);
  return left < set.threshold;
}

/** GET /api/v2/guardian/resignations/{quid}. */
export const getResignations: Handler = ({ engine, params }) => {
  const quid = params['quid']!;
  const ledger = ledgerOf(engine);
  const list = ledger.resignations.get(quid);
  return ok({
    subjectQuid: quid,
    resignations: list ? list.map((r) => new GoStruct(RESIGN_SCHEMA, r as unknown as GoValue)) : null,
    weakened: weakened(ledger, quid, engine.nowSeconds()),
  });
};
