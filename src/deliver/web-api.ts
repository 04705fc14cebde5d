/**
 * The Web API sender: posts, replies in threads and edits messages through the user's own
 * `@slack/web-api` `WebClient` (or anything with the same two chat methods). ecs-slack never
 * imports `@slack/web-api`; the client is the user's, with its own token, retries and
 * rate-limit handling.
 *
 * @module
 */
import { DeliveryError } from '../errors.js';
import type { SlackMessage } from '../render/slack-message.js';
import { errorName, networkCode } from './network-code.js';
import type { SlackSender } from './sender.js';
import { describeRejectedPart, rejectionFromResult } from './slack-rejection.js';

/**
 * Arguments the sender passes to `chat.postMessage`: the message, the channel and, for a
 * reply, `thread_ts` (with `reply_broadcast` to show it in the channel too). Assignable to
 * `@slack/web-api`'s `ChatPostMessageArguments`.
 */
export type ChatPostMessageRequest = SlackMessage & {
  /** Channel ID (or name) to post to. */
  readonly channel: string;
} & (
    | {
        /** Parent message `ts` when posting a thread reply. */
        readonly thread_ts?: string;
        /** Never `true` here: a broadcast reply names its thread. */
        readonly reply_broadcast?: false;
      }
    | {
        /** Parent message `ts` of the reply. */
        readonly thread_ts: string;
        /** Also show the reply in the channel. */
        readonly reply_broadcast: boolean;
      }
  );

/**
 * Arguments the sender passes to `chat.update`: the new message, the channel ID and the `ts` of
 * the message to replace. Assignable to `@slack/web-api`'s `ChatUpdateArguments`.
 */
export type ChatUpdateRequest = SlackMessage & {
  /** Channel ID of the message. */
  readonly channel: string;
  /** `ts` of the message to replace. */
  readonly ts: string;
};

/**
 * The part of a `chat.postMessage` result the sender reads. `@slack/web-api`'s
 * `ChatPostMessageResponse` has this shape.
 */
export interface ChatPostMessageResult {
  /** `false` when Slack refused the call (a WebClient throws instead). */
  readonly ok?: boolean;
  /** Slack's error string when `ok` is `false`. */
  readonly error?: string;
  /** Channel ID the message landed in. */
  readonly channel?: string;
  /** The new message's `ts`. */
  readonly ts?: string;
}

/**
 * The two chat methods the sender calls.
 */
export interface SlackChatMethods {
  /**
   * Posts a message.
   *
   * @param args - Channel, message and optional `thread_ts`.
   * @returns Slack's result, with `channel` and `ts`.
   */
  postMessage(args: ChatPostMessageRequest): Promise<ChatPostMessageResult>;
  /**
   * Replaces a message posted earlier by the same app.
   *
   * @param args - Channel ID, `ts` and the new message.
   * @returns Slack's result; only `ok` and `error` are read.
   */
  update(args: ChatUpdateRequest): Promise<unknown>;
}

/**
 * The smallest client the Web API sender needs: a `@slack/web-api` `WebClient` fits, and so
 * does any object with `chat.postMessage` and `chat.update`.
 */
export interface SlackChatClient {
  /** The `chat.*` methods. */
  readonly chat: SlackChatMethods;
}

/**
 * Options of {@link createWebApiSender}.
 */
export interface WebApiSenderOptions {
  /** The user's `WebClient`, or any object with `chat.postMessage` and `chat.update`. */
  readonly client: SlackChatClient;
  /** Channel ID to post to. Use an ID (`C0123456789`) rather than a name: `chat.update` needs one. */
  readonly channel: string;
}

/**
 * The sender {@link createWebApiSender} returns: a {@link SlackSender} whose `update` is always
 * there, since the Web API can edit messages.
 */
export interface WebApiSender extends SlackSender {
  /**
   * Replaces the content of a message posted earlier by the same app, with `chat.update`.
   *
   * @param channel - The channel ID returned by `post`.
   * @param ts - The `ts` returned by `post`.
   * @param message - The new payload, with new `block_id`s.
   * @returns Resolves once Slack accepted the edit.
   */
  update(channel: string, ts: string, message: SlackMessage): Promise<void>;
}

/** Slack error strings that say "try again later". */
const RETRYABLE_ERRORS: ReadonlySet<string> = new Set([
  'ratelimited',
  'rate_limited',
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
]);

/** Shortest time before a post's deadline worth starting a `chat.postMessage` call in. */
const MIN_CALL_MS = 50;

