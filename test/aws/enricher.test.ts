/**
 * createEnricher with the real ECS and CloudWatch Logs clients against a loopback server that
 * speaks AWS JSON 1.1: log locations from the task definition (cached per revision), links, the
 * last lines with secrets redacted, and notes instead of errors when AWS says no.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createEnricher, type EnricherOptions } from '../../src/aws/index.js';
import { ConfigError, renderMessage } from '../../src/index.js';
import type { AwsJsonServer } from '../helpers/aws-json-server.js';
import { expectSafe } from '../render/helpers.js';
import {
  CRASH_GROUP,
  CRASH_STOPPED_AT,
  CRASH_STREAM,
  CRASH_TASK_ID,
  HOSTILE_LOG,
  HOSTILE_SECRETS,
  clientsFor,
  crash,
  eventOf,
  startFakeAws,
  type FakeAwsOptions,
} from './harness.js';

let server: AwsJsonServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setUp(fake: FakeAwsOptions = {}, options: EnricherOptions = {}) {
  server = await startFakeAws({ streams: { [`${CRASH_GROUP} ${CRASH_STREAM}`]: HOSTILE_LOG }, ...fake });
  return { server, enrich: createEnricher({ ...clientsFor(server), ...options }) };
}

describe('a crashed task', () => {
  it('shows the culprit container’s last lines, redacted and without colour codes, and links to its stream', async () => {
    const { server, enrich } = await setUp();
    const { event, c } = crash();
    const evidence = await enrich(event, c);

    expect(evidence.container).toBe('app');
    expect(evidence.log).toEqual({
      driver: 'awslogs',
      region: 'eu-central-1',
      group: CRASH_GROUP,
      stream: CRASH_STREAM,
    });
    expect(evidence.notes).toEqual([]);
    expect(evidence.lines).toHaveLength(HOSTILE_LOG.length);
    expect(evidence.lines[0]).toBe('INFO server listening on :8080');
    expect(evidence.lines[1]).toBe('ERROR connecting to postgres://app:[REDACTED]@db.internal:5432/orders');
    expect(evidence.lines.at(-1)).toBe('panic: runtime error: index out of range [3] with length 3');
    const json = JSON.stringify(evidence);
    for (const secret of [...HOSTILE_SECRETS, 'env-hunter2-never-shown', 'never-shown'])
      expect(json).not.toContain(secret);
    expect(json).not.toContain('\u001b');
    expect(evidence.links.stream).toContain(
      '#logsV2:log-groups/log-group/$252Fecs$252Fexample-api/log-events/ecs$252Fapp$252Fa6eaf0150a4248dAA1bcbd688121014e',
    );
    expect(evidence.links.insights).toContain(
      'https://eu-central-1.console.aws.amazon.com/cloudwatch/home?region=eu-central-1#logsV2:logs-insights',
    );

    // What was asked: the task definition by ARN; the stream's end, up to 5 s after the stop.
    expect(server.calls.map((call) => call.operation)).toEqual(['DescribeTaskDefinition', 'GetLogEvents']);
    expect(server.calls[0]?.input).toEqual({
      taskDefinition: 'arn:aws:ecs:eu-central-1:111111111111:task-definition/example-api-v1:20',
    });
    expect(server.calls[1]?.input).toEqual({
      logGroupName: CRASH_GROUP,
      logStreamName: CRASH_STREAM,
      startFromHead: false,
      limit: 15,
      endTime: CRASH_STOPPED_AT + 5000,
    });
  });

  it('renders within Slack’s limits with no mention, link or date from the log text', async () => {
    const { enrich } = await setUp();
    const { event, c } = crash();
    const evidence = await enrich(event, c);
    for (const options of [{}, { color: false }, { variant: 'compact' as const }]) {
      const message = renderMessage(event, { classification: c, ...options, evidence });
      expectSafe(message);
      const text = JSON.stringify(message);
      for (const secret of HOSTILE_SECRETS) expect(text).not.toContain(secret);
    }
    const full = JSON.stringify(renderMessage(event, { classification: c, evidence }));
    expect(full).toContain('Last 8 log lines');
    expect(full).toContain('&lt;!channel&gt;');
  });

  it('tailLines: 0 gives the links and reads no log', async () => {
    const { server, enrich } = await setUp({}, { tailLines: 0 });
    const { event, c } = crash();
    const evidence = await enrich(event, c);
    expect(evidence.lines).toEqual([]);
    expect(evidence.links.stream).toBeDefined();
    expect(server.count('GetLogEvents')).toBe(0);
  });

  it('reads at most tailLines lines', async () => {
    const { server, enrich } = await setUp({}, { tailLines: 3 });
    const { event, c } = crash();
    const { lines } = await enrich(event, c);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('retrying with password=[REDACTED] token: [REDACTED]');
    expect(lines[2]).toBe(HOSTILE_LOG.at(-1));
    expect(server.calls.at(-1)?.input.limit).toBe(3);
  });
});

describe('one DescribeTaskDefinition per revision', () => {
  it('two stopped tasks of one revision, one after the other: one call', async () => {
    const { server, enrich } = await setUp();
    const first = crash();
    const second = crash('0123456789abcdef0123456789abcdef');
    await enrich(first.event, first.c);
    const evidence = await enrich(second.event, second.c);
    expect(server.count('DescribeTaskDefinition')).toBe(1);
    expect(evidence.log?.stream).toBe('ecs/app/0123456789abcdef0123456789abcdef');
  });

  it('ten at once share the request in flight', async () => {
    const { server, enrich } = await setUp();
    const events = Array.from({ length: 10 }, (_, i) => crash(`${i}`.padStart(32, 'f')));
    const all = await Promise.all(events.map(({ event, c }) => enrich(event, c)));
    expect(server.count('DescribeTaskDefinition')).toBe(1);
    expect(all.map((e) => e.log?.stream)).toEqual(events.map((_, i) => `ecs/app/${`${i}`.padStart(32, 'f')}`));
  });

  it('a failed call is not cached: the next event asks again', async () => {
    let denied = true;
    const { server, enrich } = await setUp({
      overrides: { DescribeTaskDefinition: () => (denied ? { error: 'AccessDeniedException' } : { json: {} }) },
    });
    const { event, c } = crash();
    expect((await enrich(event, c)).notes).toEqual(['logs unavailable: AccessDenied (ecs:DescribeTaskDefinition)']);
    denied = false;
    await enrich(event, c);
    expect(server.count('DescribeTaskDefinition')).toBe(2);
  });
});

describe('where the logs are', () => {
  const withDefinition = (arn: string, region = 'eu-west-1') =>
    eventOf('task', 'task-stopped-essential-container-exited-fargate-sidecar', (raw) => {
      raw.region = region;
      raw.detail.taskDefinitionArn = arn;
      raw.detail.containers[1].name = 'web';
    });

  it('FireLens to CloudWatch: the log_stream_name template filled in, the culprit not the router', async () => {
    const stream = `web/test/${CRASH_TASK_ID}`;
    const { enrich, server } = await setUp({ streams: { [`/ecs/firelens-app ${stream}`]: ['boom'] } });
    const { event, c } = withDefinition('arn:aws:ecs:eu-west-1:111111111111:task-definition/firelens-app:3');
    const evidence = await enrich(event, c);
    expect(evidence).toMatchObject({
      container: 'web',
      log: { driver: 'awsfirelens', group: '/ecs/firelens-app', stream, region: 'eu-west-1' },
    });
    expect(evidence.lines).toEqual(['boom']);
    expect(evidence.notes).toEqual([]);
    expect(server.calls.at(-1)?.input.logStreamName).toBe(stream);
  });

  it.each([
    ['quiet:1', 'no logs to link: app has no log configuration'],
    ['splunk-app:7', 'no logs to link: app logs with the splunk driver'],
    ['no-prefix:2', 'no log stream link: app logs to /ecs/no-prefix without awslogs-stream-prefix'],
  ])('%s: no link, one note, no log read', async (name, note) => {
    const { enrich, server } = await setUp();
    const { event, c } = withDefinition(`arn:aws:ecs:eu-west-1:111111111111:task-definition/${name}`);
    const evidence = await enrich(event, c);
    expect(evidence).toEqual({ container: 'app', links: {}, lines: [], notes: [note] });
    expect(server.count('GetLogEvents')).toBe(0);
    expect(JSON.stringify(renderMessage(event, { classification: c, evidence }))).toContain(note);
  });
});

describe('when AWS says no or does not answer, the evidence still comes back, with one note', () => {
  it.each([
    [
      'GetLogEvents',
      {
        error: 'AccessDeniedException',
        message: 'User: arn:aws:sts::111111111111:assumed-role/secret-role/x is not authorized',
      },
      'logs unavailable: AccessDenied (logs:GetLogEvents)',
    ],
    [
      'GetLogEvents',
      { error: 'ResourceNotFoundException' },
      'no log lines: app has no log stream in /ecs/example-api (it may never have started)',
    ],
    [
      'DescribeTaskDefinition',
      { error: 'ThrottlingException', message: 'Rate exceeded' },
      'logs unavailable: Throttling',
    ],
    ['DescribeTaskDefinition', { error: 'ServerException', status: 500 }, 'logs unavailable: ServerException'],
    [
      'DescribeTaskDefinition',
      { error: 'ClientException', message: 'Unable to describe task definition.' },
      'logs unavailable: ClientException',
    ],
  ] as const)('%s answers %j', async (operation, reply, note) => {
    const { enrich, server } = await setUp({ overrides: { [operation]: () => reply } });
    const { event, c } = crash();
    const evidence = await enrich(event, c);
    expect(evidence.notes).toEqual([note]);
    expect(JSON.stringify(evidence)).not.toMatch(/secret-role|111111111111:assumed|Rate exceeded|req-/);
    // At most two attempts per call, throttling and server errors included.
    expect(server.count(operation)).toBeLessThanOrEqual(2);
  });

  it('logs API hanging: back within the budget, with the links and a timeout note', async () => {
    const { enrich } = await setUp({ overrides: { GetLogEvents: () => 'hang' } }, { budgetMs: 300 });
    const { event, c } = crash();
    const started = performance.now();
    const evidence = await enrich(event, c);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(300 + 700);
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(evidence.notes).toEqual(['logs unavailable: timeout']);
    expect(evidence.links.stream).toBeDefined();
    expect(evidence.lines).toEqual([]);
  });

  it('task definition hanging (a shared call, on its own timeout): back within the budget all the same', async () => {
    const { enrich } = await setUp(
      { overrides: { DescribeTaskDefinition: () => 'hang' } },
      { budgetMs: 300, callTimeoutMs: 5000 },
    );
    const { event, c } = crash();
    const started = performance.now();
    const evidence = await enrich(event, c);
    expect(performance.now() - started).toBeLessThan(300 + 700);
    expect(evidence).toEqual({ links: {}, lines: [], notes: ['logs unavailable: timeout'] });
  });

  it('a per-call timeout shorter than the budget ends a hanging call early', async () => {
    const { enrich } = await setUp(
      { overrides: { DescribeTaskDefinition: () => 'hang' } },
      { budgetMs: 5000, callTimeoutMs: 150 },
    );
    const { event, c } = crash();
    const started = performance.now();
    const evidence = await enrich(event, c);
    expect(performance.now() - started).toBeLessThan(150 + 700);
    expect(evidence).toEqual({ links: {}, lines: [], notes: ['logs unavailable: timeout'] });
  });

  it('never past the caller’s deadline, even with a longer budget', async () => {
    const { enrich } = await setUp({ overrides: { GetLogEvents: () => 'hang' } }, { budgetMs: 5000 });
    const { event, c } = crash();
    const started = performance.now();
    const evidence = await enrich(event, c, { deadline: Date.now() + 200 });
    expect(performance.now() - started).toBeLessThan(200 + 700);
    expect(evidence.notes).toEqual(['logs unavailable: timeout']);
  });

  it('no time left before the deadline: no call at all', async () => {
    const { enrich, server } = await setUp();
    const { event, c } = crash();
    const evidence = await enrich(event, c, { deadline: Date.now() - 1 });
    expect(evidence.notes).toEqual(['logs skipped: no time left before the deadline']);
    expect(server.calls).toEqual([]);
  });

  it('a closed server (connection refused): a note, no throw', async () => {
    const { enrich, server } = await setUp();
    await server.close();
    const { event, c } = crash();
    const evidence = await enrich(event, c);
    expect(evidence.notes).toEqual(['logs unavailable: network error']);
  });

  it('events that need no evidence get none, without a call', async () => {
    const { enrich, server } = await setUp();
    for (const [kind, name] of [
      ['task', 'task-running-ec2-service'],
      ['service', 'docs-service-steady-state'],
    ] as const) {
      const { event, c } = eventOf(kind, name);
      expect(await enrich(event, c)).toEqual({ links: {}, lines: [], notes: [] });
    }
    expect(server.calls).toEqual([]);
  });
});

describe('options', () => {
  it.each([
    [{ tailLines: 101 }, 'tailLines'],
    [{ tailLines: 1.5 }, 'tailLines'],
    [{ budgetMs: 0 }, 'budgetMs'],
    [{ callTimeoutMs: Number.NaN }, 'callTimeoutMs'],
    [{ cacheSize: 0 }, 'cacheSize'],
    [{ redact: ['password'] as unknown as RegExp[] }, 'redact'],
  ])('%j is refused with a ConfigError naming %s', (options, field) => {
    expect(() => createEnricher(options)).toThrow(ConfigError);
    expect(() => createEnricher(options)).toThrow(new RegExp(`createEnricher: ${field} `));
  });

  it('user patterns are redacted too', async () => {
    const { enrich } = await setUp({}, { redact: [/orders/] });
    const { event, c } = crash();
    expect((await enrich(event, c)).lines[1]).toBe(
      'ERROR connecting to postgres://app:[REDACTED]@db.internal:5432/[REDACTED]',
    );
  });
});
