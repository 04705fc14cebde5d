/**
 * The sizes an Amazon Q notification is kept within, as data, and the list policy for its
 * arrays. Prose is cut with an ellipsis and identifiers are never cut, as in Slack messages (the
 * same `fitProse` and `fitId`); arrays keep their first items and end with "and N more".
 *
 * Where the sizes come from: SNS documents the message cap (262,144 bytes of UTF-8). The custom
 * notification page documents the fields, their required values and the markdown; ecs-slack keeps
 * each field within the Slack block Amazon Q draws it in (Slack being the tightest of its chat
 * clients), and sets its own caps on the lists. docs/amazon-q.md has the table.
 *
 * @module
 */
import { SLACK_LIMITS } from '../limits.js';

/**
 * The limits ecs-slack renders Amazon Q notifications within (characters as JavaScript string
 * length, counted on the markdown sent, except `messageBytes`).
 *
 * @see https://docs.aws.amazon.com/sns/latest/api/API_Publish.html
 * @see https://docs.aws.amazon.com/chatbot/latest/adminguide/custom-notifs.html
 */
export const AMAZON_Q_LIMITS: {
  /**
   * The whole notification as JSON, in UTF-8 bytes: SNS's documented `Message` cap.
   * @see https://docs.aws.amazon.com/sns/latest/api/API_Publish.html
   */
  readonly messageBytes: 262_144;
  /** `content.title`: a Slack header block's text. */
  readonly title: typeof SLACK_LIMITS.headerText;
  /** `content.description`: a Slack section block's text. */
  readonly description: typeof SLACK_LIMITS.sectionText;
  /** `metadata.summary`: the sentence ecs-slack keeps Slack's fallback text to. */
  readonly summary: typeof SLACK_LIMITS.fallbackText;
  /** Items of `content.nextSteps` (ecs-slack's own cap). */
  readonly nextSteps: 5;
  /** Characters of one next step (ecs-slack's own cap). */
  readonly nextStep: 500;
  /** Items of `content.keywords` (ecs-slack's own cap). */
  readonly keywords: 8;
  /** Characters of one keyword (ecs-slack's own cap). */
  readonly keyword: 64;
  /** Characters of `metadata.threadId` and of `id` (ecs-slack's ids are far shorter). */
  readonly id: 256;
  /** Items of `metadata.relatedResources` (ecs-slack's own cap). */
  readonly relatedResources: 10;
  /** Characters of one ARN in `metadata.relatedResources`. */
  readonly resourceArn: 1024;
  /** Characters of one `metadata.additionalContext` value (ecs-slack's own cap). */
  readonly contextValue: 256;
} = {
  messageBytes: 262_144,
  title: SLACK_LIMITS.headerText,
  description: SLACK_LIMITS.sectionText,
  summary: SLACK_LIMITS.fallbackText,
  nextSteps: 5,
  nextStep: 500,
  keywords: 8,
  keyword: 64,
  id: 256,
  relatedResources: 10,
  resourceArn: 1024,
  contextValue: 256,
};

/**
 * List policy for arrays: the first items while they fit in `max`, the last place taken by
 * `more(n)` for the `n` items left out.
 *
 * @internal
 */
export function fitItems<T>(items: readonly T[], max: number, more: (count: number) => T): T[] {
  if (items.length <= max) return [...items];
  const kept = items.slice(0, Math.max(0, max - 1));
  return [...kept, more(items.length - kept.length)];
}
