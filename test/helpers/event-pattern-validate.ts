/**
 * Rejects malformed EventBridge event patterns the way EventBridge's rule compiler does, so a
 * test cannot pass on a pattern that `PutRule` would refuse. Each problem names its place
 * (`detail.state[1]: unknown operator "contains"`).
 */
import {
  NUMERIC_LIMIT,
  NUMERIC_OPERATORS,
  OPERATORS,
  compileWildcard,
  isObject,
  parseCidr,
} from './event-pattern-syntax.js';

type Report = (problem: string) => void;

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** `"text"`, or `{"equals-ignore-case": "text"}` where `prefix` / `suffix` allow it. */
function checkText(operand: unknown, ignoreCaseAllowed: boolean, report: Report): void {
  if (typeof operand === 'string') return;
  const keys = isObject(operand) ? Object.keys(operand) : [];
  if (
    ignoreCaseAllowed &&
    keys.length === 1 &&
    typeof (operand as Record<string, unknown>)['equals-ignore-case'] === 'string'
  ) {
    return;
  }
  report(ignoreCaseAllowed ? 'must be a string or {"equals-ignore-case": string}' : 'must be a string');
}

function checkWildcard(operand: unknown, report: Report): void {
  if (typeof operand !== 'string') return report('must be a string');
  const compiled = compileWildcard(operand);
  if (typeof compiled === 'string') report(compiled);
}

/** `[op, n]`, or a range `[">" | ">=", n, "<" | "<=", n]` with the lower bound below the upper. */
function checkNumeric(operand: unknown, report: Report): void {
  if (!Array.isArray(operand) || (operand.length !== 2 && operand.length !== 4)) {
    return report('must be [operator, number] or [">" | ">=", number, "<" | "<=", number]');
  }
  const [op, low, op2, high] = operand as unknown[];
  if (typeof op !== 'string' || !NUMERIC_OPERATORS.includes(op))
    return report(`unknown numeric operator ${JSON.stringify(op)}`);
  for (const bound of operand.length === 4 ? [low, high] : [low]) {
    if (!isNumber(bound)) return report('bounds must be numbers');
    if (Math.abs(bound) > NUMERIC_LIMIT) return report(`bounds must be within ±${NUMERIC_LIMIT}`);
  }
  if (operand.length === 4) {
    if (op !== '>' && op !== '>=') return report('a range must start with ">" or ">="');
    if (op2 !== '<' && op2 !== '<=') return report('a range must end with "<" or "<="');
    if (!((low as number) < (high as number))) return report('the lower bound must be below the upper bound');
  }
}

/** `anything-but`: a string, a number, a list of only strings or only numbers, or one nested filter. */
function checkAnythingBut(operand: unknown, report: Report): void {
  if (typeof operand === 'string' || isNumber(operand)) return;
  if (Array.isArray(operand)) {
    const strings = operand.every((item) => typeof item === 'string');
    const numbers = operand.every(isNumber);
    if (operand.length === 0 || (!strings && !numbers)) report('a list must hold only strings or only numbers');
    return;
  }
  if (!isObject(operand) || Object.keys(operand).length !== 1) {
    return report('must be a string, a number, a list, or one of {prefix}, {suffix}, {equals-ignore-case}, {wildcard}');
  }
  const [operator, nested] = Object.entries(operand)[0] as [string, unknown];
  const values: unknown[] = Array.isArray(nested) ? nested : [nested];
  switch (operator) {
    case 'prefix':
    case 'suffix':
      if (typeof nested !== 'string' || nested === '') report(`${operator} must be a non-empty string`);
      return;
    case 'equals-ignore-case':
    case 'wildcard':
      if (values.length === 0 || values.some((value) => typeof value !== 'string')) {
        return report(`${operator} must be a string or a list of strings`);
      }
      if (operator === 'wildcard') values.forEach((value) => checkWildcard(value, report));
      return;
    default:
      report(`unsupported operator "${operator}" inside anything-but`);
  }
}

