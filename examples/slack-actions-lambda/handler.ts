/**
 * The alert buttons (Acknowledge, Mute, Unmute) as a Lambda function behind a function URL, with
 * your own store: the alerts function's DynamoDB table, where its silences are read. Set the
 * function URL as the Slack app's Interactivity Request URL.
 *
 * The `EcsSlackAlerts` construct deploys the same thing with `interactive` (its own `handler`,
 * configured by environment variables); write this one to choose the store or the secrets' source.
 * Environment: SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, ECS_SLACK_TABLE, ECS_SLACK_ALLOW
 * (`U0123ABCD,S0123ABCD`).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDbStateStore } from 'ecs-slack/dynamodb';
import { createSlackActionsHandler } from 'ecs-slack/slack-actions';

export const handler = createSlackActionsHandler(async () => ({
  token: process.env.SLACK_BOT_TOKEN ?? '',
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? '',
  store: new DynamoDbStateStore({ client: new DynamoDBClient({}), tableName: process.env.ECS_SLACK_TABLE ?? '' }),
  allow: (process.env.ECS_SLACK_ALLOW ?? '').split(','),
}));
