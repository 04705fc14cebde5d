/**
 * One line out of a check's issues (shaped like zod's): the path of the first problem and what was expected there,
 * `routes[2].match.service: expected string or string[]`.
 *
 * @internal
 * @module
 */
import type { CheckIssue } from './check-kit.js';
import { formatPath, valueAt } from '../parse/issues.js';

/** zod's message when no schema gave one: the line is then worded from the issue's code. */
const GENERIC = 'Invalid input';

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : typeof value;
}

/**
 * The most specific issue under a union: when exactly one alternative got past the type test
 * (the others failed on the value's type at their root), its first issue, with the path made
 * whole; otherwise the union's own.
 */
function specific(issue: CheckIssue): CheckIssue {
  if (issue.code !== 'invalid_union' || issue.errors === undefined || issue.errors.length === 0) return issue;
  const typed = issue.errors.filter(
    (branch) => !(branch.length === 1 && branch[0]!.code === 'invalid_type' && branch[0]!.path.length === 0),
  );
  const [only] = typed;
  if (typed.length !== 1 || only === undefined || only[0] === undefined) return issue;
  const inner = only[0];
  return specific({ ...inner, path: [...issue.path, ...inner.path] });
}

function wording(issue: CheckIssue, value: unknown): string {
  const own = issue.message !== GENERIC ? issue.message : undefined;
  switch (issue.code) {
    case 'unrecognized_keys':
      return own ?? `unknown field ${(issue.keys ?? []).map((key) => JSON.stringify(key)).join(', ')}`;
    case 'invalid_type':
      if (value === undefined) return `${own ?? `expected ${issue.expected}`}, but it is missing`;
      return own ?? `expected ${issue.expected}, not ${describe(value)}`;
    case 'invalid_key':
      return own ?? issue.issues?.[0]?.message ?? 'not a valid name';
    case 'invalid_value':
      return own ?? `expected ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(' or ')}`;
    default:
      if (value === undefined && issue.code === 'invalid_union') return `${issue.message}, but it is missing`;
      return issue.message;
  }
}

/**
 * The first issue as one line, `PATH: PROBLEM`, plus `(and N more)` when there are others.
 *
 * @param issues - The issues, in order.
 * @param input - The value that was validated, to tell a missing field from a wrong one.
 * @returns The line, and the path of the first issue (`''` for the whole value).
 * @internal
 */
export function firstIssue(
  issues: readonly CheckIssue[],
  input: unknown,
): { readonly line: string; readonly path: string } {
  const first = specific(issues[0]!);
  const path = formatPath(first.path);
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return { line: `${path === '' ? 'policy' : path}: ${wording(first, valueAt(input, first.path))}${more}`, path };
}
