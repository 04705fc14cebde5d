/**
 * The StateStore contract as tests: every store runs the same suite, so the memory store and the
 * DynamoDB store behave alike in every case, races included.
 */
import { describe, expect, it } from 'vitest';
import { isStateStoreError, type StateStore } from '../../src/index.js';
import type { StateKey, StateValue, StoreWrite } from '../../src/state/index.js';

/** How hard the race tests push. */
export interface ContractOptions {
  /** Concurrent workers in each race (default 8). */
  readonly workers?: number;
  /** `update` increments per worker in the lost-update race (default 200). */
  readonly increments?: number;
  /** Orders (1..orders) each worker offers to `putIfHigher` in the ordering race (default 30). */
  readonly orders?: number;
}

/** A fixed clock: the stores never read one. */
const T0 = 1_700_000_000_000;
/** Lifetime of most writes, in seconds. */
const TTL = 60;
const at = (now: number, ttlSeconds = TTL): StoreWrite => ({ now, ttlSeconds });

/** A nested JSON value using every JSON type and awkward names. */
export const NESTED: StateValue = {
  text: 'héllo ✓ 🚀 <b>&amp;</b>',
  empty: '',
  int: 42,
  negative: -17.25,
  large: Number.MAX_SAFE_INTEGER,
  tiny: 1e-7,
  yes: true,
  no: false,
  nothing: null,
  list: [1, 'two', null, false, [], {}, [3, [4]]],
  map: { deep: { deeper: [{ a: 1 }, { b: { c: 'd' } }] }, emptyMap: {}, emptyList: [] },
  'dotted.name': 1,
  '#hash': 2,
  ':colon': 3,
  value: 'a field named like the attribute',
  // Events may hold any field name, and a fold window stores its latest event.
  '': { '': 'the empty name, nested too' },
  '\u2400': 'the mark DynamoDB stores the empty name as',
  '\u2400\u2400x': 'a name that starts with it',
  // Valid JSON numbers outside DynamoDB's number range (about 1e-130 to 1e126).
  huge: 1e200,
  minute: -1e-200,
  extremes: [Number.MAX_VALUE, Number.MIN_VALUE, 1e126, -9.999999999999998e125, 1e-130, 9.99e-131],
  // A field named like the prototype accessor (JSON.parse keeps it as a field).
  ['__proto__']: { polluted: true },
};

/**
 * Registers the contract suite for a store. `store` is called inside each test (after any
 * `beforeAll` has started a backend); records of different tests never share a scope.
 */
