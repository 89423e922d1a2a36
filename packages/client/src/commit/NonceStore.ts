/**
 * Where TRUST nonces live between calls and processes. The node cannot tell a client its last
 * nonce (PROTOCOL §9.10), so the client must remember it: plug in a store backed by a database,
 * `localStorage` or a file to keep nonces across restarts.
 *
 * @example
 * ```ts
 * const store: NonceStore = {
 *   get: async (key) => Number(localStorage.getItem(key) ?? NaN) || undefined,
 *   set: async (key, value) => localStorage.setItem(key, String(value)),
 * };
 * ```
 */
export interface NonceStore {
  get(key: string): Promise<number | undefined> | number | undefined;
  set(key: string, value: number): Promise<void> | void;
}

/**
 * The default {@link NonceStore}: a map in memory, which can be saved with `toJSON()` and restored
 * by passing that snapshot to the constructor.
 *
 * @example
 * ```ts
 * const store = new InMemoryNonceStore();
 * const saved = JSON.stringify(store);
 * const restored = new InMemoryNonceStore(JSON.parse(saved));
 * ```
 */
export class InMemoryNonceStore implements NonceStore {
  readonly #values: Map<string, number>;

  constructor(snapshot: Readonly<Record<string, number>> = {}) {
    this.#values = new Map(Object.entries(snapshot));
  }

  get(key: string): number | undefined {
    return this.#values.get(key);
  }

  set(key: string, value: number): void {
    this.#values.set(key, value);
  }

  /** A plain snapshot of every stored nonce. */
  toJSON(): Record<string, number> {
    return Object.fromEntries(this.#values);
  }
}
