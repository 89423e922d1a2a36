// Key compromise as a credit signal: a recent freeze, recovery or rotation of the supplier's or
// the buyer's key sends an otherwise clean decision to review (or rejects it, by policy).

import { isQuidId, type ValidationIssue } from '@quidfin/core';
import { FactoringInputError } from '../errors/FactoringInputError.js';
import type { FactoringDecision, Reason } from '../outputs/decision.js';
import { escalateDecision } from './escalateDecision.js';

/**
 * Something that happened to a party's key, with the Unix second of the block that committed it
 * (from the node's guardian routes, the party's `key.invalidated` events, or core's key history).
 *
 * @example
 * ```ts
 * const e: RecentKeyEvent = { quid: supplierQuid, kind: 'recovery-committed', at: 1_745_003_600 };
 * ```
 */
export interface RecentKeyEvent {
  readonly quid: string;
  readonly kind: 'frozen' | 'recovery-opened' | 'recovery-vetoed' | 'recovery-committed' | 'rotated';
  readonly at: number;
}

/**
 * What to do about recent key events on the supplier or the buyer.
 *
 * @example
 * ```ts
 * const p: KeyEventPolicy = { windowSeconds: 90 * 86_400, action: 'review' };
 * ```
 */
export interface KeyEventPolicy {
  /** How far back an event counts (a recovery still pending always counts). */
  readonly windowSeconds: number;
  /** `review` (default), `reject`, or `ignore`. */
  readonly action: 'review' | 'reject' | 'ignore';
}

/**
 * The default: events of the last 90 days send the decision to review.
 *
 * @example
 * ```ts
 * applyRecentKeyEvents(decision, { events, supplierQuid, buyerQuid, policy: { ...DEFAULT_KEY_EVENT_POLICY, action: 'reject' } });
 * ```
 */
export const DEFAULT_KEY_EVENT_POLICY: KeyEventPolicy = { windowSeconds: 90 * 86_400, action: 'review' };

const KINDS = new Set(['frozen', 'recovery-opened', 'recovery-vetoed', 'recovery-committed', 'rotated']);

/**
 * The invoice the decision was made on, as far as this rule needs it (an `InvoiceInput` fits).
 *
 * @example
 * ```ts
 * const p: KeyEventParties = { invoiceId: 'inv-1', supplierQuid: 'a0a0a0a0a0a0a0a0', buyerQuid: 'b0b0b0b0b0b0b0b0' };
 * ```
 */
export interface KeyEventParties {
  readonly invoiceId: string;
  readonly supplierQuid: string;
  readonly buyerQuid: string;
  /** The carrier that attests shipment and delivery: its key events count too. */
  readonly carrierQuid?: string;
}

/** A quid whose key events count, besides the supplier's and the buyer's, and why it counts. */
interface Witness {
  readonly role: 'carrier' | 'signer';
  readonly quid: string;
}

interface Parties {
  supplierQuid: string;
  buyerQuid: string;
  witnesses: Witness[];
  /** The earliest time each quid signed an event of the stream (lower-cased quid). */
  firstSigned: Map<string, number>;
}

function check(
  events: readonly RecentKeyEvent[],
  policy: KeyEventPolicy,
  decision: FactoringDecision,
  input: KeyEventInput,
): Parties {
  const issues: ValidationIssue[] = [];
  const parties = collectIssues(events, policy, decision.invoiceId, input, issues);
  if (issues.length) throw new FactoringInputError('INVALID_INPUT', issues);
  return parties;
}

/**
 * Every malformed part of `input` for a decision on `invoiceId` (the batch checks its items' key
 * events before deciding any), with paths relative to `input`; empty when it is sound.
 */
export function keyEventIssues(input: KeyEventInput, invoiceId: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!Array.isArray(input.events)) issues.push({ path: 'events', message: 'expected an array' });
  else collectIssues(input.events, input.policy ?? DEFAULT_KEY_EVENT_POLICY, invoiceId, input, issues);
  return issues;
}

