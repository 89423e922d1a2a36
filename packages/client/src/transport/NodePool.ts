import { ClientOptionsError } from '../errors/ClientOptionsError.js';
import { NoHealthyNodeError } from '../errors/NoHealthyNodeError.js';

/**
 * The configured nodes, in preference order, with a health view: failed nodes cool down before
 * they are preferred again, and `select()` health-checks them all and picks the first healthy one.
 *
 * @example
 * ```ts
 * const pool = new NodePool(['http://a/api/v1/', 'http://b/api/v1/'], 30_000);
 * pool.order(); // [0, 1]
 * pool.markFailed(0);
 * pool.order(); // [1, 0]
 * ```
 */
export class NodePool {
  readonly urls: readonly string[];
  #current = 0;
  #selected = false;
  readonly #downUntil: number[];
  readonly #cooldownMs: number;

  constructor(urls: readonly string[], cooldownMs: number) {
    if (urls.length === 0) throw new ClientOptionsError([{ path: 'nodes', message: 'must not be empty' }]);
    this.urls = urls;
    this.#cooldownMs = cooldownMs;
    this.#downUntil = urls.map(() => 0);
  }

  /** Index of the node writes go to. */
  get current(): number {
    return this.#current;
  }

  /** True once `select()` has run (or there is only one node, which needs no selection). */
  get selected(): boolean {
    return this.#selected || this.urls.length === 1;
  }

  /** Node indexes to try, best first: the current node, then healthy ones, then cooling-down ones. */
  order(): number[] {
    const now = Date.now();
    const rest = this.urls.map((_, i) => i).filter((i) => i !== this.#current);
    const up = rest.filter((i) => (this.#downUntil[i] ?? 0) <= now);
    const down = rest.filter((i) => (this.#downUntil[i] ?? 0) > now);
    return [this.#current, ...up, ...down];
  }

  /** Records a transport failure; the current node moves on to the next healthy one. */
  markFailed(index: number): void {
    this.#downUntil[index] = Date.now() + this.#cooldownMs;
    if (index === this.#current) {
      const next = this.order().find((i) => i !== index && (this.#downUntil[i] ?? 0) <= Date.now());
      if (next !== undefined) this.#current = next;
    }
  }

  /** Records a success: the node is healthy again. */
  markHealthy(index: number): void {
    this.#downUntil[index] = 0;
  }

  /**
   * Health-checks every node concurrently with `check` and makes the first healthy one (in
   * preference order) current. Throws `NoHealthyNodeError` when none is healthy.
   */
  async select(check: (index: number) => Promise<void>): Promise<number> {
    const results = await Promise.allSettled(this.urls.map((_, i) => check(i)));
    let last: unknown;
    let chosen: number | undefined;
    results.forEach((r, i) => {
      if (r.status === 'fulfilled') {
        this.markHealthy(i);
        if (chosen === undefined) chosen = i;
      } else {
        last = r.reason;
        this.#downUntil[i] = Date.now() + this.#cooldownMs;
      }
    });
    if (chosen === undefined) throw new NoHealthyNodeError(this.urls, { cause: last });
    this.#current = chosen;
    this.#selected = true;
    return chosen;
  }
}
