/**
 * Reading a policy: from an object, from JSON text, or from the `ECS_SLACK_POLICY` environment
 * variable (JSON text, or the name of an SSM parameter holding it). Every problem is one
 * `ConfigError` line naming the path.
 *
 * @module
 */
import { ConfigError } from '../errors.js';
import { CheckIssues } from './check-helpers.js';
import { checkPolicy } from './fast-check.js';
import { firstIssue } from './issues.js';
import type { Policy } from './schema.js';
import { fetchSecret, processEnv, type SecretOptions } from './secrets.js';

/**
 * The environment variable {@link loadPolicy} reads: the policy as JSON text, or the name (or
 * ARN) of an SSM parameter holding it.
 */
export const POLICY_VARIABLE = 'ECS_SLACK_POLICY';

/**
 * The result of {@link safeParsePolicy}: the policy, or the error {@link parsePolicy} would throw.
 */
export type SafeParsePolicyResult =
  | {
      /** Always `true`. */
      readonly success: true;
      /** The validated policy. */
      readonly data: Policy;
      /** Never set on success. */
      readonly error?: undefined;
    }
  | {
      /** Always `false`. */
      readonly success: false;
      /** Never set on failure. */
      readonly data?: undefined;
      /** One line naming the path, for example `routes[2].match.service: expected string or string[]`. */
      readonly error: ConfigError;
    };

function fail(label: string, line: string, cause?: unknown): SafeParsePolicyResult {
  return { success: false, error: new ConfigError(label === '' ? line : `${label}: ${line}`, { cause }) };
}

function parseLabelled(input: unknown, label: string): SafeParsePolicyResult {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      return fail(label, `policy: not JSON (${error instanceof Error ? error.message : String(error)})`, error);
    }
  }
  // Checked without zod (fast-check.ts), which decides and words errors as policySchema would.
  const result = checkPolicy(value);
  if (result.success) return { success: true, data: result.data };
  return fail(label, firstIssue(result.issues, value).line, new CheckIssues(result.issues));
}

/**
 * Like {@link parsePolicy}, but returns `{ success, data }` or `{ success, error }` instead of
 * throwing.
 *
 * @param input - A policy object, or its JSON text.
 * @returns The policy, or the `ConfigError` naming the first problem's path.
 * @example
 * ```ts
 * const result = safeParsePolicy(json);
 * if (!result.success) console.error(result.error.message);
 * ```
 */
export function safeParsePolicy(input: unknown): SafeParsePolicyResult {
  return parseLabelled(input, '');
}

/**
 * Validates a policy: its shape, the names it uses (outcomes, kinds, severities, causes), that
 * every destination a route names exists, and that route names are unique.
 *
 * @param input - A policy object, or its JSON text.
 * @returns The policy, typed.
 * @throws `ConfigError` with one line naming the path of the first problem, for example
 *   `routes[2].match.service: expected string or string[]`, and `(and N more)` when there are others.
 * @example
 * ```ts
 * const policy = parsePolicy(readFileSync('policy.json', 'utf8'));
 * ```
 */
export function parsePolicy(input: unknown): Policy {
  return orThrow(safeParsePolicy(input));
}

/**
 * Options of {@link loadPolicy}.
 */
export interface LoadPolicyOptions extends SecretOptions {
  /** The policy itself (an object or JSON text); when given, the environment is not read. */
  readonly policy?: unknown;
}

/** An SSM parameter name or ARN: what `ECS_SLACK_POLICY` holds when it is not JSON. */
const PARAMETER = /^[A-Za-z0-9_.\-/:]{1,2048}$/;

/**
 * Loads the policy: `options.policy` when given, else the `ECS_SLACK_POLICY` environment
 * variable, holding JSON text or the name of an SSM parameter fetched with `resolveSecret`.
 * Call it once per cold start and keep the promise; after a `retryable` error, call it again.
 *
 * @param options - The policy, or the environment and the resolver.
 * @returns The validated policy, or `undefined` when none is given or set.
 * @throws `ConfigError`: an invalid policy (one line naming the path, prefixed with
 *   `ECS_SLACK_POLICY` when read from there), a parameter without a resolver, or a parameter that
 *   could not be fetched (`retryable`). Never quotes the parameter's value.
 * @example
 * ```ts
 * const policy = await loadPolicy({ resolveSecret }); // ECS_SLACK_POLICY=/ecs-slack/policy
 * ```
 */
export async function loadPolicy(options: LoadPolicyOptions = {}): Promise<Policy | undefined> {
  if (options.policy !== undefined) return parsePolicy(options.policy);
  const value = (options.env ?? processEnv())[POLICY_VARIABLE]?.trim();
  if (value === undefined || value === '') return undefined;
  if (value.startsWith('{')) return parsePolicyFrom(value, POLICY_VARIABLE);
  if (!PARAMETER.test(value))
    throw new ConfigError(`${POLICY_VARIABLE}: expected the policy as JSON text, or an SSM parameter name`);
  const label = `${POLICY_VARIABLE} (SSM parameter ${JSON.stringify(value)})`;
  const text = await fetchSecret({ source: 'ssm', parameterName: value }, POLICY_VARIABLE, options.resolveSecret);
  return orThrow(parseLabelled(text, label));
}

/**
 * Validates a policy as {@link parsePolicy} does, its error prefixed with where it came from
 * (`ECS_SLACK_POLICY: routes[0].to: ...`).
 *
 * @internal
 */
export function parsePolicyFrom(input: unknown, label: string): Policy {
  return orThrow(parseLabelled(input, label));
}

function orThrow(result: SafeParsePolicyResult): Policy {
  if (result.success) return result.data;
  throw result.error;
}
