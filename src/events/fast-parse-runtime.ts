/**
 * What the generated parsers of `fast-parsers.ts` share: the failure marker, well-formed
 * strings and the copy of a loose object's unknown fields.
 *
 * @internal
 * @module
 */
import { isRecord } from '../internal/object.js';
import { wellFormed, wellFormedDeep } from '../internal/well-formed.js';

export { wellFormed } from '../internal/well-formed.js';

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
 * never copied), with every string in them, keys included, made well-formed. `known` is how
 * many known fields the object has: a plain object with no more keys than that has no unknown
 * field, and counting keys costs a tenth of looking each one up.
 *
 * @internal
 */
export function copyUnknown(input: Out, out: Out, known: number): void {
  if (Object.getPrototypeOf(input) === Object.prototype) {
    let keys = 0;
    for (const _ in input) keys++;
    if (keys === known) return;
  }
  for (const key in input) {
    if (key === '__proto__' || Object.hasOwn(out, key)) continue;
    const name = wellFormed(key);
    if (name === key || !Object.hasOwn(out, name)) out[name] = wellFormedDeep(input[key]);
  }
}
