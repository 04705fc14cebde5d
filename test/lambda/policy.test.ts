/**
 * The Lambda handler with an alert policy: routes to several destinations, each with its own
 * sender and state (DynamoDB, through dynalite), a failed destination retried alone, mentions and
 * filter overrides per route, severities and styles, and one ConfigError for a bad policy before
 * any event is taken. Slack is a real HTTP server on loopback with one webhook path per channel.
 */
import { describe, expect, it } from 'vitest';
import { DynamoDbStateStore } from '../../src/dynamodb/index.js';
import type { PipelineLogEntry } from '../../src/index.js';
import { ConfigError, createHandler, isConfigError, type HandlerOptions } from '../../src/lambda/index.js';
import type { Policy } from '../../src/policy/index.js';
import { fixtureText, loadFixture } from '../helpers/fixtures.js';
import { sqsEvent } from '../helpers/lambda.js';
import { webhookChannelsForSuite } from '../helpers/webhook-channels.js';

const channels = webhookChannelsForSuite();

const SECRET = '/services/T0SECRET/B0SECRET/sEcReTsEcReT';
let run = 0;
/** One channel per destination, each a path of its own, unique to the test. */
function env(...names: string[]) {
  const { server } = channels();
  run += 1;
  const paths = Object.fromEntries(names.map((name) => [name, `/${name}-${run}${SECRET}`]));
  const vars = Object.fromEntries(names.map((name) => [`${name.toUpperCase()}_URL`, `${server.origin}${paths[name]}`]));
  const posted = (name: string) =>
    server.requests.filter((r) => r.path === paths[name]).map((r) => JSON.parse(r.body) as { text: string });
  return { vars, posted };
}
const webhook = (name: string) => ({ type: 'webhook', url: { env: `${name.toUpperCase()}_URL` } }) as const;

function handlerWith(options: HandlerOptions) {
  const logs: PipelineLogEntry[] = [];
  const handler = createHandler({
    logger: (entry) => logs.push(entry),
    flushIntervalSeconds: false,
    ...options,
  });
  return { handler, logs };
}

const crash = (id: string) => {
  const event = loadFixture('task', 'synthetic-task-crashed-exit1-sidecar143') as any;
  event.id = id;
  return JSON.stringify(event);
};

describe('a policy with two destinations on the DynamoDB store', () => {
  const policy: Policy = {
    destinations: { ops: webhook('ops'), audit: webhook('audit') },
    routes: [{ name: 'everything', to: ['ops', 'audit'] }],
    default: { to: 'ops' },
  };

  it('one destination failing hands the record back; the redelivery posts to it alone', async () => {
    const { vars, posted } = env('ops', 'audit');
    const { table } = channels();
    const store = new DynamoDbStateStore({ client: table.client, tableName: table.tableName });
    const { handler, logs } = handlerWith({ policy, env: vars, store });
    const batch = sqsEvent([crash('crash-1')]);
    channels().refusing.add(`/audit-${run}${SECRET}`);
    expect(await handler(batch)).toEqual({ batchItemFailures: [{ itemIdentifier: batch.Records[0]!.messageId }] });
    expect(posted('ops')).toHaveLength(1);
    expect(logs.map((l) => [l.msg, l.destination, l.route])).toEqual([
      ['sent', 'ops', 'everything'],
      ['failed', 'audit', 'everything'],
    ]);
    channels().refusing.clear();
    // SQS delivers it again, to a new Lambda (a cold start) as well as to this one.
    const other = handlerWith({ policy, env: vars, store });
    expect(await other.handler(batch)).toEqual({ batchItemFailures: [] });
    expect(await handler(batch)).toEqual({ batchItemFailures: [] });
    expect(posted('ops')).toHaveLength(1);
    expect(posted('audit')).toHaveLength(2); // refused once, then accepted
    expect(other.logs.map((l) => [l.msg, l.destination, l.reason])).toEqual([
      ['suppressed', 'ops', 'duplicate'],
      ['sent', 'audit', 'alert'],
    ]);
    expect(JSON.stringify([logs, other.logs])).not.toMatch(/sEcReT|127\.0\.0\.1/);
  });

  it('keeps each destination’s state under its own name in the shared table', async () => {
    const { vars } = env('ops', 'audit');
    const { table } = channels();
    const store = new DynamoDbStateStore({ client: table.client, tableName: table.tableName });
    const { handler } = handlerWith({ policy, env: vars, store, namespace: `ns${run}` });
    await handler(sqsEvent([crash('crash-2')]));
    const { taskArn, version } = JSON.parse(crash('crash-2')).detail;
    const claim = async (scope: string) =>
      (await store.get({ scope: `${scope}:claim#${taskArn}`, id: String(version) }, Date.now()))?.value.state;
    expect(await claim(`ns${run}:ops`)).toBe('done');
    expect(await claim(`ns${run}:audit`)).toBe('done');
    expect(await claim(`ns${run}`)).toBeUndefined();
  });
});

