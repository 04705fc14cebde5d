/**
 * Your own loop around the pieces, for when `createHandler` does more than you want: a Lambda
 * behind an SQS queue that renders stopped ECS tasks as Block Kit alerts and posts them to a
 * Slack incoming webhook. The webhook URL comes from the environment here; pass an async function
 * instead to read it from AWS Secrets Manager once per container.
 *
 * Nothing is dropped: a record that could not be read or delivered goes back to SQS through
 * `batchItemFailures`. A passing failure (Slack down, rate limited, out of time) succeeds on a
 * later receive; one Slack refuses for good (a bad payload, a deleted webhook) ends in the queue's
 * dead-letter queue after its `maxReceiveCount`, where `ecs-slack send` can replay it once fixed.
 * The error never contains the webhook URL, so it is safe to log.
 */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import {
  classify,
  createWebhookSender,
  isDeliveryError,
  parseEcsEvents,
  renderMessage,
  type SlackSender,
} from 'ecs-slack';

/** One sender per Lambda container: the URL is resolved once and connections are reused. */
let slack: SlackSender | undefined;

export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  slack ??= createWebhookSender({ url: process.env.SLACK_WEBHOOK_URL ?? '', maxTotalMs: 8000 });
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of parseEcsEvents(event)) {
    if (!record.success) {
      console.error(JSON.stringify({ level: 'error', record: record.id, error: record.error.message }));
      batchItemFailures.push({ itemIdentifier: record.id });
      continue;
    }
    const ecs = record.data;
    if (ecs.kind !== 'task' || ecs.detail.lastStatus !== 'STOPPED') continue;
    const c = classify(ecs);
    if (c.severity === 'info' || c.severity === 'success') continue; // deployments, scale-in, finished jobs
    try {
      // renderMessage escapes every event text: no reason can ping @channel or forge a link.
      await slack.post(renderMessage(ecs, { classification: c }));
    } catch (error) {
      if (!isDeliveryError(error)) throw error;
      console.error(
        JSON.stringify({
          level: 'error',
          record: record.id,
          error: error.message,
          slack: error.slackError,
          retryable: error.retryable,
        }),
      );
      batchItemFailures.push({ itemIdentifier: record.id });
    }
  }
  return { batchItemFailures };
}
