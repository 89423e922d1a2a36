import { it } from 'vitest';
import { evaluateBatch, standardPolicy, trustSourceFromRecord } from '../src/index.js';
import { AS_OF, deal, NOW } from './fixtures.js';

it('perf', () => {
  const trust = trustSourceFromRecord({
    a0a0a0a0a0a0a0a0: { level: 0.85, observedAt: NOW, pathLength: 2 },
    b0b0b0b0b0b0b0b0: { level: 0.9, observedAt: NOW, pathLength: 2 },
    c0c0c0c0c0c0c0c0: { level: 0.7, observedAt: NOW, pathLength: 1 },
  });
  for (const n of [1000, 2000, 4000, 8000]) {
    const items = Array.from({ length: n }, (_, i) =>
      deal({ invoiceId: `inv-${i}`, invoiceNumber: `X-${i}`, amountMinor: 100_000 + i }, { ids: `x${i}` }),
    );
    const t = performance.now();
    evaluateBatch({
      items,
      trust,
      policy: standardPolicy(),
      asOf: AS_OF,
      portfolio: { buyerLimitMinor: { b0b0b0b0b0b0b0b0: 1e12 } },
    });
    console.log(n, Math.round(performance.now() - t), 'ms');
  }
}, 300000);
