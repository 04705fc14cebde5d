/**
 * Fetching what a policy keeps elsewhere: a webhook destination's URL (environment variable,
 * Secrets Manager secret or SSM parameter), through the caller's own resolver so that ecs-slack
 * imports no AWS SDK. Errors name the variable, secret or parameter, never its value.
 *
 * @module
 */
import { ConfigError } from '../errors.js';
import type { SecretSource } from './destinations.js';
import type { Policy } from './schema.js';

/**
 * A secret to resolve: a Secrets Manager secret id, or an SSM parameter name.
 */
export type SecretReference = SecretsManagerReference | SsmParameterReference;

/** A Secrets Manager secret. */
export interface SecretsManagerReference {
  /** Discriminant. */
  readonly source: 'secrets-manager';
  /** The secret's id or ARN . */
  readonly secretId: string;
}

/** An SSM Parameter Store parameter (a SecureString). */
export interface SsmParameterReference {
  /** Discriminant. */
  readonly source: 'ssm';
  /** The parameter's name (a SecureString is decrypted). */
  readonly parameterName: string;
}

/**
 * Fetches a secret's value; yours, so ecs-slack needs no AWS SDK.
 *
 * @example
 * ```ts
 * const resolveSecret: SecretResolver = async (ref) => {
 *   if (ref.source !== 'secrets-manager') throw new Error('unsupported');
 *   const out = await secrets.send(new GetSecretValueCommand({ SecretId: ref.secretId }));
 *   return out.SecretString ?? '';
 * };
 * ```
 */
export type SecretResolver = (reference: SecretReference) => Promise<string>;

/**
 * Where secrets come from: the environment and, for Secrets Manager and SSM, your resolver.
 */
export interface SecretOptions {
  /** Environment variables; default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Fetches Secrets Manager secrets and SSM parameters. */
  readonly resolveSecret?: SecretResolver;
}

/** The name of an error, for messages that must not quote its text (it may hold a value). */
function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

/**
 * The process environment, where there is one.
 *
 * @internal
 */
export function processEnv(): Readonly<Record<string, string | undefined>> {
  return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};
}

/**
 * Fetches a secret kept in Secrets Manager or SSM, naming `what` in every error.
 *
 * @internal
 */
export async function fetchSecret(
  reference: SecretReference,
  what: string,
  resolveSecret: SecretResolver | undefined,
): Promise<string> {
  const named =
    reference.source === 'ssm'
      ? `SSM parameter ${JSON.stringify(reference.parameterName)}`
      : `Secrets Manager secret ${JSON.stringify(reference.secretId)}`;
  if (resolveSecret === undefined) throw new ConfigError(`${what}: the ${named} needs a resolveSecret to fetch it`);
  let value: string;
  try {
    value = await resolveSecret(reference);
  } catch (error) {
    throw new ConfigError(`${what}: could not fetch the ${named} (${errorName(error)})`, {
      cause: error,
      retryable: true,
    });
  }
  if (typeof value !== 'string' || value.trim() === '') throw new ConfigError(`${what}: the ${named} is empty`);
  return value;
}

/** The reference of a source kept in Secrets Manager or SSM. */
function referenceOf(source: SecretSource): SecretReference | undefined {
  if ('secretsManager' in source) return { source: 'secrets-manager', secretId: source.secretsManager };
  if ('ssm' in source) return { source: 'ssm', parameterName: source.ssm };
  return undefined;
}

/**
 * Fetches a webhook destination's secret: the text kept in its environment variable, secret
 * or parameter (the URL, or JSON holding it), once per call: keep the result for the cold start.
 *
 * @param policy - A validated policy.
 * @param destination - The destination's name.
 * @param options - The environment and the resolver.
 * @returns The secret's text, as kept.
 * @throws `ConfigError` naming the destination and the variable, secret or parameter (never
 *   its value): unknown destination, not a webhook, unset variable, no resolver, empty value;
 *   `retryable` when the resolver failed.
 * @example
 * ```ts
 * const url = await resolveDestinationSecret(policy, 'ops', { resolveSecret });
 * ```
 */
export async function resolveDestinationSecret(
  policy: Policy,
  destination: string,
  options: SecretOptions = {},
): Promise<string> {
  const found = Object.hasOwn(policy.destinations, destination) ? policy.destinations[destination] : undefined;
  if (found === undefined) throw new ConfigError(`no destination ${JSON.stringify(destination)} in the policy`);
  if (found.type !== 'webhook')
    throw new ConfigError(`destinations.${destination} is a ${found.type} destination, which keeps no secret`);
  const what = `destinations.${destination}.url`;
  const reference = referenceOf(found.url);
  if (reference !== undefined) return fetchSecret(reference, what, options.resolveSecret);
  const name = (found.url as { env: string }).env;
  const value = (options.env ?? processEnv())[name];
  if (value === undefined || value.trim() === '')
    throw new ConfigError(`${what}: the environment variable ${name} is not set`);
  return value;
}
