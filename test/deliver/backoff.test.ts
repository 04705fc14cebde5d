import { describe, expect, it } from 'vitest';
import { backoffDelay, retryAfterMs } from '../../src/deliver/backoff.js';

const policy = { baseDelayMs: 500, maxDelayMs: 4000 };

describe('backoffDelay', () => {
  it.each([
    [1, 0, 250],
    [1, 0.999_999, 500],
    [2, 0, 500],
    [2, 0.5, 750],
    [3, 0.5, 1500],
    [4, 0, 2000],
    [5, 0, 2000],
    [10, 0.999_999, 4000],
  ])('retry %i with random %d waits %i ms', (retry, random, expected) => {
    expect(backoffDelay(retry, policy, () => random)).toBe(expected);
  });

  it('stays within half and all of the capped exponential ceiling', () => {
    for (let retry = 1; retry <= 12; retry += 1) {
      const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
      for (const random of [0, 0.1, 0.5, 0.9, 0.999]) {
        const delay = backoffDelay(retry, policy, () => random);
        expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
        expect(delay).toBeLessThanOrEqual(ceiling);
      }
    }
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');

  it.each([
    ['1', 1000],
    ['30', 30_000],
    [' 2 ', 2000],
    ['0', 0],
    ['1.5', 1500],
    ['Thu, 01 Jan 2026 00:00:07 GMT', 7000],
    ['Wed, 31 Dec 2025 23:59:00 GMT', 0],
  ])('reads %j as %i ms', (header, expected) => {
    expect(retryAfterMs(header, now)).toBe(expected);
  });

  it.each([[null], [''], ['soon'], ['-1']])('ignores %j', (header) => {
    expect(retryAfterMs(header, now)).toBeUndefined();
  });
});
