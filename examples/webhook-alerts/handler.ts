/**
 * A Lambda function behind an SQS queue that posts stopped ECS tasks to a Slack incoming webhook.
 * The webhook URL comes from the environment here; pass an async function instead to read it
 * from AWS Secrets Manager once per container.
 *
 * A record whose message could not be delivered for a passing reason (Slack down, rate limited,
 * out of time budget) goes back to SQS through `batchItemFailures`; a message Slack refused for
 * good (a bad payload, a deleted webhook) is logged and dropped, since retrying cannot help.
 * The error never contains the webhook URL, so it is safe to log.
 */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { createWebhookSender, isDeliveryError, parseEcsEvents, type SlackMessage, type SlackSender } from 'ecs-slack';

/** One sender per Lambda container: the URL is resolved once and connections are reused. */
let slack: SlackSender | undefined;

/** Slack reads `&`, `<` and `>` as control characters: escape them in event text. */
const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  slack ??= createWebhookSender({ url: process.env.SLACK_WEBHOOK_URL ?? '', maxTotalMs: 8000 });
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of parseEcsEvents(event)) {
    if (!record.success) {
      batchItemFailures.push({ itemIdentifier: record.id });
      continue;
    }
    const ecs = record.data;
    if (ecs.kind !== 'task' || ecs.detail.lastStatus !== 'STOPPED') continue;
    const message: SlackMessage = { text: `Task stopped: ${escape(ecs.detail.stoppedReason ?? 'no reason given')}` };
    try {
      await slack.post(message);
    } catch (error) {
      if (!isDeliveryError(error)) throw error;
      console.error(JSON.stringify({ level: 'error', record: record.id, error: error.message, slack: error.slackError }));
      if (error.retryable) batchItemFailures.push({ itemIdentifier: record.id });
    }
  }
  return { batchItemFailures };
}
