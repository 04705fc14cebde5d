/**
 * How long the noise filter's records live: a claim's lease (cut to the invocation's budget), a
 * fold window's record, and everything else (the dedupe TTL).
 *
 * @internal
 * @module
 */
import type { ResolvedFilterOptions } from './filter-options.js';

/** The shortest lease of a claim, in seconds, however little of the budget is left. */
const MIN_LEASE_SECONDS = 1;

/**
 * How long a claim is held: the lease, or the budget left when shorter (at least a second).
 *
 * @param options - The filter's options (`leaseSeconds`).
 * @param remainingMs - Milliseconds the invocation may still use, if it has a budget.
 * @returns The lease, in seconds.
 * @internal
 */
export function leaseSeconds(options: ResolvedFilterOptions, remainingMs: (() => number) | undefined): number {
  const remaining = remainingMs?.();
  if (remaining === undefined || Number.isNaN(remaining)) return options.leaseSeconds;
  return Math.min(options.leaseSeconds, Math.max(MIN_LEASE_SECONDS, remaining / 1000));
}

/**
 * How long a fold window's record lives: its window and then the dedupe TTL, so a window
 * longer than the TTL (a daily digest) is still there for the flush that closes it.
 *
 * @param options - The filter's options (`foldWindowSeconds`, `dedupeTtlSeconds`).
 * @returns The lifetime, in seconds.
 * @internal
 */
export function foldTtlSeconds(options: ResolvedFilterOptions): number {
  const { foldWindowSeconds, dedupeTtlSeconds } = options;
  return foldWindowSeconds === false ? dedupeTtlSeconds : foldWindowSeconds + dedupeTtlSeconds;
}

/**
 * The lifetime of a record kept for the dedupe TTL (confirmed claims, versions seen, problems,
 * steady states, a closed window's members), as a store write takes it.
 *
 * @param options - The filter's options (`dedupeTtlSeconds`).
 * @param now - The time of the write, epoch milliseconds.
 * @returns The write's time and lifetime.
 * @internal
 */
export function dedupeLifetime(options: ResolvedFilterOptions, now: number): { now: number; ttlSeconds: number } {
  return { now, ttlSeconds: options.dedupeTtlSeconds };
}
