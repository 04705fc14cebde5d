/**
 * The zod schema of a {@link PolicyMatch}, for `policySchema` and the silence schemas (the
 * JSON Schema and the CLI); the Lambda checks matches with `fast-check.ts`' `policyMatch`.
 *
 * @internal
 * @module
 */
import * as z from 'zod/mini';
import { once } from '../internal/once.js';
import type { OneOrMany, PolicyMatch } from './match.js';
import { CAUSES, KINDS, OUTCOMES, SEVERITIES } from './vocabulary.js';
import { nameOf, noted, oneOrMany, text } from './zod-helpers.js';

const glob = (what: string): z.ZodMiniType<OneOrMany<string>> =>
  noted(oneOrMany(text(`a ${what} name or glob`, 256)), { description: `${what} names or * globs, one or a list` });

/**
 * Builds the schema of {@link PolicyMatch}.
 *
 * @internal
 */
export const policyMatchSchema: () => z.ZodMiniType<PolicyMatch> = /* @__PURE__ */ once(() =>
  noted(
    z.strictObject({
      account: z.optional(glob('account')),
      region: z.optional(glob('Region')),
      cluster: z.optional(glob('cluster')),
      service: z.optional(glob('service')),
      kind: z.optional(oneOrMany(nameOf('kind', KINDS))),
      outcome: z.optional(oneOrMany(nameOf('outcome', OUTCOMES))),
      severity: z.optional(oneOrMany(nameOf('severity', SEVERITIES))),
      cause: z.optional(oneOrMany(nameOf('cause', CAUSES))),
    }),
    { description: 'Every field given must match; a list matches when any of its values does' },
  ),
);
