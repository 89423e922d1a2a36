// Rules on fraud signals (weighted by trust in the reporter) and duplicates.

import type { DuplicateMatch } from '../facts/duplicateIndex.js';
import type { PortfolioState } from '../facts/portfolioState.js';
import type { StreamFacts } from '../facts/streamFacts.js';
import type { CompiledPolicy } from '../inputs/compilePolicy.js';
import type { InvoiceInput } from '../inputs/invoice.js';
import type { FactoringPolicy } from '../inputs/policy.js';
import type { TrustSource } from '../inputs/trust.js';
import {
  type InvoiceFingerprintRecord,
  invoiceFingerprint,
  isReadableInvoiceNumber,
  joinedInvoiceFingerprint,
} from '../math/fingerprint.js';
import { f3 } from '../math/pythonFormat.js';
import type { Reason, TraceEntry } from '../outputs/decision.js';
import { type InternCache, internFlag, internTrace } from '../outputs/internCache.js';
import { REASON_INFO, type ReasonCodeValue } from '../outputs/reasonCodes.js';
import { traceEntry } from '../outputs/traceEntry.js';
import type { Run } from './run.js';
import { isExpired, readTrust, tooOldAge } from './trustChecks.js';

const DAY = 86_400;
// Shared empty results (never mutated) keep clean decisions small.
export const NO_KINDS: string[] = [];
const NO_FLAGS: ReasonCodeValue[] = [];
const SIGNAL_WEIGHT = { low: 0.25, medium: 0.6, high: 1 } as const;

// `<lead><kind> (score 0.300)` per lead, kind and score seen: a book repeats one routine signal
// (the same kind from the same reporters) on many invoices, and Python-exact formatting of the
// score is most of a message's cost. Bounded.
const oneKindMessages = new Map<string, Map<string, Map<number, string>>>();
let oneKindSize = 0;

function scoredMessage(lead: string, kinds: readonly string[], score: number, note: string): string {
  if (kinds.length !== 1 || note !== '') return `${lead}${kinds.join(', ')} (score ${f3(score)}${note})`;
  const kind = kinds[0] as string;
  let byKind = oneKindMessages.get(lead);
  if (byKind === undefined) {
    byKind = new Map();
    oneKindMessages.set(lead, byKind);
  }
  let byScore = byKind.get(kind);
  if (byScore === undefined) {
    byScore = new Map();
    byKind.set(kind, byScore);
  }
  let text = byScore.get(score);
  if (text === undefined) {
    text = `${lead}${kind} (score ${f3(score)})`;
    if (++oneKindSize > 65_536) {
      oneKindMessages.clear();
      oneKindSize = 0;
    } else byScore.set(score, text);
  }
  return text;
}

/** True when the caller has no current reading of `quid`: none at all, or one past its `validUntil`. */
function isUnread(trust: TrustSource, quid: string, asOf: number): boolean {
  const raw = trust.trustIn(quid);
  return raw === undefined || isExpired(raw, asOf);
}

/**
 * 3. Fraud signals. Each counted signal weighs `trust in the reporter x severity x kind weight`
 * (low 0.25, medium 0.6, high 1; a signal stating no severity weighs as `fraudMissingSeverity`,
 * and the message says so). A decisive kind (forgery, double financing) from a reporter trusted
 * at least `fraudDecisiveReporterTrust` rejects on its own; otherwise the score rejects at
 * `fraudVetoScore` only if some contributing reporter is that trusted, so signals from reporters
 * below it (however many) reach review at most. Returns the counted kinds ({@link NO_KINDS} when
 * the score is zero).
 */
