/**
 * The consumer Lambda behind `bundleGzipBytes` and `coldFirstPayloadMs`: what a user writes with
 * ecs-slack, importing the whole pipeline from the built package with named imports only.
 *
 * EventBridge or SQS in; unwrap and parse, classify, the noise filter (default memory store),
 * render, and post to an incoming webhook; failed SQS records go back through
 * `batchItemFailures`.
 */
import {
  classify,
  createNoiseFilter,
  createWebhookSender,
  isDeliveryError,
  parseEcsEvents,
  renderDecision,
  type SlackSender,
} from 'ecs-slack';

/** What the handler returns: the SQS partial-batch response shape. */
export interface BatchResponse {
  batchItemFailures: { itemIdentifier: string }[];
}

/** One noise filter per Lambda container: its memory store lives as long as the container. */
const filter = createNoiseFilter({ preset: 'alerts' });

/**
 * Builds the Lambda handler around a sender; the webhook sender reading `SLACK_WEBHOOK_URL` by
 * default.
 */
export function createHandler(sender?: SlackSender): (event: unknown) => Promise<BatchResponse> {
  let slack = sender;
  return async (event) => {
    slack ??= createWebhookSender({ url: () => process.env.SLACK_WEBHOOK_URL ?? '' });
    const batchItemFailures: BatchResponse['batchItemFailures'] = [];
    for (const record of parseEcsEvents(event)) {
      if (!record.success) {
        console.error(record.error.message);
        batchItemFailures.push({ itemIdentifier: record.id });
        continue;
      }
      const now = Date.now();
      const decision = await filter.decide(record.data, classify(record.data), now);
      if (decision.action !== 'notify' && decision.action !== 'digest') continue;
      try {
        await slack.post(renderDecision(decision, record.data));
        await filter.commit(decision, now);
      } catch (error) {
        await filter.release(decision, now);
        if (!isDeliveryError(error) || error.retryable) batchItemFailures.push({ itemIdentifier: record.id });
        else console.error(error.message);
      }
    }
    return { batchItemFailures };
  };
}

/** The Lambda entry point. */
export const handler: (event: unknown) => Promise<BatchResponse> = createHandler();
