import { describe, expect, it } from 'vitest';
import { classify, createNoiseFilter, type Decision, type EcsEvent, type NoiseFilter } from '../../src/index.js';
import { MAX_MEMBERS, memberId } from '../../src/filter/fold-members.js';
import { createProbedNoiseFilter } from '../../src/filter/noise-filter.js';
import { MemoryStateStore } from '../../src/state/index.js';
import { countingStore } from '../helpers/counting-store.js';
import { parsedFixture } from '../helpers/fixtures.js';

const T0 = Date.parse('2026-11-20T09:00:00Z');

const crash = (i: number, version?: number) =>
  parsedFixture('task', 'synthetic-task-crashed-exit1-sidecar143', (e) => {
    e.id = `id-${i}-${version ?? 'v'}`;
    e.detail.taskArn = `arn:aws:ecs:eu-central-1:111111111111:task/test/${String(i).padStart(32, '0')}`;
    e.resources = [e.detail.taskArn];
    if (version !== undefined) e.detail.version = version;
  });

async function run(filter: NoiseFilter, e: EcsEvent, now: number): Promise<Decision> {
  const decision = await filter.decide(e, classify(e), now);
  if (decision.action === 'notify' || decision.action === 'digest') await filter.commit(decision, now);
  return decision;
}

const reason = (d: Decision) => (d.action === 'suppress' ? d.reason : d.action);

async function digestCounts(filter: NoiseFilter, now = T0 + 3_600_000): Promise<number[]> {
  return (await filter.flush(now)).map((d) => d.digest.count);
}

/** A filter whose window is open with one repeat folded, and its store's calls cleared. */
async function primed() {
  const { store, calls } = countingStore();
  const filter = createNoiseFilter({ store });
  await run(filter, crash(0), T0);
  await run(filter, crash(1), T0 + 1000);
  calls.length = 0;
  return { calls, filter };
}

