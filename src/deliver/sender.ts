/**
 * The sender contract: what the pipeline needs from a Slack transport, whatever it is.
 *
 * @module
 */
import type { SlackMessage } from '../render/slack-message.js';

/**
 * Where a posted message landed, as far as the transport can tell.
 *
 * The Web API returns both fields; an incoming webhook returns neither (its answer is the plain
 * text `ok`), which is why deployment threads and in-place updates need the Web API.
 */
export interface PostedMessage {
  /** The channel ID the message was posted to, when the transport reports it. */
  readonly channel?: string;
  /** The message timestamp (its ID in the channel), when the transport reports it. */
  readonly ts?: string;
}

/**
 * Options for one {@link SlackSender.post} call.
 */
export interface PostOptions {
  /**
   * Post as a reply in the thread of this parent message `ts` (always the parent's, never a
   * reply's). Sent as Slack's `thread_ts`; incoming webhooks accept it too.
   */
  readonly threadTs?: string;
  /**
   * With `threadTs`: also show the reply in the channel (Slack's `reply_broadcast`). The Web API
   * sender sends it; incoming webhooks ignore it. Default `false`.
   */
  readonly replyBroadcast?: boolean;
  /**
   * Epoch milliseconds (on `Date.now`'s clock, or the sender's own `now`) past which no attempt
   * may run: each attempt's timeout and each wait between attempts is cut to it, and nothing is
   * started once it has passed (the post fails with a retryable `DeliveryError`). The Lambda
   * handler sets it from the invocation's remaining time. Default: none.
   */
  readonly deadline?: number;
  /**
   * Called with Slack's `Retry-After` (in milliseconds) when it answers 429, so that a pacer
   * (`createPacedSender`) holds every sender of its channel back until then. The webhook sender
   * calls it; a sender that cannot tell ignores it.
   */
  readonly onRetryAfter?: (retryAfterMs: number) => void;
}

/**
 * A Slack transport: posts a rendered {@link SlackMessage}, optionally as a thread reply, and
 * optionally edits a message it posted earlier.
 *
 * @remarks Implementations throw a `DeliveryError` (never containing a webhook URL or a token) when Slack
 * refused the message or could not be reached; its `retryable` flag says whether trying again
 * later may help. Built-in implementations: {@link createWebhookSender} and
 * {@link createWebApiSender}; any object with this shape works, for example a test double.
 *
 * @example
 * ```ts
 * const sender: SlackSender = createWebApiSender({ client: new WebClient(token), channel: 'C0123456789' });
 * const parent = await sender.post(render(deploymentStarted));
 * await sender.post(render(taskCrashed), { threadTs: parent.ts });
 * if (parent.channel && parent.ts) await sender.update?.(parent.channel, parent.ts, render(deploymentDone));
 * ```
 * @see https://docs.slack.dev/messaging/sending-and-scheduling-messages
 */
export interface SlackSender {
  /**
   * Posts a message.
   *
   * @param message - The payload to post, as the renderers return it.
   * @param options - Thread to reply in, and the deadline, if any.
   * @returns Where the message landed: `channel` and `ts` when the transport reports them.
   */
  post(message: SlackMessage, options?: PostOptions): Promise<PostedMessage>;
  /**
   * Replaces the content of a message this sender posted earlier. Absent on transports that
   * cannot edit messages (incoming webhooks).
   *
   * @param channel - The channel ID returned by {@link SlackSender.post}.
   * @param ts - The `ts` returned by {@link SlackSender.post}.
   * @param message - The new payload. Give its blocks new `block_id`s: Slack requires them to
   *   be unique per update.
   * @returns Resolves once Slack accepted the edit.
   */
  update?(channel: string, ts: string, message: SlackMessage): Promise<void>;
}
