/**
 * End to end: the lambda-sqs-threads example's handler, as built and published, against dynalite
 * (real DynamoDB API on 127.0.0.1) and a local server speaking Slack's chat.postMessage and
 * chat.update, through a whole deployment (start, 3 tasks running, 2 crashing, rollback,
 * complete), with a 429 and a 500 in the middle. Failed records are redelivered like SQS does,
 * until the queue is empty.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynaliteTable, type DynaliteTable } from '../helpers/dynalite.js';
import { DEPLOYMENT_ID, deploymentScenario } from '../helpers/deployment-scenario.js';
import { sqsEvent } from '../helpers/lambda.js';
import { startFakeSlackApi, type FakeSlackApi } from '../helpers/slack-api.js';
import { validateMessage } from '../helpers/block-kit.js';

let table: DynaliteTable;
let slack: FakeSlackApi;
let handler: (event: unknown) => Promise<{ batchItemFailures: Array<{ itemIdentifier: string }> } | undefined>;
const logs: string[] = [];

beforeAll(async () => {
  table = await startDynaliteTable();
  slack = await startFakeSlackApi();
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_DYNAMODB: table.server.endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'AKIDFAKEFAKEFAKE',
    AWS_SECRET_ACCESS_KEY: 'fake-secret-for-dynalite',
    STATE_TABLE: table.tableName,
    SLACK_BOT_TOKEN: 'xoxb-e2e-sEcReT-token',
    SLACK_CHANNEL: 'C0FAKE0001',
    SLACK_API_URL: slack.url,
  });
  const log = console.log;
  console.log = (line: unknown) => logs.push(String(line));
  try {
    // A computed specifier: the example imports the built package, which the type check of the
    // tests must not need (the examples are type-checked against the build separately).
    const example: string = new URL('../../examples/lambda-sqs-threads/handler.ts', import.meta.url).href;
    ({ handler } = (await import(example)) as never);
  } finally {
    console.log = log;
  }
});

afterAll(async () => {
  await slack.close();
  await table.close();
});

/** Delivers the messages as SQS would: in batches, redelivering reported failures, until none is left. */
async function drain(bodies: string[], batchSize = 3): Promise<{ invocations: number; redelivered: number }> {
  let queue = bodies;
  let invocations = 0;
  let redelivered = 0;
  const log = console.log;
  console.log = (line: unknown) => logs.push(String(line));
  try {
    while (queue.length > 0 && invocations < 50) {
      const next: string[] = [];
      for (let i = 0; i < queue.length; i += batchSize) {
        const batch = sqsEvent(queue.slice(i, i + batchSize));
        invocations++;
        const result = await handler(batch);
        const failed = new Set(result?.batchItemFailures.map((f) => f.itemIdentifier));
        batch.Records.forEach((record) => failed.has(record.messageId) && next.push(record.body));
      }
      redelivered += next.length;
      queue = next;
    }
  } finally {
    console.log = log;
  }
  return { invocations, redelivered };
}

describe('a whole deployment through the SQS + DynamoDB + threads example', () => {
  it('one card, updated in place, replies in its thread, nothing lost through a 429 and a 500', async () => {
    slack.failCall(3, 429);
    slack.failCall(6, 500);
    const { redelivered } = await drain(deploymentScenario().map((event) => JSON.stringify(event)));
    expect(redelivered).toBeGreaterThan(0);

    expect(slack.calls.filter((c) => c.status === 500)).toHaveLength(1);
    expect(slack.calls.filter((c) => c.status === 429)).toHaveLength(1);
    const channel = slack.channelMessages();
    expect(channel).toHaveLength(1);
    const card = channel[0]!;
    const cardJson = JSON.stringify(card.payload);
    expect(cardJson).toContain(DEPLOYMENT_ID);
    expect(cardJson).toContain('deployment completed');
    expect(cardJson).toContain('*Tasks started*\\n3');
    expect(cardJson).toContain('*Tasks failed*\\n2');
    expect(card.edits).toBeGreaterThanOrEqual(5);
    expect(validateMessage(card.payload as never)).toEqual([]);

    const replies = slack.replies(card.ts).map((m) => m.payload.text);
    expect(replies).toHaveLength(3);
    expect(replies[0]).toMatch(/^app exited with code 1 \(application error\)/);
    expect(replies[1]).toMatch(/is rolling back to ecs-svc\/5172139016543851234/);
    expect(replies[2]).toMatch(
      /recovered after deployment-rolling-back: deployment ecs-svc\/6177963417134325488 of example-service completed$/,
    );

    const entries = logs.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.filter((e) => e.msg === 'failed').length).toBeGreaterThan(0);
    expect(logs.join('\n')).not.toContain('sEcReT');
  }, 60_000);

  it('a redelivery of the whole deployment afterwards changes nothing', async () => {
    const snapshot = () => slack.messages.map((m) => ({ ts: m.ts, edits: m.edits, text: m.payload.text }));
    const before = snapshot();
    const calls = slack.calls.length;
    await drain(deploymentScenario().map((event) => JSON.stringify(event)));
    expect(snapshot()).toEqual(before);
    expect(slack.calls.length).toBe(calls);
  }, 60_000);
});
