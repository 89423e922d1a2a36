// Properties behind the hostile-node defences: a signature and its high-s twin are one
// transaction; an honest paginated list is walked exactly, in the fewest requests.
import { buildEvent, generateSigner } from '@quidfin/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalSignature, createQuidnugClient, type Page, paginate } from '../src/index.js';
import { fakeFetch, ok } from './fakeFetch.js';

const N = BigInt('0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551');
const hex64 = (n: bigint): string => n.toString(16).padStart(64, '0');
const scalar = fc.bigInt({ min: 1n, max: N - 1n });

describe('canonicalSignature', () => {
  it('maps (r, s) and its twin (r, n − s) to one low-s, lower-case form, idempotently', () => {
    fc.assert(
      fc.property(scalar, scalar, fc.boolean(), (r, s, upper) => {
        const sig = hex64(r) + hex64(s);
        const twin = hex64(r) + hex64(N - s);
        const c = canonicalSignature(upper ? sig.toUpperCase() : sig);
        expect(c).toBe(canonicalSignature(twin));
        expect(canonicalSignature(c)).toBe(c);
        expect(BigInt(`0x${c.slice(64)}`) <= N >> 1n).toBe(true);
        expect(c.slice(0, 64)).toBe(hex64(r));
      }),
    );
  });

  it('never equates signatures with different r or an unrelated s', () => {
    fc.assert(
      fc.property(scalar, scalar, scalar, (r, s, t) => {
        fc.pre(t !== s && t !== N - s);
        expect(canonicalSignature(hex64(r) + hex64(s))).not.toBe(canonicalSignature(hex64(r) + hex64(t)));
        const r2 = r === 1n ? 2n : r - 1n;
        expect(canonicalSignature(hex64(r) + hex64(s))).not.toBe(canonicalSignature(hex64(r2) + hex64(s)));
      }),
    );
  });
});

describe('paginate', () => {
  const applied = (limit: number | undefined): number =>
    limit === undefined || limit <= 0 ? 50 : Math.min(limit, 1000);

  it('over an honest node: yields the list exactly once, in order, with ceil(n / limit) requests (one for an empty list)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 2_500 }),
        fc.option(fc.integer({ min: -5, max: 1_200 }), { nil: undefined }),
        fc.integer({ min: 0, max: 30 }),
        async (n, limit, start) => {
          const items = Array.from({ length: n }, (_, i) => ({ i }));
          const window = applied(limit);
          let requests = 0;
          const out: { i: number }[] = [];
          const from = Math.min(start, n);
          for await (const x of paginate(
            async (offset): Promise<Page<{ i: number }>> => {
              requests++;
              return { items: items.slice(offset, offset + window), limit: window, offset, total: n };
            },
            { start: from, limit: limit ?? 50, maxPages: 10_000 },
          )) {
            out.push(x);
          }
          expect(out).toEqual(items.slice(from));
          expect(requests).toBe(Math.max(1, Math.ceil((n - from) / window)));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('whatever a node answers, a walk makes at most maxPages requests and ends or throws PAGINATION', async () => {
    const lyingPage = fc.record({
      items: fc.array(fc.integer(), { maxLength: 12 }),
      limit: fc.integer({ min: -2, max: 12 }),
      offsetShift: fc.integer({ min: -3, max: 3 }),
      total: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constant(1e12), fc.constant(Number.NaN)),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(lyingPage, { minLength: 1, maxLength: 20 }), async (pages) => {
        let requests = 0;
        try {
          for await (const _ of paginate(
            async (offset): Promise<Page<number>> => {
              const p = pages[requests++ % pages.length] as (typeof pages)[number];
              return { items: p.items, limit: p.limit, offset: offset + p.offsetShift, total: p.total };
            },
            { limit: 10, maxPages: 7 },
          ))
            void _;
        } catch (e) {
          expect((e as { code?: string }).code).toBe('PAGINATION');
        }
        expect(requests).toBeLessThanOrEqual(7);
      }),
      { numRuns: 200 },
    );
  });

  it('on a filtered list (stream events) it yields every item the node kept, none twice', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.boolean(), { maxLength: 300 }),
        fc.integer({ min: 1, max: 40 }),
        async (kept, limit) => {
          const items = kept.map((k, i) => ({ i, k }));
          const out: number[] = [];
          for await (const x of paginate(
            async (offset): Promise<Page<{ i: number; k: boolean }>> => ({
              items: items.slice(offset, offset + limit).filter((e) => e.k),
              limit,
              offset,
              total: items.length,
            }),
            { limit, filtered: true },
          )) {
            out.push(x.i);
          }
          expect(out).toEqual(items.filter((e) => e.k).map((e) => e.i));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('readStream sequence order', () => {
  it('accepts every order an honest node can commit: first block of 1s (or 0s), later blocks above the last event before', async () => {
    const base = await buildEvent({
      signer: generateSigner().signer,
      trustDomain: 'd',
      subjectId: 'inv-p',
      subjectType: 'TITLE',
      sequence: 1,
      eventType: 'x',
      payload: { x: 1 },
    });
    const honest = fc
      .tuple(
        fc.array(fc.constantFrom(0, 1, 1, 1), { minLength: 1, maxLength: 4 }),
        fc.array(fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 4 }), { maxLength: 6 }),
      )
      .map(([first, later]) => {
        const seqs: number[] = [...first];
        for (const block of later) {
          const threshold = seqs[seqs.length - 1] as number;
          seqs.push(...block.map((d) => threshold + d));
        }
        return seqs;
      });
    await fc.assert(
      fc.asyncProperty(honest, async (seqs) => {
        const list = seqs.map((sequence, i) => ({ ...base, sequence, id: `e${i}` }));
        const last = list[list.length - 1] as (typeof list)[number];
        const f = fakeFetch((r) =>
          new URL(r.url).pathname.endsWith('/events')
            ? ok({ data: list, pagination: { limit: 1000, offset: 0, total: list.length } })
            : ok({
                subjectId: 'inv-p',
                subjectType: 'TITLE',
                latestSequence: last.sequence,
                eventCount: list.length,
                createdAt: 1,
                updatedAt: 1,
                latestEventId: last.id,
              }),
        );
        const read = await createQuidnugClient({ baseUrl: 'http://n.test', fetch: f.fetch }).readStream(
          'inv-p',
        );
        expect(read.events.map((e) => e.sequence)).toEqual(seqs);
      }),
      { numRuns: 80 },
    );
  });
});
