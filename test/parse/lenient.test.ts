/**
 * The lenient reading of ECS events that strict parsing refuses: real events from AWS's
 * documentation and real captures, each with a required field removed in turn (as published
 * examples and trimmed captures omit them), are read, classified from what they hold, and
 * rendered with a line naming what was missing. `parseEcsEvent` stays strict.
 */
import { describe, expect, it } from 'vitest';
import {
  classify,
  isParseError,
  parseEcsEvent,
  renderMessage,
  safeParseEcsEvent,
  salvageEcsEvent,
} from '../../src/index.js';
import type { KnownEcsEventKind } from '../../src/schemas.js';
import { validateMessage } from '../helpers/block-kit.js';
import { allFixtures, loadFixture } from '../helpers/fixtures.js';

/** The required detail fields of each kind, per the schemas. */
const REQUIRED: Readonly<Record<KnownEcsEventKind, readonly string[]>> = {
  task: ['clusterArn', 'taskDefinitionArn', 'lastStatus', 'desiredStatus', 'containers'],
  service: ['eventType', 'eventName', 'clusterArn'],
  deployment: ['eventType', 'eventName', 'deploymentId', 'updatedAt'],
  'container-instance': ['clusterArn', 'containerInstanceArn', 'status', 'agentConnected'],
};

/** Real events only: AWS documentation examples, captures, and trimmed captures. */
const real = allFixtures().filter((f) => !f.name.startsWith('synthetic-'));
/** Each real event without one required field, where strict parsing then refuses it. */
const cases = real.flatMap((f) =>
  REQUIRED[f.kind]
    .map((field) => {
      const event = structuredClone(f.event) as { detail: Record<string, unknown> };
      delete event.detail[field];
      return { name: f.name, kind: f.kind, field, event };
    })
    // The envelope completion fills a container instance's ARN from `resources`: those parse.
    .filter(({ event }) => !safeParseEcsEvent(event).success),
);

const text = (message: unknown) => JSON.stringify(message);

