// Held decisions come with the work that would settle them (FACTORING.md §4), never a bare hold.
import { describe, expect, it } from 'vitest';
import {
  evaluateInvoice,
  type FactoringDecision,
  REASON_INFO,
  type ReasonCodeValue,
  standardPolicy,
  trustSourceFromRecord,
  verificationTasks,
} from '../src/index.js';
import { AS_OF, BOOK, DAY, DEAL_TRUST, deal, NOW, viaBureau } from './fixtures.js';

const policy = standardPolicy();

function decideDeal(trust = DEAL_TRUST, without?: string): FactoringDecision {
  const d = deal();
  const events = without === undefined ? d.events : d.events.filter((e) => e.eventType !== without);
  return evaluateInvoice({
    ...d,
    events,
    trust: trustSourceFromRecord(trust),
    policy,
    asOf: AS_OF,
    portfolio: BOOK,
  });
}

/** A real decision with its outcome and reasons replaced (the tasks read only these and `duplicates`). */
function heldFor(
  codes: readonly ReasonCodeValue[],
  extra: Partial<FactoringDecision> = {},
): FactoringDecision {
  const base = decideDeal();
  const reasons = codes.map((code) => ({ code, severity: REASON_INFO[code].severity, message: code }));
  const outcome = reasons.some((r) => r.severity === 'review') ? 'review' : 'pending';
  return { ...base, outcome, reasons, offer: null, ...extra };
}

describe('verificationTasks', () => {
  it('gives every holding reason code named work, not only a manual review', () => {
    const holding = (Object.keys(REASON_INFO) as ReasonCodeValue[]).filter((c) => {
      const s = REASON_INFO[c].severity;
      return s === 'review' || s === 'pending';
    });
    expect(holding.length).toBeGreaterThan(30);
    const generic = holding.filter((c) =>
      verificationTasks(heldFor([c])).every((t) => t.task === 'MANUAL_REVIEW'),
    );
    expect(generic).toEqual([]);
  });

  it('asks for delivery proof when the invoice waits for a delivery', () => {
    const d = decideDeal(DEAL_TRUST, 'carrier.delivered');
    expect(d.outcome).toBe('pending');
    const tasks = verificationTasks(d);
    expect(tasks.map((t) => t.task)).toContain('OBTAIN_DELIVERY_PROOF');
    const proof = tasks.find((t) => t.task === 'OBTAIN_DELIVERY_PROOF');
    expect(proof?.reasons).toContain('DELIVERY_MISSING');
    expect(proof?.description).toMatch(/delivery/);
  });

  it('asks for a fresh reading when the trust readings are too old to price', () => {
    const old = NOW - 5 * 365 * DAY;
    const d = decideDeal({
      ...DEAL_TRUST,
      b0b0b0b0b0b0b0b0: viaBureau('b0b0b0b0b0b0b0b0', 0.9, old),
    });
    expect(d.reasons.map((r) => r.code)).toContain('TRUST_TOO_OLD');
    expect(verificationTasks(d).map((t) => t.task)).toContain('REFRESH_TRUST');
  });

  it('a buyer vouched for only through the supplier asks for the debtor to be verified independently', () => {
    const d = decideDeal({
      ...DEAL_TRUST,
      b0b0b0b0b0b0b0b0: {
        level: 0.9,
        observedAt: NOW,
        pathLength: 2,
        path: ['f1f1f1f1f1f1f1f1', 'a0a0a0a0a0a0a0a0', 'b0b0b0b0b0b0b0b0'],
      },
    });
    expect(d.outcome).toBe('review');
    const tasks = verificationTasks(d).map((t) => t.task);
    expect(tasks).toContain('VERIFY_DEBTOR_IDENTITY');
    expect(tasks).toContain('VERIFY_WITH_BUYER');
  });

  it('lists the matching invoices to compare for a fuzzy duplicate', () => {
    const d = heldFor(['DUPLICATE_FUZZY'], {
      duplicates: [{ invoiceId: 'inv-7', exact: false, score: 9, rules: ['number', 'amount'] }],
    });
    const compare = verificationTasks(d).find((t) => t.task === 'COMPARE_WITH_MATCHES');
    expect(compare?.invoiceIds).toEqual(['inv-7']);
    // Only the comparison names other invoices.
    for (const t of verificationTasks(d))
      if (t.task !== 'COMPARE_WITH_MATCHES') expect(t.invoiceIds).toEqual([]);
  });

  it('lists one task per kind of work, citing each reason once, ordered by the most serious reason', () => {
    // Both call for VERIFY_WITH_BUYER; the review reason outranks the pending one.
    const d = heldFor(['ACK_AMOUNT_MISMATCH', 'DELIVERY_MISSING', 'DUE_DATE_BEFORE_TERMS']);
    const tasks = verificationTasks(d);
    expect(tasks.filter((t) => t.task === 'VERIFY_WITH_BUYER')).toHaveLength(1);
    expect(tasks.find((t) => t.task === 'VERIFY_WITH_BUYER')?.reasons).toEqual([
      'ACK_AMOUNT_MISMATCH',
      'DUE_DATE_BEFORE_TERMS',
    ]);
    expect(tasks[0]?.task).toBe('VERIFY_WITH_BUYER');
    expect(tasks.map((t) => t.task)).toContain('OBTAIN_DELIVERY_PROOF');
  });

  it('calls for no work on an approval (adjusted or not) or a rejection', () => {
    const approved = decideDeal();
    expect(approved.outcome).toBe('approve');
    expect(verificationTasks(approved)).toEqual([]);
    // An approval with haircuts (adjust reasons) is still an approval.
    expect(verificationTasks(heldFor(['CREDIT_NOTE_APPLIED'], { outcome: 'approve' }))).toEqual([]);
    const rejected = heldFor(['DOUBLE_FACTORED'], { outcome: 'reject' });
    expect(verificationTasks(rejected)).toEqual([]);
  });

  it('a hold for a reason this release does not know still asks for a manual review', () => {
    const d = heldFor([]);
    const unknown = {
      ...d,
      outcome: 'review',
      reasons: [
        { code: 'SOME_FUTURE_CODE' as ReasonCodeValue, severity: 'review', message: 'from a newer engine' },
      ],
    } as FactoringDecision;
    expect(verificationTasks(unknown)).toMatchObject([
      { task: 'MANUAL_REVIEW', reasons: ['SOME_FUTURE_CODE'] },
    ]);
    // A hold with no holding reason at all (a decision edited by hand) is not left without work.
    expect(verificationTasks({ ...d, outcome: 'pending', reasons: [] }).map((t) => t.task)).toEqual([
      'MANUAL_REVIEW',
    ]);
  });
});
