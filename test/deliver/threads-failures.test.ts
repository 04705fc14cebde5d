/**
 * Deployment threads when the store or Slack fails: nothing counted is lost to a failed write, a
 * card Slack can no longer edit does not hold back alerts, and a card is not posted twice
 * because one store write failed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryStateStore } from '../../src/state/index.js';
import { classify, createPipeline, createWebApiSender, parseEcsEvent, type PipelineResult } from '../../src/index.js';
import { deploymentScenario } from '../helpers/deployment-scenario.js';
import { startFakeSlackApi, type FakeSlackApi } from '../helpers/slack-api.js';
import { T0, cardFields, failingStore, localClient, observeScenario, threadsOn } from './threads-harness.js';

let slack: FakeSlackApi;
beforeEach(async () => {
  slack = await startFakeSlackApi();
});
afterEach(async () => {
  await slack.close();
});

const card = () => cardFields(slack.channelMessages()[0]);
const scenarioEvent = (i: number) => parseEcsEvent(deploymentScenario()[i]!);
const changes = (call: { args: unknown }, field: string) => JSON.stringify(call.args).includes(`"${field}"`);

describe('a store write that fails after the change was claimed', () => {
  it('the completion is applied when the event is retried', async () => {
    const store = failingStore(
      new MemoryStateStore(),
      (call) => call.op === 'update' && call.scope.startsWith('thread#') && changes(call, 'completed'),
    );
    const threads = threadsOn(slack.url, store);
    await observeScenario(threads, [0, 1, 2, 3, 4, 5, 6, 7]);
    const completed = scenarioEvent(8);
    await expect(threads.observe(completed, classify(completed), T0)).rejects.toMatchObject({
      name: 'StateStoreError',
    });
    expect(store.failures).toBe(1);
    await threads.observe(completed, classify(completed), T0 + 1000);
    expect(card()).toMatchObject({ State: 'completed', 'Tasks started': '3', 'Tasks failed': '2' });
  });

  it('a task start is counted when the event is retried', async () => {
    const store = failingStore(
      new MemoryStateStore(),
      (call) =>
        call.op === 'update' &&
        call.scope.startsWith('thread#') &&
        changes(call, 'started') &&
        JSON.stringify(call.args).includes('"add":{"revision":1,"started":1}'),
    );
    const threads = threadsOn(slack.url, store);
    await observeScenario(threads, [0]);
    const running = scenarioEvent(1);
    await expect(threads.observe(running, classify(running), T0)).rejects.toMatchObject({ name: 'StateStoreError' });
    await threads.observe(running, classify(running), T0 + 1000);
    await threads.observe(running, classify(running), T0 + 2000);
    expect(card()['Tasks started']).toBe('1');
  });
});

describe('a card Slack can no longer edit', () => {
  it('once the card was deleted, the deployment alerts in the channel instead of failing forever', async () => {
    const pipeline = createPipeline({
      sender: createWebApiSender({ client: localClient(slack.url), channel: 'C0FAKE0001' }),
      logger: () => undefined,
      clock: () => T0,
    });
    const [first, ...rest] = deploymentScenario();
    await pipeline.handle(parseEcsEvent(first!));
    slack.messages.splice(0, slack.messages.length); // someone deleted the card
    const callsBefore = slack.calls.length;
    const results: PipelineResult[] = [];
    for (const raw of rest) results.push(await pipeline.handle(parseEcsEvent(raw)));
    expect(results.map((r) => r.status)).not.toContain('failed');
    const texts = slack.channelMessages().map((m) => m.payload.text);
    expect(texts).toEqual([
      'app exited with code 1 (application error) and task aaaaaaaa of example-service stopped',
      expect.stringMatching(/is rolling back to ecs-svc\/5172139016543851234/),
      expect.stringMatching(/deployment ecs-svc\/6177963417134325488 of example-service completed$/),
    ]);
    // The card is given up after the first refusal: no edit is tried again.
    expect(slack.calls.slice(callsBefore).filter((c) => c.method === 'chat.update')).toHaveLength(1);
  });

  it('a retryable failure of the edit still fails the event, and its retry edits the card', async () => {
    const threads = threadsOn(slack.url, new MemoryStateStore());
    await observeScenario(threads, [0]);
    slack.failCall(slack.calls.length, 500);
    const running = scenarioEvent(1);
    await expect(threads.observe(running, classify(running), T0)).rejects.toMatchObject({
      name: 'DeliveryError',
      retryable: true,
    });
    const thread = await threads.observe(running, classify(running), T0 + 1000);
    expect(thread?.ts).toBe(slack.channelMessages()[0]!.ts);
    expect(card()['Tasks started']).toBe('1');
  });
});

describe('a store write that fails right after the card was posted', () => {
  it('is tried again, so a retry after the lease does not post a second card', async () => {
    const store = failingStore(
      new MemoryStateStore(),
      (call) => call.op === 'update' && JSON.stringify(call.args).includes('"phase":"posted"'),
    );
    const threads = threadsOn(slack.url, store);
    await observeScenario(threads, [0]);
    expect(store.failures).toBe(1);
    await observeScenario(threads, [0, 1], T0 + 120_000);
    expect(slack.channelMessages()).toHaveLength(1);
    expect(card()['Tasks started']).toBe('1');
  });
});
