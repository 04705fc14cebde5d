import { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWebApiSender } from '../../src/deliver/web-api.js';
import { parseEcsEvent } from '../../src/parse/index.js';
import { createPipeline, type PipelineLogEntry } from '../../src/pipeline/index.js';
import { loadFixture } from '../helpers/fixtures.js';
import { type FakeSlackApi, startFakeSlackApi } from '../helpers/slack-api.js';

const T0 = Date.parse('2026-11-20T09:00:00Z');
const SERVICES = ['checkout', 'cart', 'search', 'payments', 'profile'];
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** A task of `service` in cluster `prod` that crashed (exit 1), at `at`. */
function crash(service: string, n: number, at: number): Record<string, any> {
  const event = structuredClone(loadFixture('task', 'synthetic-task-crashed-exit1-sidecar143')) as Record<string, any>;
  const taskArn = `arn:aws:ecs:${event.region}:${event.account}:task/prod/${hex(n, 32)}`;
  event.id = `c4a5e000-0000-4000-8000-${hex(n, 12)}`;
  event.time = new Date(at).toISOString();
  event.resources = [taskArn];
  event.detail.clusterArn = `arn:aws:ecs:${event.region}:${event.account}:cluster/prod`;
  event.detail.taskArn = taskArn;
  event.detail.group = `service:${service}`;
  event.detail.startedBy = `ecs-svc/${1000 + n}`;
  event.detail.stoppedAt = event.time;
  event.detail.updatedAt = event.time;
  for (const container of event.detail.containers ?? []) container.taskArn = taskArn;
  return event;
}

/** `service` of cluster `prod` back in a steady state, at `at`. */
function steady(service: string, n: number, at: number, like: Record<string, any>): Record<string, any> {
  const event = structuredClone(loadFixture('service', 'docs-service-steady-state')) as Record<string, any>;
  event.id = `5eadf000-0000-4000-8000-${hex(n, 12)}`;
  event.account = like.account;
  event.region = like.region;
  event.time = new Date(at).toISOString();
  event.resources = [`arn:aws:ecs:${like.region}:${like.account}:service/prod/${service}`];
  event.detail.clusterArn = like.detail.clusterArn;
  event.detail.createdAt = event.time;
  return event;
}

let slack: FakeSlackApi;
beforeEach(async () => {
  slack = await startFakeSlackApi();
});
afterEach(async () => {
  await slack.close();
});

describe('an incident with the Web API sender (a real WebClient against a loopback Slack API)', () => {
  it('posts the first alert at once, the grouped message when a second service joins, then updates that message in place', async () => {
    let t = T0;
    const now = () => t;
    const sleep = async (ms: number) => {
      t += ms;
    };
    const logs: PipelineLogEntry[] = [];
    const client = new WebClient('xoxb-test-token', { slackApiUrl: slack.url, retryConfig: { retries: 0 } });
    const pipeline = createPipeline({
      sender: createWebApiSender({ client, channel: 'C0FAKE0001' }),
      filter: { preset: 'alerts' },
      // Grouping, pacing and deployment threads as by default (the pace on the simulated clock):
      // while alerts are grouped, a task failure outside a rollout opens no deployment card.
      pace: { now, sleep },
      silences: false,
      clock: now,
      logger: (entry) => logs.push(entry),
    });
    const posts = () => slack.calls.filter((c) => c.method === 'chat.postMessage');
    const updates = () => slack.calls.filter((c) => c.method === 'chat.update');

    const crashes = SERVICES.map((service, i) => crash(service, i, T0 + i * 2000));
    t = T0;
    expect((await pipeline.handle(parseEcsEvent(crashes[0]))).status).toBe('sent');
    // The first alert is out at once, on its own.
    expect(posts()).toHaveLength(1);
    expect(slack.channelMessages()[0]!.payload.text).toContain('checkout');

    t = T0 + 2000;
    expect((await pipeline.handle(parseEcsEvent(crashes[1]))).status).toBe('suppressed');
    // The second service opens the grouped message, posted at once.
    expect(posts()).toHaveLength(2);
    expect(updates()).toHaveLength(0);
    const grouped = slack.channelMessages()[1]!;
    expect(grouped.payload.text).toContain('prod: 1 more service');
    for (const service of SERVICES.slice(0, 2)) expect(JSON.stringify(grouped.payload)).toContain(service);

    for (let i = 2; i < SERVICES.length; i++) {
      t = T0 + i * 2000;
      expect((await pipeline.handle(parseEcsEvent(crashes[i]))).status).toBe('suppressed');
      // Each joining service edits the grouped message; nothing new is posted.
      expect(posts()).toHaveLength(2);
      expect(updates()).toHaveLength(i - 1);
      expect(updates().at(-1)!.args.ts).toBe(grouped.ts);
      const shown = JSON.stringify(grouped.payload);
      for (const service of SERVICES.slice(0, i + 1)) expect(shown).toContain(service);
      expect(grouped.payload.text).toContain(`prod: ${i} more services`);
    }
    expect(grouped.edits).toBe(SERVICES.length - 2);

    // Recoveries are recorded on the incident and shown on its grouped message, not posted one by one.
    const recovering = SERVICES.slice(0, 3);
    for (const [i, service] of recovering.entries()) {
      t = T0 + 60_000 + i * 2000;
      const result = await pipeline.handle(parseEcsEvent(steady(service, i, t, crashes[0]!)));
      expect(result.status).toBe('suppressed');
      expect(updates().at(-1)!.args.ts).toBe(grouped.ts);
      expect(grouped.payload.text).toContain(`${i + 1} recovered: ${recovering.slice(0, i + 1).join(', ')}`);
    }
    expect(logs.filter((l) => l.reason === 'grouped')).toHaveLength(SERVICES.length - 1 + recovering.length);

    // Flushes after every window: the grouped message showed everything, nothing more goes out.
    for (const minutes of [1, 5, 11]) {
      t = T0 + minutes * 60_000;
      for (const result of await pipeline.flush()) expect(result.status).not.toBe('failed');
    }
    expect(posts()).toHaveLength(2);
    expect(updates()).toHaveLength(SERVICES.length - 2 + recovering.length);
    expect(slack.calls.every((c) => c.status === 200)).toBe(true);
  });
});
