import { describe, expect, it } from 'vitest';
import { MemoryStateStore } from '../../src/state/index.js';
import { resolveFilterOptions } from '../../src/filter/index.js';
import {
  classify,
  ConfigError,
  createNoiseFilter,
  parseEcsEvent,
  type Decision,
  type EcsEvent,
  type NoiseFilter,
  type NoiseFilterOptions,
} from '../../src/index.js';
import { countingStore } from '../helpers/counting-store.js';
import { crashLoop } from '../helpers/crash-loop.js';
import { type loadFixture, parsedFixture } from '../helpers/fixtures.js';

type Kind = Parameters<typeof loadFixture>[0];
const T0 = Date.parse('2026-11-20T09:00:00Z');
const event = parsedFixture;

/** Decides, and settles as a sender that always succeeds would. */
async function run(filter: NoiseFilter, e: EcsEvent, now: number): Promise<Decision> {
  const decision = await filter.decide(e, classify(e), now);
  if (decision.action === 'notify' || decision.action === 'digest') await filter.commit(decision, now);
  return decision;
}

const crash = (i: number, change?: (e: any) => void) =>
  event('task', 'synthetic-task-crashed-exit1-sidecar143', (e) => {
    e.id = `id-${i}`;
    e.detail.taskArn = `arn:aws:ecs:eu-central-1:111111111111:task/test/${String(i).padStart(32, '0')}`;
    e.resources = [e.detail.taskArn];
    change?.(e);
  });

describe('the crash-loop scenario (alerts preset)', () => {
  it('500 failures in 10 minutes with duplicates, routine stops and a stale RUNNING make at most 3 messages, one counting the crashes', async () => {
    const filter = createNoiseFilter();
    const sent: Decision[] = [];
    const reasons = new Map<string, number>();
    for (const { event: raw, now } of crashLoop()) {
      const decision = await run(filter, parseEcsEvent(raw), now);
      if (decision.action === 'notify' || decision.action === 'digest') sent.push(decision);
      if (decision.action === 'suppress') reasons.set(decision.reason, (reasons.get(decision.reason) ?? 0) + 1);
      expect(decision.action).not.toBe('defer');
    }
    const end = T0 + 30 * 60_000;
    for (const digest of await filter.flush(end)) {
      sent.push(digest);
      await filter.commit(digest, end);
    }
    expect(sent.length).toBeLessThanOrEqual(3);
    expect(sent.map((d) => d.action)).toEqual(['notify', 'digest']);
    expect(sent[0]).toMatchObject({ action: 'notify', classification: { outcome: 'crashed' } });
    expect(sent[1]).toMatchObject({ action: 'digest', digest: { count: 499 } });
    expect(Object.fromEntries(reasons)).toEqual({ folded: 499, duplicate: 50, 'routine-stop': 10, transitional: 1 });
  });
});

