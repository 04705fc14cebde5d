/**
 * The crash-loop scenario behind the noise filter's headline test and the `crashLoopMessages`
 * benchmark: 500 task failures of one service in 10 minutes, with 50 duplicate deliveries,
 * routine deployment stops and a stale RUNNING mixed in. Built from a real captured event.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from './random.js';

/** One delivery: the raw event and when it arrives (epoch milliseconds). */
export interface Delivery {
  readonly event: Record<string, any>;
  readonly now: number;
}

const EVENTS = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'events', 'task');
const load = (name: string): Record<string, any> => JSON.parse(readFileSync(join(EVENTS, `${name}.json`), 'utf8'));

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/**
 * The deliveries of the scenario, in arrival order.
 *
 * @param crashes - Task failures (default 500).
 * @param spanSeconds - Over how long (default 600).
 * @param duplicates - Duplicate deliveries of earlier failures (default 50).
 */
export function crashLoop(crashes = 500, spanSeconds = 600, duplicates = 50): Delivery[] {
  const crash = load('synthetic-task-crashed-exit1-sidecar143');
  const replaced = load('task-stopped-service-scaling-deployment-fargate');
  const running = load('task-running-fargate-service-exec-enabled');
  const rand = seededRandom(42);
  const start = Date.parse('2026-11-20T09:00:00Z');
  const cluster = crash.detail.clusterArn.split('/').pop();
  const out: Delivery[] = [];
  const failures: Delivery[] = [];
  for (let i = 0; i < crashes; i++) {
    const at = start + Math.floor((i * spanSeconds * 1000) / crashes);
    const taskId = hex(i, 32);
    const event = structuredClone(crash);
    const taskArn = `arn:aws:ecs:eu-central-1:111111111111:task/${cluster}/${taskId}`;
    event.id = `c0ffee00-0000-4000-8000-${hex(i, 12)}`;
    event.time = new Date(at).toISOString();
    event.resources = [taskArn];
    event.detail.taskArn = taskArn;
    event.detail.stoppedAt = event.time;
    event.detail.updatedAt = event.time;
    for (const container of event.detail.containers) container.taskArn = taskArn;
    const delivery = { event, now: at + 200 };
    failures.push(delivery);
    out.push(delivery);
  }
  // Duplicate deliveries of earlier failures, arriving a little later.
  for (let i = 0; i < duplicates; i++) {
    const original = failures[Math.floor(rand() * failures.length)]!;
    out.push({ event: structuredClone(original.event), now: original.now + 1000 + Math.floor(rand() * 20_000) });
  }
  // Routine stops of the old deployment's tasks.
  for (let i = 0; i < 10; i++) {
    const event = structuredClone(replaced);
    event.id = `d3ad0000-0000-4000-8000-${hex(i, 12)}`;
    const at = start + 5_000 + i * 7_000;
    event.time = new Date(at).toISOString();
    event.detail.taskArn = `arn:aws:ecs:eu-central-1:111111111111:task/${cluster}/${hex(10_000 + i, 32)}`;
    event.resources = [event.detail.taskArn];
    out.push({ event, now: at + 300 });
  }
  // A RUNNING event of the first failed task, delivered after its STOPPED (a lower version).
  const stale = structuredClone(running);
  const first = failures[0]!.event;
  stale.id = 'beef0000-0000-4000-8000-000000000001';
  stale.detail.taskArn = first.detail.taskArn;
  stale.resources = [first.detail.taskArn];
  stale.detail.version = first.detail.version - 2;
  stale.detail.group = first.detail.group;
  stale.detail.clusterArn = first.detail.clusterArn;
  out.push({ event: stale, now: failures[0]!.now + 60_000 });
  return out.sort((a, b) => a.now - b.now);
}
