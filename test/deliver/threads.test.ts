import { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryStateStore } from '../../src/state/index.js';
import {
  ThreadBusyError,
  classify,
  createDeploymentThreads,
  createPipeline,
  createWebApiSender,
  createWebhookSender,
  parseEcsEvent,
  type PipelineLogEntry,
} from '../../src/index.js';
import { validateMessage } from '../helpers/block-kit.js';
import { DEPLOYMENT_ID, deploymentScenario } from '../helpers/deployment-scenario.js';
import { loadFixture } from '../helpers/fixtures.js';
import { startFakeSlackApi, type FakeSlackApi } from '../helpers/slack-api.js';

let slack: FakeSlackApi;
beforeEach(async () => {
  slack = await startFakeSlackApi();
});
afterEach(async () => {
  await slack.close();
});

const client = () => new WebClient('xoxb-test-token', { slackApiUrl: slack.url, retryConfig: { retries: 0 } });
const T0 = Date.parse('2025-02-18T00:17:22Z');

function cardText(): string {
  const [card] = slack.channelMessages();
  return JSON.stringify(card?.payload);
}

describe('deployment threads through the pipeline', () => {
  it('one card per deployment, edited in place; problems, rollback and completion as replies', async () => {
    const logs: PipelineLogEntry[] = [];
    const pipeline = createPipeline({
      pace: false, // the subject is threads: no real waits at Slack's rate
      sender: createWebApiSender({ client: client(), channel: 'C0FAKE0001' }),
      logger: (e) => logs.push(e),
      clock: () => T0,
    });
    for (const raw of deploymentScenario()) {
      const result = await pipeline.handle(parseEcsEvent(raw));
      expect(result.status).not.toBe('failed');
    }
    expect(slack.channelMessages()).toHaveLength(1);
    const [card] = slack.channelMessages();
    expect(card!.edits).toBeGreaterThanOrEqual(6);
    expect(cardText()).toContain('deployment completed');
    expect(cardText()).toContain('*Tasks started*\\n3');
    expect(cardText()).toContain('*Tasks failed*\\n2');
    expect(validateMessage(card!.payload as never)).toEqual([]);
    const replies = slack.replies(card!.ts).map((m) => m.payload.text);
    expect(replies).toEqual([
      'app exited with code 1 (application error) and task aaaaaaaa of example-service stopped',
      'Deployment ecs-svc/6177963417134325488 of example-service is rolling back to ecs-svc/5172139016543851234: the circuit breaker tripped',
      // The completion right after a problem is announced as the recovery it is.
      'example-service recovered after deployment-rolling-back: deployment ecs-svc/6177963417134325488 of example-service completed',
    ]);
    expect(logs.filter((l) => l.msg === 'sent').map((l) => l.reason)).toEqual([
      'card',
      'thread-reply',
      'thread-reply',
      'thread-reply',
    ]);
    expect(logs.find((l) => l.reason === 'folded')).toBeDefined();
  });

  it('a service event during a rollout goes into the deployment’s thread; an error is broadcast to the channel', async () => {
    const logs: PipelineLogEntry[] = [];
    const pipeline = createPipeline({
      pace: false, // the subject is threads: no real waits at Slack's rate
      sender: createWebApiSender({ client: client(), channel: 'C0FAKE0001' }),
      logger: (e) => logs.push(e),
      clock: () => T0,
    });
    const [started] = deploymentScenario();
    await pipeline.handle(parseEcsEvent(started!));
    const impaired = JSON.parse(
      JSON.stringify(loadFixture('service', 'service-task-start-impaired'))
        .replaceAll('eu-west-1', 'ap-northeast-1')
        .replaceAll('760097843905', '999999999999')
        .replaceAll('catalogue-2023-03-09', 'example-cluster')
        .replaceAll('image_inferrer', 'example-service'),
    );
    await pipeline.handle(parseEcsEvent(impaired));
    const [card] = slack.channelMessages();
    expect(slack.replies(card!.ts).map((m) => m.payload.text)).toEqual([
      'example-service is unable to consistently start tasks successfully',
    ]);
    const post = slack.calls.filter((c) => c.method === 'chat.postMessage').at(-1)!;
    // The WebClient sends the form-encoded `reply_broadcast=true`.
    expect(post.args).toMatchObject({ thread_ts: card!.ts, reply_broadcast: 'true' });
    expect(logs.at(-1)).toMatchObject({ msg: 'sent', outcome: 'task-start-impaired', reason: 'thread-broadcast' });
    // Another service's event, or one after the deployment, goes to the channel as usual.
    const other = JSON.parse(JSON.stringify(impaired).replaceAll('example-service', 'other-service'));
    other.id = 'another-event';
    expect((await pipeline.handle(parseEcsEvent(other))).status).toBe('sent');
    expect(slack.calls.filter((c) => c.method === 'chat.postMessage').at(-1)!.args.thread_ts).toBeUndefined();
  });

  it('every update carries new block ids, and stays valid Block Kit', async () => {
    const pipeline = createPipeline({
      pace: false, // the subject is threads: no real waits at Slack's rate
      sender: createWebApiSender({ client: client(), channel: 'C0FAKE0001' }),
      logger: () => undefined,
      clock: () => T0,
    });
    for (const raw of deploymentScenario()) await pipeline.handle(parseEcsEvent(raw));
    const updates = slack.calls.filter((c) => c.method === 'chat.update');
    const ids = updates.map(
      (u) => JSON.stringify(u.args.attachments ?? u.args.blocks).match(/"block_id":"(deploy-\d+)-/)?.[1],
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('without grouping, a task event of a deployment nobody announced yet opens the card', async () => {
    const pipeline = createPipeline({
      pace: false, // the subject is threads: no real waits at Slack's rate
      sender: createWebApiSender({ client: client(), channel: 'C0FAKE0001' }),
      logger: () => undefined,
      clock: () => T0,
      group: false,
    });
    const [, running] = deploymentScenario();
    await pipeline.handle(parseEcsEvent(running!));
    expect(slack.channelMessages()).toHaveLength(1);
    expect(cardText()).toContain(DEPLOYMENT_ID);
    expect(cardText()).toContain('*Tasks started*\\n1');
  });

  it('while alerts are grouped (the default), only the rollout opens the card, from the tasks tallied before it', async () => {
    const logs: PipelineLogEntry[] = [];
    const pipeline = createPipeline({
      pace: false, // the subject is threads: no real waits at Slack's rate
      sender: createWebApiSender({ client: client(), channel: 'C0FAKE0001' }),
      logger: (e) => logs.push(e),
      clock: () => T0,
    });
    const [inProgress, running] = deploymentScenario();
    await pipeline.handle(parseEcsEvent(running!));
    // A task of a deployment nobody announced: no card (an outage would open one per service).
    expect(slack.channelMessages()).toHaveLength(0);
    await pipeline.handle(parseEcsEvent(inProgress!));
    expect(slack.channelMessages()).toHaveLength(1);
    expect(cardText()).toContain(DEPLOYMENT_ID);
    expect(cardText()).toContain('*Tasks started*\\n1');
    expect(logs.filter((e) => e.msg === 'failed')).toEqual([]);
  });

  it('after the deployment completed, its tasks alert in the channel as usual', async () => {
    let now = T0;
    const pipeline = createPipeline({
      pace: false, // the subject is threads: no real waits at Slack's rate
      sender: createWebApiSender({ client: client(), channel: 'C0FAKE0001' }),
      logger: () => undefined,
      clock: () => now,
    });
    for (const raw of deploymentScenario()) await pipeline.handle(parseEcsEvent(raw));
    const late = structuredClone(deploymentScenario()[5]!);
    late.id = 'late-crash';
    late.detail.taskArn = `${late.detail.taskArn.slice(0, late.detail.taskArn.lastIndexOf('/'))}/${'b'.repeat(32)}`;
    late.detail.containers[1].reason = 'a new reason';
    late.detail.containers[1].exitCode = 3;
    late.resources = [late.detail.taskArn];
    now = T0 + 3_600_000; // an hour later: a new incident, not a repeat
    await pipeline.handle(parseEcsEvent(late));
    expect(slack.channelMessages()).toHaveLength(2);
  });
});

describe('createDeploymentThreads', () => {
  it('needs a sender that can update messages', () => {
    expect(() =>
      createDeploymentThreads({
        sender: createWebhookSender({ url: 'https://hooks.slack.com/x' }),
        store: new MemoryStateStore(),
      }),
    ).toThrow(TypeError);
  });

  it('is idempotent: the same events observed twice count once', async () => {
    const threads = createDeploymentThreads({
      sender: createWebApiSender({ client: client(), channel: 'C0FAKE0001' }),
      store: new MemoryStateStore(),
    });
    for (const round of [1, 2]) {
      for (const raw of deploymentScenario()) {
        const event = parseEcsEvent(raw);
        await threads.observe(event, classify(event), T0 + round);
      }
    }
    expect(slack.channelMessages()).toHaveLength(1);
    expect(cardText()).toContain('*Tasks started*\\n3');
    expect(cardText()).toContain('*Tasks failed*\\n2');
  });

  it('two Lambdas racing on a new deployment post one card; the loser is told to retry', async () => {
    const store = new MemoryStateStore();
    const make = () =>
      createDeploymentThreads({ sender: createWebApiSender({ client: client(), channel: 'C0FAKE0001' }), store });
    const [first, second] = [make(), make()];
    const [started, running] = deploymentScenario();
    const a = parseEcsEvent(started!);
    const b = parseEcsEvent(running!);
    const results = await Promise.allSettled([first.observe(a, classify(a), T0), second.observe(b, classify(b), T0)]);
    expect(slack.channelMessages()).toHaveLength(1);
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(rejected.every((r) => (r as PromiseRejectedResult).reason instanceof ThreadBusyError)).toBe(true);
    // The retry succeeds once the card exists.
    if (rejected.length > 0) await second.observe(b, classify(b), T0 + 1000);
    expect(cardText()).toContain('*Tasks started*\\n1');
  });

  it('a card that could not be posted is posted by the retry', async () => {
    slack.failCall(0, 500);
    const threads = createDeploymentThreads({
      sender: createWebApiSender({ client: client(), channel: 'C0FAKE0001' }),
      store: new MemoryStateStore(),
    });
    const [started] = deploymentScenario();
    const event = parseEcsEvent(started!);
    await expect(threads.observe(event, classify(event), T0)).rejects.toMatchObject({ name: 'DeliveryError' });
    await threads.observe(event, classify(event), T0 + 1000);
    expect(slack.channelMessages()).toHaveLength(1);
  });
});

describe('cards for old deployments', () => {
  it('a task of a deployment known to have finished long ago alerts in the channel, without a card', async () => {
    let now = T0;
    const pipeline = createPipeline({
      pace: false, // the subject is threads: no real waits at Slack's rate
      sender: createWebApiSender({ client: client(), channel: 'C0FAKE0001' }),
      logger: () => undefined,
      clock: () => now,
    });
    for (const raw of deploymentScenario()) await pipeline.handle(parseEcsEvent(raw));
    now = T0 + 30 * 86_400_000; // a month later: the card itself has been forgotten
    const late = structuredClone(deploymentScenario()[5]!);
    late.id = 'month-later';
    late.detail.taskArn = `${late.detail.taskArn.slice(0, late.detail.taskArn.lastIndexOf('/'))}/${'c'.repeat(32)}`;
    late.resources = [late.detail.taskArn];
    await pipeline.handle(parseEcsEvent(late));
    expect(slack.channelMessages()).toHaveLength(2);
    expect(slack.channelMessages()[1]!.payload.text).toMatch(/^app exited with code 1/);
  });

  it('a task of an older deployment of the service, after a newer one started, opens no card', async () => {
    const store = new MemoryStateStore();
    const threads = createDeploymentThreads({
      sender: createWebApiSender({ client: client(), channel: 'C0FAKE0001' }),
      store,
    });
    const [started, running] = deploymentScenario();
    const newer = structuredClone(started!);
    newer.id = 'newer';
    newer.detail.deploymentId = 'ecs-svc/1111111111111111111';
    const n = parseEcsEvent(newer);
    await threads.observe(n, classify(n), T0);
    const old = parseEcsEvent(running!);
    expect(await threads.observe(old, classify(old), T0 + 1000)).toBeUndefined();
    expect(slack.channelMessages()).toHaveLength(1);
  });
});
