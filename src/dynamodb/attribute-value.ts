/**
 * JSON values to DynamoDB attribute values and back: objects become maps (`M`), arrays lists
 * (`L`), strings `S`, numbers `N`, booleans `BOOL` and `null` `NULL`, so that update and
 * condition expressions can reach the fields of a stored value.
 *
 * @module
 * @internal
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { StateStoreError } from '../errors.js';
import type { JsonValue, StateValue } from '../filter/store.js';

/**
 * Converts a JSON value to a DynamoDB attribute value.
 *
 * `undefined` object fields are dropped and `undefined` array items become `null`, as
 * `JSON.stringify` does.
 *
 * @param value - Any JSON value.
 * @returns The attribute value.
 * @throws {@link StateStoreError} for `NaN` and infinities, which DynamoDB cannot store.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html
 * @internal
 */
export function toAttributeValue(value: JsonValue): AttributeValue {
  switch (typeof value) {
    case 'string':
      return { S: value };
    case 'number':
      if (!Number.isFinite(value)) {
        throw new StateStoreError('DynamoDB state store: a value holds NaN or Infinity, which DynamoDB cannot store', {
          operation: 'marshal',
        });
      }
      return { N: String(value) };
    case 'boolean':
      return { BOOL: value };
    default:
      if (value === null) return { NULL: true };
      if (Array.isArray(value)) return { L: value.map((item) => toAttributeValue(item ?? null)) };
      return { M: toAttributeMap(value) };
  }
}

/**
 * Converts a JSON object to a map of attribute values.
 *
 * @param value - A JSON object.
 * @returns One attribute value per defined field, names encoded by {@link encodeKey}.
 * @internal
 */
export function toAttributeMap(value: { readonly [key: string]: JsonValue }): Record<string, AttributeValue> {
  const map: Record<string, AttributeValue> = {};
  for (const key of Object.keys(value)) {
    const field = value[key];
    if (field !== undefined) map[encodeKey(key)] = toAttributeValue(field);
  }
  return map;
}

/** Marks an encoded map key: `''` is stored as the mark alone, a key starting with it gets another. */
const KEY_MARK = '\u2400';

/**
 * The map key DynamoDB stores for a JSON field name. DynamoDB refuses empty map keys, but events
 * may hold them (the parser keeps unknown fields, `{"": "x"}` included), and a fold window stores
 * its latest event: refusing it would fail that event on every retry. So `''` is stored as `␀`,
 * and a name that starts with `␀` gets one more in front; {@link decodeKey} undoes both.
 *
 * @param key - A JSON field name.
 * @returns The name to store.
 * @internal
 */
export function encodeKey(key: string): string {
  return key === '' || key.startsWith(KEY_MARK) ? `${KEY_MARK}${key}` : key;
}

/** The JSON field name of a stored map key: the inverse of {@link encodeKey}. */
function decodeKey(key: string): string {
  return key.startsWith(KEY_MARK) ? key.slice(KEY_MARK.length) : key;
}

/**
 * The error for an empty attribute name in an expression, which DynamoDB cannot address (field
 * names of stored values never reach it empty: {@link encodeKey} stores `''` as `␀`).
 *
 * @returns The error to throw.
 * @internal
 */
export function emptyName(): StateStoreError {
  return new StateStoreError('DynamoDB state store: field names must not be empty', { operation: 'marshal' });
}

/**
 * Converts a DynamoDB attribute value back to JSON. Sets (written by other tools) become
 * arrays; binary values become `null`.
 *
 * @param attribute - The attribute value.
 * @returns The JSON value.
 * @internal
 */
export function fromAttributeValue(attribute: AttributeValue): JsonValue {
  if (attribute.S !== undefined) return attribute.S;
  if (attribute.N !== undefined) return Number(attribute.N);
  if (attribute.BOOL !== undefined) return attribute.BOOL;
  if (attribute.M !== undefined) return fromAttributeMap(attribute.M);
  if (attribute.L !== undefined) return attribute.L.map(fromAttributeValue);
  if (attribute.SS !== undefined) return [...attribute.SS];
  if (attribute.NS !== undefined) return attribute.NS.map(Number);
  return null;
}

/**
 * Converts a map of attribute values back to a JSON object.
 *
 * @param map - The attribute map.
 * @returns The JSON object.
 * @internal
 */
export function fromAttributeMap(map: Record<string, AttributeValue>): StateValue {
  const value: StateValue = {};
  for (const key of Object.keys(map)) {
    const attribute = map[key];
    if (attribute !== undefined) value[decodeKey(key)] = fromAttributeValue(attribute);
  }
  return value;
}
