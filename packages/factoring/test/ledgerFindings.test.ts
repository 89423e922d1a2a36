// What the ledger's read path flagged (custody attacks, unproven history, conflicts) holds an
// otherwise clean decision for review: the engine never approves past a finding it was handed.

import { describe, expect, it } from 'vitest';
import {
  applyLedgerFindings,
  DEFAULT_LEDGER_FINDING_POLICY,
  evaluateInvoice,
  isFactoringError,
  type LedgerFinding,
  pocPolicy,
  standardPolicy,
  trustSourceFromRecord,
} from '../src/index.js';
import { AS_OF, deal, viaBureau } from './fixtures.js';

const trust = trustSourceFromRecord({
  a0a0a0a0a0a0a0a0: viaBureau('a0a0a0a0a0a0a0a0', 0.85),
  b0b0b0b0b0b0b0b0: viaBureau('b0b0b0b0b0b0b0b0', 0.9),
  c0c0c0c0c0c0c0c0: viaBureau('c0c0c0c0c0c0c0c0', 0.8),
});

function clean(policy = standardPolicy()) {
  const d = deal();
  return evaluateInvoice({
    invoice: d.invoice,
    events: d.events,
    trust,
    policy,
    asOf: AS_OF,
    portfolio: { buyerLimitMinor: { b0b0b0b0b0b0b0b0: 50_000_000 } },
  });
}

const custodyAttack: LedgerFinding = {
  code: 'CO_SIGNER_KEY_INVALID',
  ref: 'title-tx-2',
  message: 'previous owner co-signed with a frozen key',
};

describe('ledger findings', () => {
  it('stolen key moved the title: a view flagged CO_SIGNER_KEY_INVALID sends a clean approval to review, offer kept', () => {
    const base = clean();
    expect(base.outcome).toBe('approve');
    const d = applyLedgerFindings(base, { findings: [custodyAttack] });
    expect(d.outcome).toBe('review');
    expect(d.offer).toEqual(base.offer);
    const reason = d.reasons.find((r) => r.code === 'LEDGER_FINDING');
    expect(reason?.severity).toBe('review');
    expect(reason?.message).toContain('CO_SIGNER_KEY_INVALID (title-tx-2)');
  });

  it('unproven custody: TITLE_HISTORY_UNAVAILABLE holds for review by default', () => {
    const d = applyLedgerFindings(clean(), { findings: [{ code: 'TITLE_HISTORY_UNAVAILABLE' }] });
    expect(d.outcome).toBe('review');
    expect(DEFAULT_LEDGER_FINDING_POLICY.action).toBe('review');
  });

  it('a policy can reject on a finding (the offer is dropped) or ignore named codes', () => {
    const rejected = applyLedgerFindings(clean(), {
      findings: [custodyAttack],
      policy: { action: 'reject' },
    });
    expect(rejected.outcome).toBe('reject');
    expect(rejected.offer).toBeNull();
    const base = clean();
    const ignored = applyLedgerFindings(base, {
      findings: [custodyAttack],
      policy: { action: 'review', ignore: ['CO_SIGNER_KEY_INVALID'] },
    });
    expect(ignored).toBe(base);
  });

  it('no finding leaves the decision as it was; a worse outcome stays', () => {
    const base = clean();
    expect(applyLedgerFindings(base, { findings: [] })).toBe(base);
    const bad = applyLedgerFindings(
      applyLedgerFindings(base, { findings: [custodyAttack], policy: { action: 'reject' } }),
      {
        findings: [{ code: 'EVENT_ID_CONFLICT' }],
      },
    );
    expect(bad.outcome).toBe('reject');
  });

  it('the proof-of-concept verdict, which has no review, is held instead of left approving', () => {
    const base = clean(pocPolicy());
    expect(base.compat?.verdict).toBe('approve');
    const d = applyLedgerFindings(base, { findings: [custodyAttack] });
    expect(d.compat?.verdict).toBe('pending');
  });

  it('malformed findings or policy are refused with every issue located', () => {
    let error: unknown;
    try {
      applyLedgerFindings(clean(), {
        findings: [{ code: '' }, { code: 'X', ref: 7 as unknown as string }],
        policy: { action: 'approve' as 'review' },
      });
    } catch (e) {
      error = e;
    }
    expect(isFactoringError(error) && error.code).toBe('INVALID_INPUT');
    expect(isFactoringError(error) && error.issues.map((i) => i.path)).toEqual([
      'policy.action',
      'findings[0].code',
      'findings[1].ref',
    ]);
  });
});
