import { type CompiledPolicy, compilePolicy } from './compilePolicy.js';
import type {
  DecisionOutcome,
  FactoringDecision,
  Haircut,
  LimitUse,
  Offer,
  PocCompatDecision,
  Reason,
  TraceEntry,
} from './decision.js';
import type { DuplicateMatch } from './duplicateIndex.js';
import { FactoringInputError } from './errors.js';
import type { VerifiedEvent } from './events.js';
import type { InvoiceFingerprintRecord } from './fingerprint.js';
import type { BuyerHistory } from './history.js';
import { type InternCache, internFlag, internPrediction, internReason } from './internCache.js';
import type { InvoiceInput } from './invoice.js';
import { clampInt, mulDivCeil, mulDivFloor } from './money.js';
import type { FactoringPolicy, GradeBand } from './policy.js';
import type { Portfolio } from './portfolio.js';
import { createPortfolioState, type PortfolioState } from './portfolioState.js';
import { type BuyerProfile, type PaymentPrediction, profileBuyer } from './predictPayment.js';
import { aprBps, pocOffer, priceInvoice } from './pricing.js';
import { formatFixedPython, pythonFloatRepr } from './pythonFormat.js';
import { REASON_INFO, type ReasonCodeValue, type ReasonSeverity } from './reasonCodes.js';
import { extractStreamFacts, type StreamFacts } from './streamFacts.js';
import type { TrustReading, TrustSource } from './trust.js';

/**
 * Everything one decision needs. `asOf` (Unix seconds) is the evaluation time: the engine never
 * reads a clock. Pass a {@link CompiledPolicy} when deciding many invoices under one policy.
 *
 * @example
 * ```ts
 * const request: EvaluationRequest = { invoice, events, trust, policy: standardPolicy(), asOf: 1_700_864_000 };
 * ```
 */
export interface EvaluationRequest {
  readonly invoice: InvoiceInput;
  readonly events: readonly VerifiedEvent[];
  readonly trust: TrustSource;
  readonly policy: FactoringPolicy | CompiledPolicy;
  readonly asOf: number;
  /**
   * The financier's book. A plain {@link Portfolio} is indexed on every call (its known invoices
   * included); to decide many invoices one by one, build a {@link PortfolioState} once with
   * `createPortfolioState` and pass that (it is read, not modified), or use `evaluateBatch`.
   */
  readonly portfolio?: Portfolio | PortfolioState;
  readonly buyerHistory?: BuyerHistory;
  /** A precomputed {@link profileBuyer} result (takes precedence over `buyerHistory`). */
  readonly buyerProfile?: BuyerProfile | undefined;
  /** Build the rule trace (default true). */
  readonly trace?: boolean;
}

const SEVERITY_ORDER: Readonly<Record<ReasonSeverity, number>> = {
  reject: 0,
  review: 1,
  pending: 2,
  adjust: 3,
  info: 4,
};
const DAY = 86_400;
// Shared empty results (never mutated) keep untraced, clean decisions small.
const NO_DUPLICATES: readonly DuplicateMatch[] = [];
const NO_TRACE: readonly TraceEntry[] = [];
const NO_KINDS: string[] = [];
const NO_FLAGS: ReasonCodeValue[] = [];
const SIGNAL_WEIGHT = { low: 0.25, medium: 0.6, high: 1 } as const;

type TraceValue = number | string | boolean | null;

const NO_INPUTS: Readonly<Record<string, TraceValue>> = {};
// Trace entries whose every field is fixed are shared by all decisions instead of built for each:
// a traced batch keeps every entry, and these are the clean, common case.
const SIGNER_ROLES_PASS: TraceEntry = {
  rule: 'signer-roles',
  outcome: 'pass',
  inputs: { mismatches: 0, bySupplier: 0 },
  threshold: null,
  effectMinor: 0,
};
const DOUBLE_FACTORING_PASS: TraceEntry = {
  rule: 'double-factoring',
  outcome: 'pass',
  inputs: { priorPurchases: 0 },
  threshold: 0,
  effectMinor: 0,
};
// Indexed by (required ? 2 : 0) + (present ? 1 : 0); only "required and missing" fails.
const DELIVERY_ENTRIES: readonly TraceEntry[] = [
  {
    rule: 'delivery',
    outcome: 'pass',
    inputs: { required: false, delivered: false },
    threshold: null,
    effectMinor: 0,
  },
  {
    rule: 'delivery',
    outcome: 'pass',
    inputs: { required: false, delivered: true },
    threshold: null,
    effectMinor: 0,
  },
  {
    rule: 'delivery',
    outcome: 'fail',
    inputs: { required: true, delivered: false },
    threshold: null,
    effectMinor: 0,
  },
  {
    rule: 'delivery',
    outcome: 'pass',
    inputs: { required: true, delivered: true },
    threshold: null,
    effectMinor: 0,
  },
];
const ACK_ENTRIES: readonly TraceEntry[] = [
  {
    rule: 'acknowledgement',
    outcome: 'pass',
    inputs: { required: false, acknowledged: false },
    threshold: null,
    effectMinor: 0,
  },
  {
    rule: 'acknowledgement',
    outcome: 'pass',
    inputs: { required: false, acknowledged: true },
    threshold: null,
    effectMinor: 0,
  },
  {
    rule: 'acknowledgement',
    outcome: 'fail',
    inputs: { required: true, acknowledged: false },
    threshold: null,
    effectMinor: 0,
  },
  {
    rule: 'acknowledgement',
    outcome: 'pass',
    inputs: { required: true, acknowledged: true },
    threshold: null,
    effectMinor: 0,
  },
];

/** Mutable per-decision state: reasons in evaluation order, the trace, and the stop flag. */
class Run {
  readonly reasons: Reason[] = [];
  readonly trace: TraceEntry[] | undefined;
  readonly stopFirst: boolean;
  decisive: ReasonSeverity | undefined;
  worst = 9;

  readonly cache: InternCache | undefined;

  constructor(traceOn: boolean, stopFirst: boolean, cache: InternCache | undefined) {
    this.trace = traceOn ? [] : undefined;
    this.stopFirst = stopFirst;
    this.cache = cache;
  }

  /** False once a decisive rule fired in stop-at-first mode (the rule is then traced as skipped). */
  go(rule: string): boolean {
    if (this.stopFirst && this.decisive !== undefined) {
      this.trace?.push({ rule, outcome: 'skip', inputs: NO_INPUTS, threshold: null, effectMinor: 0 });
      return false;
    }
    return true;
  }

