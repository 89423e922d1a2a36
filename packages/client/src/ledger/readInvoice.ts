import {
  authorizedSignerRoles,
  checkEventSigner,
  checkTitleCustody,
  deriveInvoiceLifecycle,
  deriveInvoiceParties,
  type EventTx,
  encodeGoJson,
  type IdentityTx,
  type InvoiceLifecycle,
  type KeyEvent,
  type KeyValidity,
  keyValidAt,
  type QuidnugTx,
  quidIdFromPublicKey,
  type TitleCustody,
  type TitleCustodyCode,
  type TitleTx,
  type VerifiedInvoiceEvent,
  verifyTransactionAsync,
} from '@quidfin/core';
import { LedgerVerificationError } from '../errors/LedgerVerificationError.js';
import type { BlockHistory } from '../history/BlockHistory.js';
import type { QuidnugClient } from '../QuidnugClient.js';
import { pendingRecoveryEvent } from '../reads/pendingRecoveryEvent.js';
import type { CallOptions } from '../transport/Transport.js';
import type { KeyEventSource } from './KeyEventSource.js';
import { readTitleHistory } from './readTitleHistory.js';

/**
 * An event the ledger did not count: genuine on the node, but not from the party entitled to it
 * (`ROLE_NOT_ENTITLED`, a signer check code), signed by a party that owned the invoice only
 * through a title version the chain of custody refuses (`OWNER_ONLY_BY_INVALID_TITLE`), by a
 * party not among the owners the ledger could read (`NOT_AN_OWNER`, only when the title history
 * is unavailable), by a party whose identity record is forged with no genuine one readable
 * (`ROLE_UNKNOWN`), or one whose signature cannot be checked at all (`UNVERIFIABLE_EVENT`, e.g. a
 * payload nested deeper than any node accepts). Key history (core's `keyValidAt` at the time of
 * the block that committed the event): `KEY_FROZEN`, `KEY_SUPERSEDED` (signed with a key its
 * owner froze or a recovery replaced before that block), `KEY_NOT_YET_VALID`, and
 * `KEY_TIME_UNKNOWN` (the signer's key history has a freeze or rotation but no block shows when
 * the event was committed).
 *
 * @example
 * ```ts
 * for (const r of view.rejected) console.warn(r.event.eventType, r.code, r.message);
 * ```
 */
export interface RejectedInvoiceEvent {
  readonly event: VerifiedInvoiceEvent;
  readonly code: string;
  readonly message: string;
}

/**
 * What the read path flags while still giving a correct view:
 *
 * | code | meaning |
 * |---|---|
 * | a `TitleCustodyCode` | a committed TITLE version the chain of custody refuses (ownership stays with the last valid one) |
 * | `TITLE_HISTORY_UNAVAILABLE` | the node's blocks do not show the title's history: only the current version was checked on its own |
 * | `IDENTITY_FORGED` | the node's identity record for a quid carries a key that does not derive to it: ignored |
 * | `EVENT_ID_CONFLICT`, `SEQUENCE_CONFLICT` | different events share an id or a sequence (see core's `LifecycleConflict`) |
 * | `KEY_FROZEN`, `KEY_SUPERSEDED`, `KEY_NOT_YET_VALID` | a TITLE version committed after its issuer's key was frozen or replaced (ref: the title id); custody refuses the version too (`ISSUER_KEY_INVALID`) |
 * | `ISSUER_KEY_INVALID`, `CO_SIGNER_KEY_INVALID` | a TITLE version issued or co-signed with a key that could not speak for its quid when the version was committed: refused, ownership stays with the last valid version |
 * | `KEY_RECOVERY_PENDING` | a signer's key was valid, but a guardian recovery of its quid was pending (ref: the quid): hold |
 *
 * @example
 * ```ts
 * const code: LedgerViolationCode = 'IDENTITY_FORGED';
 * ```
 */
export type LedgerViolationCode =
  | TitleCustodyCode
  | 'TITLE_HISTORY_UNAVAILABLE'
  | 'IDENTITY_FORGED'
  | 'EVENT_ID_CONFLICT'
  | 'SEQUENCE_CONFLICT'
  | 'KEY_FROZEN'
  | 'KEY_SUPERSEDED'
  | 'KEY_NOT_YET_VALID'
  | 'KEY_RECOVERY_PENDING';

