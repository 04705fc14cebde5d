import { toReceipt } from '../../src/filter/receipt.js';
import { describe, expect, it } from 'vitest';
import {
  AMAZON_Q_LIMITS,
  renderAmazonQ,
  renderAmazonQDecision,
  renderAmazonQDigest,
} from '../../src/amazon-q/index.js';
import { classify, parseEcsEvent, type EcsEvent } from '../../src/index.js';
import { digestSummary } from '../../src/slack.js';
import { CHECKED_LIMITS, notificationProblems } from '../helpers/amazon-q-schema.js';
import { notificationSafetyProblems } from '../helpers/client-markdown.js';
import { allFixtures, loadFixture, parsedFixture } from '../helpers/fixtures.js';

const classified = (event: EcsEvent) => ({ event, classification: classify(event) });
const notify = (event: EcsEvent, recovery = false) =>
  ({ action: 'notify', classification: classify(event), recovery, receipt: toReceipt({ claims: [] }) }) as const;

describe('every fixture event', () => {
  it.each(allFixtures().map((f) => [`${f.kind}/${f.name}`, f] as const))(
    '%s renders to a valid, safe notification',
    (_, fixture) => {
      const notification = renderAmazonQ(parseEcsEvent(fixture.event));
      expect(notificationProblems(notification)).toEqual([]);
      expect(notificationSafetyProblems(notification)).toEqual([]);
      expect(notification.metadata.summary).toBe(renderAmazonQ(parseEcsEvent(fixture.event)).metadata.summary);
    },
  );

  it('keeps to the limits the schema check was written with', () => {
    expect(AMAZON_Q_LIMITS).toEqual(CHECKED_LIMITS);
  });
});