  reason(code: ReasonCodeValue, message: string): void {
    const severity = REASON_INFO[code].severity;
    this.reasons.push(
      this.cache === undefined
        ? { code, severity, message }
        : internReason(this.cache, code, severity, message),
    );
    const order = SEVERITY_ORDER[severity];
    if (order <= 2) {
      if (this.decisive === undefined) this.decisive = severity;
      if (order < this.worst) this.worst = order;
    }
  }

  outcome(): DecisionOutcome {
    if (this.stopFirst) {
      return this.decisive === undefined ? 'approve' : (this.decisive as DecisionOutcome);
    }
    return this.worst === 0
      ? 'reject'
      : this.worst === 1
        ? 'review'
        : this.worst === 2
          ? 'pending'
          : 'approve';
  }
}

/** The amount being funded and the haircuts taken from face so far. */
interface Funding {
  eligible: number;
  haircuts: Haircut[];
}

const NO_HAIRCUTS: Haircut[] = [];

function cutAmount(f: Funding, code: ReasonCodeValue, amount: number): void {
  const a = Math.min(amount, f.eligible);
  if (a <= 0) return;
  if (f.haircuts === NO_HAIRCUTS) f.haircuts = [];
  f.haircuts.push({ code, amountMinor: a });
  f.eligible -= a;
}

interface LimitFunding {
  readonly f: Funding;
  advance: number;
  readonly rate: number;
}

/**
 * Fits the advance under one limit: reduces the eligible amount to the room left ('reduce') or
 * fails. Returns false when the invoice cannot be funded under this limit.
 */
function applyLimit(
  run: Run,
  policy: FactoringPolicy,
  lf: LimitFunding,
  name: string,
  limit: number | undefined,
  exposure: number,
  code: ReasonCodeValue,
): boolean {
  if (limit === undefined) return true;
  const f = lf.f;
  const room = limit - exposure;
  let outcome: TraceEntry['outcome'] = 'pass';
  if (lf.advance > room) {
    if (policy.limitMode === 'reduce' && room > 0) {
      const before = f.eligible;
      f.eligible = Math.min(f.eligible, mulDivFloor(room, 10_000, lf.rate));
      if (f.haircuts === NO_HAIRCUTS) f.haircuts = [];
      f.haircuts.push({ code: 'LIMIT_HAIRCUT', amountMinor: before - f.eligible });
      lf.advance = mulDivFloor(f.eligible, lf.rate, 10_000);
      run.reason('LIMIT_HAIRCUT', `${name} limit ${limit} leaves room for an advance of ${room}`);
      outcome = 'flag';
    } else {
      run.reason(
        code,
        `${name} limit ${limit} with exposure ${exposure} has no room for an advance of ${lf.advance}`,
      );
      outcome = 'fail';
    }
  }
  run.trace?.push(
    traceEntry(
      `${name}-limit`,
      outcome,
      { limitMinor: limit, exposureMinor: exposure, advanceMinor: lf.advance },
      limit,
      0,
    ),
  );
  return outcome !== 'fail';
}

function traceEntry(
  rule: string,
  outcome: TraceEntry['outcome'],
  inputs: Readonly<Record<string, TraceValue>>,
  threshold: number | string | null,
  effectMinor: number,
): TraceEntry {
  return { rule, outcome, inputs, threshold, effectMinor };
}

const NO_REFS: readonly string[] = [];

/**
 * The invoice as the duplicate index sees it. Two literal shapes instead of a conditional spread
 * (which copies through a temporary object), and no refs array when there are no documents.
 */
function fingerprintRecord(invoice: InvoiceInput, facts: StreamFacts): InvoiceFingerprintRecord {
  const bol = facts.shipped?.ref;
  const pod = facts.delivered?.ref;
  const refs = bol ? (pod ? [bol, pod] : [bol]) : pod ? [pod] : NO_REFS;
  return invoice.poReference !== undefined
    ? {
        invoiceId: invoice.invoiceId,
        invoiceNumber: invoice.invoiceNumber ?? '',
        supplierQuid: invoice.supplierQuid,
        buyerQuid: invoice.buyerQuid,
        amountMinor: invoice.amountMinor,
        issuedAt: invoice.issuedAt,
        poReference: invoice.poReference,
        documentRefs: refs,
      }
    : {
        invoiceId: invoice.invoiceId,
        invoiceNumber: invoice.invoiceNumber ?? '',
        supplierQuid: invoice.supplierQuid,
        buyerQuid: invoice.buyerQuid,
        amountMinor: invoice.amountMinor,
        issuedAt: invoice.issuedAt,
        documentRefs: refs,
      };
}

function isDecisive(r: Reason): boolean {
  return SEVERITY_ORDER[r.severity] <= 2;
}

function isCompiled(p: FactoringPolicy | CompiledPolicy): p is CompiledPolicy {
  return typeof (p as CompiledPolicy).policyId === 'string';
}

function isState(p: Portfolio | PortfolioState): p is PortfolioState {
  return typeof (p as PortfolioState).buyerExposure === 'function';
}

function readTrust(source: TrustSource, quid: string, role: string): TrustReading | undefined {
  const r = source.trustIn(quid);
  if (r !== undefined && !(r.level >= 0 && r.level <= 1)) {
    throw new FactoringInputError('INVALID_TRUST', [
      { path: `trust.${role}`, message: `${role} trust out of range: ${r.level}` },
    ]);
  }
  return r;
}

function hasPath(r: TrustReading | undefined): boolean {
  return r !== undefined && r.level > 0 && r.pathLength !== 0;
}

function gradeFor(grades: readonly GradeBand[], level: number): GradeBand | undefined {
  for (const g of grades) if (level >= g.minTrust) return g;
  return grades[grades.length - 1];
}

