/**
 * Retries of state store calls that failed for a reason that may pass (throttling, a server
 * fault, a network error), with jittered backoff inside a time budget. The noise filter and the
 * deployment threads both reach their store through it.
 *
 * @module
 */
import { isStateStoreError } from '../errors.js';
import type { StateStore } from './store.js';

/**
 * How store calls are retried. A call is retried only when it threw a `StateStoreError` whose
 * `retryable` is `true`; anything else is thrown at once.
 */
export interface StoreRetryOptions {
  /** Attempts per call, the first included; default 4. Set 1 to never retry. */
  readonly maxAttempts?: number;
  /** Backoff ceiling before the first retry, in ms, doubled for each further one; default 50. */
  readonly baseDelayMs?: number;
  /** The longest backoff, in ms; default 1,000. */
  readonly maxDelayMs?: number;
}

/**
 * Options of {@link retryingStore}: the retry policy and the time budget.
 */
export interface RetryingStoreOptions extends StoreRetryOptions {
  /**
   * Milliseconds left for this work (a Lambda's remaining time less a margin), read before each
   * backoff: a retry whose wait would reach it is not made and the last error is thrown instead.
   * Default: no budget (only `maxAttempts` bounds the retries).
   */
  readonly remainingMs?: () => number;
}

/** Defaults of {@link StoreRetryOptions}. */
export const STORE_RETRY_DEFAULTS: Readonly<Required<StoreRetryOptions>> = Object.freeze({
  maxAttempts: 4,
  baseDelayMs: 50,
  maxDelayMs: 1_000,
});

/** Marks a store returned by {@link retryingStore}, so that wrapping it again adds no retries. */
const RETRYING: unique symbol = Symbol('ecs-slack.retryingStore');

/**
 * Wraps a store so that each call is retried on retryable `StateStoreError`s, with full-jitter
 * exponential backoff, at most `maxAttempts` times and never past the budget. The DynamoDB
 * client's own retries (its `maxAttempts`) happen inside each call and count against the budget.
 *
 * @param store - The store to wrap (returned unchanged when it already retries).
 * @param options - The retry policy and the budget.
 * @returns A store with the same contract whose calls retry.
 * @throws `RangeError` for a `maxAttempts` that is not a positive integer or a delay that is not a
 *   finite number of milliseconds, `TypeError` for a `remainingMs` that is not a function.
 * @example
 * ```ts
 * const store = retryingStore(new DynamoDbStateStore({ client, tableName }), {
 *   remainingMs: () => context.getRemainingTimeInMillis() - 2_000,
 * });
 * ```
 */
export function retryingStore(store: StateStore, options: RetryingStoreOptions = {}): StateStore {
  if ((store as { [RETRYING]?: true })[RETRYING] === true) return store;
  const policy = checkedPolicy(options);
  const remaining = options.remainingMs;
  if (remaining !== undefined && typeof remaining !== 'function') {
    throw new TypeError(`retryingStore: remainingMs must be a function returning ms, got ${typeof remaining}`);
  }
  async function attempt<T>(call: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        if (!isStateStoreError(error) || !error.retryable || attempt >= policy.maxAttempts) throw error;
        const delay = Math.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
        if (remaining !== undefined && remaining() <= delay) throw error;
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }
  const wrapped: StateStore & { readonly [RETRYING]: true } = {
    [RETRYING]: true,
    get: (key, now) => attempt(() => store.get(key, now)),
    put: (key, value, options) => attempt(() => store.put(key, value, options)),
    putIfHigher: (key, order, write) => attempt(() => store.putIfHigher(key, order, write)),
    update: (key, change, options) => attempt(() => store.update(key, change, options)),
    take: (key, now, expectedVersion) => attempt(() => store.take(key, now, expectedVersion)),
    list: (scope, now) => attempt(() => store.list(scope, now)),
  };
  return wrapped;
}

/** The policy with defaults filled in, checked. */
function checkedPolicy(options: StoreRetryOptions): Required<StoreRetryOptions> {
  const policy = {
    maxAttempts: options.maxAttempts ?? STORE_RETRY_DEFAULTS.maxAttempts,
    baseDelayMs: options.baseDelayMs ?? STORE_RETRY_DEFAULTS.baseDelayMs,
    maxDelayMs: options.maxDelayMs ?? STORE_RETRY_DEFAULTS.maxDelayMs,
  };
  if (!Number.isSafeInteger(policy.maxAttempts) || policy.maxAttempts < 1) {
    throw new RangeError(`retryingStore: maxAttempts must be a positive integer, got ${String(policy.maxAttempts)}`);
  }
  for (const name of ['baseDelayMs', 'maxDelayMs'] as const) {
    if (typeof policy[name] !== 'number' || !(policy[name] >= 0) || !Number.isFinite(policy[name])) {
      throw new RangeError(`retryingStore: ${name} must be a finite number of ms, got ${String(policy[name])}`);
    }
  }
  return policy;
}
