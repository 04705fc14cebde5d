/**
 * Small builders for event-pattern fields: wildcards from literals and globs, `$or` of
 * branches, and merging two levels.
 *
 * @internal
 * @module
 */
import { isRecord } from '../internal/object.js';
import type { EventPatternFields } from './types.js';

/**
 * A literal string as an EventBridge wildcard operand: `\` and `*` escaped.
 *
 * @internal
 */
export function literalWildcard(text: string): string {
  return text.replace(/[\\*]/g, (char) => `\\${char}`);
}

/**
 * A name filter glob (`prod-*`: `*` is any run of characters, everything else literal) as an
 * EventBridge wildcard operand: `\` escaped, runs of `*` folded into one (EventBridge rejects
 * consecutive wildcards; the meaning is the same).
 *
 * @internal
 */
export function globWildcard(glob: string): string {
  return glob.replace(/\\/g, '\\\\').replace(/\*+/g, '*');
}

/**
 * One level that matches when any branch does: the branch itself when there is one, `$or`
 * otherwise (EventBridge wants two or more), `undefined` when there is none.
 *
 * @internal
 */
export function anyOf(branches: readonly EventPatternFields[]): EventPatternFields | undefined {
  if (branches.length <= 1) return branches[0];
  return { $or: [...branches] };
}

function isLevel(value: unknown): value is EventPatternFields {
  return isRecord(value);
}

/**
 * Both levels at once (AND): nested levels are merged; a field (or `$or`) set on both sides is
 * a bug in the caller and throws rather than silently dropping one side.
 *
 * @internal
 */
export function mergeFields(a: EventPatternFields, b: EventPatternFields): EventPatternFields {
  const out: EventPatternFields = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const mine = out[key];
    if (mine === undefined) out[key] = value;
    else if (isLevel(mine) && isLevel(value)) out[key] = mergeFields(mine, value);
    else throw new Error(`event pattern field ${key} is set twice`);
  }
  return out;
}
