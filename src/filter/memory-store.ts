/**
 * The default {@link StateStore}: a bounded, least-recently-used map in the memory of one
 * process.
 *
 * @module
 */
import { applyStateChange, expiryOf, isLive, matchesWhere, orderVerdict, setField } from './state-change.js';
import type {
  JsonPrimitive,
  JsonValue,
  PutIfHigherResult,
  StateChange,
  StateKey,
  StateRecord,
  StateStore,
  StateValue,
  StoreWrite,
} from './store.js';

/**
 * Options of {@link MemoryStateStore}.
 */
export interface MemoryStateStoreOptions {
  /**
   * The most records kept at once, live or expired; creating one more evicts the least recently
   * used record (the one whose key no operation but `list` has touched for longest). A positive
   * integer; default 10,000, which with the small records the filters write stays within a few
   * megabytes.
   */
  readonly maxRecords?: number;
}

/** One stored record and where it lives. */
interface Entry {
  readonly scope: string;
  readonly id: string;
  record: StateRecord;
}

/** Default of {@link MemoryStateStoreOptions.maxRecords}. */
const DEFAULT_MAX_RECORDS = 10_000;

/**
 * A {@link StateStore} in the memory of one process: bounded, least recently used first out.
 *
 * Every operation completes synchronously inside the returned promise, so concurrent callers in
 * one process never interleave within an operation. Expired records behave as absent and are
 * dropped when next touched; when the store is full, creating a record evicts the least recently
 * used one (every operation on a live record's key counts as a use, even one whose condition
 * fails, such as a duplicate seen by `putIfHigher`; `list` does not). Values are copied and frozen
 * on write, so records handed out can be shared without defensive copies.
 *
 * It suits one long-lived process or one warm Lambda instance. When several Lambda instances
 * handle the same resources concurrently, use `DynamoDbStateStore` from `ecs-slack/dynamodb`,
 * which keeps the same contract across processes.
 *
 * @example
 * ```ts
 * import { MemoryStateStore } from 'ecs-slack';
 *
 * const store = new MemoryStateStore({ maxRecords: 5_000 });
 * const key = { scope: 'fold', id: 'prod/web/crashed' };
 * await store.update(key, { add: { count: 1 } }, undefined, { now: Date.now(), ttlSeconds: 600 });
 * ```
 */
export class MemoryStateStore implements StateStore {
  /** The most records kept at once (see {@link MemoryStateStoreOptions.maxRecords}). */
  readonly maxRecords: number;
  /** Every entry by composite key, least recently used first (a `Map` keeps insertion order). */
  readonly #entries = new Map<string, Entry>();
  /** The same entries grouped by scope, for `list`. */
  readonly #scopes = new Map<string, Map<string, Entry>>();

  /**
   * @param options - The size cap.
   * @throws `RangeError` when `maxRecords` is not a positive integer.
   */
  constructor(options: MemoryStateStoreOptions = {}) {
    const maxRecords = options.maxRecords ?? DEFAULT_MAX_RECORDS;
    if (!Number.isSafeInteger(maxRecords) || maxRecords < 1) {
      throw new RangeError(`MemoryStateStore: maxRecords must be a positive integer, got ${String(maxRecords)}`);
    }
    this.maxRecords = maxRecords;
  }

  /** How many records are stored, including expired ones not yet dropped. */
  get size(): number {
    return this.#entries.size;
  }

  async get(key: StateKey, now: number): Promise<StateRecord | undefined> {
    return this.#live(key, now)?.record;
  }

  async put(
    key: StateKey,
    value: StateValue,
    expectedVersion: number | undefined,
    write: StoreWrite,
  ): Promise<StateRecord | undefined> {
    const expiresAt = expiryOf(write, 'put');
    const entry = this.#live(key, write.now);
    if (expectedVersion === undefined ? entry !== undefined : entry?.record.version !== expectedVersion) {
      return undefined;
    }
    return this.#write(key, entry, frozenCopy(value), expiresAt);
  }

