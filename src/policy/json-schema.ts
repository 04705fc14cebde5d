/**
 * The policy file's JSON Schema, generated from the zod schema, for editors and reviews.
 *
 * @module
 */
import * as z from 'zod/mini';
import { policySchema } from './schema.js';
import { schemaNotes } from './zod-helpers.js';

/**
 * The JSON Schema (draft 2020-12) of a policy file: the shape, the allowed outcome, kind,
 * severity and cause names, and descriptions. Some checks are beyond it and only
 * {@link parsePolicy} makes them: destination references, unique route names. Also printed by
 * `ecs-slack policy schema`.
 *
 * @returns A JSON-serialisable object.
 * @example
 * ```ts
 * writeFileSync('policy.schema.json', JSON.stringify(policyJsonSchema(), null, 2));
 * ```
 */
export function policyJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(policySchema(), { metadata: schemaNotes(), unrepresentable: 'any' }) as Record<string, unknown>;
}