export function checkFraudSignals(
  run: Run,
  compiled: CompiledPolicy,
  trust: TrustSource,
  facts: StreamFacts,
  asOf: number,
): string[] {
  const policy = compiled.policy;
  let fraudKinds: string[] = NO_KINDS;
  let score = 0;
  let counted = 0;
  let ignored: string[] | undefined;
  let unread: string[] | undefined;
  let elsewhere: string[] | undefined;
  let decisive: string | undefined;
  let trustedReporter = false;
  let unstated = 0;
  let staleTrusted: string[] | undefined;
  let staleDecisive = false;
  for (const s of facts.fraudSignals) {
    if (!compiled.countsFraudKind(s.kind)) continue;
    counted++;
    if (fraudKinds === NO_KINDS) fraudKinds = [s.kind];
    else fraudKinds.push(s.kind);
    if (!policy.fraudWeightByReporterTrust) {
      score += 1;
      continue;
    }
    const reading = readTrust(trust, s.reporterQuid, 'reporter', asOf, policy.clockSkewSeconds);
    // With the financier named, a reading from another quid's point of view is not its trust in
    // the reporter: a bureau's low view would silence a genuine signal, a high one give it a veto.
    const start = reading?.path?.[0];
    const financier = policy.financierQuid;
    if (
      financier !== undefined &&
      start !== undefined &&
      start !== financier &&
      compiled.fraudKindWeight(s.kind) > 0
    ) {
      elsewhere ??= [];
      elsewhere.push(`${s.kind} by ${s.reporterQuid} (read from ${start})`);
      continue;
    }
    const level = reading?.level ?? 0;
    if (s.severity === undefined) unstated++;
    const w =
      level * SIGNAL_WEIGHT[s.severity ?? policy.fraudMissingSeverity] * compiled.fraudKindWeight(s.kind);
    if (
      w === 0 &&
      reading === undefined &&
      compiled.fraudKindWeight(s.kind) > 0 &&
      isUnread(trust, s.reporterQuid, asOf)
    ) {
      // No reading, or one past its validUntil (not one of no trust): whether the reporter can veto
      // is unknown until it is read again. Ignoring it approved over a trusted peer's report.
      unread ??= [];
      unread.push(`${s.kind} by ${s.reporterQuid}`);
      continue;
    }
    if (w === 0) {
      ignored ??= [];
      ignored.push(`${s.kind} by ${s.reporterQuid}`);
      continue;
    }
    score += w;
    // A reporter trusted long ago weighs its signal as read, but gains no veto from that reading:
    // what it would have rejected is held for review instead.
    const age = tooOldAge(policy, reading, asOf);
    if (age !== undefined) {
      if (level >= policy.fraudDecisiveReporterTrust) {
        staleTrusted ??= [];
        staleTrusted.push(`${s.reporterQuid} (read ${Math.floor(age / DAY)} days ago)`);
        if (compiled.isDecisiveFraudKind(s.kind)) staleDecisive = true;
      }
      continue;
    }
    if (level >= policy.fraudDecisiveReporterTrust) {
      trustedReporter = true;
      if (decisive === undefined && compiled.isDecisiveFraudKind(s.kind))
        decisive = `${s.kind} by ${s.reporterQuid}`;
    }
  }
  if (unread !== undefined) {
    run.reason(
      'REPORTER_TRUST_MISSING',
      `fraud signals whose reporters have no trust reading in the trust source: ${unread.join(', ')} (read the financier's trust in every signer of the stream, as ledger.trustReading does, and decide again)`,
    );
  }
  if (elsewhere !== undefined) {
    run.reason(
      'REPORTER_TRUST_MISSING',
      `fraud signals whose reporters were read from another quid's point of view, not the financier ${policy.financierQuid}'s: ${elsewhere.join(', ')} (read the financier's own trust in the reporter and decide again)`,
    );
  }
  if (ignored !== undefined) {
    run.reason(
      'UNTRUSTED_REPORTER_IGNORED',
      `fraud signals from reporters with no trust: ${ignored.join(', ')}`,
    );
  }
  const note =
    (unstated > 0
      ? `; ${unstated} signal(s) with severity not stated, weighed as ${policy.fraudMissingSeverity}`
      : '') +
    (staleTrusted !== undefined
      ? `; trust in ${staleTrusted.join(', ')} is past the ${Math.floor((policy.maxTrustAgeSeconds as number) / DAY)}-day bound: no veto until read again`
      : '');
  // What a reporter trusted long ago would have vetoed is reviewed, never only noted.
  const staleVeto =
    staleTrusted !== undefined && (staleDecisive || (score > 0 && score >= policy.fraudVetoScore));
  // An unread reporter holds the invoice: the rule flags even when nothing else was weighed.
  let outcome: TraceEntry['outcome'] = unread !== undefined ? 'flag' : 'pass';
  const veto = !policy.fraudWeightByReporterTrust || trustedReporter;
  if (counted > 0 && (decisive !== undefined || (score > 0 && score >= policy.fraudVetoScore && veto))) {
    run.reason(
      'FRAUD_SIGNAL',
      decisive !== undefined
        ? `decisive fraud signal from a trusted reporter: ${decisive} (score ${f3(score)}${note})`
        : scoredMessage('outstanding fraud signals on this invoice: ', fraudKinds, score, note),
    );
    outcome = 'fail';
  } else if (
    counted > 0 &&
    score > 0 &&
    (score >= policy.fraudReviewScore || score >= policy.fraudVetoScore || staleVeto)
  ) {
    run.reason('FRAUD_SIGNAL_REVIEW', scoredMessage('fraud signals to review: ', fraudKinds, score, note));
    outcome = 'flag';
  } else if (score > 0) {
    run.reason('WEAK_FRAUD_SIGNAL', scoredMessage('weak fraud signals: ', fraudKinds, score, note));
    outcome = 'flag';
  } else fraudKinds = NO_KINDS;
  run.trace?.push(
    counted === 0
      ? internTrace(run.cache, 'fraud-signals|none', () =>
          traceEntry('fraud-signals', 'pass', { signals: 0, score: 0 }, policy.fraudVetoScore, 0),
        )
      : traceEntry('fraud-signals', outcome, { signals: counted, score }, policy.fraudVetoScore, 0),
  );
  return fraudKinds;
}