export function describeStateStoreContract(name: string, store: () => StateStore, options: ContractOptions = {}): void {
  const workers = options.workers ?? 8;
  const increments = options.increments ?? 200;
  const orders = options.orders ?? 30;
  let scopes = 0;
  const fresh = (): StateKey & { other: (id: string) => StateKey } => {
    const scope = `contract#${++scopes}:${name}`;
    return { scope, id: 'record/1', other: (id: string) => ({ scope, id }) };
  };
  /** Runs `workers` async loops at once; each awaits the store between steps, so they interleave. */
  const race = <T>(work: (worker: number) => Promise<T>): Promise<T[]> =>
    Promise.all(Array.from({ length: workers }, (_, worker) => work(worker)));

  describe(`${name}: StateStore contract`, () => {
    describe('put', () => {
      it('creates version 1 once, expiring ttlSeconds after now', async () => {
        const key = fresh();
        const created = await store().put(key, { a: 1 }, at(T0));
        expect(created).toEqual({ value: { a: 1 }, version: 1, expiresAt: T0 + TTL * 1000 });
        expect(await store().get(key, T0)).toEqual(created);
        expect(await store().put(key, { a: 2 }, at(T0 + 1))).toBeUndefined();
        expect((await store().get(key, T0 + 1))?.value).toEqual({ a: 1 });
      });

      it('compares and sets: replaces the whole value only at the expected version', async () => {
        const key = fresh();
        await store().put(key, { a: 1, b: 2 }, at(T0));
        expect(await store().put(key, { c: 3 }, { ...at(T0), expectedVersion: 2 })).toBeUndefined();
        const next = await store().put(key, { c: 3 }, { ...at(T0 + 5_000, 10), expectedVersion: 1 });
        expect(next).toEqual({ value: { c: 3 }, version: 2, expiresAt: T0 + 15_000 });
        expect(await store().put(key, { d: 4 }, { ...at(T0 + 5_000), expectedVersion: 1 })).toBeUndefined();
        expect(await store().get(key, T0 + 5_000)).toEqual(next);
      });

      it('never compares and sets an absent or expired record, and creates over an expired one', async () => {
        const key = fresh();
        expect(await store().put(key, { a: 1 }, { ...at(T0), expectedVersion: 1 })).toBeUndefined();
        expect(await store().get(key, T0)).toBeUndefined();
        await store().put(key, { a: 1 }, at(T0, 1));
        expect(await store().put(key, { a: 2 }, { ...at(T0 + 1_000), expectedVersion: 1 })).toBeUndefined();
        const recreated = await store().put(key, { b: 1 }, at(T0 + 1_000));
        expect(recreated).toEqual({ value: { b: 1 }, version: 1, expiresAt: T0 + 1_000 + TTL * 1000 });
      });
    });

    describe('putIfHigher', () => {
      it('stores a first order, then says equal for the same and lower for a smaller one', async () => {
        const key = fresh();
        expect(await store().putIfHigher(key, 5, at(T0))).toBe('stored');
        expect(await store().get(key, T0)).toEqual({ value: { order: 5 }, version: 1, expiresAt: T0 + TTL * 1000 });
        expect(await store().putIfHigher(key, 5, at(T0 + 1))).toBe('equal');
        expect(await store().putIfHigher(key, 4, at(T0 + 2))).toBe('lower');
        expect(await store().putIfHigher(key, -1, at(T0 + 2))).toBe('lower');
        expect(await store().get(key, T0 + 3)).toEqual({ value: { order: 5 }, version: 1, expiresAt: T0 + TTL * 1000 });
      });

      it('stores a higher order as the next version, with a new expiry', async () => {
        const key = fresh();
        await store().putIfHigher(key, 1, at(T0));
        expect(await store().putIfHigher(key, 2, at(T0 + 10, 5))).toBe('stored');
        expect(await store().get(key, T0 + 10)).toEqual({ value: { order: 2 }, version: 2, expiresAt: T0 + 5_010 });
      });

      it('stores any order over an expired record, as version 1', async () => {
        const key = fresh();
        await store().putIfHigher(key, 9, at(T0, 1));
        expect(await store().putIfHigher(key, 3, at(T0 + 1_000))).toBe('stored');
        expect(await store().get(key, T0 + 1_000)).toEqual({
          value: { order: 3 },
          version: 1,
          expiresAt: T0 + 1_000 + TTL * 1000,
        });
      });

      it('replaces a live record that holds no numeric order', async () => {
        const key = fresh();
        await store().put(key, { order: 'x', other: 1 }, at(T0));
        expect(await store().putIfHigher(key, 1, at(T0))).toBe('stored');
        expect(await store().get(key, T0)).toMatchObject({ value: { order: 1 }, version: 2 });
      });
    });

    describe('update', () => {
      it('creates a missing record from the change without where: add counts from 0', async () => {
        const key = fresh();
        const created = await store().update(key, { add: { count: 2 }, set: { last: 'a' } }, at(T0));
        expect(created).toEqual({ value: { count: 2, last: 'a' }, version: 1, expiresAt: T0 + TTL * 1000 });
      });

      it('adds to and sets fields in one step, keeping the others, moving the expiry', async () => {
        const key = fresh();
        await store().put(key, { count: 1, keep: { x: [1] }, last: 'a' }, at(T0));
        const next = await store().update(
          key,
          { add: { count: 2.5, fresh: -3 }, set: { last: 'b', nested: { y: null } } },
          at(T0 + 1_000, 10),
        );
        expect(next).toEqual({
          value: { count: 3.5, fresh: -3, keep: { x: [1] }, last: 'b', nested: { y: null } },
          version: 2,
          expiresAt: T0 + 11_000,
        });
        expect(await store().get(key, T0 + 1_000)).toEqual(next);
      });

      it('sets a field that is both added to and set', async () => {
        const key = fresh();
        await store().put(key, { n: 1 }, at(T0));
        const next = await store().update(key, { add: { n: 5 }, set: { n: 100 } }, at(T0));
        expect(next?.value).toEqual({ n: 100 });
      });

      it('bumps version and expiry for an empty change', async () => {
        const key = fresh();
        await store().put(key, { n: 1 }, at(T0));
        expect(await store().update(key, {}, at(T0 + 1))).toEqual({
          value: { n: 1 },
          version: 2,
          expiresAt: T0 + 1 + TTL * 1000,
        });
      });

      it('applies the change only when every where field matches', async () => {
        const key = fresh();
        await store().put(key, { state: 'open', n: 1, flag: true, none: null }, at(T0));
        const cases: Array<[Record<string, string | number | boolean | null>, boolean]> = [
          [{ state: 'closed' }, false],
          [{ state: 'open', n: 2 }, false],
          [{ n: '1' }, false],
          [{ missing: null }, false],
          [{ flag: false }, false],
          [{ state: 'open', n: 1, flag: true, none: null }, true],
        ];
        let version = 1;
        for (const [where, applies] of cases) {
          const result = await store().update(key, { add: { tries: 1 } }, { ...at(T0), where });
          if (applies) version += 1;
          expect(result === undefined, JSON.stringify(where)).toBe(!applies);
          expect((await store().get(key, T0))?.version).toBe(version);
        }
      });

      it('never creates a record when where is given', async () => {
        const key = fresh();
        expect(await store().update(key, { set: { a: 1 } }, { ...at(T0), where: {} })).toBeUndefined();
        expect(await store().update(key, { set: { a: 1 } }, { ...at(T0), where: { a: null } })).toBeUndefined();
        expect(await store().get(key, T0)).toBeUndefined();
      });

      it('starts afresh over an expired record, and fails a where against it', async () => {
        const key = fresh();
        await store().put(key, { count: 10, state: 'open' }, at(T0, 1));
        expect(
          await store().update(key, { add: { count: 1 } }, { ...at(T0 + 1_000), where: { state: 'open' } }),
        ).toBeUndefined();
        const restarted = await store().update(key, { add: { count: 1 } }, at(T0 + 1_000));
        expect(restarted).toEqual({ value: { count: 1 }, version: 1, expiresAt: T0 + 1_000 + TTL * 1000 });
      });

      it('refuses to add to a field that holds a non-number', async () => {
        const key = fresh();
        await store().put(key, { n: 'x' }, at(T0));
        const failure = await store()
          .update(key, { add: { n: 1 } }, at(T0))
          .then(
            () => undefined,
            (error: unknown) => error,
          );
        expect(isStateStoreError(failure)).toBe(true);
        expect((await store().get(key, T0))?.value).toEqual({ n: 'x' });
      });

      it('refuses the positional form of 0.1 (where, then the write) with an error naming the options', async () => {
        const key = fresh();
        const positional = store().update as unknown as (...args: unknown[]) => Promise<unknown>;
        const failure = await positional.call(store(), key, { set: { a: 1 } }, undefined, at(T0)).then(
          () => undefined,
          (error: unknown) => error,
        );
        expect(isStateStoreError(failure)).toBe(true);
        expect((failure as Error).message).toBe(
          'state store update: the options ({ now, ttlSeconds, ... }) are missing',
        );
        expect(await store().get(key, T0)).toBeUndefined();
      });
    });

    describe('take', () => {
      it('deletes and returns the live record once', async () => {
        const key = fresh();
        const created = await store().put(key, { a: 1 }, at(T0));
        expect(await store().take(key, T0)).toEqual(created);
        expect(await store().take(key, T0)).toBeUndefined();
        expect(await store().get(key, T0)).toBeUndefined();
      });

      it('deletes only the expected version', async () => {
        const key = fresh();
        await store().put(key, { a: 1 }, at(T0));
        await store().update(key, { set: { a: 2 } }, at(T0));
        expect(await store().take(key, T0, 1)).toBeUndefined();
        expect(await store().get(key, T0)).toMatchObject({ value: { a: 2 }, version: 2 });
        expect(await store().take(key, T0, 2)).toMatchObject({ value: { a: 2 }, version: 2 });
        expect(await store().get(key, T0)).toBeUndefined();
      });

      it('returns nothing for an absent or expired record', async () => {
        const key = fresh();
        expect(await store().take(key, T0)).toBeUndefined();
        await store().put(key, { a: 1 }, at(T0, 1));
        expect(await store().take(key, T0 + 1_000)).toBeUndefined();
      });
    });

    describe('list', () => {
      it('lists the live records of one scope only', async () => {
        const key = fresh();
        const other = fresh();
        await store().put(key.other('a'), { n: 1 }, at(T0));
        await store().put(key.other('b'), { n: 2 }, at(T0, 1));
        await store().update(key.other('c'), { add: { n: 3 } }, at(T0));
        await store().put(other.other('a'), { n: 4 }, at(T0));
        const listed = await store().list(key.scope, T0 + 1_000);
        expect(listed.map(({ id, record }) => [id, record.value]).sort()).toEqual([
          ['a', { n: 1 }],
          ['c', { n: 3 }],
        ]);
        expect(await store().list(`${key.scope}-none`, T0)).toEqual([]);
      });
    });

    describe('expiry', () => {
      it('treats a record as absent from exactly expiresAt on, for every operation', async () => {
        const key = fresh();
        const expiresAt = T0 + 10_000;
        await store().put(key, { n: 1 }, at(T0, 10));
        expect(await store().get(key, expiresAt - 1)).toMatchObject({ version: 1, expiresAt });
        expect(await store().list(key.scope, expiresAt - 1)).toHaveLength(1);
        expect(await store().get(key, expiresAt)).toBeUndefined();
        expect(await store().list(key.scope, expiresAt)).toEqual([]);
        expect(await store().take(key, expiresAt)).toBeUndefined();
        expect(await store().put(key, { n: 2 }, { ...at(expiresAt), expectedVersion: 1 })).toBeUndefined();
        expect(await store().update(key, { add: { n: 1 } }, { ...at(expiresAt), where: { n: 1 } })).toBeUndefined();
        expect(await store().putIfHigher(key.other('order'), 1, at(T0, 10))).toBe('stored');
        expect(await store().putIfHigher(key.other('order'), 1, at(expiresAt - 1))).toBe('equal');
        expect(await store().putIfHigher(key.other('order'), 1, at(expiresAt))).toBe('stored');
        expect(await store().update(key, { add: { n: 1 } }, at(expiresAt))).toMatchObject({
          value: { n: 1 },
          version: 1,
        });
      });

      it('expires a record written with ttlSeconds 0 at once', async () => {
        const key = fresh();
        expect(await store().put(key, { a: 1 }, at(T0, 0))).toMatchObject({ expiresAt: T0 });
        expect(await store().get(key, T0)).toBeUndefined();
      });
    });

    describe('versions and values', () => {
      it('numbers versions 1, 2, 3... across every kind of write, and from 1 again after take', async () => {
        const key = fresh();
        const versions = [
          (await store().put(key, { order: 1 }, at(T0)))?.version,
          (await store().update(key, { add: { n: 1 } }, at(T0)))?.version,
          (await store().put(key, { order: 1 }, { ...at(T0), expectedVersion: 2 }))?.version,
          (await store().putIfHigher(key, 2, at(T0))) === 'stored'
            ? (await store().get(key, T0))?.version
            : 'not stored',
          (await store().update(key, { set: { order: 3 } }, { ...at(T0), where: { order: 2 } }))?.version,
          (await store().take(key, T0))?.version,
          (await store().update(key, { add: { n: 1 } }, at(T0)))?.version,
        ];
        expect(versions).toEqual([1, 2, 3, 4, 5, 5, 1]);
      });

      it('round-trips nested JSON through every operation', async () => {
        const key = fresh();
        const created = await store().put(key, NESTED, at(T0));
        expect(created?.value).toEqual(NESTED);
        expect((await store().get(key, T0))?.value).toEqual(NESTED);
        expect((await store().list(key.scope, T0))[0]?.record.value).toEqual(NESTED);
        const updated = await store().update(key.other('set'), { set: NESTED }, at(T0));
        expect(updated?.value).toEqual(NESTED);
        expect((await store().take(key, T0))?.value).toEqual(NESTED);
      });

      it('sets, adds to and compares any field name, the empty one included', async () => {
        const key = fresh();
        await store().update(key, { set: { '': 'a', '\u2400': 'b' }, add: { '\u2400n': 2 } }, at(T0));
        const changed = await store().update(
          key,
          { set: { '': 'c' }, add: { '\u2400n': 1 } },
          { ...at(T0), where: { '': 'a', '\u2400': 'b' } },
        );
        expect(changed?.value).toEqual({ '': 'c', '\u2400': 'b', '\u2400n': 3 });
        expect(await store().update(key, { set: { '': 'd' } }, { ...at(T0), where: { '': 'a' } })).toBeUndefined();
      });

      it('keys records by scope and id with any characters', async () => {
        const key = fresh();
        const ids = ['a', 'a#b', 'a:b', 'ä/ü 🚀', 'arn:aws:ecs:us-east-1:111122223333:task/c/0123456789abcdef'];
        for (const [index, id] of ids.entries()) await store().put(key.other(id), { index }, at(T0));
        for (const [index, id] of ids.entries())
          expect((await store().get(key.other(id), T0))?.value).toEqual({ index });
        expect((await store().list(key.scope, T0)).map(({ id }) => id).sort()).toEqual([...ids].sort());
      });
    });

    describe(`races between ${workers} concurrent workers`, () => {
      it(`loses no update: ${workers} x ${increments} increments`, async () => {
        const key = fresh();
        await race(async () => {
          for (let i = 0; i < increments; i++) await store().update(key, { add: { n: 1 } }, at(T0));
        });
        expect(await store().get(key, T0)).toMatchObject({
          value: { n: workers * increments },
          version: workers * increments,
        });
      });

      it('loses no update when the record they all start from has expired', async () => {
        const key = fresh();
        await store().put(key, { n: 1000 }, at(T0, 1));
        const rounds = 10;
        await race(async () => {
          for (let i = 0; i < rounds; i++) await store().update(key, { add: { n: 1 } }, at(T0 + 1_000));
        });
        expect(await store().get(key, T0 + 1_000)).toMatchObject({
          value: { n: workers * rounds },
          version: workers * rounds,
        });
      });

      it('lets exactly one create win', async () => {
        const key = fresh();
        const results = await race((worker) => store().put(key, { worker }, at(T0)));
        const winners = results.filter((result) => result !== undefined);
        expect(winners).toHaveLength(1);
        expect(await store().get(key, T0)).toEqual(winners[0]);
      });

      it('lets exactly one compare-and-set or where-guarded update win', async () => {
        const key = fresh();
        await store().put(key, { state: 'open' }, at(T0));
        const cas = await race((worker) =>
          store().put(key, { state: 'cas', worker }, { ...at(T0), expectedVersion: 1 }),
        );
        expect(cas.filter((result) => result !== undefined)).toHaveLength(1);
        await store().put(key, { state: 'open' }, { ...at(T0), expectedVersion: 2 });
        const claims = await race((worker) =>
          store().update(key, { set: { state: 'claimed', worker } }, { ...at(T0), where: { state: 'open' } }),
        );
        expect(claims.filter((result) => result !== undefined)).toHaveLength(1);
      });

      it('hands the record to exactly one take', async () => {
        const key = fresh();
        await store().put(key, { a: 1 }, at(T0));
        const taken = await race(() => store().take(key, T0));
        expect(taken.filter((result) => result !== undefined)).toHaveLength(1);
      });

      it('keeps the highest order, storing each order at most once', async () => {
        const key = fresh();
        const results = await race(async (worker) => {
          const seen: Array<[number, string]> = [];
          for (const order of interleaved(orders, worker))
            seen.push([order, await store().putIfHigher(key, order, at(T0))]);
          return seen;
        });
        const stored = results
          .flat()
          .filter(([, result]) => result === 'stored')
          .map(([order]) => order);
        expect(new Set(stored).size).toBe(stored.length);
        expect(stored).toContain(orders);
        expect(await store().get(key, T0)).toMatchObject({ value: { order: orders }, version: stored.length });
      });
    });
  });
}

/** Worker `worker`'s visiting order of 1..count: a different deterministic shuffle each. */
function interleaved(count: number, worker: number): number[] {
  const orders = Array.from({ length: count }, (_, index) => index + 1);
  let seed = worker * 7919 + 17;
  for (let index = orders.length - 1; index > 0; index--) {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    const other = seed % (index + 1);
    [orders[index], orders[other]] = [orders[other] as number, orders[index] as number];
  }
  return orders;
}
