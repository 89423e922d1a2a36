// A fabricated debtor: the supplier registers a buyer quid it controls, vouches for it with a TRUST
// edge, and signs the acknowledgement with its key. The financier trusts the supplier, so the
// node's best path to the "buyer" runs through the supplier and its level passes the threshold.
// Debtor verification must be independent of the client (FACTORING.md, verification: "a client
// may get a friend to pose as the debtor"); the same holds for the carrier that attests delivery.
import { describe, expect, it } from 'vitest';
import {
  evaluateInvoice,
  type FactoringDecision,
  FactoringInputError,
  type PolicyOverrides,
  type Portfolio,
  pocPolicy,
  standardPolicy,
  type TrustReading,
  trustSourceFromRecord,
} from '../src/index.js';
import { AS_OF, type Deal, deal, NOW } from './fixtures.js';

const SUPPLIER = 'a0a0a0a0a0a0a0a0';
const BUYER = 'b0b0b0b0b0b0b0b0';
const CARRIER = 'c0c0c0c0c0c0c0c0';
const FINANCIER = 'f9f9f9f9f9f9f9f9';
const BUREAU = 'e1e1e1e1e1e1e1e1';
const SISTER = 'a1a1a1a1a1a1a1a1';

const TRUST: Record<string, TrustReading> = {
  [SUPPLIER]: { level: 0.85, observedAt: NOW, pathLength: 2, path: [FINANCIER, BUREAU, SUPPLIER] },
  [BUYER]: { level: 0.9, observedAt: NOW, pathLength: 2, path: [FINANCIER, BUREAU, BUYER] },
  [CARRIER]: { level: 0.7, observedAt: NOW, pathLength: 1, path: [FINANCIER, CARRIER] },
};

function run(
  d: Deal,
  extra: { trust?: Record<string, TrustReading>; policy?: PolicyOverrides; portfolio?: Portfolio } = {},
  preset: typeof standardPolicy = standardPolicy,
): FactoringDecision {
  return evaluateInvoice({
    invoice: d.invoice,
    events: d.events,
    trust: trustSourceFromRecord({ ...TRUST, ...extra.trust }),
    policy: preset(extra.policy),
    asOf: AS_OF,
    portfolio: extra.portfolio ?? { buyerLimitMinor: { [BUYER]: 50_000_000 } },
  });
}

const codes = (d: FactoringDecision): string[] => d.reasons.map((r) => r.code);

