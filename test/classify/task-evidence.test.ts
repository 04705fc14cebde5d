import { describe, expect, it } from 'vitest';
import {
  classify,
  parseEcsEvent,
  type Cause,
  type Classification,
  type Outcome,
  type Severity,
} from '../../src/index.js';
import { loadFixture } from '../helpers/fixtures.js';

/**
 * Task events built from a real stopped Fargate task: the detail fields and containers of each
 * case replace the sample's, so the shapes stay real. `image: undefined` removes the image (an
 * AWS-injected sidecar such as the GuardDuty agent has none), `exitCode: undefined` the exit code.
 */
function taskEvent(
  detail: Record<string, unknown>,
  containers: ReadonlyArray<Record<string, unknown>>,
): Classification {
  const raw = loadFixture('task', 'task-stopped-essential-container-exited-fargate-sidecar') as any;
  const template = raw.detail.containers[1];
  const d = Object.assign(raw.detail, detail);
  d.containers = containers.map((change) => {
    const container = structuredClone(template);
    delete container.exitCode;
    for (const [key, value] of Object.entries(change)) {
      if (value === undefined) delete container[key];
      else container[key] = value;
    }
    return container;
  });
  for (const [key, value] of Object.entries(detail)) if (value === undefined) delete d[key];
  return classify(parseEcsEvent(raw));
}

const ECE = { stopCode: 'EssentialContainerExited', stoppedReason: 'Essential container in task exited' };
const TFTS = { stopCode: 'TaskFailedToStart', startedAt: undefined };
const app = (change: Record<string, unknown>) => ({ name: 'app', ...change });
const envoy = (change: Record<string, unknown>) => ({
  name: 'envoy',
  image: 'public.ecr.aws/appmesh/aws-appmesh-envoy:v1',
  ...change,
});
const guardDuty = (change: Record<string, unknown>) => ({
  name: 'aws-guardduty-agent-nm40lC',
  image: undefined,
  ...change,
});

interface Expected {
  readonly outcome: Outcome;
  readonly severity: Severity;
  /** `null`: must be absent. */
  readonly cause?: Cause | null;
  readonly culprit?: string | null;
  readonly hint?: string | null;
  readonly summary?: string;
}

const CASES: ReadonlyArray<
  readonly [string, Record<string, unknown>, ReadonlyArray<Record<string, unknown>>, Expected]
