/**
 * The plain-object test shared by the parsers, the pattern builder and the CLI.
 *
 * @internal
 * @module
 */

/**
 * Whether a value is an object with string keys: not `null`, not an array (the objects JSON
 * and zod's object schemas accept).
 *
 * @internal
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
