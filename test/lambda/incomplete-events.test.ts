/**
 * The handler and ECS events with fields missing (`onInvalid`): by default they alert from what
 * they hold, naming what was missing; `fail` hands them back, `drop` drops them. A record that is
 * not an ECS event at all is never alerted on, and handed back unless dropped.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHandler, type HandlerOptions } from '../../src/lambda/index.js';
import { createWebhookSender, type PipelineLogEntry } from '../../src/index.js';
import { loadFixture } from '../helpers/fixtures.js';
import { sqsEvent } from '../helpers/lambda.js';
import { startScriptedServer, type ScriptedServer } from '../helpers/slack-server.js';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(options: Partial<HandlerOptions> = {}) {
  server = await startScriptedServer([{ status: 200, body: 'ok' }]);
  const logs: PipelineLogEntry[] = [];
  const handler = createHandler({
    sender: createWebhookSender({ url: `${server.origin}/services/T0/B0/secret`, maxAttempts: 1 }),
    logger: (entry) => logs.push(entry),
    flushIntervalSeconds: false,
    ...options,
  });
  return { handler, logs, server };
}

/** A real captured crash (ELB health checks failed) without its task definition and containers. */
function crashWithoutFields(): Record<string, any> {
  const event = loadFixture('task', 'task-stopped-elb-health-check-failed-fargate') as any;
  delete event.detail.taskDefinitionArn;
  delete event.detail.containers;
  return event;
}

/** AWS's documented placement failure without its cluster and event type. */
function placementFailureWithoutFields(): Record<string, any> {
  const event = loadFixture('service', 'docs-service-task-placement-failure-fargate-spot') as any;
  delete event.detail.clusterArn;
  delete event.detail.eventType;
  return event;
}

/** AWS's documented running task without its containers: routine, so the alerts preset suppresses it. */
function runningWithoutContainers(): Record<string, any> {
  const event = loadFixture('task', 'docs-task-running-fargate-2020') as any;
  delete event.detail.containers;
  return event;
}

const notEcs = JSON.stringify({
  version: '0',
  id: 'x',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  detail: {},
});

describe("onInvalid: 'alert' (the default)", () => {
  it('alerts on ECS events with fields missing, naming them; hands back what is not an ECS event', async () => {
    const { handler, logs, server } = await setup();
    const batch = sqsEvent([
      JSON.stringify(crashWithoutFields()),
      JSON.stringify(placementFailureWithoutFields()),
      JSON.stringify(runningWithoutContainers()),
      notEcs,
      '{not json',
    ]);
    const ids = batch.Records.map((r) => r.messageId);
    const result = await handler(batch);
    expect(result?.batchItemFailures.map((f) => f.itemIdentifier)).toEqual([ids[3], ids[4]]);
    expect(server.requests).toHaveLength(2);
    const [crash, placement] = server.requests.map((r) => r.body);
    expect(crash).toContain('health checks failed');
    expect(crash).toContain(
      'Incomplete event, classified from what it holds; missing: `detail.taskDefinitionArn`, `detail.containers`',
    );
    expect(placement).toContain('cannot place tasks');
    expect(placement).toContain('`detail.eventType`, `detail.clusterArn`');
    expect(logs.map((l) => [l.msg, l.missing])).toEqual([
      ['sent', ['detail.taskDefinitionArn', 'detail.containers']],
      ['sent', ['detail.eventType', 'detail.clusterArn']],
      ['suppressed', ['detail.containers']],
      ['invalid', undefined],
      ['invalid', undefined],
    ]);
  });

  it('EventBridge: an ECS event with fields missing is delivered, not thrown back', async () => {
    const { handler, server } = await setup();
    await expect(handler(crashWithoutFields())).resolves.toBeUndefined();
    expect(server.requests).toHaveLength(1);
  });
});

describe('onInvalid: fail and drop', () => {
  it("'fail' hands every invalid record back, and alerts on none", async () => {
    const { handler, logs, server } = await setup({ onInvalid: 'fail' });
    const batch = sqsEvent([JSON.stringify(crashWithoutFields()), notEcs]);
    const result = await handler(batch);
    expect(result?.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(batch.Records.map((r) => r.messageId));
    expect(server.requests).toHaveLength(0);
    expect(logs.map((l) => l.msg)).toEqual(['invalid', 'invalid']);
  });

  it("'drop' logs and drops every invalid record", async () => {
    const { handler, logs, server } = await setup({ onInvalid: 'drop' });
    const result = await handler(sqsEvent([JSON.stringify(crashWithoutFields()), notEcs]));
    expect(result).toEqual({ batchItemFailures: [] });
    expect(server.requests).toHaveLength(0);
    expect(logs.map((l) => l.msg)).toEqual(['dropped', 'dropped']);
  });
});
