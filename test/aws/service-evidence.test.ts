/**
 * Service alerts get their why: for `task-start-impaired` and a failed deployment, the latest
 * stopped task of the service (ListTasks + DescribeTasks), classified by ecs-slack's own
 * classifier, with its culprit's log lines. And clients created by the module honour the SDK's
 * standard endpoint configuration.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEnricher } from '../../src/aws/index.js';
import { renderMessage } from '../../src/index.js';
import type { AwsJsonServer } from '../helpers/aws-json-server.js';
import { loadFixture } from '../helpers/fixtures.js';
import { expectSafe } from '../render/helpers.js';
import {
  CRASH,
  CRASH_GROUP,
  CRASH_STREAM,
  CRASH_TASK_ID,
  HOSTILE_LOG,
  HOSTILE_SECRETS,
  clientsFor,
  crash,
  eventOf,
  startFakeAws,
} from './harness.js';

let server: AwsJsonServer | undefined;
afterEach(async () => {
  vi.unstubAllEnvs();
  await server?.close();
  server = undefined;
});

/** The crash (stopped 15:37) and an older user stop of the same service, listed in that order reversed. */
function stoppedTasks(): Record<string, unknown>[] {
  const latest = loadFixture('task', CRASH) as any;
  const older = structuredClone(latest);
  const olderId = '99999999999999999999999999999999';
  Object.assign(older, JSON.parse(JSON.stringify(older).replaceAll(CRASH_TASK_ID, olderId)));
  older.detail.stoppedAt = '2020-03-16T15:20:00.000Z';
  older.detail.stopCode = 'UserInitiated';
  older.detail.stoppedReason = 'Task stopped by user';
  return [older, latest];
}

/** START_IMPAIRED for the crash fixture's service (cluster `test`, service `example-api-v1`). */
const impaired = () =>
  eventOf('service', 'service-task-start-impaired', (raw) => {
    raw.region = 'eu-central-1';
    raw.account = '111111111111';
    raw.resources = ['arn:aws:ecs:eu-central-1:111111111111:service/test/example-api-v1'];
    raw.detail.clusterArn = 'arn:aws:ecs:eu-central-1:111111111111:cluster/test';
  });

