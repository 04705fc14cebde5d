/**
 * Store-independent semantics of the {@link StateStore} contract: expiry arithmetic, liveness,
 * `where` matching and applying a {@link StateChange}. Every store uses these, so that the
 * memory store and the DynamoDB store agree on every edge case.
 *
 * @module
 * @internal
 */
import { StateStoreError } from '../errors.js';
import type {
  JsonPrimitive,
  JsonValue,
  PutIfHigherResult,
  StateChange,
  StateRecord,
  StateValue,
  StoreWrite,
} from './store.js';

/**
 * Computes when a record written with `write` expires, in epoch milliseconds.
 *
 * @param write - Time and lifetime of the write.
 * @param operation - The store operation, named in the error.
 * @returns `now + ttlSeconds * 1000`.
 * @throws {@link StateStoreError} when the options are missing (a caller of the positional
 * signature), or `now` or `ttlSeconds` is not a finite number (a record that never expires, or one
 * whose liveness cannot be judged, would break the contract).
 * @internal
 */
export function expiryOf(write: StoreWrite, operation: string): number {
  if (typeof write !== 'object' || write === null) {
    throw new StateStoreError(`state store ${operation}: the options ({ now, ttlSeconds, ... }) are missing`, {
      operation,
    });
  }
  const expiresAt = write.now + write.ttlSeconds * 1000;
  if (!Number.isFinite(expiresAt)) {
    throw new StateStoreError(`state store ${operation}: now and ttlSeconds must be finite numbers`, {
      operation,
    });
  }
  return expiresAt;
}

/**
 * Tells whether a record is live at `now`: a record whose expiry is at or before `now` counts
 * as absent, so at the exact boundary it is already gone.
 *
 * @param record - The stored record, or `undefined`.
 * @param now - Current time, epoch milliseconds.
 * @returns `true` when the record exists and `expiresAt > now`.
 * @internal
 */
export function isLive(record: StateRecord | undefined, now: number): record is StateRecord {
  return record !== undefined && record.expiresAt > now;
}

/**
 * Tells whether every field of `where` equals the value's field (strict equality of JSON
 * primitives; a missing field equals nothing, not even `null`).
 *
 * @param value - The live record's value.
 * @param where - Required field values.
 * @returns `true` when all of them match.
 * @internal
 */
export function matchesWhere(value: StateValue, where: Readonly<Record<string, JsonPrimitive>>): boolean {
  for (const field of Object.keys(where)) {
    if (!Object.hasOwn(value, field) || value[field] !== where[field]) return false;
  }
  return true;
}

/**
 * Applies `change` to a copy of `value`: each `add` field is added to the old number (0 when
 * missing), then each `set` field replaces the old one; a field in both is set.
 *
 * @param value - The old value (`{}` for a new record); left untouched.
 * @param change - Fields to add to and to set.
 * @returns The new value, a shallow copy sharing untouched nested values with `value`.
 * @throws {@link StateStoreError} when an `add` targets a field that holds a non-number or adds
 * a non-finite number.
 * @internal
 */
export function applyStateChange(value: StateValue, change: StateChange): StateValue {
  const next: StateValue = { ...value };
  for (const [field, amount] of effectiveAdds(change)) {
    const old = Object.hasOwn(next, field) ? next[field] : 0;
    if (typeof old !== 'number' || typeof amount !== 'number' || !Number.isFinite(amount)) {
      throw new StateStoreError('state store update: add needs a finite number and a numeric (or missing) field', {
        operation: 'update',
      });
    }
    setField(next, field, old + amount);
  }
  const { set } = change;
  if (set !== undefined) {
    for (const field of Object.keys(set)) {
      const fieldValue = set[field];
      if (fieldValue !== undefined) setField(next, field, fieldValue);
    }
  }
  return next;
}

/**
 * Sets a field of a JSON object as its own property, even one named `__proto__` (which plain
 * assignment would take for the prototype).
 *
 * @param target - The object to change.
 * @param field - The field's name.
 * @param value - Its new value.
 * @internal
 */
export function setField(target: { [field: string]: JsonValue }, field: string, value: JsonValue): void {
  Object.defineProperty(target, field, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Names the fields an `add` really adds to: those not also in `set` (which wins).
 *
 * @param change - The change.
 * @returns The fields to add to, each with its amount.
 * @internal
 */
export function effectiveAdds(change: StateChange): Array<readonly [string, number]> {
  const { add, set } = change;
  if (add === undefined) return [];
  return Object.entries(add).filter(([field]) => set === undefined || !Object.hasOwn(set, field));
}

/**
 * What `putIfHigher` answers without writing, given the live value stored under the key: `equal`
 * or `lower` when its `order` is already at or above `order`, else `undefined` (write it).
 *
 * @param stored - The live record's value, or `undefined` when there is none.
 * @param order - The order being offered.
 * @internal
 */
export function orderVerdict(
  stored: StateValue | undefined,
  order: number,
): Exclude<PutIfHigherResult, 'stored'> | undefined {
  const current = stored?.['order'];
  if (typeof current !== 'number' || current < order) return undefined;
  return current === order ? 'equal' : 'lower';
}