describe('folding', () => {
  it('sends the digest with the next repeat after the window closes; that repeat opens the next window', async () => {
    const filter = createNoiseFilter({ foldWindowSeconds: 60 });
    const actions: string[] = [];
    for (let i = 0; i < 5; i++) actions.push((await run(filter, crash(i), T0 + i * 10_000)).action);
    const late = await run(filter, crash(5), T0 + 70_000);
    expect(actions).toEqual(['notify', 'suppress', 'suppress', 'suppress', 'suppress']);
    expect(late).toMatchObject({ action: 'digest', digest: { count: 4, since: new Date(T0).toISOString() } });
    expect(late.action === 'digest' && late.digest.latest.classification.outcome).toBe('crashed');
    const flushed = await filter.flush(T0 + 200_000);
    expect(flushed.map((d) => d.digest.count)).toEqual([1]);
    expect(await filter.flush(T0 + 300_000)).toEqual([]);
  });

  it('a window longer than the dedupe TTL (a daily digest) is still there for the flush that closes it', async () => {
    const filter = createNoiseFilter({ foldWindowSeconds: 86_400, dedupeTtlSeconds: 3600 });
    for (let i = 0; i < 3; i++) await run(filter, crash(i), T0 + i * 60_000);
    expect(await filter.flush(T0 + 86_000_000)).toEqual([]);
    expect((await filter.flush(T0 + 86_401_000)).map((d) => d.digest.count)).toEqual([2]);
  });

  it('windows of other lengths sharing a store each close on time, whichever filter flushes', async () => {
    const store = new MemoryStateStore();
    const hourly = createNoiseFilter({ store, foldWindowSeconds: 3600 });
    const short = createNoiseFilter({ store, foldWindowSeconds: 60 });
    for (let i = 0; i < 3; i++) await run(hourly, crash(i), T0 + i * 1000);
    expect(await short.flush(T0 + 120_000)).toEqual([]);
    expect((await short.flush(T0 + 3_601_000)).map((d) => d.digest.count)).toEqual([2]);
  });

  it('a failure after a quiet window is a new incident, not a digest', async () => {
    const filter = createNoiseFilter({ foldWindowSeconds: 60 });
    expect((await run(filter, crash(1), T0)).action).toBe('notify');
    expect((await run(filter, crash(2), T0 + 61_000)).action).toBe('notify');
  });

  it('folds per incident: another outcome or culprit is its own alert', async () => {
    const filter = createNoiseFilter();
    expect((await run(filter, crash(1), T0)).action).toBe('notify');
    const oom = event('task', 'synthetic-task-oom-exit137', (e) => (e.id = 'oom-1'));
    expect((await run(filter, oom, T0 + 1000)).action).toBe('notify');
    const other = crash(2, (e) => (e.detail.group = 'service:other'));
    expect((await run(filter, other, T0 + 2000)).action).toBe('notify');
  });

  it('never folds deployment events', async () => {
    const filter = createNoiseFilter();
    const failed = (id: string, deploymentId: string) =>
      event('deployment', 'docs-deployment-failed', (e) =>
        Object.assign(e, { id }, { detail: { ...e.detail, deploymentId } }),
      );
    expect((await run(filter, failed('a', 'ecs-svc/1'), T0)).action).toBe('notify');
    expect((await run(filter, failed('b', 'ecs-svc/2'), T0 + 1000)).action).toBe('notify');
  });

  it('a digest that could not be delivered is credited to the next one', async () => {
    const filter = createNoiseFilter({ foldWindowSeconds: 60 });
    await run(filter, crash(0), T0);
    await run(filter, crash(1), T0 + 1000);
    await run(filter, crash(2), T0 + 2000);
    const late = await filter.decide(crash(3), classify(crash(3)), T0 + 61_000);
    expect(late).toMatchObject({ action: 'digest', digest: { count: 2 } });
    if (late.action === 'digest') await filter.release(late, T0 + 61_000);
    const [next] = await filter.flush(T0 + 200_000);
    expect(next?.digest.count).toBe(3);
    expect(next?.digest.since).toBe(new Date(T0).toISOString());
  });

  it('a repeat of a window this filter saw is folded without reading the window first', async () => {
    const { store, calls } = countingStore();
    const filter = createNoiseFilter({ store });
    await run(filter, crash(0), T0);
    expect(calls.filter((call) => call.endsWith(' fold'))).toEqual(['get fold', 'put fold']);
    calls.length = 0;
    for (let i = 1; i <= 3; i++) await run(filter, crash(i), T0 + i * 1000);
    expect(calls.filter((call) => call.endsWith(' fold'))).toEqual(['put fold', 'put fold', 'put fold']);
    expect((await filter.flush(T0 + 3_600_000)).map((d) => d.digest.count)).toEqual([3]);
  });

  it('a window changed by another filter since this one saw it is read again, and every repeat counted once', async () => {
    const store = new MemoryStateStore();
    const [a, b] = [createNoiseFilter({ store }), createNoiseFilter({ store })];
    const actions: string[] = [];
    for (let i = 0; i < 12; i++) actions.push((await run(i % 3 === 0 ? b : a, crash(i), T0 + i * 1000)).action);
    expect(actions.filter((action) => action === 'notify')).toHaveLength(1);
    expect((await a.flush(T0 + 3_600_000)).map((d) => d.digest.count)).toEqual([11]);
  });

  it('a window whose alert an event took but never settled alerts again on its retry, whatever another filter remembers', async () => {
    const store = new MemoryStateStore();
    const [a, b] = [createNoiseFilter({ store, leaseSeconds: 30 }), createNoiseFilter({ store, leaseSeconds: 30 })];
    const first = await b.decide(crash(0), classify(crash(0)), T0);
    expect(first.action).toBe('notify');
    // `a` sees the window while crash(0) holds its alert.
    expect((await run(a, crash(1), T0 + 1000)).action).toBe('suppress');
    // crash(0) could not be delivered: crash(2) takes the alert, and its Lambda dies before settling.
    if (first.action === 'notify') await b.release(first, T0 + 2000);
    expect((await b.decide(crash(2), classify(crash(2)), T0 + 3000)).action).toBe('notify');
    // crash(2) is redelivered to `a` after the lease: it alerts, not folded on what `a` remembers.
    expect((await run(a, crash(2), T0 + 40_000)).action).toBe('notify');
    expect((await run(a, crash(3), T0 + 41_000)).action).toBe('suppress');
    expect((await a.flush(T0 + 3_600_000)).map((d) => d.digest.count)).toEqual([2]);
  });

  it('a flushed digest that could not be delivered comes back on the next flush', async () => {
    const filter = createNoiseFilter({ foldWindowSeconds: 60 });
    await run(filter, crash(0), T0);
    await run(filter, crash(1), T0 + 1000);
    const [digest] = await filter.flush(T0 + 100_000);
    expect(digest?.digest.count).toBe(1);
    await filter.release(digest!, T0 + 100_000);
    expect((await filter.flush(T0 + 200_000)).map((d) => d.digest.count)).toEqual([1]);
  });
});

