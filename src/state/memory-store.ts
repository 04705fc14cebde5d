/**
 * The default {@link StateStore}: a bounded, least-recently-used map in the memory of one
 * process.
 *
 * @module
 */
import { jsonBytes, stringBytes } from './json-size.js';
import { applyStateChange, expiryOf, isLive, matchesWhere, orderVerdict, setField } from './semantics.js';
import type {
  JsonValue,
  PutIfHigherResult,
  PutOptions,
  StateChange,
  StateKey,
  StateRecord,
  StateStore,
  StateValue,
  StoreWrite,
  UpdateOptions,
} from './store.js';

/**
 * A live record the memory store dropped to stay within its bounds, as its `onEvict` hears of it.
 */
export interface StateEviction {
  /** Where the record lived. */
  readonly key: StateKey;
  /** The record as it was. */
  readonly record: StateRecord;
  /** Which bound it was dropped for: `maxBytes` or `maxRecords`. */
  readonly reason: 'maxBytes' | 'maxRecords';
}

/**
 * Options of {@link MemoryStateStore}.
 */
export interface MemoryStateStoreOptions {
  /**
   * The most records kept at once, live or expired; a positive integer, default 10,000. Creating
   * one more evicts the least recently used record (the one whose key no operation but `list`
   * has touched for longest).
   */
  readonly maxRecords?: number;
  /**
   * The most bytes of heap the records may take, estimated from their JSON (strings by length,
   * objects and arrays by slot); default 16 MiB, which leaves a 128 MB Lambda room for the rest.
   * A write that goes over evicts least recently used records until it fits (never the record
   * just written). A positive integer.
   */
  readonly maxBytes?: number;
  /**
   * Hears of every live record evicted for either bound (expired ones are dropped silently): an
   * evicted fold window loses its count of folded repeats, and its incident alerts again. Log
   * it; `createPipeline` does for the store it creates. Errors it throws are ignored.
   */
  readonly onEvict?: (eviction: StateEviction) => void;
}

/** One stored record, where it lives and what it weighs. */
interface Entry {
  readonly scope: string;
  readonly id: string;
  record: StateRecord;
  bytes: number;
}

/** Default of {@link MemoryStateStoreOptions.maxRecords}. */
const DEFAULT_MAX_RECORDS = 10_000;
/** Default of {@link MemoryStateStoreOptions.maxBytes}. */
const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;
/** What an entry weighs beside its value: the entry, the record, two map slots and the key. */
const ENTRY_BYTES = 200;

/**
 * A {@link StateStore} in the memory of one process: bounded by count and by bytes, least
 * recently used first out.
 *
 * @remarks Every operation completes synchronously inside the returned promise, so concurrent callers in
 * one process never interleave within an operation. Expired records behave as absent and are
 * dropped when next touched; when the store is full (records or bytes), a write evicts the least
 * recently used ones (every operation on a live record's key counts as a use, even one whose
 * condition fails, such as a duplicate seen by `putIfHigher`; `list` does not) and tells
 * `onEvict`. Values are copied and frozen on write, so records handed out can be shared without
 * defensive copies.
 *
 * It suits one long-lived process or one warm Lambda instance. When several Lambda instances
 * handle the same resources concurrently, use `DynamoDbStateStore` from `ecs-slack/dynamodb`,
 * which keeps the same contract across processes.
 *
 * @example
 * ```ts
 * import { MemoryStateStore } from 'ecs-slack/state';
 *
 * const store = new MemoryStateStore({
 *   maxBytes: 8 * 1024 * 1024,
 *   onEvict: ({ key }) => console.warn('evicted', key.scope),
 * });
 * const key = { scope: 'fold', id: 'prod/web/crashed' };
 * await store.update(key, { add: { count: 1 } }, { now: Date.now(), ttlSeconds: 600 });
 * ```
 */
export class MemoryStateStore implements StateStore {
  /** The most records kept at once (see {@link MemoryStateStoreOptions.maxRecords}). */
  readonly maxRecords: number;
  /** The most bytes the records may take (see {@link MemoryStateStoreOptions.maxBytes}). */
  readonly maxBytes: number;
  readonly #onEvict: ((eviction: StateEviction) => void) | undefined;
  /** Every entry by composite key, least recently used first (a `Map` keeps insertion order). */
  readonly #entries = new Map<string, Entry>();
  /** The same entries grouped by scope, for `list`. */
  readonly #scopes = new Map<string, Map<string, Entry>>();
  #bytes = 0;

