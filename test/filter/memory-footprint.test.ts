/**
 * The default memory store under 250 KB events (task overrides with a large environment, as a
 * Lambda may receive them): a fold window keeps only what its digest shows, the store stays
 * within its byte bound, and the heap with it, far below a 128 MB Lambda.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { MemoryStateStore } from '../../src/state/index.js';
import { classify, createNoiseFilter, parseEcsEvent, type EcsEvent } from '../../src/index.js';
import { loadFixture } from '../helpers/fixtures.js';

const T0 = Date.parse('2026-11-20T09:00:00Z');
const INCIDENTS = 200;

/** A crash of service `service`, about 250 KB of JSON: 2,000 environment overrides. */
function bigCrash(service: number, task: number): EcsEvent {
  const raw = loadFixture('task', 'synthetic-task-crashed-exit1-sidecar143') as any;
  raw.id = `big-${service}-${task}`;
  raw.detail.group = `service:svc-${service}`;
  raw.detail.taskArn = `arn:aws:ecs:eu-central-1:111111111111:task/test/${String(service * 10 + task).padStart(32, '0')}`;
  raw.resources = [raw.detail.taskArn];
  const environment = Array.from({ length: 2_000 }, (_, i) => ({
    name: `SETTING_${i}`,
    value: `${'v'.repeat(90)}${i}`,
  }));
  raw.detail.overrides = { containerOverrides: [{ name: 'app', environment }] };
  return parseEcsEvent(raw);
}

/** The V8 garbage collector as a function, without starting Node with --expose-gc. */
function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

describe('the memory store under 250 KB events', () => {
  it('200 incidents of 250 KB repeats keep under 16 MiB of state and of heap, and the digests still show them', async () => {
    expect(JSON.stringify(bigCrash(0, 0)).length).toBeGreaterThan(240_000);
    const gc = exposeGc();
    const store = new MemoryStateStore();
    const filter = createNoiseFilter({ store, foldWindowSeconds: 600 });
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let task = 0; task < 2; task++) {
      for (let service = 0; service < INCIDENTS; service++) {
        const event = bigCrash(service, task);
        const decision = await filter.decide(event, classify(event), T0 + task * 1_000 + service);
        if (decision.action === 'notify') await filter.commit(decision, T0);
      }
    }
    gc();
    const growth = process.memoryUsage().heapUsed - before;
    expect(store.bytes).toBeLessThan(16 * 1024 * 1024);
    expect(growth).toBeLessThan(16 * 1024 * 1024);
    const digests = await filter.flush(T0 + 3_600_000);
    expect(digests).toHaveLength(INCIDENTS);
    const [first] = digests;
    expect(first?.digest).toMatchObject({ count: 1, latest: { classification: { outcome: 'crashed' } } });
    expect(first?.digest.latest.event.detail).not.toHaveProperty('overrides');
    expect(JSON.stringify(first?.digest.latest.event).length).toBeLessThan(10_000);
  });
});
