/**
 * Why an event fails its schema, without zod: the generated parsers of `fast-parsers.ts` only
 * say yes or no, and on no this walks the same schema, described as data (`SHAPES`, generated
 * from the zod schemas too), and reports every problem as zod would (path, what was expected),
 * in zod's order. It also parses events of a detail-type ecs-slack does not model.
 * `test/events/fast-parsers.test.ts` compares its issues with zod's.
 *
 * @internal
 * @module
 */
import { isRecord } from '../internal/object.js';
import { copyUnknown, type Out } from './fast-parse-runtime.js';

/**
 * A schema as data: `s` string, `n` finite number, `b` boolean, `u` unknown, `r` a record of
 * anything (a plain object), `['l', ...values]` one of literal values, `['a', item]` an array,
 * `['o', loose, fields]` an object whose unknown fields pass through (`loose` 1) or are dropped.
 *
 * @internal
 */
export type Shape =
  | 's'
  | 'n'
  | 'b'
  | 'u'
  | 'r'
  | readonly ['l', ...(string | number | boolean)[]]
  | readonly ['a', Shape]
  | readonly ['o', 0 | 1, readonly Field[]];

/**
 * A field of an object shape: its key, its shape, and 1 when it is optional.
 *
 * @internal
 */
export type Field = readonly [key: string, shape: Shape, optional?: 1];

/**
 * One problem with an event, shaped like the zod issue it stands for.
 *
 * @internal
 */
export interface EventIssue {
  /** `invalid_type` (`expected` says what), `invalid_value` (`values` lists them) or `invalid_key`. */
  readonly code: 'invalid_type' | 'invalid_value' | 'invalid_key';
  /** Where: keys and array indexes from the event's root. */
  readonly path: ReadonlyArray<string | number | symbol>;
  /** The type expected: `string`, `number`, `boolean`, `array`, `object` or `record`. */
  readonly expected?: string;
  /** The values allowed, for `invalid_value`. */
  readonly values?: readonly unknown[];
  /** The problem in words. */
  readonly message: string;
}

const TYPES: Readonly<Record<string, string>> = { s: 'string', n: 'number', b: 'boolean' };

/** Whether zod's records take `value` (its `isPlainObject`). */
function isPlainObject(value: unknown): value is Out {
  if (!isRecord(value)) return false;
  const ctor = value.constructor;
  if (typeof ctor !== 'function') return true;
  const prototype: unknown = ctor.prototype;
  return isRecord(prototype) && Object.hasOwn(prototype, 'isPrototypeOf');
}

/**
 * Reads `value` by `shape` as zod's `safeParse` would: the parsed value, with every problem
 * pushed to `issues` (the value is meaningless when there is one). Strings are not made
 * well-formed here.
 *
 * @internal
 */
export function readShape(shape: Shape, value: unknown, issues: EventIssue[], path: EventIssue['path'] = []): unknown {
  const wrongType = (expected: string): undefined => {
    issues.push({ code: 'invalid_type', path, expected, message: `Invalid input: expected ${expected}` });
    return undefined;
  };
  if (typeof shape === 'string') {
    switch (shape) {
      case 'u':
        return value;
      case 'n':
        return typeof value === 'number' && Number.isFinite(value) ? value : wrongType('number');
      case 'r':
        return isPlainObject(value) ? record(value, issues, path) : wrongType('record');
      default:
        return typeof value === TYPES[shape] ? value : wrongType(TYPES[shape]!);
    }
  }
  if (shape[0] === 'l') {
    const values = shape.slice(1);
    if (values.includes(value as never)) return value;
    issues.push({ code: 'invalid_value', path, values, message: 'Invalid input' });
    return undefined;
  }
  if (shape[0] === 'a') {
    if (!Array.isArray(value)) return wrongType('array');
    const items: unknown[] = [];
    // A loop, not `map`, which skips holes: zod reads a hole as `undefined`.
    for (let index = 0; index < value.length; index++)
      items.push(readShape(shape[1], value[index], issues, [...path, index]));
    return items;
  }
  if (!isRecord(value)) return wrongType('object');
  const out: Out = {};
  let known = 0;
  for (const [key, field, optional] of shape[2]) {
    const item = value[key];
    if (optional === 1 && item === undefined) {
      if (!(key in value)) continue;
      out[key] = undefined;
    } else out[key] = readShape(field, item, issues, [...path, key]);
    known++;
  }
  if (shape[1] === 1) copyUnknown(value, out, known);
  return out;
}

/** A record of unknown values: own enumerable string keys but `__proto__`, as zod copies them. */
function record(value: Out, issues: EventIssue[], path: EventIssue['path']): Out {
  const out: Out = {};
  for (const key of Reflect.ownKeys(value)) {
    if (key === '__proto__' || !Object.prototype.propertyIsEnumerable.call(value, key)) continue;
    if (typeof key === 'symbol') {
      issues.push({ code: 'invalid_key', path: [...path, key], message: 'Invalid key in record' });
      continue;
    }
    out[key] = value[key];
  }
  return out;
}

/**
 * The `cause` of a `ParseError` from validation: every problem found, in order.
 *
 * @internal
 */
export class EventIssues extends Error {
  /** Every problem, the first one being the one the message names. */
  readonly issues: readonly EventIssue[];

  constructor(issues: readonly EventIssue[]) {
    super(`${issues.length} problem${issues.length === 1 ? '' : 's'} with the event`);
    this.name = 'EventIssues';
    this.issues = issues;
  }
}
