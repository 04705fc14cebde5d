/**
 * An EventBridge event-pattern matcher for tests: does this pattern (for example one the CLI's
 * `patterns` command or the docs recommend) select this event, the way an EventBridge rule
 * would? Not shipped.
 *
 * Semantics, from the Amazon EventBridge User Guide ("Creating event patterns", "Content
 * filtering in Amazon EventBridge event patterns") and aws/event-ruler:
 * - every field named in the pattern must match (AND); fields the pattern does not name are
 *   ignored; nested objects match nested objects;
 * - a field's array lists alternatives (OR): exact strings, numbers, `true`, `false`, `null`
 *   (`""` and `null` are different), and match expressions; `"$or": [{...}, {...}]` ORs whole
 *   sub-patterns;
 * - when the event value is an array, the field matches if any element does; objects inside
 *   arrays are matched element by element, and two fields of one pattern object must be found
 *   in the same element ("array-consistent" matching);
 * - match expressions only look at leaf values (strings, numbers, booleans, null): a field whose
 *   value is an object is absent for them, so `exists: false` matches it;
 * - `anything-but` needs the field to be present, and several filters in one array are ORed,
 *   so `[{"anything-but": "A"}, {"anything-but": "B"}]` matches every present value.
 *
 * Known differences: numbers are compared as JavaScript numbers once parsed (EventBridge
 * compares exact-match numbers by their text, so `300` and `3.0e2` may differ there); `cidr`
 * supports IPv4 only; `exists: false` under an array of objects is judged per element.
 */
import { compareNumeric, compileWildcard, fold, inCidr, isObject, parseCidr } from './event-pattern-syntax.js';
import { validatePattern } from './event-pattern-validate.js';

export { validatePattern } from './event-pattern-validate.js';

/** A leaf value of an event: what match expressions compare. */
type Leaf = string | number | boolean | null;

/** The leaf values at one field: scalars, and the scalars of (nested) arrays; objects are not leaves. */
function leaves(value: unknown): Leaf[] {
  if (Array.isArray(value)) return value.flatMap(leaves);
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return [value];
  }
  return [];
}

function textMatch(spec: unknown, value: Leaf, test: (value: string, wanted: string) => boolean): boolean {
  if (typeof value !== 'string') return false;
  if (typeof spec === 'string') return test(value, spec);
  const ignoreCase = (spec as Record<string, unknown>)['equals-ignore-case'] as string;
  return test(fold(value), fold(ignoreCase));
}

function wildcardMatch(pattern: string, value: Leaf): boolean {
  const compiled = compileWildcard(pattern);
  return typeof value === 'string' && compiled instanceof RegExp && compiled.test(value);
}

/**
 * Whether `value` is one of the values an `anything-but` excludes: a value, a list of values, or
 * one nested filter (`prefix`, `suffix`, `equals-ignore-case`, `wildcard`; the last two may list
 * several operands).
 */
function excluded(spec: unknown, value: Leaf): boolean {
  if (Array.isArray(spec)) return spec.some((item) => item === value);
  if (!isObject(spec)) return spec === value;
  const [operator, operand] = Object.entries(spec)[0] ?? [];
  const operands: unknown[] = Array.isArray(operand) ? operand : [operand];
  return operator !== undefined && operands.some((item) => expressionMatches(operator, item, value));
}

/** Whether one leaf value satisfies one match expression (not `exists`, handled per field). */
function expressionMatches(operator: string, operand: unknown, value: Leaf): boolean {
  switch (operator) {
    case 'prefix':
      return textMatch(operand, value, (text, wanted) => text.startsWith(wanted));
    case 'suffix':
      return textMatch(operand, value, (text, wanted) => text.endsWith(wanted));
    case 'equals-ignore-case':
      return typeof value === 'string' && fold(value) === fold(operand as string);
    case 'wildcard':
      return wildcardMatch(operand as string, value);
    case 'numeric':
      return typeof value === 'number' && compareNumeric(value, operand as unknown[]);
    case 'cidr': {
      const cidr = parseCidr(operand as string);
      return typeof value === 'string' && typeof cidr !== 'string' && inCidr(value, cidr);
    }
    case 'anything-but':
      return !excluded(operand, value);
    default:
      return false;
  }
}

/** Whether a field's array of alternatives matches the field's value (`undefined` when absent). */
function fieldMatches(alternatives: readonly unknown[], value: unknown): boolean {
  const values = leaves(value);
  return alternatives.some((alternative) => {
    if (!isObject(alternative)) return values.some((leaf) => leaf === alternative);
    const [operator, operand] = Object.entries(alternative)[0] ?? [];
    if (operator === 'exists') return operand === values.length > 0;
    return values.some((leaf) => operator !== undefined && expressionMatches(operator, operand, leaf));
  });
}

/** Matches a pattern object against an event node, choosing one element per array (array consistency). */
function objectMatches(pattern: Record<string, unknown>, node: unknown): boolean {
  if (Array.isArray(node)) {
    const elements: unknown[] = node.length === 0 ? [undefined] : node;
    return elements.some((element) => objectMatches(pattern, element));
  }
  const fields = isObject(node) ? node : {};
  return Object.entries(pattern).every(([key, rule]) => {
    if (key === '$or' && Array.isArray(rule)) {
      return rule.some((branch) => objectMatches(branch as Record<string, unknown>, node));
    }
    const value = Object.hasOwn(fields, key) ? fields[key] : undefined;
    return Array.isArray(rule) ? fieldMatches(rule, value) : objectMatches(rule as Record<string, unknown>, value);
  });
}

/**
 * Tells whether an EventBridge rule with `pattern` would select `event`.
 *
 * @param pattern - The event pattern, as a parsed JSON object.
 * @param event - The event, as a parsed JSON object.
 * @returns `true` when the pattern matches.
 * @throws Error listing the problems when the pattern is one EventBridge would reject.
 */
export function matchesPattern(pattern: unknown, event: unknown): boolean {
  const problems = validatePattern(pattern);
  if (problems.length > 0) throw new Error(`invalid event pattern: ${problems.join('; ')}`);
  return objectMatches(pattern as Record<string, unknown>, event);
}
