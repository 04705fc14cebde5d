/**
 * Retry timing for the webhook sender: exponential backoff with jitter, and Slack's
 * `Retry-After`. Pure functions of their inputs; the clock, the randomness and the sleep are
 * injected by the caller.
 *
 * @module
 * @internal
 */

/**
 * The backoff shape: the first retry waits around `baseDelayMs`, each next one twice as long,
 * never more than `maxDelayMs`.
 *
 * @internal
 */
export interface BackoffPolicy {
  /** Ceiling of the first wait, in milliseconds. */
  readonly baseDelayMs: number;
  /** Ceiling of any single wait, in milliseconds. */
  readonly maxDelayMs: number;
}

/**
 * How long to wait before retry number `retry` (1 for the first retry) after a network error, a
 * timeout or a 5xx answer: "equal jitter", half of the exponential ceiling plus a random part of
 * the other half, so that waits still grow but concurrent senders spread out.
 *
 * @param retry - 1 for the first retry, 2 for the second, ...
 * @param policy - Base and maximum delay.
 * @param random - A source of numbers in `[0, 1)`, `Math.random` in production.
 * @returns The wait in whole milliseconds, between `ceiling / 2` and `ceiling`.
 * @example
 * ```ts
 * backoffDelay(2, { baseDelayMs: 500, maxDelayMs: 4000 }, () => 0.5); // 750
 * ```
 * @see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 * @internal
 */
export function backoffDelay(retry: number, policy: BackoffPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Reads an HTTP `Retry-After` header: Slack sends whole seconds; an HTTP date is accepted too.
 *
 * @param header - The header value, `null` when absent.
 * @param now - Current time in epoch milliseconds, to turn a date into a wait.
 * @returns The wait in milliseconds (never negative), or `undefined` when absent or unreadable.
 * @example
 * ```ts
 * retryAfterMs('30', Date.now()); // 30000
 * ```
 * @see https://docs.slack.dev/apis/web-api/rate-limits
 * @internal
 */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // An HTTP date has a weekday and a month name; V8 would also "parse" bare numbers like `-1`.
  const date = /^[A-Za-z]{3}, /.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Waits on a real timer: the default `sleep` of the senders.
 *
 * @param ms - How long to wait, in milliseconds.
 * @returns Resolves after `ms` milliseconds.
 * @example
 * ```ts
 * await sleep(250);
 * ```
 * @internal
 */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