describe('a task repeat is counted by its id in the fold window', () => {
  it('costs exactly one store write once the filter holds the window, and its redelivery none', async () => {
    const { calls, filter } = await primed();
    expect(reason(await run(filter, crash(2), T0 + 2000))).toBe('folded');
    expect(calls).toEqual(['put fold']);
    calls.length = 0;
    expect(reason(await run(filter, crash(2), T0 + 3000))).toBe('duplicate');
    expect(calls).toEqual([]);
    expect(await digestCounts(filter)).toEqual([2]);
  });

  it('a repeat folded that way and redelivered to another filter (a cold Lambda) is a duplicate', async () => {
    const store = new MemoryStateStore();
    const warm = createNoiseFilter({ store });
    for (let i = 0; i < 4; i++) await run(warm, crash(i), T0 + i * 1000);
    const cold = createNoiseFilter({ store });
    for (let i = 1; i < 4; i++) expect(reason(await run(cold, crash(i), T0 + 10_000 + i))).toBe('duplicate');
    // The cold filter now holds the window: what it folds, the warm one's copy does not list.
    expect(reason(await run(cold, crash(4), T0 + 20_000))).toBe('folded');
    expect(reason(await run(warm, crash(4), T0 + 21_000))).toBe('duplicate');
    expect(await digestCounts(warm)).toEqual([4]);
  });

  it('another version of a folded task (stale or later) is the same repeat: a duplicate', async () => {
    const store = new MemoryStateStore();
    const [a, b] = [createNoiseFilter({ store }), createNoiseFilter({ store })];
    await run(a, crash(0, 5), T0);
    expect(reason(await run(a, crash(1, 5), T0 + 1000))).toBe('folded');
    expect(reason(await run(a, crash(1, 4), T0 + 2000))).toBe('duplicate');
    expect(reason(await run(b, crash(1, 3), T0 + 3000))).toBe('duplicate');
    expect(reason(await run(b, crash(1, 6), T0 + 4000))).toBe('duplicate');
    expect(await digestCounts(a)).toEqual([1]);
  });

  it('the redelivery of the event that alerted stays a duplicate, never a counted repeat', async () => {
    const { calls, filter } = await primed();
    expect(reason(await run(filter, crash(0), T0 + 2000))).toBe('duplicate');
    expect(calls).toContain('put claim');
    expect(await digestCounts(filter)).toEqual([1]);
  });

  it('concurrent deliveries of one repeat to two filters holding the window count it once', async () => {
    const store = new MemoryStateStore();
    const [a, b] = [createNoiseFilter({ store }), createNoiseFilter({ store })];
    await run(a, crash(0), T0);
    await run(b, crash(1), T0 + 1000);
    await run(a, crash(2), T0 + 2000);
    await run(b, crash(3), T0 + 3000);
    for (let i = 4; i < 20; i++) {
      const both = await Promise.all([run(a, crash(i), T0 + i * 1000), run(b, crash(i), T0 + i * 1000)]);
      expect(both.map(reason).sort()).toEqual(['duplicate', 'folded']);
    }
    expect(await digestCounts(b)).toEqual([19]);
  });

  it('a window whose set is full counts further repeats by their claims, and still dedupes exactly', async () => {
    const { store, calls } = countingStore();
    const [a, b] = [createNoiseFilter({ store }), createNoiseFilter({ store })];
    const n = MAX_MEMBERS + 20;
    for (let i = 0; i <= n; i++) await run(a, crash(i), T0 + i);
    calls.length = 0;
    expect(reason(await run(a, crash(n + 1), T0 + n + 1))).toBe('folded');
    expect(calls).toContain('put claim');
    for (let i = 0; i <= n + 1; i += 7) {
      expect(reason(await run(a, crash(i), T0 + 100_000 + i))).toBe('duplicate');
      expect(reason(await run(b, crash(i), T0 + 200_000 + i))).toBe('duplicate');
    }
    expect(await digestCounts(b)).toEqual([n + 1]);
  });

  it('a repeat that keeps losing the race for the list is counted by its claim, and the window stops counting by ids', async () => {
    const { store: counted, calls } = countingStore();
    let losses = 0;
    // Every compare-and-set of the window fails while `losses` lasts, as if other writers won.
    const store = new Proxy(counted, {
      get: (target, name) => {
        const value = Reflect.get(target, name);
        if (name !== 'put') return typeof value === 'function' ? value.bind(target) : value;
        return (key: { scope: string }, item: unknown, options: { expectedVersion?: number }) => {
          if (key.scope === 'fold' && options.expectedVersion !== undefined && losses > 0) {
            losses--;
            return Promise.resolve(undefined);
          }
          return target.put(key as never, item as never, options as never);
        };
      },
    });
    const filter = createNoiseFilter({ store });
    await run(filter, crash(0), T0);
    losses = 5;
    expect(reason(await run(filter, crash(1), T0 + 1000))).toBe('folded');
    expect(losses).toBe(0);
    calls.length = 0;
    expect(reason(await run(filter, crash(2), T0 + 2000))).toBe('folded');
    expect(calls).toContain('put claim');
    expect(reason(await run(filter, crash(1), T0 + 3000))).toBe('duplicate');
    expect(reason(await run(createNoiseFilter({ store }), crash(2), T0 + 4000))).toBe('duplicate');
    expect(await digestCounts(filter)).toEqual([2]);
  });

  it('a repeat redelivered after its window was flushed is a duplicate, not a new alert', async () => {
    const store = new MemoryStateStore();
    const filter = createNoiseFilter({ store, foldWindowSeconds: 60 });
    for (let i = 0; i < 3; i++) await run(filter, crash(i), T0 + i * 1000);
    expect(await digestCounts(filter, T0 + 120_000)).toEqual([2]);
    const cold = createNoiseFilter({ store, foldWindowSeconds: 60 });
    expect(reason(await run(cold, crash(2), T0 + 130_000))).toBe('duplicate');
    expect(reason(await run(cold, crash(3), T0 + 131_000))).toBe('notify');
    // The new window lists the old one's repeats: their redelivery is a duplicate there too.
    expect(reason(await run(cold, crash(1), T0 + 132_000))).toBe('duplicate');
    expect(reason(await run(cold, crash(4), T0 + 133_000))).toBe('folded');
    expect(await digestCounts(cold, T0 + 300_000)).toEqual([1]);
  });

  it('a repeat redelivered after the next one opened a new window is a duplicate there', async () => {
    const filter = createNoiseFilter({ foldWindowSeconds: 60 });
    for (let i = 0; i < 3; i++) await run(filter, crash(i), T0 + i * 1000);
    expect(reason(await run(filter, crash(3), T0 + 70_000))).toBe('digest');
    expect(reason(await run(filter, crash(2), T0 + 71_000))).toBe('duplicate');
    expect(reason(await run(filter, crash(3), T0 + 72_000))).toBe('duplicate');
    expect(await digestCounts(filter)).toEqual([1]);
  });

  it('member ids of 100,000 task ARNs are distinct', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 100_000; i++) {
      ids.add(memberId(`arn:aws:ecs:eu-central-1:111111111111:task/test/${i.toString(16).padStart(32, '0')}`));
    }
    expect(ids.size).toBe(100_000);
    expect(memberId('x')).toMatch(/^[A-Za-z0-9_-]{8}$/);
  });
});

describe('silences and the one-write repeat', () => {
  const silenced = async () => 'silence s1';

  it('with a silence check and no probe, every repeat goes through its claim and the check', async () => {
    const { store, calls } = countingStore();
    let asked = 0;
    const filter = createNoiseFilter({ store, silenced: async () => (asked++, undefined) });
    for (let i = 0; i < 3; i++) await run(filter, crash(i), T0 + i * 1000);
    expect(asked).toBe(3);
    expect(calls.filter((call) => call === 'put claim')).toHaveLength(3);
  });

  it('a probe saying no silence holds lets a repeat fold in one write, uncounted by any silence', async () => {
    const { store, calls } = countingStore();
    let asked = 0;
    const check = async () => (asked++, undefined);
    const filter = createProbedNoiseFilter({ store, silenced: check }, async () => false);
    for (let i = 0; i < 2; i++) await run(filter, crash(i), T0 + i * 1000);
    calls.length = 0;
    asked = 0;
    expect(reason(await run(filter, crash(2), T0 + 2000))).toBe('folded');
    expect(calls).toEqual(['put fold']);
    expect(asked).toBe(0);
  });

  it('a probe saying a silence holds sends the repeat through its claim, counted once by the check', async () => {
    let asked = 0;
    let silencing = false;
    const check = async () => (silencing ? (asked++, await silenced()) : undefined);
    const filter = createProbedNoiseFilter({ silenced: check }, async () => silencing);
    for (let i = 0; i < 2; i++) await run(filter, crash(i), T0 + i * 1000);
    silencing = true;
    expect(reason(await run(filter, crash(2), T0 + 2000))).toBe('silenced');
    expect(reason(await run(filter, crash(2), T0 + 3000))).toBe('duplicate');
    expect(asked).toBe(1);
    expect(await digestCounts(filter)).toEqual([1]);
  });
});
