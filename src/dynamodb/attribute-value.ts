/**
 * JSON values to DynamoDB attribute values and back, with `marshall` and `unmarshall` from
 * `@aws-sdk/util-dynamodb`: objects become maps (`M`), arrays lists (`L`), strings `S`, numbers
 * `N`, booleans `BOOL` and `null` `NULL`, so that update and condition expressions can reach the
 * fields of a stored value. What DynamoDB cannot hold is encoded on the way in and decoded on the
 * way out: empty field names (and `__proto__`, which plain objects cannot hold as a key) by
 * {@link encodeKey}, numbers outside DynamoDB's range as a marked map (see {@link isStorableNumber}).
 *
 * @module
 * @internal
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { convertToAttr, marshall, unmarshall, type marshallOptions } from '@aws-sdk/util-dynamodb';
import { StateStoreError } from '../errors.js';
import { setField } from '../state/semantics.js';
import type { JsonValue, StateValue } from '../state/store.js';

/** Marks an encoded map key: `''` is stored as the mark alone, a key starting with it gets another. */
const KEY_MARK = '\u2400';
/** The one key of the map an out-of-range number is stored as; {@link encodeKey} never yields it. */
const NUMBER_MARK = `${KEY_MARK}n`;
/** DynamoDB stores magnitudes up to 9.99…9E+125 (38 digits); this is the largest double below 1E+126. */
const MAX_MAGNITUDE = 9.999999999999998e125;
/** Smallest non-zero magnitude DynamoDB stores (the double nearest 1E-130 prints as exactly that). */
const MIN_MAGNITUDE = 1e-130;
/** JSON numbers are doubles: marshal them as they are, beyond 2^53 too. */
const MARSHALL: marshallOptions = { removeUndefinedValues: true, allowImpreciseNumbers: true };

/**
 * Tells whether DynamoDB can store a number as a number: zero, or a magnitude from 1E-130 up to
 * 9.99…9E+125. Others (`1e200`, `1e-200`) are stored as a marked map and read back exactly.
 *
 * @param value - A finite number.
 * @returns `true` when it fits DynamoDB's `N` type.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html#HowItWorks.DataTypes.Number
 * @internal
 */
export function isStorableNumber(value: number): boolean {
  const magnitude = Math.abs(value);
  return value === 0 || (magnitude >= MIN_MAGNITUDE && magnitude <= MAX_MAGNITUDE);
}

/**
 * The nearest number DynamoDB can store: magnitudes beyond its range become its largest, those
 * below it zero. What `putIfHigher` compares, so that an absurd order still compares.
 *
 * @param value - A finite number.
 * @returns `value` itself when storable, else the nearest storable number.
 * @internal
 */
export function nearestStorable(value: number): number {
  if (isStorableNumber(value)) return value;
  return Math.abs(value) < MIN_MAGNITUDE ? 0 : Math.sign(value) * MAX_MAGNITUDE;
}

/**
 * Converts a JSON value to a DynamoDB attribute value.
 *
 * `undefined` object fields are dropped and `undefined` array items become `null`, as
 * `JSON.stringify` does.
 *
 * @param value - Any JSON value.
 * @returns The attribute value.
 * @throws {@link StateStoreError} for `NaN` and infinities, which no store can keep.
 * @internal
 */
export function toAttributeValue(value: JsonValue): AttributeValue {
  return convertToAttr(storable(value), MARSHALL) as AttributeValue;
}

/**
 * Converts a JSON object to a map of attribute values.
 *
 * @param value - A JSON object.
 * @returns One attribute value per defined field, names encoded by {@link encodeKey}.
 * @throws {@link StateStoreError} for `NaN` and infinities.
 * @internal
 */
export function toAttributeMap(value: { readonly [key: string]: JsonValue }): Record<string, AttributeValue> {
  return marshall(storable(value), MARSHALL) as Record<string, AttributeValue>;
}

/**
 * Converts a map of attribute values back to a JSON object. Sets (written by other tools) become
 * arrays; binary values become `null`.
 *
 * @param map - The attribute map.
 * @returns The JSON object.
 * @internal
 */
export function fromAttributeMap(map: Record<string, AttributeValue>): StateValue {
  return fromStorable(unmarshall(map, { wrapNumbers: true })) as StateValue;
}

/**
 * The map key DynamoDB stores for a JSON field name. DynamoDB refuses empty map keys, but events
 * may hold them (the parser keeps unknown fields, `{"": "x"}` included), and a fold window stores
 * its latest event: refusing it would fail that event on every retry. So `''` is stored as `␀`,
 * and a name that starts with `␀` or is `__proto__` gets one more in front; `decodeKey` undoes it.
 *
 * @param key - A JSON field name.
 * @returns The name to store.
 * @internal
 */
export function encodeKey(key: string): string {
  return key === '' || key === '__proto__' || key.startsWith(KEY_MARK) ? `${KEY_MARK}${key}` : key;
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

/** A JSON value as `marshall` should see it: keys encoded, out-of-range numbers marked. */
function storable(value: JsonValue): unknown {
  switch (typeof value) {
    case 'number':
      if (!Number.isFinite(value)) {
        throw new StateStoreError('DynamoDB state store: a value holds NaN or Infinity, which DynamoDB cannot store', {
          operation: 'marshal',
        });
      }
      return isStorableNumber(value) ? value : { [NUMBER_MARK]: String(value) };
    case 'object':
      if (value === null) return null;
      if (Array.isArray(value)) return value.map((item) => storable(item ?? null));
      {
        const map: Record<string, unknown> = {};
        for (const key of Object.keys(value)) {
          const field = value[key];
          if (field !== undefined) map[encodeKey(key)] = storable(field);
        }
        return map;
      }
    default:
      return value;
  }
}

/** The JSON value of what `unmarshall` returned: the inverse of {@link storable}. */
function fromStorable(value: unknown): JsonValue {
  if (value === null || typeof value !== 'object') return value as JsonValue;
  if (Array.isArray(value)) return value.map(fromStorable);
  if (value instanceof Set) return [...value].map(fromStorable);
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return null;
  if (Object.getPrototypeOf(value) !== Object.prototype) return Number(String(value)); // a wrapped number
  const keys = Object.keys(value);
  const fields = value as Record<string, unknown>;
  const marked = fields[NUMBER_MARK];
  if (keys.length === 1 && typeof marked === 'string') return Number(marked);
  const json: StateValue = {};
  for (const key of keys) setField(json, decodeKey(key), fromStorable(fields[key]));
  return json;
}
