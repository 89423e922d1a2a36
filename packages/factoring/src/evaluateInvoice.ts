// Decides one invoice: inputs -> stream facts -> numbered rules -> pricing -> decision.

import { noteDecidedOn } from './decidedOn.js';
import type { FactoringInputError } from './errors/FactoringInputError.js';
import type { EvaluationRequest } from './evaluationRequest.js';
import { checkBuyerProfile } from './facts/checkBuyerProfile.js';
import type { DuplicateMatch } from './facts/duplicateIndex.js';
import { createPortfolioState, type PortfolioState } from './facts/portfolioState.js';
import { type BuyerProfile, type PaymentPrediction, profileBuyer } from './facts/predictPayment.js';
import { withRefusedEvidence, withRefusedVetoes } from './facts/refusedEvidence.js';
import { extractStreamFacts } from './facts/streamFacts.js';
import { checkEventLists } from './inputs/checkEventList.js';
import { checkInvoiceInput } from './inputs/checkInvoiceInput.js';
import { type CompiledPolicy, compilePolicy, isCompiledPolicy } from './inputs/compilePolicy.js';
import { plainCopy } from './inputs/plainCopy.js';
import { plainEvents, plainInvoice } from './inputs/plainInputs.js';
import type { FactoringPolicy } from './inputs/policy.js';
import type { Portfolio } from './inputs/portfolio.js';
import type { TrustReading } from './inputs/trust.js';
import { trustOnce } from './inputs/trustOnce.js';
import type { FactoringDecision, LimitUse, Offer, TraceEntry } from './outputs/decision.js';
import { type InternCache, internReasonList, NO_REASONS } from './outputs/internCache.js';
import { NO_INPUTS, traceEntry } from './outputs/traceEntry.js';
import { type PocFigures, pocBlendOffer, pocCompat } from './poc/pocCompat.js';
import { type PricingContext, priceStandard } from './pricing/priceStandard.js';
import { pocOffer } from './pricing/pricing.js';
import { checkAckPayDate, checkOverdue } from './rules/collectionChecks.js';
import { checkDisputeRate, checkEligibility } from './rules/eligibilityChecks.js';
import {
  checkDuplicates,
  checkFraudSignals,
  fingerprintRecord,
  fraudFlagsOf,
  isSoftDuplicate,
  NO_KINDS,
} from './rules/fraudChecks.js';
import { type Funding, NO_HAIRCUTS } from './rules/funding.js';
import {
  checkBookCurrency,
  checkInvoiceValid,
  checkPartiesAndDates,
  checkTenor,
  checkTitleMissing,
  checkTitleOwnership,
} from './rules/invoiceChecks.js';
import { checkEarlyPaymentDiscount, checkIssuedEvidence, signedBinding } from './rules/issuedChecks.js';
import { isDecisive, Run, rankReasons } from './rules/run.js';
import {
  checkAckAmount,
  checkAcknowledgement,
  checkDelivery,
  checkDoubleFactoring,
  checkEvidenceDates,
  checkLogistics,
  checkPoMatch,
  checkShipmentLead,
  checkSignerRoles,
  checkStreamIntegrity,
} from './rules/streamChecks.js';
import { checkTermsDueDate } from './rules/termsChecks.js';
import {
  checkBuyerTrust,
  checkCarrierTrust,
  checkSupplierTrust,
  checkTrustReadings,
  hasPath,
  isExpired,
  readTrust,
} from './rules/trustChecks.js';
import {
  checkBuyerIndependence,
  holdSupplierOrigin,
  holdUnknownRoute,
  routeUnknown,
} from './rules/trustIndependence.js';
import { traceEvaluateInvoice } from './telemetry/traceEvaluation.js';

export type { EvaluationRequest } from './evaluationRequest.js';

const DAY_SECONDS = 86_400;

// Shared empty results (never mutated) keep untraced, clean decisions small.
const NO_DUPLICATES: readonly DuplicateMatch[] = [];
const NO_TRACE: readonly TraceEntry[] = [];

/** When the caller's reading for `quid` expired (the engine then reads it as none). */
function expiredAt(trust: EvaluationRequest['trust'], quid: string, asOf: number): number | undefined {
  const r = trust.trustIn(quid);
  return r !== undefined && isExpired(r, asOf) ? r.validUntil : undefined;
}

function isState(p: Portfolio | PortfolioState): p is PortfolioState {
  return typeof p === 'object' && p !== null && typeof (p as PortfolioState).buyerExposure === 'function';
}