describe('a buyer vouched for only by the supplier (a friend posing as the debtor)', () => {
  it('the buyer trusted through the supplier is held for review (BUYER_TRUST_VIA_SUPPLIER), not approved', () => {
    const x = run(deal(), {
      trust: { [BUYER]: { level: 0.9, observedAt: NOW, pathLength: 2, path: [FINANCIER, SUPPLIER, BUYER] } },
    });
    expect(x.outcome).toBe('review');
    expect(codes(x)).toContain('BUYER_TRUST_VIA_SUPPLIER');
    expect(x.fraudFlags).toContain('BUYER_TRUST_VIA_SUPPLIER');
    expect(x.reasons.find((r) => r.code === 'BUYER_TRUST_VIA_SUPPLIER')?.message).toContain(SUPPLIER);
  });

  it('the same buyer reached through an independent party is approved as before', () => {
    const x = run(deal());
    expect(x.outcome).toBe('approve');
    expect(codes(x)).not.toContain('BUYER_TRUST_VIA_SUPPLIER');
  });

  it('the supplier anywhere inside a longer path counts', () => {
    const x = run(deal(), {
      trust: {
        [BUYER]: {
          level: 0.8,
          observedAt: NOW,
          pathLength: 3,
          path: [FINANCIER, BUREAU, SUPPLIER, BUYER],
        },
      },
    });
    expect(x.outcome).toBe('review');
    expect(codes(x)).toContain('BUYER_TRUST_VIA_SUPPLIER');
  });

  it("a company of the supplier's own group vouching for the buyer counts as the supplier", () => {
    const x = run(deal(), {
      trust: { [BUYER]: { level: 0.9, observedAt: NOW, pathLength: 2, path: [FINANCIER, SISTER, BUYER] } },
      portfolio: {
        buyerLimitMinor: { [BUYER]: 50_000_000 },
        buyerGroup: { [SUPPLIER]: 'acme-group', [SISTER]: 'acme-group' },
      },
    });
    expect(x.outcome).toBe('review');
    expect(codes(x)).toContain('BUYER_TRUST_VIA_SUPPLIER');
    expect(x.reasons.find((r) => r.code === 'BUYER_TRUST_VIA_SUPPLIER')?.message).toContain(SISTER);
  });

  it('a carrier vouched for only by the supplier does not verify the delivery (CARRIER_TRUST_VIA_SUPPLIER)', () => {
    const x = run(deal(), {
      trust: {
        [CARRIER]: { level: 0.8, observedAt: NOW, pathLength: 2, path: [FINANCIER, SUPPLIER, CARRIER] },
      },
    });
    expect(x.outcome).toBe('review');
    expect(codes(x)).toContain('CARRIER_TRUST_VIA_SUPPLIER');
    expect(x.fraudFlags).toContain('CARRIER_TRUST_VIA_SUPPLIER');
  });

  it("a reading taken from the supplier's side (its path starts at the supplier) is the supplier's word too", () => {
    const x = run(deal(), {
      trust: { [BUYER]: { level: 0.9, observedAt: NOW, pathLength: 1, path: [SUPPLIER, BUYER] } },
    });
    expect(x.outcome).toBe('review');
    expect(codes(x)).toContain('BUYER_TRUST_VIA_SUPPLIER');
  });

  it('a reading whose path is empty says there is no path: no trust, whatever its level', () => {
    const none = run(deal(), { trust: { [BUYER]: { level: 0, observedAt: NOW, pathLength: 0, path: [] } } });
    const x = run(deal(), { trust: { [BUYER]: { level: 0.9, observedAt: NOW, path: [] } } });
    expect(x.outcome).toBe('reject');
    expect(codes(x)).toContain('BUYER_NO_TRUST_PATH');
    expect(x.trust.buyer).toBe(0);
    expect(x.outcome).toBe(none.outcome);
  });

  it("a carrier of the supplier's own group attests the delivery: its word is the supplier's", () => {
    const x = run(deal(), {
      portfolio: {
        buyerLimitMinor: { [BUYER]: 50_000_000 },
        buyerGroup: { [SUPPLIER]: 'acme-group', [CARRIER]: 'acme-group' },
      },
    });
    expect(x.outcome).toBe('review');
    expect(codes(x)).toContain('CARRIER_TRUST_VIA_SUPPLIER');
    expect(x.reasons.find((r) => r.code === 'CARRIER_TRUST_VIA_SUPPLIER')?.message).toContain('group');
  });

  it('the proof-of-concept preset keeps the proof of concept’s reasons (it had no paths)', () => {
    const x = run(
      deal(),
      {
        trust: {
          [BUYER]: { level: 0.9, observedAt: NOW, pathLength: 2, path: [FINANCIER, SUPPLIER, BUYER] },
        },
      },
      pocPolicy,
    );
    expect(codes(x)).not.toContain('BUYER_TRUST_VIA_SUPPLIER');
  });

  it('checks.trustPaths: false turns the check off with the other path checks', () => {
    const x = run(deal(), {
      trust: { [BUYER]: { level: 0.9, observedAt: NOW, pathLength: 2, path: [FINANCIER, SUPPLIER, BUYER] } },
      policy: { checks: { trustPaths: false } },
    });
    expect(codes(x)).not.toContain('BUYER_TRUST_VIA_SUPPLIER');
  });
});

describe('a trust path that does not describe its reading is refused', () => {
  function refusal(reading: TrustReading): FactoringInputError {
    try {
      run(deal(), { trust: { [BUYER]: reading } });
    } catch (e) {
      if (e instanceof FactoringInputError) return e;
      throw e;
    }
    throw new Error('expected INVALID_TRUST');
  }

  it('a path that ends at another quid (a reading filed under the wrong party) is INVALID_TRUST', () => {
    const e = refusal({ level: 0.9, observedAt: NOW, pathLength: 2, path: [FINANCIER, BUREAU, SUPPLIER] });
    expect(e.code).toBe('INVALID_TRUST');
    expect(e.issues[0]?.path).toBe('trust.buyer.path');
    expect(e.issues[0]?.message).toContain(BUYER);
  });

  it('a path whose hops disagree with pathLength is INVALID_TRUST', () => {
    const e = refusal({ level: 0.9, observedAt: NOW, pathLength: 1, path: [FINANCIER, BUREAU, BUYER] });
    expect(e.code).toBe('INVALID_TRUST');
    expect(e.issues[0]?.path).toBe('trust.buyer.path');
  });

  it('a path that is not a list of quids is INVALID_TRUST', () => {
    const e = refusal({
      level: 0.9,
      observedAt: NOW,
      pathLength: 2,
      path: [FINANCIER, 7, BUYER] as unknown as readonly string[],
    });
    expect(e.code).toBe('INVALID_TRUST');
    expect(e.issues[0]?.path).toBe('trust.buyer.path');
  });

  it('a path of one quid (a node naming no hops) is INVALID_TRUST', () => {
    const e = refusal({ level: 0.9, observedAt: NOW, pathLength: 2, path: [BUYER] });
    expect(e.code).toBe('INVALID_TRUST');
  });
});