/**
 * A quid whose guardian recovery was pending when one of its counted events (or the title) was
 * committed: the event is genuine, but whoever holds the key may be about to lose it. Hold.
 *
 * @example
 * ```ts
 * const holds: readonly RecoveryPendingHold[] = view.recoveryPending;
 * if (holds.length > 0) holdFunding(holds.map((h) => h.quid));
 * ```
 */
export interface RecoveryPendingHold {
  readonly quid: string;
  /** Unix seconds the pending recovery was opened. */
  readonly since: number;
}

/**
 * Options of {@link readInvoice}.
 *
 * @example
 * ```ts
 * const view = await readInvoice(client, 'inv-1', {}, { keyEvents: nodeKeyEvents(client) });
 * ```
 */
export interface ReadInvoiceOptions {
  /**
   * Key history of each signer (default: the verified key events in the blocks this read syncs,
   * plus a pending guardian recovery: what `nodeKeyEvents(client)` reads, without a scan per signer).
   */
  readonly keyEvents?: KeyEventSource;
  /** A shared block history (the ledger's): the read fetches only blocks committed since the last. */
  readonly blocks?: BlockHistory;
}

/**
 * One flagged weakness of a read (see {@link LedgerViolationCode}).
 *
 * @example
 * ```ts
 * for (const v of view.violations) console.warn(v.code, v.ref, v.message);
 * ```
 */
export interface LedgerViolation {
  readonly code: LedgerViolationCode;
  /** What it is about: a title transaction id, a quid, an event id or a sequence. */
  readonly ref: string;
  readonly message: string;
}

/**
 * An invoice as the ledger reads it: title, verified stream and lifecycle.
 *
 * @example
 * ```ts
 * const view: InvoiceView = await ledger.getInvoice('inv-1');
 * console.log(view.lifecycle.state, view.events.length, view.title.owners);
 * if (view.violations.length > 0) holdFunding(view.violations);
 * ```
 */
export interface InvoiceView {
  readonly invoiceId: string;
  /** The last TITLE version the chain of custody accepts (its signature verified). */
  readonly title: TitleTx;
  /** The TITLE the node reports as current (differs from `title` after a refused overwrite). */
  readonly nodeTitle: TitleTx;
  /** The chain-of-custody check of every committed version (core's `checkTitleCustody`). */
  readonly custody: TitleCustody;
  /** Every event whose signature verified and whose signer is entitled to it, in commit order. */
  readonly events: readonly VerifiedInvoiceEvent[];
  /** Genuine events refused because of who signed them (see {@link RejectedInvoiceEvent}). */
  readonly rejected: readonly RejectedInvoiceEvent[];
  /** Lifecycle state and facts from `deriveInvoiceLifecycle`. */
  readonly lifecycle: InvoiceLifecycle;
  /** Role each signer registered in its genuine IDENTITY (`attributes.role`). */
  readonly roles: Readonly<Record<string, string>>;
  /** Weaknesses flagged on the way (empty for a clean read); act on none of them blindly. */
  readonly violations: readonly LedgerViolation[];
  /** Quids whose guardian recovery was pending when their counted transactions committed. */
  readonly recoveryPending: readonly RecoveryPendingHold[];
  /**
   * The key history read for each signer and title issuer (by quid), for risk rules such as
   * factoring's `applyRecentKeyEvents`.
   */
  readonly keyEvents: Readonly<Record<string, readonly KeyEvent[]>>;
}

const KEY_REJECTION = {
  frozen: 'KEY_FROZEN',
  superseded: 'KEY_SUPERSEDED',
  'not-yet-valid': 'KEY_NOT_YET_VALID',
} as const;

/** Any event that ends or begins an epoch (a key history with only a registration has none). */
const keyChanged = (events: readonly KeyEvent[]): boolean =>
  events.some((e) => e.kind === 'frozen' || e.kind === 'rotated');

async function verified(tx: QuidnugTx): Promise<boolean> {
  try {
    return await verifyTransactionAsync(tx);
  } catch {
    return false;
  }
}

function quidOf(publicKey: string): string | undefined {
  try {
    return quidIdFromPublicKey(publicKey);
  } catch {
    return undefined;
  }
}