> = [
  // The image-less sidecar is blamed only when nothing else explains the stop.
  [
    'app killed (137) next to a GuardDuty agent that exited 1: app',
    ECE,
    [guardDuty({ exitCode: 1 }), app({ exitCode: 137 })],
    { outcome: 'crashed', severity: 'error', culprit: 'app', hint: 'exit-137' },
  ],
  [
    'app SIGTERMed (143) next to a GuardDuty agent that exited 1: app',
    ECE,
    [guardDuty({ exitCode: 1 }), app({ exitCode: 143 })],
    { outcome: 'crashed', severity: 'error', culprit: 'app', hint: 'exit-143' },
  ],
  [
    'app exited 0, the GuardDuty agent 1: the job completed',
    ECE,
    [guardDuty({ exitCode: 1 }), app({ exitCode: 0 })],
    { outcome: 'completed', severity: 'success', culprit: null, hint: null },
  ],
  [
    'only the GuardDuty agent exited non-zero, the app has no exit code: the agent, as a last resort',
    ECE,
    [guardDuty({ exitCode: 1 }), app({})],
    { outcome: 'crashed', severity: 'error', culprit: 'aws-guardduty-agent-nm40lC' },
  ],
  [
    'start failure, the GuardDuty agent listed first: app',
    { ...TFTS, stoppedReason: 'CannotPullContainerError: not found' },
    [
      guardDuty({ reason: 'CannotStartContainerError: task stopped' }),
      app({ reason: 'CannotPullContainerError: not found' }),
    ],
    {
      outcome: 'failed-to-start',
      severity: 'error',
      cause: 'image-pull',
      culprit: 'app',
      hint: 'image-pull-not-found',
    },
  ],
  [
    'generic start failure, the GuardDuty agent listed first: app and its reason',
    { ...TFTS, stoppedReason: 'Task failed to start' },
    [
      guardDuty({ reason: 'ResourceInitializationError: unable to pull secrets' }),
      app({ reason: 'CannotPullContainerError: manifest unknown' }),
    ],
    {
      outcome: 'failed-to-start',
      severity: 'error',
      cause: 'image-pull',
      culprit: 'app',
      hint: 'image-pull-not-found',
    },
  ],
  // A missing exit code is not a 0.
  [
    'app has no exit code, envoy exited 0: not completed',
    ECE,
    [app({}), envoy({ exitCode: 0 })],
    {
      outcome: 'stopped',
      severity: 'warning',
      culprit: null,
      hint: null,
      summary: 'Task a6eaf015 of example-api-v1 stopped: Essential container in task exited',
    },
  ],
  [
    'STOPPING, app exited 0, envoy not yet: stopping',
    { ...ECE, lastStatus: 'STOPPING' },
    [app({ exitCode: 0 }), envoy({})],
    { outcome: 'stopping', severity: 'info', culprit: null },
  ],
  // 143 after the essential container exited 0 is ECS stopping the rest. A 137 next to an exit 0
  // is ambiguous (which container was essential is not in the event): a warning, never a success.
  [
    'app exited 0, envoy SIGKILLed (137): stopped, envoy',
    ECE,
    [app({ exitCode: 0 }), envoy({ exitCode: 137 })],
    { outcome: 'stopped', severity: 'warning', culprit: 'envoy', hint: 'exit-137' },
  ],
  [
    'app exited 0, envoy SIGTERMed (143): completed',
    ECE,
    [app({ exitCode: 0 }), envoy({ exitCode: 143 })],
    { outcome: 'completed', severity: 'success', culprit: null, hint: null },
  ],
  [
    'app killed (137), envoy SIGTERMed (143): crashed, app',
    ECE,
    [app({ exitCode: 137 }), envoy({ exitCode: 143 })],
    { outcome: 'crashed', severity: 'error', culprit: 'app', hint: 'exit-137' },
  ],
  [
    'app killed (137) alone: crashed',
    ECE,
    [app({ exitCode: 137 })],
    { outcome: 'crashed', severity: 'error', culprit: 'app', hint: 'exit-137' },
  ],
  // Start failures read the exit codes and every catalogue row.
  [
    'TaskFailedToStart after app exited 1: culprit and exit hint',
    { ...TFTS, stoppedReason: 'Essential container in task exited' },
    [app({ exitCode: 1 }), envoy({ exitCode: 143 })],
    { outcome: 'failed-to-start', severity: 'error', cause: 'other', culprit: 'app', hint: 'exit-1' },
  ],
  [
    'TaskFailedToStart with CannotInspectContainerError: its row',
    { ...TFTS, stoppedReason: 'CannotInspectContainerError: Could not transition to inspecting' },
    [app({})],
    { outcome: 'failed-to-start', severity: 'error', cause: 'runtime', hint: 'cannot-inspect-container' },
  ],
  [
    'TaskFailedToStart with no reason anywhere: nothing made up',
    { ...TFTS, stoppedReason: undefined },
    [app({})],
    {
      outcome: 'failed-to-start',
      severity: 'error',
      cause: 'other',
      culprit: null,
      hint: null,
      summary: 'Task a6eaf015 of example-api-v1 failed to start',
    },
  ],
  // Nothing "stopped" before STOPPED.
  [
    'RUNNING, stopped by a user',
    { lastStatus: 'RUNNING', stopCode: 'UserInitiated', stoppedReason: 'Task stopped by user' },
    [app({ lastStatus: 'RUNNING' })],
    {
      outcome: 'stopped-by-user',
      severity: 'info',
      summary: 'Task a6eaf015 of example-api-v1 is being stopped by a user',
    },
  ],
  [
    'STOPPING after a crash',
    { ...ECE, lastStatus: 'STOPPING' },
    [app({ exitCode: 1 }), envoy({})],
    {
      outcome: 'crashed',
      severity: 'error',
      culprit: 'app',
      summary: 'app exited with code 1 (application error) and task a6eaf015 of example-api-v1 is stopping',
    },
  ],
  [
    'RUNNING, out of memory',
    { ...ECE, lastStatus: 'RUNNING' },
    [app({ exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage' })],
    {
      outcome: 'out-of-memory',
      severity: 'error',
      summary: 'app ran out of memory (exit 137) and task a6eaf015 of example-api-v1 is being stopped',
    },
  ],
  [
    'DEPROVISIONING, replaced by a deployment',
    {
      lastStatus: 'DEPROVISIONING',
      stopCode: 'ServiceSchedulerInitiated',
      stoppedReason: 'Scaling activity initiated by (deployment ecs-svc/123)',
    },
    [app({ exitCode: 143 })],
    {
      outcome: 'deployment-replaced',
      severity: 'info',
      summary:
        'Task a6eaf015 of example-api-v1 is being stopped by deployment ecs-svc/123 (routine replacement or scale-in)',
    },
  ],
  [
    'RUNNING, scaled in',
    {
      lastStatus: 'RUNNING',
      stopCode: 'ServiceSchedulerInitiated',
      stoppedReason: 'Scaling activity initiated by (service api)',
    },
    [app({ lastStatus: 'RUNNING' })],
    {
      outcome: 'scaled-in',
      severity: 'info',
      summary: 'Task a6eaf015 of example-api-v1 is being stopped by a scale-in',
    },
  ],
  [
    'RUNNING, Fargate maintenance',
    {
      lastStatus: 'RUNNING',
      stopCode: 'ServiceSchedulerInitiated',
      stoppedReason:
        'Task stopped because ECS is performing maintenance on the underlying infrastructure hosting the task.',
    },
    [app({ lastStatus: 'RUNNING' })],
    {
      outcome: 'infrastructure',
      severity: 'warning',
      summary:
        'Task a6eaf015 of example-api-v1 is being stopped by AWS: Task stopped because ECS is performing maintenance on the underlying infrastructure hosting the task.',
    },
  ],
  [
    'RUNNING, failed ELB health checks',
    {
      lastStatus: 'RUNNING',
      stopCode: 'ServiceSchedulerInitiated',
      stoppedReason: 'Task failed ELB health checks in (target-group arn:x)',
    },
    [app({ lastStatus: 'RUNNING' })],
    {
      outcome: 'health-check-failed',
      severity: 'error',
      summary: 'Task a6eaf015 of example-api-v1 failed its load balancer health checks and is being stopped',
    },
  ],
  [
    'STOPPED, stopped by a user',
    { stopCode: 'UserInitiated', stoppedReason: 'Task stopped by user' },
    [app({ exitCode: 143 })],
    { outcome: 'stopped-by-user', severity: 'info', summary: 'Task a6eaf015 of example-api-v1 was stopped by a user' },
  ],
  // A blank reason is no reason.
  [
    'UserInitiated with an empty reason',
    { stopCode: 'UserInitiated', stoppedReason: '' },
    [app({ exitCode: 143 })],
    { outcome: 'stopped-by-user', severity: 'info', summary: 'Task a6eaf015 of example-api-v1 was stopped by a user' },
  ],
  [
    'unknown stop code with an empty reason',
    { stopCode: 'Foo', stoppedReason: '' },
    [app({ exitCode: 143 })],
    {
      outcome: 'stopped',
      severity: 'warning',
      summary: 'Task a6eaf015 of example-api-v1 stopped for an unknown reason',
    },
  ],
  [
    'unknown stop code with a blank reason',
    { stopCode: 'Foo', stoppedReason: ' \n ' },
    [app({ exitCode: 143, reason: '  ' })],
    {
      outcome: 'stopped',
      severity: 'warning',
      culprit: null,
      summary: 'Task a6eaf015 of example-api-v1 stopped for an unknown reason',
    },
  ],
];

describe('task evidence', () => {
  it.each(CASES)('%s', (_, detail, containers, expected) => {
    const c = taskEvent(detail, containers);
    expect([c.outcome, c.severity]).toEqual([expected.outcome, expected.severity]);
    if (expected.cause !== undefined) expect(c.cause ?? null).toBe(expected.cause);
    if (expected.culprit !== undefined) expect(c.culprit?.name ?? null).toBe(expected.culprit);
    if (expected.hint !== undefined) expect(c.hint?.id ?? null).toBe(expected.hint);
    if (expected.summary !== undefined) expect(c.summary).toBe(expected.summary);
  });

  it('keeps no blank reason', () => {
    const c = taskEvent({ stopCode: 'UserInitiated', stoppedReason: '   ' }, [app({ exitCode: 143 })]);
    expect(c.reason).toBeUndefined();
  });
});

describe('blank reasons on the other kinds', () => {
  it('a service action with an empty reason has no empty parentheses and no reason', () => {
    const raw = loadFixture('service', 'docs-service-task-placement-failure-ec2-cpu') as any;
    raw.detail.reason = '';
    const c = classify(parseEcsEvent(raw));
    expect(c.outcome).toBe('placement-failed');
    expect(c.summary).not.toMatch(/\(\s*\)/);
    expect(c.summary.endsWith('cannot place a task')).toBe(true);
    expect(c.reason).toBeUndefined();
  });

  it('a failed deployment with a blank reason has no dangling colon', () => {
    const raw = loadFixture('deployment', 'docs-deployment-failed') as any;
    raw.detail.reason = ' ';
    const c = classify(parseEcsEvent(raw));
    expect(c.outcome).toBe('deployment-failed');
    expect(c.summary).toMatch(/ failed$/);
    expect(c.reason).toBeUndefined();
  });

  it('a container instance with an empty status reason has no dangling colon', () => {
    const raw = loadFixture('container-instance', 'docs-container-instance-active') as any;
    Object.assign(raw.detail, { status: 'REGISTRATION_FAILED', agentConnected: false, statusReason: '' });
    const c = classify(parseEcsEvent(raw));
    expect(c.outcome).toBe('instance-registration-failed');
    expect(c.summary).toMatch(/failed to register$/);
    expect(c.reason).toBeUndefined();
  });
});
