import { describe, expect, it } from 'vitest';
import {
  createPipeline,
  DeliveryError,
  parseEcsEvent,
  StateStoreError,
  type PipelineLogEntry,
  type SlackSender,
} from '../../src/index.js';
import {
  MemoryStateStore,
  type StateChange,
  type StateKey,
  type StateRecord,
  type UpdateOptions,
} from '../../src/state/index.js';
import { loadFixture } from '../helpers/fixtures.js';

/** A memory store whose `take` (what releasing claims uses) fails, as a throttled table would. */
class FailingTakeStore extends MemoryStateStore {
  override async take(_key: StateKey, _now: number): Promise<never> {
    throw new StateStoreError('state store take: throttled', { operation: 'take' });
  }
}

/** A memory store whose next commit (confirming a claim as done) fails, as a throttled table would. */
class FailingCommitStore extends MemoryStateStore {
  failNextCommit = false;
  override async update(key: StateKey, change: StateChange, options: UpdateOptions): Promise<StateRecord | undefined> {
    if (this.failNextCommit && change.set?.['state'] === 'done') {
      this.failNextCommit = false;
      throw new StateStoreError('state store update: throttled', { operation: 'update', retryable: true });
    }
    return super.update(key, change, options);
  }
}

const T0 = Date.parse('2026-11-20T09:00:00Z');
const crash = (i: number) => {
  const raw = loadFixture('task', 'synthetic-task-crashed-exit1-sidecar143') as any;
  raw.id = `id-${i}`;
  raw.detail.taskArn = `arn:aws:ecs:eu-central-1:111111111111:task/test/${String(i).padStart(32, '0')}`;
  raw.resources = [raw.detail.taskArn];
  return parseEcsEvent(raw);
};

/** A pipeline folding over 60 s on a store whose commits can fail, recording posts and logs. */
function committing() {
  const store = new FailingCommitStore();
  const posts: unknown[] = [];
  const logs: PipelineLogEntry[] = [];
  const clock = { now: T0 };
  const sender: SlackSender = {
    post: async (message) => {
      posts.push(message);
      return {};
    },
  };
  // No retries: the failed commit reaches the pipeline as it would once the retries ran out.
  const pipeline = createPipeline({
    sender,
    store,
    filter: { foldWindowSeconds: 60 },
    storeRetry: false,
    logger: (entry) => logs.push(entry),
    clock: () => clock.now,
  });
  return { store, posts, logs, clock, pipeline };
}

describe('createPipeline', () => {
  it('a first alert delivered but not committed is sent, and never released: its repeats are still folded', async () => {
    const { store, posts, logs, clock, pipeline } = committing();
    store.failNextCommit = true;
    const result = await pipeline.handle(crash(0));
    expect(result.status).toBe('sent');
    expect(result.error).toBeInstanceOf(StateStoreError);
    expect(logs.at(-1)).toMatchObject({
      level: 'warn',
      msg: 'sent',
      reason: 'alert',
      detail: expect.stringContaining('throttled'),
    });
    clock.now += 1000;
    expect((await pipeline.handle(crash(1))).status).toBe('suppressed');
    expect(posts).toHaveLength(1);
  });

  it('a digest delivered but not committed is not credited back to the next digest', async () => {
    const { store, posts, clock, pipeline } = committing();
    for (let i = 0; i < 3; i++) {
      clock.now = T0 + i * 1000;
      await pipeline.handle(crash(i));
    }
    clock.now = T0 + 61_000;
    store.failNextCommit = true;
    expect((await pipeline.handle(crash(3))).status).toBe('sent');
    expect(posts).toHaveLength(2);
    clock.now = T0 + 400_000;
    const flushed = await pipeline.flush();
    expect(flushed.map((r) => r.status)).toEqual(['sent']);
    // Only crash 3, the new window's repeat: crashes 1 and 2 went out in the digest before.
    expect(JSON.stringify(posts.at(-1))).toContain('once more');
  });

  it('reports the delivery error when releasing the claims fails too', async () => {
    const sender: SlackSender = {
      post: async () => {
        throw new DeliveryError('Slack webhook answered HTTP 500', { status: 500, retryable: true });
      },
    };
    const pipeline = createPipeline({
      sender,
      store: new FailingTakeStore(),
      logger: () => undefined,
      clock: () => Date.parse('2020-03-16T15:40:00Z'),
    });
    const result = await pipeline.handle(
      parseEcsEvent(loadFixture('task', 'task-stopped-essential-container-exited-fargate-sidecar')),
    );
    expect(result.status).toBe('failed');
    expect(result.error).toBeInstanceOf(DeliveryError);
  });

  it('logs no secret, whatever field of the entry it would come from', async () => {
    const raw = loadFixture('task', 'synthetic-task-crashed-exit1-sidecar143') as any;
    raw.detail.group = 'service:xoxb-1234-SECRETtoken';
    const logs: PipelineLogEntry[] = [];
    const sender: SlackSender = {
      post: async () => {
        throw new TypeError('fetch failed for https://hooks.slack.com/services/T0/B0/SECRET');
      },
    };
    const pipeline = createPipeline({ sender, filter: { preset: 'none' }, logger: (entry) => logs.push(entry) });
    await pipeline.handle(parseEcsEvent(raw), { id: 'services/T0SECRET/B0SECRET/SECRETid' });
    expect(logs).toMatchObject([
      { msg: 'failed', id: '[webhook path]', service: '[token]', detail: 'TypeError: fetch failed for [url]' },
    ]);
    expect(JSON.stringify(logs)).not.toContain('SECRET');
  });
});