/**
 * Decides one invoice: every rule of the policy in a fixed order (signer roles, stream integrity
 * (subjects, payload schemas, currencies, sequence conflicts), double factoring, fraud signals,
 * duplicates, title, self-dealing and dating, logistics, delivery and acknowledgement, the
 * buyer's PO match (with `requirePoMatch`), acknowledged amount, trust freshness and paths, trust thresholds, carrier,
 * dispute rate, eligibility, then pricing with advance, concentration and limits). Pure and
 * deterministic: the same request gives a byte-identical `JSON.stringify` of the result. Only
 * `events` move money; `rejectedEvents` are fraud evidence. Throws {@link FactoringInputError}
 * for an invalid policy, a malformed trust reading, money that is not a safe integer >= 0 (in the
 * invoice, the portfolio or the buyer's history), book totals that the invoice's face would take
 * past 2^53 - 1, dates that are not safe integers, or TITLE shares that are not fractions summing
 * to 1.
 *
 * @example
 * ```ts
 * const decision = evaluateInvoice({ invoice, events, trust, policy: pocPolicy(), asOf: invoice.issuedAt });
 * decision.outcome; // 'approve'
 * decision.offer?.purchasePriceMinor; // 4_848_250 for 5,000,000 at supplier 0.765 / buyer 0.81
 * ```
 */
export function evaluateInvoice(request: EvaluationRequest): FactoringDecision {
  return traceEvaluateInvoice(() => {
    const portfolio = request.portfolio;
    const state =
      portfolio === undefined ? undefined : isState(portfolio) ? portfolio : createPortfolioState(portfolio);
    // decide compiles (and checks) a policy compilePolicy did not make.
    return decide(request, request.policy, state);
  });
}

/**
 * The trust level a reading gives: none without a reading, and none when it says there is no
 * path (`pathLength` 0 or an empty `path`), whatever level it carries. The proof-of-concept preset reads the level
 * alone, as the proof of concept did.
 */