describe('duplicates, stale events and retries', () => {
  it('drops the same event delivered twice (resource version) and an unversioned duplicate (envelope id)', async () => {
    const filter = createNoiseFilter({ foldWindowSeconds: false });
    expect((await run(filter, crash(1), T0)).action).toBe('notify');
    expect(await run(filter, crash(1), T0 + 5)).toMatchObject({ action: 'suppress', reason: 'duplicate' });
    const placement = event('service', 'docs-service-task-placement-failure-ec2-cpu');
    expect((await run(filter, placement, T0)).action).toBe('notify');
    expect(await run(filter, placement, T0 + 5)).toMatchObject({ action: 'suppress', reason: 'duplicate' });
  });

  it('a duplicate with another envelope id but the same resource version is still a duplicate', async () => {
    const filter = createNoiseFilter({ foldWindowSeconds: false });
    await run(filter, crash(1), T0);
    expect(
      await run(
        filter,
        crash(1, (e) => (e.id = 'another-id')),
        T0 + 5,
      ),
    ).toMatchObject({ reason: 'duplicate' });
  });

  it('drops an older version that arrives after a newer one (stale)', async () => {
    const filter = createNoiseFilter({ preset: 'verbose' });
    await run(filter, crash(1), T0);
    const older = crash(1, (e) => {
      e.id = 'older';
      e.detail.version = e.detail.version - 1;
    });
    expect(await run(filter, older, T0 + 5)).toMatchObject({ action: 'suppress', reason: 'stale' });
  });

  it('defers a duplicate whose first delivery is still in flight, then handles the retry once it was released', async () => {
    const filter = createNoiseFilter({ foldWindowSeconds: false });
    const first = await filter.decide(crash(1), classify(crash(1)), T0);
    expect(first.action).toBe('notify');
    expect(await filter.decide(crash(1), classify(crash(1)), T0 + 5)).toMatchObject({ action: 'defer' });
    if (first.action === 'notify') await filter.release(first, T0 + 10);
    const retry = await filter.decide(crash(1), classify(crash(1)), T0 + 60_000);
    expect(retry.action).toBe('notify');
  });

  it('a claim left by a crashed delivery expires after the lease, so nothing is lost', async () => {
    const filter = createNoiseFilter({ foldWindowSeconds: false, leaseSeconds: 30 });
    await filter.decide(crash(1), classify(crash(1)), T0);
    expect((await filter.decide(crash(1), classify(crash(1)), T0 + 10_000)).action).toBe('defer');
    expect((await filter.decide(crash(1), classify(crash(1)), T0 + 31_000)).action).toBe('notify');
  });
});

