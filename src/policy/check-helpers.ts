/**
 * Building blocks of the zod-free checks on top of `check-kit.ts`: those of `zod-helpers.ts`
 * (the same rules and messages), zod's discriminated union, and the error cause with the issues.
 *
 * @internal
 * @module
 */
import { array, type Check, type CheckIssue, type ErrorOption, isObject, issue, string, union } from './check-kit.js';

/**
 * A string of at most `max` characters, not blank, without leading or trailing blanks
 * (`zod-helpers.ts`' `text`).
 *
 * @internal
 */
export const text = (what: string, max: number): Check =>
  string(
    `expected ${what}`,
    {
      test: (value: string) => value.trim() !== '' && value.trim() === value,
      message: `expected ${what}, without leading or trailing blanks`,
    },
    {
      test: (value: { length: number }) => value.length <= max,
      message: `expected ${what} of at most ${max} characters`,
      code: 'too_big',
      always: true,
    },
  );

/**
 * A string matching `pattern` (zod's `regex` check).
 *
 * @internal
 */
export const matching = (pattern: RegExp, message: string): Check =>
  string(undefined, { test: (value: string) => pattern.test(value), message, code: 'invalid_format' });

/** A value as a message quotes it: JSON, cut at 60 characters. */
const quoted = (value: string): string => JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);

/**
 * A name from a vocabulary (`zod-helpers.ts`' `nameOf`).
 *
 * @internal
 */
export function nameOf(what: string, allowed: readonly string[]): Check {
  const known: ReadonlySet<string> = new Set(allowed);
  return string(`expected a ${what} name`, {
    test: (value: string) => known.has(value),
    message: (value) => `unknown ${what} ${quoted(String(value))}`,
  });
}

/**
 * One value or a non-empty list of them (`zod-helpers.ts`' `oneOrMany`).
 *
 * @internal
 */
export const oneOrMany = (item: Check): Check =>
  union(
    [
      item,
      array(item, {
        test: (value: { length: number }) => value.length >= 1,
        message: 'expected at least one value',
        code: 'too_small',
        always: true,
      }),
    ],
    'expected string or string[]',
  );

/**
 * The alternative whose `key` field has its value (zod's `discriminatedUnion`).
 *
 * @internal
 */
export function discriminated(key: string, options: Readonly<Record<string, Check>>, error?: ErrorOption): Check {
  return (value) => {
    if (!isObject(value)) return { value, issues: [issue({ code: 'invalid_type', expected: 'object' }, value, error)] };
    const tag = value[key];
    if (typeof tag === 'string' && Object.hasOwn(options, tag)) return options[tag]!(value);
    return { value, issues: [issue({ code: 'invalid_union', errors: [], path: [key] }, value, error)] };
  };
}

/**
 * The `cause` of a `ConfigError` from a check: every issue, in order.
 *
 * @internal
 */
export class CheckIssues extends Error {
  /** Every issue; the message names the first. */
  readonly issues: readonly CheckIssue[];

  constructor(issues: readonly CheckIssue[]) {
    super(`${issues.length} problem${issues.length === 1 ? '' : 's'}`);
    this.name = 'CheckIssues';
    this.issues = issues;
  }
}