describe('salvageEcsEvent', () => {
  it('has real events to work on', () => {
    expect(real.length).toBeGreaterThanOrEqual(25);
    expect(cases.length).toBeGreaterThanOrEqual(100);
  });

  it.each(cases)(
    '$name without detail.$field: read leniently, it renders naming the field',
    ({ kind, field, event: raw }) => {
      const salvaged = salvageEcsEvent(raw);
      expect(salvaged?.event.kind).toBe(kind);
      expect(salvaged?.missing).toContain(`detail.${field}`);
      const c = { ...classify(salvaged!.event), missing: salvaged!.missing };
      const message = renderMessage(salvaged!.event, { classification: c });
      expect(validateMessage(message)).toEqual([]);
      expect(text(message)).toContain('Incomplete event, classified from what it holds; missing:');
      expect(text(message)).toContain(`\`detail.${field}\``);
      // The input is left as it was.
      expect(raw.detail[field]).toBeUndefined();
    },
  );

  it('names every field that is missing, nested ones too, and the compact variant shows the line', () => {
    const raw = loadFixture('task', 'trimmed-task-provisioning-fargate-service') as any;
    delete raw.detail.taskDefinitionArn;
    delete raw.detail.containers[0].name;
    const salvaged = salvageEcsEvent(raw)!;
    expect(salvaged.missing).toEqual(['detail.taskDefinitionArn', 'detail.containers[0].name']);
    const c = { ...classify(salvaged.event), missing: salvaged.missing };
    expect(text(renderMessage(salvaged.event, { classification: c, variant: 'compact' }))).toContain(
      '`detail.containers[0].name`',
    );
  });

  it('takes identity from the ARNs: the cluster of a task without clusterArn comes from its task ARN', () => {
    const raw = loadFixture('task', 'task-stopped-elb-health-check-failed-fargate') as any;
    delete raw.detail.clusterArn;
    const c = classify(salvageEcsEvent(raw)!.event);
    expect(c.identity.cluster).toBe('sin-web_cluster-dev');
    expect(c.outcome).toBe('health-check-failed');
  });

  it('takes the outcome from the stop code and reasons when status and containers are missing', () => {
    const raw = loadFixture('task', 'task-stopped-elb-health-check-failed-fargate') as any;
    for (const field of ['lastStatus', 'desiredStatus', 'containers', 'taskDefinitionArn']) delete raw.detail[field];
    const salvaged = salvageEcsEvent(raw)!;
    expect(salvaged.event.kind === 'task' && salvaged.event.detail.lastStatus).toBe('STOPPED');
    const c = classify(salvaged.event);
    expect(c).toMatchObject({ outcome: 'health-check-failed', severity: 'error' });
  });

  it('drops an unreadable optional field and names it; an unreadable envelope time is completed from the detail', () => {
    const raw = loadFixture('task', 'task-stopped-ec2-standalone-exit0-no-stopcode') as any;
    raw.detail.version = 'seven';
    raw.time = 5;
    delete raw.detail.taskDefinitionArn;
    const salvaged = salvageEcsEvent(raw)!;
    expect(salvaged.missing).toEqual(['time (unreadable)', 'detail.taskDefinitionArn', 'detail.version (unreadable)']);
    expect(salvaged.event.kind === 'task' && salvaged.event.detail.version).toBeUndefined();
    expect(salvaged.event.time).not.toBe('');
  });

  it('reads a deployment without its id from its reason, and a container instance from its resources', () => {
    const deployment = loadFixture('deployment', 'deployment-in-progress-with-clusterarn') as any;
    delete deployment.detail.deploymentId;
    const d = salvageEcsEvent(deployment)!.event;
    expect(d.kind === 'deployment' && d.detail.deploymentId).toMatch(/^ecs-svc\/\d+$/);
    const instance = loadFixture('container-instance', 'docs-container-instance-active') as any;
    delete instance.detail.containerInstanceArn;
    delete instance.detail.agentConnected;
    const i = salvageEcsEvent(instance)!.event;
    expect(i.kind === 'container-instance' && i.detail.containerInstanceArn).toBe(instance.resources[0]);
    expect(classify(i).outcome).toBe('instance-active');
  });

  it.each([
    ['not an object', 'ECS'],
    ['another source', { source: 'aws.ec2', 'detail-type': 'ECS Task State Change', detail: {} }],
    ['an unknown detail-type', { source: 'aws.ecs', 'detail-type': 'ECS Something Else', detail: 5 }],
    [
      'a cycle',
      (() => {
        const e: any = { source: 'aws.ecs', 'detail-type': 'ECS Task State Change' };
        e.detail = e;
        return e;
      })(),
    ],
  ])('reads nothing from %s', (_what, input) => {
    expect(salvageEcsEvent(input)).toBeUndefined();
  });

  it('leaves parseEcsEvent strict', () => {
    const raw = loadFixture('task', 'docs-task-running-fargate-2020') as any;
    delete raw.detail.containers;
    expect(() => parseEcsEvent(raw)).toThrow(/detail\.containers: expected array, but it is missing/);
    try {
      parseEcsEvent(raw);
    } catch (error) {
      expect(isParseError(error)).toBe(true);
    }
  });
});

describe('salvageEcsEvent on events with every required field missing', () => {
  it.each(real)('$name: read, classified and rendered within the limits', ({ kind, event }) => {
    const raw = structuredClone(event) as { detail: Record<string, unknown> };
    for (const field of REQUIRED[kind]) delete raw.detail[field];
    const salvaged = salvageEcsEvent(raw)!;
    expect(salvaged.event.kind).toBe(kind);
    const message = renderMessage(salvaged.event, {
      classification: { ...classify(salvaged.event), missing: salvaged.missing },
    });
    expect(validateMessage(message)).toEqual([]);
  });
});
