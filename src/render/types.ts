/**
 * The shape every renderer returns.
 *
 * @module
 */
import type { KnownBlock, MessageAttachment } from '@slack/types';

/**
 * A Slack message payload, typed with `@slack/types`: `{ text, blocks }`, or
 * `{ text, attachments: [{ color, blocks }] }` when colour is on. It spreads straight into
 * `IncomingWebhook.send(...)` and `chat.postMessage({ channel, ...message })`.
 *
 * `text` is always a concise plain sentence: Slack uses it for notifications and screen readers.
 */
export interface SlackMessage {
  /** Plain-language fallback for notifications and screen readers. */
  text: string;
  /** The Block Kit blocks, when colour is off. */
  blocks?: KnownBlock[];
  /** One attachment carrying the colour bar and the blocks, when colour is on. */
  attachments?: MessageAttachment[];
}
