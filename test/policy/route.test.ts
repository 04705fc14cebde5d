import { describe, expect, it } from 'vitest';
import { classify } from '../../src/index.js';
import type { KnownEcsEventKind } from '../../src/schemas.js';
import { applyPolicySeverity, parsePolicy, policySeverity, routeFor, type Policy } from '../../src/policy/index.js';
import { parsedFixture } from '../helpers/fixtures.js';

const POLICY: Policy = parsePolicy({
  severity: { outcomes: { 'task-start-impaired': 'error' } },
  destinations: {
    ops: { type: 'webhook', url: { env: 'OPS_WEBHOOK_URL' } },
    deploys: { type: 'web-api', channel: 'C0DEPLOYS' },
    platform: { type: 'web-api', channel: 'C0PLATFORM' },
    q: { type: 'amazon-q', topicArn: 'arn:aws:sns:eu-west-1:111122223333:chat-alerts' },
  },
  routes: [
    { name: 'image-pulls', match: { cause: 'image-pull' }, to: 'platform', continue: true },
    { name: 'deployments', match: { kind: 'deployment' }, to: 'deploys' },
    {
      name: 'prod-errors',
      match: { cluster: ['test', 'catalogue-*'], severity: 'error' },
      to: ['ops', 'q'],
      mentions: { error: [{ userGroup: 'S0ONCALL' }] },
    },
    { name: 'instances', match: { kind: 'container-instance' }, to: 'platform', filter: { preset: 'verbose' } },
    { match: { region: 'us-*', severity: ['warning', 'error'] }, to: 'ops' },
  ],
  default: { to: 'platform', filter: { minSeverity: 'error' } },
});

/** Each fixture's destinations as `destination@route`. */
function routed(policy: Policy, kind: KnownEcsEventKind, name: string): string[] {
  const event = parsedFixture(kind, name);
  return routeFor(policy, applyPolicySeverity(policy, event, classify(event))).map(
    (c) => `${c.destination}@${c.route}`,
  );
}

