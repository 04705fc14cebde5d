import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { MemoryStateStore, type StateValue } from '../../src/state/index.js';
import { describeStateStoreContract } from './store-contract.js';

const T0 = 1_700_000_000_000;
const write = { now: T0, ttlSeconds: 60 };
const key = (id: string, scope = 's'): { scope: string; id: string } => ({ scope, id });

const store = new MemoryStateStore();
describeStateStoreContract('MemoryStateStore', () => store);

describe('MemoryStateStore', () => {
  it('defaults to 10,000 records and rejects a cap that is not a positive integer', () => {
    expect(new MemoryStateStore().maxRecords).toBe(10_000);
    for (const maxRecords of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => new MemoryStateStore({ maxRecords })).toThrow(RangeError);
    }
  });

  it('defaults to 16 MiB and rejects a byte bound that is not a positive integer', () => {
    expect(new MemoryStateStore().maxBytes).toBe(16 * 1024 * 1024);
    for (const maxBytes of [0, -1, 1.5, Number.NaN])
      expect(() => new MemoryStateStore({ maxBytes })).toThrow(/maxBytes must be a positive integer/);
  });

  it('stays within maxBytes: big records evict the least recently used ones, and onEvict hears of each live one', async () => {
    const evicted: Array<{ id: string; reason: string }> = [];
    const small = new MemoryStateStore({
      maxBytes: 100_000,
      onEvict: ({ key: { id }, reason }) => evicted.push({ id, reason }),
    });
    const big = 'x'.repeat(30_000);
    for (const id of ['a', 'b', 'c']) await small.put(key(id), { big }, write);
    expect(small.bytes).toBeGreaterThan(90_000);
    await small.get(key('a'), T0); // a is now the most recently used: b goes first
    await small.put(key('d'), { big }, write);
    expect(small.bytes).toBeLessThanOrEqual(100_000);
    expect(evicted).toEqual([{ id: 'b', reason: 'maxBytes' }]);
    expect(await small.get(key('b'), T0)).toBeUndefined();
    // Growing a record counts too; the record just written is never the one evicted.
    await small.update(key('a'), { set: { more: 'y'.repeat(60_000) } }, write);
    expect(small.size).toBe(1);
    expect(evicted.map(({ id }) => id)).toEqual(['b', 'c', 'd']);
    expect((await small.get(key('a'), T0))?.value['more']).toHaveLength(60_000);
  });

  it('drops expired records to make room without telling onEvict, and counts records by maxRecords', async () => {
    const evicted: string[] = [];
    const lru = new MemoryStateStore({
      maxRecords: 2,
      onEvict: ({ key: { id }, reason }) => evicted.push(`${id}:${reason}`),
    });
    await lru.put(key('short'), { n: 1 }, { now: T0, ttlSeconds: 1 });
    await lru.put(key('long'), { n: 2 }, write);
    await lru.put(key('third'), { n: 3 }, { now: T0 + 5_000, ttlSeconds: 60 });
    await lru.put(key('fourth'), { n: 4 }, { now: T0 + 5_000, ttlSeconds: 60 });
    expect(evicted).toEqual(['long:maxRecords']);
  });

  it('a listener that throws does not fail the write', async () => {
    const lru = new MemoryStateStore({
      maxRecords: 1,
      onEvict: () => {
        throw new Error('listener');
      },
    });
    await lru.put(key('a'), { n: 1 }, write);
    expect(await lru.put(key('b'), { n: 2 }, write)).toMatchObject({ version: 1 });
  });

  it('evicts the least recently used record first when full', async () => {
    const lru = new MemoryStateStore({ maxRecords: 3 });
    for (const id of ['a', 'b', 'c']) await lru.put(key(id), { id }, write);
    await lru.get(key('a'), T0); // a is now the most recently used: b is the oldest
    await lru.put(key('d'), { id: 'd' }, write);
    expect(await lru.get(key('b'), T0)).toBeUndefined();
    await lru.update(key('c'), { add: { n: 1 } }, write); // a write counts as a use
    await lru.put(key('e'), { id: 'e' }, write);
    expect(await lru.get(key('a'), T0)).toBeUndefined();
    expect((await lru.list('s', T0)).map(({ id }) => id).sort()).toEqual(['c', 'd', 'e']);
    expect(lru.size).toBe(3);
  });

  it('counts every operation on a key as a use, even a failed condition, but not list', async () => {
    const lru = new MemoryStateStore({ maxRecords: 2 });
    await lru.putIfHigher(key('a'), 1, write);
    await lru.put(key('b'), {}, write);
    expect(await lru.putIfHigher(key('a'), 1, write)).toBe('equal'); // a duplicate keeps `a` fresh
    await lru.list('s', T0);
    await lru.put(key('c'), {}, write);
    expect((await lru.list('s', T0)).map(({ id }) => id).sort()).toEqual(['a', 'c']);
    await lru.put(key('c'), {}, write); // fails: c exists, but c is now the freshest
    await lru.put(key('d'), {}, write);
    expect((await lru.list('s', T0)).map(({ id }) => id).sort()).toEqual(['c', 'd']);
    expect(lru.size).toBe(2);
  });

  it('drops expired records lazily, when touched or listed', async () => {
    const lazy = new MemoryStateStore();
    await lazy.put(key('a'), {}, { now: T0, ttlSeconds: 1 });
    await lazy.put(key('b', 'other'), {}, { now: T0, ttlSeconds: 1 });
    expect(lazy.size).toBe(2);
    expect(await lazy.get(key('a'), T0 + 1_000)).toBeUndefined();
    expect(lazy.size).toBe(1);
    expect(await lazy.list('other', T0 + 1_000)).toEqual([]);
    expect(lazy.size).toBe(0);
  });

  it('stores a frozen copy: callers can mutate neither the input nor the records', async () => {
    const copies = new MemoryStateStore();
    const value = { list: [1, { a: 1 }], map: { b: 2 } };
    // JavaScript callers may pass undefined fields: dropped, as JSON.stringify drops them.
    const record = await copies.put(key('a'), { ...value, gone: undefined } as unknown as StateValue, write);
    value.list.push(2);
    value.map.b = 3;
    expect(record?.value).toEqual({ list: [1, { a: 1 }], map: { b: 2 } });
    expect('gone' in (record?.value ?? {})).toBe(false);
    expect(Object.isFrozen(record) && Object.isFrozen(record?.value['list'])).toBe(true);
    expect(() => ((record?.value['map'] as Record<string, number>)['b'] = 4)).toThrow(TypeError);
    const set = { nested: { c: 1 } };
    const updated = await copies.update(key('a'), { set }, write);
    set.nested.c = 2;
    expect(updated?.value['nested']).toEqual({ c: 1 });
  });

  it('keeps its heap flat once full: 100,000 distinct writes under a 1,000 cap', async () => {
    const bounded = new MemoryStateStore({ maxRecords: 1_000 });
    const fill = async (from: number): Promise<void> => {
      for (let i = from; i < from + 50_000; i++) {
        await bounded.update(key(`task-${i}`, `scope-${i % 50}`), { add: { n: 1 }, set: { at: i } }, write);
      }
    };
    const gc = exposeGc();
    await fill(0);
    gc();
    const before = process.memoryUsage().heapUsed;
    await fill(50_000);
    gc();
    const growth = process.memoryUsage().heapUsed - before;
    expect(bounded.size).toBe(1_000);
    expect(
      (await Promise.all(Array.from({ length: 50 }, (_, s) => bounded.list(`scope-${s}`, T0)))).flat(),
    ).toHaveLength(1_000);
    expect(growth).toBeLessThan(1_000_000);
  });
});

/** The V8 garbage collector as a function, without starting Node with --expose-gc. */
function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
