/**
 * A small validator that behaves as zod/mini does for the constructs the policy and silence
 * schemas use (strict and loose objects, records, arrays, unions, literals, strings with
 * checks, numbers, booleans), issues included: the same codes, paths, messages and order, and
 * the same rules for when a check runs after an earlier failure. The Lambda checks policies and
 * silences with it and never loads zod; the zod schemas stay the source of truth for the JSON
 * Schema and the CLI, and `test/policy/fast-check.test.ts` compares the two.
 *
 * @internal
 * @module
 */

/**
 * One problem, shaped like the zod issue it stands for (`firstIssue` words it).
 *
 * @internal
 */
export interface CheckIssue {
  /** zod's issue code: `invalid_type`, `invalid_value`, `invalid_union`, `custom`, ... */
  readonly code: string;
  /** Where, from the value the issue belongs to. */
  readonly path: readonly PropertyKey[];
  /** The schema's own message, or `Invalid input` when it has none. */
  readonly message: string;
  /** The type expected (`invalid_type`). */
  readonly expected?: string;
  /** The values allowed (`invalid_value`). */
  readonly values?: readonly unknown[];
  /** The unknown keys (`unrecognized_keys`). */
  readonly keys?: readonly string[];
  /** Each alternative's issues (`invalid_union`). */
  readonly errors?: readonly (readonly CheckIssue[])[];
  /** The key's own issues (`invalid_key`). */
  readonly issues?: readonly CheckIssue[];
  /** `true` when later checks still run (zod's `continue`). */
  readonly continue?: boolean;
}

/**
 * What a check returns: the value as zod would return it, and the issues (none when valid).
 *
 * @internal
 */
export interface Checked {
  /** The parsed value (meaningful only without issues). */
  readonly value: unknown;
  /** The issues, paths relative to the value checked. */
  readonly issues: CheckIssue[];
}

/**
 * A schema: checks a value.
 *
 * @internal
 */
export type Check = (value: unknown) => Checked;

/**
 * An error option: a message, or a function of the issue giving one (or `undefined`).
 *
 * @internal
 */
export type ErrorOption = string | ((issue: { code: string; input: unknown; keys?: string[] }) => string | undefined);

/**
 * A check of a value that passed its type: a message when it fails; `always` runs it even after
 * a type failure (zod's length checks run on anything with a `length`).
 *
 * @internal
 */
export interface Refinement {
  /** The message when `test` fails. */
  readonly message: string | ((value: unknown) => string);
  /** Whether the value passes. */
  readonly test: (value: never) => boolean;
  /** zod's issue code for it. */
  readonly code?: string;
  /** Whether it runs when the value has a length, whatever its type. */
  readonly always?: boolean;
}

const GENERIC = 'Invalid input';

/**
 * An issue raised by a schema, its message from the schema's error option.
 *
 * @internal
 */
export function issue(
  fields: Omit<CheckIssue, 'message' | 'path'> & { path?: PropertyKey[] },
  input: unknown,
  error?: ErrorOption,
): CheckIssue {
  const own = typeof error === 'function' ? error({ code: fields.code, input, keys: fields.keys as string[] }) : error;
  return { path: [], ...fields, message: own ?? GENERIC };
}

/** zod's `aborted`: an issue that stops later checks. */
const aborted = (issues: readonly CheckIssue[], from = 0): boolean => {
  for (let i = from; i < issues.length; i++) if (issues[i]!.continue !== true) return true;
  return false;
};

const prefixed = (key: PropertyKey, issues: readonly CheckIssue[]): CheckIssue[] =>
  issues.map((i) => ({ ...i, path: [key, ...i.path] }));

/** Runs refinements after a type test, as zod's `runChecks` does. */
function refined(base: Check, refinements: readonly Refinement[]): Check {
  if (refinements.length === 0) return base;
  return (value) => {
    const result = base(value);
    const issues = result.issues;
    const stop = aborted(issues);
    for (const r of refinements) {
      if (
        r.always ? value === undefined || value === null || (value as { length?: unknown }).length === undefined : stop
      )
        continue;
      if ((r.test as (v: unknown) => boolean)(result.value)) continue;
      const message = typeof r.message === 'function' ? r.message(result.value) : r.message;
      issues.push({ code: r.code ?? 'custom', path: [], message, continue: true });
    }
    return { value: result.value, issues };
  };
}

/** A value of one JavaScript type (`string`, `boolean`) or a finite number. */
function typed(expected: 'string' | 'number' | 'boolean', error?: ErrorOption): Check {
  return (value) => {
    const ok = expected === 'number' ? typeof value === 'number' && Number.isFinite(value) : typeof value === expected;
    return ok ? { value, issues: [] } : { value, issues: [issue({ code: 'invalid_type', expected }, value, error)] };
  };
}

/**
 * A string, then its refinements.
 *
 * @internal
 */
export const string = (error?: ErrorOption, ...refinements: Refinement[]): Check =>
  refined(typed('string', error), refinements);

/**
 * A finite number, then its refinements.
 *
 * @internal
 */
export const number = (...refinements: Refinement[]): Check => refined(typed('number'), refinements);

/**
 * A boolean.
 *
 * @internal
 */
export const boolean: Check = typed('boolean');

/**
 * One of these values (zod's `literal` and `enum`).
 *
 * @internal
 */
export const literal =
  (...values: readonly unknown[]): Check =>
  (value) =>
    values.includes(value)
      ? { value, issues: [] }
      : { value, issues: [issue({ code: 'invalid_value', values }, value)] };