describe('what a notification says', () => {
  const oom = parsedFixture('task', 'synthetic-task-oom-exit137');
  const n = renderAmazonQ(oom);

  it('has the Slack title and summary, the culprit and reason in the description, the hint as next step', () => {
    const c = classify(oom);
    expect(n).toMatchObject({ version: '1.0', source: 'custom', id: oom.id, content: { textType: 'client-markdown' } });
    expect(n.content.title).toBe(':rotating_light: example-api-v1: out of memory');
    expect(n.metadata.summary).toBe(c.summary);
    expect(n.content.description.startsWith(c.summary)).toBe(true);
    expect(n.content.description).toContain('**Container** `app` exit **137** (killed by SIGKILL)');
    expect(n.content.description).toContain(
      '**Reason**\n```\nOutOfMemoryError: Container killed due to memory usage\n```',
    );
    expect(n.content.nextSteps).toEqual([`${c.hint?.fix} [AWS docs](${c.hint?.docsUrl})`]);
  });

  it('links the console as markdown links, with times in UTC and no Slack syntax', () => {
    expect(n.content.description).toContain(
      `**Task:** [${classify(oom).identity.taskId}](${classify(oom).links.task})`,
    );
    expect(n.content.description).toContain(`[Service events](${classify(oom).links.serviceEvents})`);
    expect(n.content.description).toContain('2020-03-16 15:37 UTC');
    expect(JSON.stringify(n)).not.toMatch(/<https?:|<!date|<!|<@/);
  });

  it('has keywords for cluster, service, outcome and severity, and metadata for custom actions', () => {
    expect(n.content.keywords).toEqual(['test', 'example-api-v1', 'out-of-memory', 'error']);
    expect(n.metadata).toMatchObject({
      eventType: 'ECS Task State Change',
      additionalContext: {
        kind: 'task',
        outcome: 'out-of-memory',
        severity: 'error',
        cluster: 'test',
        container: 'app',
        exitCode: '137',
      },
    });
    expect(n.metadata.relatedResources).toContain(classify(oom).identity.taskArn);
  });

  it('takes the title, extra fields and log link of the render options, and pings nobody', () => {
    const custom = renderAmazonQ(oom, {
      title: 'Payments: OOM',
      fields: [{ label: 'Team', value: 'payments @here' }],
      logLink: () => ({ url: 'https://logs.example.com/a?b=(c)', label: 'Logs' }),
      mentions: { error: ['channel', { userGroup: 'S0123ABCD' }] },
    });
    expect(custom.content.title).toBe(':rotating_light: Payments: OOM');
    expect(custom.content.description).toContain('**Team:** payments ＠here');
    expect(custom.content.description).toContain('[Logs](https://logs.example.com/a?b=%28c%29)');
    expect(JSON.stringify(custom)).not.toMatch(/subteam|!channel|S0123ABCD/);
    expect(notificationSafetyProblems(custom, /^https:\/\/logs\.example\.com\//)).toEqual([]);
  });
});

describe('threads group what Slack groups', () => {
  it('a task and the deployment that started it share the deployment id', () => {
    const task = renderAmazonQ(parsedFixture('task', 'synthetic-task-oom-exit137'));
    const deployment = parsedFixture('deployment', 'docs-deployment-failed');
    expect(task.metadata.threadId).toBe('ecs-svc/9300480928766973637');
    expect(renderAmazonQ(deployment).metadata.threadId).toBe(classify(deployment).identity.deploymentId);
  });

  it('repeats of one incident share a thread with their digest; another incident gets another', () => {
    const first = parsedFixture('service', 'service-task-start-impaired');
    const repeat = parsedFixture('service', 'service-task-start-impaired', (raw) => {
      raw.id = 'another-delivery';
      raw.time = '2023-04-07T07:32:50Z';
    });
    const thread = renderAmazonQ(first).metadata.threadId;
    expect(thread).toMatch(/^incident-[0-9a-f]{16}$/);
    expect(renderAmazonQ(repeat).metadata.threadId).toBe(thread);
    const digest = renderAmazonQDigest({
      count: 3,
      since: '2023-04-07T07:22:50Z',
      until: '2023-04-07T07:32:50Z',
      latest: classified(repeat),
    });
    expect(digest.metadata.threadId).toBe(thread);
    const elsewhere = parsedFixture('service', 'service-task-start-impaired', (raw) => {
      raw.region = 'us-east-1';
    });
    expect(renderAmazonQ(elsewhere).metadata.threadId).not.toBe(thread);
  });

  it('routine news outside a deployment is not threaded', () => {
    expect(
      renderAmazonQ(parsedFixture('container-instance', 'docs-container-instance-active')).metadata.threadId,
    ).toBeUndefined();
  });
});

describe('digests, recoveries and decisions', () => {
  const crash = parsedFixture('task', 'synthetic-task-crashed-exit1-sidecar143');
  const digest = { count: 14, since: '2020-03-16T15:30:00Z', until: '2020-03-16T15:39:30Z', latest: classified(crash) };

  it('a digest says how often, since when, and what to do, with an id of its own', () => {
    const n = renderAmazonQDigest(digest);
    expect(n.content.title).toBe(':rotating_light: example-api-v1: task crashed, 14 more times');
    expect(n.metadata.summary).toBe(digestSummary(digest));
    expect(n.metadata.eventType).toBe('ECS Task State Change digest');
    expect(n.content.description).toContain(
      '**Repeats:** 14 · **Since:** 2020-03-16 15:30 UTC · **Latest:** 2020-03-16 15:39 UTC',
    );
    expect(n.content.description).toContain('**Latest reason**');
    expect(n.id).toMatch(/^digest-[0-9a-f]{16}$/);
    expect(renderAmazonQDigest({ ...digest, count: 15 }).id).not.toBe(n.id);
    expect(notificationProblems(n)).toEqual([]);
    expect(renderAmazonQDecision({ action: 'digest', digest, receipt: toReceipt({ claims: [] }) }, undefined)).toEqual(
      n,
    );
  });

  it('a recovery is titled "<service>: recovered" unless a title is set', () => {
    const steady = parsedFixture('service', 'docs-service-steady-state');
    const service = classify(steady).identity.service;
    expect(renderAmazonQDecision(notify(steady, true), steady).content.title).toBe(
      `:white_circle: ${service}: recovered`,
    );
    expect(renderAmazonQDecision(notify(steady, true), steady, { title: 'Back' }).content.title).toBe(
      ':white_circle: Back',
    );
    expect(renderAmazonQDecision(notify(crash), crash)).toEqual(renderAmazonQ(crash));
  });

  it('refuses what only a mistake in the calling code passes', () => {
    expect(() => renderAmazonQDecision(notify(crash), undefined)).toThrow(TypeError);
    expect(() => renderAmazonQ(loadFixture('task', 'synthetic-task-oom-exit137') as never)).toThrow(
      /renderAmazonQ: expected a parsed EcsEvent/,
    );
    expect(() => renderAmazonQ(crash, classify(crash) as never)).toThrow(
      /renderAmazonQ: the second argument is the options; pass a classification inside them/,
    );
    expect(renderAmazonQ(crash, { classification: { ...classify(crash), severity: 'info' } }).content.title).toMatch(
      /^:white_circle: /,
    );
  });
});

describe('size', () => {
  it('a 20,000-character reason and 200-character names stay within every limit', () => {
    const event = parsedFixture('task', 'synthetic-task-crashed-exit1-sidecar143', (raw) => {
      raw.detail.stoppedReason = `Essential container in task exited: ${'<&>'.repeat(7000)}`;
      raw.detail.group = `service:${'s'.repeat(200)}`;
      raw.detail.containers[1].name = 'c'.repeat(400);
    });
    const n = renderAmazonQ(event);
    expect(notificationProblems(n)).toEqual([]);
    expect(n.content.title.endsWith('…')).toBe(true);
    expect(n.content.description).toMatch(/…\n```/);
    // The culprit's name is an identifier: the line is left out rather than cut.
    expect(n.content.description).not.toContain('**Container**');
  });

  it('identifiers are never cut: a task id too long to show leaves the fact out', () => {
    const id = 'f'.repeat(2500);
    const event = parsedFixture('task', 'synthetic-task-crashed-exit1-sidecar143', (raw) => {
      raw.detail.taskArn = `arn:aws:ecs:eu-central-1:111111111111:task/test/${id}`;
      raw.resources = [raw.detail.taskArn];
    });
    const n = renderAmazonQ(event);
    expect(notificationProblems(n)).toEqual([]);
    expect(n.content.description).not.toContain('fff…');
    expect(n.content.description).not.toContain('**Task:**');
    expect(n.metadata.relatedResources ?? []).not.toContain(classify(event).identity.taskArn);
  });
});