describe('recovery and steady states', () => {
  const steady = (id: string, service = 'image_inferrer') =>
    event('service', 'service-task-start-impaired', (e) => {
      e.id = id;
      e.detail.eventName = 'SERVICE_STEADY_STATE';
      e.detail.eventType = 'INFO';
      e.resources = [e.resources[0].replace('image_inferrer', service)];
    });
  const impaired = () => event('service', 'service-task-start-impaired');

  it('alerts: steady states stay quiet, except the first after a problem, announced once as a recovery', async () => {
    const filter = createNoiseFilter();
    expect(await run(filter, steady('s0'), T0)).toMatchObject({ action: 'suppress', reason: 'steady-state' });
    expect((await run(filter, impaired(), T0 + 1000)).action).toBe('notify');
    const recovery = await run(filter, steady('s1'), T0 + 2000);
    expect(recovery).toMatchObject({ action: 'notify', recovery: true, classification: { severity: 'success' } });
    expect(recovery.action === 'notify' && recovery.classification.summary).toBe(
      'image_inferrer recovered after task-start-impaired: image_inferrer is in a steady state',
    );
    expect(await run(filter, steady('s2'), T0 + 3000)).toMatchObject({ action: 'suppress', reason: 'steady-state' });
    expect(await run(filter, steady('s3', 'other'), T0 + 3000)).toMatchObject({ action: 'suppress' });
  });

  it('a recovery that could not be delivered is announced by the next steady state', async () => {
    const filter = createNoiseFilter();
    await run(filter, impaired(), T0);
    const first = await filter.decide(steady('s1'), classify(steady('s1')), T0 + 1000);
    expect(first).toMatchObject({ action: 'notify', recovery: true });
    if (first.action === 'notify') await filter.release(first, T0 + 1000);
    expect(await run(filter, steady('s2'), T0 + 2000)).toMatchObject({ action: 'notify', recovery: true });
  });

  it('a completed deployment after a problem is announced as a recovery', async () => {
    const filter = createNoiseFilter();
    const crashOfService = crash(1, (e) => {
      e.detail.group = 'service:servicetest';
      e.detail.clusterArn = 'arn:aws:ecs:us-west-2:111122223333:cluster/default';
    });
    await run(filter, crashOfService, T0);
    const completed = event('deployment', 'docs-deployment-completed');
    expect(await run(filter, completed, T0 + 1000)).toMatchObject({ action: 'notify', recovery: true });
  });

  it('verbose: a steady state is notified when it is a change, not when it repeats', async () => {
    const filter = createNoiseFilter({ preset: 'verbose' });
    expect((await run(filter, steady('s0'), T0)).action).toBe('notify');
    expect(await run(filter, steady('s1'), T0 + 1000)).toMatchObject({ action: 'suppress', reason: 'steady-state' });
    await run(
      filter,
      event('service', 'synthetic-service-desired-count-updated', (e) => (e.resources = [steady('x').resources[0]])),
      T0 + 2000,
    );
    expect((await run(filter, steady('s2'), T0 + 3000)).action).toBe('notify');
  });
});

