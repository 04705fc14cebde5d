import type { EventBridgeHandler, ScheduledHandler, SNSHandler, SQSHandler } from 'aws-lambda';
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { ConfigError, HandlerError, createHandler, type HandlerOptions } from '../../src/lambda/index.js';
import { createWebhookSender, type PipelineLogEntry } from '../../src/index.js';
import { fixtureText, loadFixture } from '../helpers/fixtures.js';
import { SCHEDULED_EVENT, snsEvent, sqsEvent } from '../helpers/lambda.js';
import { startScriptedServer, type Reply, type ScriptedServer } from '../helpers/slack-server.js';

const SECRET_PATH = '/services/T0000SECRET/B0000SECRET/XXXXsecretXXXX';
let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(
  script: readonly Reply[] | ((r: unknown, i: number) => Reply),
  options: Partial<HandlerOptions> = {},
) {
  server = await startScriptedServer(script as never);
  const logs: PipelineLogEntry[] = [];
  let now = Date.parse('2026-11-20T09:00:00Z');
  // One attempt per delivery keeps the tests fast; the sender's own retries are tested elsewhere.
  const handler = createHandler({
    sender: createWebhookSender({ url: `${server.origin}${SECRET_PATH}`, maxAttempts: 1 }),
    logger: (entry) => logs.push(entry),
    clock: () => now,
    ...options,
  });
  return { handler, logs, server, tick: (ms: number) => (now += ms) };
}

const crash = (id: string, task = id) => {
  const event = loadFixture('task', 'synthetic-task-crashed-exit1-sidecar143') as any;
  event.id = id;
  event.detail.taskArn = `arn:aws:ecs:eu-central-1:111111111111:task/test/${task.padStart(32, '0')}`;
  event.resources = [event.detail.taskArn];
  event.detail.group = `service:svc-${task}`;
  return event;
};
const ok: Reply = { status: 200, body: 'ok' };
const down: Reply = { status: 500, body: 'internal error' };
const noSecrets = (logs: PipelineLogEntry[]) => {
  const text = JSON.stringify(logs);
  expect(text).not.toContain('SECRET');
  expect(text).not.toContain('127.0.0.1');
};

describe('EventBridge invocations', () => {
  it('sends an alert and returns nothing', async () => {
    const { handler, logs, server } = await setup([ok]);
    expect(await handler(crash('a'))).toBeUndefined();
    expect(server.requests).toHaveLength(1);
    expect(JSON.parse(server.requests[0]!.body).text).toMatch(/^app exited with code 1/);
    expect(logs).toEqual([
      expect.objectContaining({ level: 'info', msg: 'sent', id: 'a', outcome: 'crashed', reason: 'alert' }),
    ]);
  });

  it('throws when delivery failed, so Lambda retries; the retry is delivered once', async () => {
    const { handler, logs, server } = await setup([down, ok], { flushIntervalSeconds: false });
    await expect(handler(crash('a'))).rejects.toBeInstanceOf(HandlerError);
    expect(logs.at(-1)).toMatchObject({ level: 'error', msg: 'failed', id: 'a' });
    noSecrets(logs);
    await handler(crash('a'));
    await handler(crash('a'));
    expect(server.requests.filter((r) => r.path === SECRET_PATH)).toHaveLength(2);
    expect(logs.filter((l) => l.msg === 'sent')).toHaveLength(1);
    expect(logs.at(-1)).toMatchObject({ msg: 'suppressed', reason: 'duplicate' });
  });

  it('accepts a bare detail when told its kind', async () => {
    const { handler, server } = await setup([ok], { kind: 'task' });
    await handler(crash('a').detail);
    expect(server.requests).toHaveLength(1);
  });
});

