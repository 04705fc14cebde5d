/**
 * The examples behind docs/recipes.md and the README, run as users would run them:
 * custom-messages (extra fields, a CloudWatch Logs link, mentions, compact), routing (one filter,
 * several webhooks) and webhook-alerts (your own loop around classify, render and the sender).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { parseEcsEvent, renderMessage, type RenderOptions } from '../../src/index.js';
import { validateMessage } from '../helpers/block-kit.js';
import { fixtureText, loadFixture } from '../helpers/fixtures.js';
import { sqsEvent } from '../helpers/lambda.js';
import { startScriptedServer, type ScriptedServer } from '../helpers/slack-server.js';

/** A computed specifier, as in the e2e tests: the examples import the built package. */
const importExample = async <T>(path: string): Promise<T> =>
  (await import(new URL(`../../examples/${path}`, import.meta.url).href)) as T;

describe('examples/custom-messages', () => {
  let render: RenderOptions;
  beforeAll(async () => {
    ({ render } = await importExample<{ render: RenderOptions }>('custom-messages/handler.ts'));
  });

  it('adds the team, a link to the culprit container’s log stream, and mentions the error’s user group', () => {
    const message = renderMessage(
      parseEcsEvent(loadFixture('task', 'task-stopped-essential-container-exited-fargate-sidecar')),
      render,
    );
    const json = JSON.stringify(message);
    expect(json).toContain(
      '<https://eu-central-1.console.aws.amazon.com/cloudwatch/home?region=eu-central-1#logsV2:log-groups/log-group/$252Fecs$252Fexample-api/log-events/ecs$252Fapp$252Fa6eaf0150a4248dAA1bcbd688121014e|Logs of app>',
    );
    expect(json).toContain('*Team*\\nPayments');
    expect(message.text.startsWith('<!subteam^S0123ABCD> ')).toBe(true);
    expect(validateMessage(message)).toEqual([]);
  });

  it('mentions nobody for info, the user for warnings, and links no logs where it knows none', () => {
    const info = renderMessage(parseEcsEvent(loadFixture('task', 'task-running-fargate-service-exec-enabled')), render);
    expect(JSON.stringify(info)).not.toMatch(/<!subteam|<@|Logs of/);
    expect(JSON.stringify(info)).toContain('*Team*\\nPlatform');
    const warning = renderMessage(parseEcsEvent(loadFixture('task', 'synthetic-task-spot-warning')), render);
    expect(warning.text.startsWith('<@U0456EFGH> ')).toBe(true);
  });

  it('draws two blocks in the compact variant', () => {
    const message = renderMessage(parseEcsEvent(loadFixture('task', 'synthetic-task-oom-exit137')), {
      ...render,
      variant: 'compact',
    });
    expect([...(message.blocks ?? []), ...(message.attachments?.flatMap((a) => a.blocks ?? []) ?? [])]).toHaveLength(2);
  });
});

