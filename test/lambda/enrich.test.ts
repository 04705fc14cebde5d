/**
 * createHandler({ enrich }): `true`, enricher options, or ECS_SLACK_ENRICH=true; the SDK clients
 * the enricher creates find the loopback AWS through AWS_ENDPOINT_URL_ECS and
 * AWS_ENDPOINT_URL_CLOUDWATCH_LOGS, as they would find AWS. A hanging AWS during an invocation
 * never keeps the alert past the deadline.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../../src/index.js';
import { createHandler, ENVIRONMENT } from '../../src/lambda/index.js';
import type { AwsJsonServer } from '../helpers/aws-json-server.js';
import { sqsEvent } from '../helpers/lambda.js';
import { startScriptedServer, type ScriptedServer } from '../helpers/slack-server.js';
import { CRASH, CRASH_GROUP, CRASH_STREAM, HOSTILE_LOG, startFakeAws, type FakeAwsOptions } from '../aws/harness.js';
import { fixtureText, loadFixture } from '../helpers/fixtures.js';

let aws: AwsJsonServer | undefined;
let slack: ScriptedServer | undefined;
afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all([aws?.close(), slack?.close()]);
  aws = undefined;
  slack = undefined;
});

/** A loopback AWS the SDK's standard configuration points at, and a loopback webhook. */
async function setUp(fake: FakeAwsOptions = {}) {
  aws = await startFakeAws({ streams: { [`${CRASH_GROUP} ${CRASH_STREAM}`]: HOSTILE_LOG }, ...fake });
  slack = await startScriptedServer([{ status: 200, body: 'ok' }]);
  vi.stubEnv('AWS_ENDPOINT_URL_ECS', aws.origin);
  vi.stubEnv('AWS_ENDPOINT_URL_CLOUDWATCH_LOGS', aws.origin);
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDENVLOOPBACK');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'env-loopback-secret');
  vi.stubEnv('AWS_SESSION_TOKEN', '');
  return { aws, slack, webhookUrl: `${slack.origin}/services/T000/B000/XXXX` };
}

/** Lambda's context with this much time left. */
const context = (remainingMs: number) => {
  const end = Date.now() + remainingMs;
  return { getRemainingTimeInMillis: () => end - Date.now() };
};

describe('createHandler({ enrich })', () => {
  it('enrich: true puts the crashed container’s last lines in the alert, from the SDK’s standard configuration', async () => {
    const { aws, slack, webhookUrl } = await setUp();
    const handler = createHandler({ webhookUrl, enrich: true, logger: () => undefined });
    await handler(loadFixture('task', CRASH), context(10_000));
    expect(slack.requests).toHaveLength(1);
    expect(slack.requests[0]?.body).toContain('panic: runtime error: index out of range [3] with length 3');
    expect(aws.calls.map((call) => call.operation)).toEqual(['DescribeTaskDefinition', 'GetLogEvents']);
  });

  it('ECS_SLACK_ENRICH=true turns it on; enrich: false keeps it off whatever the environment says', async () => {
    const { aws, slack, webhookUrl } = await setUp();
    const env = { [ENVIRONMENT.enrich]: 'true' };
    await createHandler({ webhookUrl, env, logger: () => undefined })(loadFixture('task', CRASH));
    expect(slack.requests.at(-1)?.body).toContain('Last 8 log lines');
    const calls = aws.calls.length;
    await createHandler({ webhookUrl, env, enrich: false, logger: () => undefined })(loadFixture('task', CRASH));
    expect(slack.requests).toHaveLength(2);
    expect(slack.requests.at(-1)?.body).not.toContain('log lines');
    expect(aws.calls.length).toBe(calls);
  });

  it('AWS hanging in a 3 s invocation: the alert is out before the deadline, with a timeout note', async () => {
    const { slack, webhookUrl } = await setUp({
      overrides: { DescribeTaskDefinition: () => 'hang', GetLogEvents: () => 'hang' },
    });
    // The enricher's own budget is far longer than the invocation: only the deadline bounds it.
    const handler = createHandler({
      webhookUrl,
      enrich: { budgetMs: 10_000, callTimeoutMs: 10_000 },
      logger: () => undefined,
    });
    const started = Date.now();
    // 3 s left, 1 s margin: the deadline is 2 s away, enrichment gets until 1 s before it.
    const response = await handler(sqsEvent([fixtureText('task', CRASH)]), context(3000));
    const took = Date.now() - started;
    expect(response.batchItemFailures).toEqual([]);
    expect(slack.requests).toHaveLength(1);
    expect(slack.requests[0]?.body).toContain('logs unavailable: timeout');
    expect(took).toBeGreaterThanOrEqual(900);
    expect(took).toBeLessThan(1700);
  });

  it('refuses a wrong enrich option or ECS_SLACK_ENRICH value when created, naming it', () => {
    const webhookUrl = 'https://hooks.slack.com/services/T000/B000/XXXX';
    expect(() => createHandler({ webhookUrl, enrich: 'yes' as never })).toThrow(
      'createHandler: options.enrich: expected true, false, createEnricher options or an enricher, got string',
    );
    expect(() => createHandler({ webhookUrl, enrich: { tailLines: 500 } })).toThrow(
      'createEnricher: tailLines must be an integer from 0 to 100',
    );
    expect(() => createHandler({ webhookUrl, env: { ECS_SLACK_ENRICH: 'yes' } })).toThrow(ConfigError);
    expect(() => createHandler({ webhookUrl, env: { ECS_SLACK_ENRICH: 'yes' } })).toThrow(
      'ECS_SLACK_ENRICH must be true or false',
    );
  });
});
