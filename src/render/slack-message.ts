/**
 * The shape every renderer returns.
 *
 * @module
 */
import type { KnownBlock, MessageAttachment } from '@slack/types';

/**
 * A Slack message payload, typed with `@slack/types`: `{ text, blocks }`, or, when colour is on,
 * `{ text, blocks: [header], attachments: [{ color, blocks }] }` (the header stays on top so
 * that `text` is only the notification fallback and is not shown a second time). It spreads
 * straight into `IncomingWebhook.send(...)` and `chat.postMessage({ channel, ...message })`.
 *
 * `text` is always a concise plain sentence: Slack uses it for notifications and screen readers.
 */
export interface SlackMessage {
  /** Plain-language fallback for notifications and screen readers. */
  text: string;
  /** The Block Kit blocks (all of them, or the header when colour is on). */
  blocks?: KnownBlock[];
  /** One attachment carrying the colour bar and the other blocks, when colour is on. */
  attachments?: MessageAttachment[];
}