describe('createPipeline: a deadline', () => {
  it('does not start an event once the deadline has passed: nothing claimed, the retry is delivered', async () => {
    const { posts, logs, pipeline } = committing();
    expect((await pipeline.handle(crash(0), { id: 'm-1', deadline: Date.now() - 1 })).status).toBe('deferred');
    expect(posts).toHaveLength(0);
    expect(logs.at(-1)).toMatchObject({ level: 'warn', msg: 'deferred', id: 'm-1', reason: 'deadline' });
    expect((await pipeline.handle(crash(0), { id: 'm-1' })).status).toBe('sent');
    expect(posts).toHaveLength(1);
  });

  it('hands the deadline to the sender, and a post it cut short is released for the retry', async () => {
    const deadlines: Array<number | undefined> = [];
    let fail = true;
    const sender: SlackSender = {
      post: async (_message, options) => {
        deadlines.push(options?.deadline);
        if (fail)
          throw new DeliveryError('Slack webhook not sent: the deadline leaves no time for an attempt', {
            attempts: 0,
            retryable: true,
          });
        return {};
      },
    };
    const pipeline = createPipeline({ sender, logger: () => undefined, clock: () => T0 });
    const deadline = Date.now() + 60_000;
    expect((await pipeline.handle(crash(0), { deadline })).status).toBe('failed');
    fail = false;
    expect((await pipeline.handle(crash(0), { deadline })).status).toBe('sent');
    expect(deadlines).toEqual([deadline, deadline]);
  });

  it('flush: digests the deadline leaves no time for stay due, and the next flush sends them whole', async () => {
    const { posts, logs, clock, pipeline } = committing();
    for (let i = 0; i < 3; i++) {
      clock.now = T0 + i * 1000;
      await pipeline.handle(crash(i));
    }
    clock.now = T0 + 400_000;
    expect((await pipeline.flush({ deadline: Date.now() - 1 })).map((r) => r.status)).toEqual(['deferred']);
    expect(posts).toHaveLength(1);
    expect(logs.at(-1)).toMatchObject({ msg: 'deferred', reason: 'deadline' });
    expect((await pipeline.flush({ deadline: Date.now() + 60_000 })).map((r) => r.status)).toEqual(['sent']);
    expect(JSON.stringify(posts.at(-1))).toContain('2 more times');
  });

  it('says how to call handle when given a record id where the options belong', async () => {
    const { pipeline } = committing();
    await expect(pipeline.handle(crash(0), 'id-0' as never)).rejects.toThrow(/handle\(event, \{ id, deadline \}\)/);
  });

  it('logs a warning for state its default memory store evicts: an incident whose folded repeats no digest will report', async () => {
    const logs: PipelineLogEntry[] = [];
    const clock = { now: T0 };
    const sender: SlackSender = { post: async () => ({}) };
    const pipeline = createPipeline({
      sender,
      filter: { foldWindowSeconds: 600 },
      logger: (entry) => logs.push(entry),
      clock: () => clock.now,
    });
    const other = (i: number) => {
      const raw = loadFixture('task', 'synthetic-task-crashed-exit1-sidecar143') as any;
      raw.id = `other-${i}`;
      // A service of its own: repeats of one incident write nothing but its window.
      raw.detail.group = `service:other-${i}`;
      raw.detail.taskArn = `arn:aws:ecs:eu-central-1:111111111111:task/test/other${String(i).padStart(27, '0')}`;
      raw.resources = [raw.detail.taskArn];
      return parseEcsEvent(raw);
    };
    await pipeline.handle(crash(0));
    await pipeline.handle(crash(1)); // folded: one repeat in the window
    // Each further task is a first alert, writing four records (order, claim, window, problem
    // mark): 10,000 records fill the store.
    for (
      let i = 0;
      i < 5_000 && !logs.some((entry) => entry.msg === 'evicted' && entry.detail?.includes('fold'));
      i++
    ) {
      clock.now = T0 + 2_000 + i;
      await pipeline.handle(other(i));
    }
    const evicted = logs.filter((entry) => entry.msg === 'evicted');
    expect(evicted[0]).toMatchObject({ level: 'warn', msg: 'evicted', reason: 'maxRecords' });
    expect(evicted.find((entry) => entry.detail?.includes('fold'))?.detail).toMatch(
      /^fold\/.*example-api-v1.* evicted from the memory store: 1 folded repeat\(s\) will not be reported, and the incident's next event alerts again$/,
    );
  });
});