describe('presets', () => {
  const decideAll = async (options: NoiseFilterOptions, names: Array<[Kind, string]>) => {
    const filter = createNoiseFilter(options);
    const out: Record<string, string> = {};
    for (const [kind, name] of names) {
      const d = await run(filter, event(kind, name), T0);
      out[name] = d.action === 'suppress' ? `suppress:${d.reason}` : d.action;
    }
    return out;
  };
  const SAMPLE: Array<[Kind, string]> = [
    ['task', 'task-running-ec2-service'],
    ['task', 'task-stopped-service-scaling-deployment-ec2'],
    ['task', 'task-stopped-ec2-standalone-exit0-no-stopcode'],
    ['task', 'task-stopped-elb-health-check-failed-fargate'],
    ['task', 'synthetic-task-spot-warning'],
    ['container-instance', 'docs-container-instance-active'],
    ['deployment', 'deployment-in-progress-with-clusterarn'],
    ['service', 'synthetic-service-desired-count-updated'],
  ];

  it('alerts', async () => {
    expect(await decideAll({}, SAMPLE)).toEqual({
      'task-running-ec2-service': 'suppress:transitional',
      'task-stopped-service-scaling-deployment-ec2': 'suppress:routine-stop',
      'task-stopped-ec2-standalone-exit0-no-stopcode': 'suppress:severity',
      'task-stopped-elb-health-check-failed-fargate': 'notify',
      'synthetic-task-spot-warning': 'notify',
      'docs-container-instance-active': 'suppress:instance-churn',
      'deployment-in-progress-with-clusterarn': 'notify',
      'synthetic-service-desired-count-updated': 'suppress:severity',
    });
  });

  it('verbose: every terminal change', async () => {
    expect(await decideAll({ preset: 'verbose' }, SAMPLE)).toEqual({
      'task-running-ec2-service': 'suppress:transitional',
      'task-stopped-service-scaling-deployment-ec2': 'notify',
      'task-stopped-ec2-standalone-exit0-no-stopcode': 'notify',
      'task-stopped-elb-health-check-failed-fargate': 'notify',
      'synthetic-task-spot-warning': 'notify',
      'docs-container-instance-active': 'suppress:instance-churn',
      'deployment-in-progress-with-clusterarn': 'notify',
      'synthetic-service-desired-count-updated': 'notify',
    });
  });

  it('none: everything, duplicates included', async () => {
    const filter = createNoiseFilter({ preset: 'none' });
    for (let i = 0; i < 3; i++)
      expect((await run(filter, event('task', 'task-running-ec2-service'), T0)).action).toBe('notify');
  });

  it('every option of a preset can be overridden', async () => {
    expect(
      await decideAll({ suppressRoutineStops: false, minSeverity: 'info', suppressInstanceChurn: false }, SAMPLE),
    ).toMatchObject({
      'task-stopped-service-scaling-deployment-ec2': 'notify',
      'docs-container-instance-active': 'notify',
    });
    expect(await decideAll({ services: { exclude: ['sin-web_*'] }, kinds: ['task'] }, SAMPLE)).toMatchObject({
      'task-stopped-elb-health-check-failed-fargate': 'suppress:service',
      'deployment-in-progress-with-clusterarn': 'suppress:kind',
    });
    expect(() => createNoiseFilter({ preset: 'loud' as never })).toThrow(/unknown filter preset "loud"/);
    // The old names meant "suppress" when true; `transitional: true` hid what a reader meant to see.
    for (const [old, replacement] of [
      ['transitional', 'suppressTransitional'],
      ['routineStops', 'suppressRoutineStops'],
      ['instanceChurn', 'suppressInstanceChurn'],
    ] as const) {
      const refused = () => createNoiseFilter({ [old]: false } as never);
      expect(refused).toThrow(ConfigError);
      expect(refused).toThrow(`createNoiseFilter: options.${old} was renamed ${replacement}`);
      expect(() => resolveFilterOptions({ [old]: true } as never)).toThrow(`options.${old} was renamed ${replacement}`);
    }
    expect(() => createNoiseFilter({ foldWindowSeconds: 0 })).toThrow(RangeError);
  });

  it('a shared store keeps state across filter instances (a cold start)', async () => {
    const store = new MemoryStateStore();
    await run(createNoiseFilter({ store, foldWindowSeconds: false }), crash(1), T0);
    expect(await run(createNoiseFilter({ store, foldWindowSeconds: false }), crash(1), T0 + 5)).toMatchObject({
      reason: 'duplicate',
    });
  });
});

