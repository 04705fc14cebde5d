/**
 * `createHandler` with the `alerts` preset and a webhook, nothing else passed, for comparison
 * with the consumer: `npm run bench` reports its size as `webhookBundleGzipBytes` (not a budget).
 * It is as large as the consumer because the handler also reads its configuration from the
 * environment (evidence, policy, Amazon Q, threads), so all of that is linked in.
 */
import { type EcsSlackHandler, createHandler } from 'ecs-slack/lambda';

/** The Lambda entry point. */
export const handler: EcsSlackHandler = createHandler({
  filter: { preset: 'alerts' },
  webhookUrl: process.env.SLACK_WEBHOOK_URL ?? '',
});
