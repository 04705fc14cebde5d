/**
 * An estimate of the heap a JSON value takes in V8, so that the memory store can be bounded by
 * bytes rather than by a count of records of any size.
 *
 * @internal
 * @module
 */
import type { JsonValue } from './store.js';

/** Header of a heap object (map, properties, elements pointers). */
const OBJECT_BYTES = 24;
/** One property or element slot, with its share of the hidden class. */
const SLOT_BYTES = 16;
/** Header of a string. */
const STRING_BYTES = 16;
/** A boxed number. */
const NUMBER_BYTES = 16;

/**
 * About how many bytes of heap `value` takes: strings by length (one byte per character when
 * all are Latin-1, two otherwise), objects and arrays by slot.
 *
 * @param value - A JSON value.
 * @returns Estimated bytes.
 * @internal
 */
export function jsonBytes(value: JsonValue): number {
  if (typeof value === 'string') return stringBytes(value);
  if (typeof value === 'number') return NUMBER_BYTES;
  if (typeof value !== 'object' || value === null) return 0;
  let bytes = OBJECT_BYTES;
  if (Array.isArray(value)) {
    for (const item of value) bytes += SLOT_BYTES + jsonBytes(item ?? null);
  } else {
    for (const key of Object.keys(value)) bytes += SLOT_BYTES + stringBytes(key) + jsonBytes(value[key] ?? null);
  }
  return bytes;
}

/** The bytes of a string. */
export function stringBytes(text: string): number {
  return STRING_BYTES + (/[^\u0000-\u00ff]/.test(text) ? 2 : 1) * text.length;
}
