/**
 * Typed reading of stored records: a {@link StateValue} is untyped JSON, and these read one field
 * as the type the caller expects, or its absence, never a wrong type. Record codecs built from
 * them turn a stored value into a typed record and back.
 *
 * @module
 */
import type { StateValue } from './store.js';

/**
 * How one kind of record is stored: `encode` writes the typed record as a JSON object, `decode`
 * reads it back, filling what a stored value lacks with the record's defaults.
 *
 * @internal
 */
export interface RecordCodec<T> {
  /** The stored JSON object of a record. */
  encode(record: T): StateValue;
  /** The record a stored JSON object holds. */
  decode(value: StateValue): T;
}

/**
 * A number field of a stored value, `0` when absent or not a number.
 *
 * @internal
 */
export function numberField(value: StateValue, field: string): number {
  const n = value[field];
  return typeof n === 'number' ? n : 0;
}

/**
 * A string field of a stored value, `undefined` when absent or not a string.
 *
 * @internal
 */
export function stringField(value: StateValue, field: string): string | undefined {
  const s = value[field];
  return typeof s === 'string' ? s : undefined;
}

/**
 * A boolean field of a stored value, `false` unless it holds `true`.
 *
 * @internal
 */
export function booleanField(value: StateValue, field: string): boolean {
  return value[field] === true;
}
