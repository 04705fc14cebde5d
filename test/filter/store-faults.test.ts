/**
 * Fault injection: every store call of every step of an incident fails in turn (once and
 * retryable, once and fatal, or the store down from that call on for the rest of the delivery),
 * then the event is delivered again as SQS or Lambda would, after the invocation's deadline. Each
 * message (the first alert, the digest, the recovery, the flushed digest) must be posted exactly
 * once, and the digests must count every repeat once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStateStore } from '../../src/state/index.js';
import {
  StateStoreError,
  classify,
  createNoiseFilter,
  createPipeline,
  createWebhookSender,
  parseEcsEvent,
  type EcsEvent,
  type PipelineResult,
  type StateStore,
} from '../../src/index.js';
import { loadFixture } from '../helpers/fixtures.js';
import { startScriptedServer, type ScriptedServer } from '../helpers/slack-server.js';

const T0 = Date.parse('2026-11-20T09:00:00Z');
/** The invocation's budget: claims last no longer, so a redelivery after it decides afresh. */
const BUDGET_MS = 30_000;
/** When SQS or Lambda delivers a failed event again. */
const REDELIVERY_MS = 61_000;

const crash = (i: number): EcsEvent => {
  const raw = loadFixture('task', 'synthetic-task-crashed-exit1-sidecar143') as any;
  raw.id = `crash-${i}`;
  raw.detail.taskArn = `arn:aws:ecs:eu-central-1:111111111111:task/test/${String(i).padStart(32, '0')}`;
  raw.resources = [raw.detail.taskArn];
  return parseEcsEvent(raw);
};
/** The crashing service reaching a steady state: a recovery. */
const steady = (): EcsEvent => {
  const raw = loadFixture('service', 'docs-service-steady-state') as any;
  raw.id = 'steady-1';
  raw.resources = ['arn:aws:ecs:eu-central-1:111111111111:service/test/example-api-v1'];
  raw.detail.clusterArn = 'arn:aws:ecs:eu-central-1:111111111111:cluster/test';
  return parseEcsEvent(raw);
};

/** The incident, one step per delivery: alert, repeat (folded), repeat after the window (digest), recovery, flush. */
const STEPS: ReadonlyArray<{ readonly name: string; readonly at: number; readonly event?: () => EcsEvent }> = [
  { name: 'first alert', at: T0, event: () => crash(1) },
  { name: 'folded repeat', at: T0 + 100_000, event: () => crash(2) },
  { name: 'digest', at: T0 + 700_000, event: () => crash(3) },
  { name: 'recovery', at: T0 + 800_000, event: steady },
  { name: 'flush', at: T0 + 1_500_000 },
];

/** `lost`: the call is carried out, then fails as a timeout whose answer never came back would. */
type Fault = 'ok' | 'retryable' | 'fatal' | 'lost';
type Mode = 'retryable once' | 'fatal once' | 'down from there';

/** A memory store that fails the calls `plan` names, counting every call of every operation. */
class FaultyStore implements StateStore {
  readonly inner = new MemoryStateStore();
  readonly calls: Array<{ readonly op: string; readonly scope: string; ok: boolean }> = [];
  plan: (index: number, op: string, scope: string) => Fault = () => 'ok';