describe('examples/routing', () => {
  let server: ScriptedServer;
  let handler: (event: SQSEvent) => Promise<SQSBatchResponse>;
  let paymentsDown = false;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startScriptedServer((request) =>
      paymentsDown && request.path === '/payments' ? { status: 404, body: 'no_service' } : { status: 200, body: 'ok' },
    );
    Object.assign(process.env, {
      ONCALL_WEBHOOK_URL: `${server.origin}/oncall`,
      PAYMENTS_WEBHOOK_URL: `${server.origin}/payments`,
      SLACK_WEBHOOK_URL: `${server.origin}/default`,
    });
    ({ handler } = await importExample<{ handler: typeof handler }>('routing/handler.ts'));
  });

  afterAll(async () => {
    await server.close();
  });

  /** An unhealthy-instance service action (a warning) of another service, as its own event. */
  const unhealthy = (service: string): string => {
    const event = JSON.parse(
      fixtureText('service', 'synthetic-service-cloudmap-unhealthy').replaceAll('servicetest', service),
    ) as Record<string, unknown>;
    return JSON.stringify({ ...event, id: `${String(event.id).slice(0, 24)}${service.padEnd(12, '0').slice(0, 12)}` });
  };

  async function invoke(bodies: string[]): Promise<{ failed: string[]; ids: string[] }> {
    const batch = sqsEvent(bodies);
    const error = console.error;
    console.error = (line: unknown) => errors.push(String(line));
    try {
      const result = await handler(batch);
      return {
        failed: result.batchItemFailures.map((f) => f.itemIdentifier),
        ids: batch.Records.map((r) => r.messageId),
      };
    } finally {
      console.error = error;
    }
  }

  it('sends each alert to one channel by severity and service, and suppresses the noise', async () => {
    const { failed } = await invoke([
      fixtureText('task', 'task-stopped-essential-container-exited-fargate-sidecar'), // error
      unhealthy('payments-api'), // a warning of a payments service
      fixtureText('task', 'synthetic-task-spot-warning'), // a warning of another service
      fixtureText('task', 'task-stopped-service-scaling-deployment-fargate'), // routine: suppressed
    ]);
    expect(failed).toEqual([]);
    expect(server.requests.map((r) => [r.path, (JSON.parse(r.body) as { text: string }).text])).toEqual([
      ['/oncall', expect.stringMatching(/^app exited with code 2/)],
      ['/payments', expect.stringContaining('payments-api')],
      ['/default', expect.stringMatching(/^Spot capacity is being reclaimed/)],
    ]);
    expect(errors).toEqual([]);
  });

  it('hands a record whose channel refused it back to SQS, and logs no URL', async () => {
    paymentsDown = true;
    const { failed, ids } = await invoke([unhealthy('payments-worker'), unhealthy('search-api')]);
    expect(failed).toEqual([ids[0]]);
    expect(server.requests.at(-1)?.path).toBe('/default');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('no_service');
    expect(errors[0]).not.toContain(server.origin);
  });
});

describe('examples/webhook-alerts', () => {
  let server: ScriptedServer;
  let handler: (event: SQSEvent) => Promise<SQSBatchResponse>;
  let refuse = false;

  beforeAll(async () => {
    server = await startScriptedServer(() =>
      refuse ? { status: 404, body: 'no_service' } : { status: 200, body: 'ok' },
    );
    ({ handler } = await importExample<{ handler: typeof handler }>('webhook-alerts/handler.ts'));
    process.env.SLACK_WEBHOOK_URL = `${server.origin}/alerts`; // read on the first invocation
  });

  afterAll(async () => {
    await server.close();
  });

  async function invoke(bodies: string[]): Promise<{ failed: string[]; ids: string[]; errors: string[] }> {
    const batch = sqsEvent(bodies);
    const errors: string[] = [];
    const error = console.error;
    console.error = (line: unknown) => errors.push(String(line));
    try {
      const result = await handler(batch);
      return {
        failed: result.batchItemFailures.map((f) => f.itemIdentifier),
        ids: batch.Records.map((r) => r.messageId),
        errors,
      };
    } finally {
      console.error = error;
    }
  }

  it('posts a rendered alert for a crashed task, skips routine stops, and reports an unreadable record', async () => {
    const { failed, ids } = await invoke([
      fixtureText('task', 'task-stopped-essential-container-exited-fargate-sidecar'),
      fixtureText('task', 'task-stopped-service-scaling-deployment-fargate'),
      'not json',
    ]);
    expect(failed).toEqual([ids[2]]);
    expect(server.requests).toHaveLength(1);
    const message = JSON.parse(server.requests[0]!.body) as Parameters<typeof validateMessage>[0];
    expect(message.text).toMatch(/^app exited with code 2/);
    expect(validateMessage(message)).toEqual([]);
  });

  it('hands back a record Slack refused for good too, and logs no URL', async () => {
    refuse = true;
    const { failed, ids, errors } = await invoke([
      fixtureText('task', 'task-stopped-essential-container-exited-fargate-sidecar'),
    ]);
    expect(failed).toEqual([ids[0]]);
    expect(errors.join('\n')).toContain('no_service');
    expect(errors.join('\n')).not.toContain(server.origin);
  });
});
