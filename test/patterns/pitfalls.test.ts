/**
 * The mistakes hand-written ECS event patterns make, each shown on events built from real
 * fixtures: the naive pattern drops an event the filter notifies, ecs-slack's does not.
 */
import { describe, expect, it } from 'vitest';
import { classify, createNoiseFilter, parseEcsEvent } from '../../src/index.js';
import { eventPatterns } from '../../src/patterns/index.js';
import type { EventPattern, EventPatternFields } from '../../src/patterns/index.js';
import { matchesPattern } from '../helpers/event-pattern.js';
import { allFixtures, loadFixture } from '../helpers/fixtures.js';
import { judge, selected } from './judge.js';

const DEPLOYMENT = 'ECS Deployment State Change';

/** Every match-value array in a pattern, with its path. */
function arrays(node: EventPatternFields | EventPattern, path = ''): Array<[string, unknown[]]> {
  return Object.entries(node).flatMap(([key, value]): Array<[string, unknown[]]> => {
    const at = path === '' ? key : `${path}.${key}`;
    if (key === '$or') return (value as EventPatternFields[]).flatMap((branch, i) => arrays(branch, `${at}[${i}]`));
    if (Array.isArray(value)) return [[at, value]];
    return arrays(value as EventPatternFields, at);
  });
}

describe('pitfall: deployment events without clusterArn', () => {
  const options = { preset: 'alerts', clusters: { include: ['default'] } } as const;
  const old = loadFixture('deployment', 'docs-deployment-failed');
  const naive = {
    source: ['aws.ecs'],
    'detail-type': [DEPLOYMENT],
    detail: { clusterArn: [{ suffix: ':cluster/default' }] },
  };

  it('a cluster filter on detail.clusterArn drops them; ecs-slack matches the cluster in the service ARN', () => {
    expect((old.detail as Record<string, unknown>).clusterArn).toBeUndefined();
    expect(judge(options, old)).toMatchObject({ passes: true, selectedByOne: true });
    expect(matchesPattern(naive, old)).toBe(false);
    const recent = loadFixture('deployment', 'deployment-in-progress-with-clusterarn');
    expect(selected({ preset: 'alerts', clusters: { include: ['example-cluster'] } }, recent)).toBe(true);
  });

  it('still drops other clusters, and finds the cluster in clusterArn when the service ARN is short', () => {
    const elsewhere = structuredClone(old);
    elsewhere.resources = ['arn:aws:ecs:us-west-2:111122223333:service/other/servicetest'];
    expect(judge(options, elsewhere)).toMatchObject({ passes: false, selectedByOne: false });
    const short = loadFixture('service', 'docs-service-task-start-impaired');
    short.resources = ['arn:aws:ecs:us-west-2:111122223333:service/servicetest'];
    expect(judge(options, short)).toMatchObject({ passes: true, selectedByOne: true });
  });
});

describe('pitfall: event names are in eventName, not eventType', () => {
  const impaired = loadFixture('service', 'docs-service-task-start-impaired');

  it('a pattern with the names under eventType selects nothing; ecs-slack uses eventName', async () => {
    const event = parseEcsEvent(impaired);
    const decision = await createNoiseFilter({ preset: 'alerts' }).decide(
      event,
      classify(event),
      Date.parse(event.time),
    );
    expect(decision.action).toBe('notify');
    const naive = { source: ['aws.ecs'], detail: { eventType: ['SERVICE_TASK_START_IMPAIRED'] } };
    expect(allFixtures().filter(({ event: e }) => matchesPattern(naive, e))).toEqual([]);
    expect(selected('alerts', impaired)).toBe(true);
    for (const preset of ['alerts', 'verbose', 'none'] as const) {
      for (const pattern of eventPatterns(preset))
        expect(arrays(pattern).map(([path]) => path)).not.toContain('detail.eventType');
    }
  });
});

describe('pitfall: several anything-but in one array are ORed', () => {
  const noise = ['synthetic-service-desired-count-updated', 'synthetic-service-tasks-stopped'].map((name) =>
    loadFixture('service', name),
  );

  it('two anything-but filters match every name; ecs-slack lists the names in one', () => {
    const naive = {
      source: ['aws.ecs'],
      detail: { eventName: [{ 'anything-but': 'SERVICE_DESIRED_COUNT_UPDATED' }, { 'anything-but': 'TASKS_STOPPED' }] },
    };
    for (const event of noise) {
      expect(matchesPattern(naive, event)).toBe(true);
      expect(selected('alerts', event)).toBe(false);
    }
  });

  it('no array of any pattern holds more than one anything-but', () => {
    const options = [
      'alerts',
      'verbose',
      'none',
      { preset: 'alerts', minSeverity: 'error', clusters: { include: ['a', 'b-*'] }, services: { include: ['c'] } },
    ] as const;
    for (const option of options) {
      for (const pattern of eventPatterns(option)) {
        for (const [path, values] of arrays(pattern)) {
          const count = values.filter(
            (value) => typeof value === 'object' && value !== null && 'anything-but' in value,
          ).length;
          expect(count, path).toBeLessThanOrEqual(1);
        }
      }
    }
  });
});

