/**
 * The deployment-thread fixes on the DynamoDB store (dynalite: the real DynamoDB API on
 * 127.0.0.1), where every conditional write is a DynamoDB condition expression: late events,
 * failed writes, a deleted card, racing edits and tasks tallied before their card opened.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoDbStateStore } from '../../src/dynamodb/index.js';
import {
  classify,
  createPipeline,
  createWebApiSender,
  parseEcsEvent,
  type PipelineResult,
  type StateStore,
} from '../../src/index.js';
import { startDynalite, type Dynalite } from '../helpers/dynalite.js';
import { DEPLOYMENT_ID, deploymentScenario } from '../helpers/deployment-scenario.js';
import { startFakeSlackApi, type FakeSlackApi } from '../helpers/slack-api.js';
import {
  T0,
  cardFields,
  failingStore,
  localClient,
  observeScenario,
  startSlowSlackApi,
  threadsOn,
} from './threads-harness.js';

let dynalite: Dynalite;
let store: StateStore;
let slack: FakeSlackApi;
beforeAll(async () => {
  dynalite = await startDynalite();
});
afterAll(() => dynalite.close());
beforeEach(async () => {
  store = new DynamoDbStateStore({ client: dynalite.client, tableName: await dynalite.createTable() });
  slack = await startFakeSlackApi();
});
afterEach(async () => {
  await slack.close();
});

const cardOf = (deploymentId = DEPLOYMENT_ID) =>
  slack
    .channelMessages()
    .map(cardFields)
    .find((card) => card.Deployment === `\`${deploymentId}\``) ?? {};

describe('deployment threads on DynamoDB', () => {
  it('late deployment events do not undo the completion', async () => {
    await observeScenario(threadsOn(slack.url, store), [8, 0, 7, 1, 2, 3, 4, 5, 6]);
    expect(slack.channelMessages()).toHaveLength(1);
    expect(cardOf()).toMatchObject({
      State: 'completed',
      Started: String(Date.parse(deploymentScenario()[0]!.time) / 1000),
    });
  });

  it('a completion whose card write failed is applied when the event is retried', async () => {
    const flaky = failingStore(
      store,
      (call) =>
        call.op === 'update' && call.scope.startsWith('thread#') && JSON.stringify(call.args).includes('"completed"'),
    );
    const threads = threadsOn(slack.url, flaky);
    await observeScenario(threads, [0, 1, 2, 3, 4, 5, 6, 7]);
    await expect(observeScenario(threads, [8])).rejects.toMatchObject({ name: 'StateStoreError' });
    await observeScenario(threads, [8], T0 + 1000);
    expect(cardOf()).toMatchObject({ State: 'completed', 'Tasks started': '3', 'Tasks failed': '2' });
  });

  it('a deleted card lets the deployment alert in the channel', async () => {
    const pipeline = createPipeline({
      sender: createWebApiSender({ client: localClient(slack.url), channel: 'C0FAKE0001' }),
      store,
      logger: () => undefined,
      clock: () => T0,
    });
    const [first, ...rest] = deploymentScenario();
    await pipeline.handle(parseEcsEvent(first!));
    slack.messages.splice(0, slack.messages.length);
    const results: PipelineResult[] = [];
    for (const raw of rest) results.push(await pipeline.handle(parseEcsEvent(raw)));
    expect(results.map((r) => r.status)).not.toContain('failed');
    expect(slack.channelMessages().map((m) => m.payload.text)).toHaveLength(3);
  });

  it('an edit that lands after a newer one is followed by the newest revision', async () => {
    const slow = await startSlowSlackApi(slack.url);
    try {
      const [a, b] = [threadsOn(slow.url, store), threadsOn(slack.url, store)];
      await observeScenario(b, [0]);
      const held = slow.holdNextUpdate();
      const running = parseEcsEvent(deploymentScenario()[1]!);
      const first = a.observe(running, classify(running), T0);
      await held.arrived;
      await observeScenario(b, [2]);
      held.release();
      await first;
      expect(cardOf()['Tasks started']).toBe('2');
    } finally {
      await slow.close();
    }
  });

  it('tasks seen before their deployment was announced, while an older one was current, are counted', async () => {
    const threads = threadsOn(slack.url, store);
    const older = structuredClone(deploymentScenario()[0]!);
    older.id = 'older';
    older.detail.deploymentId = 'ecs-svc/1111111111111111111';
    older.detail.reason = 'ECS deployment ecs-svc/1111111111111111111 in progress.';
    const event = parseEcsEvent(older);
    await threads.observe(event, classify(event), T0);
    await observeScenario(threads, [1, 2, 4, 0, 5, 1]);
    expect(cardOf()).toMatchObject({ 'Tasks started': '3', 'Tasks failed': '1' });
  });

  it('a failed write of the posted card is tried again: one card', async () => {
    const flaky = failingStore(
      store,
      (call) => call.op === 'update' && JSON.stringify(call.args).includes('"phase":"posted"'),
    );
    const threads = threadsOn(slack.url, flaky);
    await observeScenario(threads, [0]);
    await observeScenario(threads, [0, 1], T0 + 120_000);
    expect(flaky.failures).toBe(1);
    expect(slack.channelMessages()).toHaveLength(1);
  });
});
