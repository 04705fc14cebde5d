/**
 * Parse issues in words: issue paths as messages write them (`detail.containers[0].name`),
 * the value found there, and one line per issue.
 *
 * @internal
 * @module
 */
import type { EventIssue } from '../events/explain.js';

/**
 * A zod issue path as error messages write it: `detail.containers[0].name`.
 *
 * @internal
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/**
 * The value at a zod issue path, `undefined` where the path leads nowhere.
 *
 * @internal
 */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * A value as messages name it: its JSON type.
 *
 * @internal
 */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * A string value quoted and cut at 60 characters, any other value named by its type.
 *
 * @internal
 */
export function quote(value: unknown): string {
  if (typeof value !== 'string') return describe(value);
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
}

/**
 * One issue in words: what was expected and what was found.
 *
 * @internal
 */
export function describeIssue(issue: EventIssue, input: unknown): string {
  if (issue.code === 'invalid_type') {
    const received = valueAt(input, issue.path);
    return received === undefined
      ? `expected ${issue.expected}, but it is missing`
      : `expected ${issue.expected}, received ${describe(received)}`;
  }
  if (issue.code === 'invalid_value') {
    return `expected ${(issue.values ?? []).map((value) => JSON.stringify(value)).join(' or ')}`;
  }
  return issue.message;
}