describe('SERVICE_TASK_START_IMPAIRED', () => {
  it('shows the latest stopped task: its stop reason, culprit and last lines', async () => {
    server = await startFakeAws({
      stoppedTasks: stoppedTasks(),
      streams: { [`${CRASH_GROUP} ${CRASH_STREAM}`]: HOSTILE_LOG },
    });
    const enrich = createEnricher(clientsFor(server));
    const { event, c } = impaired();
    expect(c.outcome).toBe('task-start-impaired');
    const evidence = await enrich(event, c);

    expect(server.calls.map((call) => call.operation)).toEqual([
      'ListTasks',
      'DescribeTasks',
      'DescribeTaskDefinition',
      'GetLogEvents',
    ]);
    expect(server.calls[0]?.input).toEqual({
      cluster: 'arn:aws:ecs:eu-central-1:111111111111:cluster/test',
      serviceName: 'example-api-v1',
      desiredStatus: 'STOPPED',
      maxResults: 100,
    });
    const classified = crash().c;
    expect(evidence.stoppedTask).toEqual({
      taskArn: `arn:aws:ecs:eu-central-1:111111111111:task/test/${CRASH_TASK_ID}`,
      taskId: CRASH_TASK_ID,
      outcome: 'crashed',
      summary: classified.summary,
      reason: classified.reason,
      culprit: classified.culprit,
      stoppedAt: '2020-03-16T15:37:04.979Z',
      url: classified.links.task,
    });
    expect(evidence.container).toBe('app');
    expect(evidence.lines.at(-1)).toBe(HOSTILE_LOG.at(-1));
    expect(evidence.notes).toEqual([]);

    const message = renderMessage(event, { classification: c, evidence });
    expectSafe(message);
    const json = JSON.stringify(message);
    expect(json).toContain('Latest stopped task');
    expect(json).toContain(classified.summary);
    for (const secret of HOSTILE_SECRETS) expect(json).not.toContain(secret);
  });

  it('a failed deployment prefers the tasks that deployment started', async () => {
    const tasks = stoppedTasks();
    (tasks[0] as any).detail.startedBy = 'ecs-svc/1111111111111111111';
    server = await startFakeAws({ stoppedTasks: tasks });
    const enrich = createEnricher({ ...clientsFor(server), tailLines: 0 });
    const { event, c } = eventOf('deployment', 'docs-deployment-failed', (raw) => {
      raw.region = 'eu-central-1';
      raw.resources = ['arn:aws:ecs:eu-central-1:111111111111:service/test/example-api-v1'];
      raw.detail.clusterArn = 'arn:aws:ecs:eu-central-1:111111111111:cluster/test';
      raw.detail.deploymentId = 'ecs-svc/1111111111111111111';
    });
    expect(c.outcome).toBe('deployment-failed');
    const evidence = await enrich(event, c);
    expect(evidence.stoppedTask?.outcome).toBe('stopped-by-user');
    expect(evidence.stoppedTask?.taskId).toBe('99999999999999999999999999999999');
  });

  it('no stopped task listed: one note', async () => {
    server = await startFakeAws({ stoppedTasks: [] });
    const enrich = createEnricher(clientsFor(server));
    const { event, c } = impaired();
    expect(await enrich(event, c)).toEqual({
      links: {},
      lines: [],
      notes: ['no stopped task of example-api-v1 listed (ECS keeps them for about an hour)'],
    });
  });

  it('ListTasks denied: one note naming the action', async () => {
    server = await startFakeAws({ overrides: { ListTasks: () => ({ error: 'AccessDeniedException' }) } });
    const enrich = createEnricher(clientsFor(server));
    const { event, c } = impaired();
    expect((await enrich(event, c)).notes).toEqual(['stopped task unavailable: AccessDenied (ecs:ListTasks)']);
  });

  it('DescribeTasks hanging: a timeout note on the stopped task', async () => {
    server = await startFakeAws({ stoppedTasks: stoppedTasks(), overrides: { DescribeTasks: () => 'hang' } });
    const enrich = createEnricher({ ...clientsFor(server), budgetMs: 200 });
    const { event, c } = impaired();
    expect((await enrich(event, c)).notes).toEqual(['stopped task unavailable: timeout']);
  });
});

describe('clients created by the module', () => {
  it('use AWS_ENDPOINT_URL_ECS and AWS_ENDPOINT_URL_CLOUDWATCH_LOGS, the event’s Region and two attempts', async () => {
    server = await startFakeAws();
    const logs = await startFakeAws({ overrides: { GetLogEvents: () => ({ error: 'ThrottlingException' }) } });
    try {
      vi.stubEnv('AWS_ENDPOINT_URL_ECS', server.origin);
      vi.stubEnv('AWS_ENDPOINT_URL_CLOUDWATCH_LOGS', logs.origin);
      vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDENVLOOPBACK');
      vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'env-loopback-secret');
      vi.stubEnv('AWS_SESSION_TOKEN', '');
      vi.stubEnv('AWS_REGION', 'us-west-2');
      vi.stubEnv('AWS_MAX_ATTEMPTS', '5');
      const enrich = createEnricher();
      const { event, c } = crash();
      const evidence = await enrich(event, c);
      expect(server.count('DescribeTaskDefinition')).toBe(1);
      expect(String(server.calls[0]?.request.headers.authorization)).toContain('/eu-central-1/ecs/aws4_request');
      expect(logs.count('GetLogEvents')).toBe(2);
      expect(String(logs.calls[0]?.request.headers.authorization)).toContain('/eu-central-1/logs/aws4_request');
      expect(evidence.notes).toEqual(['logs unavailable: Throttling']);
    } finally {
      await logs.close();
    }
  });
});