function compareReasons(a: Reason, b: Reason): number {
  const s = SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
  if (s !== 0) return s;
  const r = REASON_INFO[a.code].rank - REASON_INFO[b.code].rank;
  if (r !== 0) return r;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

/**
 * Sorts the run's own reason list in place (it is not shared) and returns it. Insertion sort: the
 * list holds a handful of reasons, and Array.prototype.sort allocates a work copy on every call.
 */
function rankReasons(reasons: Reason[]): Reason[] {
  for (let i = 1; i < reasons.length; i++) {
    const x = reasons[i] as Reason;
    let j = i - 1;
    while (j >= 0 && compareReasons(reasons[j] as Reason, x) > 0) {
      reasons[j + 1] = reasons[j] as Reason;
      j--;
    }
    reasons[j + 1] = x;
  }
  return reasons;
}

function f3(x: number): string {
  return formatFixedPython(x, 3);
}

/**
 * Decides one invoice: every rule of the policy in a fixed order (signer roles, double factoring,
 * fraud signals, duplicates, title, self-dealing and dating, logistics, delivery and
 * acknowledgement, acknowledged amount, trust freshness and paths, trust thresholds, carrier,
 * dispute rate, eligibility, then pricing with advance, concentration and limits). Pure and
 * deterministic: the same request gives a byte-identical `JSON.stringify` of the result. Throws
 * {@link FactoringInputError} for an invalid policy, a trust level outside 0..1, or money that is
 * not a safe integer.
 *
 * @example
 * ```ts
 * const decision = evaluateInvoice({ invoice, events, trust, policy: pocPolicy(), asOf: invoice.issuedAt });
 * decision.outcome; // 'approve'
 * decision.offer?.purchasePriceMinor; // 4_848_250 for 5,000,000 at supplier 0.765 / buyer 0.81
 * ```
 */
export function evaluateInvoice(request: EvaluationRequest): FactoringDecision {
  const compiled = isCompiled(request.policy) ? request.policy : compilePolicy(request.policy);
  const portfolio = request.portfolio;
  const state =
    portfolio === undefined ? undefined : isState(portfolio) ? portfolio : createPortfolioState(portfolio);
  return decide(request, compiled, state);
}

/**
 * The engine behind {@link evaluateInvoice} and the batch: `state` is the running portfolio (or
 * none). Exposed for callers that manage their own {@link PortfolioState}.
 *
 * @example
 * ```ts
 * const d = decide(request, compilePolicy(standardPolicy()), createPortfolioState(portfolio));
 * ```
 */
export function decide(
  request: EvaluationRequest,
  compiled: CompiledPolicy,
  state: PortfolioState | undefined,
): FactoringDecision {
  return decideShared(request, compiled, state, undefined);
}

/**
 * {@link decide} for a batch: with `cache`, identical reasons and fraud-flag lists are shared
 * between the batch's decisions (same JSON, far fewer objects kept).
 *
 * @example
 * ```ts
 * const d = decideShared(request, compiled, state, createInternCache(request.asOf));
 * ```
 */
export function decideShared(
  request: EvaluationRequest,
  compiled: CompiledPolicy,
  state: PortfolioState | undefined,
  cache: InternCache | undefined,
): FactoringDecision {
  const policy = compiled.policy;
  const checks = policy.checks;
  const { invoice, asOf, trust } = request;
  const face = invoice.amountMinor;
  if (!Number.isSafeInteger(face) || !Number.isSafeInteger(asOf)) {
    throw new FactoringInputError('INVALID_INPUT', [
      {
        path: 'invoice.amountMinor',
        message: 'amount and asOf must be safe integers (minor units, Unix seconds)',
      },
    ]);
  }
  const run = new Run(request.trace !== false, policy.stopAtFirstDecisive, cache);
  const facts = extractStreamFacts(invoice, request.events, checks.signerRoles);
  const skew = policy.clockSkewSeconds;
  let supplierTrust = 0;
  let buyerTrust = 0;
  let carrierTrust: number | null = null;
  let duplicates: readonly DuplicateMatch[] = NO_DUPLICATES;
  let softDuplicate = false;
  let staleAgeSeconds = 0;
  const f: Funding = { eligible: face, haircuts: NO_HAIRCUTS };

  // 0. The invoice itself.
  if (checks.eligibility && run.go('invoice-valid')) {
    const ok =
      face > 0 &&
      invoice.dueAt >= invoice.issuedAt &&
      invoice.supplierQuid !== '' &&
      invoice.buyerQuid !== '';
    if (!ok)
      run.reason(
        'INVALID_INVOICE',
        `invoice ${invoice.invoiceId} has a non-positive amount or is due before issue`,
      );
    run.trace?.push(
      traceEntry(
        'invoice-valid',
        ok ? 'pass' : 'fail',
        {
          amountMinor: face,
          issuedAt: invoice.issuedAt,
          dueAt: invoice.dueAt,
        },
        null,
        0,
      ),
    );
  }

  // 1. Signer roles: wrong-party events were already dropped; report them.
  if (checks.signerRoles && run.go('signer-roles')) {
    const all = facts.mismatches;
    const forged = all.length === 0 ? all : all.filter((m) => m.bySupplier);
    const other = all.length === 0 ? all : all.filter((m) => !m.bySupplier);
    if (forged.length > 0) {
      run.reason(
        'SUPPLIER_FORGED_ATTESTATION',
        `supplier signed ${forged.map((m) => `${m.eventType} (${m.eventId})`).join(', ')} that only ${forged.map((m) => m.expected).join(', ')} may sign`,
      );
    }
    if (other.length > 0) {
      run.reason(
        'SIGNER_MISMATCH',
        `ignored events signed by the wrong party: ${other.map((m) => `${m.eventType} (${m.eventId}) by ${m.signerQuid}, expected ${m.expected}`).join('; ')}`,
      );
    }
    run.trace?.push(
      facts.mismatches.length === 0
        ? SIGNER_ROLES_PASS
        : traceEntry(
            'signer-roles',
            'fail',
            { mismatches: facts.mismatches.length, bySupplier: forged.length },
            null,
            0,
          ),
    );
  }

  // 2. Double factoring on the stream.
  if (run.go('double-factoring')) {
    const n = facts.purchases.length;
    if (n >= 1) {
      run.reason('DOUBLE_FACTORED', `double-factoring: ${n} prior factor.purchased event(s) on this invoice`);
    }
    run.trace?.push(
      n === 0 ? DOUBLE_FACTORING_PASS : traceEntry('double-factoring', 'fail', { priorPurchases: n }, 0, 0),
    );
  }

  // 3. Fraud signals, weighted by the financier's trust in each reporter.
  let fraudKinds: string[] = NO_KINDS;
  if (run.go('fraud-signals')) {
    let score = 0;
    let counted = 0;
    let ignored: string[] | undefined;
    for (const s of facts.fraudSignals) {
      if (!compiled.countsFraudKind(s.kind)) continue;
      counted++;
      if (fraudKinds === NO_KINDS) fraudKinds = [];
      fraudKinds.push(s.kind);
      if (!policy.fraudWeightByReporterTrust) {
        score += 1;
        continue;
      }
      const r = readTrust(trust, s.reporterQuid, 'reporter');
      const w = (r?.level ?? 0) * SIGNAL_WEIGHT[s.severity];
      if (w === 0) {
        ignored ??= [];
        ignored.push(`${s.kind} by ${s.reporterQuid}`);
      }
      score += w;
    }
    if (ignored !== undefined) {
      run.reason(
        'UNTRUSTED_REPORTER_IGNORED',
        `fraud signals from reporters with no trust: ${ignored.join(', ')}`,
      );
    }
    let outcome: TraceEntry['outcome'] = 'pass';
    if (counted > 0 && score > 0 && score >= policy.fraudVetoScore) {
      run.reason(
        'FRAUD_SIGNAL',
        `outstanding fraud signals on this invoice: ${fraudKinds.join(', ')} (score ${f3(score)})`,
      );
      outcome = 'fail';
    } else if (counted > 0 && score > 0 && score >= policy.fraudReviewScore) {
      run.reason(
        'FRAUD_SIGNAL_REVIEW',
        `fraud signals to review: ${fraudKinds.join(', ')} (score ${f3(score)})`,
      );
      outcome = 'flag';
    } else if (score > 0) {
      run.reason('WEAK_FRAUD_SIGNAL', `weak fraud signals: ${fraudKinds.join(', ')} (score ${f3(score)})`);
      outcome = 'flag';
    } else fraudKinds = NO_KINDS;
    run.trace?.push(
      traceEntry('fraud-signals', outcome, { signals: counted, score }, policy.fraudVetoScore, 0),
    );
  }

  // 4. Duplicates across streams: exact fingerprint vetoes, fuzzy goes to review or a haircut.
  let record: InvoiceFingerprintRecord | undefined;
  if (checks.duplicates && state !== undefined && run.go('duplicates')) {
    record = fingerprintRecord(invoice, facts);
    duplicates = state.duplicates.find(record, policy.duplicateWindowDays * DAY, policy.duplicateSoftScore);
    const top = duplicates[0];
    let outcome: TraceEntry['outcome'] = 'pass';
    if (top?.exact) {
      run.reason('DUPLICATE_EXACT', `same invoice fingerprint as ${top.invoiceId}`);
      outcome = 'fail';
    } else if (top && top.score >= policy.duplicateReviewScore) {
      run.reason(
        'DUPLICATE_FUZZY',
        `likely duplicate of ${top.invoiceId} (score ${top.score}: ${top.rules.join(', ')})`,
      );
      outcome = 'flag';
    } else if (top) {
      softDuplicate = true;
      run.reason(
        'DUPLICATE_SOFT_MATCH',
        `resembles ${top.invoiceId} (score ${top.score}: ${top.rules.join(', ')}); advance cut`,
      );
      outcome = 'flag';
    }
    run.trace?.push(
      traceEntry(
        'duplicates',
        outcome,
        { candidates: duplicates.length, topScore: top?.score ?? 0 },
        policy.duplicateReviewScore,
        0,
      ),
    );
  }

  // 5. Title: the supplier must still hold the largest stake.
  if (checks.titleOwnership && invoice.titleOwners !== undefined && run.go('title-ownership')) {
    let supplierShare = -1;
    let maxOther = 0;
    let maxOtherId = '';
    for (const o of invoice.titleOwners) {
      if (o.ownerId === invoice.supplierQuid) supplierShare = Math.max(supplierShare, o.percentage);
      else if (o.percentage > maxOther || (o.percentage === maxOther && o.ownerId < maxOtherId)) {
        maxOther = o.percentage;
        maxOtherId = o.ownerId;
      }
    }
    const ok = supplierShare > 0 && supplierShare > maxOther;
    if (!ok) {
      run.reason(
        'TITLE_NOT_OWNED_BY_SUPPLIER',
        supplierShare <= 0
          ? 'supplier no longer owns the invoice title'
          : `supplier holds ${supplierShare} of the title but ${maxOtherId} holds ${maxOther}`,
      );
    }
    run.trace?.push(
      traceEntry('title-ownership', ok ? 'pass' : 'fail', { supplierShare, largestOther: maxOther }, null, 0),
    );
  }

  // 6. Self-dealing and future dating.
  if (checks.eligibility && run.go('parties-and-dates')) {
    const self = invoice.supplierQuid === invoice.buyerQuid;
    const future = invoice.issuedAt > asOf + skew;
    if (self) run.reason('SUPPLIER_IS_BUYER', 'supplier and buyer are the same quid');
    if (future)
      run.reason(
        'ISSUED_AFTER_DECISION_DATE',
        `issued at ${invoice.issuedAt}, after the decision date ${asOf}`,
      );
    run.trace?.push(
      traceEntry(
        'parties-and-dates',
        self || future ? 'fail' : 'pass',
        {
          selfDealing: self,
          issuedAt: invoice.issuedAt,
          asOf,
        },
        null,
        0,
      ),
    );
  }

  // 7. Logistics: delivery after shipment, and before the buyer acknowledged receipt.
  if (checks.logistics && run.go('logistics')) {
    const shippedAt = facts.shipped?.at;
    const deliveredAt = facts.delivered?.at;
    const ackAt = facts.ack?.at;
    let outcome: TraceEntry['outcome'] = 'pass';
    if (shippedAt !== undefined && deliveredAt !== undefined && deliveredAt + skew < shippedAt) {
      run.reason('DELIVERY_BEFORE_SHIPMENT', `delivered at ${deliveredAt}, before shipment at ${shippedAt}`);
      outcome = 'fail';
    }
    if (ackAt !== undefined && deliveredAt !== undefined && deliveredAt > ackAt + skew) {
      run.reason(
        'DELIVERY_AFTER_ACKNOWLEDGEMENT',
        `delivered at ${deliveredAt}, after the buyer acknowledged at ${ackAt}`,
      );
      if (outcome === 'pass') outcome = 'flag';
    }
    run.trace?.push(
      traceEntry(
        'logistics',
        outcome,
        {
          shippedAt: shippedAt ?? null,
          deliveredAt: deliveredAt ?? null,
          acknowledgedAt: ackAt ?? null,
        },
        skew,
        0,
      ),
    );
  }

  // 8-9. Lifecycle evidence.
  if (run.go('delivery')) {
    const missing = policy.requireDelivery && facts.delivered === undefined;
    if (missing) run.reason('DELIVERY_MISSING', 'no carrier.delivered event yet');
    run.trace?.push(
      DELIVERY_ENTRIES[
        (policy.requireDelivery ? 2 : 0) + (facts.delivered !== undefined ? 1 : 0)
      ] as TraceEntry,
    );
  }
  if (run.go('acknowledgement')) {
    const missing = policy.requireBuyerAck && facts.ack === undefined;
    if (missing) run.reason('ACK_MISSING', 'no buyer.acknowledged event yet');
    run.trace?.push(
      ACK_ENTRIES[(policy.requireBuyerAck ? 2 : 0) + (facts.ack !== undefined ? 1 : 0)] as TraceEntry,
    );
  }

  // 10. Acknowledged amount versus face.
  const ackAmount = facts.ack?.amountMinor;
  if (checks.ackAmount && ackAmount !== undefined && run.go('ack-amount')) {
    let outcome: TraceEntry['outcome'] = 'pass';
    if (ackAmount > face) {
      run.reason(
        'ACK_AMOUNT_MISMATCH',
        `buyer acknowledged ${ackAmount}, more than the invoice amount ${face}`,
      );
      outcome = 'flag';
    } else if (ackAmount < face) {
      const shortfall = face - ackAmount;
      if (shortfall * 10_000 > policy.ackShortfallToleranceBps * face) {
        run.reason(
          'ACK_AMOUNT_MISMATCH',
          `buyer acknowledged ${ackAmount} of ${face} (short by ${shortfall})`,
        );
        outcome = 'flag';
      } else {
        run.reason(
          'ACK_SHORTFALL',
          `buyer acknowledged ${ackAmount} of ${face}; only the acknowledged amount is f.eligible`,
        );
        outcome = 'flag';
      }
    }
    run.trace?.push(
      traceEntry(
        'ack-amount',
        outcome,
        { acknowledgedMinor: ackAmount, faceMinor: face },
        policy.ackShortfallToleranceBps,
        0,
      ),
    );
  }

  // 11. Trust readings: range, expiry, staleness, paths.
  let supplierReading: TrustReading | undefined;
  let buyerReading: TrustReading | undefined;
  let trustRead = false;
  if (run.go('trust-readings')) {
    supplierReading = readTrust(trust, invoice.supplierQuid, 'supplier');
    buyerReading = readTrust(trust, invoice.buyerQuid, 'buyer');
    trustRead = true;
    supplierTrust = supplierReading?.level ?? 0;
    buyerTrust = buyerReading?.level ?? 0;
    let outcome: TraceEntry['outcome'] = 'pass';
    if (checks.trustFreshness) {
      for (let k = 0; k < 2; k++) {
        const role = k === 0 ? 'supplier' : 'buyer';
        const r = k === 0 ? supplierReading : buyerReading;
        if (r === undefined) continue;
        if (r.validUntil !== undefined && r.validUntil > 0 && r.validUntil < asOf) {
          run.reason('TRUST_EXPIRED', `${role} trust expired at ${r.validUntil}; refresh bureau data`);
          outcome = 'fail';
        } else if (r.observedAt !== undefined && asOf - r.observedAt > policy.trustFreshSeconds) {
          const age = asOf - r.observedAt;
          staleAgeSeconds = Math.max(staleAgeSeconds, age);
          run.reason(
            'STALE_TRUST',
            `${role} trust is ${Math.floor(age / DAY)} days old; PD inflated and advance cut`,
          );
          if (outcome === 'pass') outcome = 'flag';
        }
      }
    }
    if (checks.trustPaths && !hasPath(buyerReading)) {
      run.reason('BUYER_NO_TRUST_PATH', 'no trust path from the financier to the buyer');
      outcome = 'fail';
    }
    run.trace?.push(
      traceEntry(
        'trust-readings',
        outcome,
        {
          supplierTrust,
          buyerTrust,
          supplierObservedAt: supplierReading?.observedAt ?? null,
          buyerObservedAt: buyerReading?.observedAt ?? null,
        },
        policy.trustFreshSeconds,
        0,
      ),
    );
  }

  // 12-13. Trust thresholds.
  if (run.go('supplier-trust')) {
    const low = supplierTrust < policy.minSupplierTrust;
    if (low) {
      run.reason(
        'SUPPLIER_TRUST_LOW',
        `supplier trust ${f3(supplierTrust)} below threshold ${pythonFloatRepr(policy.minSupplierTrust)}`,
      );
    }
    run.trace?.push(
      traceEntry('supplier-trust', low ? 'fail' : 'pass', { supplierTrust }, policy.minSupplierTrust, 0),
    );
  }
  if (run.go('buyer-trust')) {
    const low = buyerTrust < policy.minBuyerTrust;
    if (low)
      run.reason(
        'BUYER_TRUST_LOW',
        `buyer trust ${f3(buyerTrust)} below threshold ${pythonFloatRepr(policy.minBuyerTrust)}`,
      );
    run.trace?.push(
      traceEntry('buyer-trust', low ? 'fail' : 'pass', { buyerTrust }, policy.minBuyerTrust, 0),
    );
  }

  // 14. Carrier trust path (the delivery attestation is only as good as the carrier).
  const carrierQuid = facts.delivered?.carrierQuid ?? facts.shipped?.carrierQuid ?? invoice.carrierQuid;
  if (checks.trustPaths && carrierQuid !== undefined && carrierQuid !== '' && run.go('carrier-trust')) {
    const r = readTrust(trust, carrierQuid, 'carrier');
    carrierTrust = r?.level ?? 0;
    const ok = hasPath(r) && carrierTrust >= policy.minCarrierTrust;
    if (!ok) {
      run.reason(
        'CARRIER_NO_TRUST_PATH',
        hasPath(r)
          ? `carrier trust ${f3(carrierTrust)} below threshold ${pythonFloatRepr(policy.minCarrierTrust)}`
          : `no trust path to carrier ${carrierQuid}; delivery unverified`,
      );
    }
    run.trace?.push(
      traceEntry(
        'carrier-trust',
        ok ? 'pass' : 'flag',
        { carrierQuid, carrierTrust },
        policy.minCarrierTrust,
        0,
      ),
    );
  }

  // 15. Buyer dispute rate.
  const needProfile = checks.disputeRate || policy.fee.kind !== 'poc-blend';
  const profile: BuyerProfile | undefined = needProfile
    ? (request.buyerProfile ??
      profileBuyer(
        request.buyerHistory,
        policy.paymentPriorDaysLate,
        policy.paymentPriorWeight,
        policy.noHistoryDilutionBps,
      ))
    : undefined;
  if (checks.disputeRate && profile !== undefined && run.go('dispute-rate')) {
    const judged = profile.invoiceCount >= policy.minDisputeSample;
    const high = judged && profile.disputeRateBps >= policy.maxDisputeRateBps;
    if (high) {
      run.reason(
        'BUYER_DISPUTE_RATE_HIGH',
        `buyer disputed ${profile.disputeRateBps / 100}% of ${profile.invoiceCount} invoices`,
      );
    }
    run.trace?.push(
      traceEntry(
        'dispute-rate',
        high ? 'flag' : 'pass',
        { disputeRateBps: profile.disputeRateBps, invoices: profile.invoiceCount },
        policy.maxDisputeRateBps,
        0,
      ),
    );
  }

  // 16. Eligibility: payments, credits, disputes, ageing, cross-aging.
  if (checks.eligibility && run.go('eligibility')) {
    let outcome: TraceEntry['outcome'] = 'pass';
    if (facts.creditedMinor >= face && face > 0) {
      run.reason('FULLY_CREDITED', `credit notes of ${facts.creditedMinor} cover the invoice`);
      outcome = 'fail';
    } else if (facts.creditedMinor > 0) {
      cutAmount(f, 'CREDIT_NOTE_APPLIED', facts.creditedMinor);
      run.reason(
        'CREDIT_NOTE_APPLIED',
        `credit notes of ${facts.creditedMinor} reduce the f.eligible amount`,
      );
    }
    if (outcome === 'pass' && facts.paidMinor > 0) {
      if (facts.paidMinor >= f.eligible) {
        run.reason('ALREADY_PAID', `payments of ${facts.paidMinor} already settle the invoice`);
        outcome = 'fail';
      } else {
        cutAmount(f, 'PARTIALLY_PAID', facts.paidMinor);
        run.reason('PARTIALLY_PAID', `payments of ${facts.paidMinor} already received`);
      }
    }
    if (outcome === 'pass' && facts.openDisputedMinor > 0) {
      if (facts.openDisputedMinor >= f.eligible) {
        run.reason(
          'FULLY_DISPUTED',
          `open disputes of ${facts.openDisputedMinor} cover the outstanding amount`,
        );
        outcome = 'fail';
      } else {
        cutAmount(f, 'DISPUTED_AMOUNT_INELIGIBLE', facts.openDisputedMinor);
        run.reason('DISPUTED_AMOUNT_INELIGIBLE', `disputed ${facts.openDisputedMinor} is ineligible`);
      }
    }
    if (checks.ackAmount && ackAmount !== undefined && ackAmount >= 0 && ackAmount < f.eligible) {
      cutAmount(f, 'ACK_SHORTFALL', f.eligible - ackAmount);
    }
    const ageDays = Math.floor((asOf - invoice.issuedAt) / DAY);
    const pastDueDays = Math.floor((asOf - invoice.dueAt) / DAY);
    if (ageDays > policy.maxDaysSinceIssue) {
      run.reason('AGED_OVER_CUTOFF', `invoice is ${ageDays} days old (cut-off ${policy.maxDaysSinceIssue})`);
      outcome = 'fail';
    }
    if (pastDueDays > policy.maxDaysPastDue) {
      run.reason(
        'PAST_DUE_CUTOFF',
        `invoice is ${pastDueDays} days past due (cut-off ${policy.maxDaysPastDue})`,
      );
      outcome = 'fail';
    }
    const aging = state?.aging(invoice.buyerQuid);
    if (
      aging !== undefined &&
      aging.openMinor > 0 &&
      aging.over90Minor * 10_000 > policy.crossAgeThresholdBps * aging.openMinor
    ) {
      run.reason(
        'CROSS_AGED_DEBTOR',
        `${mulDivFloor(aging.over90Minor, 10_000, aging.openMinor) / 100}% of the buyer's balance is over 90 days`,
      );
      outcome = 'fail';
    }
    run.trace?.push(
      traceEntry(
        'eligibility',
        outcome,
        {
          creditedMinor: facts.creditedMinor,
          paidMinor: facts.paidMinor,
          openDisputedMinor: facts.openDisputedMinor,
          ageDays,
          pastDueDays,
          crossAgedBps:
            aging && aging.openMinor > 0 ? mulDivFloor(aging.over90Minor, 10_000, aging.openMinor) : null,
        },
        policy.maxDaysSinceIssue,
        f.eligible - face,
      ),
    );
  }

  // 17. Pricing, concentration and limits (only when nothing rejects or holds the invoice).
  let offer: Offer | null = null;
  let limits: LimitUse | null = null;
  let payment: PaymentPrediction | null = null;
  let pocFigures: { risk: number; discount: number; offerMinor: number } | undefined;
  const blocked = run.worst === 0 || run.worst === 2 || (run.stopFirst && run.decisive !== undefined);
  if (blocked) run.trace?.push(traceEntry('pricing', 'skip', NO_INPUTS, null, 0));
  else if (run.go('pricing')) {
    if (!trustRead) {
      supplierTrust = readTrust(trust, invoice.supplierQuid, 'supplier')?.level ?? 0;
      buyerTrust = readTrust(trust, invoice.buyerQuid, 'buyer')?.level ?? 0;
    }
    if (policy.fee.kind === 'poc-blend') {
      pocFigures = pocOffer(
        f.eligible,
        supplierTrust,
        buyerTrust,
        policy.buyerWeight,
        policy.supplierWeight,
        policy.baseDiscountFraction,
        policy.maxRiskPremiumFraction,
      );
      const price = Math.max(0, Math.min(f.eligible, pocFigures.offerMinor));
      const fee = f.eligible - price;
      const days = Math.max(1, Math.ceil((invoice.dueAt - asOf) / DAY));
      offer = {
        currency: invoice.currency,
        faceMinor: face,
        eligibleMinor: f.eligible,
        haircuts: f.haircuts,
        advanceRateBps: 10_000,
        advanceMinor: price,
        reserveMinor: 0,
        feeKind: 'poc-blend',
        feeMinor: fee,
        purchasePriceMinor: price,
        expectedRebateMinor: 0,
        discountBps: face > 0 ? mulDivCeil(fee, 10_000, face) : 0,
        discountFraction: pocFigures.discount,
        aprBps: aprBps(fee, price, days),
        tenorDays: days,
        recourse: policy.recourse,
        risk: null,
      };
      run.trace?.push(
        traceEntry(
          'pricing',
          'pass',
          { risk: pocFigures?.risk ?? 0, discount: pocFigures?.discount ?? 0, offerMinor: price },
          'poc-blend',
          price - face,
        ),
      );
    } else {
      const c: PricingContext = {
        run,
        compiled,
        invoice,
        asOf,
        face,
        f,
        profile: profile as BuyerProfile,
        state,
        buyerTrust,
        supplierTrust,
        staleAgeSeconds,
        softDuplicate,
        payment: null,
        limits: null,
      };
      offer = priceStandard(c);
      payment = c.payment;
      limits = c.limits;
    }
  }

  const outcome = run.outcome();
  if (outcome === 'reject' || outcome === 'pending') {
    offer = null;
    limits = null;
  }
  // The proof of concept reports the first deciding rule in evaluation order: find it before ranking.
  const firstDecisive = run.reasons.find(isDecisive);
  const reasons = rankReasons(run.reasons);
  let fraudFlags: readonly ReasonCodeValue[] = NO_FLAGS;
  let first: ReasonCodeValue | undefined;
  for (const r of reasons) {
    if (!REASON_INFO[r.code].fraud || r.code === first || fraudFlags.includes(r.code)) continue;
    if (first === undefined) {
      // Most decisions carry at most one fraud flag: a shared one-element list when batching.
      first = r.code;
      fraudFlags = cache === undefined ? [r.code] : internFlag(cache, r.code);
    } else {
      if (fraudFlags.length === 1) fraudFlags = [first];
      (fraudFlags as ReasonCodeValue[]).push(r.code);
    }
  }
  return {
    invoiceId: invoice.invoiceId,
    outcome,
    asOf,
    policyId: compiled.policyId,
    reasons,
    fraudFlags,
    offer,
    trust: { supplier: supplierTrust, buyer: buyerTrust, carrier: carrierTrust },
    payment,
    limits,
    duplicates,
    trace: run.trace ?? NO_TRACE,
    compat:
      policy.compat === 'poc'
        ? pocCompat(
            invoice.invoiceId,
            firstDecisive,
            outcome,
            facts,
            fraudKinds,
            supplierTrust,
            buyerTrust,
            pocFigures,
            offer,
          )
        : null,
  };
}

/** What standard pricing reads from a decision in progress. */
interface PricingContext {
  readonly run: Run;
  readonly compiled: CompiledPolicy;
  readonly invoice: InvoiceInput;
  readonly asOf: number;
  readonly face: number;
  readonly f: Funding;
  readonly profile: BuyerProfile;
  readonly state: PortfolioState | undefined;
  readonly buyerTrust: number;
  readonly supplierTrust: number;
  readonly staleAgeSeconds: number;
  readonly softDuplicate: boolean;
  payment: PaymentPrediction | null;
  limits: LimitUse | null;
}

/**
 * Advance rate, concentration, limits, PD and fee for the non-PoC fee structures. Sets
 * `c.payment` and `c.limits`; returns null when a limit or the concentration cap refuses it.
 */
function priceStandard(c: PricingContext): Offer | null {
  const {
    run,
    compiled,
    invoice,
    asOf,
    face,
    f,
    state,
    buyerTrust,
    supplierTrust,
    staleAgeSeconds,
    softDuplicate,
  } = c;
  const policy = compiled.policy;
  const checks = policy.checks;
  const p = c.profile;
  const pay = internPrediction(run.cache, p, invoice.dueAt, asOf);
  c.payment = pay;
  // Advance rate: grade, dilution (-1 pp per pp above the free level), staleness, soft duplicate.
  const grade = gradeFor(compiled.grades, buyerTrust);
  const gradeName = grade?.grade ?? '-';
  const dilutionCut = Math.max(0, p.dilutionBps - policy.dilutionFreeBps);
  const staleCut = staleAgeSeconds > 0 ? policy.staleAdvanceCutBps : 0;
  const dupCut = softDuplicate ? policy.duplicateSoftAdvanceCutBps : 0;
  const advanceRate = clampInt(
    policy.baseAdvanceRateBps + (grade?.advanceAdjBps ?? 0) - dilutionCut - staleCut - dupCut,
    policy.minAdvanceRateBps,
    policy.maxAdvanceRateBps,
  );
  if (dilutionCut > 0) {
    run.reason(
      'DILUTION_ADVANCE_CUT',
      `buyer dilution ${p.dilutionBps / 100}% cuts the advance by ${dilutionCut / 100} pp`,
    );
  }
  run.trace?.push(
    traceEntry(
      'advance-rate',
      'pass',
      {
        grade: gradeName,
        baseBps: policy.baseAdvanceRateBps,
        gradeAdjBps: grade?.advanceAdjBps ?? 0,
        dilutionCutBps: dilutionCut,
        staleCutBps: staleCut,
        duplicateCutBps: dupCut,
        advanceRateBps: advanceRate,
      },
      policy.maxAdvanceRateBps,
      0,
    ),
  );

  // Concentration against the supplier's ledger.
  if (checks.limits && state !== undefined) {
    const ledger = state.ledger(invoice.supplierQuid);
    if (ledger !== undefined) {
      const base = ledger.totalOpenMinor + face;
      const buyerOpen = ledger.buyerOpenMinor(invoice.buyerQuid);
      const allowed = mulDivFloor(base, policy.maxConcentrationBps, 10_000) - buyerOpen;
      if (allowed <= 0) {
        run.reason(
          'CONCENTRATION_EXCEEDED',
          `buyer already holds its ${policy.maxConcentrationBps / 100}% share of the supplier's ledger`,
        );
      } else if (f.eligible > allowed) {
        const before = f.eligible;
        cutAmount(f, 'CONCENTRATION_HAIRCUT', f.eligible - allowed);
        run.reason(
          'CONCENTRATION_HAIRCUT',
          `concentration cap ${policy.maxConcentrationBps / 100}% makes ${before - f.eligible} ineligible`,
        );
      }
      run.trace?.push(
        traceEntry(
          'concentration',
          allowed <= 0 ? 'fail' : 'pass',
          { ledgerMinor: base, buyerOpenMinor: buyerOpen, allowedMinor: allowed },
          policy.maxConcentrationBps,
          0,
        ),
      );
      if (allowed <= 0) return null;
    }
  }

  let advance = mulDivFloor(f.eligible, advanceRate, 10_000);
  // Limits in order: buyer (across all suppliers), supplier, facility.
  let buyerLimit: number | undefined;
  let supplierLimit: number | undefined;
  let facilityLimit: number | undefined;
  let buyerBefore = 0;
  let supplierBefore = 0;
  let facilityBefore = 0;
  if (state !== undefined) {
    buyerLimit =
      state.buyerLimit(invoice.buyerQuid) ??
      (policy.defaultBuyerLimitMinor > 0 ? policy.defaultBuyerLimitMinor : undefined);
    supplierLimit = state.supplierLimit(invoice.supplierQuid);
    facilityLimit = state.facilityLimit();
    buyerBefore = state.buyerExposure(invoice.buyerQuid);
    supplierBefore = state.supplierExposure(invoice.supplierQuid);
    facilityBefore = state.totalExposure();
    if (checks.limits) {
      // Limits in order: buyer (across all suppliers), supplier (client), facility.
      const lf: LimitFunding = { f, advance, rate: advanceRate };
      if (!applyLimit(run, policy, lf, 'buyer', buyerLimit, buyerBefore, 'BUYER_LIMIT_EXCEEDED')) return null;
      if (!applyLimit(run, policy, lf, 'supplier', supplierLimit, supplierBefore, 'SUPPLIER_LIMIT_EXCEEDED'))
        return null;
      if (!applyLimit(run, policy, lf, 'facility', facilityLimit, facilityBefore, 'FACILITY_LIMIT_EXCEEDED'))
        return null;
      advance = lf.advance;
    }
  }

  // PD: buyer grade; under recourse a loss needs buyer and supplier to fail; staleness inflates it.
  let pd = grade?.pdAnnualBps ?? 10_000;
  if (policy.recourse) {
    const sGrade = gradeFor(compiled.grades, supplierTrust);
    const pdS = sGrade?.pdAnnualBps ?? 10_000;
    pd = Math.min(
      pd,
      mulDivCeil(pd, pdS, 10_000) + mulDivCeil(Math.min(pd, pdS), policy.recourseCorrelationBps, 10_000),
    );
  }
  if (staleAgeSeconds > policy.trustFreshSeconds && policy.trustFreshSeconds > 0) {
    const extra = staleAgeSeconds - policy.trustFreshSeconds;
    pd = mulDivCeil(
      pd,
      10_000 * policy.trustFreshSeconds + policy.stalenessPdLambdaBps * extra,
      10_000 * policy.trustFreshSeconds,
    );
  }
  pd = clampInt(pd, policy.pdFloorBps, 10_000);
  const price = priceInvoice(compiled, {
    eligibleMinor: f.eligible,
    advanceMinor: advance,
    expectedDays: pay.expectedDays,
    stressedDays: pay.stressedDays,
    grade: gradeName,
    pdAnnualBps: pd,
    dilutionBps: p.dilutionBps,
  });
  const fee = price.feeMinor;
  const reserve = f.eligible - advance;
  const o: Offer = {
    currency: invoice.currency,
    faceMinor: face,
    eligibleMinor: f.eligible,
    haircuts: f.haircuts,
    advanceRateBps: advanceRate,
    advanceMinor: advance,
    reserveMinor: reserve,
    feeKind: policy.fee.kind,
    feeMinor: fee,
    purchasePriceMinor: f.eligible - fee,
    expectedRebateMinor: Math.max(0, reserve - fee),
    discountBps: face > 0 ? mulDivCeil(fee, 10_000, face) : 0,
    discountFraction: null,
    aprBps: price.aprBps,
    tenorDays: pay.expectedDays,
    recourse: policy.recourse,
    risk: price.risk,
  };
  run.trace?.push(
    traceEntry(
      'pricing',
      'pass',
      {
        feeKind: policy.fee.kind,
        pdAnnualBps: pd,
        expectedDays: pay.expectedDays,
        stressedDays: pay.stressedDays,
        feeMinor: fee,
        aprBps: price.aprBps,
      },
      null,
      f.eligible - face,
    ),
  );
  c.limits = {
    buyer: { limitMinor: buyerLimit ?? null, beforeMinor: buyerBefore, afterMinor: buyerBefore + advance },
    supplier: {
      limitMinor: supplierLimit ?? null,
      beforeMinor: supplierBefore,
      afterMinor: supplierBefore + advance,
    },
    facility: {
      limitMinor: facilityLimit ?? null,
      beforeMinor: facilityBefore,
      afterMinor: facilityBefore + advance,
    },
  };
  return o;
}

function pocCompat(
  invoiceId: string,
  firstDecisive: Reason | undefined,
  outcome: DecisionOutcome,
  facts: StreamFacts,
  fraudKinds: string[],
  supplierTrust: number,
  buyerTrust: number,
  figures: { risk: number; discount: number; offerMinor: number } | undefined,
  offer: Offer | null,
): PocCompatDecision {
  const first = firstDecisive;
  const verdict = outcome === 'approve' ? 'approve' : outcome === 'pending' ? 'pending' : 'reject';
  const base = {
    verdict,
    invoiceId,
    discountFraction: 0,
    offerPriceCents: 0,
    supplierTrust: 0,
    buyerTrust: 0,
  } as const;
  const trustLines = [
    'delivery confirmed',
    'buyer acknowledged',
    `supplier trust = ${f3(supplierTrust)}`,
    `buyer trust = ${f3(buyerTrust)}`,
  ];
  switch (first?.code) {
    case 'DOUBLE_FACTORED':
      return { ...base, reasons: [first.message], fraudFlags: ['double-factoring'] };
    case 'FRAUD_SIGNAL':
      return { ...base, reasons: ['outstanding fraud signals on this invoice'], fraudFlags: fraudKinds };
    case 'DELIVERY_MISSING':
    case 'ACK_MISSING':
      return { ...base, reasons: [first.message], fraudFlags: [] };
    case 'SUPPLIER_TRUST_LOW':
    case 'BUYER_TRUST_LOW':
      return { ...base, supplierTrust, buyerTrust, reasons: [...trustLines, first.message], fraudFlags: [] };
    case undefined:
      if (figures !== undefined && offer !== null) {
        return {
          ...base,
          discountFraction: figures.discount,
          offerPriceCents: offer.purchasePriceMinor,
          supplierTrust,
          buyerTrust,
          reasons: [
            ...trustLines,
            `blended risk = ${f3(figures.risk)}; discount = ${formatFixedPython(figures.discount * 100, 2)}%; offer = $${formatFixedPython(offer.purchasePriceMinor / 100, 2)}`,
          ],
          fraudFlags: [],
        };
      }
      return { ...base, reasons: [], fraudFlags: [] };
    default:
      return {
        ...base,
        reasons: [first!.message],
        fraudFlags: facts.mismatches.length > 0 ? ['signer-mismatch'] : [],
      };
  }
}
