/**
 * `ecs-slack/function`: the whole Lambda function, configured by its environment alone: what the
 * `EcsSlackAlerts` construct (`ecs-slack/cdk`) and the Terraform module deploy. Point a bundler at
 * it and set the variables; no code of your own.
 *
 * | Variable | What it holds |
 * |---|---|
 * | `SLACK_WEBHOOK_SECRET_ID` | a Secrets Manager secret holding the incoming webhook URL |
 * | `SLACK_BOT_TOKEN_SECRET_ID`, `SLACK_CHANNEL` | instead: a secret holding a bot token, and the channel id |
 * | `ECS_SLACK_PRESET` | the noise filter's preset: `alerts` (default), `verbose` or `none` |
 * | `ECS_SLACK_TABLE` | the DynamoDB state table (docs/dynamodb.md); state in memory without it |
 * | `ECS_SLACK_POLICY`, `ECS_SLACK_ENRICH` | read by `createHandler`: the alert policy, `true` for evidence |
 * | `SLACK_SIGNING_SECRET_ID` | a secret holding the Slack app's signing secret: interactive alerts (docs/interactivity.md) |
 *
 * Secrets are read once per cold start with the AWS SDK of the Lambda runtime
 * (`@aws-sdk/client-secrets-manager`, `@aws-sdk/client-dynamodb`); the bot token needs
 * `@slack/web-api`, bundled with the function. Each is loaded only when its variable is set.
 *
 * @example
 * ```ts
 * // handler.ts, bundled with esbuild for Terraform; the CDK construct does this itself.
 * export { handler } from 'ecs-slack/function';
 * ```
 *
 * @module ecs-slack/function
 */
import type { SlackChatClient } from '../deliver/web-api.js';
import { ConfigError } from '../errors.js';
import { tableFromEnvironment } from '../lambda/environment.js';
import { createHandler, type EcsSlackHandler, type HandlerOptions } from '../lambda/handler.js';
import { fromSecret, readSecret, tableStore } from './aws.js';

/** The variables this function reads besides those of `createHandler`. */
export const FUNCTION_ENVIRONMENT: {
  /** A Secrets Manager secret holding a Slack bot token (`xoxb-…`), to post with the Web API. */
  readonly botTokenSecretId: 'SLACK_BOT_TOKEN_SECRET_ID';
  /** The channel id (`C0123ABCD`) the bot posts to. */
  readonly channel: 'SLACK_CHANNEL';
  /** Another base URL of Slack's Web API (a proxy, a test server); default Slack's own. */
  readonly apiUrl: 'SLACK_API_URL';
  /**
   * A Secrets Manager secret holding the Slack app's signing secret (plain, or JSON with
   * `signingSecret`): alerts then carry Acknowledge and Mute buttons (`ecs-slack/slack-actions`).
   */
  readonly signingSecretId: 'SLACK_SIGNING_SECRET_ID';
} = {
  botTokenSecretId: 'SLACK_BOT_TOKEN_SECRET_ID',
  channel: 'SLACK_CHANNEL',
  apiUrl: 'SLACK_API_URL',
  signingSecretId: 'SLACK_SIGNING_SECRET_ID',
};

/** The bot token out of its secret: the token itself, or JSON with `token`. */
function tokenFromSecret(value: string): string {
  return fromSecret(value, 'token', (token) => token.startsWith('xox'), {
    variable: FUNCTION_ENVIRONMENT.botTokenSecretId,
    holds: 'a bot token (xox…)',
  });
}

/** The render options of interactive alerts, the signing secret read from its secret. */
async function interactiveFrom(secretId: string): Promise<{ interactive: true; signingSecret: string }> {
  const signingSecret = fromSecret(
    await readSecret({ source: 'secrets-manager', secretId }),
    'signingSecret',
    (found) => found.length >= 8,
    { variable: FUNCTION_ENVIRONMENT.signingSecretId, holds: 'a signing secret' },
  );
  return { interactive: true, signingSecret };
}

