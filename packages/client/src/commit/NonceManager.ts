import type { NonceStore } from './NonceStore.js';

/**
 * Hands out TRUST nonces. Each nonce is above the last one used for the pair (truster, trustee),
 * which is what the node checks, and also above the last one the truster used in the domain,
 * which keeps the node's optional nonce ledger (strictly increasing per signer and domain) happy
 * too (PROTOCOL §6.2). Allocation is serialized per truster, so concurrent grants in one process
 * never reuse a nonce.
 *
 * @example
 * ```ts
 * const nonces = new NonceManager(new InMemoryNonceStore());
 * await nonces.next({ truster: a, trustee: b, trustDomain: 'd' }); // 1
 * await nonces.next({ truster: a, trustee: c, trustDomain: 'd' }); // 2
 * ```
 */
export class NonceManager {
  readonly store: NonceStore;
  readonly #chains = new Map<string, Promise<unknown>>();

  constructor(store: NonceStore) {
    this.store = store;
  }

  /** Allocates and records the next nonce for `truster` → `trustee` in `trustDomain`. */
  next(input: { truster: string; trustee: string; trustDomain: string }): Promise<number> {
    const previous = this.#chains.get(input.truster) ?? Promise.resolve();
    const run = previous.then(async () => {
      const pairKey = `trust:${input.truster}:${input.trustee}`;
      const signerKey = `signer:${input.truster}:${input.trustDomain}`;
      const pair = (await this.store.get(pairKey)) ?? 0;
      const signer = (await this.store.get(signerKey)) ?? 0;
      const nonce = Math.max(pair, signer) + 1;
      await this.store.set(pairKey, nonce);
      await this.store.set(signerKey, nonce);
      return nonce;
    });
    const settled = run.catch(() => undefined);
    this.#chains.set(input.truster, settled);
    void settled.then(() => {
      if (this.#chains.get(input.truster) === settled) this.#chains.delete(input.truster);
    });
    return run;
  }
}
