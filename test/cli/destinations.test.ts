/**
 * The built CLI's other destinations, as a user runs it: `render --format amazon-q`, `send
 * --sns-topic` against a loopback SNS endpoint (the real SDK, through `AWS_ENDPOINT_URL_SNS`),
 * and `send --policy` to two webhooks on a loopback server.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { notificationProblems } from '../helpers/amazon-q-schema.js';
import { runCli, jsonLines } from '../helpers/cli.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { startScriptedServer } from '../helpers/slack-server.js';
import { startSnsServer } from '../helpers/sns-server.js';

const TASK = join(FIXTURES, 'events', 'task', 'task-stopped-essential-container-exited-fargate-sidecar.json');
const IMPAIRED = join(FIXTURES, 'events', 'service', 'service-task-start-impaired.json');
const TOPIC = 'arn:aws:sns:eu-west-1:111122223333:ecs-alerts';

const run = runCli;
const lines = jsonLines;

describe('ecs-slack render --format amazon-q', () => {
  it('prints one Amazon Q notification per event', async () => {
    const { code, stdout } = await run(['render', '--format', 'amazon-q', TASK, IMPAIRED]);
    expect(code).toBe(0);
    const notifications = lines(stdout);
    expect(notifications.map((n) => n.content.title)).toEqual([
      ':rotating_light: example-api-v1: task crashed',
      ':rotating_light: image_inferrer: unable to start tasks',
    ]);
    for (const notification of notifications) expect(notificationProblems(notification)).toEqual([]);
  });

  it('refuses an unknown format, and a Block Kit Builder link of a notification', async () => {
    expect((await run(['render', '--format', 'teams', TASK])).stderr).toMatch(/unknown format; use slack or amazon-q/);
    const both = await run(['render', '--format', 'amazon-q', '--builder-url', TASK]);
    expect([both.code, both.stderr.trim()]).toEqual([
      2,
      'ecs-slack render: --builder-url draws Slack messages; not with --format amazon-q',
    ]);
  });
});

describe('ecs-slack send --sns-topic', () => {
  it('publishes the notifications to the topic with the SDK’s standard configuration', async () => {
    const sns = await startSnsServer([{ messageId: 'm-1' }]);
    try {
      const { code, stdout, stderr } = await run(['send', '--sns-topic', TOPIC, TASK], {
        AWS_ENDPOINT_URL_SNS: sns.origin,
        AWS_ACCESS_KEY_ID: 'AKIDFAKE',
        AWS_SECRET_ACCESS_KEY: 'fake-secret',
        AWS_SESSION_TOKEN: '',
        AWS_PROFILE: '',
        // The SDK warns on Node 20 that its 2027 releases need Node 22 (CI runs Node 20 too).
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      });
      expect([code, stderr]).toEqual([0, '']);
      expect(lines(stdout)).toEqual([expect.objectContaining({ msg: 'sent', outcome: 'crashed' })]);
      expect(sns.publishes.map((p) => p.params.TopicArn)).toEqual([TOPIC]);
      expect(JSON.parse(sns.publishes[0]!.params.Message!).content.title).toBe(
        ':rotating_light: example-api-v1: task crashed',
      );
    } finally {
      await sns.close();
    }
  });

  it('refuses a topic that is not an SNS topic ARN, and two destinations at once', async () => {
    const bad = await run(['send', '--sns-topic', 'ecs-alerts', TASK]);
    expect([bad.code, bad.stderr.trim()]).toEqual([
      2,
      'ecs-slack send: --sns-topic: expected an SNS topic ARN (arn:aws:sns:REGION:ACCOUNT:NAME)',
    ]);
    const two = await run(['send', '--sns-topic', TOPIC, '--policy', 'policy.json', TASK]);
    expect(two.stderr.trim()).toBe(
      'ecs-slack send: give one of --webhook-url, --sns-topic and --policy, not sns-topic and policy',
    );
  });
});

describe('ecs-slack send --policy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ecs-slack-policy-'));
  const file = (name: string, policy: unknown): string => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(policy));
    return path;
  };
  const policy = {
    destinations: {
      ops: { type: 'webhook', url: { env: 'OPS_WEBHOOK_URL' } },
      images: { type: 'webhook', url: { env: 'IMAGES_WEBHOOK_URL' } },
    },
    routes: [{ name: 'impaired', match: { outcome: 'task-start-impaired' }, to: 'images', continue: true }],
    default: { to: 'ops' },
  };

  it('posts each event where the policy routes it, one log line per destination', async () => {
    const server = await startScriptedServer([{ status: 200, body: 'ok' }]);
    try {
      const { code, stdout, stderr } = await run(['send', '--policy', file('policy.json', policy), TASK, IMPAIRED], {
        OPS_WEBHOOK_URL: `${server.origin}/ops/SECRETPATH`,
        IMAGES_WEBHOOK_URL: `${server.origin}/images/SECRETPATH`,
      });
      expect([code, stderr]).toEqual([0, '']);
      expect(server.requests.map((r) => r.path)).toEqual(['/ops/SECRETPATH', '/images/SECRETPATH']);
      expect(lines(stdout).map((l) => [l.msg, l.outcome, l.destination, l.route])).toEqual([
        ['sent', 'crashed', 'ops', 'default'],
        ['sent', 'task-start-impaired', 'images', 'impaired'],
      ]);
      expect(stdout).not.toContain('SECRETPATH');
    } finally {
      await server.close();
    }
  });

  it('says before sending what it cannot send to', async () => {
    const unset = await run(['send', '--policy', file('unset.json', policy), TASK], { OPS_WEBHOOK_URL: '' });
    expect([unset.code, unset.stderr.trim()]).toEqual([
      2,
      'ecs-slack send: destinations.ops.url: the environment variable OPS_WEBHOOK_URL is not set',
    ]);
    const webApi = { destinations: { ops: { type: 'web-api', channel: 'C0OPS' } }, default: { to: 'ops' } };
    const refused = await run(['send', '--policy', file('web-api.json', webApi), TASK]);
    expect(refused.stderr.trim()).toBe(
      'ecs-slack send: destinations.ops is a web-api destination; ecs-slack send posts to webhooks and Amazon Q',
    );
  });
});
