/**
 * Pacing: a sender that posts no faster than Slack allows (about one message per second per
 * channel, short bursts), with its token bucket in the `StateStore` so that concurrent Lambdas
 * share it, Slack's `Retry-After` honoured over the local estimate, and queued in-place updates
 * of one message merged into one.
 *
 * @module
 */
import { DeliveryError } from '../errors.js';
import { MemoryStateStore } from '../state/memory-store.js';
import type { StateKey, StateStore, StateValue } from '../state/store.js';
import { numberField } from '../state/codec.js';
import { sleep as realSleep } from './backoff.js';
import type { PostOptions, SlackSender } from './sender.js';
import type { SlackMessage } from '../render/slack-message.js';

/**
 * How fast a destination may post (the pipeline's `pace` option, on by default): Slack's
 * documented rate, {@link PACE_DEFAULTS}, unless told otherwise; `pace: false` turns it off.
 */
export interface PaceOptions {
  /** Messages per second, sustained. Default 1 (Slack: about one message per second per channel). */
  readonly perSecond?: number;
  /** Messages that may go at once after a quiet spell. Default 3. */
  readonly burst?: number;
  /** The clock of the bucket, epoch milliseconds. Default `Date.now`. */
  readonly now?: () => number;
  /** Waits for the next token; inject a fake one to simulate time. Default: a real timer. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * Options of {@link createPacedSender}.
 */
export interface PacedSenderOptions extends PaceOptions {
  /**
   * Where the token bucket lives: share one store (the DynamoDB store) between Lambdas and they
   * share the pace. Default: a memory store of this sender's own.
   */
  readonly store?: StateStore;
  /** The bucket's id in the store (scope `pace`): one per Slack channel. Default `slack`. */
  readonly bucket?: string;
}

/**
 * The defaults of {@link PaceOptions}.
 *
 * @example
 * ```ts
 * import { createPipeline } from 'ecs-slack';
 * import { PACE_DEFAULTS } from 'ecs-slack/slack';
 *
 * // No bursts: one message a second at most.
 * const pipeline = createPipeline({ sender, pace: { ...PACE_DEFAULTS, burst: 1 } });
 * ```
 * @see https://docs.slack.dev/apis/web-api/rate-limits
 */
export const PACE_DEFAULTS: {
  /** 1 message per second. */
  readonly perSecond: number;
  /** Bursts of 3. */
  readonly burst: number;
} = { perSecond: 1, burst: 3 };

/** The errors of posts the pace did not start before their deadline. */
const notStarted = new WeakSet<object>();

/**
 * Whether a post failed only because its turn would have come after its deadline: nothing was
 * sent, and the event is deferred (handed back), not failed.
 *
 * @internal
 */
export function isPaceDeferral(error: unknown): boolean {
  return typeof error === 'object' && error !== null && notStarted.has(error);
}

/** Room an attempt needs before the deadline, after its wait for a token. */
const MIN_POST_MS = 50;
/** How long an idle bucket is kept, in seconds. */
const BUCKET_TTL_SECONDS = 3600;
const MAX_ATTEMPTS = 50;

/**
 * Wraps a sender so that it posts (and updates) at most `perSecond` messages per second after a
 * `burst`: each message takes a token from a bucket kept in `store` with conditional writes, so
 * Lambdas sharing the DynamoDB store share the pace. A post waits for its token; when the wait
 * would pass its `deadline`, it fails at once with a retryable `DeliveryError` (the pipeline
 * hands the event back). A 429's `Retry-After` stops every sender of the bucket until it ends.
 *
 * @param sender - The sender to pace.
 * @param options - Rate, burst, the store and bucket, and the clock.
 * @returns A sender with the same methods.
 * @throws RangeError when the rate or burst is not a positive number.
 * @example
 * ```ts
 * import { createWebhookSender } from 'ecs-slack';
 * import { createPacedSender } from 'ecs-slack/slack';
 *
 * // Lambdas sharing the DynamoDB store share the pace of the channel's bucket.
 * const sender = createPacedSender(createWebhookSender({ url }), { store: dynamoStore, bucket: 'ops' });
 * ```
 * @see https://docs.slack.dev/messaging/sending-and-scheduling-messages#rate-limiting
 */
export function createPacedSender(sender: SlackSender, options: PacedSenderOptions = {}): SlackSender {
  const perSecond = positive('perSecond', options.perSecond ?? PACE_DEFAULTS.perSecond);
  const burst = positive('burst', options.burst ?? PACE_DEFAULTS.burst);
  const store = options.store ?? new MemoryStateStore();
  const key: StateKey = { scope: 'pace', id: options.bucket ?? 'slack' };
  const now = options.now ?? Date.now;
  const wait = options.sleep ?? realSleep;

  /** Takes a token, waiting for one; throws when the deadline comes first. */
  async function acquire(deadline: number | undefined): Promise<void> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const at = now();
      const record = await store.get(key, at);
      const value = record?.value ?? {};
      const blocked = numberField(value, 'blockedUntil');
      const last = record === undefined ? at : numberField(value, 'at');
      const tokens =
        record === undefined ? burst : Math.min(burst, numberField(value, 'tokens') + ((at - last) / 1000) * perSecond);
      let delay = 0;
      if (blocked > at) delay = blocked - at;
      else if (tokens < 1) delay = Math.ceil(((1 - tokens) / perSecond) * 1000);
      if (delay === 0) {
        const next: StateValue = { tokens: tokens - 1, at, blockedUntil: blocked };
        const write = { now: at, ttlSeconds: BUCKET_TTL_SECONDS };
        const taken =
          record === undefined
            ? await store.put(key, next, write)
            : await store.put(key, next, { ...write, expectedVersion: record.version });
        if (taken !== undefined) return;
        continue; // another sender took a token first: read again
      }
      if (deadline !== undefined && Date.now() + delay + MIN_POST_MS > deadline) {
        const error = new DeliveryError(
          `Slack post not sent: the pace (${perSecond} message/s) leaves no time before the deadline`,
          { attempts: 0, retryable: true },
        );
        notStarted.add(error);
        throw error;
      }
      await wait(delay);
    }
    throw new DeliveryError('Slack post not sent: too much contention on the pace', { attempts: 0, retryable: true });
  }

  /** Stops every sender of the bucket until Slack's `Retry-After` ends. */
  async function block(ms: number): Promise<void> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const at = now();
      const record = await store.get(key, at);
      const until = at + ms;
      if (record !== undefined && numberField(record.value, 'blockedUntil') >= until) return;
      const value: StateValue = { tokens: 0, at, ...record?.value, blockedUntil: until };
      const write = { now: at, ttlSeconds: BUCKET_TTL_SECONDS };
      const done =
        record === undefined
          ? await store.put(key, value, write)
          : await store.put(key, value, { ...write, expectedVersion: record.version });
      if (done !== undefined) return;
    }
  }

  const waiting = new Map<string, { message: SlackMessage; readonly done: Promise<void> }>();
  const update = sender.update;
  return {
    async post(message, postOptions?: PostOptions) {
      await acquire(postOptions?.deadline);
      let retryAfter: number | undefined;
      const given = postOptions?.onRetryAfter;
      const onRetryAfter = (ms: number): void => {
        retryAfter = Math.max(retryAfter ?? 0, ms);
        given?.(ms);
      };
      try {
        return await sender.post(message, { ...postOptions, onRetryAfter });
      } finally {
        if (retryAfter !== undefined) await block(retryAfter).catch(() => undefined);
      }
    },
    ...(update === undefined
      ? {}
      : {
          update(channel: string, ts: string, message: SlackMessage): Promise<void> {
            // An update still waiting for its turn takes the newer content: one edit, not two.
            const id = `${channel}|${ts}`;
            const queued = waiting.get(id);
            if (queued !== undefined) {
              queued.message = message;
              return queued.done;
            }
            const entry: { message: SlackMessage; done: Promise<void> } = { message, done: Promise.resolve() };
            entry.done = (async () => {
              try {
                await acquire(undefined);
              } finally {
                waiting.delete(id);
              }
              await update.call(sender, channel, ts, entry.message);
            })();
            waiting.set(id, entry);
            return entry.done;
          },
        }),
  };
}

function positive(name: string, value: number): number {
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value))
    throw new RangeError(`createPacedSender: ${name} must be a positive number`);
  return value;
}
