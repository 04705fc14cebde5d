/**
 * A small LRU cache of promises with a time-to-live, where concurrent callers of one key share
 * one load.
 *
 * @internal
 * @module
 */

/**
 * Options of {@link TtlCache}.
 *
 * @internal
 */
export interface TtlCacheOptions {
  /** Most entries kept; the least recently used goes first. */
  readonly maxEntries: number;
  /** How long a loaded value is served, in milliseconds. */
  readonly ttlMs: number;
  /** The clock, epoch milliseconds. */
  readonly now?: () => number;
}

interface Entry<V> {
  readonly value: Promise<V>;
  /** When the value stops being served; `Infinity` while it is loading. */
  expiresAt: number;
}

/**
 * An LRU map of keys to promised values. `get(key, load)` returns the cached promise, or starts
 * `load()` once and caches its promise; a load that fails is forgotten, so the next caller tries
 * again, and callers already waiting see its error.
 *
 * @internal
 */
export class TtlCache<V> {
  readonly #entries = new Map<string, Entry<V>>();
  readonly #maxEntries: number;
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(options: TtlCacheOptions) {
    this.#maxEntries = options.maxEntries;
    this.#ttlMs = options.ttlMs;
    this.#now = options.now ?? Date.now;
  }

  /** How many entries are held (loading ones included). */
  get size(): number {
    return this.#entries.size;
  }

  /** The value for `key`: cached, being loaded by another caller, or loaded now. */
  get(key: string, load: () => Promise<V>): Promise<V> {
    const entry = this.#entries.get(key);
    if (entry !== undefined) {
      this.#entries.delete(key);
      if (entry.expiresAt > this.#now()) {
        this.#entries.set(key, entry);
        return entry.value;
      }
    }
    const value = load();
    const fresh: Entry<V> = { value, expiresAt: Number.POSITIVE_INFINITY };
    this.#entries.set(key, fresh);
    value.then(
      () => {
        fresh.expiresAt = this.#now() + this.#ttlMs;
      },
      () => {
        if (this.#entries.get(key) === fresh) this.#entries.delete(key);
      },
    );
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value as string;
      this.#entries.delete(oldest);
    }
    return value;
  }
}
