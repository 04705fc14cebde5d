/**
 * The outcome vocabulary: one record per outcome, and every table that depends on outcomes
 * (severities, titles, digest verbs, deployment-card effects, the noise filter's routine stops and
 * recoveries) derives from it. To add an outcome, add its record here; the classifier then says
 * when it happens.
 *
 * @module
 */
import type { EcsEventKind } from '../events/index.js';

/**
 * How bad an event is.
 *
 * - `success`: something finished well (a deployment completed, a batch task exited 0, a recovery)
 * - `info`: routine (a task started, a deployment replaced a task, a steady state)
 * - `warning`: needs a look but may heal by itself (Spot interruption, start impaired, unknown stop)
 * - `error`: something failed (a crash, out of memory, failed to start, deployment failed)
 */
export type Severity = 'success' | 'info' | 'warning' | 'error';

/**
 * Where a deployment stands, as its progress card shows it.
 *
 * - `in-progress`: started, tasks being replaced
 * - `rolling-back`: the circuit breaker or an alarm is going back to the last good deployment
 * - `completed`: steady state reached
 * - `failed`: the deployment failed
 */
export type DeploymentState = 'in-progress' | 'rolling-back' | 'completed' | 'failed';

/**
 * What one outcome means everywhere: its kind, default severity, the words of its title and
 * digest, and what it does to a deployment's card and to the noise filter.
 */
export interface OutcomeRecord {
  /** The kind of event it names (deployment outcomes also come from service actions). */
  readonly kind: EcsEventKind;
  /** Its default severity (a policy can override it). */
  readonly severity: Severity;
  /** `true` when the event's `eventType` sets the severity instead (INFO, WARN, ERROR). */
  readonly severityFromEventType?: true;
  /** The words of a title: `web: out of memory`. */
  readonly title: string;
  /** The verb of a digest: `api crashed 14 more times`; without one, `had "<outcome>"`. */
  readonly digestVerb?: string;
  /** The state it gives its deployment's progress card. */
  readonly deploymentState?: DeploymentState;
  /** Announced as a recovery when it comes right after a problem on the same service. */
  readonly recovery?: true;
  /** A routine stop, suppressed with `suppressRoutineStops`. */
  readonly routineStop?: true;
  /** Container-instance churn, suppressed with `suppressInstanceChurn`. */
  readonly churn?: true;
  /** Alerted before its task stops (the Spot two-minute warning), though `suppressTransitional` is on. */
  readonly beforeStop?: true;
  /** Its classification always carries a `cause` (`other` when nothing more is known). */
  readonly cause?: true;
  /** The culprit's exit code explains it, when no catalogue row does. */
  readonly exitHint?: true;
  /** Its evidence is the service's latest stopped task (`ecs-slack/aws`). */
  readonly stoppedTaskEvidence?: true;
  /** A `detail` field value every event of it has, for EventBridge patterns (instance outcomes). */
  readonly detailField?: {
    /** The `detail` field, for example `status`. */
    readonly field: string;
    /** Its values for this outcome. */
    readonly values: readonly (string | boolean)[];
  };
}

