/**
 * The Amazon Q Developer (formerly AWS Chatbot) custom notification schema, written from AWS's
 * documentation, with the sizes ecs-slack keeps to:
 *
 * - the event schema and parameter details of
 *   https://docs.aws.amazon.com/chatbot/latest/adminguide/custom-notifs.html: `version` must be
 *   `1.0`, `source` must be `custom`, `id` is optional, `textType` only `client-markdown`;
 *   `content` holds `title`, `description`, `nextSteps` and `keywords` (strings and arrays of
 *   strings), `metadata` holds `threadId`, `summary`, `eventType`, `relatedResources` (strings)
 *   and `additionalContext` (string to string). `description` is required here because
 *   ecs-slack always sends one; unknown keys are refused, so a misspelt field fails;
 * - SNS Publish: the message is UTF-8, at most 262,144 bytes
 *   (https://docs.aws.amazon.com/sns/latest/api/API_Publish.html);
 * - the per-field sizes of AMAZON_Q_LIMITS (Slack's block limits and ecs-slack's own caps), typed
 *   here as numbers on purpose, so a change to the library's table shows up as a test failure.
 */
import * as z from 'zod';

type Limit =
  | 'messageBytes'
  | 'title'
  | 'description'
  | 'summary'
  | 'nextSteps'
  | 'nextStep'
  | 'keywords'
  | 'keyword'
  | 'id'
  | 'relatedResources'
  | 'resourceArn'
  | 'contextValue';

/** The limits this check enforces (docs/amazon-q.md has the table and the sources). */
export const CHECKED_LIMITS: Readonly<Record<Limit, number>> = {
  messageBytes: 262_144,
  title: 150,
  description: 3000,
  summary: 600,
  nextSteps: 5,
  nextStep: 500,
  keywords: 8,
  keyword: 64,
  id: 256,
  relatedResources: 10,
  resourceArn: 1024,
  contextValue: 256,
};

const L = CHECKED_LIMITS;
const text = (max: number) => z.string().min(1).max(max);

/** A custom notification as AWS documents it, within ecs-slack's sizes; unknown keys are refused. */
export const AmazonQNotificationSchema: z.ZodType = z.strictObject({
  version: z.literal('1.0'),
  source: z.literal('custom'),
  id: z.optional(text(L.id)),
  content: z.strictObject({
    textType: z.optional(z.literal('client-markdown')),
    title: z.optional(text(L.title)),
    description: text(L.description),
    nextSteps: z.optional(z.array(text(L.nextStep)).min(1).max(L.nextSteps)),
    keywords: z.optional(z.array(text(L.keyword)).min(1).max(L.keywords)),
  }),
  metadata: z.optional(
    z.strictObject({
      threadId: z.optional(text(L.id)),
      summary: z.optional(text(L.summary)),
      eventType: z.optional(text(128)),
      relatedResources: z.optional(z.array(text(L.resourceArn).startsWith('arn:')).min(1).max(L.relatedResources)),
      additionalContext: z.optional(z.record(z.string().min(1), text(L.contextValue))),
    }),
  ),
});

/**
 * Every problem with a notification, as `path: message` lines: the schema, and the SNS size of
 * the JSON that is published. An empty list means it is valid.
 */
export function notificationProblems(notification: unknown): string[] {
  const result = AmazonQNotificationSchema.safeParse(notification);
  const problems = result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  const bytes = Buffer.byteLength(JSON.stringify(notification) ?? '', 'utf8');
  if (bytes > L.messageBytes) problems.push(`message: ${bytes} bytes, over SNS's ${L.messageBytes}`);
  return problems;
}