describe('a reading through others that does not name its path (who vouches cannot be told)', () => {
  // A careless integrator drops `path` from the node's answer: the supplier's own edge to a buyer
  // quid it controls then passed as independent trust, because nothing showed the route.
  const pathless = { level: 0.9, observedAt: NOW, pathLength: 2 };

  it('a buyer reading two hops away without its path is held until the path is passed (TRUST_PATH_UNKNOWN)', () => {
    const x = run(deal(), { trust: { [BUYER]: pathless } });
    expect(x.outcome).toBe('pending');
    expect(x.offer).toBeNull();
    expect(codes(x)).toContain('TRUST_PATH_UNKNOWN');
    expect(x.reasons.find((r) => r.code === 'TRUST_PATH_UNKNOWN')?.message).toContain(BUYER);
  });

  it('a buyer reading with neither path nor path length is held the same way', () => {
    const x = run(deal(), { trust: { [BUYER]: { level: 0.9, observedAt: NOW } } });
    expect(x.outcome).toBe('pending');
    expect(codes(x)).toContain('TRUST_PATH_UNKNOWN');
  });

  it('a carrier reading two hops away without its path does not attest the delivery', () => {
    const x = run(deal(), { trust: { [CARRIER]: { level: 0.7, observedAt: NOW, pathLength: 2 } } });
    expect(x.outcome).toBe('pending');
    expect(x.reasons.find((r) => r.code === 'TRUST_PATH_UNKNOWN')?.message).toContain(CARRIER);
  });

  it('direct trust (one hop, the financier its own witness) needs no path', () => {
    const x = run(deal(), {
      trust: {
        [BUYER]: { level: 0.9, observedAt: NOW, pathLength: 1 },
        [CARRIER]: { level: 0.7, observedAt: NOW, pathLength: 1 },
      },
    });
    expect(x.outcome).toBe('approve');
  });

  it("pathlessTrust: 'accept' takes the caller's word that the route is independent", () => {
    const x = run(deal(), { trust: { [BUYER]: pathless }, policy: { pathlessTrust: 'accept' } });
    expect(x.outcome).toBe('approve');
    expect(codes(x)).not.toContain('TRUST_PATH_UNKNOWN');
  });

  it('the proof-of-concept preset reads levels alone, as the proof of concept did', () => {
    const x = run(deal(), { trust: { [BUYER]: pathless } }, pocPolicy);
    expect(codes(x)).not.toContain('TRUST_PATH_UNKNOWN');
  });
});

describe('a path of one quid (no hop) is refused, whatever pathLength says (second review)', () => {
  // `path: [buyer]` with no pathLength passed as full trust, skipping both the pathless-route hold
  // and the supplier-on-path check; a trust path names at least the financier and the party.
  const refused = (who: string, reading: TrustReading): string => {
    try {
      run(deal(), { trust: { [who]: reading } });
    } catch (e) {
      if (e instanceof FactoringInputError) return e.code;
      throw e;
    }
    return 'decided';
  };

  it('a buyer reading whose path names only the buyer (no pathLength, or pathLength 0) is INVALID_TRUST', () => {
    expect(refused(BUYER, { level: 0.9, observedAt: NOW, path: [BUYER] })).toBe('INVALID_TRUST');
    expect(refused(BUYER, { level: 0.9, observedAt: NOW, pathLength: 0, path: [BUYER] })).toBe(
      'INVALID_TRUST',
    );
  });

  it('a carrier reading whose path names only the carrier is INVALID_TRUST', () => {
    expect(refused(CARRIER, { level: 0.9, observedAt: NOW, path: [CARRIER] })).toBe('INVALID_TRUST');
  });
});