/** Why a payload cannot even be written as the node signs it (undefined when it can). */
function unwritable(payload: EventTx['payload']): string | undefined {
  try {
    if (payload !== undefined) encodeGoJson(payload, { loneSurrogates: 'replace' });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const sameTx = (a: TitleTx, b: TitleTx): boolean => a.id === b.id && a.signature === b.signature;

/**
 * Reads an invoice and checks everything the node returned before using it, strict where the node
 * is weak (PROTOCOL §6.3–§6.5, G11):
 *
 * - the title's chain of custody from the node's blocks (core's `checkTitleCustody`): the first
 *   version issued by the supplier, every later one co-signed by the previous owners with the keys
 *   that derive to their quids; refused versions are violations and own nothing;
 * - identity records whose key does not derive to their quid are forged: flagged and ignored; a
 *   participant's role comes from its last genuine record;
 * - every event's signature, subject and signer (the quid its key derives to), then its signer's
 *   role and, from role-accepted events only, the parties (the supplier is the title's first
 *   issuer), then core's lifecycle, which reports colliding ids and sequences.
 *
 * Returns a view with typed `violations` and `rejected` events wherever a correct read is still
 * possible; throws `LedgerVerificationError` only when no trustworthy view exists (a tampered
 * title, identity record or event, an event from someone who never owned the title, no valid
 * title version).
 *
 * @example
 * ```ts
 * const view = await readInvoice(client, 'inv-1');
 * console.log(view.lifecycle.state, view.events.length, view.violations);
 * ```
 */
export async function readInvoice(
  client: QuidnugClient,
  invoiceId: string,
  o: CallOptions = {},
  options: ReadInvoiceOptions = {},
): Promise<InvoiceView> {
  const nodeTitle = await client.getTitle(invoiceId, o);
  if (nodeTitle.assetId !== invoiceId || !(await verified(nodeTitle))) {
    throw new LedgerVerificationError('BAD_TITLE', nodeTitle.id, `title of ${invoiceId} does not verify`);
  }
  const violations: LedgerViolation[] = [];
  // `options.blocks` (the ledger's shared history) makes this read fetch only the blocks committed since the last.
  const history = await readTitleHistory(client, invoiceId, o, options.blocks);
  // Complete when the node's current title is among the committed versions read from its blocks.
  const complete = history.available && history.titles.some((t) => sameTx(t, nodeTitle));
  const versions = complete ? history.titles : [nodeTitle];
  if (!complete) {
    violations.push({
      code: 'TITLE_HISTORY_UNAVAILABLE',
      ref: nodeTitle.id,
      message: history.available
        ? "the node's current title is in none of its blocks: only that version was checked"
        : 'the node does not serve /blocks: only the current title version was checked',
    });
  }

  // Key history, once per quid per read, and only from a node whose blocks can be read. By default
  // from the blocks this read just synced (one pass for every signer, not one scan per quid), plus
  // the guardian route's pending recovery, exactly what `nodeKeyEvents` reads.
  const source: KeyEventSource =
    options.keyEvents ??
    (async (quid, co) => {
      const opened = await pendingRecoveryEvent(client, quid, co);
      const fromBlocks = history.keyEvents(quid);
      return opened ? [...fromBlocks, opened] : fromBlocks;
    });
  const keyHistories = new Map<string, Promise<readonly KeyEvent[]>>();
  const keyEventsOf = (quid: string): Promise<readonly KeyEvent[]> => {
    if (!history.available) return Promise.resolve([]);
    let p = keyHistories.get(quid);
    if (!p) {
      p = source(quid, o);
      keyHistories.set(quid, p);
    }
    return p;
  };
  const pendingSince = new Map<string, number>();
  const hold = (quid: string, v: KeyValidity | undefined): void => {
    if (v?.valid && v.recoveryPendingSince !== undefined && !pendingSince.has(quid))
      pendingSince.set(quid, v.recoveryPendingSince);
  };
  /** An owner among `candidates` whose key history knows `publicKey` (a recovered key), with its verdict. */
  const recoveredOwner = async (
    publicKey: string,
    at: number | undefined,
    candidates: Iterable<string>,
  ): Promise<{ quid: string; verdict: KeyValidity; events: readonly KeyEvent[] } | undefined> => {
    if (at === undefined) return undefined;
    for (const quid of candidates) {
      const events = await keyEventsOf(quid);
      const verdict = keyValidAt(events, publicKey, at);
      if (verdict.valid || verdict.reason !== 'unknown-key') return { quid, verdict, events };
    }
    return undefined;
  };

  // Identities: the node's record when its key derives to the quid, else the last genuine one.
  const identities = new Map<string, IdentityTx | undefined>();
  const forged = new Set<string>();
  const identity = async (quid: string): Promise<IdentityTx | undefined> => {
    if (identities.has(quid)) return identities.get(quid);
    const record = await client.findIdentity(quid, o);
    let genuine: IdentityTx | undefined;
    // A key that does not derive to the quid is genuine only as the quid's current key in a
    // verified key history (a completed recovery); the end of time asks "still valid now".
    const current =
      record !== undefined &&
      record.quidId === quid &&
      quidOf(record.publicKey) !== quid &&
      keyValidAt(await keyEventsOf(quid), record.publicKey, Number.MAX_SAFE_INTEGER).valid;
    if (record && record.quidId === quid && (quidOf(record.publicKey) === quid || current)) {
      // The owner's own key: its role is only worth something if the record is untouched.
      if (!(await verified(record))) {
        throw new LedgerVerificationError(
          'BAD_IDENTITY',
          record.id,
          `identity record of ${quid} does not verify`,
        );
      }
      genuine = record;
    } else {
      if (record) {
        forged.add(quid);
        violations.push({
          code: 'IDENTITY_FORGED',
          ref: quid,
          message: `the node's identity record for ${quid} (${record.id}, updateNonce ${record.updateNonce}) carries a key of ${quidOf(record.publicKey) ?? 'no valid quid'}: forged, ignored`,
        });
      }
      const earlier = history.genuineIdentity(quid);
      genuine = earlier && (await verified(earlier)) ? earlier : undefined;
    }
    identities.set(quid, genuine);
    return genuine;
  };

  // Keys of previous owners that must co-sign transfers: only keys deriving to the quid count.
  const cosigners = new Set(versions.flatMap((v) => (v.previousOwners ?? []).map((p) => p.ownerId)));
  const keys = new Map<string, string>();
  for (const quid of cosigners) {
    const record = await identity(quid);
    if (record) keys.set(quid, record.publicKey);
  }
  // Title issuers: the quid the key derives to, or an owner whose key history knows the key
  // (a recovered supplier issuing with its new key), judged at the version's commit time.
  // Keyed by the version itself, never by id: the node checks no id, so a later TITLE (a re-signed
  // copy, or any other) can carry a committed version's id.
  const issuers = new Map<TitleTx, string | undefined>();
  // Keys a version relies on that could not speak for their quid when it was committed: the node
  // accepts a frozen key's signatures, so custody must refuse them (by version, then quid).
  const keyRefusals = new Map<TitleTx, Map<string, string>>();
  const refuseKey = (tx: TitleTx, quid: string, why: string): void => {
    const byQuid = keyRefusals.get(tx) ?? new Map<string, string>();
    byQuid.set(quid, why);
    keyRefusals.set(tx, byQuid);
  };
  // Each version's own block time; by id an event or another TITLE carrying its id would answer.
  const commitTimes = new Map(history.versions.map((v) => [v.tx, v.blockTimestamp]));
  const committedAt = (v: TitleTx): number | undefined =>
    complete ? commitTimes.get(v) : history.blockTimeOf(v.id, v.signature);
  /** Why `publicKey` could not speak for `quid` at `at`, or undefined when it could (or is not in its history). */
  const keyProblem = (
    events: readonly KeyEvent[],
    verdict: KeyValidity | undefined,
    at: number | undefined,
  ) => {
    if (verdict && !verdict.valid && verdict.reason !== 'unknown-key') {
      return `${verdict.reason} since ${verdict.since}, committed at ${at}`;
    }
    if (at === undefined && keyChanged(events))
      return 'the key was frozen or rotated and no block read shows when this version was committed';
    return undefined;
  };
  for (const v of versions) {
    const at = committedAt(v);
    for (const owner of v.previousOwners ?? []) {
      const key = keys.get(owner.ownerId);
      if (key === undefined) continue;
      const events = await keyEventsOf(owner.ownerId);
      const why = keyProblem(events, at === undefined ? undefined : keyValidAt(events, key, at), at);
      if (why !== undefined) refuseKey(v, owner.ownerId, why);
    }
  }
  for (const v of versions) {
    const at = committedAt(v);
    const derived = quidOf(v.publicKey);
    const owners = (v.owners ?? []).map((x) => x.ownerId);
    // A key deriving to none of the owners may be an owner's recovered key.
    const found =
      derived !== undefined && owners.includes(derived)
        ? undefined
        : await recoveredOwner(v.publicKey, at, owners);
    const quid = found?.quid ?? derived;
    issuers.set(v, quid);
    if (quid === undefined) continue;
    const issuerEvents = found?.events ?? (await keyEventsOf(quid));
    const verdict =
      found?.verdict ?? (at === undefined ? undefined : keyValidAt(issuerEvents, v.publicKey, at));
    hold(quid, verdict);
    const why = keyProblem(issuerEvents, verdict, at);
    if (why !== undefined) refuseKey(v, quid, why);
    if (verdict && !verdict.valid && verdict.reason !== 'unknown-key') {
      violations.push({
        code: KEY_REJECTION[verdict.reason],
        ref: v.id,
        message: `title version issued with a key of ${quid} that was ${verdict.reason} since ${verdict.since} (committed at ${at})`,
      });
    }
  }
  const custody = checkTitleCustody(versions, (quid) => keys.get(quid), {
    complete,
    issuerOf: (tx) => issuers.get(tx),
    keyRefusal: (quid, _key, tx) => keyRefusals.get(tx)?.get(quid),
  });
  for (const v of custody.violations) {
    violations.push({
      code: v.code,
      ref: v.titleId,
      message: `title version ${v.version} issued by ${v.issuerQuid ?? '?'}: ${v.message}`,
    });
  }
  const title = custody.current;
  if (!title) {
    throw new LedgerVerificationError(
      'NO_VALID_TITLE',
      nodeTitle.id,
      `no committed version of the title of ${invoiceId} holds up (${custody.violations.map((v) => v.code).join(', ')})`,
    );
  }
  const validOwners = new Set(custody.accepted.flatMap((t) => (t.owners ?? []).map((x) => x.ownerId)));
  const everOwner = new Set(
    versions.flatMap((t) => [...(t.owners ?? []), ...(t.previousOwners ?? [])].map((x) => x.ownerId)),
  );

  // Checked against the stream metadata: a node withholding an event throws, never reads as an earlier state.
  const raw: readonly EventTx[] = (await client.readStream(invoiceId, o)).events;

  const events: VerifiedInvoiceEvent[] = [];
  const rejected: RejectedInvoiceEvent[] = [];
  const roles = new Map<string, string>();
  for (const e of raw) {
    if (e.subjectId !== invoiceId || e.subjectType !== 'TITLE') {
      throw new LedgerVerificationError(
        'WRONG_SUBJECT',
        e.id,
        `event belongs to ${e.subjectType} ${e.subjectId}`,
      );
    }
    const at = history.blockTimeOf(e.id, e.signature);
    const derived = quidOf(e.publicKey);
    // A key that derives to no owner may be an owner's recovered key.
    const recovered =
      derived !== undefined && everOwner.has(derived)
        ? undefined
        : await recoveredOwner(e.publicKey, at, validOwners);
    const signerQuid = recovered?.quid ?? derived ?? '';
    const event: VerifiedInvoiceEvent = {
      id: e.id,
      eventType: e.eventType,
      payload: e.payload,
      signerQuid,
      sequence: e.sequence,
      timestamp: e.timestamp,
      signature: e.signature,
    };
    // A payload no node could have signed bytes for is one bad event, not a bad invoice.
    const cannotWrite = unwritable(e.payload);
    if (cannotWrite !== undefined) {
      rejected.push({
        event,
        code: 'UNVERIFIABLE_EVENT',
        message: `payload cannot be verified: ${cannotWrite}`,
      });
      continue;
    }
    if ((derived === undefined && recovered === undefined) || !(await verified(e))) {
      throw new LedgerVerificationError(
        'BAD_SIGNATURE',
        e.id,
        `signature of ${e.eventType} #${e.sequence} does not verify`,
      );
    }
    if (!validOwners.has(signerQuid)) {
      if (everOwner.has(signerQuid)) {
        rejected.push({
          event,
          code: 'OWNER_ONLY_BY_INVALID_TITLE',
          message: `${signerQuid} owns the invoice only through a title version the chain of custody refuses`,
        });
        continue;
      }
      if (!complete) {
        rejected.push({ event, code: 'NOT_AN_OWNER', message: `${signerQuid} is not among the owners read` });
        continue;
      }
      throw new LedgerVerificationError(
        'UNKNOWN_SIGNER',
        e.id,
        `signer ${signerQuid} is not a registered co-owner`,
      );
    }
    const keyHistory = recovered?.events ?? (await keyEventsOf(signerQuid));
    const verdict =
      recovered?.verdict ?? (at === undefined ? undefined : keyValidAt(keyHistory, e.publicKey, at));
    if (verdict && !verdict.valid && verdict.reason !== 'unknown-key') {
      rejected.push({
        event,
        code: KEY_REJECTION[verdict.reason],
        message: `signed with a key of ${signerQuid} that was ${verdict.reason} since ${verdict.since}; committed at ${at}`,
      });
      continue;
    }
    if (at === undefined && keyChanged(keyHistory)) {
      rejected.push({
        event,
        code: 'KEY_TIME_UNKNOWN',
        message: `${signerQuid}'s key was frozen or rotated, and no block read shows when this event was committed`,
      });
      continue;
    }
    hold(signerQuid, verdict);
    // Valid at commit time by the key history: a later rotation does not make it a mismatch.
    const vouched = verdict?.valid === true;
    const registered = await identity(signerQuid);
    if (!registered && forged.has(signerQuid)) {
      // The event is the signer's own (its key derives to the quid), but the node's record was
      // forged and no genuine one is readable: the role is unknown, so the event cannot count.
      rejected.push({
        event,
        code: 'ROLE_UNKNOWN',
        message: `${signerQuid}'s identity record is forged and no genuine one is readable: its role is unknown`,
      });
      continue;
    }
    if (!registered) {
      throw new LedgerVerificationError(
        'UNKNOWN_SIGNER',
        e.id,
        `signer ${signerQuid} has no identity whose key derives to its quid`,
      );
    }
    if (!vouched && registered.publicKey.toLowerCase() !== e.publicKey.toLowerCase()) {
      throw new LedgerVerificationError(
        'KEY_MISMATCH',
        e.id,
        `signer ${signerQuid} signed with a key it never registered`,
      );
    }
    const role = registered.attributes?.['role'];
    roles.set(signerQuid, typeof role === 'string' ? role : '');
    events.push(event);
  }

  // Parties come from role-accepted events only, and the supplier is the title's first issuer.
  const titleOwners = (title.owners ?? []).map((x) => ({
    ownerId: x.ownerId,
    ...(x.stakeType ? { stakeType: x.stakeType } : {}),
  }));
  const supplierQuid = custody.supplierQuid;
  const roleAccepted: VerifiedInvoiceEvent[] = [];
  for (const event of events) {
    const role = roles.get(event.signerQuid) ?? '';
    const allowed = authorizedSignerRoles(event.eventType) as readonly string[];
    if (!allowed.includes(role)) {
      rejected.push({
        event,
        code: 'ROLE_NOT_ENTITLED',
        message: `${event.eventType} may not be signed by a ${role || 'party without a role'}`,
      });
      continue;
    }
    roleAccepted.push(event);
  }
  const parties = deriveInvoiceParties(roleAccepted, titleOwners, supplierQuid);
  const accepted: VerifiedInvoiceEvent[] = [];
  for (const event of roleAccepted) {
    const check = parties ? checkEventSigner(event, parties) : undefined;
    if (check && !check.ok) {
      rejected.push({ event, code: check.code, message: check.message });
      continue;
    }
    accepted.push(event);
  }
  const lifecycle = deriveInvoiceLifecycle(accepted, {
    invoiceId,
    titleOwners,
    ...(supplierQuid !== undefined ? { supplierQuid } : {}),
  });
  // Collisions among every verified event, also those refused above (a colliding event by the
  // wrong party is still worth a flag).
  const { conflicts } = deriveInvoiceLifecycle(events, { checkSigners: false });
  for (const c of conflicts) violations.push({ code: c.code, ref: c.key, message: c.message });
  const recoveryPending = [...pendingSince].map(([quid, since]) => ({ quid, since }));
  for (const h of recoveryPending) {
    violations.push({
      code: 'KEY_RECOVERY_PENDING',
      ref: h.quid,
      message: `a guardian recovery of ${h.quid} has been pending since ${h.since}: its key may be compromised`,
    });
  }
  const keyEvents: Record<string, readonly KeyEvent[]> = {};
  for (const [quid, p] of keyHistories) keyEvents[quid] = await p;
  return {
    invoiceId,
    title,
    nodeTitle,
    custody,
    events: accepted,
    rejected,
    lifecycle,
    roles: Object.fromEntries(roles),
    violations,
    recoveryPending,
    keyEvents,
  };
}