const NO_REFS: readonly string[] = [];

/**
 * The invoice as the duplicate index sees it. Two literal shapes instead of a conditional spread
 * (which copies through a temporary object), and no refs array when there are no documents.
 */
export function fingerprintRecord(invoice: InvoiceInput, facts: StreamFacts): InvoiceFingerprintRecord {
  // Every counted shipment's and delivery's document, not only the first (a second shipment could
  // carry another invoice's bill of lading).
  const refs = facts.documentRefs.length > 0 ? facts.documentRefs : NO_REFS;
  return invoice.poReference !== undefined
    ? {
        invoiceId: invoice.invoiceId,
        invoiceNumber: invoice.invoiceNumber ?? '',
        supplierQuid: invoice.supplierQuid,
        buyerQuid: invoice.buyerQuid,
        amountMinor: invoice.amountMinor,
        issuedAt: invoice.issuedAt,
        currency: invoice.currency,
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
        currency: invoice.currency,
        documentRefs: refs,
      };
}

/**
 * 4. Duplicates across streams: exact fingerprint vetoes, fuzzy goes to review or a haircut
 * (see {@link isSoftDuplicate}). Returns the matches, best first.
 */
export function checkDuplicates(
  run: Run,
  policy: FactoringPolicy,
  state: PortfolioState,
  invoice: InvoiceInput,
  facts: StreamFacts,
): readonly DuplicateMatch[] {
  let financedCopy = false;
  const number = invoice.invoiceNumber;
  if (number === undefined || !isReadableInvoiceNumber(number)) {
    run.reason(
      'INVOICE_NUMBER_UNREADABLE',
      number === undefined
        ? 'the invoice has no number: a copy of it could not be told from it'
        : `invoice number ${JSON.stringify(number)} has no letter or digit: a copy of it could not be told from it`,
    );
  }
  if (state.tracksFinanced() && invoice.invoiceNumber !== undefined && invoice.invoiceNumber !== '') {
    const numbered = invoice as InvoiceInput & { invoiceNumber: string };
    const fp = invoiceFingerprint(numbered);
    if (state.isFinanced(fp)) {
      run.reason('DUPLICATE_OF_FINANCED', `a receivable with fingerprint ${fp} is already financed`);
      financedCopy = true;
    } else {
      // The number with its separators dropped: INV-20260100 is the financed INV-2026-0100 (a
      // registry keeps both forms, see invoiceFingerprints).
      const joined = joinedInvoiceFingerprint(numbered);
      if (joined !== undefined && state.isFinanced(joined)) {
        run.reason(
          'DUPLICATE_OF_FINANCED',
          `a receivable with fingerprint ${joined} (this number, separators dropped) is already financed`,
        );
        financedCopy = true;
      }
    }
  }
  const record: InvoiceFingerprintRecord = fingerprintRecord(invoice, facts);
  const duplicates = state.duplicates.find(
    record,
    policy.duplicateWindowDays * DAY,
    policy.duplicateSoftScore,
  );
  const top = duplicates[0];
  // The same number in another currency, then a shared shipping document, hold the invoice unless
  // a stronger duplicate rule already does.
  const held = top === undefined || top.exact || top.score >= policy.duplicateReviewScore;
  const elsewhere = held ? undefined : inOtherCurrency(duplicates);
  const other = held || elsewhere !== undefined ? undefined : sharesDocument(duplicates);
  let outcome: TraceEntry['outcome'] = financedCopy ? 'fail' : 'pass';
  if (top?.exact) {
    run.reason('DUPLICATE_EXACT', `same invoice fingerprint as ${top.invoiceId}`);
    outcome = 'fail';
  } else if (top && top.score >= policy.duplicateReviewScore) {
    run.reason(
      'DUPLICATE_FUZZY',
      `likely duplicate of ${top.invoiceId} (score ${top.score}: ${top.rules.join(', ')})`,
    );
    outcome = 'flag';
  } else if (elsewhere !== undefined) {
    run.reason(
      'DUPLICATE_FUZZY',
      `likely duplicate of ${elsewhere.invoiceId} issued in another currency, amounts not compared (score ${elsewhere.score}: ${elsewhere.rules.join(', ')})`,
    );
    outcome = 'flag';
  } else if (other !== undefined) {
    run.reason(
      'SHARED_SHIPPING_DOCUMENT',
      `names a bill of lading or delivery proof that ${other.invoiceId} already names: one shipment evidences one receivable (score ${other.score}: ${other.rules.join(', ')})`,
    );
    outcome = 'flag';
  } else if (top) {
    run.reason(
      'DUPLICATE_SOFT_MATCH',
      `resembles ${top.invoiceId} (score ${top.score}: ${top.rules.join(', ')}); advance cut`,
    );
    outcome = 'flag';
  }
  const topScore = top?.score ?? 0;
  run.trace?.push(
    internTrace(run.cache, `duplicates|${outcome}|${duplicates.length}|${topScore}`, () =>
      traceEntry(
        'duplicates',
        outcome,
        { candidates: duplicates.length, topScore },
        policy.duplicateReviewScore,
        0,
      ),
    ),
  );
  return duplicates;
}

