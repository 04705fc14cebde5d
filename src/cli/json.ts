/**
 * Readable JSON for people: indented like `JSON.stringify(value, null, 2)`, but arrays and
 * objects that fit on one line stay on one line (`"source": ["aws.ecs"]`).
 *
 * @internal
 * @module
 */
import { isRecord } from '../internal/object.js';

/** Lines are kept within this many characters where a value allows it. */
const WIDTH = 100;

function oneLine(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(oneLine).join(', ')}]`;
  if (isRecord(value))
    return `{${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}: ${oneLine(item)}`)
      .join(', ')}}`;
  return JSON.stringify(value) ?? 'null';
}

/**
 * Formats a JSON value over several lines, keeping what fits on one line together.
 *
 * @param value - A JSON value.
 * @param indent - The indentation of the line the value starts on.
 * @param lead - How many characters precede the value on its first line.
 * @returns The text, without a final newline.
 * @internal
 */
export function formatJson(value: unknown, indent = '', lead: number = indent.length): string {
  const flat = oneLine(value);
  if (lead + flat.length <= WIDTH || (!Array.isArray(value) && !isRecord(value))) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => `${inner}${formatJson(item, inner)}`).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  const lines = entries.map(([key, item]) => {
    const name = `${inner}${JSON.stringify(key)}: `;
    return `${name}${formatJson(item, inner, name.length)}`;
  });
  return `{\n${lines.join(',\n')}\n${indent}}`;
}
