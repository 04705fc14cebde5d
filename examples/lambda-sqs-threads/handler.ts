/**
 * EventBridge → SQS → Lambda, posting with a bot token through the Web API: deployment threads
 * (one progress card per deployment, edited in place; problems, rollbacks and completion as
 * replies), partial batch responses, and state in DynamoDB so any number of concurrent Lambdas
 * share duplicates, digests and cards.
 *
 * Environment: SLACK_BOT_TOKEN_SECRET_ID (a Secrets Manager secret holding the bot token, read
 * once per cold start) or SLACK_BOT_TOKEN (the token itself, for local runs), SLACK_CHANNEL (a
 * channel ID), STATE_TABLE (see docs/dynamodb.md for the table), and optionally SLACK_API_URL (a
 * proxy or a test server). Infrastructure: ./cdk and ./terraform; README.md says how to deploy.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { WebClient } from '@slack/web-api';
import type { SlackChatClient } from 'ecs-slack';
import { DynamoDbStateStore } from 'ecs-slack/dynamodb';
import { createHandler, type EcsSlackHandler } from 'ecs-slack/lambda';

/** The bot token: from Secrets Manager when SLACK_BOT_TOKEN_SECRET_ID is set, else the environment. */
async function botToken(): Promise<string | undefined> {
  const secretId = process.env.SLACK_BOT_TOKEN_SECRET_ID;
  if (secretId === undefined || secretId === '') return process.env.SLACK_BOT_TOKEN;
  const secret = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: secretId }));
  return secret.SecretString?.trim();
}

/** One WebClient per cold start, created on the first message; a failed secret read is retried on the next. */
let client: Promise<WebClient> | undefined;
function webClient(): Promise<WebClient> {
  client ??= botToken().then(
    (token) =>
      new WebClient(token, {
        // Fail fast and let SQS bring the record back, instead of sleeping inside the function: no
        // retries, and a 429 is an error at once (with retries: 0 alone, the client would wait
        // out Retry-After and then fail anyway).
        retryConfig: { retries: 0 },
        rejectRateLimitedCalls: true,
        ...(process.env.SLACK_API_URL === undefined ? {} : { slackApiUrl: process.env.SLACK_API_URL }),
      }),
    (error: unknown) => {
      client = undefined;
      throw error;
    },
  );
  return client;
}

/**
 * `webApi` takes any object with `chat.postMessage` and `chat.update`: this one waits for the
 * token, so the handler can be created at module load without a top-level await.
 */
const slack: SlackChatClient = {
  chat: {
    postMessage: async (args) => (await webClient()).chat.postMessage(args),
    update: async (args) => (await webClient()).chat.update(args),
  },
};

export const handler: EcsSlackHandler = createHandler({
  webApi: { client: slack, channel: process.env.SLACK_CHANNEL ?? '' },
  store: new DynamoDbStateStore({ client: new DynamoDBClient({}), tableName: process.env.STATE_TABLE ?? '' }),
  filter: { preset: 'alerts' },
});
