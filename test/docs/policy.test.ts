/**
 * Keeps docs/policy.md honest: its policies validate, the committed JSON Schema is the one the
 * code generates, the `policy check` and `route` output it shows is what the binary prints, and
 * the worked policy and the migration silence do what the guide says, through the Lambda handler
 * (webhooks on a loopback server, the batch channel on a local Slack Web API).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandler } from '../../src/lambda/index.js';
import { createSilences, parsePolicy, policyJsonSchema } from '../../src/policy/index.js';
import { MemoryStateStore } from '../../src/state/index.js';
import { fixtureText } from '../helpers/fixtures.js';
import { sqsEvent } from '../helpers/lambda.js';
import { startFakeSlackApi, type FakeSlackApi } from '../helpers/slack-api.js';
import { startScriptedServer, type ScriptedServer } from '../helpers/slack-server.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const guide = readFileSync(join(ROOT, 'docs/policy.md'), 'utf8');
const blocks = [...guide.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1] ?? '', code: m[2] ?? '' }));
const policies = blocks.filter((b) => b.lang === 'json' && b.code.includes('"default":')).map((b) => b.code);

describe('docs/policy.md', () => {
  it('every policy it shows validates', () => {
    expect(policies.length).toBeGreaterThanOrEqual(1);
    for (const policy of policies) expect(() => parsePolicy(policy)).not.toThrow();
  });

  it('so does the policy docs/amazon-q.md shows', () => {
    const amazonQ = readFileSync(join(ROOT, 'docs/amazon-q.md'), 'utf8');
    const shown = [...amazonQ.matchAll(/^```json\n([\s\S]*?)^```$/gm)]
      .map((m) => m[1] ?? '')
      .filter((c) => c.includes('"default":'));
    expect(shown).toHaveLength(1);
    expect(parsePolicy(shown[0]).destinations.chat).toEqual({
      type: 'amazon-q',
      topicArn: 'arn:aws:sns:eu-west-1:111122223333:ecs-alerts',
    });
  });

  it('docs/policy.schema.json is the schema the code generates', () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'docs/policy.schema.json'), 'utf8'))).toEqual(policyJsonSchema());
  });

  it('shows what policy check and route print for the worked policy and the seed event', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecs-slack-policy-doc-'));
    writeFileSync(join(dir, 'policy.json'), policies[0]!);
    writeFileSync(
      join(dir, 'impaired.json'),
      fixtureText('service', 'service-task-start-impaired').replaceAll('catalogue-2023-03-09', 'prod-eu'),
    );
    const cli = (args: string[]) =>
      spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), ...args], { cwd: dir, encoding: 'utf8' });
    const check = cli(['policy', 'check', 'policy.json']);
    expect(check.status).toBe(0);
    expect(blocks.find((b) => b.lang === 'text' && b.code.includes(': ok ('))?.code).toBe(check.stdout);
    const route = cli(['route', '--policy', 'policy.json', 'impaired.json']);
    expect(route.status).toBe(0);
    expect(blocks.find((b) => b.lang === 'json' && b.code.includes('"destinations":['))?.code).toBe(route.stdout);
  });
});

/** A fixture moved to another cluster (and, for a task, another service or group). */
function moved(kind: 'task' | 'service', name: string, from: string, to: string, change?: (raw: any) => void): string {
  const raw = JSON.parse(
    fixtureText(kind, name).replaceAll(`cluster/${from}`, `cluster/${to}`).replaceAll(`/${from}/`, `/${to}/`),
  );
  change?.(raw);
  return JSON.stringify(raw);
}
const crash = (cluster: string, change?: (raw: any) => void) =>
  moved('task', 'synthetic-task-crashed-exit1-sidecar143', 'test', cluster, change);

