/**
 * Settling decisions when deliveries fail: what `release` undoes and what a retry then decides,
 * on the memory store and on DynamoDB (dynalite), since every case rests on conditional writes.
 */
import { describe, expect, it } from 'vitest';
import { DynamoDbStateStore } from '../../src/dynamodb/index.js';
import { MemoryStateStore } from '../../src/state/index.js';
import {
  classify,
  createNoiseFilter,
  type Decision,
  type DigestDecision,
  type EcsEvent,
  type NoiseFilter,
  type NoiseFilterOptions,
  type NotifyDecision,
  type StateStore,
} from '../../src/index.js';
import { dynaliteTableForSuite } from '../helpers/dynalite.js';
import { loadFixture, parsedFixture } from '../helpers/fixtures.js';

const T0 = Date.parse('2026-11-20T09:00:00Z');
const event = parsedFixture;

const crash = (i: number) =>
  event('task', 'synthetic-task-crashed-exit1-sidecar143', (e) => {
    e.id = `id-${i}`;
    e.detail.taskArn = `arn:aws:ecs:eu-central-1:111111111111:task/test/${String(i).padStart(32, '0')}`;
    e.resources = [e.detail.taskArn];
  });
const steady = (id: string) =>
  event('service', 'service-task-start-impaired', (e) => {
    e.id = id;
    e.detail.eventName = 'SERVICE_STEADY_STATE';
    e.detail.eventType = 'INFO';
  });
const impaired = () => event('service', 'service-task-start-impaired');
const spotWarning = () => event('task', 'synthetic-task-spot-warning');
/** The STOPPED (version 7) of the Spot warning's task (version 3). */
const spotStopped = () => {
  const warning = loadFixture('task', 'synthetic-task-spot-warning') as any;
  return event('task', 'synthetic-task-spot-stopped', (e) => {
    e.detail.taskArn = warning.detail.taskArn;
    e.detail.clusterArn = warning.detail.clusterArn;
    e.detail.group = warning.detail.group;
    e.resources = [warning.detail.taskArn];
  });
};

/** Decides, and settles as a sender that always succeeds would. */
async function run(filter: NoiseFilter, e: EcsEvent, now: number): Promise<Decision> {
  const decision = await filter.decide(e, classify(e), now);
  if (decision.action === 'notify' || decision.action === 'digest') await filter.commit(decision, now);
  return decision;
}

/** Decides, and releases as a sender whose delivery failed would. */
async function runFailing(filter: NoiseFilter, e: EcsEvent, now: number): Promise<Decision> {
  const decision = await filter.decide(e, classify(e), now);
  if (decision.action === 'notify' || decision.action === 'digest') await filter.release(decision, now);
  return decision;
}

/** The suite, for one store: `store` is called inside each test, after the backend started. */
function describeSettlement(name: string, store: () => StateStore): void {
  let namespaces = 0;
  const filterOf = (options: NoiseFilterOptions = {}) =>
    createNoiseFilter({ ...options, store: store(), namespace: `settle-${name}-${++namespaces}` });

  describe(`${name}: settling failed deliveries`, () => {
    it('a released digest counts the event that triggered it once: its retry is a duplicate', async () => {
      const filter = filterOf({ foldWindowSeconds: 60 });
      await run(filter, crash(0), T0);
      await run(filter, crash(1), T0 + 1000);
      await run(filter, crash(2), T0 + 2000);
      const late = await runFailing(filter, crash(3), T0 + 61_000);
      expect(late).toMatchObject({ action: 'digest', digest: { count: 2 } });
      expect(await run(filter, crash(3), T0 + 62_000)).toMatchObject({ action: 'suppress', reason: 'duplicate' });
      // Crashes 1 and 2 (credited) and 3 (the new window's repeat): 3 repeats after the first alert.
      expect((await filter.flush(T0 + 300_000)).map((d) => d.digest.count)).toEqual([3]);
    });

    it('releasing an old first alert leaves a newer window of the incident alerted', async () => {
      const filter = filterOf({ foldWindowSeconds: 60 });
      const old = await filter.decide(crash(0), classify(crash(0)), T0);
      expect(old.action).toBe('notify');
      expect((await run(filter, crash(1), T0 + 70_000)).action).toBe('notify');
      await filter.release(old as NotifyDecision, T0 + 71_000);
      expect(await run(filter, crash(2), T0 + 72_000)).toMatchObject({ action: 'suppress', reason: 'folded' });
      // The old alert's retry is a repeat of the newer window, counted in its digest.
      expect(await run(filter, crash(0), T0 + 73_000)).toMatchObject({ action: 'suppress', reason: 'folded' });
      expect((await filter.flush(T0 + 200_000)).map((d) => d.digest.count)).toEqual([2]);
    });

    it('verbose: the steady state after a recovery is not a change', async () => {
      const filter = filterOf({ preset: 'verbose' });
      expect((await run(filter, steady('s0'), T0)).action).toBe('notify');
      expect((await run(filter, impaired(), T0 + 1000)).action).toBe('notify');
      expect(await run(filter, steady('s1'), T0 + 2000)).toMatchObject({ action: 'notify', recovery: true });
      expect(await run(filter, steady('s2'), T0 + 3000)).toMatchObject({ action: 'suppress', reason: 'steady-state' });
    });

    it('a released event is retried, but is stale once a newer version of its resource was seen', async () => {
      const filter = filterOf();
      expect((await runFailing(filter, spotWarning(), T0)).action).toBe('notify');
      // Its own failed attempt does not make the retry stale.
      expect((await runFailing(filter, spotWarning(), T0 + 1000)).action).toBe('notify');
      // The STOPPED fails too, then the warning's retry comes: the task is gone, the warning is old news.
      expect((await runFailing(filter, spotStopped(), T0 + 2000)).action).toBe('notify');
      expect(await run(filter, spotWarning(), T0 + 3000)).toMatchObject({ action: 'suppress', reason: 'stale' });
      // The newest version is never stale: its retry goes out.
      expect((await run(filter, spotStopped(), T0 + 4000)).action).toBe('notify');
      expect(await run(filter, spotStopped(), T0 + 5000)).toMatchObject({ action: 'suppress', reason: 'duplicate' });
    });

    it('an empty envelope id is no identity: different events are not duplicates, a redelivery is', async () => {
      const filter = filterOf({ foldWindowSeconds: false });
      const placement = event('service', 'docs-service-task-placement-failure-ec2-cpu', (e) => (e.id = ''));
      const start = event('service', 'service-task-start-impaired', (e) => (e.id = ''));
      expect((await run(filter, placement, T0)).action).toBe('notify');
      expect((await run(filter, start, T0 + 1)).action).toBe('notify');
      expect(await run(filter, start, T0 + 2)).toMatchObject({ action: 'suppress', reason: 'duplicate' });
    });

    it('a flushed digest that is released is credited, not lost or doubled', async () => {
      const filter = filterOf({ foldWindowSeconds: 60 });
      await run(filter, crash(0), T0);
      await run(filter, crash(1), T0 + 1000);
      const [due] = await filter.flush(T0 + 100_000);
      await filter.release(due as DigestDecision, T0 + 100_000);
      expect((await filter.flush(T0 + 200_000)).map((d) => d.digest.count)).toEqual([1]);
    });
  });
}

describeSettlement('memory', () => new MemoryStateStore());

describe('DynamoDB store (dynalite)', () => {
  const table = dynaliteTableForSuite();
  describeSettlement(
    'dynamodb',
    () => new DynamoDbStateStore({ client: table().client, tableName: table().tableName }),
  );
});
