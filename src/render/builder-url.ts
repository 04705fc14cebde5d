/**
 * Links to Slack's Block Kit Builder, to look at a rendered message.
 *
 * @module
 */
import type { SlackMessage } from './slack-message.js';

/**
 * A Block Kit Builder link that opens the message, to look at it in Slack's own renderer.
 *
 * @param message - A rendered message.
 * @returns The Builder URL (the message travels in the fragment, never sent to a server).
 * @example
 * ```ts
 * console.log(blockKitBuilderUrl(renderMessage(event)));
 * ```
 * @see https://app.slack.com/block-kit-builder
 */
export function blockKitBuilderUrl(message: SlackMessage): string {
  const payload = {
    ...(message.blocks === undefined ? {} : { blocks: message.blocks }),
    ...(message.attachments === undefined ? {} : { attachments: message.attachments }),
  };
  return `https://app.slack.com/block-kit-builder/#${encodeURIComponent(JSON.stringify(payload))}`;
}
