/**
 * The bolt-app example's conversion: a `Task` as DescribeTasks returns it (Dates, no envelope),
 * built from real fixture events, classifies exactly like the event it came from; and the
 * ListTasks + DescribeTasks lookup, through the real ECS client against a local server speaking
 * the ECS JSON protocol, finds the latest stopped task across pages.
 */
import type { Task } from '@aws-sdk/client-ecs';
import { ECSClient } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify, parseEcsEvent, type Classification, type SlackMessage } from '../../src/index.js';
import { validateMessage } from '../helpers/block-kit.js';
import { apiTask, asDate, asEpochSeconds } from '../helpers/ecs-api.js';
import { loadFixture } from '../helpers/fixtures.js';
import { startScriptedServer, type ScriptedServer } from '../helpers/slack-server.js';

interface StoppedTaskModule {
  latestStoppedTask(ecs: ECSClient, cluster: string, service: string): Promise<Task | undefined>;
  taskStateChangeDetail(task: Task): Record<string, unknown>;
  renderTask(task: Task): { message: SlackMessage; classification: Classification };
}

let example: StoppedTaskModule;

beforeAll(async () => {
  // A computed specifier, as in the e2e tests: the example imports the built package.
  const path: string = new URL('../../examples/bolt-app/stopped-task.ts', import.meta.url).href;
  example = (await import(path)) as StoppedTaskModule;
});

describe('a DescribeTasks Task as an ECS Task State Change', () => {
  it.each([
    ['task-stopped-essential-container-exited-fargate-sidecar', 'crashed'],
    ['task-stopped-elb-health-check-failed-fargate', 'health-check-failed'],
    ['task-stopped-user-initiated-ec2-bridge-asg-capacity-provider', 'stopped-by-user'],
    ['task-stopped-ec2-standalone-exit0-no-stopcode', 'completed'],
    ['synthetic-task-oom-exit137', 'out-of-memory'],
    ['synthetic-task-pull-not-found', 'failed-to-start'],
  ])('%s classifies as %s, like the event it came from', (name, outcome) => {
    const event = loadFixture('task', name);
    const task = apiTask(event, asDate) as Task;
    expect(task.stoppedAt).toBeInstanceOf(Date);

    const { message, classification } = example.renderTask(task);
    const original = classify(parseEcsEvent(event));
    expect(classification.outcome).toBe(outcome);
    for (const field of ['outcome', 'severity', 'cause', 'summary', 'culprit', 'hint', 'identity'] as const) {
      expect(classification[field], field).toEqual(original[field]);
    }
    expect(message.text).toBe(original.summary);
    expect(validateMessage(message)).toEqual([]);
  });

  it('derives the envelope: times as ISO strings, updatedAt from the stop, account and Region from the ARNs', () => {
    const event = loadFixture('task', 'task-stopped-essential-container-exited-fargate-sidecar');
    const detail = example.taskStateChangeDetail(apiTask(event, asDate) as Task);
    const original = event.detail as Record<string, unknown>;
    expect(detail.stoppedAt).toBe(new Date(original.stoppedAt as string).toISOString());
    expect(detail.updatedAt).toBe(detail.stoppedAt);
    const parsed = parseEcsEvent({ 'detail-type': 'ECS Task State Change', source: 'aws.ecs', detail });
    expect({ account: parsed.account, region: parsed.region, time: parsed.time }).toEqual({
      account: event.account,
      region: event.region,
      time: detail.stoppedAt,
    });
  });

  it('refuses a Task without its ARNs with a ParseError naming the field', () => {
    const task = apiTask(loadFixture('task', 'synthetic-task-oom-exit137'), asDate) as Task;
    delete task.taskDefinitionArn;
    expect(() => example.renderTask(task)).toThrow(/detail\.taskDefinitionArn/);
  });
});

describe('the latest stopped task of a service, with the real ECS client', () => {
  let server: ScriptedServer;
  const stopped2020 = loadFixture('task', 'task-stopped-essential-container-exited-fargate-sidecar');
  const stopped2023 = loadFixture('task', 'task-stopped-service-scaling-deployment-fargate');
  const stopped2022 = loadFixture('task', 'task-stopped-elb-health-check-failed-fargate');
  const all = [stopped2020, stopped2023, stopped2022];
  const arnOf = (event: Record<string, unknown>) => (event.detail as { taskArn: string }).taskArn;

  beforeAll(async () => {
    server = await startScriptedServer((request) => {
      const target = String(request.headers['x-amz-target']);
      const body = JSON.parse(request.body) as { nextToken?: string; tasks?: string[] };
      const json = (value: unknown) => ({
        status: 200,
        headers: { 'content-type': 'application/x-amz-json-1.1' },
        body: JSON.stringify(value),
      });
      if (target.endsWith('.ListTasks')) {
        // Two pages, in no particular order (ListTasks promises none): the latest is neither first nor last.
        return json(
          body.nextToken === undefined
            ? { taskArns: [arnOf(stopped2020), arnOf(stopped2023)], nextToken: 'page-2' }
            : { taskArns: [arnOf(stopped2022)] },
        );
      }
      if (target.endsWith('.DescribeTasks')) {
        const tasks = all.filter((e) => body.tasks?.includes(arnOf(e))).map((e) => apiTask(e, asEpochSeconds));
        return json({ tasks, failures: [] });
      }
      return { status: 400, body: '{"__type":"UnknownOperationException"}' };
    });
  });

  afterAll(async () => {
    await server.close();
  });

  it('reads every page, describes the tasks and picks the last to stop', async () => {
    const ecs = new ECSClient({
      endpoint: server.origin,
      region: 'eu-central-1',
      credentials: { accessKeyId: 'AKIDFAKEFAKEFAKE', secretAccessKey: 'fake-secret-for-the-test' },
    });
    const task = await example.latestStoppedTask(ecs, 'test', 'example-api-v1');
    expect(task?.taskArn).toBe(arnOf(stopped2023));
    expect(task?.stoppedAt).toBeInstanceOf(Date);

    const requests = server.requests.map((r) => [
      String(r.headers['x-amz-target']).split('.')[1],
      JSON.parse(r.body) as unknown,
    ]);
    expect(requests).toEqual([
      ['ListTasks', { cluster: 'test', desiredStatus: 'STOPPED', serviceName: 'example-api-v1' }],
      ['ListTasks', { cluster: 'test', desiredStatus: 'STOPPED', nextToken: 'page-2', serviceName: 'example-api-v1' }],
      ['DescribeTasks', { cluster: 'test', tasks: all.map(arnOf) }],
    ]);
    expect(example.renderTask(task!).classification.outcome).toBe('deployment-replaced');
  });
});
