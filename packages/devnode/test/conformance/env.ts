// What a conformance scenario runs against: a base of HTTP calls (devnode fetch handler, devnode
// over loopback HTTP, or a real node at QUIDNUG_NODE) and a way to wait for a commit.

import { type Answer, call, type Target } from '../support/http.js';

/** One target under test. */
export interface ConformanceEnv {
  /** Label shown in test names. */
  readonly label: string;
  /** True for the devnode (some checks only make sense with its controllable clock). */
  readonly devnode: boolean;
  /** Unique per run, so a real node's state from earlier runs never collides. */
  readonly run: string;
  /** A domain registered for this run. */
  readonly domain: string;
  /** Sends a request from this scenario's client IP (X-Forwarded-For; see README). */
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
  /** Waits until none of `ids` is pending any more (devnode: mines a block now). */
  commit(ids: readonly string[]): Promise<void>;
  /** Gives the next scenario a fresh client IP, so the per-IP limit never spans scenarios. */
  nextClient(): void;
  close(): Promise<void>;
}

/** Builds an env over a target; `mine` commits on a devnode, `undefined` means poll the pool. */
export async function makeEnv(
  label: string,
  target: Target,
  mine: (() => void) | undefined,
  close: () => Promise<void>,
): Promise<ConformanceEnv> {
  const run = Math.random().toString(36).slice(2, 10);
  let client = Math.floor(Math.random() * 200);
  let clientIp = '';
  const nextClient = (): void => {
    client++;
    clientIp = `198.51.${Math.floor(client / 250) % 250}.${(client % 250) + 1}`;
  };
  nextClient();
  const request = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
    call(target, method, path, body, { 'X-Forwarded-For': clientIp, ...(headers ?? {}) });
  const domain = `conf-${run}.quidfin.test`;
  const reg = await request('POST', '/api/v1/domains', { name: domain });
  if (reg.status !== 200) throw new Error(`cannot register ${domain}: ${reg.status} ${reg.text}`);
  const commit = async (ids: readonly string[]): Promise<void> => {
    if (mine) {
      mine();
      return;
    }
    const deadline = Date.now() + 150_000;
    for (let poll = 0; ; poll++) {
      // Polls come from their own rotating client IPs, so they never eat a scenario's budget.
      const r = await call(target, 'GET', '/api/v1/transactions?limit=1000', undefined, {
        'X-Forwarded-For': `203.0.${Math.floor(poll / 250) % 250}.${(poll % 250) + 1}`,
      });
      const pending = ((r.json as { data?: { data?: Array<{ id: string }> } })?.data?.data ?? []).map(
        (t) => t.id,
      );
      if (r.status === 200 && !ids.some((id) => pending.includes(id))) break;
      if (Date.now() > deadline) throw new Error(`transactions still pending: ${ids.join(', ')}`);
      await new Promise((res) => setTimeout(res, 1000));
    }
    // Block processing follows the pool update; give the node a moment.
    await new Promise((res) => setTimeout(res, 500));
  };
  return { label, devnode: mine !== undefined, run, domain, request, commit, nextClient, close };
}