/** Turns whatever the client threw (or a `{ ok: false }` result) into a safe DeliveryError. */
function deliveryError(method: string, error: unknown, message: SlackMessage): DeliveryError {
  const failed = `Slack ${method} failed`;
  const thrown = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    data?: unknown;
    statusCode?: unknown;
    retryAfter?: unknown;
    original?: unknown;
  };
  if (thrown.code === 'slack_webapi_rate_limited_error') {
    const after = typeof thrown.retryAfter === 'number' ? `; Retry-After ${thrown.retryAfter} s` : '';
    return new DeliveryError(`${failed}: rate limited${after}`, {
      status: 429,
      slackError: 'ratelimited',
      retryable: true,
    });
  }
  if (thrown.code === 'slack_webapi_http_error' && typeof thrown.statusCode === 'number') {
    const status = thrown.statusCode;
    return new DeliveryError(`${failed}: HTTP ${status}`, { status, retryable: status === 429 || status >= 500 });
  }
  if (thrown.code === 'slack_webapi_request_error') {
    return new DeliveryError(`${failed}: network error ${networkCode(thrown.original)}`, { retryable: true });
  }
  const rejection = rejectionFromResult(thrown.data ?? error);
  if (rejection.error !== undefined) {
    const part = describeRejectedPart(rejection, message);
    const retryable = RETRYABLE_ERRORS.has(rejection.error);
    const verb = retryable ? failed : `Slack ${method} rejected the message`;
    const detail = part === undefined ? rejection.error : `${rejection.error}; ${part}`;
    return new DeliveryError(`${verb}: ${detail}`, { slackError: rejection.error, retryable });
  }
  return new DeliveryError(`${failed}: unexpected ${errorName(error)}`, { retryable: false });
}

/**
 * Creates a {@link SlackSender} on the Web API, through the user's `WebClient` (or any object
 * with `chat.postMessage` / `chat.update`).
 *
 * @remarks `post` calls `chat.postMessage({ channel, ...message })`, with `thread_ts` for a reply (and
 * `reply_broadcast` when asked to show it in the channel too), and
 * resolves to the `channel` and `ts` Slack returns: keep them to reply in the thread or to edit
 * the message with `update`, which calls `chat.update` (give the new blocks new `block_id`s;
 * the renderers do). No retry loop here: a `WebClient` already retries and waits out 429s
 * itself. A post whose `deadline` leaves no time is not started (a retryable
 * {@link DeliveryError}); one already under way is not cut short. Failures become a {@link DeliveryError} with Slack's error string in `slackError`
 * (`channel_not_found`, `not_in_channel`, `invalid_blocks`, ...) and, for `invalid_blocks`, the
 * block Slack pointed at; tokens and the client's own error objects never appear in it.
 * Requires the `chat:write` scope.
 *
 * @param options - The client and the channel ID.
 * @returns A sender with `post` and `update`, both throwing {@link DeliveryError}.
 * @example
 * ```ts
 * import { WebClient } from '@slack/web-api';
 *
 * const sender = createWebApiSender({ client: new WebClient(process.env.SLACK_BOT_TOKEN), channel: 'C0123456789' });
 * const { channel, ts } = await sender.post(message);
 * await sender.post(reply, { threadTs: ts });
 * ```
 * @see https://docs.slack.dev/reference/methods/chat.postMessage
 * @see https://docs.slack.dev/reference/methods/chat.update
 */
export function createWebApiSender(options: WebApiSenderOptions): WebApiSender {
  const { client, channel } = options;
  return {
    async post(message, postOptions) {
      const deadline = postOptions?.deadline;
      // A WebClient call cannot be cut short, so none is started without time for it.
      if (deadline !== undefined && !(deadline - Date.now() >= MIN_CALL_MS)) {
        throw new DeliveryError('Slack chat.postMessage not called: the deadline leaves no time for it', {
          attempts: 0,
          retryable: true,
        });
      }
      const threadTs = postOptions?.threadTs;
      const args: ChatPostMessageRequest =
        threadTs === undefined
          ? { ...message, channel }
          : postOptions?.replyBroadcast === true
            ? { ...message, channel, thread_ts: threadTs, reply_broadcast: true }
            : { ...message, channel, thread_ts: threadTs };
      let result: ChatPostMessageResult;
      try {
        result = await client.chat.postMessage(args);
      } catch (error) {
        throw deliveryError('chat.postMessage', error, message);
      }
      if (result.ok === false) throw deliveryError('chat.postMessage', result, message);
      return { channel: result.channel, ts: result.ts };
    },
    async update(target, ts, message) {
      let result: unknown;
      try {
        result = await client.chat.update({ ...message, channel: target, ts });
      } catch (error) {
        throw deliveryError('chat.update', error, message);
      }
      if ((result as { ok?: unknown } | undefined)?.ok === false) throw deliveryError('chat.update', result, message);
    },
  };
}