describe('the worked policy, through the Lambda handler', () => {
  let webhooks: ScriptedServer;
  let slack: FakeSlackApi;
  beforeAll(async () => {
    webhooks = await startScriptedServer([{ status: 200, body: 'ok' }]);
    slack = await startFakeSlackApi();
  });
  afterAll(async () => {
    await webhooks.close();
    await slack.close();
  });

  const texts = (path: string) =>
    webhooks.requests.filter((r) => r.path === path).map((r) => JSON.parse(r.body) as { text: string; blocks: any[] });

  it('pages #ops for production errors, keeps staging quiet, folds the batch cluster for a day, and silences a migration', async () => {
    let now = Date.parse('2026-11-20T13:00:00Z');
    const store = new MemoryStateStore();
    const handler = createHandler({
      policy: policies[0]!,
      env: { STAGING_WEBHOOK_URL: `${webhooks.origin}/staging` },
      resolveSecret: async (ref) =>
        ref.source === 'secrets-manager' && ref.secretId === 'prod/ecs-slack/ops-webhook'
          ? JSON.stringify({ url: `${webhooks.origin}/ops` })
          : '',
      webApi: { client: new WebClient('xoxb-docs', { slackApiUrl: slack.url, retryConfig: { retries: 0 } }) },
      store,
      clock: () => now,
      flushIntervalSeconds: false,
      logger: () => undefined,
    });
    const invoke = async (...bodies: string[]) =>
      expect(await handler(sqsEvent(bodies))).toEqual({ batchItemFailures: [] });

    // prod-errors: the seed alert in a prod cluster pages on-call in #ops.
    await invoke(fixtureText('service', 'service-task-start-impaired').replaceAll('catalogue-2023-03-09', 'prod-eu'));
    const [impaired] = texts('/ops');
    expect(impaired?.text).toBe(
      '<!subteam^S0ONCALL1> image_inferrer is unable to consistently start tasks successfully',
    );
    expect(impaired?.blocks[0].text.text).toBe(':rotating_light: image_inferrer: unable to start tasks');
    // A placement failure is lowered to a warning: #ops by the default route, no page, a :warning: header.
    await invoke(moved('service', 'docs-service-task-placement-failure-ec2-cpu', 'default', 'prod-eu'));
    const placement = texts('/ops')[1];
    expect(placement?.text).not.toContain('subteam');
    expect(placement?.blocks[0].text.text).toMatch(/^:warning: servicetest: /);

    // staging-quiet: a warning goes nowhere, an error goes to #staging.
    await invoke(
      moved('task', 'synthetic-task-spot-warning', 'DemoTrafficGen01-ClusterEB0386A7-sCRgDrfn5BP9', 'staging-eu'),
      crash('staging-eu'),
    );
    expect(texts('/staging').map((m) => m.text)).toEqual([expect.stringMatching(/^app exited with code 1/)]);

    // batch-daily: the first failure of a job, then its repeats as one digest after 24 hours.
    const job = (n: number) =>
      crash('batch', (raw) => {
        raw.id = `job-${n}`;
        raw.detail.taskArn = `${raw.detail.taskArn.slice(0, -4)}${String(n).padStart(4, '0')}`;
        raw.detail.group = 'family:nightly-report';
        delete raw.detail.startedBy;
      });
    await invoke(job(1), job(2), job(3));
    expect(slack.channelMessages().map((m) => m.payload.text)).toEqual([
      expect.stringMatching(/^app exited with code 1/),
    ]);
    now += 86_400_000 + 1000;
    await handler({ source: 'aws.events', 'detail-type': 'Scheduled Event', detail: {} });
    expect(slack.channelMessages().map((m) => m.payload.text)).toEqual([
      expect.stringMatching(/^app exited with code 1/),
      expect.stringMatching(/^app crashed 2 more times in the last \d+ min; last exit 1$/),
    ]);

    // A silence during a migration: checkout's error is not posted; when it ends, #ops hears of it once.
    const silences = createSilences({ store });
    const silence = await silences.add(
      {
        match: { service: 'checkout' },
        author: 'ana',
        reason: 'database migration',
        endsAt: new Date(now + 7_200_000).toISOString(),
      },
      now,
    );
    now += 30_000; // a new silence acts within 30 seconds (the handler reads silences at most that often)
    const before = texts('/ops').length;
    await invoke(crash('prod-eu', (raw) => (raw.detail.group = 'service:checkout')));
    expect(texts('/ops')).toHaveLength(before);
    now += 7_200_000;
    await handler({ source: 'aws.events', 'detail-type': 'Scheduled Event', detail: {} });
    expect(
      texts('/ops')
        .slice(before)
        .map((m) => m.text),
    ).toEqual(['checkout: 1 event silenced by ana from 13:00 to 15:00 UTC: database migration']);
    expect(silence.author).toBe('ana');
  });
});
