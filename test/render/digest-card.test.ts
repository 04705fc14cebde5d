import { toReceipt } from '../../src/filter/receipt.js';
import { describe, expect, it } from 'vitest';
import { blockKitBuilderUrl, digestSummary, renderDeploymentCard } from '../../src/slack.js';
import { classify, parseEcsEvent, renderDecision, renderDigest, renderMessage } from '../../src/index.js';
import { loadFixture } from '../helpers/fixtures.js';
import { expectSafe } from './helpers.js';

const latest = (name: string) => {
  const event = parseEcsEvent(loadFixture('task', name));
  return { event, classification: classify(event) };
};

describe('digest', () => {
  it('says how many more times, over what window, and the last exit', () => {
    const digest = {
      count: 14,
      since: '2020-03-16T15:30:00Z',
      until: '2020-03-16T15:39:30Z',
      latest: latest('synthetic-task-crashed-exit1-sidecar143'),
    };
    expect(digestSummary(digest)).toBe('app crashed 14 more times in the last 10 min; last exit 1');
    const message = renderDigest(digest);
    expectSafe(message);
    expect(message.text).toBe('app crashed 14 more times in the last 10 min; last exit 1');
    expect(JSON.stringify(message)).toContain('*Repeats*\\n14');
  });

  it('reads well for one repeat and for outcomes without an exit code', () => {
    const digest = {
      count: 1,
      since: '2020-03-16T15:30:00Z',
      until: '2020-03-16T15:30:20Z',
      latest: latest('synthetic-task-pull-not-found'),
    };
    expect(digestSummary(digest)).toBe('app failed to start once more in the last 1 min');
  });

  it('is titled like the messages it folds: a standalone task by its family, without "family:"', () => {
    const folded = latest('task-stopped-ec2-standalone-exit0-no-stopcode');
    const digest = { count: 3, since: '2020-03-16T15:30:00Z', until: '2020-03-16T15:39:30Z', latest: folded };
    const header = (m: ReturnType<typeof renderMessage>) => (m.blocks![0] as any).text.text as string;
    expect(header(renderDigest(digest))).toMatch(/ example-ecs-events-ec2: .*, 3 more times$/);
    expect(header(renderMessage(folded.event, { classification: folded.classification }))).toMatch(
      / example-ecs-events-ec2: /,
    );
  });
});

describe('recovery', () => {
  it('is titled "<service>: recovered" unless a title that is not blank is set', () => {
    const event = parseEcsEvent(loadFixture('service', 'docs-service-steady-state'));
    const decision = {
      action: 'notify' as const,
      classification: classify(event),
      recovery: true,
      receipt: toReceipt({ claims: [] }),
    };
    const header = (options?: Parameters<typeof renderDecision>[2]) =>
      (renderDecision(decision, event, options).blocks![0] as any).text.text as string;
    const service = decision.classification.identity.service;
    expect(service).toBeDefined();
    expect(header()).toMatch(new RegExp(` ${service}: recovered$`));
    expect(header({ title: '  ' })).toMatch(new RegExp(` ${service}: recovered$`));
    expect(header({ title: 'All good' })).toMatch(/ All good$/);
  });
});

describe('deployment card', () => {
  it('shows service, deployment, state and task counts, with new block ids per revision', () => {
    const progress = {
      deploymentId: 'ecs-svc/123',
      service: 'web',
      cluster: 'prod',
      state: 'in-progress' as const,
      tasksStarted: 3,
      tasksFailed: 2,
      revision: 4,
      reason: 'task failed <!channel>',
    };
    const card = renderDeploymentCard(progress);
    expectSafe(card);
    expect(card.text).toBe('Deployment ecs-svc/123 of web is in progress: 3 started, 2 failed');
    const ids = JSON.stringify(card).match(/"block_id":"([^"]+)"/g) ?? [];
    expect(ids.length).toBeGreaterThan(3);
    expect(ids.every((id) => id.includes('deploy-4-'))).toBe(true);
    expect(renderDeploymentCard({ ...progress, state: 'rolling-back' }).attachments?.[0]?.color).toBe('#ECB22E');
    expect(renderDeploymentCard({ ...progress, state: 'completed' }).attachments?.[0]?.color).toBe('#2EB67D');
    expect(renderDeploymentCard({ ...progress, state: 'failed' }).attachments?.[0]?.color).toBe('#E01E5A');
  });

  it('says where the deployment stands in plain words, with or without a service name', () => {
    const progress = {
      deploymentId: 'ecs-svc/123',
      service: 'web',
      state: 'completed' as const,
      tasksStarted: 3,
      tasksFailed: 0,
    };
    expect(renderDeploymentCard(progress).text).toBe(
      'Deployment ecs-svc/123 of web has completed: 3 started, 0 failed',
    );
    expect(renderDeploymentCard({ ...progress, state: 'failed' }).text).toBe(
      'Deployment ecs-svc/123 of web has failed: 3 started, 0 failed',
    );
    expect(renderDeploymentCard({ ...progress, state: 'rolling-back' }).text).toBe(
      'Deployment ecs-svc/123 of web is rolling back: 3 started, 0 failed',
    );
    const { service: _service, ...anonymous } = progress;
    const card = renderDeploymentCard(anonymous);
    expect(card.text).toBe('Deployment ecs-svc/123 has completed: 3 started, 0 failed');
    const shown = JSON.stringify(card);
    expect(shown).toContain('Deployment completed');
    expect(shown).not.toMatch(/\*Service\*|`service`|service: /);
  });
});

describe('Block Kit Builder link', () => {
  it('carries the blocks and attachments in the fragment', () => {
    const message = renderMessage(latest('synthetic-task-oom-exit137').event);
    const url = blockKitBuilderUrl(message);
    expect(url.startsWith('https://app.slack.com/block-kit-builder/#')).toBe(true);
    const payload = JSON.parse(decodeURIComponent(url.slice(url.indexOf('#') + 1)));
    expect(payload).toEqual({ blocks: message.blocks, attachments: message.attachments });
  });
});
