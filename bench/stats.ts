import { measure } from 'mitata';

/**
 * Median time per call of `fn`, in nanoseconds, measured by mitata for at least `cpuMs`. With
 * `--expose-gc` (as `npm run bench` runs) mitata collects garbage before each measurement, so
 * one is not slowed by the garbage of the one before.
 */
export async function medianNs(fn: () => unknown, cpuMs = 400): Promise<number> {
  const stats = await measure(fn, { min_cpu_time: cpuMs * 1e6 });
  return stats.p50;
}

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Operations per second from nanoseconds per operation. */
export const opsPerSecond = (ns: number): number => Math.round(1e9 / ns);
