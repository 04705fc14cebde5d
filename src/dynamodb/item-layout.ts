/**
 * The layout of one state record in the DynamoDB table, and the expression placeholders that
 * name its attributes.
 *
 * ```
 * pk         S  StateKey.scope                    (partition key, name configurable)
 * sk         S  StateKey.id                       (sort key, name configurable)
 * value      M  the record's JSON value, as a map
 * version    N  1 on create, +1 on every write
 * expiresAt  N  expiry, epoch milliseconds        (what every read and condition compares)
 * ttl        N  expiry, epoch seconds rounded up  (DynamoDB TTL deletes the item later; name configurable)
 * ```
 *
 * @module
 * @internal
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { StateKey, StateRecord } from '../state/store.js';
import { fromAttributeMap } from './attribute-value.js';

/**
 * The attribute names of the table's items.
 *
 * @internal
 */
export interface ItemNames {
  /** Partition key attribute (holds the scope). */
  readonly partitionKey: string;
  /** Sort key attribute (holds the id). */
  readonly sortKey: string;
  /** Numeric TTL attribute in epoch seconds. */
  readonly ttl: string;
}

/**
 * The primary key of a record.
 *
 * @param names - The table's attribute names.
 * @param key - The record's key.
 * @returns The `Key` of a GetItem, UpdateItem or DeleteItem request.
 * @internal
 */
export function itemKey(names: ItemNames, key: StateKey): Record<string, AttributeValue> {
  return { [names.partitionKey]: { S: key.scope }, [names.sortKey]: { S: key.id } };
}

/**
 * The DynamoDB TTL attribute's value for an expiry: epoch seconds, rounded up so that DynamoDB
 * never deletes a record before it expires.
 *
 * @param expiresAt - Expiry, epoch milliseconds.
 * @returns Epoch seconds.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/time-to-live-ttl-before-you-start.html
 * @internal
 */
export function ttlSeconds(expiresAt: number): number {
  return Math.ceil(expiresAt / 1000);
}

/**
 * A whole item, for PutItem.
 *
 * @param names - The table's attribute names.
 * @param key - The record's key.
 * @param value - The value, already converted to an attribute map.
 * @param version - The record's version.
 * @param expiresAt - Expiry, epoch milliseconds.
 * @returns The item.
 * @internal
 */
export function toItem(
  names: ItemNames,
  key: StateKey,
  value: Record<string, AttributeValue>,
  version: number,
  expiresAt: number,
): Record<string, AttributeValue> {
  return {
    ...itemKey(names, key),
    value: { M: value },
    version: { N: String(version) },
    expiresAt: { N: String(expiresAt) },
    [names.ttl]: { N: String(ttlSeconds(expiresAt)) },
  };
}

/**
 * Reads the record out of an item, whether live or expired.
 *
 * @param item - The item DynamoDB returned, or `undefined`.
 * @returns The record, or `undefined` when there is no item or it lacks the record's attributes.
 * @internal
 */
export function fromItem(item: Record<string, AttributeValue> | undefined): StateRecord | undefined {
  const version = item?.['version']?.N;
  const expiresAt = item?.['expiresAt']?.N;
  if (version === undefined || expiresAt === undefined) return undefined;
  return { value: fromAttributeMap(item?.['value']?.M ?? {}), version: Number(version), expiresAt: Number(expiresAt) };
}

/** Attributes whose names are fixed. */
const FIXED_NAMES: readonly string[] = ['value', 'version', 'expiresAt'];

/**
 * Checks the configurable attribute names: non-empty, distinct, and none of the fixed ones.
 *
 * @param names - The names chosen.
 * @returns The same names.
 * @throws `RangeError` when two attributes would share a name.
 * @internal
 */
export function checkItemNames(names: ItemNames): ItemNames {
  const all = [names.partitionKey, names.sortKey, names.ttl, ...FIXED_NAMES];
  if (all.some((name) => name === '') || new Set(all).size !== all.length) {
    throw new RangeError(
      `DynamoDbStateStore: partitionKey, sortKey and ttlAttribute must be distinct, non-empty, and none of ${FIXED_NAMES.join(', ')}`,
    );
  }
  return names;
}
