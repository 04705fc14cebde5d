/**
 * The shape of an Amazon Q Developer in chat applications custom notification (formerly AWS
 * Chatbot), as ecs-slack writes it: schema version `1.0`, source `custom`, `client-markdown` text.
 *
 * @see https://docs.aws.amazon.com/chatbot/latest/adminguide/custom-notifs.html
 * @module
 */

/**
 * What the notification shows: `title`, `description`, `nextSteps` and `keywords`, in the
 * `client-markdown` dialect that Amazon Q turns into Slack's, Microsoft Teams' or Amazon Chime's.
 */
export interface AmazonQContent {
  /** Only `client-markdown` is supported by Amazon Q. */
  readonly textType: 'client-markdown';
  /** Severity emoji and `<service>: <outcome>`, as the Slack header. */
  readonly title: string;
  /** The summary, the culprit, the facts, the AWS reason, the console links and the context. */
  readonly description: string;
  /** The hint with its AWS docs link, then where to look. Absent when there is none. */
  readonly nextSteps?: string[];
  /** Cluster, service, outcome and severity, as tags. */
  readonly keywords?: string[];
}

/**
 * How Amazon Q groups and labels the notification.
 */
export interface AmazonQMetadata {
  /** Notifications with the same id go to one thread (when the channel allows threads). */
  readonly threadId?: string;
  /** One plain sentence for the chat client's notification, as Slack's fallback `text`. */
  readonly summary: string;
  /** The ECS event's `detail-type` (with ` digest` for a digest). */
  readonly eventType: string;
  /** ARNs of the task, service, cluster, task definition or container instance. */
  readonly relatedResources?: string[];
  /** Identifiers and vocabulary for custom actions: kind, outcome, severity, cluster, ... */
  readonly additionalContext?: Record<string, string>;
}

/**
 * A custom notification: publish it as the `Message` of an SNS topic that an Amazon Q Developer
 * channel configuration subscribes to.
 *
 * @see https://docs.aws.amazon.com/chatbot/latest/adminguide/custom-notifs.html
 */
export interface AmazonQNotification {
  /** Must be `1.0`. */
  readonly version: '1.0';
  /** Must be `custom`. */
  readonly source: 'custom';
  /** A unique id: the ECS event's id, or one derived for a digest. */
  readonly id: string;
  /** What the chat client shows. */
  readonly content: AmazonQContent;
  /** Thread, summary, event type, resources and context. */
  readonly metadata: AmazonQMetadata;
}
