/**
 * Runs 1,000,000 events through parse, classify and the `alerts` noise filter (default memory
 * store, scheduled flush every 10,000 events) and prints the heap growth after GC as JSON.
 * Started by bench/noise.ts with `--expose-gc`.
 */
import { classify, createNoiseFilter, parseEcsEvent } from 'ecs-slack';
import { crashLoop } from '../test/helpers/crash-loop.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with --expose-gc');

const TOTAL = 1_000_000;
const WARM_UP = 50_000;
const template = crashLoop(1, 1, 0)[0]!.event;
const filter = createNoiseFilter({ preset: 'alerts' });
const t0 = Date.parse('2026-11-20T00:00:00Z');

/** The i-th event: a crash of one of 50 services, a new task each time, one second apart. */
function eventAt(i: number): Record<string, unknown> {
  const taskArn = `arn:aws:ecs:eu-central-1:111111111111:task/test/${i.toString(16).padStart(32, '0')}`;
  const time = new Date(t0 + i * 1000).toISOString();
  return {
    ...template,
    id: `heap-${i}`,
    time,
    resources: [taskArn],
    detail: { ...template.detail, taskArn, group: `service:svc-${i % 50}`, stoppedAt: time, updatedAt: time },
  };
}

async function run(from: number, to: number): Promise<void> {
  for (let i = from; i < to; i++) {
    const now = t0 + i * 1000;
    const event = parseEcsEvent(eventAt(i));
    const decision = await filter.decide(event, classify(event), now);
    if (decision.action === 'notify' || decision.action === 'digest') await filter.commit(decision, now);
    if (i % 10_000 === 0) for (const digest of await filter.flush(now)) await filter.commit(digest, now);
  }
}

const start = performance.now();
await run(0, WARM_UP);
gc();
gc();
const before = process.memoryUsage().heapUsed;
await run(WARM_UP, WARM_UP + TOTAL);
gc();
gc();
const after = process.memoryUsage().heapUsed;
console.log(JSON.stringify({ bytes: after - before, events: TOTAL, seconds: Math.round((performance.now() - start) / 100) / 10 }));
