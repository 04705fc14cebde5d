/**
 * EventBridge → SQS → Lambda, posting with a bot token through the Web API: deployment threads
 * (one progress card per deployment, edited in place; problems, rollbacks and completion as
 * replies), partial batch responses, and state in DynamoDB so any number of concurrent Lambdas
 * share duplicates, digests and cards.
 *
 * Environment: SLACK_BOT_TOKEN (better: resolve it from Secrets Manager at cold start),
 * SLACK_CHANNEL (a channel ID), STATE_TABLE (see docs/dynamodb.md for the table), and optionally
 * SLACK_API_URL (a proxy or a test server). Infrastructure: ./infra.ts (CDK) and ./main.tf.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { WebClient } from '@slack/web-api';
import { DynamoDbStateStore } from 'ecs-slack/dynamodb';
import { createHandler, type EcsSlackHandler } from 'ecs-slack/lambda';

const slack = new WebClient(process.env.SLACK_BOT_TOKEN, {
  // Let SQS retry a failed record instead of sleeping inside the Lambda; 429s are still waited out.
  retryConfig: { retries: 0 },
  ...(process.env.SLACK_API_URL === undefined ? {} : { slackApiUrl: process.env.SLACK_API_URL }),
});

export const handler: EcsSlackHandler = createHandler({
  webApi: { client: slack, channel: process.env.SLACK_CHANNEL ?? '' },
  store: new DynamoDbStateStore({ client: new DynamoDBClient({}), tableName: process.env.STATE_TABLE ?? '' }),
  filter: { preset: 'alerts' },
});
