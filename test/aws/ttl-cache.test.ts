/**
 * The task definition cache: one load per key while fresh, shared by concurrent callers;
 * expiry; least recently used out first; failures forgotten.
 */
import { describe, expect, it } from 'vitest';
import { TtlCache } from '../../src/aws/ttl-cache.js';

function counted() {
  const loads: string[] = [];
  return {
    loads,
    load:
      (key: string, value = key) =>
      () => (loads.push(key), Promise.resolve(value)),
  };
}

describe('TtlCache', () => {
  it('concurrent callers share one load', async () => {
    let resolve!: (value: string) => void;
    let loads = 0;
    const cache = new TtlCache<string>({ maxEntries: 10, ttlMs: 1000 });
    const load = () => (loads++, new Promise<string>((r) => (resolve = r)));
    const all = Promise.all([cache.get('a', load), cache.get('a', load), cache.get('a', load)]);
    resolve('A');
    expect(await all).toEqual(['A', 'A', 'A']);
    expect(loads).toBe(1);
  });

  it('serves a value until its TTL, then loads again', async () => {
    let now = 0;
    const { loads, load } = counted();
    const cache = new TtlCache<string>({ maxEntries: 10, ttlMs: 1000, now: () => now });
    await cache.get('a', load('a'));
    now = 999;
    await cache.get('a', load('a'));
    now = 1000;
    await cache.get('a', load('a'));
    expect(loads).toEqual(['a', 'a']);
  });

  it('evicts the least recently used', async () => {
    const { loads, load } = counted();
    const cache = new TtlCache<string>({ maxEntries: 2, ttlMs: 60_000 });
    await cache.get('a', load('a'));
    await cache.get('b', load('b'));
    await cache.get('a', load('a')); // a is now the most recent
    await cache.get('c', load('c')); // b goes
    await cache.get('a', load('a'));
    await cache.get('b', load('b'));
    expect(loads).toEqual(['a', 'b', 'c', 'b']);
    expect(cache.size).toBe(2);
  });

  it('a failed load is forgotten, and its waiters see the error', async () => {
    const cache = new TtlCache<string>({ maxEntries: 10, ttlMs: 60_000 });
    const failing = () => Promise.reject(new Error('denied'));
    await expect(Promise.all([cache.get('a', failing), cache.get('a', failing)])).rejects.toThrow('denied');
    await Promise.resolve();
    expect(await cache.get('a', () => Promise.resolve('ok'))).toBe('ok');
  });
});
