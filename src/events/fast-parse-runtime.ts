/**
 * What the generated parsers of `fast-parsers.ts` share: the failure marker and the copy of a
 * loose object's unknown fields.
 *
 * @internal
 * @module
 */
import { isRecord } from '../internal/object.js';

/**
 * Returned by a generated parser where the schema would fail.
 *
 * @internal
 */
export const INVALID: unique symbol = Symbol('invalid');

/**
 * What a generated parser returns where the schema would fail.
 *
 * @internal
 */
export type Invalid = typeof INVALID;

/**
 * A parsed object under construction.
 *
 * @internal
 */
export type Out = Record<string, unknown>;

/**
 * Whether a value is an object zod's object schemas accept (not null, not an array).
 *
 * @internal
 */
export const isObject: (value: unknown) => value is Out = isRecord;

/**
 * Copies a loose object's unknown fields after its known ones, as zod does (`__proto__` is
 * never copied). `known` is how many known fields the object has: a plain object with no more
 * keys than that has no unknown field, and counting keys costs a tenth of looking each one up.
 *
 * @internal
 */
export function copyUnknown(input: Out, out: Out, known: number): void {
  if (Object.getPrototypeOf(input) === Object.prototype) {
    let keys = 0;
    for (const _ in input) keys++;
    if (keys === known) return;
  }
  for (const key in input) if (key !== '__proto__' && !Object.hasOwn(out, key)) out[key] = input[key];
}