describe('routes, mentions, filters, severities and styles', () => {
  const policy: Policy = {
    severity: { eventNames: { SERVICE_TASK_START_IMPAIRED: 'warning' } },
    styles: { warning: { emoji: ':warning:', label: 'Sev2' } },
    destinations: { ops: webhook('ops'), staging: webhook('staging') },
    routes: [
      { name: 'prod', match: { cluster: 'test' }, to: 'ops', mentions: { error: [{ userGroup: 'S0ONCALL1' }] } },
      { name: 'staging-quiet', match: { cluster: 'catalogue-*' }, to: 'staging', filter: { minSeverity: 'error' } },
    ],
    default: { to: 'ops' },
  };

  it('mentions the route’s on-call group in its destination only', async () => {
    const { vars, posted } = env('ops', 'staging');
    const { handler } = handlerWith({ policy, env: vars });
    await handler(sqsEvent([crash('crash-3')]));
    expect(posted('ops').map((m) => m.text)).toEqual([expect.stringMatching(/^<!subteam\^S0ONCALL1> app exited/)]);
  });

  it('applies the severity override before the routes and filters, and draws its style', async () => {
    const { vars, posted } = env('ops', 'staging');
    const { handler, logs } = handlerWith({ policy, env: vars });
    await handler(sqsEvent([fixtureText('service', 'service-task-start-impaired')]));
    // A warning now, and staging only takes errors.
    expect(posted('staging')).toHaveLength(0);
    expect(logs).toEqual([
      expect.objectContaining({
        msg: 'suppressed',
        severity: 'warning',
        destination: 'staging',
        route: 'staging-quiet',
        reason: 'severity',
      }),
    ]);
    const lowered = { ...policy, routes: policy.routes!.map((r) => ({ ...r, filter: undefined })) };
    const again = handlerWith({ policy: JSON.stringify(lowered), env: vars });
    await again.handler(sqsEvent([fixtureText('service', 'service-task-start-impaired')]));
    const [message] = posted('staging') as Array<{ text: string; blocks: any[]; attachments: any[] }>;
    expect(message?.text).toBe('Sev2: image_inferrer is unable to consistently start tasks successfully');
    expect(message?.blocks[0].text.text).toBe(':warning: image_inferrer: unable to start tasks');
    expect(message?.attachments[0].color).toBe('#ECB22E');
  });

  it('sends what no route matched by the default route', async () => {
    const { vars, posted } = env('ops', 'staging');
    const { handler, logs } = handlerWith({ policy, env: vars });
    await handler(sqsEvent([fixtureText('task', 'synthetic-task-spot-warning')]));
    expect(posted('ops')).toHaveLength(1);
    expect(logs[0]).toMatchObject({ msg: 'sent', destination: 'ops', route: 'default' });
  });
});

describe('an invalid policy fails at cold start, with one ConfigError naming the path', () => {
  const bad = {
    destinations: { ops: webhook('ops') },
    routes: [{ match: { service: 5 }, to: 'ops' }],
    default: { to: 'ops' },
  };

  it('given as an object or JSON text: when the handler is created', () => {
    expect(() => createHandler({ policy: bad as never })).toThrow(
      new ConfigError('createHandler: options.policy: routes[0].match.service: expected string or string[]'),
    );
    expect(() => createHandler({ policy: '{"destinations": {}' })).toThrow(
      /^createHandler: options\.policy: policy: not JSON/,
    );
  });

  it('as JSON in ECS_SLACK_POLICY: when the handler is created', () => {
    expect(() => createHandler({ env: { ECS_SLACK_POLICY: JSON.stringify(bad) } })).toThrow(
      new ConfigError('ECS_SLACK_POLICY: routes[0].match.service: expected string or string[]'),
    );
  });

  it('in SSM: on the first invocation, before any record; a failed fetch is tried again', async () => {
    const { vars, posted } = env('ops');
    let text = JSON.stringify({ ...bad, routes: [], default: { to: 'pager' } });
    let down = true;
    const fetched: unknown[] = [];
    const { handler, logs } = handlerWith({
      env: { ...vars, ECS_SLACK_POLICY: '/ecs-slack/policy' },
      resolveSecret: async (reference) => {
        fetched.push(reference);
        if (down) throw new Error('ThrottlingException');
        return text;
      },
    });
    const batch = sqsEvent([crash('crash-4')]);
    const first = await handler(batch).catch((error: unknown) => error);
    expect(isConfigError(first) && first.retryable).toBe(true);
    expect((first as Error).message).toBe(
      'ECS_SLACK_POLICY: could not fetch the SSM parameter "/ecs-slack/policy" (Error)',
    );
    down = false;
    await expect(handler(batch)).rejects.toThrow(
      new ConfigError(
        'ECS_SLACK_POLICY (SSM parameter "/ecs-slack/policy"): default.to: unknown destination "pager" (destinations: ops)',
      ),
    );
    expect(posted('ops')).toHaveLength(0);
    expect(logs.map((l) => [l.msg, l.reason])).toEqual([
      ['failed', 'policy'],
      ['failed', 'policy'],
    ]);
    text = JSON.stringify({ ...bad, routes: [] });
    expect(await handler(batch)).toEqual({ batchItemFailures: [] });
    expect(posted('ops')).toHaveLength(1);
    expect(fetched).toEqual(Array(3).fill({ source: 'ssm', parameterName: '/ecs-slack/policy' }));
  });

  it('a destination the handler cannot send to is named at creation', () => {
    const policy = { destinations: { deploys: { type: 'web-api', channel: 'C0DEPLOYS' } }, default: { to: 'deploys' } };
    expect(() => createHandler({ policy: policy as Policy })).toThrow(
      new ConfigError(
        'createHandler: destinations.deploys is a web-api destination: give webApi.client, your WebClient',
      ),
    );
    expect(() => createHandler({ policy: policy as Policy, webhookUrl: 'https://hooks.slack.com/x' })).toThrow(
      /^createHandler: options\.webhookUrl: not with a policy/,
    );
  });
});