/**
 * A client for the Web API destination that reads its token on the first post, so the handler
 * is made without waiting; a failed read is tried again on the next post.
 */
function lazyWebClient(secretId: string, apiUrl: string | undefined): SlackChatClient {
  let client: Promise<SlackChatClient> | undefined;
  const get = (): Promise<SlackChatClient> => {
    client ??= (async () => {
      const token = tokenFromSecret(await readSecret({ source: 'secrets-manager', secretId }));
      const { WebClient } = await import('@slack/web-api');
      // No retries inside the function: a failed post goes back to SQS, which retries it.
      return new WebClient(token, {
        retryConfig: { retries: 0 },
        rejectRateLimitedCalls: true,
        ...(apiUrl === undefined || apiUrl === '' ? {} : { slackApiUrl: apiUrl }),
      });
    })().catch((error: unknown) => {
      client = undefined;
      throw error;
    });
    return client;
  };
  return {
    chat: {
      postMessage: async (args) => (await get()).chat.postMessage(args),
      update: async (args) => (await get()).chat.update(args),
    },
  };
}

/** The options the environment asks for, besides those `createHandler` reads itself. */
async function optionsFrom(env: Readonly<Record<string, string | undefined>>): Promise<HandlerOptions> {
  const table = tableFromEnvironment(env);
  const botSecret = env[FUNCTION_ENVIRONMENT.botTokenSecretId]?.trim();
  const channel = env[FUNCTION_ENVIRONMENT.channel]?.trim();
  if (botSecret !== undefined && botSecret !== '' && (channel === undefined || channel === ''))
    throw new ConfigError(`${FUNCTION_ENVIRONMENT.botTokenSecretId} is set without ${FUNCTION_ENVIRONMENT.channel}`);
  const webApi =
    botSecret === undefined || botSecret === ''
      ? undefined
      : lazyWebClient(botSecret, env[FUNCTION_ENVIRONMENT.apiUrl]?.trim());
  const signingSecretId = env[FUNCTION_ENVIRONMENT.signingSecretId]?.trim();
  return {
    env,
    ...(signingSecretId === undefined || signingSecretId === ''
      ? {}
      : { render: await interactiveFrom(signingSecretId) }),
    // Also for the secrets an alert policy names (ECS_SLACK_POLICY).
    resolveSecret: readSecret,
    ...(webApi === undefined ? {} : { webApi: { client: webApi, channel: channel! } }),
    ...(table === undefined ? {} : { store: await tableStore(table) }),
  };
}

/**
 * Creates the function's handler from an environment: what {@link handler} is, for another
 * environment than `process.env` (tests, a wrapper of your own).
 *
 * @param env - The variables; default `process.env`, read on the first invocation.
 * @returns The handler; a configuration problem is thrown by its first invocation, and again by
 *   the next until it is fixed.
 * @example
 * ```ts
 * import { createFunctionHandler } from 'ecs-slack/function';
 *
 * export const handler = createFunctionHandler({ ...process.env, ECS_SLACK_PRESET: 'verbose' });
 * ```
 */
export function createFunctionHandler(
  env: Readonly<Record<string, string | undefined>> = process.env,
): EcsSlackHandler {
  let ready: Promise<EcsSlackHandler> | undefined;
  const get = (): Promise<EcsSlackHandler> => {
    ready ??= optionsFrom(env)
      .then(createHandler)
      .catch((error: unknown) => {
        ready = undefined;
        throw error;
      });
    return ready;
  };
  const handler = async (event: unknown, context?: unknown): Promise<unknown> => (await get())(event, context);
  return handler as EcsSlackHandler;
}

/**
 * The Lambda handler (`index.handler` once bundled), configured by the environment as this
 * module's table says.
 */
export const handler: EcsSlackHandler = /* @__PURE__ */ createFunctionHandler();
