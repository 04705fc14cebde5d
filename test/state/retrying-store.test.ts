/**
 * `retryingStore`: retries retryable store errors with backoff, never past the budget, and
 * nothing else.
 */
import { describe, expect, it } from 'vitest';
import { MemoryStateStore, retryingStore } from '../../src/state/index.js';
import { StateStoreError, type StateStore } from '../../src/index.js';

const T0 = 1_700_000_000_000;
const key = { scope: 's', id: 'a' };

/** A memory store whose next `failures` calls of `get` throw `error`. */
function flaky(failures: number, error: Error): StateStore & { readonly calls: number } {
  const inner = new MemoryStateStore();
  let calls = 0;
  const store = Object.create(inner) as StateStore & { calls: number };
  store.get = async (k, now) => {
    calls++;
    if (calls <= failures) throw error;
    return inner.get(k, now);
  };
  Object.defineProperty(store, 'calls', { get: () => calls });
  return store;
}

const throttled = () => new StateStoreError('throttled', { operation: 'GetItem', retryable: true });

describe('retryingStore', () => {
  it('retries retryable errors until a call succeeds, within maxAttempts', async () => {
    const store = flaky(3, throttled());
    expect(await retryingStore(store, { baseDelayMs: 1 }).get(key, T0)).toBeUndefined();
    expect(store.calls).toBe(4);
  });

  it('throws the last error once maxAttempts calls failed', async () => {
    const store = flaky(10, throttled());
    await expect(retryingStore(store, { maxAttempts: 3, baseDelayMs: 0 }).get(key, T0)).rejects.toThrow('throttled');
    expect(store.calls).toBe(3);
  });

  it('does not retry errors that are not retryable, nor foreign errors', async () => {
    for (const error of [new StateStoreError('denied', { operation: 'GetItem' }), new TypeError('bug')]) {
      const store = flaky(1, error);
      await expect(retryingStore(store, { baseDelayMs: 0 }).get(key, T0)).rejects.toBe(error);
      expect(store.calls).toBe(1);
    }
  });

  it('never waits past the budget: with none left, the first error is thrown at once', async () => {
    const store = flaky(1, throttled());
    const started = performance.now();
    await expect(retryingStore(store, { baseDelayMs: 60_000, remainingMs: () => 0 }).get(key, T0)).rejects.toThrow(
      'throttled',
    );
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(store.calls).toBe(1);
  });

  it('wrapping a retrying store again adds no retries', async () => {
    const store = flaky(10, throttled());
    const twice = retryingStore(retryingStore(store, { maxAttempts: 2, baseDelayMs: 0 }), { maxAttempts: 5 });
    await expect(twice.get(key, T0)).rejects.toThrow('throttled');
    expect(store.calls).toBe(2);
  });

  it('names a policy that is not a count or a duration', () => {
    const store = new MemoryStateStore();
    expect(() => retryingStore(store, { maxAttempts: 0 })).toThrow(/maxAttempts must be a positive integer/);
    expect(() => retryingStore(store, { baseDelayMs: -1 })).toThrow(/baseDelayMs must be/);
    expect(() => retryingStore(store, { remainingMs: 5 as never })).toThrow(/remainingMs must be a function/);
  });
});