  async putIfHigher(key: StateKey, order: number, write: StoreWrite): Promise<PutIfHigherResult> {
    const expiresAt = expiryOf(write, 'putIfHigher');
    const entry = this.#live(key, write.now);
    const verdict = orderVerdict(entry?.record.value, order);
    if (verdict !== undefined) return verdict;
    this.#write(key, entry, Object.freeze({ order }), expiresAt);
    return 'stored';
  }

  async update(
    key: StateKey,
    change: StateChange,
    where: Readonly<Record<string, JsonPrimitive>> | undefined,
    write: StoreWrite,
  ): Promise<StateRecord | undefined> {
    const expiresAt = expiryOf(write, 'update');
    const entry = this.#live(key, write.now);
    if (where !== undefined && (entry === undefined || !matchesWhere(entry.record.value, where))) return undefined;
    const value = applyStateChange(entry?.record.value ?? {}, { add: change.add, set: change.set && frozenCopy(change.set) });
    return this.#write(key, entry, Object.freeze(value), expiresAt);
  }

  async take(key: StateKey, now: number, expectedVersion?: number): Promise<StateRecord | undefined> {
    const entry = this.#live(key, now);
    if (entry === undefined || (expectedVersion !== undefined && entry.record.version !== expectedVersion)) {
      return undefined;
    }
    this.#remove(entry);
    return entry.record;
  }

  async list(scope: string, now: number): ReturnType<StateStore['list']> {
    const records: Array<{ id: string; record: StateRecord }> = [];
    for (const entry of this.#scopes.get(scope)?.values() ?? []) {
      if (isLive(entry.record, now)) records.push({ id: entry.id, record: entry.record });
      else this.#remove(entry);
    }
    return records;
  }

  /** The live entry of `key`, now the most recently used; drops it when expired. */
  #live(key: StateKey, now: number): Entry | undefined {
    const composite = compositeKey(key.scope, key.id);
    const entry = this.#entries.get(composite);
    if (entry === undefined) return undefined;
    this.#entries.delete(composite);
    if (!isLive(entry.record, now)) {
      this.#remove(entry);
      return undefined;
    }
    this.#entries.set(composite, entry);
    return entry;
  }

  /** Stores a new record for `key` over `entry` (the live one from `#live`, if any), evicting when full. */
  #write(key: StateKey, entry: Entry | undefined, value: StateValue, expiresAt: number): StateRecord {
    const record: StateRecord = Object.freeze({ value, version: (entry?.record.version ?? 0) + 1, expiresAt });
    if (entry !== undefined) {
      entry.record = record;
      return record;
    }
    const created: Entry = { scope: key.scope, id: key.id, record };
    this.#entries.set(compositeKey(key.scope, key.id), created);
    let scope = this.#scopes.get(key.scope);
    if (scope === undefined) this.#scopes.set(key.scope, (scope = new Map()));
    scope.set(key.id, created);
    while (this.#entries.size > this.maxRecords) {
      const oldest = this.#entries.values().next().value;
      if (oldest === undefined) break;
      this.#remove(oldest);
    }
    return record;
  }

  /** Forgets `entry`, and its scope when it was the last one there. */
  #remove(entry: Entry): void {
    this.#entries.delete(compositeKey(entry.scope, entry.id));
    const scope = this.#scopes.get(entry.scope);
    scope?.delete(entry.id);
    if (scope?.size === 0) this.#scopes.delete(entry.scope);
  }
}

/** One unambiguous string for a (scope, id) pair. */
function compositeKey(scope: string, id: string): string {
  return `${scope.length}:${scope}${id}`;
}

/** A deep copy of a JSON object, frozen all the way down; `undefined` fields are dropped. */
function frozenCopy(value: StateValue): StateValue {
  return freezeJson(value) as StateValue;
}

/** A deep, frozen copy of a JSON value. */
function freezeJson(value: JsonValue): JsonValue {
  if (typeof value !== 'object' || value === null) return value;
  let copy: JsonValue;
  if (Array.isArray(value)) {
    copy = value.map((item) => freezeJson(item ?? null));
  } else {
    copy = {};
    for (const key of Object.keys(value)) {
      const field = value[key];
      if (field !== undefined) setField(copy, key, freezeJson(field));
    }
  }
  Object.freeze(copy);
  return copy;
}