/**
 * zod's `isObject`: an object, not an array.
 *
 * @internal
 */
export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An object: the fields of `shape` in order (`optional` names those that may be absent), then
 * its unknown keys, refused (`strict`) or kept (`loose`); then its refinements.
 *
 * @internal
 */
export function object(
  shape: Readonly<Record<string, Check>>,
  options: {
    readonly optional?: readonly string[];
    readonly unknown?: 'strict' | 'loose';
    readonly error?: ErrorOption;
    readonly refine?: readonly Refinement[];
    /** Checks across fields, run on the parsed object unless an issue aborted (zod's `superRefine`). */
    readonly across?: (value: never) => CheckIssue[];
  } = {},
): Check {
  const keys = Object.keys(shape);
  const optional = new Set(options.optional ?? []);
  const base: Check = (value) => {
    if (!isObject(value))
      return { value, issues: [issue({ code: 'invalid_type', expected: 'object' }, value, options.error)] };
    const out: Record<string, unknown> = {};
    const issues: CheckIssue[] = [];
    for (const key of keys) {
      const present = key in value;
      if (optional.has(key) && (!present || value[key] === undefined)) {
        if (present) out[key] = undefined;
        continue;
      }
      const result = shape[key]!(value[key]);
      if (result.issues.length > 0) issues.push(...prefixed(key, result.issues));
      if (result.value !== undefined || present) out[key] = result.value;
    }
    const unknown: string[] = [];
    for (const key in value) {
      if (Object.hasOwn(shape, key)) continue;
      if (options.unknown === 'loose') {
        if (key !== '__proto__') out[key] = value[key];
      } else unknown.push(key);
    }
    if (unknown.length > 0)
      issues.push(issue({ code: 'unrecognized_keys', keys: unknown, continue: true }, value, options.error));
    return { value: out, issues };
  };
  const checked = refined(base, options.refine ?? []);
  const across = options.across as ((value: unknown) => CheckIssue[]) | undefined;
  if (across === undefined) return checked;
  return (value) => {
    const result = checked(value);
    if (!aborted(result.issues)) result.issues.push(...across(result.value));
    return result;
  };
}

/**
 * A record: every own enumerable key (checked by `key`, when given) with a value `item` accepts.
 *
 * @internal
 */
export function record(item: Check, key?: Check, refinements: readonly Refinement[] = []): Check {
  const base: Check = (value) => {
    if (!isPlainObject(value)) return { value, issues: [issue({ code: 'invalid_type', expected: 'record' }, value)] };
    const out: Record<string, unknown> = {};
    const issues: CheckIssue[] = [];
    for (const name of Reflect.ownKeys(value)) {
      if (name === '__proto__' || !Object.prototype.propertyIsEnumerable.call(value, name)) continue;
      const keyIssues =
        typeof name === 'symbol'
          ? [issue({ code: 'invalid_type', expected: 'string' }, name)]
          : (key?.(name).issues ?? []);
      if (keyIssues.length > 0) {
        issues.push(issue({ code: 'invalid_key', path: [name], issues: keyIssues }, name));
        continue;
      }
      const result = item(value[name as string]);
      if (result.issues.length > 0) issues.push(...prefixed(name, result.issues));
      out[name as string] = result.value;
    }
    return { value: out, issues };
  };
  return refined(base, refinements);
}

/** zod's `isPlainObject`, which its records require. */
function isPlainObject(value: unknown): value is Record<PropertyKey, unknown> {
  if (!isObject(value)) return false;
  const ctor = value.constructor;
  if (typeof ctor !== 'function') return true;
  const prototype: unknown = ctor.prototype;
  return isObject(prototype) && Object.hasOwn(prototype, 'isPrototypeOf');
}

/**
 * An array of items `item` accepts, then its refinements.
 *
 * @internal
 */
export function array(item: Check, ...refinements: Refinement[]): Check {
  const base: Check = (value) => {
    if (!Array.isArray(value)) return { value, issues: [issue({ code: 'invalid_type', expected: 'array' }, value)] };
    const out: unknown[] = [];
    const issues: CheckIssue[] = [];
    for (let i = 0; i < value.length; i++) {
      const result = item(value[i]);
      if (result.issues.length > 0) issues.push(...prefixed(i, result.issues));
      out[i] = result.value;
    }
    return { value: out, issues };
  };
  return refined(base, refinements);
}

/**
 * The first alternative that accepts the value; else the only one whose failure does not abort;
 * else one `invalid_union` issue with every alternative's (zod's `union`).
 *
 * @internal
 */
export function union(options: readonly Check[], error?: ErrorOption): Check {
  return (value) => {
    const results: Checked[] = [];
    for (const option of options) {
      const result = option(value);
      if (result.issues.length === 0) return result;
      results.push(result);
    }
    const going = results.filter((result) => !aborted(result.issues));
    if (going.length === 1) return going[0]!;
    const errors = results.map((result) => result.issues);
    return { value, issues: [issue({ code: 'invalid_union', errors }, value, error)] };
  };
}

/**
 * A check's verdict as `safeParse` gives it: the value, or the issues.
 *
 * @internal
 */
export type Verdict<T> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly issues: CheckIssue[] };

/**
 * Runs `check` on `value` for a {@link Verdict}.
 *
 * @internal
 */
export function verdict<T>(check: Check, value: unknown): Verdict<T> {
  const result = check(value);
  return result.issues.length === 0
    ? { success: true, data: result.value as T }
    : { success: false, issues: result.issues };
}
