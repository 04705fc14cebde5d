/**
 * Runs 1,000,000 events through the pipeline: parse, classify, the `alerts` noise filter
 * (default memory store, scheduled flush every 10,000 events), then render + JSON.stringify of
 * what the filter sends, and prints the heap growth after GC as JSON. Every tenth event is
 * rendered as well, sent or not, so that any state the renderer kept would show (100,000 renders
 * of distinct events; rendering all of them would double the run time for no more evidence).
 * Started by bench/noise.ts with `--expose-gc`.
 *
 * The warm-up runs 100,000 events (27.8 hours of event time), longer than the `alerts` dedupe
 * TTL (24 hours), so the memory store is at its steady state before the heap is measured. Since
 * a task repeat writes no claim, the store fills more slowly: after a 50,000-event warm-up it
 * still held about 8,300 records and reached its bound (10,000) during the measurement, which
 * showed as 1.5 MB of growth that stops at the bound.
 */
import { classify, createNoiseFilter, parseEcsEvent, renderDecision, renderMessage } from 'ecs-slack';
import { crashLoop } from '../test/helpers/crash-loop.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with --expose-gc');

const TOTAL = 1_000_000;
const WARM_UP = 100_000;
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

let rendered = 0;

async function run(from: number, to: number): Promise<void> {
  for (let i = from; i < to; i++) {
    const now = t0 + i * 1000;
    const event = parseEcsEvent(eventAt(i));
    const classification = classify(event);
    if (i % 10 === 0) rendered += JSON.stringify(renderMessage(event, { classification: classification })).length;
    const decision = await filter.decide(event, classification, now);
    if (decision.action === 'notify' || decision.action === 'digest') {
      rendered += JSON.stringify(renderDecision(decision, event)).length;
      await filter.commit(decision, now);
    }
    if (i % 10_000 === 0) {
      for (const digest of await filter.flush(now)) {
        rendered += JSON.stringify(renderDecision(digest, undefined)).length;
        await filter.commit(digest, now);
      }
    }
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
if (rendered === 0) throw new Error('nothing was rendered');
console.log(
  JSON.stringify({ bytes: after - before, events: TOTAL, seconds: Math.round((performance.now() - start) / 100) / 10 }),
);