describe('pitfall: exists: false is about a missing field, and anything-but needs the field', () => {
  const old = loadFixture('deployment', 'docs-deployment-in-progress');
  const withClusterArn = loadFixture('deployment', 'deployment-in-progress-with-clusterarn');
  const pattern = (values: unknown[]) => ({ source: ['aws.ecs'], detail: { clusterArn: values } });

  it('exists: false matches a missing field only; null is a value, not a missing field', () => {
    expect(matchesPattern(pattern([{ exists: false }]), old)).toBe(true);
    expect(matchesPattern(pattern([{ exists: false }]), withClusterArn)).toBe(false);
    expect(matchesPattern(pattern([null]), old)).toBe(false);
    const nullArn = structuredClone(old);
    (nullArn.detail as Record<string, unknown>).clusterArn = null;
    expect(matchesPattern(pattern([{ exists: false }]), nullArn)).toBe(false);
  });

  it('anything-but drops events without the field: excluding a cluster that way loses every old deployment', () => {
    const exclude = pattern([{ 'anything-but': { suffix: ':cluster/other' } }]);
    expect(matchesPattern(exclude, withClusterArn)).toBe(true);
    expect(matchesPattern(exclude, old)).toBe(false);
    // Keeping them with exists: false keeps them from every cluster; ecs-slack matches the service ARN.
    const lenient = pattern([{ suffix: ':cluster/other' }, { exists: false }]);
    expect(matchesPattern(lenient, old)).toBe(true);
    expect(selected({ preset: 'alerts', clusters: { include: ['other'] } }, old)).toBe(false);
    expect(selected({ preset: 'alerts', clusters: { include: ['default'] } }, old)).toBe(true);
  });
});

describe('pitfall: stopCode is missing on older events', () => {
  const crashed = loadFixture('task', 'synthetic-task-crashed-no-stopcode');

  it('a filter on stopCode drops old crashes; ecs-slack keeps every STOPPED task', () => {
    expect((crashed.detail as Record<string, unknown>).stopCode).toBeUndefined();
    expect(judge('alerts', crashed)).toMatchObject({ passes: true, selectedByOne: true });
    const naive = {
      source: ['aws.ecs'],
      detail: { stopCode: [{ 'anything-but': ['UserInitiated', 'ServiceSchedulerInitiated'] }] },
    };
    expect(matchesPattern(naive, crashed)).toBe(false);
  });

  it('keeps a Spot warning without stopCode by its reason, with leading spaces or the category token', () => {
    for (const reason of [
      'Your Spot Task was interrupted.',
      '  Your Spot Task was interrupted.',
      'SpotInterruptionError: reclaimed',
    ]) {
      const warning = loadFixture('task', 'synthetic-task-spot-warning');
      const detail = warning.detail as Record<string, unknown>;
      delete detail.stopCode;
      detail.stoppedReason = reason;
      expect(detail.lastStatus).toBe('RUNNING');
      expect(judge('alerts', warning), reason).toMatchObject({ passes: true, selectedByOne: true });
    }
  });
});

describe('the Spot warning and recoveries', () => {
  it('keeps the two-minute Spot warning while the task is still RUNNING, under either stop code', () => {
    for (const name of ['synthetic-task-spot-warning', 'synthetic-task-spot-termination-notice']) {
      const warning = loadFixture('task', name);
      expect((warning.detail as Record<string, unknown>).lastStatus).toBe('RUNNING');
      expect(judge('alerts', warning), name).toMatchObject({ passes: true, selectedByOne: true });
    }
    expect(selected('alerts', loadFixture('task', 'task-running-fargate-service-exec-enabled'))).toBe(false);
  });

  it('alerts announces a recovery with SERVICE_STEADY_STATE, and the patterns keep it', async () => {
    const crash = loadFixture('task', 'task-stopped-essential-container-exited-fargate-sidecar');
    const detail = crash.detail as Record<string, unknown>;
    detail.clusterArn = 'arn:aws:ecs:us-west-2:111122223333:cluster/default';
    detail.group = 'service:servicetest';
    const steady = loadFixture('service', 'docs-service-steady-state');
    const filter = createNoiseFilter({ preset: 'alerts' });
    const first = parseEcsEvent(crash);
    const problem = await filter.decide(first, classify(first), Date.parse(first.time));
    expect(problem.action).toBe('notify');
    if (problem.action === 'notify') await filter.commit(problem, Date.parse(first.time));
    const then = parseEcsEvent(steady);
    const recovery = await filter.decide(then, classify(then), Date.parse(first.time) + 60_000);
    expect(recovery).toMatchObject({ action: 'notify', recovery: true });
    expect(selected('alerts', crash)).toBe(true);
    expect(selected('alerts', steady)).toBe(true);
  });
});
