/**
 * `ecs-slack/amazon-q`: ecs-slack's alerts as Amazon Q Developer in chat applications custom
 * notifications (formerly AWS Chatbot), for teams that post to Slack, Microsoft Teams or Amazon
 * Chime through AWS's managed chat integration instead of a Slack app of their own.
 *
 * The renderers are pure and need nothing else. The sender needs the optional peer dependency
 * `@aws-sdk/client-sns` (v3; the Lambda runtime provides it), loaded on its first post; the root
 * `ecs-slack` entry never imports it. The topic policy, channel configuration and IAM are in
 * `docs/amazon-q.md`.
 *
 * @example
 * ```ts
 * import { parseEcsEvent } from 'ecs-slack';
 * import { createAmazonQSender, renderAmazonQ } from 'ecs-slack/amazon-q';
 *
 * const sender = createAmazonQSender({ topicArn: process.env.AMAZON_Q_TOPIC_ARN! });
 * await sender.post(renderAmazonQ(parseEcsEvent(input)));
 * // Or as a destination of the Lambda handler: createHandler({ amazonQ: { topicArn } }).
 * ```
 *
 * @module ecs-slack/amazon-q
 */

export type { AmazonQContent, AmazonQMetadata, AmazonQNotification } from '../render/amazon-q/types.js';
export { renderAmazonQ, renderAmazonQDecision, renderAmazonQDigest } from '../render/amazon-q/render.js';
export { renderAmazonQSilenceSummary } from '../render/amazon-q/silence-summary.js';
export { renderAmazonQIncident } from '../render/amazon-q/incident.js';
export { escapeClientMarkdown, type ClientMarkdown } from '../render/amazon-q/markdown.js';
export { AMAZON_Q_LIMITS } from '../render/amazon-q/limits.js';
export {
  createAmazonQSender,
  type AmazonQSender,
  type AmazonQSenderOptions,
  type PublishedNotification,
} from '../deliver/amazon-q/sns-sender.js';
export type { AwsClientLike } from '../internal/aws-client.js';