/** The records, literally: their keys are {@link Outcome}. */
const OUTCOME_TABLE = {
  /** Desired RUNNING, last PROVISIONING / PENDING / ACTIVATING. */
  starting: {
    kind: 'task',
    severity: 'info',
    title: 'task starting',
  },
  /** Last RUNNING, desired RUNNING. */
  running: { kind: 'task', severity: 'info', title: 'task running' },
  /** A stop was decided, the task is not STOPPED yet, nothing more specific is known. */
  stopping: {
    kind: 'task',
    severity: 'info',
    title: 'task stopping',
    exitHint: true,
  },
  /** Stopped after its essential container exited 0 and nothing else failed: a finished batch job. */
  completed: {
    kind: 'task',
    severity: 'success',
    title: 'task completed',
  },
  /** Stopped because a container exited non-zero for its own reasons. */
  crashed: {
    kind: 'task',
    severity: 'error',
    title: 'task crashed',
    digestVerb: 'crashed',
    exitHint: true,
  },
  /** A container or the task was killed for exceeding its memory, whatever the exit code. */
  'out-of-memory': {
    kind: 'task',
    severity: 'error',
    title: 'out of memory',
    digestVerb: 'ran out of memory',
  },
  /** `TaskFailedToStart`, or an image pull, resource initialisation, network or runtime error. */
  'failed-to-start': {
    kind: 'task',
    severity: 'error',
    title: 'task failed to start',
    digestVerb: 'failed to start',
    exitHint: true,
    cause: true,
  },
  /** The load balancer or the container health check failed and the scheduler replaced the task. */
  'health-check-failed': {
    kind: 'task',
    severity: 'error',
    title: 'health checks failed',
    digestVerb: 'failed its health checks',
    cause: true,
  },
  /** Stopped by a deployment's scaling activity. */
  'deployment-replaced': {
    kind: 'task',
    severity: 'info',
    title: 'task replaced by a deployment',
    routineStop: true,
  },
  /** Stopped by another scheduler scaling activity. */
  'scaled-in': {
    kind: 'task',
    severity: 'info',
    title: 'task scaled in',
    routineStop: true,
  },
  /** `StopTask` was called (`UserInitiated`). */
  'stopped-by-user': {
    kind: 'task',
    severity: 'info',
    title: 'task stopped by a user',
    routineStop: true,
  },
  /** Spot capacity reclaimed: the two-minute warning while still RUNNING, or the final stop. */
  'spot-interrupted': {
    kind: 'task',
    severity: 'warning',
    title: 'Spot interruption',
    digestVerb: 'was interrupted by Spot',
    beforeStop: true,
  },
  /** AWS stopped it: Fargate maintenance, the EC2 host terminated, `InfrastructureHealth`. */
  infrastructure: {
    kind: 'task',
    severity: 'warning',
    title: 'task stopped by AWS',
    digestVerb: 'was stopped by AWS',
  },
  /** Stopped for a reason nothing above recognises. */
  stopped: {
    kind: 'task',
    severity: 'warning',
    title: 'task stopped',
    digestVerb: 'stopped',
    exitHint: true,
  },
  /** `SERVICE_STEADY_STATE`, `TASKSET_STEADY_STATE`, `CAPACITY_PROVIDER_STEADY_STATE`. */
  'steady-state': {
    kind: 'service',
    severity: 'info',
    title: 'steady state',
    recovery: true,
  },
  /** The scheduler changed the desired count. */
  'desired-count-updated': {
    kind: 'service',
    severity: 'info',
    title: 'desired count updated',
  },
  /** The service stopped running tasks. */
  'tasks-stopped': {
    kind: 'service',
    severity: 'info',
    title: 'tasks stopped',
  },
  /** Tasks keep failing to start; the scheduler backs off. An error although ECS sends WARN: the service cannot keep tasks running. */
  'task-start-impaired': {
    kind: 'service',
    severity: 'error',
    title: 'unable to start tasks',
    digestVerb: 'was unable to start tasks',
    stoppedTaskEvidence: true,
  },
  /** No capacity to place a task (`RESOURCE:CPU`, `RESOURCE:FARGATE`, ...). */
  'placement-failed': {
    kind: 'service',
    severity: 'error',
    title: 'cannot place tasks',
    digestVerb: 'could not place a task',
  },
  /** A task could not be placed because of its configuration. */
  'configuration-failed': {
    kind: 'service',
    severity: 'error',
    title: 'task configuration failed',
  },
  /** The scheduler was throttled by ECS or Cloud Map API limits. */
  throttled: {
    kind: 'service',
    severity: 'error',
    title: 'throttled',
  },
  /** A Cloud Map instance or VPC Lattice target is unhealthy. */
  unhealthy: {
    kind: 'service',
    severity: 'warning',
    title: 'unhealthy target',
  },
  /** The scheduler could not read the tasks' health. */
  'health-unknown': {
    kind: 'service',
    severity: 'error',
    title: 'health unknown',
  },
  /** A daemon task no longer satisfies its placement constraints. */
  'daemon-constraint-violated': {
    kind: 'service',
    severity: 'error',
    title: 'daemon constraint violated',
  },
  /** An event name ecs-slack does not know yet. */
  'service-event': {
    kind: 'service',
    severity: 'info',
    severityFromEventType: true,
    title: 'service event',
  },
  /** `SERVICE_DEPLOYMENT_IN_PROGRESS`. */
  'deployment-started': {
    kind: 'deployment',
    severity: 'info',
    title: 'deployment started',
    deploymentState: 'in-progress',
  },
  /** An IN_PROGRESS whose reason says the circuit breaker or an alarm is rolling back. */
  'deployment-rolling-back': {
    kind: 'deployment',
    severity: 'warning',
    title: 'deployment rolling back',
    deploymentState: 'rolling-back',
  },
  /** `SERVICE_DEPLOYMENT_COMPLETED`, including a completed rollback. */
  'deployment-completed': {
    kind: 'deployment',
    severity: 'success',
    title: 'deployment completed',
    deploymentState: 'completed',
    recovery: true,
  },
  /** `SERVICE_DEPLOYMENT_FAILED`. */
  'deployment-failed': {
    kind: 'deployment',
    severity: 'error',
    title: 'deployment failed',
    deploymentState: 'failed',
    stoppedTaskEvidence: true,
  },
  /** A deployment event name ecs-slack does not know yet. */
  'deployment-event': {
    kind: 'deployment',
    severity: 'info',
    severityFromEventType: true,
    title: 'deployment event',
  },
  // Container-instance outcomes in the order `classifyContainerInstance` tests them, the order in
  // which the event patterns list their fields.
  /** REGISTRATION_FAILED. */
  'instance-registration-failed': {
    kind: 'container-instance',
    severity: 'error',
    title: 'instance registration failed',
    detailField: { field: 'status', values: ['REGISTRATION_FAILED'] },
  },
  /** An agent update failed. */
  'agent-update-failed': {
    kind: 'container-instance',
    severity: 'warning',
    title: 'agent update failed',
    detailField: { field: 'agentUpdateStatus', values: ['FAILED'] },
  },
  /** DEREGISTERING or INACTIVE. */
  'instance-deregistered': {
    kind: 'container-instance',
    severity: 'info',
    title: 'instance deregistered',
    detailField: { field: 'status', values: ['DEREGISTERING', 'INACTIVE'] },
  },
  /** DRAINING: no new placements, service tasks moved away. */
  'instance-draining': {
    kind: 'container-instance',
    severity: 'info',
    title: 'instance draining',
    detailField: { field: 'status', values: ['DRAINING'] },
  },
  /** The ECS agent lost its connection (brief reconnects are routine). */
  'agent-disconnected': {
    kind: 'container-instance',
    severity: 'warning',
    title: 'agent disconnected',
    digestVerb: 'lost its agent',
    detailField: { field: 'agentConnected', values: [false] },
  },
  /** REGISTERING. */
  'instance-registering': {
    kind: 'container-instance',
    severity: 'info',
    title: 'instance registering',
    detailField: { field: 'status', values: ['REGISTERING'] },
  },
  /** ACTIVE with its agent connected: mostly free-resource churn. */
  'instance-active': {
    kind: 'container-instance',
    severity: 'info',
    title: 'instance active',
    churn: true,
  },
  /** Any other detail-type from `aws.ecs`, passed through. */
  'unknown-event': {
    kind: 'unknown',
    severity: 'info',
    title: 'ECS event',
  },
} as const;

