/**
 * The patterns against the classifier and the stateless rules for thousands of generated events
 * (every status, stop code, event name, event type and identity shape) under the presets and
 * under overridden options: whatever passes the rules is selected, by exactly one pattern.
 */
import { describe, expect, it } from 'vitest';
import { eventPattern, eventPatterns } from '../../src/patterns/index.js';
import { validatePattern } from '../helpers/event-pattern.js';
import { allFixtures } from '../helpers/fixtures.js';
import { judge, selected, type PatternOptions } from './judge.js';
import { allVariants, type Variant } from './variants.js';

const OPTIONS: readonly PatternOptions[] = [
  'alerts',
  'verbose',
  'none',
  { preset: 'alerts', clusters: { include: ['default', 'example-*'] } },
  { preset: 'alerts', clusters: { include: ['test'] }, services: { include: ['servicetest', 'example-api-*'] } },
  { preset: 'verbose', services: { include: ['servicetest'] } },
  { preset: 'none', clusters: { include: ['*'] } },
  { preset: 'alerts', kinds: ['task', 'deployment'] },
  { preset: 'none', kinds: ['service', 'unknown'] },
  { preset: 'verbose', kinds: ['unknown'] },
  { preset: 'alerts', minSeverity: 'error' },
  { preset: 'alerts', recovery: false },
  { preset: 'alerts', notifyOutcomes: ['desired-count-updated', 'instance-draining'] },
  { preset: 'alerts', suppressOutcomes: ['service-event', 'deployment-event', 'agent-disconnected'] },
  { preset: 'verbose', suppressInstanceChurn: false },
  { preset: 'verbose', suppressTransitional: false },
  { preset: 'none', minSeverity: 'warning' },
];

const events: Variant[] = [
  ...allVariants(),
  ...allFixtures().map(({ kind, name, event }) => ({ label: `${kind}/${name}`, event })),
];

describe('eventPatterns under overridden options', () => {
  it('has thousands of generated events to check', () => {
    expect(events.length).toBeGreaterThan(2000);
  });

  it.each(OPTIONS.map((options) => [JSON.stringify(options), options] as const))(
    '%s: selects every event the rules pass, each by one pattern, and EventBridge accepts the patterns',
    (_, options) => {
      const patterns = eventPatterns(options);
      for (const pattern of [...patterns, eventPattern(options)]) expect(validatePattern(pattern)).toEqual([]);
      const missed: string[] = [];
      let dropped = 0;
      for (const { label, event } of events) {
        const { passes, selectedBy, selectedByOne } = judge(options, event);
        if (passes && selectedBy.length === 0) missed.push(label);
        if (selectedBy.length === 0) dropped += 1;
        expect(selectedBy.length, label).toBeLessThanOrEqual(1);
        expect(selectedByOne, label).toBe(selectedBy.length === 1);
      }
      expect(missed).toEqual([]);
      if (
        options !== 'none' &&
        JSON.stringify(options) !== JSON.stringify({ preset: 'none', kinds: ['service', 'unknown'] })
      ) {
        expect(dropped).toBeGreaterThan(0);
      }
    },
  );
});

describe('what the options cut', () => {
  const find = (prefix: string) => events.filter(({ label }) => label.startsWith(prefix)).map(({ event }) => event);

  it('a cluster include list keeps deployments of that cluster without clusterArn, and drops other clusters', () => {
    const options = { preset: 'alerts', clusters: { include: ['default'] } } as const;
    for (const event of find('deployment SERVICE_DEPLOYMENT_FAILED/ERROR - (long ARN, no clusterArn)'))
      expect(selected(options, event)).toBe(true);
    for (const event of find('deployment SERVICE_DEPLOYMENT_FAILED/ERROR - (short ARN, clusterArn)'))
      expect(selected(options, event)).toBe(true);
    for (const event of find('deployment SERVICE_DEPLOYMENT_FAILED/ERROR - (other cluster'))
      expect(selected(options, event)).toBe(false);
  });

  it('a service include list drops container-instance events and standalone tasks, which name no service', () => {
    const options = { preset: 'none', services: { include: ['*'] } } as const;
    expect(eventPatterns(options).map((pattern) => pattern['detail-type'])).toEqual([
      ['ECS Task State Change'],
      ['ECS Service Action', 'ECS Deployment State Change'],
    ]);
    expect(find('instance ').some((event) => selected(options, event))).toBe(false);
    expect(
      selected(
        options,
        allFixtures('task').find((f) => f.name === 'task-stopped-ec2-standalone-exit0-no-stopcode')!.event,
      ),
    ).toBe(false);
  });

  it('without recovery, alerts drops every steady state', () => {
    const steady = find('service SERVICE_STEADY_STATE/');
    expect(steady.length).toBeGreaterThan(0);
    expect(steady.some((event) => selected({ preset: 'alerts', recovery: false }, event))).toBe(false);
    expect(steady.every((event) => selected('alerts', event))).toBe(true);
  });

  it('turning a rule off widens its kind to every event', () => {
    // Kinds without conditions share one pattern: here every detail-type but the instances'.
    expect(eventPatterns({ preset: 'verbose', suppressTransitional: false })).toEqual([
      { source: ['aws.ecs'], 'detail-type': [{ 'anything-but': ['ECS Container Instance State Change'] }] },
      eventPatterns('verbose')[2],
    ]);
    expect(eventPatterns({ preset: 'verbose', suppressInstanceChurn: false })).toEqual([
      eventPatterns('verbose')[0],
      { source: ['aws.ecs'], 'detail-type': [{ 'anything-but': ['ECS Task State Change'] }] },
    ]);
  });

  it('verbose keeps the detail-types it does not model; a kinds list without unknown drops them', () => {
    const [health, cloudTrail] = find('unknown: ');
    expect(selected('verbose', health)).toBe(true);
    expect(selected('verbose', cloudTrail)).toBe(true);
    expect(selected('alerts', health)).toBe(false);
    const known = { preset: 'verbose', kinds: ['task', 'service', 'deployment', 'container-instance'] } as const;
    expect(selected(known, health)).toBe(false);
    expect(selected(known, cloudTrail)).toBe(false);
  });
});
