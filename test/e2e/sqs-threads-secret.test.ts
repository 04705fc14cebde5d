/**
 * The lambda-sqs-threads example reading its bot token from Secrets Manager (a local stand-in
 * speaking its JSON protocol on 127.0.0.1), as deployed by its CDK and Terraform definitions:
 * read once per cold start, a failed read retried with the record, the token never logged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynaliteTable, type DynaliteTable } from '../helpers/dynalite.js';
import { fixtureText } from '../helpers/fixtures.js';
import { sqsEvent } from '../helpers/lambda.js';
import { startFakeSlackApi, type FakeSlackApi } from '../helpers/slack-api.js';
import { startScriptedServer, type ScriptedServer } from '../helpers/slack-server.js';

const TOKEN = 'xoxb-from-the-sEcReT';
const SECRET_ID = 'ecs-slack/bot-token';

let table: DynaliteTable;
let slack: FakeSlackApi;
let secrets: ScriptedServer;
let handler: (event: unknown) => Promise<{ batchItemFailures: Array<{ itemIdentifier: string }> }>;
const logs: string[] = [];

beforeAll(async () => {
  table = await startDynaliteTable();
  slack = await startFakeSlackApi();
  // The first read fails (as when the secret has no value yet), every later one succeeds.
  secrets = await startScriptedServer((_request, index) =>
    index === 0
      ? {
          status: 400,
          headers: { 'content-type': 'application/x-amz-json-1.1' },
          body: '{"__type":"ResourceNotFoundException","message":"no value yet"}',
        }
      : {
          status: 200,
          headers: { 'content-type': 'application/x-amz-json-1.1' },
          body: JSON.stringify({ Name: SECRET_ID, SecretString: `${TOKEN}\n` }),
        },
  );
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_DYNAMODB: table.server.endpoint,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: secrets.origin,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'AKIDFAKEFAKEFAKE',
    AWS_SECRET_ACCESS_KEY: 'fake-secret-for-dynalite',
    STATE_TABLE: table.tableName,
    SLACK_BOT_TOKEN_SECRET_ID: SECRET_ID,
    SLACK_CHANNEL: 'C0FAKE0001',
    SLACK_API_URL: slack.url,
  });
  delete process.env.SLACK_BOT_TOKEN;
  // A computed specifier, as in sqs-threads.test.ts: the example imports the built package.
  const example: string = new URL('../../examples/lambda-sqs-threads/handler.ts', import.meta.url).href;
  ({ handler } = (await import(example)) as never);
});

afterAll(async () => {
  await Promise.all([slack.close(), secrets.close(), table.close()]);
});

async function invoke(event: unknown): Promise<string[]> {
  const log = console.log;
  console.log = (line: unknown) => logs.push(String(line));
  try {
    return (await handler(event)).batchItemFailures.map((f) => f.itemIdentifier);
  } finally {
    console.log = log;
  }
}

describe('the lambda-sqs-threads example with its token in Secrets Manager', () => {
  it('retries the record when the secret cannot be read, then posts with the token', async () => {
    const batch = sqsEvent([fixtureText('task', 'task-stopped-elb-health-check-failed-fargate')]);
    const id = batch.Records[0]!.messageId;

    expect(await invoke(batch)).toEqual([id]);
    expect(slack.calls).toHaveLength(0);

    expect(await invoke(batch)).toEqual([]);
    expect(secrets.requests).toHaveLength(2);
    expect(secrets.requests.map((r) => JSON.parse(r.body) as unknown)).toEqual([
      { SecretId: SECRET_ID },
      { SecretId: SECRET_ID },
    ]);
    expect(slack.calls.length).toBeGreaterThan(0);
    expect(slack.calls.every((call) => call.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(logs.join('\n')).not.toContain('sEcReT');
  });

  it('reads the secret once per cold start', async () => {
    const reads = secrets.requests.length;
    await invoke(sqsEvent([fixtureText('task', 'task-stopped-user-initiated-fargate-service-pv13')]));
    expect(secrets.requests).toHaveLength(reads);
  });
});