function levelOf(r: TrustReading | undefined, pathsCount: boolean): number {
  if (r === undefined) return 0;
  return !pathsCount || hasPath(r) ? r.level : 0;
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
  policy: CompiledPolicy | FactoringPolicy,
  state: PortfolioState | undefined,
): FactoringDecision {
  // Only a policy compilePolicy made in this process is taken as compiled: one stored as JSON (or
  // edited) is checked again, so a hand-lowered threshold is refused, not decided on.
  const compiled = isCompiledPolicy(policy) ? policy : compilePolicy(policy);
  // One read of everything the caller holds: a getter, a Proxy or an edit during the call cannot
  // answer the checks one value and the rules (or the booking) another.
  const own: { -readonly [K in keyof EvaluationRequest]: EvaluationRequest[K] } = {
    ...request,
    invoice: plainInvoice(request.invoice),
    events: plainEvents(request.events),
    rejectedEvents: plainEvents(request.rejectedEvents),
    buyerProfile: plainCopy(request.buyerProfile),
  };
  if (own.buyerHistory !== undefined) own.buyerHistory = plainCopy(own.buyerHistory);
  // A batch builds its own profiles; a caller's precomputed one is checked here.
  if (own.buyerProfile !== undefined) checkBuyerProfile(own.buyerProfile);
  const decision = decideShared(own, compiled, state, undefined);
  // reserveApproval books only decisions made on the state it books into, as it is now.
  if (state !== undefined) noteDecidedOn(decision, state, own.invoice);
  return decision;
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
  inputChecked = false,
): FactoringDecision {
  const policy = compiled.policy;
  const checks = policy.checks;
  const { invoice, asOf } = request;
  // Each party's trust read once per decision (a batch's source is read once per batch).
  const trust = trustOnce(request.trust);
  // Unreadable money, dates or title shares refuse the call under every policy, before any rule
  // (a batch checks every item before its first decision, and says so).
  if (!inputChecked) {
    checkInvoiceInput(invoice, asOf);
    checkEventLists(request.events, request.rejectedEvents);
  }
  const face = invoice.amountMinor;
  // The book's running totals with this face must stay exact (a rounded exposure is no figure).
  state?.checkSumsWith?.(face, 'invoice.amountMinor');
  // Stopping at the first decisive rule is the proof of concept's rule; any other policy stops at
  // the first reject only, so a review or pending never hides a later reject.
  const pocStop = policy.stopAtFirstDecisive && policy.compat === 'poc';
  const run = new Run(request.trace !== false, pocStop, cache, policy.stopAtFirstDecisive && !pocStop);
  const screen = checks.payloads || checks.eventSubject || checks.sequenceConflicts;
  const skew = policy.clockSkewSeconds;
  // Evidence dated after the decision does not count (the proof of concept reads every date).
  const notAfter = policy.compat === 'poc' ? undefined : asOf + skew;
  let read = extractStreamFacts(
    invoice,
    request.events,
    checks.signerRoles,
    compiled.streamOptions,
    notAfter,
  );
  // The carrier and PO the supplier signed bind the stream where the input states none (the proof
  // of concept never read the issue).
  const bound = policy.compat === 'poc' ? invoice : signedBinding(invoice, read);
  if (bound !== invoice)
    read = extractStreamFacts(bound, request.events, checks.signerRoles, compiled.streamOptions, notAfter);
  const refused = request.rejectedEvents;
  // Refused events are evidence of who signed what under every policy; the proof-of-concept
  // preset also reads the node's stream as it is, so a refused purchase or fraud signal vetoes
  // there too (the proof of concept sees it).
  let facts = read;
  if (refused !== undefined && refused.length > 0) {
    facts = withRefusedEvidence(read, invoice, refused);
    if (policy.compat === 'poc') facts = withRefusedVetoes(facts, invoice, refused, compiled.streamOptions);
  }
  let supplierTrust = 0;
  let buyerTrust = 0;
  let carrierTrust: number | null = null;
  let duplicates: readonly DuplicateMatch[] = NO_DUPLICATES;
  let softDuplicate = false;
  let staleAgeSeconds = 0;
  const f: Funding = { eligible: face, haircuts: NO_HAIRCUTS };

  // 0. The invoice itself.
  if (checks.eligibility && run.go('invoice-valid')) checkInvoiceValid(run, invoice, face);

  // 1. Signer roles: wrong-party events were already dropped; report them.
  if (checks.signerRoles && run.go('signer-roles')) checkSignerRoles(run, facts);

  // 1b. Stream integrity: other invoices' events, invalid payloads, foreign currency, conflicts.
  // Unusable events (a sequence or timestamp that cannot be ordered) and disagreeing repeats are
  // reported even by a policy that turns the screens off: they may hide a dispute or a payment.
  // The proof-of-concept preset keeps the proof of concept's reasons exactly.
  const doubtful = policy.compat !== 'poc' && facts.conflicting.length + facts.invalid.length > 0;
  if ((screen || doubtful) && run.go('stream-integrity')) checkStreamIntegrity(run, facts);

  // 2. Double factoring on the stream.
  if (run.go('double-factoring')) checkDoubleFactoring(run, facts);

  // 3. Fraud signals, weighted by the financier's trust in each reporter.
  let fraudKinds: string[] = NO_KINDS;
  if (run.go('fraud-signals')) fraudKinds = checkFraudSignals(run, compiled, trust, facts, asOf);

  // 4. Duplicates across streams: exact fingerprint vetoes, fuzzy goes to review or a haircut.
  if (checks.duplicates && state !== undefined) {
    if (run.go('duplicates')) {
      duplicates = checkDuplicates(run, policy, state, invoice, facts);
      softDuplicate = isSoftDuplicate(duplicates, policy);
    } else {
      // A stopped run skips the check, but a batch still indexes the invoice with its documents:
      // a later invoice reusing its bill of lading must be caught.
      state.duplicates.stage?.(fingerprintRecord(invoice, facts));
    }
  }

  // 5. Title: the supplier must still hold a majority, and the stakes' roles name the invoice's
  // parties. No title at all waits for one (the proof of concept skipped the check).
  const poc = policy.compat === 'poc';
  const title = invoice.titleOwners;
  if (checks.titleOwnership && (title !== undefined || !poc) && run.go('title-ownership')) {
    if (title !== undefined)
      checkTitleOwnership(run, invoice, title, !poc, policy.maxThirdPartyTitleShareBps);
    else checkTitleMissing(run);
  }

  // 6. Self-dealing (one quid, or one group in the book) and future dating.
  if (checks.eligibility && run.go('parties-and-dates')) {
    const group = poc ? undefined : state?.groupOf(invoice.supplierQuid);
    const shared = group !== undefined && state?.groupOf(invoice.buyerQuid) === group ? group : undefined;
    checkPartiesAndDates(run, invoice, asOf, skew, shared);
  }

  // 6b. Tenor: the policy's longest funding period (the PoC preset has none), to the due date or
  // the later date the buyer's acknowledgement says it pays (which the PoC never read).
  const signed = policy.compat !== 'poc';
  const payBy = signed ? facts.ack?.payBy : undefined;
  const ackPayBy = payBy !== undefined && payBy > invoice.dueAt ? payBy : invoice.dueAt;
  const maxTenorDays = policy.maxTenorDays;
  const tenorOk =
    maxTenorDays !== undefined && run.go('tenor') && checkTenor(run, invoice, asOf, maxTenorDays, payBy);

  // 6c. The invoice as the supplier signed it on the ledger (the proof of concept never read it).
  if (signed && run.go('issued-evidence')) checkIssuedEvidence(run, invoice, facts);
  // 6d. The due date against the payment terms: collected no earlier than the terms allow.
  const termsDue = signed && run.go('terms') ? checkTermsDueDate(run, invoice, facts) : undefined;
  const collectBy = termsDue !== undefined && termsDue > ackPayBy ? termsDue : ackPayBy;
  // 6e. Priced to the terms' date, the invoice is judged to it too: a due date written inside the
  // tenor limit must not carry terms that run past it into a review with an offer.
  if (tenorOk && collectBy > ackPayBy && run.go('terms-tenor'))
    checkTenor(run, invoice, asOf, maxTenorDays as number, payBy, collectBy);

  // 7. Logistics: delivery after shipment, and before the buyer acknowledged receipt.
  if (checks.logistics && run.go('logistics')) checkLogistics(run, facts, skew, invoice.issuedAt);
  const maxLead = policy.maxShipmentLeadDays;
  if (checks.logistics && maxLead !== undefined && run.go('shipment-lead'))
    checkShipmentLead(run, facts, invoice.issuedAt, maxLead, skew);

  // 7b. Evidence dated after the decision did not count: say so.
  if (notAfter !== undefined && run.go('evidence-dates')) checkEvidenceDates(run, facts, notAfter);

  // 8-9. Lifecycle evidence.
  if (run.go('delivery')) checkDelivery(run, policy, facts);
  if (run.go('acknowledgement')) checkAcknowledgement(run, policy, facts);
  // The buyer's own PO verdict counts under any policy; `requirePoMatch` also waits for one.
  const poRequired = policy.requirePoMatch === true;
  if ((poRequired || (signed && facts.poVerdict !== undefined)) && run.go('po-match'))
    checkPoMatch(run, facts, face, poRequired, invoice.issuedAt, skew);

  // 10. Acknowledged amount versus face.
  const ackAmount = facts.ack?.amountMinor;
  if (checks.ackAmount && ackAmount !== undefined && run.go('ack-amount')) {
    checkAckAmount(run, policy, ackAmount, face);
  }
  // 10b. The buyer says it pays after the due date: priced to that date.
  if (ackPayBy > invoice.dueAt && run.go('ack-pay-date')) checkAckPayDate(run, invoice, ackPayBy);

  // 11. Trust readings: range, expiry, staleness, paths.
  let trustRead = false;
  // Where the parties' readings start (the financier): one read from elsewhere is not its trust.
  let pathOrigin: string | undefined;
  if (run.go('trust-readings')) {
    const supplierReading: TrustReading | undefined = readTrust(
      trust,
      invoice.supplierQuid,
      'supplier',
      asOf,
      skew,
    );
    const buyerReading: TrustReading | undefined = readTrust(trust, invoice.buyerQuid, 'buyer', asOf, skew);
    trustRead = true;
    // The financier's quid when the policy names it; else the supplier's start, to which the
    // buyer's and carrier's are compared (a buyer's own start is no check of itself).
    const financier = policy.financierQuid;
    pathOrigin = financier ?? supplierReading?.path?.[0] ?? buyerReading?.path?.[0];
    if (financier !== undefined && checks.trustPaths && supplierReading !== undefined)
      holdSupplierOrigin(run, invoice.supplierQuid, supplierReading, financier);
    supplierTrust = levelOf(supplierReading, signed);
    buyerTrust = levelOf(buyerReading, signed);
    staleAgeSeconds = checkTrustReadings(
      run,
      policy,
      asOf,
      supplierReading,
      buyerReading,
      supplierTrust,
      buyerTrust,
      supplierReading === undefined ? expiredAt(trust, invoice.supplierQuid, asOf) : undefined,
      buyerReading === undefined ? expiredAt(trust, invoice.buyerQuid, asOf) : undefined,
      invoice,
    );
    // 11b. The buyer trusted only through the supplier (its own word for its debtor).
    if (checks.trustPaths && buyerReading?.path !== undefined && run.go('trust-independence')) {
      checkBuyerIndependence(run, buyerReading, invoice, state?.groupOf, pathOrigin);
    } else if (checks.trustPaths && routeUnknown(buyerReading, policy.pathlessTrust)) {
      holdUnknownRoute(run, 'buyer', invoice.buyerQuid, buyerReading);
    }
  }

  // 12-13. Trust thresholds.
  if (run.go('supplier-trust')) checkSupplierTrust(run, policy, supplierTrust);
  if (run.go('buyer-trust')) checkBuyerTrust(run, policy, buyerTrust);

  // 14. Carrier trust path (the delivery attestation is only as good as the carrier).
  const carrierQuid = facts.delivered?.carrierQuid ?? facts.shipped?.carrierQuid ?? bound.carrierQuid;
  if (checks.trustPaths && carrierQuid !== undefined && carrierQuid !== '' && run.go('carrier-trust')) {
    carrierTrust = checkCarrierTrust(
      run,
      policy,
      trust,
      carrierQuid,
      asOf,
      invoice.supplierQuid,
      state?.groupOf,
      pathOrigin,
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
        asOf,
      ))
    : undefined;
  if (checks.disputeRate && profile !== undefined && run.go('dispute-rate')) {
    checkDisputeRate(run, policy, profile);
  }

  // 16. Eligibility: payments, credits, disputes, ageing, cross-aging.
  if (checks.eligibility && run.go('eligibility')) {
    checkEligibility(run, policy, invoice, asOf, face, f, facts, ackAmount, state, profile);
  }
  // 16b. Early-payment discount the buyer may take.
  if (signed && checks.eligibility && run.go('early-payment-discount'))
    checkEarlyPaymentDiscount(run, invoice, facts, face, f);
  // 16c. Already later than this buyer pays: nothing says when it will be collected. A buyer that
  // pays early is later than its pattern before the due date.
  const early = profile === undefined ? 0 : Math.min(0, profile.daysLate[2]) * DAY_SECONDS;
  if (signed && profile !== undefined && asOf > collectBy + early && run.go('overdue')) {
    checkOverdue(run, profile, collectBy, asOf);
  }

  // 16b. The book's currency: an invoice in another is held, and priced without the book's limits.
  const bookCurrency = state?.currency;
  const foreign = bookCurrency !== undefined && invoice.currency !== bookCurrency;
  if (foreign && run.go('book-currency')) checkBookCurrency(run, invoice, bookCurrency);

  // 17. Pricing, concentration and limits (only when nothing rejects or holds the invoice).
  let offer: Offer | null = null;
  let limits: LimitUse | null = null;
  let payment: PaymentPrediction | null = null;
  let pocFigures: PocFigures | undefined;
  const blocked = run.worst === 0 || run.worst === 2 || (run.stopFirst && run.decisive !== undefined);
  if (blocked) run.trace?.push(traceEntry('pricing', 'skip', NO_INPUTS, null, 0));
  else if (run.go('pricing')) {
    if (!trustRead) {
      supplierTrust = levelOf(readTrust(trust, invoice.supplierQuid, 'supplier', asOf, skew), signed);
      buyerTrust = levelOf(readTrust(trust, invoice.buyerQuid, 'buyer', asOf, skew), signed);
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
      offer = pocBlendOffer(run, policy, invoice, asOf, face, f, pocFigures);
    } else {
      const c: PricingContext = {
        run,
        compiled,
        invoice,
        asOf,
        face,
        f,
        profile: profile as BuyerProfile,
        state: foreign ? undefined : state,
        foreign,
        collectBy,
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
  // The proof of concept reports the first deciding rule in evaluation order: find it before
  // ranking, as the first reason of the outcome's severity (a rule may give a pending and a reject).
  const firstDecisive = run.reasons.find((r) => isDecisive(r) && r.severity === outcome);
  // Exact-size copies: the run's lists grew by push (room for 17 and more), and a batch keeps its
  // decisions, so the spare room would be copied by every collection until the batch is dropped.
  // A batch shares the common short lists instead (frozen), and no decision keeps an empty one.
  const ranked = rankReasons(run.reasons);
  const reasons =
    cache !== undefined ? internReasonList(cache, ranked) : ranked.length === 0 ? NO_REASONS : ranked.slice();
  const fraudFlags = fraudFlagsOf(reasons, cache);
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
    trace: run.trace === undefined ? NO_TRACE : run.trace.slice(),
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