describe('nothing lost when the first alert fails', () => {
  it('the retry of an undelivered first alert alerts again instead of being folded', async () => {
    const filter = createNoiseFilter();
    const first = await filter.decide(crash(1), classify(crash(1)), T0);
    expect(first.action).toBe('notify');
    if (first.action === 'notify') await filter.release(first, T0 + 10);
    expect((await run(filter, crash(1), T0 + 60_000)).action).toBe('notify');
    expect(await run(filter, crash(2), T0 + 61_000)).toMatchObject({ action: 'suppress', reason: 'folded' });
  });

  it('when another repeat arrives first, it takes the undelivered alert’s place', async () => {
    const filter = createNoiseFilter();
    const first = await filter.decide(crash(1), classify(crash(1)), T0);
    if (first.action === 'notify') await filter.release(first, T0 + 10);
    expect((await run(filter, crash(2), T0 + 20)).action).toBe('notify');
    expect(await run(filter, crash(1), T0 + 30)).toMatchObject({ action: 'suppress', reason: 'folded' });
  });
});

describe('namespaces', () => {
  it('filters sharing one store in different namespaces keep their own duplicates and digests', async () => {
    const { namespacedStore } = await import('../../src/state/index.js');
    const store = new MemoryStateStore();
    const a = createNoiseFilter({ store, namespace: 'a', foldWindowSeconds: 60 });
    const b = createNoiseFilter({ store, namespace: 'b', foldWindowSeconds: 60 });
    expect((await run(a, crash(1), T0)).action).toBe('notify');
    expect((await run(b, crash(1), T0)).action).toBe('notify');
    await run(a, crash(2), T0 + 1000);
    expect((await b.flush(T0 + 120_000)).map((d) => d.digest.count)).toEqual([]);
    expect((await a.flush(T0 + 120_000)).map((d) => d.digest.count)).toEqual([1]);
    expect(await namespacedStore(store, 'a').list('fold', T0)).toEqual([]);
  });
});

describe('createNoiseFilter options', () => {
  it('names an option of the wrong type or value instead of filtering wrongly', () => {
    expect(() => createNoiseFilter({ minSeverity: 'bogus' as never })).toThrow(
      new RangeError('createNoiseFilter: options.minSeverity must be "info", "success", "warning", "error"'),
    );
    expect(() =>
      createNoiseFilter({ clusters: { include: ['arn:aws:ecs:us-east-1:111122223333:cluster/prod'] } }),
    ).toThrow(
      new RangeError('createNoiseFilter: options.clusters.include: give the cluster name ("prod"), not its ARN'),
    );
    expect(() => createNoiseFilter({ services: { include: 'api' as never } })).toThrow(
      /^createNoiseFilter: options\.services\.include must be an array/,
    );
    expect(() => createNoiseFilter(null as never)).toThrow(
      new TypeError('createNoiseFilter: expected a preset name or filter options, got null'),
    );
    expect(() =>
      createNoiseFilter({ preset: 'verbose', clusters: { include: ['prod', 'stage-*'] }, minSeverity: 'warning' }),
    ).not.toThrow();
  });
});
