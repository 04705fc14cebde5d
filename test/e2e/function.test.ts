/**
 * End to end: `ecs-slack/function`, the handler the CDK construct and the Terraform module deploy,
 * configured by its environment alone. The real AWS SDK reads the secrets from a stand-in for
 * Secrets Manager on 127.0.0.1 and keeps state in dynalite; Slack is a local webhook or a local
 * Web API for a real `WebClient`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFunctionHandler } from '../../src/function/index.js';
import { ConfigError } from '../../src/index.js';
import { startDynaliteTable, type DynaliteTable } from '../helpers/dynalite.js';
import { loadFixture } from '../helpers/fixtures.js';
import { sqsEvent } from '../helpers/lambda.js';
import { startFakeSlackApi, type FakeSlackApi } from '../helpers/slack-api.js';
import { startScriptedServer, type RecordedRequest, type ScriptedServer } from '../helpers/slack-server.js';

const WEBHOOK_PATH = '/services/T0000/B0000/sEcReTwEbHoOk';
const TOKEN = 'xoxb-0000-function-test';

let aws: ScriptedServer;
let table: DynaliteTable;
let slackApi: FakeSlackApi;
const saved = { ...process.env };

const isSecretsManager = (request: RecordedRequest) =>
  request.headers['x-amz-target'] === 'secretsmanager.GetSecretValue';
const webhookPosts = () => aws.requests.filter((request) => !isSecretsManager(request));

beforeAll(async () => {
  aws = await startScriptedServer((request) => {
    if (!isSecretsManager(request)) return { status: 200, body: 'ok' };
    const { SecretId } = JSON.parse(request.body) as { SecretId: string };
    const values: Record<string, string> = { webhook: `${aws.origin}${WEBHOOK_PATH}`, bot: TOKEN };
    const SecretString = values[SecretId];
    if (SecretString === undefined) return { status: 400, body: '{"__type":"ResourceNotFoundException"}' };
    return {
      status: 200,
      headers: { 'content-type': 'application/x-amz-json-1.1' },
      body: JSON.stringify({ Name: SecretId, SecretString }),
    };
  });
  table = await startDynaliteTable();
  slackApi = await startFakeSlackApi();
  // The SDK clients the function makes read their endpoints, Region and credentials from here.
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_SECRETS_MANAGER: aws.origin,
    AWS_ENDPOINT_URL_DYNAMODB: table.server.endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'AKIDFAKEFAKEFAKE',
    AWS_SECRET_ACCESS_KEY: 'fake-secret-for-the-test',
  });
});

afterAll(async () => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  await Promise.all([aws.close(), table.close(), slackApi.close()]);
});

/** Runs the handler with its JSON log lines kept apart. */
async function quietly<T>(run: () => Promise<T>): Promise<{ result: T; logs: Array<Record<string, unknown>> }> {
  const log = console.log;
  const lines: string[] = [];
  console.log = (line: unknown) => lines.push(String(line));
  try {
    const result = await run();
    return { result, logs: lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
  } finally {
    console.log = log;
  }
}

const crash = () => JSON.stringify(loadFixture('task', 'task-stopped-essential-container-exited-fargate-sidecar'));

describe('ecs-slack/function', () => {
  it('webhook from a secret, state in the table: one alert across cold starts, the duplicate suppressed', async () => {
    const env = { SLACK_WEBHOOK_SECRET_ID: 'webhook', ECS_SLACK_TABLE: table.tableName, ECS_SLACK_PRESET: 'alerts' };
    const first = await quietly(() => createFunctionHandler(env)(sqsEvent([crash()])));
    expect(first.result).toEqual({ batchItemFailures: [] });
    expect(webhookPosts().map((request) => request.path)).toEqual([WEBHOOK_PATH]);
    // Another instance (a cold start) shares the table: the same event again is a duplicate.
    const second = await quietly(() => createFunctionHandler(env)(sqsEvent([crash()])));
    expect(second.result).toEqual({ batchItemFailures: [] });
    expect(second.logs).toMatchObject([{ msg: 'suppressed', reason: 'duplicate' }]);
    expect(webhookPosts()).toHaveLength(1);
    expect(JSON.stringify([first.logs, second.logs])).not.toContain('sEcReT');
  });

  it('a bot token from a secret posts to the channel with the Web API', async () => {
    const env = { SLACK_BOT_TOKEN_SECRET_ID: 'bot', SLACK_CHANNEL: 'C0123ABCD', SLACK_API_URL: slackApi.url };
    const { result } = await quietly(() => createFunctionHandler(env)(sqsEvent([crash()])));
    expect(result).toEqual({ batchItemFailures: [] });
    // The task's deployment gets its thread: the alert posted to the channel, the card kept up to date.
    expect(slackApi.calls[0]).toMatchObject({ method: 'chat.postMessage', args: { channel: 'C0123ABCD' } });
    expect(slackApi.calls.every((call) => call.authorization === `Bearer ${TOKEN}` && call.status === 200)).toBe(true);
  });

  it('says what is missing on the first invocation, and again until it is fixed', async () => {
    const handler = createFunctionHandler({ SLACK_BOT_TOKEN_SECRET_ID: 'bot' });
    for (let i = 0; i < 2; i++)
      await expect(handler(sqsEvent([crash()]))).rejects.toThrow(
        new ConfigError('SLACK_BOT_TOKEN_SECRET_ID is set without SLACK_CHANNEL'),
      );
    await expect(createFunctionHandler({ ECS_SLACK_PRESET: 'loud' })(sqsEvent([crash()]))).rejects.toThrow(
      /^ECS_SLACK_PRESET must be alerts, verbose, none/,
    );
    await expect(createFunctionHandler({})(sqsEvent([crash()]))).rejects.toThrow(/no Slack destination/);
  });
});