describe('SQS batches', () => {
  it('reports only the records to retry: invalid ones and failed deliveries', async () => {
    // One message per crash (grouping would record b on a's incident): the subject is which records go back.
    const { handler, logs } = await setup((_r, i) => (i === 1 ? down : ok), {
      flushIntervalSeconds: false,
      group: false,
    });
    const batch = sqsEvent([
      JSON.stringify(crash('a')),
      '{not json',
      JSON.stringify(crash('b')),
      fixtureText('service', 'docs-service-steady-state'),
      '[]',
    ]);
    const result = await handler(batch);
    const ids = batch.Records.map((r) => r.messageId);
    expect(result?.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual([ids[1]!, ids[2]!, ids[4]!].sort());
    expect(logs.map((l) => l.msg)).toEqual(['sent', 'invalid', 'failed', 'suppressed', 'invalid']);
    noSecrets(logs);
  });

  it('hands back a message whose body holds several events when one of them failed', async () => {
    // One message per crash (grouping would record b on a's incident): the subject is which records go back.
    const { handler, logs } = await setup((_r, i) => (i === 1 ? down : ok), {
      flushIntervalSeconds: false,
      group: false,
    });
    const batch = sqsEvent([
      `[${JSON.stringify(crash('a'))},${JSON.stringify(crash('b'))}]`,
      JSON.stringify(crash('c')),
    ]);
    const result = await handler(batch);
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: batch.Records[0]!.messageId }] });
    expect(logs.map((l) => [l.msg, l.id])).toEqual([
      ['sent', batch.Records[0]!.messageId],
      ['failed', batch.Records[0]!.messageId],
      ['sent', batch.Records[1]!.messageId],
    ]);
  });

  it('drops invalid records after logging them when asked to', async () => {
    const { handler, logs } = await setup([ok], { onInvalid: 'drop' });
    const result = await handler(sqsEvent(['{not json', JSON.stringify(crash('a'))]));
    expect(result).toEqual({ batchItemFailures: [] });
    expect(logs.map((l) => l.msg)).toEqual(['dropped', 'sent']);
  });

  it('FIFO queues: everything from the first failure on goes back, in order', async () => {
    // One message per crash (grouping would record b and c on a's incident): the subject is FIFO order.
    const { handler } = await setup((_r, i) => (i >= 1 ? down : ok), { flushIntervalSeconds: false, group: false });
    const batch = sqsEvent([JSON.stringify(crash('a')), JSON.stringify(crash('b')), JSON.stringify(crash('c'))]);
    for (const record of batch.Records) record.eventSourceARN = 'arn:aws:sqs:us-east-1:111122223333:ecs-events.fifo';
    const result = await handler(batch);
    expect(result?.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(
      batch.Records.slice(1).map((r) => r.messageId),
    );
  });

  it('a record whose delivery is still in flight elsewhere is reported for a retry, not dropped', async () => {
    // Two handlers sharing one store, like two Lambda instances with the DynamoDB store.
    const { MemoryStateStore } = await import('../../src/state/index.js');
    const store = new MemoryStateStore();
    let release: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const first = createHandler({ sender: { post: async () => (await slow, {}) }, store, logger: () => undefined });
    const second = createHandler({ sender: { post: async () => ({}) }, store, logger: () => undefined });
    const batch = sqsEvent([JSON.stringify(crash('a'))]);
    const pending = first(batch);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await second(batch)).toEqual({ batchItemFailures: [{ itemIdentifier: batch.Records[0]!.messageId }] });
    release();
    expect(await pending).toEqual({ batchItemFailures: [] });
  });
});

describe('SNS and scheduled invocations', () => {
  it('SNS: throws when any event could not be delivered', async () => {
    const { handler } = await setup([down], { flushIntervalSeconds: false });
    await expect(handler(snsEvent([JSON.stringify(crash('a'))]))).rejects.toThrow(/1 of 1 event\(s\) failed/);
  });

  it('a scheduled invocation flushes the digests whose window closed', async () => {
    const { handler, server, tick } = await setup([ok], { flushIntervalSeconds: false });
    await handler(crash('a', 'x'));
    const second = crash('b', 'x');
    second.detail.taskArn = second.detail.taskArn.replace(/x$/, 'y');
    second.resources = [second.detail.taskArn];
    await handler(second);
    expect(server.requests).toHaveLength(1);
    tick(11 * 60_000);
    await handler(SCHEDULED_EVENT);
    expect(server.requests).toHaveLength(2);
    expect(JSON.parse(server.requests[1]!.body).text).toBe('app crashed once more in the last 1 min; last exit 1');
  });

  it('by default, crashes of three services of one cluster are one alert and, after the window, one grouped message', async () => {
    const { handler, server, logs, tick } = await setup([ok]);
    const batch = sqsEvent([JSON.stringify(crash('a')), JSON.stringify(crash('b')), JSON.stringify(crash('c'))]);
    expect(await handler(batch)).toEqual({ batchItemFailures: [] });
    expect(server.requests).toHaveLength(1);
    expect(logs.filter((l) => l.msg === 'suppressed').map((l) => l.reason)).toEqual(['grouped', 'grouped']);
    tick(31_000);
    await handler(SCHEDULED_EVENT);
    expect(server.requests).toHaveLength(2);
    expect(JSON.parse(server.requests[1]!.body).text).toBe(
      'test: 2 more services crashed: Essential container in task exited',
    );
    // The blocks name each service.
    expect(server.requests[1]!.body).toContain('svc-b: 1 alert');
    expect(server.requests[1]!.body).toContain('svc-c: 1 alert');
  });
});