/** True when the best match only resembles the invoice: the advance is cut instead of reviewed. */
export function isSoftDuplicate(duplicates: readonly DuplicateMatch[], policy: FactoringPolicy): boolean {
  const top = duplicates[0];
  return (
    top !== undefined &&
    !top.exact &&
    !(top.score >= policy.duplicateReviewScore) &&
    sharesDocument(duplicates) === undefined &&
    inOtherCurrency(duplicates) === undefined
  );
}

/**
 * The best match with the invoice's number or id in another currency (held for review whatever
 * its score: the same receivable re-issued in another currency to be sold twice), if any.
 */
function inOtherCurrency(duplicates: readonly DuplicateMatch[]): DuplicateMatch | undefined {
  for (const m of duplicates) {
    const rules = m.rules;
    if (
      rules.includes('other-currency') &&
      (rules.includes('number-equal') || rules.includes('same-invoice-id'))
    )
      return m;
  }
  return undefined;
}

/** The best match that names one of the invoice's shipping documents (held for review), if any. */
function sharesDocument(duplicates: readonly DuplicateMatch[]): DuplicateMatch | undefined {
  for (const m of duplicates) if (m.rules.includes('shared-document')) return m;
  return undefined;
}

/**
 * The distinct fraud reason codes among the ranked reasons, in rank order. Most decisions carry at
 * most one: with `cache` (batching) that one-element list is shared.
 */
export function fraudFlagsOf(
  reasons: readonly Reason[],
  cache: InternCache | undefined,
): readonly ReasonCodeValue[] {
  let fraudFlags: readonly ReasonCodeValue[] = NO_FLAGS;
  let first: ReasonCodeValue | undefined;
  // Indexed: a batch's lists are frozen (shared), and for-of over them allocates an iterator.
  for (let k = 0; k < reasons.length; k++) {
    const r = reasons[k] as Reason;
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
  return fraudFlags;
}