describe('routeFor on real events', () => {
  it.each([
    [
      'the seed alert: start impaired, an error by the policy, in a catalogue-* cluster',
      'service',
      'service-task-start-impaired',
      ['ops@prod-errors', 'q@prod-errors'],
    ],
    [
      'an image pull failure in cluster test: its route continues to prod-errors',
      'task',
      'synthetic-task-pull-not-found',
      ['platform@image-pulls', 'ops@prod-errors', 'q@prod-errors'],
    ],
    [
      'an image pull failure elsewhere: matched once, so not the default',
      'task',
      'synthetic-task-pull-disk-full',
      ['platform@image-pulls'],
    ],
    [
      'a failed deployment: the first match stops the search',
      'deployment',
      'docs-deployment-failed',
      ['deploys@deployments'],
    ],
    [
      'a container instance that failed to register',
      'container-instance',
      'synthetic-instance-registration-failed',
      ['platform@instances'],
    ],
    [
      'a placement failure in us-west-2: the unnamed route by its index',
      'service',
      'docs-service-task-placement-failure-ec2-cpu',
      ['ops@routes[4]'],
    ],
    [
      'an out-of-memory kill in cluster test',
      'task',
      'synthetic-task-oom-exit137',
      ['ops@prod-errors', 'q@prod-errors'],
    ],
    ['a task without a service, in us-east-1', 'task', 'synthetic-task-guardduty-sidecar-crash', ['ops@routes[4]']],
    [
      'a Spot interruption in eu-central-1: no route matches, the default',
      'task',
      'synthetic-task-spot-stopped',
      ['platform@default'],
    ],
    ['a steady state in us-west-2 (info): the default', 'service', 'docs-service-steady-state', ['platform@default']],
  ] as const)('%s', (_, kind, name, expected) => {
    expect(routed(POLICY, kind, name)).toEqual(expected);
  });

  it('carries the chosen route’s index, mentions and filter', () => {
    const event = parsedFixture('service', 'service-task-start-impaired');
    expect(routeFor(POLICY, applyPolicySeverity(POLICY, event, classify(event)))[0]).toEqual({
      destination: 'ops',
      route: 'prod-errors',
      index: 2,
      mentions: { error: [{ userGroup: 'S0ONCALL' }] },
    });
    const instance = parsedFixture('container-instance', 'synthetic-instance-draining');
    expect(routeFor(POLICY, classify(instance))).toEqual([
      { destination: 'platform', route: 'instances', index: 3, filter: { preset: 'verbose' } },
    ]);
    expect(routeFor(POLICY, classify(parsedFixture('task', 'synthetic-task-spot-stopped')))).toEqual([
      { destination: 'platform', route: 'default', filter: { minSeverity: 'error' } },
    ]);
  });

  it('the seed alert is an error without the override too; lowered to a warning, it takes the default route', () => {
    const { severity: _, ...withoutOverride } = POLICY;
    expect(routed(withoutOverride, 'service', 'service-task-start-impaired')).toEqual([
      'ops@prod-errors',
      'q@prod-errors',
    ]);
    const lowered = { ...POLICY, severity: { outcomes: { 'task-start-impaired': 'warning' } } } as const;
    expect(routed(lowered, 'service', 'service-task-start-impaired')).toEqual(['platform@default']);
  });

  it('lists a destination once, with the first route that chose it', () => {
    const policy = parsePolicy({
      destinations: {
        ops: { type: 'web-api', channel: 'C0OPS' },
        q: { type: 'amazon-q', topicArn: 'arn:aws:sns:eu-west-1:111122223333:t' },
      },
      routes: [
        { name: 'first', match: { severity: 'error' }, to: 'ops', mentions: { error: ['here'] }, continue: true },
        { name: 'second', to: ['q', 'ops'], mentions: { error: [{ user: 'U0ANA' }] } },
      ],
      default: { to: 'ops' },
    });
    const choices = routeFor(policy, classify(parsedFixture('task', 'synthetic-task-oom-exit137')));
    expect(choices).toEqual([
      { destination: 'ops', route: 'first', index: 0, mentions: { error: ['here'] } },
      { destination: 'q', route: 'second', index: 1, mentions: { error: [{ user: 'U0ANA' }] } },
    ]);
  });

  it('a route without match matches everything; an event without a service never matches a service glob', () => {
    const policy = parsePolicy({
      destinations: { a: { type: 'web-api', channel: 'C0A' }, b: { type: 'web-api', channel: 'C0B' } },
      routes: [{ match: { service: '*' }, to: 'a' }, { to: 'b' }],
      default: { to: 'a' },
    });
    expect(routed(policy, 'task', 'synthetic-task-oom-exit137')).toEqual(['a@routes[0]']);
    expect(routed(policy, 'container-instance', 'synthetic-instance-draining')).toEqual(['b@routes[1]']);
  });
});

describe('severity overrides', () => {
  const policy = parsePolicy({
    severity: {
      outcomes: { 'placement-failed': 'error', 'deployment-failed': 'warning' },
      eventNames: { SERVICE_TASK_PLACEMENT_FAILURE: 'warning' },
    },
    destinations: { a: { type: 'web-api', channel: 'C0A' } },
    default: { to: 'a' },
  });

  it.each([
    [
      'an event name wins over its outcome',
      'service',
      'docs-service-task-placement-failure-ec2-cpu',
      'error',
      'warning',
    ],
    ['an outcome override applies to deployment events', 'deployment', 'docs-deployment-failed', 'error', 'warning'],
    ['nothing said, nothing changed', 'task', 'synthetic-task-oom-exit137', 'error', 'error'],
  ] as const)('%s', (_, kind, name, before, after) => {
    const event = parsedFixture(kind, name);
    const classification = classify(event);
    expect(classification.severity).toBe(before);
    expect(policySeverity(policy, event, classification)).toBe(after);
    expect(applyPolicySeverity(policy, event, classification).severity).toBe(after);
  });

  it('returns the same classification when nothing changes', () => {
    const event = parsedFixture('task', 'synthetic-task-oom-exit137');
    const classification = classify(event);
    expect(applyPolicySeverity(policy, event, classification)).toBe(classification);
  });
});
