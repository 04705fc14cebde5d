/**
 * `node --import tsx bench/enrich.ts`: latency of `ecs-slack/aws` enrichment on loopback, with
 * the real SDK clients against the tests' AWS JSON 1.1 server. A measurement, not a test: it
 * prints the median and p95 of a few hundred calls per case and never fails on them.
 *
 * Cases: the first enrichment of the process (it loads the SDK), a crashed task whose task
 * definition is cached (one GetLogEvents), a crashed task of a new revision each time
 * (DescribeTaskDefinition + GetLogEvents), a service that cannot start tasks (ListTasks +
 * DescribeTasks + GetLogEvents, the task definition cached), and `pipeline.handle` of a crash
 * posting to a loopback webhook, with and without `enrich`.
 */
import { classify, createPipeline, createWebhookSender, parseEcsEvent, type EcsEvent } from 'ecs-slack';
import { createEnricher } from 'ecs-slack/aws';
import {
  CRASH,
  CRASH_GROUP,
  CRASH_STREAM,
  CRASH_TASK_ID,
  HOSTILE_LOG,
  TASK_DEFINITIONS,
  clientsFor,
  startFakeAws,
} from '../test/aws/harness.js';
import { loadFixture } from '../test/helpers/fixtures.js';
import { startScriptedServer } from '../test/helpers/slack-server.js';
import { median } from './stats.js';

const CALLS = Number(process.argv[2] ?? 300);
const DEFINITION = 'arn:aws:ecs:eu-central-1:111111111111:task-definition/example-api-v1:20';

const crashed = (taskId: string, revision = 20): EcsEvent => {
  const text = JSON.stringify(loadFixture('task', CRASH))
    .replaceAll(CRASH_TASK_ID, taskId)
    .replace('example-api-v1:20', `example-api-v1:${revision}`);
  return parseEcsEvent(JSON.parse(text));
};
const impaired = (): EcsEvent => {
  const raw = loadFixture('service', 'service-task-start-impaired') as any;
  raw.region = 'eu-central-1';
  raw.resources = ['arn:aws:ecs:eu-central-1:111111111111:service/test/example-api-v1'];
  raw.detail.clusterArn = 'arn:aws:ecs:eu-central-1:111111111111:cluster/test';
  return parseEcsEvent(raw);
};

// Every revision the "new revision" case asks for answers like revision 20.
for (let revision = 1000; revision < 1000 + CALLS + 20; revision++)
  TASK_DEFINITIONS[DEFINITION.replace(':20', `:${revision}`)] = TASK_DEFINITIONS[DEFINITION];
const lines = Array.from({ length: 15 }, (_, i) => HOSTILE_LOG[i % HOSTILE_LOG.length]!);
const server = await startFakeAws({
  streams: { [`${CRASH_GROUP} ${CRASH_STREAM}`]: lines },
  stoppedTasks: [loadFixture('task', CRASH)],
});
const enrich = createEnricher(clientsFor(server));

function report(name: string, ms: number[], extra = ''): void {
  const sorted = [...ms].sort((a, b) => a - b);
  const p95 = sorted[Math.ceil(sorted.length * 0.95) - 1]!;
  console.log(
    `${name.padEnd(44)} median ${median(ms).toFixed(2)} ms  p95 ${p95.toFixed(2)} ms  max ${sorted.at(-1)!.toFixed(2)} ms  (${ms.length} calls${extra})`,
  );
}

async function timed(name: string, eventOf: (i: number) => EcsEvent): Promise<void> {
  for (let i = 0; i < 20; i++) await enrich(eventOf(-i - 1), classify(eventOf(-i - 1)));
  const ms: number[] = [];
  let notes = 0;
  for (let i = 0; i < CALLS; i++) {
    const event = eventOf(i);
    const c = classify(event);
    const started = performance.now();
    const evidence = await enrich(event, c);
    ms.push(performance.now() - started);
    notes += evidence.notes.length;
  }
  report(name, ms, `, ${notes} notes`);
}

/** `pipeline.handle` of crashes (each its own event id, preset none) posting to a loopback webhook. */
async function throughPipeline(): Promise<void> {
  const slack = await startScriptedServer([{ status: 200, body: 'ok' }]);
  const sender = createWebhookSender({ url: `${slack.origin}/services/T000/B000/XXXX` });
  const event = crashed(CRASH_TASK_ID);
  for (const [name, options] of [
    ['pipeline.handle, no enrich', {}],
    ['pipeline.handle, enrich (definition cached)', { enrich }],
  ] as const) {
    const pipeline = createPipeline({ sender, filter: { preset: 'none' }, logger: () => undefined, ...options });
    const ms: number[] = [];
    for (let i = -20; i < CALLS; i++) {
      const started = performance.now();
      const result = await pipeline.handle({ ...event, id: `${name}-${i}` }, { deadline: Date.now() + 10_000 });
      if (result.status !== 'sent') throw new Error(`${name}: ${result.status}`);
      if (i >= 0) ms.push(performance.now() - started);
    }
    report(name, ms);
  }
  await slack.close();
}

const first = performance.now();
await enrich(crashed(CRASH_TASK_ID), classify(crashed(CRASH_TASK_ID)));
console.log(`${'first enrichment of the process'.padEnd(44)} ${(performance.now() - first).toFixed(1)} ms`);
const before = server.calls.length;
await timed('crashed task, task definition cached', () => crashed(CRASH_TASK_ID));
await timed('crashed task, new revision each time', (i) => crashed(CRASH_TASK_ID, 1000 + i + 20));
const event = impaired();
await timed('service start impaired (latest stopped task)', () => event);
await throughPipeline();
console.log(`${server.calls.length - before} AWS requests in all; Node ${process.version}`);
await server.close();
