/**
 * The incoming-webhook sender: Node's `fetch`, a timeout per attempt, retries with backoff and
 * jitter, Slack's `Retry-After`, all within one time budget. The webhook URL never appears in
 * anything it throws.
 *
 * @module
 */
import { DeliveryError, isConfigError, isEcsSlackError } from '../errors.js';
import type { SlackMessage } from '../render/slack-message.js';
import { type BackoffPolicy, backoffDelay, retryAfterMs, sleep as realSleep } from './backoff.js';
import { errorName } from './network-code.js';
import type { SlackSender } from './sender.js';
import { describeRejectedPart, rejectionFromBody } from './slack-rejection.js';
import { attemptPost, type AttemptOutcome } from './webhook-attempt.js';
import { webhookUrlProblem } from './webhook-url.js';

/**
 * The incoming-webhook URL, or a function that resolves it, for example from AWS Secrets
 * Manager. The function is called on the first post only; its result is kept for the life of
 * the sender (a failed resolution is retried on the next post).
 */
export type WebhookUrl = string | (() => string | Promise<string>);

/**
 * Options of {@link createWebhookSender}. Every duration is in milliseconds; the defaults are
 * those of {@link WEBHOOK_DEFAULTS}.
 */
export interface WebhookSenderOptions {
  /**
   * The webhook URL (a secret: it never appears in errors), or a function resolving it once.
   * It must be `https:`; plain `http:` is accepted only to a loopback address (a test server).
   */
  readonly url: WebhookUrl;
  /** Time allowed for one attempt, response body included. Default 5000. */
  readonly timeoutMs?: number;
  /** Attempts in all, the first included; 1 disables retries. Default 3. */
  readonly maxAttempts?: number;
  /** Backoff before the first retry after a network error, timeout or 5xx (about). Default 500. */
  readonly baseDelayMs?: number;
  /** Longest single backoff wait. Default 4000. */
  readonly maxDelayMs?: number;
  /**
   * Budget for the whole call: attempts, timeouts and waits together. A retry whose wait (a
   * backoff, or a 429's `Retry-After`) would end past the budget is not made: the call fails
   * at once with a retryable {@link DeliveryError}. Default 10000.
   */
  readonly maxTotalMs?: number;
  /** Waits between attempts; inject a fake one in tests. Default: a real timer. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Source of numbers in `[0, 1)` for the jitter. Default `Math.random`. */
  readonly random?: () => number;
  /** Current time in epoch milliseconds, for the budget. Default `Date.now`. */
  readonly now?: () => number;
}

/**
 * The documented defaults of {@link WebhookSenderOptions}, in milliseconds and attempts.
 *
 * @example
 * ```ts
 * // Leave a second of a 10 s Lambda timeout for the rest of the handler.
 * createWebhookSender({ url, maxTotalMs: WEBHOOK_DEFAULTS.maxTotalMs - 1000 });
 * ```
 * @see https://docs.slack.dev/apis/web-api/rate-limits
 */
export const WEBHOOK_DEFAULTS: {
  /** Time allowed for one attempt: 5000. */
  readonly timeoutMs: number;
  /** Attempts in all: 3. */
  readonly maxAttempts: number;
  /** Backoff before the first retry: about 500. */
  readonly baseDelayMs: number;
  /** Longest single backoff wait: 4000. */
  readonly maxDelayMs: number;
  /** Budget for the whole call: 10000. */
  readonly maxTotalMs: number;
} = { timeoutMs: 5000, maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 4000, maxTotalMs: 10_000 };

/** What went wrong with one attempt, in words that are safe to log. */
function describeOutcome(outcome: Exclude<AttemptOutcome, { kind: 'delivered' }>, slackError?: string): string {
  switch (outcome.kind) {
    case 'timeout':
      return `timed out after ${outcome.timeoutMs} ms`;
    case 'network':
      return `network error ${outcome.code} connecting to ${outcome.host}`;
    case 'response':
      return slackError === undefined ? `HTTP ${outcome.status}` : `HTTP ${outcome.status} ${slackError}`;
  }
}

/** Answers below 500 that are worth another attempt: rate limited, request timeout, too early. */
const RETRYABLE_STATUS: ReadonlySet<number> = new Set([408, 425, 429]);

function attemptsText(attempts: number): string {
  return attempts === 1 ? '1 attempt' : `${attempts} attempts`;
}

/**
 * Shortest attempt worth starting before a deadline: less cannot carry a request to Slack and
 * its answer back, and would only turn into a timeout.
 */