  async #call<T>(op: string, scope: string, run: () => Promise<T>): Promise<T> {
    const call = { op, scope, ok: false };
    const fault = this.plan(this.calls.length, op, scope);
    this.calls.push(call);
    if (fault === 'retryable' || fault === 'fatal') {
      throw new StateStoreError(`injected ${op} failure`, { operation: op, retryable: fault === 'retryable' });
    }
    const result = await run();
    if (fault === 'lost') throw new StateStoreError(`injected ${op} timeout`, { operation: op, retryable: true });
    call.ok = true;
    return result;
  }

  get: StateStore['get'] = (key, now) => this.#call('get', key.scope, () => this.inner.get(key, now));
  put: StateStore['put'] = (key, value, options) =>
    this.#call('put', key.scope, () => this.inner.put(key, value, options));
  putIfHigher: StateStore['putIfHigher'] = (key, order, write) =>
    this.#call('putIfHigher', key.scope, () => this.inner.putIfHigher(key, order, write));
  update: StateStore['update'] = (key, change, options) =>
    this.#call('update', key.scope, () => this.inner.update(key, change, options));
  take: StateStore['take'] = (key, now, version) =>
    this.#call('take', key.scope, () => this.inner.take(key, now, version));
  list: StateStore['list'] = (scope, now) => this.#call('list', scope, () => this.inner.list(scope, now));
}

let slack: ScriptedServer;
beforeAll(async () => {
  slack = await startScriptedServer([{ status: 200, body: 'ok' }]);
});
afterAll(() => slack.close());

/** Runs the incident with `mode` injected at call `target` of step `step`; returns what Slack got and how it went. */
async function run(step: number, target: number | undefined, mode: Mode) {
  const store = new FaultyStore();
  const clock = { now: T0, deadline: T0 + BUDGET_MS };
  const url = `${slack.origin}/services/T000/B000/${step}-${target}-${mode.replace(/ /g, '-')}`;
  const pipeline = createPipeline({
    sender: createWebhookSender({ url }),
    store,
    filter: { foldWindowSeconds: 600 },
    // Unpaced: the subject is the filter's store calls (the pace's would add a second per post
    // of real time to each of the hundreds of runs; test/deliver/pace.test.ts covers them).
    pace: false,
    logger: () => undefined,
    clock: () => clock.now,
    remainingMs: () => clock.deadline - clock.now,
    storeRetry: { baseDelayMs: 0, maxDelayMs: 0 },
  });
  const deliver = async (index: number, at: number): Promise<PipelineResult[]> => {
    clock.now = at;
    clock.deadline = at + BUDGET_MS;
    const event = STEPS[index]!.event;
    return event === undefined ? pipeline.flush() : [await pipeline.handle(event())];
  };
  const redelivered: PipelineResult[] = [];
  for (const [index, { at }] of STEPS.entries()) {
    if (index !== step || target === undefined) {
      await deliver(index, at);
      continue;
    }
    const start = store.calls.length;
    store.plan = (call) => {
      const relative = call - start;
      if (mode === 'down from there') return relative >= target ? 'retryable' : 'ok';
      return relative === target ? (mode === 'retryable once' ? 'retryable' : 'fatal') : 'ok';
    };
    const first = await deliver(index, at);
    store.plan = () => 'ok';
    // What SQS and Lambda do: deliver again what failed or was deferred (a flush runs again anyway).
    if (first.length === 0 || first.some((r) => r.status === 'failed' || r.status === 'deferred')) {
      redelivered.push(...(await deliver(index, at + REDELIVERY_MS)));
    }
  }
  const posts = slack.requests.filter((r) => r.path === new URL(url).pathname).map((r) => r.body);
  return { store, posts, redelivered };
}

/** The calls each step makes when nothing fails. */
async function callsPerStep(): Promise<number[]> {
  const counts: number[] = [];
  const store = new FaultyStore();
  const clock = { now: T0 };
  const pipeline = createPipeline({
    sender: createWebhookSender({ url: `${slack.origin}/services/T000/B000/dry` }),
    store,
    filter: { foldWindowSeconds: 600 },
    // Unpaced: the subject is the filter's store calls (the pace's would add a second per post
    // of real time to each of the hundreds of runs; test/deliver/pace.test.ts covers them).
    pace: false,
    logger: () => undefined,
    clock: () => clock.now,
  });
  for (const { at, event } of STEPS) {
    const before = store.calls.length;
    clock.now = at;
    if (event === undefined) await pipeline.flush();
    else await pipeline.handle(event());
    counts.push(store.calls.length - before);
  }
  return counts;
}