describe('configuration', () => {
  it('takes the pipeline options, namespace included: two namespaces on one store each alert once', async () => {
    const { MemoryStateStore } = await import('../../src/state/index.js');
    const store = new MemoryStateStore();
    const first = await setup([ok, ok, ok], { store, namespace: 'payments' });
    const again = createHandler({
      sender: createWebhookSender({ url: `${first.server.origin}${SECRET_PATH}`, maxAttempts: 1 }),
      logger: () => undefined,
      store,
      namespace: 'platform',
    });
    await first.handler(crash('a'));
    await first.handler(crash('a'));
    await again(crash('a'));
    // The duplicate in `payments` is dropped; `platform` keeps its own state, so it alerts too.
    expect(first.server.requests).toHaveLength(2);
    await expect(Promise.resolve().then(() => createHandler({ namespace: '' } as HandlerOptions))).rejects.toThrow(
      /createHandler: options.namespace/,
    );
  });

  it('reads SLACK_WEBHOOK_URL from the environment', async () => {
    server = await startScriptedServer([ok]);
    const handler = createHandler({ env: { SLACK_WEBHOOK_URL: `${server.origin}/hook` }, logger: () => undefined });
    await handler(crash('a'));
    expect(server.requests[0]!.path).toBe('/hook');
  });

  it('takes the preset from ECS_SLACK_PRESET when no filter is given', async () => {
    server = await startScriptedServer([ok, ok]);
    const running = loadFixture('task', 'task-running-ec2-service');
    const env = { SLACK_WEBHOOK_URL: `${server.origin}/hook`, ECS_SLACK_PRESET: 'none' };
    // `alerts` (the default) keeps a running task quiet; `none` sends it.
    await createHandler({ env: { SLACK_WEBHOOK_URL: env.SLACK_WEBHOOK_URL }, logger: () => undefined })(running);
    expect(server.requests).toHaveLength(0);
    await createHandler({ env, logger: () => undefined })(running);
    expect(server.requests).toHaveLength(1);
    // The filter option wins over the variable.
    await createHandler({ env, filter: { preset: 'alerts' }, logger: () => undefined })(running);
    expect(server.requests).toHaveLength(1);
    expect(() => createHandler({ env: { ...env, ECS_SLACK_PRESET: 'loud' } })).toThrow(
      new ConfigError('ECS_SLACK_PRESET must be alerts, verbose, none; it is "loud"'),
    );
  });

  it('refuses ECS_SLACK_TABLE without a store, rather than keep state in memory without a word', async () => {
    const env = { SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T/B/x', ECS_SLACK_TABLE: 'ecs-slack-state' };
    expect(() => createHandler({ env })).toThrow(/^ECS_SLACK_TABLE is set but createHandler has no store: pass store/);
    const { MemoryStateStore } = await import('../../src/state/index.js');
    expect(() => createHandler({ env, store: new MemoryStateStore() })).not.toThrow();
  });

  it('falls back to the environment when the webhookUrl option is blank', async () => {
    server = await startScriptedServer([ok]);
    const handler = createHandler({
      webhookUrl: '  ',
      env: { SLACK_WEBHOOK_URL: `${server.origin}/hook` },
      logger: () => undefined,
    });
    await handler(crash('a'));
    expect(server.requests[0]!.path).toBe('/hook');
  });

  it('resolves a Secrets Manager secret once per cold start, plain or JSON', async () => {
    server = await startScriptedServer([ok]);
    for (const value of [`${server.origin}/hook`, JSON.stringify({ url: `${server.origin}/hook` })]) {
      const calls: unknown[] = [];
      const handler = createHandler({
        env: { SLACK_WEBHOOK_SECRET_ID: 'prod/slack-webhook' },
        resolveSecret: async (reference) => (calls.push(reference), value),
        logger: () => undefined,
      });
      await handler(crash(`a-${calls.length}-${value.length}`));
      await handler(crash(`b-${value.length}`, 'other'));
      expect(calls).toEqual([{ source: 'secrets-manager', secretId: 'prod/slack-webhook' }]);
    }
  });

  it('reads the secret again after a value that is not a URL (a fixed secret works without a cold start)', async () => {
    server = await startScriptedServer([ok]);
    const values = ['not a url', `${server.origin}/hook`];
    let calls = 0;
    const handler = createHandler({
      env: { SLACK_WEBHOOK_SECRET_ID: 'prod/slack-webhook' },
      resolveSecret: async () => values[Math.min(calls++, values.length - 1)]!,
      logger: (line) => logs.push(JSON.stringify(line)),
      // b alerts on its own: with grouping it would join a's incident, for the scheduled flush.
      group: false,
    });
    const logs: string[] = [];
    await expect(handler(crash('a'))).rejects.toThrow(/event\(s\) failed/);
    expect(logs.join('\n')).toContain('webhook secret does not hold a URL');
    await handler(crash('b', 'other'));
    expect(calls).toBe(2);
    expect(server.requests[0]!.path).toBe('/hook');
  });

  it('fails clearly, naming the setting and never its value', async () => {
    await expect(createHandler({ env: {}, logger: () => undefined })(crash('a'))).rejects.toThrow(
      /no Slack destination: pass sender, webhookUrl or webApi, or set SLACK_WEBHOOK_URL, SLACK_WEBHOOK_SECRET_ID or SLACK_WEBHOOK_PARAMETER/,
    );
    await expect(
      createHandler({ env: { SLACK_WEBHOOK_PARAMETER: '/prod/hook' }, logger: () => undefined })(crash('a')),
    ).rejects.toBeInstanceOf(ConfigError);
  });
});

describe('types', () => {
  it('the handler fits the @types/aws-lambda handler types', () => {
    const handler = createHandler({ webhookUrl: 'https://hooks.slack.com/services/x' });
    expectTypeOf(handler).toExtend<SQSHandler>();
    expectTypeOf(handler).toExtend<EventBridgeHandler<string, unknown, unknown>>();
    expectTypeOf(handler).toExtend<SNSHandler>();
    expectTypeOf(handler).toExtend<ScheduledHandler>();
  });
});
