/**
 * End to end: the lambda-webhook example's handler, as built and published, invoked the way
 * EventBridge invokes it, with the real AWS SDK reading the webhook URL from a local stand-in
 * for Secrets Manager (its JSON protocol, on 127.0.0.1) and posting to a local webhook.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixture } from '../helpers/fixtures.js';
import { startScriptedServer, type RecordedRequest, type Reply, type ScriptedServer } from '../helpers/slack-server.js';

const SECRET_ID = 'ecs-slack/webhook';
const WEBHOOK_PATH = '/services/T0000/B0000/sEcReTwEbHoOk';

let server: ScriptedServer;
let handler: (event: unknown) => Promise<void>;
const logs: string[] = [];
/** What the webhook answers next; Secrets Manager calls are answered apart. */
const webhookReplies: Reply[] = [];

const isSecretsManager = (request: RecordedRequest) =>
  request.headers['x-amz-target'] === 'secretsmanager.GetSecretValue';
const secretReads = () => server.requests.filter(isSecretsManager);
const webhookPosts = () => server.requests.filter((request) => !isSecretsManager(request));

/** The synthetic fixtures reuse one real task's ARN: give this one its own, as another task would have. */
function anotherTask(event: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify(event).replaceAll('a6eaf0150a4248dAA1bcbd688121014e', '0f1e2d3c4b5a49687766554433221100'),
  ) as Record<string, unknown>;
}

async function invoke(event: unknown): Promise<unknown> {
  const log = console.log;
  console.log = (line: unknown) => logs.push(String(line));
  try {
    await handler(event);
    return undefined;
  } catch (error) {
    return error;
  } finally {
    console.log = log;
  }
}

beforeAll(async () => {
  server = await startScriptedServer((request) => {
    if (isSecretsManager(request)) {
      const { SecretId } = JSON.parse(request.body) as { SecretId: string };
      if (SecretId !== SECRET_ID) return { status: 400, body: '{"__type":"ResourceNotFoundException"}' };
      const SecretString = JSON.stringify({ url: `${server.origin}${WEBHOOK_PATH}` });
      return {
        status: 200,
        headers: { 'content-type': 'application/x-amz-json-1.1' },
        body: JSON.stringify({ Name: SECRET_ID, SecretString }),
      };
    }
    return webhookReplies.shift() ?? { status: 200, body: 'ok' };
  });
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_SECRETS_MANAGER: server.origin,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'AKIDFAKEFAKEFAKE',
    AWS_SECRET_ACCESS_KEY: 'fake-secret-for-the-test',
    SLACK_WEBHOOK_SECRET_ID: SECRET_ID,
  });
  // A computed specifier, as in sqs-threads.test.ts: the example imports the built package.
  const example: string = new URL('../../examples/lambda-webhook/handler.ts', import.meta.url).href;
  ({ handler } = (await import(example)) as never);
});

afterAll(async () => {
  await server.close();
});

describe('the lambda-webhook example', () => {
  it('reads the URL from Secrets Manager once, then posts each alert to the webhook', async () => {
    expect(
      await invoke(loadFixture('task', 'task-stopped-essential-container-exited-fargate-sidecar')),
    ).toBeUndefined();
    expect(await invoke(loadFixture('task', 'task-stopped-elb-health-check-failed-fargate'))).toBeUndefined();

    expect(secretReads()).toHaveLength(1);
    const posts = webhookPosts();
    expect(posts.map((p) => p.path)).toEqual([WEBHOOK_PATH, WEBHOOK_PATH]);
    const texts = posts.map((p) => (JSON.parse(p.body) as { text: string }).text);
    expect(texts[0]).toMatch(/^app exited with code 2/);
    expect(texts[1]).toMatch(/failed its load balancer health checks/);
  });

  it('stays quiet for routine events', async () => {
    const before = webhookPosts().length;
    expect(await invoke(loadFixture('task', 'task-stopped-service-scaling-deployment-fargate'))).toBeUndefined();
    expect(webhookPosts()).toHaveLength(before);
    expect(logs.at(-1)).toContain('"msg":"suppressed"');
  });

  it('throws when Slack refuses, so Lambda retries and the dead-letter queue keeps the event; no URL anywhere', async () => {
    webhookReplies.push({ status: 404, body: 'no_service' });
    // In a cluster of its own: in the cluster of the alerts above it would join their incident
    // (grouping, on by default) and go out in its grouped message, not now.
    const elsewhere = (event: Record<string, unknown>) =>
      JSON.parse(JSON.stringify(event).replaceAll('cluster/test', 'cluster/refused')) as Record<string, unknown>;
    const error = await invoke(elsewhere(anotherTask(loadFixture('task', 'synthetic-task-pull-not-found'))));
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('HandlerError');
    expect((error as Error).message).toBe('1 of 1 event(s) failed; Lambda will retry the invocation');
    const failed = JSON.parse(logs.at(-1) ?? '{}') as Record<string, unknown>;
    expect(failed).toMatchObject({ level: 'error', msg: 'failed', outcome: 'failed-to-start' });
    expect(failed.detail).toContain('no_service');

    // Lambda's retry of the same event is delivered.
    expect(await invoke(elsewhere(anotherTask(loadFixture('task', 'synthetic-task-pull-not-found'))))).toBeUndefined();
    expect(logs.at(-1)).toContain('"msg":"sent"');
    expect(secretReads()).toHaveLength(1);
    expect(logs.join('\n')).not.toMatch(/sEcReT|hooks|127\.0\.0\.1/);
  });
});
