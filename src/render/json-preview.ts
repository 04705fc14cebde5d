/**
 * A bounded JSON preview, for the raw detail of an event ecs-slack does not model: however deep
 * or large the value, the work and the text stay within the bounds.
 *
 * @internal
 * @module
 */
import { endOutsidePair } from '../classify/text.js';

/**
 * Bounds of {@link jsonPreview}.
 *
 * @internal
 */
export interface JsonPreviewBounds {
  /** Containers nested deeper than this are shown as `{…}` or `[…]`. */
  readonly maxDepth: number;
  /** Longest text returned, the closing `…` included. */
  readonly maxLength: number;
}
const INDENT = '  ';

/**
 * `value` as indented JSON (as `JSON.stringify(value, null, 2)` writes it), with containers
 * deeper than `maxDepth` elided and the text cut with `…` at `maxLength`. It never recurses
 * further than `maxDepth`, and stops reading once the text is long enough.
 *
 * @param value - A JSON-like value.
 * @param bounds - Depth and length limits.
 * @returns The preview, at most `maxLength` characters.
 * @internal
 */
export function jsonPreview(value: unknown, bounds: JsonPreviewBounds): string {
  const writer = new Writer(bounds.maxLength);
  write(writer, value, 0, bounds.maxDepth);
  return writer.text();
}

/** Collects text until it has more than it may return. */
class Writer {
  readonly #parts: string[] = [];
  #length = 0;
  readonly #max: number;

  constructor(max: number) {
    this.#max = max;
  }

  /** Whether enough text was written: callers stop reading the value. */
  get full(): boolean {
    return this.#length > this.#max;
  }

  /** How many more characters are worth writing (one more than fits, so a cut shows). */
  get room(): number {
    return Math.max(0, this.#max - this.#length) + 1;
  }

  push(part: string): void {
    if (this.full) return;
    this.#parts.push(part);
    this.#length += part.length;
  }

  text(): string {
    const all = this.#parts.join('');
    if (all.length <= this.#max) return all;
    return `${all.slice(0, endOutsidePair(all, Math.max(0, this.#max - 1)))}…`;
  }
}

function write(writer: Writer, raw: unknown, depth: number, maxDepth: number): void {
  const value = jsonValue(raw);
  if (typeof value !== 'object' || value === null) return writer.push(scalar(value, writer));
  const isArray = Array.isArray(value);
  const entries: Iterable<readonly [string, unknown]> = isArray
    ? arrayEntries(value)
    : objectEntries(value as Record<string, unknown>);
  const inner = INDENT.repeat(depth + 1);
  let count = 0;
  for (const [key, item] of entries) {
    if (writer.full) break;
    if (count === 0 && depth >= maxDepth) {
      count = -1; // not empty, and not shown
      break;
    }
    writer.push(`${count === 0 ? (isArray ? '[' : '{') : ','}\n${inner}`);
    if (!isArray) writer.push(`${JSON.stringify(key.slice(0, writer.room))}: `);
    write(writer, item, depth + 1, maxDepth);
    count++;
  }
  const close = isArray ? ']' : '}';
  if (count === 0) writer.push(isArray ? '[]' : '{}');
  else if (count < 0) writer.push(isArray ? '[…]' : '{…}');
  else writer.push(`\n${INDENT.repeat(depth)}${close}`);
}

function* arrayEntries(items: readonly unknown[]): Generator<readonly [string, unknown]> {
  for (let i = 0; i < items.length; i++) yield ['', items[i]];
}

/** An object's members as JSON writes them, read one at a time (a huge object is never listed whole). */
function* objectEntries(object: Record<string, unknown>): Generator<readonly [string, unknown]> {
  for (const key in object) {
    if (!Object.hasOwn(object, key)) continue;
    const item = object[key];
    if (!skipped(item)) yield [key, item];
  }
}

/** A value as JSON sees it: `toJSON()` applied, when it has one. */
function jsonValue(value: unknown): unknown {
  const toJSON = typeof value === 'object' && value !== null ? (value as { toJSON?: unknown }).toJSON : undefined;
  return typeof toJSON === 'function' ? (toJSON as () => unknown).call(value) : value;
}

/** Members JSON leaves out of an object. */
function skipped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** A scalar as JSON writes it; strings cut to what could still be shown. */
function scalar(value: unknown, writer: Writer): string {
  if (typeof value === 'string') return JSON.stringify(value.slice(0, writer.room));
  if (typeof value === 'bigint') return String(value);
  return JSON.stringify(value) ?? 'null';
}
