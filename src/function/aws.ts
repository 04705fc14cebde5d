/**
 * What the deployed functions read from AWS: Secrets Manager secrets and the DynamoDB state
 * table, each SDK loaded only when used (the Lambda runtime provides them).
 *
 * @internal
 * @module
 */
import { ConfigError } from '../errors.js';
import type { SecretReference } from '../policy/secrets.js';
import type { StateStore } from '../state/store.js';

/** Reads a Secrets Manager secret's string with the runtime's AWS SDK. @internal */
export async function readSecret(reference: SecretReference): Promise<string> {
  if (reference.source !== 'secrets-manager')
    throw new ConfigError('this function reads secrets from Secrets Manager only; keep the value there');
  const { GetSecretValueCommand, SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
  const secret = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: reference.secretId }));
  if (secret.SecretString === undefined) throw new ConfigError('the secret has no string value');
  return secret.SecretString;
}

/**
 * A value out of its secret: the secret's string itself, or the `field` of its JSON; checked by
 * `valid`, else a `ConfigError` naming the variable and what it should hold.
 *
 * @internal
 */
export function fromSecret(
  value: string,
  field: string,
  valid: (found: string) => boolean,
  what: { readonly variable: string; readonly holds: string },
): string {
  const trimmed = value.trim();
  const found = trimmed.startsWith('{') ? (JSON.parse(trimmed) as Record<string, unknown>)[field] : trimmed;
  if (typeof found !== 'string' || !valid(found))
    throw new ConfigError(`${what.variable}: the secret does not hold ${what.holds}`);
  return found;
}

/** The DynamoDB store of `ECS_SLACK_TABLE`, its client loaded with the store's first call. @internal */
export async function tableStore(tableName: string): Promise<StateStore> {
  const [{ DynamoDBClient }, { DynamoDbStateStore }] = await Promise.all([
    import('@aws-sdk/client-dynamodb'),
    import('../dynamodb/dynamodb-store.js'),
  ]);
  return new DynamoDbStateStore({ client: new DynamoDBClient({}), tableName });
}
