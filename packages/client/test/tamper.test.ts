import { buildEvent, type EventTx, generateSigner, type Signer } from '@quidfin/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvoiceLedger, type QuidfinClientError } from '../src/index.js';
import { DOMAIN, type Harness, type Interceptor, inProcess } from './support/harness.js';

/** Rewrites the event list of a stream on its way back to the client. */
function rewriteEvents(edit: (events: Record<string, unknown>[]) => Promise<void> | void): Interceptor {
  return async (request, respond) => {
    const response = await respond();
    if (request.method !== 'GET' || !/\/streams\/[^/]+\/events$/.test(new URL(request.url).pathname))
      return response;
    const body = (await response.json()) as { data: { data: Record<string, unknown>[] } };
    await edit(body.data.data);
    return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
  };
}

async function code(p: Promise<unknown>): Promise<[string, string]> {
  try {
    await p;
  } catch (e) {
    const err = e as QuidfinClientError & { reason?: string };
    return [err.code, err.reason ?? ''];
  }
  return ['resolved', ''];
}

describe('the ledger refuses data tampered with on the way back', () => {
  let h: Harness;
  const supplier: Signer = generateSigner().signer;
  const buyer: Signer = generateSigner().signer;
  const outsider: Signer = generateSigner().signer;

  beforeAll(async () => {
    h = await inProcess();
    const ledger = new InvoiceLedger(h.client(), { trustDomain: DOMAIN });
    await ledger.registerParticipant(supplier, { name: 'acme', role: 'supplier' });
    await ledger.registerParticipant(buyer, { name: 'megacorp', role: 'buyer' });
    await ledger.issueInvoice(supplier, {
      invoiceId: 'inv-t',
      invoiceNumber: 'T-1',
      buyerQuid: buyer.quidId,
      amountMinor: 1_000_00,
      currency: 'EUR',
      dueAt: 1_800_000_000,
      terms: 'NET-30',
      invoiceHash: 'ef'.repeat(32),
    });
    await ledger.acknowledge(buyer, 'inv-t', { acknowledgedAmountMinor: 1_000_00 });
  });
  afterAll(() => h.close());

  it('reads the untouched invoice', async () => {
    const view = await new InvoiceLedger(h.client(), { trustDomain: DOMAIN }).getInvoice('inv-t');
    expect(view.lifecycle.state).toBe('Acknowledged');
  });

  it('an altered amount breaks the signature: BAD_SIGNATURE', async () => {
    const client = h.client(
      {},
      rewriteEvents((events) => {
        const payload = events[0]?.['payload'] as Record<string, unknown>;
        payload['amountMinor'] = 9_000_000_00;
      }),
    );
    expect(await code(new InvoiceLedger(client, { trustDomain: DOMAIN }).getInvoice('inv-t'))).toEqual([
      'LEDGER_VERIFICATION',
      'BAD_SIGNATURE',
    ]);
  });

  it('an event re-signed by a key nobody registered: UNKNOWN_SIGNER', async () => {
    // A consistent liar: the stream metadata names the forged event too, so only its signer gives it away.
    let forged: EventTx | undefined;
    const forge = async (sequence: number): Promise<EventTx> => {
      forged ??= await buildEvent({
        signer: outsider,
        trustDomain: DOMAIN,
        subjectId: 'inv-t',
        subjectType: 'TITLE',
        sequence,
        eventType: 'buyer.acknowledged',
        payload: { buyerQuid: buyer.quidId, acknowledgedAmountMinor: 5, acknowledgedAt: 1 },
      });
      return forged;
    };
    const events = rewriteEvents(async (list) => {
      list[1] = { ...(await forge(list[1]?.['sequence'] as number)) };
    });
    const client = h.client({}, async (request, respond) => {
      if (!/\/streams\/inv-t$/.test(new URL(request.url).pathname)) return events(request, respond);
      const response = await respond();
      const body = (await response.json()) as { data: { latestSequence: number; latestEventId: string } };
      body.data.latestEventId = (await forge(body.data.latestSequence)).id;
      return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
    });
    expect(await code(new InvoiceLedger(client, { trustDomain: DOMAIN }).getInvoice('inv-t'))).toEqual([
      'LEDGER_VERIFICATION',
      'UNKNOWN_SIGNER',
    ]);
  });

  it('an event replaced without touching the stream metadata: STREAM_INTEGRITY before any verdict', async () => {
    const client = h.client(
      {},
      rewriteEvents(async (list) => {
        const forged = await buildEvent({
          signer: outsider,
          trustDomain: DOMAIN,
          subjectId: 'inv-t',
          subjectType: 'TITLE',
          sequence: list[1]?.['sequence'] as number,
          eventType: 'buyer.acknowledged',
          payload: { buyerQuid: buyer.quidId, acknowledgedAmountMinor: 5, acknowledgedAt: 1 },
          // Another second, so another id (an EVENT id covers the second, not the signer).
          timestamp: 1_700_000_000,
        });
        list[1] = { ...forged };
      }),
    );
    expect(await code(new InvoiceLedger(client, { trustDomain: DOMAIN }).getInvoice('inv-t'))).toEqual([
      'STREAM_INTEGRITY',
      'LATEST_MISMATCH',
    ]);
  });

  it('an event dropped from the page: STREAM_INTEGRITY, never an earlier state', async () => {
    const client = h.client(
      {},
      rewriteEvents((list) => {
        list.splice(1, 1);
      }),
    );
    expect(await code(new InvoiceLedger(client, { trustDomain: DOMAIN }).getInvoice('inv-t'))).toEqual([
      'STREAM_INTEGRITY',
      'MISSING_EVENTS',
    ]);
  });

  it('an event moved from another subject: WRONG_SUBJECT', async () => {
    const client = h.client(
      {},
      rewriteEvents((events) => {
        events[0]!['subjectId'] = 'inv-other';
      }),
    );
    expect(await code(new InvoiceLedger(client, { trustDomain: DOMAIN }).getInvoice('inv-t'))).toEqual([
      'LEDGER_VERIFICATION',
      'WRONG_SUBJECT',
    ]);
  });

  it('an identity record whose role was altered on the way (its own key, broken signature): BAD_IDENTITY', async () => {
    const client = h.client({}, async (request, respond) => {
      const response = await respond();
      if (!new URL(request.url).pathname.endsWith(`/identity/${buyer.quidId}`)) return response;
      const body = (await response.json()) as { data: { attributes: Record<string, unknown> } };
      body.data.attributes['role'] = 'supplier';
      return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
    });
    expect(await code(new InvoiceLedger(client, { trustDomain: DOMAIN }).getInvoice('inv-t'))).toEqual([
      'LEDGER_VERIFICATION',
      'BAD_IDENTITY',
    ]);
  });

  it('a response that is not even an event list: RESPONSE_VALIDATION', async () => {
    const client = h.client(
      {},
      rewriteEvents((events) => {
        events[0]!['sequence'] = 'one';
      }),
    );
    expect((await code(new InvoiceLedger(client, { trustDomain: DOMAIN }).getInvoice('inv-t')))[0]).toBe(
      'RESPONSE_VALIDATION',
    );
  });
});