  /**
   * @param options - The bounds, and who hears of evictions.
   * @throws `RangeError` when `maxRecords` or `maxBytes` is not a positive integer.
   */
  constructor(options: MemoryStateStoreOptions = {}) {
    this.maxRecords = positiveInteger(options.maxRecords ?? DEFAULT_MAX_RECORDS, 'maxRecords');
    this.maxBytes = positiveInteger(options.maxBytes ?? DEFAULT_MAX_BYTES, 'maxBytes');
    this.#onEvict = options.onEvict;
  }

  /** About how many bytes the stored records take (see {@link MemoryStateStoreOptions.maxBytes}). */
  get bytes(): number {
    return this.#bytes;
  }

  /** How many records are stored, including expired ones not yet dropped. */
  get size(): number {
    return this.#entries.size;
  }

  async get(key: StateKey, now: number): Promise<StateRecord | undefined> {
    return this.#live(key, now)?.record;
  }

  async put(key: StateKey, value: StateValue, options: PutOptions): Promise<StateRecord | undefined> {
    const expiresAt = expiryOf(options, 'put');
    const { expectedVersion, now } = options;
    const entry = this.#live(key, now);
    if (expectedVersion === undefined ? entry !== undefined : entry?.record.version !== expectedVersion) {
      return undefined;
    }
    return this.#write(key, entry, frozenCopy(value), expiresAt, now);
  }

  async putIfHigher(key: StateKey, order: number, write: StoreWrite): Promise<PutIfHigherResult> {
    const expiresAt = expiryOf(write, 'putIfHigher');
    const entry = this.#live(key, write.now);
    const verdict = orderVerdict(entry?.record.value, order);
    if (verdict !== undefined) return verdict;
    this.#write(key, entry, Object.freeze({ order }), expiresAt, write.now);
    return 'stored';
  }

  async update(key: StateKey, change: StateChange, options: UpdateOptions): Promise<StateRecord | undefined> {
    const expiresAt = expiryOf(options, 'update');
    const { where, now } = options;
    const entry = this.#live(key, now);
    if (where !== undefined && (entry === undefined || !matchesWhere(entry.record.value, where))) return undefined;
    const value = applyStateChange(entry?.record.value ?? {}, {
      add: change.add,
      set: change.set && frozenCopy(change.set),
    });
    return this.#write(key, entry, Object.freeze(value), expiresAt, now);
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
    if (!isLive(entry.record, now)) {
      this.#remove(entry);
      return undefined;
    }
    this.#entries.delete(composite);
    this.#entries.set(composite, entry);
    return entry;
  }

  /** Stores a new record for `key` over `entry` (the live one from `#live`, if any), evicting when full. */
  #write(key: StateKey, entry: Entry | undefined, value: StateValue, expiresAt: number, now: number): StateRecord {
    const record: StateRecord = Object.freeze({ value, version: (entry?.record.version ?? 0) + 1, expiresAt });
    const bytes = ENTRY_BYTES + stringBytes(key.scope) + stringBytes(key.id) + jsonBytes(value);
    if (entry !== undefined) {
      entry.record = record;
      this.#bytes += bytes - entry.bytes;
      entry.bytes = bytes;
    } else {
      const created: Entry = { scope: key.scope, id: key.id, record, bytes };
      this.#entries.set(compositeKey(key.scope, key.id), created);
      let scope = this.#scopes.get(key.scope);
      if (scope === undefined) this.#scopes.set(key.scope, (scope = new Map()));
      scope.set(key.id, created);
      this.#bytes += bytes;
    }
    // The record just written is the most recently used: it is the last to go.
    while (this.#entries.size > 1 && (this.#entries.size > this.maxRecords || this.#bytes > this.maxBytes)) {
      const oldest = this.#entries.values().next().value;
      if (oldest === undefined) break;
      const reason = this.#entries.size > this.maxRecords ? 'maxRecords' : 'maxBytes';
      this.#remove(oldest);
      if (isLive(oldest.record, now)) {
        this.#evicted({ key: { scope: oldest.scope, id: oldest.id }, record: oldest.record, reason });
      }
    }
    return record;
  }

  /** Tells `onEvict`, whatever it throws. */
  #evicted(eviction: StateEviction): void {
    try {
      this.#onEvict?.(eviction);
    } catch {
      // A listener's failure must not fail the write that made room.
    }
  }

  /** Forgets `entry`, and its scope when it was the last one there. */
  #remove(entry: Entry): void {
    if (!this.#entries.delete(compositeKey(entry.scope, entry.id))) return;
    this.#bytes -= entry.bytes;
    const scope = this.#scopes.get(entry.scope);
    scope?.delete(entry.id);
    if (scope?.size === 0) this.#scopes.delete(entry.scope);
  }
}

/** `value`, checked to be a positive integer. */
function positiveInteger(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(`MemoryStateStore: ${name} must be a positive integer, got ${String(value)}`);
  }
  return value;
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
