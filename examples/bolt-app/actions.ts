/**
 * The alert buttons inside the Bolt app you already run: `registerEcsSlackActions` adds the
 * listeners of Acknowledge, Mute 1h / 4h / 24h and Unmute next to your own. The silences go to
 * the store the alerts function reads (its DynamoDB table), so a mute takes effect there.
 *
 * Your alerts must be rendered with `render: { interactive: true, signingSecret }` (the same
 * signing secret as this app's), and posted with the app's bot token (`chat.update` edits only
 * the app's own messages).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { App } from '@slack/bolt';
import { DynamoDbStateStore } from 'ecs-slack/dynamodb';
import { registerEcsSlackActions } from 'ecs-slack/slack-actions';

/** Adds the alert buttons' listeners to `app`; `allow` are user ids and user group ids. */
export function addAlertButtons(app: App, allow: readonly string[]): void {
  const store = new DynamoDbStateStore({
    client: new DynamoDBClient({}),
    tableName: process.env.ECS_SLACK_TABLE ?? 'ecs-slack-state',
  });
  registerEcsSlackActions(app, { store, allow, signingSecret: process.env.SLACK_SIGNING_SECRET });
}