function collectIssues(
  events: readonly RecentKeyEvent[],
  policy: KeyEventPolicy,
  invoiceId: string,
  input: KeyEventInput,
  issues: ValidationIssue[],
): Parties {
  let inv = input.invoice;
  if (inv !== undefined && (typeof inv !== 'object' || inv === null)) {
    issues.push({
      path: 'invoice',
      message: 'expected the invoice (invoiceId, supplierQuid, buyerQuid) or nothing',
    });
    inv = undefined;
  }
  if (inv !== undefined && inv.invoiceId !== invoiceId) {
    issues.push({
      path: 'invoice.invoiceId',
      message: `is ${JSON.stringify(inv.invoiceId)}, but the decision is about ${JSON.stringify(invoiceId)}`,
    });
  }
  const parties: Parties = { supplierQuid: '', buyerQuid: '', witnesses: [], firstSigned: new Map() };
  for (const role of ['supplierQuid', 'buyerQuid'] as const) {
    const given = input[role];
    const own = inv?.[role];
    if (own !== undefined && given !== undefined && given !== own) {
      issues.push({ path: role, message: `is not the invoice's ${role} (${own})` });
    }
    const quid = own ?? given;
    if (!isQuidId(quid)) {
      issues.push({
        path: own !== undefined ? `invoice.${role}` : role,
        message: 'expected a quid (16 lower-case hex characters)',
      });
    } else parties[role] = quid;
  }
  witnessesOf(inv, input.stream, parties, issues);
  if (!Number.isSafeInteger(policy.windowSeconds) || policy.windowSeconds < 0)
    issues.push({ path: 'policy.windowSeconds', message: 'expected a whole number of seconds ≥ 0' });
  if (!['review', 'reject', 'ignore'].includes(policy.action))
    issues.push({ path: 'policy.action', message: "expected 'review', 'reject' or 'ignore'" });
  events.forEach((e, i) => {
    if (!isQuidId(e?.quid))
      issues.push({ path: `events[${i}].quid`, message: 'expected a quid (16 lower-case hex characters)' });
    if (!KINDS.has(e?.kind)) issues.push({ path: `events[${i}].kind`, message: 'unknown key event kind' });
    if (!Number.isSafeInteger(e?.at))
      issues.push({ path: `events[${i}].at`, message: 'expected Unix seconds' });
  });
  return parties;
}

/**
 * The carrier the invoice names and every other quid that signed its stream, lower-cased (key
 * events name canonical quids: a signer written in upper case is still that quid), each once;
 * and when each signer first signed.
 */
function witnessesOf(
  inv: KeyEventParties | undefined,
  stream: KeyEventInput['stream'],
  parties: Parties,
  issues: ValidationIssue[],
): void {
  const seen = new Set([parties.supplierQuid, parties.buyerQuid]);
  const add = (role: Witness['role'], quid: unknown): void => {
    if (typeof quid !== 'string') return;
    const q = quid.toLowerCase();
    if (seen.has(q)) return;
    seen.add(q);
    parties.witnesses.push({ role, quid: q });
  };
  add('carrier', inv?.carrierQuid);
  if (stream === undefined) return;
  if (!Array.isArray(stream)) {
    issues.push({ path: 'stream', message: "expected the invoice's verified events (a list) or nothing" });
    return;
  }
  stream.forEach((e, i) => {
    if (typeof e?.signerQuid !== 'string')
      issues.push({ path: `stream[${i}].signerQuid`, message: 'expected the quid that signed the event' });
    else {
      add('signer', e.signerQuid);
      const q = e.signerQuid.toLowerCase();
      const t = e.timestamp;
      const first = parties.firstSigned.get(q);
      if (Number.isSafeInteger(t) && (first === undefined || (t as number) < first))
        parties.firstSigned.set(q, t as number);
    }
  });
}

// Within one second (one block) events that close something (a veto, a committed recovery, a
// rotation) come before those that open something (a recovery opened, a freeze): a freeze and a
// rotation committed together leave the freeze standing, whatever order they were given in. Then
// by kind, so the list in the reason's message is the same for every order too.
const RANK: Readonly<Record<RecentKeyEvent['kind'], number>> = {
  'recovery-vetoed': 0,
  'recovery-committed': 1,
  rotated: 2,
  'recovery-opened': 3,
  frozen: 4,
};

/**
 * Events of `quid` that count for a decision made at `asOf`: those of the window before it (or
 * before `since`, the quid's first signature on the stream, when that is earlier), every
 * one after it (a key frozen between the decision and the wire must stop the wire), a recovery
 * opened and not yet closed, and a freeze no recovery or rotation has followed (the party has no
 * working key), however old. A recovery or rotation at the same second as the freeze does not
 * follow it (nor a veto or commit one opened at that second): the financier's reading.
 */
