/**
 * Where the Slack webhook URL comes from: the options, or the environment, possibly through a
 * Secrets Manager secret or an SSM parameter resolved by the user's own resolver (so ecs-slack
 * imports no AWS SDK). Resolved once per cold start.
 *
 * @module
 */
import { errorName } from '../deliver/network-code.js';
import { webhookUrlFromSecret } from '../deliver/webhook-url.js';
import { ConfigError } from '../errors.js';
import type { SecretReference, SecretResolver } from '../policy/secrets.js';
import { PRESET_VARIABLE, TABLE_VARIABLE } from './environment.js';

export type {
  SecretReference,
  SecretResolver,
  SecretsManagerReference,
  SsmParameterReference,
} from '../policy/secrets.js';

/**
 * The environment variables the handler reads.
 *
 * @remarks
 * - `SLACK_WEBHOOK_URL`: the incoming webhook URL itself
 * - `SLACK_WEBHOOK_SECRET_ID`: a Secrets Manager secret holding it (plain, or JSON with `url`)
 * - `SLACK_WEBHOOK_PARAMETER`: an SSM SecureString parameter holding it
 * - `ECS_SLACK_ENRICH`: `true` to add root-cause evidence to alerts (when `enrich` is not given)
 * - `ECS_SLACK_PRESET`: the noise filter's preset (`alerts`, `verbose`, `none`) when `filter` is not given
 * - `ECS_SLACK_TABLE`: the DynamoDB state table; `createHandler` then needs a `store` (the
 *   `ecs-slack/function` handler makes one)
 */
export const ENVIRONMENT: {
  /** The webhook URL itself. */
  readonly webhookUrl: 'SLACK_WEBHOOK_URL';
  /** A Secrets Manager secret id holding it. */
  readonly secretId: 'SLACK_WEBHOOK_SECRET_ID';
  /** An SSM parameter name holding it. */
  readonly parameterName: 'SLACK_WEBHOOK_PARAMETER';
  /** `true` to enrich alerts with root-cause evidence. */
  readonly enrich: 'ECS_SLACK_ENRICH';
  /** The noise filter's preset. */
  readonly preset: 'ECS_SLACK_PRESET';
  /** The DynamoDB state table's name. */
  readonly table: 'ECS_SLACK_TABLE';
} = {
  webhookUrl: 'SLACK_WEBHOOK_URL',
  secretId: 'SLACK_WEBHOOK_SECRET_ID',
  parameterName: 'SLACK_WEBHOOK_PARAMETER',
  enrich: 'ECS_SLACK_ENRICH',
  preset: PRESET_VARIABLE,
  table: TABLE_VARIABLE,
};

/**
 * The webhook URL source for the handler, from the options or the environment: a string, or a
 * function resolving the secret (the webhook sender caches what it returns, and calls it again
 * after a failure, a bad secret value included).
 *
 * @internal
 */
export function webhookUrlSource(
  env: Readonly<Record<string, string | undefined>>,
  resolveSecret: SecretResolver | undefined,
): string | (() => Promise<string>) {
  const direct = env[ENVIRONMENT.webhookUrl];
  if (direct !== undefined && direct !== '') return direct;
  const secretId = env[ENVIRONMENT.secretId];
  const parameterName = env[ENVIRONMENT.parameterName];
  const reference: SecretReference | undefined =
    secretId !== undefined && secretId !== ''
      ? { source: 'secrets-manager', secretId }
      : parameterName !== undefined && parameterName !== ''
        ? { source: 'ssm', parameterName }
        : undefined;
  if (reference === undefined) {
    throw new ConfigError(
      `no Slack destination: pass sender, webhookUrl or webApi, or set ${ENVIRONMENT.webhookUrl}, ${ENVIRONMENT.secretId} or ${ENVIRONMENT.parameterName}`,
    );
  }
  if (resolveSecret === undefined) {
    const name = reference.source === 'ssm' ? ENVIRONMENT.parameterName : ENVIRONMENT.secretId;
    throw new ConfigError(`${name} is set but no resolveSecret was given to fetch it`);
  }
  // The webhook sender calls this once and keeps the URL; after a failure it calls again.
  return () =>
    resolveSecret(reference).then(webhookUrlFromSecret, (error: unknown) => {
      throw new ConfigError(
        `could not resolve the webhook ${reference.source === 'ssm' ? 'parameter' : 'secret'} (${errorName(error)})`,
        {
          cause: error,
          retryable: true,
        },
      );
    });
}
