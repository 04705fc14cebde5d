/**
 * Well-formed strings: lone UTF-16 surrogate halves replaced by U+FFFD, as the parser leaves
 * every string of an event, so that no later stage (`encodeURIComponent`, `TextEncoder`, Slack)
 * meets one.
 *
 * @internal
 * @module
 */
import { isRecord } from './object.js';

/**
 * `value`, with each lone surrogate replaced by U+FFFD; the same string when it has none (the
 * check costs next to nothing, and most strings never need the copy).
 *
 * @internal
 */
export function wellFormed(value: string): string {
  return value.isWellFormed() ? value : value.toWellFormed();
}

/**
 * A JSON-like value with every string in it, keys included, well-formed: the value itself when
 * nothing needed changing, else a copy of the arrays and plain objects on the way (the input is
 * never changed). Only arrays and plain objects are walked. Walks without recursion, so no
 * nesting is too deep; a cycle is copied as one.
 *
 * @internal
 */
export function wellFormedDeep(value: unknown): unknown {
  if (typeof value === 'string') return wellFormed(value);
  if (!isContainer(value) || !hasIllFormed(value)) return value;
  const copies = new Map<object, Container>();
  const pending: Array<readonly [Container, Container]> = [];
  const copyOf = (item: unknown): unknown => {
    if (typeof item === 'string') return wellFormed(item);
    if (!isContainer(item)) return item;
    let copy = copies.get(item);
    if (copy === undefined) {
      copy = Array.isArray(item) ? [] : {};
      copies.set(item, copy);
      pending.push([item, copy]);
    }
    return copy;
  };
  const root = copyOf(value);
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [source, copy] = next;
    if (Array.isArray(source)) {
      for (let i = 0; i < source.length; i++) (copy as unknown[])[i] = copyOf(source[i]);
      continue;
    }
    // `__proto__` from JSON.parse is an own key: defined, never assigned (which would set the prototype).
    for (const key of Object.keys(source)) {
      Object.defineProperty(copy, wellFormed(key), {
        value: copyOf(source[key]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return root;
}

type Container = unknown[] | Record<string, unknown>;

/** Arrays and plain objects: what JSON makes. Anything else (a `Date`, a class) is left as it is. */
function isContainer(value: unknown): value is Container {
  if (Array.isArray(value)) return true;
  if (!isRecord(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Whether any string (or key) inside `value` is not well-formed. */
function hasIllFormed(value: Container): boolean {
  const seen = new Set<object>([value]);
  const pending: Container[] = [value];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    const keys = Array.isArray(node) ? undefined : Object.keys(node);
    const items: readonly unknown[] =
      keys === undefined ? (node as unknown[]) : keys.map((key) => (node as Record<string, unknown>)[key]);
    if (keys?.some((key) => !key.isWellFormed()) === true) return true;
    for (const item of items) {
      if (typeof item === 'string') {
        if (!item.isWellFormed()) return true;
      } else if (isContainer(item) && !seen.has(item)) {
        seen.add(item);
        pending.push(item);
      }
    }
  }
  return false;
}
