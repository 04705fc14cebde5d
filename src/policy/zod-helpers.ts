/**
 * Building blocks of the policy schemas: names from a vocabulary, one-or-many values, and the
 * private registry that carries what the JSON Schema shows beyond what validation needs (the
 * allowed names, descriptions).
 *
 * @internal
 * @module
 */
import * as z from 'zod/mini';
import { once } from '../internal/once.js';

/**
 * What the policy's JSON Schema shows for a schema: a description, the allowed values, a title.
 *
 * @internal
 */
export interface SchemaNotes {
  /** Shown by editors on hover. */
  readonly description?: string;
  /** The allowed values of a name checked against a vocabulary. */
  readonly enum?: readonly string[];
  /** A title for the whole document. */
  readonly title?: string;
}

/**
 * The registry of {@link SchemaNotes}: private, so that building the policy schemas never
 * touches zod's global registry.
 *
 * @internal
 */
export const schemaNotes: () => z.core.$ZodRegistry<SchemaNotes> = /* @__PURE__ */ once(() =>
  z.registry<SchemaNotes>(),
);

/**
 * Records notes for the JSON Schema on a schema and returns it.
 *
 * @internal
 */
export function noted<T extends z.ZodMiniType>(schema: T, notes: SchemaNotes): T {
  schemaNotes().add(schema, notes);
  return schema;
}

/** A value as a message quotes it: JSON, cut at 60 characters. */
function quoted(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
}

/**
 * A string that must be one of `allowed`; the error names the value (`unknown outcome "crashd"`).
 * Checked with a refinement rather than an enum so that a list given where one name belongs is a
 * type error, not an unknown name.
 *
 * @internal
 */
export function nameOf<T extends string>(what: string, allowed: readonly T[]): z.ZodMiniType<T> {
  const known: ReadonlySet<string> = new Set(allowed);
  const schema = z
    .string({ error: `expected a ${what} name` })
    .check(
      z.refine((value) => known.has(value), { error: (issue) => `unknown ${what} ${quoted(String(issue.input))}` }),
    );
  return noted(schema, { enum: allowed }) as unknown as z.ZodMiniType<T>;
}

/**
 * One value or a non-empty list of them; anything else is `expected string or string[]`.
 *
 * @internal
 */
export function oneOrMany<T>(item: z.ZodMiniType<T>): z.ZodMiniType<T | readonly T[]> {
  return z.union([item, z.array(item).check(z.minLength(1, 'expected at least one value'))], {
    error: 'expected string or string[]',
  });
}

/**
 * A non-empty string without leading or trailing blanks, at most `max` characters.
 *
 * @internal
 */
export function text(what: string, max: number): z.ZodMiniType<string> {
  return z.string({ error: `expected ${what}` }).check(
    z.refine(
      (value) => value.trim() !== '' && value.trim() === value,
      `expected ${what}, without leading or trailing blanks`,
    ),
    z.maxLength(max, `expected ${what} of at most ${max} characters`),
  );
}
