/**
 * The state store: the few atomic operations with expiry that the stateful noise filters and
 * deployment threads need, so that they work the same in one process (memory store) and across
 * many concurrent Lambda invocations (DynamoDB store, `ecs-slack/dynamodb`).
 *
 * @module
 */

/** A JSON primitive. */
export type JsonPrimitive = string | number | boolean | null;

/** Any JSON value. */
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };

/** The value of a stored record: a JSON object. */
export type StateValue = { [field: string]: JsonValue };

/**
 * Where a record lives. `scope` groups records that {@link StateStore.list} returns together (the
 * DynamoDB partition key), `id` names the record inside it (the sort key). Keep scopes that are
 * listed small: every record of one scope shares a DynamoDB partition.
 */
export interface StateKey {
  /** Group of records, for example `fold` (the DynamoDB partition key). */
  readonly scope: string;
  /** The record's name inside its scope (the DynamoDB sort key). */
  readonly id: string;
}

/**
 * A live record: its value, a version that grows with every write, and when it expires.
 */
export interface StateRecord {
  /** The stored JSON object. */
  readonly value: StateValue;
  /** 1 when created, then incremented by every successful write. */
  readonly version: number;
  /** Epoch milliseconds after which the record counts as absent. */
  readonly expiresAt: number;
}

/**
 * Time and lifetime of a write. The store never reads a clock: expiry is always judged against
 * the `now` it is given.
 */
export interface StoreWrite {
  /** Current time, epoch milliseconds. */
  readonly now: number;
  /** How long the written record lives from `now`, in seconds. */
  readonly ttlSeconds: number;
}

/**
 * Options of {@link StateStore.put}: time, lifetime, and the version to replace.
 */
export interface PutOptions extends StoreWrite {
  /**
   * Omitted: create, only if no live record exists. Given: compare-and-set, only if the live
   * record's version equals it.
   */
  readonly expectedVersion?: number;
}

/**
 * Options of {@link StateStore.update}: time, lifetime, and the condition.
 */
export interface UpdateOptions extends StoreWrite {
  /**
   * Field values the live record must hold (strict equality of JSON primitives). Omitted: no
   * condition, and a missing record is created from the change.
   */
  readonly where?: Readonly<Record<string, JsonPrimitive>>;
}

/**
 * The outcome of {@link StateStore.putIfHigher}.
 *
 * - `stored`: no live record, or it held a lower order; the new order is stored
 * - `equal`: the live record holds the same order (a duplicate delivery)
 * - `lower`: the live record holds a higher order (a stale, out-of-order event)
 */
export type PutIfHigherResult = 'stored' | 'equal' | 'lower';

/**
 * Changes applied atomically by {@link StateStore.update}.
 */
export interface StateChange {
  /** Numbers added to numeric fields (a missing field counts as 0). */
  readonly add?: Readonly<Record<string, number>>;
  /** Fields set to these values (after `add`; a field in both is set). */
  readonly set?: StateValue;
}

/**
 * A small key-value store of JSON records with expiry and atomic conditional writes.
 *
 * @remarks Every operation is atomic on one record: when several callers race on the same key, exactly
 * one conditional write wins and the others see their condition fail. An expired record behaves
 * exactly like an absent one for every operation, whether or not it is still physically stored.
 *
 * Implementations: `MemoryStateStore` (default, one process) and `DynamoDbStateStore` from
 * `ecs-slack/dynamodb` (many concurrent Lambdas).
 */
export interface StateStore {
  /**
   * Reads the live record of `key`.
   *
   * @param key - The record's key.
   * @param now - Current time, epoch milliseconds.
   * @returns The record, or `undefined` when absent or expired.
   */
  get(key: StateKey, now: number): Promise<StateRecord | undefined>;

  /**
   * Writes `value`, conditionally: without `expectedVersion`, only if no live record exists
   * (create); otherwise only if the live record's version equals it (compare-and-set). The written
   * record gets version 1 (create) or the old version + 1, and expires `ttlSeconds` after `now`.
   *
   * @param key - The record's key.
   * @param value - The new value (replaces the old one entirely).
   * @param options - Time, lifetime and the version read before (omit it to create).
   * @returns The written record, or `undefined` when the condition failed.
   */
  put(key: StateKey, value: StateValue, options: PutOptions): Promise<StateRecord | undefined>;

  /**
   * Keeps the highest `order` seen for `key` (a resource's `detail.version`), in one atomic step:
   * stores `{ order }` when there is no live record or it holds a lower order (a live record
   * whose value has no numeric `order` field counts as holding a lower one).
   *
   * @param key - The record's key.
   * @param order - The order of the event being seen.
   * @param write - Time and lifetime.
   * @returns `stored`, `equal` (duplicate) or `lower` (stale).
   */
  putIfHigher(key: StateKey, order: number, write: StoreWrite): Promise<PutIfHigherResult>;

  /**
   * Applies `change` atomically to the live record when every field in `where` equals the
   * record's value (strict equality of JSON primitives). Without `where`, a missing record is
   * created from the change (`add` counts from 0); with `where`, a missing record fails the
   * condition. The record's version grows by one and its expiry moves to `now + ttlSeconds`.
   *
   * @param key - The record's key.
   * @param change - Fields to add to and to set.
   * @param options - Time, lifetime and the condition (`where`).
   * @returns The record after the change, or `undefined` when the condition failed.
   */
  update(key: StateKey, change: StateChange, options: UpdateOptions): Promise<StateRecord | undefined>;

  /**
   * Deletes the live record and returns it: of several racing callers, exactly one gets it. With
   * `expectedVersion`, deletes only when the version matches.
   *
   * @param key - The record's key.
   * @param now - Current time, epoch milliseconds.
   * @param expectedVersion - Delete only this version, or any when `undefined`.
   * @returns The deleted record, or `undefined` when nothing live was deleted.
   */
  take(key: StateKey, now: number, expectedVersion?: number): Promise<StateRecord | undefined>;

  /**
   * Lists the live records of one scope, in no particular order.
   *
   * @param scope - The scope to list.
   * @param now - Current time, epoch milliseconds.
   * @returns Each live record with its id.
   */
  list(
    scope: string,
    now: number,
  ): Promise<
    Array<{
      /** The record's id inside the scope. */
      readonly id: string;
      /** The live record. */
      readonly record: StateRecord;
    }>
  >;
}
