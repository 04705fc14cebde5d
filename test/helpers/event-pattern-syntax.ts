/**
 * The vocabulary of EventBridge event patterns shared by the matcher and the validator: the
 * operator names, wildcard and CIDR syntax, numeric comparisons.
 *
 * Sources: the Amazon EventBridge User Guide ("Creating event patterns", "Content filtering in
 * Amazon EventBridge event patterns", "Comparison operators for use in event patterns") and the
 * README and rule compiler of aws/event-ruler, the matching library behind EventBridge.
 */

/** Every match-expression operator EventBridge accepts inside a field's array. */
export const OPERATORS: readonly string[] = [
  'prefix',
  'suffix',
  'equals-ignore-case',
  'wildcard',
  'anything-but',
  'numeric',
  'exists',
  'cidr',
];

/** Numeric comparison operators of `{"numeric": [...]}`. */
export const NUMERIC_OPERATORS: readonly string[] = ['=', '<', '<=', '>', '>='];

/** Numeric matching works within these bounds (event-ruler README: -5.0e9 to +5.0e9). */
export const NUMERIC_LIMIT = 5e9;

/** A plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Case-insensitive comparison form, as `equals-ignore-case` uses it. */
export function fold(text: string): string {
  return text.toLowerCase();
}

/**
 * Compiles a wildcard pattern: `*` matches any run of characters (none included), `\*` is a
 * literal asterisk and `\\` a literal backslash.
 *
 * @returns The anchored expression, or a problem: consecutive `*` and any other escape are
 *   rejected, as EventBridge does.
 */
export function compileWildcard(pattern: string): RegExp | string {
  let source = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern.charAt(i);
    if (char === '\\') {
      const next = pattern.charAt(i + 1);
      if (next !== '*' && next !== '\\') return 'a backslash may only escape "*" or "\\"';
      source += `\\${next}`;
      i += 1;
    } else if (char === '*') {
      if (pattern.charAt(i + 1) === '*') return 'consecutive wildcard characters are not allowed';
      source += '[\\s\\S]*';
    } else {
      source += char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`, 'u');
}

/** An IPv4 CIDR block as a network number and mask. */
export interface Cidr {
  readonly network: number;
  readonly mask: number;
}

function ipv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((part) => !/^\d{1,3}$/.test(part) || Number(part) > 255)) return undefined;
  return parts.reduce((sum, part) => sum * 256 + Number(part), 0);
}

/** Parses `a.b.c.d/n`; IPv6 blocks are valid in EventBridge but not supported by this helper. */
export function parseCidr(text: string): Cidr | string {
  const match = /^([\d.]+)\/(\d{1,2})$/.exec(text);
  const address = match?.[1] === undefined ? undefined : ipv4(match[1]);
  const bits = Number(match?.[2]);
  if (text.includes(':')) return 'IPv6 CIDR blocks are not supported by this test helper';
  if (address === undefined || !(bits >= 0 && bits <= 32)) return `"${text}" is not an IPv4 CIDR block`;
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return { network: (address & mask) >>> 0, mask };
}

/** Whether an IPv4 address string falls in a CIDR block. */
export function inCidr(value: string, cidr: Cidr): boolean {
  const address = ipv4(value);
  return address !== undefined && (address & cidr.mask) >>> 0 === cidr.network;
}

/** Whether `value` satisfies every `[operator, number]` pair of a numeric expression. */
export function compareNumeric(value: number, terms: readonly unknown[]): boolean {
  for (let i = 0; i + 1 < terms.length; i += 2) {
    const bound = terms[i + 1] as number;
    switch (terms[i]) {
      case '=':
        if (!(value === bound)) return false;
        break;
      case '<':
        if (!(value < bound)) return false;
        break;
      case '<=':
        if (!(value <= bound)) return false;
        break;
      case '>':
        if (!(value > bound)) return false;
        break;
      case '>=':
        if (!(value >= bound)) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}
