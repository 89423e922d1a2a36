// Rules on the event stream: signer roles, integrity, double factoring, lifecycle.

import type { StreamFacts } from '../facts/streamFacts.js';
import type { FactoringPolicy } from '../inputs/policy.js';
import type { TraceEntry } from '../outputs/decision.js';
import { traceEntry } from '../outputs/traceEntry.js';
import type { Run } from './run.js';

// The rules read from the invoice's verified event stream.

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

/** 1. Signer roles: wrong-party events were already dropped by extractStreamFacts; report them. */
export function checkSignerRoles(run: Run, facts: StreamFacts): void {
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

/** 2. Double factoring: any prior factor.purchased event on the stream. */
export function checkDoubleFactoring(run: Run, facts: StreamFacts): void {
  const n = facts.purchases.length;
  if (n >= 1) {
    run.reason('DOUBLE_FACTORED', `double-factoring: ${n} prior factor.purchased event(s) on this invoice`);
  }
  run.trace?.push(
    n === 0 ? DOUBLE_FACTORING_PASS : traceEntry('double-factoring', 'fail', { priorPurchases: n }, 0, 0),
  );
}

/**
 * 7. Logistics: delivery after shipment, and before the buyer acknowledged receipt; and the buyer's
 * acknowledgement not before the invoice's issue date (an acknowledgement of an invoice that did
 * not exist yet: the invoice was re-dated to look fresh).
 */
export function checkLogistics(run: Run, facts: StreamFacts, skew: number, issuedAt: number): void {
  // Every counted attestation at its extremes: the earliest delivery against the earliest
  // shipment, the latest delivery against the earliest acknowledgement, the earliest
  // acknowledgement against the issue date.
  const shippedAt = facts.shippedEarliest;
  const deliveredAt = facts.deliveredEarliest;
  const lastDeliveredAt = facts.deliveredLatest;
  const ackAt = facts.ackEarliest;
  let outcome: TraceEntry['outcome'] = 'pass';
  if (shippedAt !== undefined && deliveredAt !== undefined && deliveredAt + skew < shippedAt) {
    run.reason('DELIVERY_BEFORE_SHIPMENT', `delivered at ${deliveredAt}, before shipment at ${shippedAt}`);
    outcome = 'fail';
  }
  if (ackAt !== undefined && lastDeliveredAt !== undefined && lastDeliveredAt > ackAt + skew) {
    run.reason(
      'DELIVERY_AFTER_ACKNOWLEDGEMENT',
      `delivered at ${lastDeliveredAt}, after the buyer acknowledged at ${ackAt}`,
    );
    if (outcome === 'pass') outcome = 'flag';
  }
  if (ackAt !== undefined && ackAt + skew < issuedAt) {
    run.reason(
      'ACK_BEFORE_ISSUE',
      `the buyer acknowledged the invoice at ${ackAt}, ${Math.floor((issuedAt - ackAt) / 86_400)} days before its issue date ${issuedAt}`,
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

const EVIDENCE_DATES_PASS: TraceEntry = {
  rule: 'evidence-dates',
  outcome: 'pass',
  inputs: { futureDated: 0 },
  threshold: null,
  effectMinor: 0,
};

/**
 * 7b. Evidence dates: shipments, deliveries, acknowledgements, PO matches and dispute
 * resolutions dated after the decision time (plus the clock skew) did not count; the invoice
 * waits until they are true. `notAfter` is that latest usable date.
 */
export function checkEvidenceDates(run: Run, facts: StreamFacts, notAfter: number): void {
  const late = facts.futureDated;
  if (late.length > 0) {
    run.reason(
      'FUTURE_DATED_EVIDENCE',
      `evidence dated after the decision did not count until it is due: ${list(late)}`,
    );
  }
  run.trace?.push(
    late.length === 0
      ? EVIDENCE_DATES_PASS
      : traceEntry('evidence-dates', 'flag', { futureDated: late.length }, notAfter, 0),
  );
}

/** 8. Lifecycle evidence: delivery. */
export function checkDelivery(run: Run, policy: FactoringPolicy, facts: StreamFacts): void {
  const missing = policy.requireDelivery && facts.delivered === undefined;
  if (missing) run.reason('DELIVERY_MISSING', 'no carrier.delivered event yet');
  run.trace?.push(
    DELIVERY_ENTRIES[
      (policy.requireDelivery ? 2 : 0) + (facts.delivered !== undefined ? 1 : 0)
    ] as TraceEntry,
  );
}

/** 9. Lifecycle evidence: the buyer's acknowledgement. */
export function checkAcknowledgement(run: Run, policy: FactoringPolicy, facts: StreamFacts): void {
  const missing = policy.requireBuyerAck && facts.ack === undefined;
  if (missing) run.reason('ACK_MISSING', 'no buyer.acknowledged event yet');
  run.trace?.push(
    ACK_ENTRIES[(policy.requireBuyerAck ? 2 : 0) + (facts.ack !== undefined ? 1 : 0)] as TraceEntry,
  );
}

// Indexed by verdict (none, mismatch, matched); the rule fails unless the buyer matched.
const PO_MATCH_ENTRIES: readonly TraceEntry[] = (['none', 'mismatch', 'matched'] as const).map((verdict) => ({
  rule: 'po-match',
  outcome: verdict === 'matched' ? 'pass' : 'fail',
  inputs: { required: true, verdict },
  threshold: null,
  effectMinor: 0,
}));

/**
 * 9b. The buyer's PO verdict: a `po.mismatch`, a `po.matched` for less than the invoice less its
 * credit notes, or one dated before the invoice was issued (beyond the clock skew), holds it for
 * review under any policy; with `requirePoMatch` no verdict at all waits (`PO_MATCH_MISSING`).
 */
export function checkPoMatch(
  run: Run,
  facts: StreamFacts,
  face: number,
  required: boolean,
  issuedAt: number,
  skew: number,
): void {
  const v = facts.poVerdict;
  // A match for less than the invoice (less its credit notes: a short delivery credited) is a
  // match of a smaller invoice (an inflated one, F12).
  const owed = Math.max(0, face - facts.creditedMinor);
  const short = v?.matched === true && v.amountMinor !== undefined && v.amountMinor < owed;
  // A match dated before the invoice existed matched another invoice under the PO (an old one
  // re-dated, or the same order billed again): it is no match of this one.
  const early = v?.matched === true && v.at !== undefined && v.at + skew < issuedAt;
  if (v === undefined) {
    if (required) run.reason('PO_MATCH_MISSING', "no po.matched from the buyer on the invoice's PO yet");
  } else if (!v.matched)
    run.reason(
      'PO_MISMATCH',
      `the buyer's latest PO verdict is po.mismatch (event ${v.key.id}), not superseded`,
    );
  else if (early)
    run.reason(
      'PO_MISMATCH',
      `the buyer's po.matched (event ${v.key.id}) is dated ${v.at}, ${Math.floor((issuedAt - (v.at as number)) / 86_400)} days before the invoice was issued at ${issuedAt}: a match of another invoice, not this one`,
    );
  else if (short)
    run.reason(
      'PO_MISMATCH',
      `the buyer matched ${v.amountMinor} of the ${owed} the invoice claims against its PO (event ${v.key.id})`,
    );
  run.trace?.push(
    PO_MATCH_ENTRIES[v === undefined ? 0 : v.matched && !short && !early ? 2 : 1] as TraceEntry,
  );
}

/** 10. Acknowledged amount versus face. */
export function checkAckAmount(run: Run, policy: FactoringPolicy, ackAmount: number, face: number): void {
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
      run.reason('ACK_AMOUNT_MISMATCH', `buyer acknowledged ${ackAmount} of ${face} (short by ${shortfall})`);
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

const INTEGRITY_PASS: TraceEntry = {
  rule: 'stream-integrity',
  outcome: 'pass',
  inputs: {
    foreign: 0,
    unbound: 0,
    invalid: 0,
    otherCurrency: 0,
    conflicts: 0,
    conflicting: 0,
  },
  threshold: null,
  effectMinor: 0,
};

function list(xs: readonly { eventType: string; eventId: string; detail: string }[]): string {
  return xs.map((x) => `${x.eventType} (${x.eventId}) ${x.detail}`).join('; ');
}

/**
 * 1b. Stream integrity: events of another invoice, events naming no invoice, payloads that fail
 * core's schema (or an unusable sequence or timestamp), payments in another currency, two
 * different events at one sequence and repeats that disagree. These events did not count, or
 * (repeats) counted against the invoice; this says so and decides how serious it is.
 */
export function checkStreamIntegrity(run: Run, facts: StreamFacts): void {
  const { foreign, unbound, invalid, otherCurrency, conflicts, conflicting } = facts;
  if (foreign.length > 0) {
    run.reason('EVENT_SUBJECT_MISMATCH', `events of another invoice replayed on this one: ${list(foreign)}`);
  }
  const races = conflicts.length === 0 ? conflicts : conflicts.filter((c) => c.race);
  const others = conflicts.length === 0 ? conflicts : conflicts.filter((c) => !c.race);
  if (races.length > 0) {
    run.reason(
      'DOUBLE_FACTORING_RACE',
      `two different events at sequence ${races.map((c) => `${c.sequence} (${c.eventIds.join(', ')})`).join(', ')}, one a factor.purchased`,
    );
  }
  if (others.length > 0) {
    run.reason(
      'SEQUENCE_CONFLICT',
      `two different events at sequence ${others.map((c) => `${c.sequence} (${c.eventIds.join(', ')})`).join(', ')}`,
    );
  }
  if (invalid.length > 0) {
    run.reason(
      'INVALID_EVENT_PAYLOAD',
      `events whose payload breaks the contract did not count: ${list(invalid)}`,
    );
  }
  if (unbound.length > 0) {
    run.reason('EVENT_SUBJECT_MISSING', `events naming no invoice did not count: ${list(unbound)}`);
  }
  if (otherCurrency.length > 0) {
    run.reason('PAYMENT_CURRENCY_MISMATCH', `payments not counted: ${list(otherCurrency)}`);
  }
  if (conflicting.length > 0) {
    run.reason(
      'CONFLICTING_EVENTS',
      `repeated events disagree, counted against the invoice: ${conflicting.map((c) => `${c.eventType}: ${c.detail}`).join('; ')}`,
    );
  }
  const bad =
    foreign.length +
    unbound.length +
    invalid.length +
    otherCurrency.length +
    conflicts.length +
    conflicting.length;
  run.trace?.push(
    bad === 0
      ? INTEGRITY_PASS
      : traceEntry(
          'stream-integrity',
          foreign.length + conflicts.length > 0 ? 'fail' : 'flag',
          {
            foreign: foreign.length,
            unbound: unbound.length,
            invalid: invalid.length,
            otherCurrency: otherCurrency.length,
            conflicts: conflicts.length,
            conflicting: conflicting.length,
          },
          null,
          0,
        ),
  );
}

const SHIPMENT_LEAD_DAY = 86_400;

/**
 * 7c. Shipment lead: goods shipped (or, with no shipment date, delivered) more than `maxDays`
 * before the invoice was issued are the re-dating pattern (an old sale invoiced anew to dodge the
 * ageing cut-off): review. Nothing to compare without a shipment or delivery date.
 */
export function checkShipmentLead(
  run: Run,
  facts: StreamFacts,
  issuedAt: number,
  maxDays: number,
  skew: number,
): void {
  const shippedAt = facts.shippedEarliest;
  const deliveredAt = facts.deliveredEarliest;
  const at =
    shippedAt !== undefined && deliveredAt !== undefined
      ? Math.min(shippedAt, deliveredAt)
      : (shippedAt ?? deliveredAt);
  const lead = at === undefined ? 0 : issuedAt - at;
  const over = lead > maxDays * SHIPMENT_LEAD_DAY + skew;
  if (over) {
    const what = at === shippedAt ? 'shipped' : 'delivered';
    run.reason(
      'SHIPPED_LONG_BEFORE_ISSUE',
      `goods ${what} at ${at}, ${Math.floor(lead / SHIPMENT_LEAD_DAY)} days before the invoice was issued at ${issuedAt} (at most ${maxDays})`,
    );
  }
  run.trace?.push(
    traceEntry('shipment-lead', over ? 'fail' : 'pass', { goodsAt: at ?? null, issuedAt }, maxDays, 0),
  );
}