function counting(
  events: readonly RecentKeyEvent[],
  quid: string,
  asOf: number,
  window: number,
  since: number | undefined,
): RecentKeyEvent[] {
  const own = events
    .filter((e) => e.quid === quid)
    .sort((a, b) => a.at - b.at || RANK[a.kind] - RANK[b.kind]);
  let open: RecentKeyEvent | undefined;
  let frozen: RecentKeyEvent | undefined;
  for (const e of own) {
    if (e.kind === 'recovery-opened') open = e;
    else if (e.kind === 'recovery-vetoed') open = undefined;
    else if (e.kind === 'recovery-committed') {
      open = undefined;
      frozen = undefined;
    } else if (e.kind === 'rotated') frozen = undefined;
    else if (e.kind === 'frozen') frozen = e;
  }
  // A key frozen after it signed the evidence, however long before the decision, casts doubt on
  // what it signed: the window reaches back from the first signature, not only from asOf.
  const from = (since === undefined ? asOf : Math.min(asOf, since)) - window;
  const recent = own.filter((e) => e.at >= from);
  for (const standing of [open, frozen]) {
    if (standing !== undefined && !recent.includes(standing)) recent.push(standing);
  }
  return recent;
}

/**
 * What {@link applyRecentKeyEvents} reads: the key events and whose they must be.
 *
 * @example
 * ```ts
 * const input: KeyEventInput = { invoice, events: [{ quid: invoice.supplierQuid, kind: 'frozen', at: 1_745_000_000 }] };
 * ```
 */
export interface KeyEventInput {
  readonly events: readonly RecentKeyEvent[];
  /**
   * The invoice the decision was made on (preferred): its id must be the decision's, and its
   * supplier and buyer are the parties checked.
   */
  readonly invoice?: KeyEventParties;
  /** The supplier's quid, when no `invoice` is given (must equal the invoice's when both are). */
  readonly supplierQuid?: string;
  /** The buyer's quid, when no `invoice` is given (must equal the invoice's when both are). */
  readonly buyerQuid?: string;
  /**
   * The invoice's verified events: the key events of every quid that signed one (the carrier that
   * attested the delivery, whoever else) count too, as the invoice's `carrierQuid` does. A
   * witness whose key was frozen around what it signed may not have signed it: the window runs
   * from before each quid's first signature (its earliest `timestamp`) when that is before `asOf`.
   */
  readonly stream?: readonly { readonly signerQuid: string; readonly timestamp?: number }[];
  readonly policy?: KeyEventPolicy;
}

/**
 * Applies the key-event rule to a decision from `evaluateInvoice`: when the supplier, the buyer,
 * the invoice's carrier or another signer of the `stream` (when given) had a key freeze, recovery or rotation within the window (or has a recovery pending), adds a
 * `RECENT_KEY_EVENT` reason and raises the outcome to `review` (or `reject`, which drops the
 * offer). A worse outcome stays. Events after the decision's `asOf` count (a key frozen between
 * the decision and the wire stops the wire), and so does a freeze no recovery or rotation
 * followed, however old (one at the same second does not follow it). The order of `events` does
 * not matter. Pass the decided `invoice` (its id must be the decision's) rather than
 * bare quids, and its verified events as `stream`. Pure; throws `FactoringInputError('INVALID_INPUT')` for malformed events, quids that
 * are not canonical, an invoice that is not the decided one, or a bad policy.
 *
 * @example
 * ```ts
 * const decision = applyRecentKeyEvents(evaluateInvoice(request), {
 *   events: [{ quid: invoice.supplierQuid, kind: 'recovery-committed', at: request.asOf - 86_400 }],
 *   invoice,
 * });
 * decision.outcome; // 'review'
 * ```
 */
export function applyRecentKeyEvents(decision: FactoringDecision, input: KeyEventInput): FactoringDecision {
  const policy = input.policy ?? DEFAULT_KEY_EVENT_POLICY;
  const parties = check(input.events, policy, decision, input);
  if (policy.action === 'ignore') return decision;
  const found: Reason[] = [];
  for (const { role, quid } of [
    { role: 'supplier', quid: parties.supplierQuid },
    { role: 'buyer', quid: parties.buyerQuid },
    ...parties.witnesses,
  ]) {
    const hits = counting(
      input.events,
      quid,
      decision.asOf,
      policy.windowSeconds,
      parties.firstSigned.get(quid),
    );
    if (hits.length === 0) continue;
    const list = hits.map((e) => `${e.kind} at ${e.at}`).join(', ');
    found.push({
      code: 'RECENT_KEY_EVENT',
      severity: policy.action,
      message: `${role} ${quid} key events: ${list}`,
    });
  }
  if (found.length === 0) return decision;
  return escalateDecision(
    decision,
    found,
    policy.action,
    {
      rule: 'recentKeyEvents',
      outcome: 'flag',
      inputs: { events: found.length, action: policy.action },
      threshold: policy.windowSeconds,
      effectMinor: 0,
    },
    'recent key events',
  );
}