const MIN_ATTEMPT_MS = 50;

/** The deadline of one post, `Infinity` for none. */
function deadlineOf(deadline: number | undefined): number {
  if (deadline === undefined) return Number.POSITIVE_INFINITY;
  if (typeof deadline !== 'number' || Number.isNaN(deadline)) {
    throw new RangeError('SlackSender.post: options.deadline must be epoch milliseconds');
  }
  return deadline;
}

/** The error of a post that the deadline leaves no time for. */
function lateError(attempts: number): DeliveryError {
  const tried = attempts === 0 ? 'not sent' : `stopped after ${attemptsText(attempts)}`;
  return new DeliveryError(`Slack webhook ${tried}: the deadline leaves no time for an attempt`, {
    attempts,
    retryable: true,
  });
}

/** Resolves the URL once and checks it, without ever echoing it. */
function urlResolver(source: WebhookUrl): () => Promise<string> {
  let pending: Promise<string> | undefined;
  const resolve = async (): Promise<string> => {
    let url: unknown;
    try {
      url = typeof source === 'function' ? await source() : source;
    } catch (error) {
      // ecs-slack's own errors (a ConfigError from the Lambda configuration) never carry a secret,
      // so their message is kept; of anything else only the class name.
      const what = isEcsSlackError(error) ? `${error.name}: ${error.message}` : errorName(error);
      throw new DeliveryError(`Slack webhook URL could not be resolved (${what})`, {
        attempts: 0,
        retryable: !isConfigError(error) || error.retryable,
      });
    }
    const problem = webhookUrlProblem(url);
    if (problem !== undefined)
      throw new DeliveryError(`Slack webhook URL ${problem}`, { attempts: 0, retryable: false });
    return url as string;
  };
  return () => {
    pending ??= resolve().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

/**
 * Creates a {@link SlackSender} that posts to a Slack incoming webhook with Node's `fetch`.
 *
 * @remarks Each attempt has its own timeout. Network errors, timeouts, 5xx, 408 and 425 answers are
 * retried after an exponential backoff with jitter (about `baseDelayMs`, then twice that, up to
 * `maxDelayMs`); a 429 (or a 5xx that sends one) is retried after its `Retry-After` plus up to
 * `baseDelayMs` of jitter, so that concurrent Lambdas do not all come back at once; every other
 * 4xx, and a redirect (which is never followed), fails at once. All of it stays within `maxTotalMs`,
 * and within a post's `deadline` when it has one (each attempt's timeout is cut to it): when the
 * next wait would end past either, the call fails at once with a retryable {@link DeliveryError},
 * so a Lambda can hand the event back to EventBridge or SQS instead of timing out.
 *
 * The thrown {@link DeliveryError} carries the HTTP `status`, Slack's error string in
 * `slackError` (`invalid_blocks`, `no_service`, `channel_not_found`, `channel_is_archived`,
 * `action_prohibited`, ...), the number of `attempts` and `retryable`. When Slack names the
 * offending block with a JSON-pointer hint, the message names its index, `type` and `block_id`.
 * The URL never appears in the message, the stack, a `cause` or any property. Webhooks return
 * no `ts`, so the sender has no `update` and `post` resolves to `{}`. It never sets
 * `link_names`.
 *
 * @param options - The URL (or its resolver) and the retry settings; see {@link WEBHOOK_DEFAULTS}.
 * @returns A sender whose `post` resolves once Slack answered 2xx.
 * @throws RangeError when a numeric option is not a positive number.
 * @example
 * ```ts
 * const sender = createWebhookSender({
 *   url: async () => (await secrets.getSecretValue({ SecretId: 'slack-webhook' })).SecretString ?? '',
 *   maxTotalMs: 8000,
 * });
 * await sender.post(message);
 * ```
 * @see https://docs.slack.dev/messaging/sending-messages-using-incoming-webhooks
 * @see https://docs.slack.dev/apis/web-api/rate-limits
 */
export function createWebhookSender(options: WebhookSenderOptions): SlackSender {
  const { timeoutMs, maxAttempts, policy, maxTotalMs, wait, random, now } = retrySettings(
    'createWebhookSender',
    options,
    WEBHOOK_DEFAULTS,
  );
  const resolveUrl = urlResolver(options.url);

  return {
    async post(message, postOptions) {
      const started = now();
      const deadline = deadlineOf(postOptions?.deadline);
      /** Time left for the next attempt or wait: the budget's, cut to the deadline's. */
      const left = (): { ms: number; byDeadline: boolean } => {
        const budget = maxTotalMs - (now() - started);
        const untilDeadline = deadline - now();
        return untilDeadline < budget ? { ms: untilDeadline, byDeadline: true } : { ms: budget, byDeadline: false };
      };
      if (deadline - now() < MIN_ATTEMPT_MS) throw lateError(0);
      const url = await resolveUrl();
      const payload: SlackMessage & { thread_ts?: string } =
        postOptions?.threadTs === undefined ? message : { ...message, thread_ts: postOptions.threadTs };
      const body = JSON.stringify(payload);

      for (let attempt = 1; ; attempt += 1) {
        const room = left();
        // The URL resolution may have used up the time the deadline leaves.
        if (room.byDeadline && room.ms < MIN_ATTEMPT_MS) throw lateError(attempt - 1);
        const outcome = await attemptPost(url, body, Math.min(timeoutMs, room.ms));
        if (outcome.kind === 'delivered') return {};

        const rejection = outcome.kind === 'response' ? rejectionFromBody(outcome.body) : undefined;
        const status = outcome.kind === 'response' ? outcome.status : undefined;
        const what = describeOutcome(outcome, rejection?.error);
        const fields = { status, slackError: rejection?.error, attempts: attempt };
        const told = outcome.kind === 'response' ? retryAfterMs(outcome.retryAfter, now()) : undefined;
        if (told !== undefined) postOptions?.onRetryAfter?.(told);

        if (outcome.kind === 'response' && !RETRYABLE_STATUS.has(outcome.status) && outcome.status < 500) {
          const part = rejection === undefined ? undefined : describeRejectedPart(rejection, message);
          const detail = part === undefined ? what : `${what}; ${part}`;
          throw new DeliveryError(`Slack webhook rejected the message: ${detail}`, { ...fields, retryable: false });
        }
        if (attempt >= maxAttempts) {
          throw new DeliveryError(`Slack webhook failed after ${attemptsText(attempt)}: ${what}`, {
            ...fields,
            retryable: true,
          });
        }

        const retryAfter = outcome.kind === 'response' ? retryAfterMs(outcome.retryAfter, now()) : undefined;
        const delay =
          retryAfter === undefined
            ? backoffDelay(attempt, policy, random)
            : retryAfter + Math.round(random() * policy.baseDelayMs);
        const after = left();
        // A wait must leave room for the attempt after it.
        if (delay + (after.byDeadline ? MIN_ATTEMPT_MS : 0) >= after.ms) {
          const waitText = retryAfter === undefined ? `a ${delay} ms backoff` : `Retry-After ${retryAfter / 1000} s`;
          const limit = after.byDeadline
            ? `the ${Math.max(0, Math.round(after.ms))} ms left before the deadline`
            : `the ${maxTotalMs} ms budget`;
          throw new DeliveryError(
            `Slack webhook gave up after ${attemptsText(attempt)}: ${what}; ${waitText} exceeds ${limit}`,
            {
              ...fields,
              retryable: true,
            },
          );
        }
        await wait(delay);
      }
    },
  };
}

/**
 * A sender's retry settings: the options given, checked positive, else the defaults; the real
 * timer, `Math.random` and `Date.now` unless injected.
 *
 * @param who - The function named in a `RangeError` (`createWebhookSender`).
 * @internal
 */
export function retrySettings(
  who: string,
  options: Omit<WebhookSenderOptions, 'url'>,
  defaults: typeof WEBHOOK_DEFAULTS,
): {
  timeoutMs: number;
  maxAttempts: number;
  policy: BackoffPolicy;
  maxTotalMs: number;
  wait: (ms: number) => Promise<void>;
  random: () => number;
  now: () => number;
} {
  const positive = (name: keyof typeof defaults, integer = false): number => {
    const value = options[name] ?? defaults[name];
    if (!(value > 0) || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
      throw new RangeError(`${who}: ${name} must be a positive ${integer ? 'integer' : 'number'}`);
    }
    return value;
  };
  return {
    timeoutMs: positive('timeoutMs'),
    maxAttempts: positive('maxAttempts', true),
    policy: { baseDelayMs: positive('baseDelayMs'), maxDelayMs: positive('maxDelayMs') },
    maxTotalMs: positive('maxTotalMs'),
    wait: options.sleep ?? realSleep,
    random: options.random ?? Math.random,
    now: options.now ?? Date.now,
  };
}