/** What a message is: a recovery, a digest of one repeat, a digest of more (counted twice), or the alert. */
const kind = (body: string): string => {
  if (body.includes('recovered after')) return 'recovery';
  if (body.includes('once more')) return 'digest';
  const repeats = /(\d+) more times/.exec(body);
  return repeats === null ? 'alert' : `digest of ${repeats[1]}`;
};

describe('a store call failing at any point of an incident', () => {
  it('without faults, the incident makes four messages', async () => {
    const { posts } = await run(0, undefined, 'fatal once');
    expect(posts.map(kind)).toEqual(['alert', 'digest', 'recovery', 'digest']);
  });

  it.each<Mode>(['retryable once', 'fatal once', 'down from there'])(
    '%s: every message goes out exactly once by the next delivery, and the digests count each repeat once',
    async (mode) => {
      const counts = await callsPerStep();
      expect(counts.reduce((sum, n) => sum + n, 0)).toBeGreaterThan(20);
      const failures: string[] = [];
      for (const [step, calls] of counts.entries()) {
        for (let target = 0; target < calls; target++) {
          const { store, posts, redelivered } = await run(step, target, mode);
          // A problem mark is written after the alert is delivered: when no write of it got through
          // (the store failed right after delivering), the service has nothing to recover from.
          const marked = store.calls.some(
            (call) => call.ok && call.op === 'update' && call.scope.startsWith('problem#'),
          );
          const expected = marked ? ['alert', 'digest', 'recovery', 'digest'] : ['alert', 'digest', 'digest'];
          const unsettled = redelivered
            .filter((r) => r.status === 'failed' || r.status === 'deferred')
            .map((r) => r.status);
          const got = posts.map(kind);
          if (JSON.stringify(got) !== JSON.stringify(expected) || unsettled.length > 0) {
            failures.push(
              `${STEPS[step]!.name}, call ${target}: posted ${got.join(', ')}; redelivery ${unsettled.join(', ') || 'ok'}`,
            );
          }
        }
      }
      expect(failures).toEqual([]);
    },
  );
});

describe('deliveries cut off, and writes whose answer was lost', () => {
  const filterOn = (store: StateStore, clock: { now: number }) =>
    createNoiseFilter({
      store,
      foldWindowSeconds: 600,
      remainingMs: () => T0 + BUDGET_MS - clock.now,
      storeRetry: { baseDelayMs: 0 },
    });

  it('a first alert decided but never posted (the Lambda was stopped) alerts on the redelivery, and only once', async () => {
    const clock = { now: T0 };
    const filter = filterOn(new MemoryStateStore(), clock);
    expect((await filter.decide(crash(1), classify(crash(1)), T0)).action).toBe('notify');
    // Neither posted nor settled: the next invocation gets the event again.
    clock.now = T0 + REDELIVERY_MS;
    const again = await filter.decide(crash(1), classify(crash(1)), clock.now);
    expect(again.action).toBe('notify');
    if (again.action === 'notify') await filter.commit(again, clock.now);
    expect((await filter.decide(crash(1), classify(crash(1)), clock.now + 1)).action).toBe('suppress');
    expect(await filter.decide(crash(2), classify(crash(2)), clock.now + 2)).toMatchObject({
      action: 'suppress',
      reason: 'folded',
    });
  });

  it.each(['claim#', 'fold'])(
    "a %s put stored though its answer was lost counts as this delivery's own when retried",
    async (prefix) => {
      const store = new FaultyStore();
      let lost = 0;
      store.plan = (_, op, scope) => (lost === 0 && op === 'put' && scope.startsWith(prefix) ? (lost++, 'lost') : 'ok');
      const filter = filterOn(store, { now: T0 });
      expect((await filter.decide(crash(1), classify(crash(1)), T0)).action).toBe('notify');
      expect(lost).toBe(1);
    },
  );
});