/**
 * What happened, across every kind: the keys of {@link OUTCOMES}.
 */
export type Outcome = keyof typeof OUTCOME_TABLE;

/**
 * The outcomes of one kind: `OutcomeOf<'task'>` is `'starting' | 'running' | ... | 'stopped'`.
 */
export type OutcomeOf<K extends EcsEventKind> = {
  [O in Outcome]: (typeof OUTCOME_TABLE)[O]['kind'] extends K ? O : never;
}[Outcome];

/**
 * Every outcome and what it means: the public contract of `classify` (outcomes are only ever
 * added, never renamed). {@link Outcome} is its keys.
 *
 * @example
 * ```ts
 * OUTCOMES['out-of-memory'].severity; // 'error'
 * OUTCOMES['out-of-memory'].title; // 'out of memory'
 * ```
 */
export const OUTCOMES: Readonly<Record<Outcome, OutcomeRecord>> = OUTCOME_TABLE;

const RECORDS = OUTCOMES;

/**
 * The record of an outcome.
 *
 * @param outcome - The outcome.
 * @returns Its record.
 * @internal
 */
export function outcomeRecord(outcome: Outcome): OutcomeRecord {
  return RECORDS[outcome];
}

/**
 * The outcomes whose record passes `test`, in record order.
 *
 * @param test - What to look for.
 * @returns The outcomes.
 * @internal
 */
export function outcomesWhere(test: (record: OutcomeRecord, outcome: Outcome) => boolean): Outcome[] {
  return (Object.keys(RECORDS) as Outcome[]).filter((outcome) => test(RECORDS[outcome], outcome));
}

/**
 * Severities from least to most urgent: `info` < `success` < `warning` < `error`.
 *
 * @internal
 */
export const SEVERITIES: readonly Severity[] = ['info', 'success', 'warning', 'error'];

/**
 * Whether `severity` is at least as urgent as `floor`.
 *
 * @internal
 */
export function severityAtLeast(severity: Severity, floor: Severity): boolean {
  return SEVERITIES.indexOf(severity) >= SEVERITIES.indexOf(floor);
}

const EVENT_TYPE_SEVERITY: Readonly<Record<string, Severity>> = { INFO: 'info', WARN: 'warning', ERROR: 'error' };

/**
 * The severity AWS's `eventType` implies: INFO info, WARN warning, ERROR error, anything else info.
 *
 * @internal
 */
export function severityOfEventType(eventType: string): Severity {
  return Object.hasOwn(EVENT_TYPE_SEVERITY, eventType) ? (EVENT_TYPE_SEVERITY[eventType] as Severity) : 'info';
}

/**
 * An outcome with its default severity, to start a verdict: `{ ...withSeverity('crashed'), ... }`.
 *
 * @internal
 */
export function withSeverity<O extends Outcome>(outcome: O): { readonly outcome: O; readonly severity: Severity } {
  return { outcome, severity: RECORDS[outcome].severity };
}