function checkExpression(expression: Record<string, unknown>, report: Report): void {
  const entries = Object.entries(expression);
  const [operator, operand] = entries[0] ?? [];
  if (entries.length !== 1 || operator === undefined) return report('a match expression must have exactly one key');
  const at: Report = (problem) => report(`${operator}: ${problem}`);
  switch (operator) {
    case 'prefix':
    case 'suffix':
      return checkText(operand, true, at);
    case 'equals-ignore-case':
      return checkText(operand, false, at);
    case 'wildcard':
      return checkWildcard(operand, at);
    case 'numeric':
      return checkNumeric(operand, at);
    case 'anything-but':
      return checkAnythingBut(operand, at);
    case 'exists':
      if (typeof operand !== 'boolean') at('must be true or false');
      return;
    case 'cidr': {
      const cidr = typeof operand === 'string' ? parseCidr(operand) : 'must be a string';
      if (typeof cidr === 'string') at(cidr);
      return;
    }
    default:
      report(`unknown operator "${operator}"`);
  }
}

function checkAlternatives(path: string, alternatives: unknown[], problems: string[]): void {
  if (alternatives.length === 0) problems.push(`${path}: empty arrays are not allowed`);
  alternatives.forEach((alternative, index) => {
    const report: Report = (problem) => problems.push(`${path}[${index}]: ${problem}`);
    if (isObject(alternative)) checkExpression(alternative, report);
    else if (alternative !== null && !['string', 'number', 'boolean'].includes(typeof alternative)) {
      report('a match value must be a string, a number, true, false, null or a match expression');
    } else if (typeof alternative === 'number' && !Number.isFinite(alternative)) report('numbers must be finite');
  });
}

function checkObject(path: string, pattern: Record<string, unknown>, insideOr: boolean, problems: string[]): void {
  const where = path === '' ? 'the pattern' : path;
  if (Object.keys(pattern).length === 0) problems.push(`${where}: empty objects are not allowed`);
  for (const [key, value] of Object.entries(pattern)) {
    const child = path === '' ? key : `${path}.${key}`;
    if (key === '$or') {
      checkOr(child, value, problems);
    } else if (insideOr && OPERATORS.includes(key)) {
      problems.push(`${child}: "${key}" is a reserved word and cannot be a field name inside $or`);
    } else if (Array.isArray(value)) {
      checkAlternatives(child, value, problems);
    } else if (isObject(value)) {
      checkObject(child, value, insideOr, problems);
    } else {
      problems.push(`${child}: must be an object or an array of match values`);
    }
  }
}

function checkOr(path: string, value: unknown, problems: string[]): void {
  if (!Array.isArray(value)) return void problems.push(`${path}: must be an array of objects`);
  if (value.length < 2) problems.push(`${path}: must hold at least 2 objects`);
  value.forEach((branch, index) => {
    if (isObject(branch)) checkObject(`${path}[${index}]`, branch, true, problems);
    else problems.push(`${path}[${index}]: only objects are allowed in $or`);
  });
}

/**
 * Lists what EventBridge would reject in an event pattern: a pattern that is not a non-empty
 * object, a field value that is not an array or an object (leaf values must be arrays), empty
 * arrays and objects, unknown operators, operands of the wrong type (an `anything-but` list
 * mixing strings and numbers, a numeric range upside down, consecutive `*` in a wildcard, ...),
 * and malformed `$or` (fewer than 2 objects, or an operator name used as a field inside it).
 *
 * @param pattern - The event pattern, as a parsed JSON value.
 * @returns One line per problem, each naming its place; empty when the pattern is valid.
 */
export function validatePattern(pattern: unknown): string[] {
  if (!isObject(pattern)) return ['the pattern must be a JSON object'];
  const problems: string[] = [];
  checkObject('', pattern, false, problems);
  return problems;
}
