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
  /** One line on when it happens. */
  readonly meaning: string;
  /** The words of a title: `web: out of memory`. */
  readonly title: string;
  /** The verb of a digest: `api crashed 14 more times`; without one, `had "<outcome>"`. */
  readonly digestVerb?: string;
  /** The state it gives its deployment's progress card. */
  readonly deploymentState?: DeploymentState;
  /** Announced as a recovery when it comes right after a problem on the same service. */
  readonly recovery?: true;
  /** A routine stop, suppressed with `routineStops`. */
  readonly routineStop?: true;
  /** Container-instance churn, suppressed with `instanceChurn`. */
  readonly churn?: true;
  /** Alerted before its task stops (the Spot two-minute warning), though `transitional` is on. */
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
  starting: {
    kind: 'task',
    severity: 'info',
    meaning: 'desired RUNNING, last PROVISIONING / PENDING / ACTIVATING',
    title: 'task starting',
  },
  running: { kind: 'task', severity: 'info', meaning: 'last RUNNING, desired RUNNING', title: 'task running' },
  stopping: {
    kind: 'task',
    severity: 'info',
    meaning: 'a stop was decided, the task is not STOPPED yet, nothing more specific is known',
    title: 'task stopping',
    exitHint: true,
  },
  completed: {
    kind: 'task',
    severity: 'success',
    meaning: 'stopped after its essential container exited 0 and nothing else failed: a finished batch job',
    title: 'task completed',
  },
  crashed: {
    kind: 'task',
    severity: 'error',
    meaning: 'stopped because a container exited non-zero for its own reasons',
    title: 'task crashed',
    digestVerb: 'crashed',
    exitHint: true,
  },
  'out-of-memory': {
    kind: 'task',
    severity: 'error',
    meaning: 'a container or the task was killed for exceeding its memory, whatever the exit code',
    title: 'out of memory',
    digestVerb: 'ran out of memory',
  },
  'failed-to-start': {
    kind: 'task',
    severity: 'error',
    meaning: '`TaskFailedToStart`, or an image pull, resource initialisation, network or runtime error',
    title: 'task failed to start',
    digestVerb: 'failed to start',
    exitHint: true,
    cause: true,
  },
  'health-check-failed': {
    kind: 'task',
    severity: 'error',
    meaning: 'the load balancer or the container health check failed and the scheduler replaced the task',
    title: 'health checks failed',
    digestVerb: 'failed its health checks',
    cause: true,
  },
  'deployment-replaced': {
    kind: 'task',
    severity: 'info',
    meaning: "stopped by a deployment's scaling activity",
    title: 'task replaced by a deployment',
    routineStop: true,
  },
  'scaled-in': {
    kind: 'task',
    severity: 'info',
    meaning: 'stopped by another scheduler scaling activity',
    title: 'task scaled in',
    routineStop: true,
  },
  'stopped-by-user': {
    kind: 'task',
    severity: 'info',
    meaning: '`StopTask` was called (`UserInitiated`)',
    title: 'task stopped by a user',
    routineStop: true,
  },
  'spot-interrupted': {
    kind: 'task',
    severity: 'warning',
    meaning: 'Spot capacity reclaimed: the two-minute warning while still RUNNING, or the final stop',
    title: 'Spot interruption',
    digestVerb: 'was interrupted by Spot',
    beforeStop: true,
  },
  infrastructure: {
    kind: 'task',
    severity: 'warning',
    meaning: 'AWS stopped it: Fargate maintenance, the EC2 host terminated, `InfrastructureHealth`',
    title: 'task stopped by AWS',
    digestVerb: 'was stopped by AWS',
  },
  stopped: {
    kind: 'task',
    severity: 'warning',
    meaning: 'stopped for a reason nothing above recognises',
    title: 'task stopped',
    digestVerb: 'stopped',
    exitHint: true,
  },
  'steady-state': {
    kind: 'service',
    severity: 'info',
    meaning: '`SERVICE_STEADY_STATE`, `TASKSET_STEADY_STATE`, `CAPACITY_PROVIDER_STEADY_STATE`',
    title: 'steady state',
    recovery: true,
  },
  'desired-count-updated': {
    kind: 'service',
    severity: 'info',
    meaning: 'the scheduler changed the desired count',
    title: 'desired count updated',
  },
  'tasks-stopped': {
    kind: 'service',
    severity: 'info',
    meaning: 'the service stopped running tasks',
    title: 'tasks stopped',
  },
  'task-start-impaired': {
    kind: 'service',
    severity: 'warning',
    meaning: 'tasks keep failing to start; the scheduler backs off',
    title: 'unable to start tasks',
    digestVerb: 'was unable to start tasks',
    stoppedTaskEvidence: true,
  },
  'placement-failed': {
    kind: 'service',
    severity: 'error',
    meaning: 'no capacity to place a task (`RESOURCE:CPU`, `RESOURCE:FARGATE`, ...)',
    title: 'cannot place tasks',
    digestVerb: 'could not place a task',
  },
  'configuration-failed': {
    kind: 'service',
    severity: 'error',
    meaning: 'a task could not be placed because of its configuration',
    title: 'task configuration failed',
  },
  throttled: {
    kind: 'service',
    severity: 'error',
    meaning: 'the scheduler was throttled by ECS or Cloud Map API limits',
    title: 'throttled',
  },
  unhealthy: {
    kind: 'service',
    severity: 'warning',
    meaning: 'a Cloud Map instance or VPC Lattice target is unhealthy',
    title: 'unhealthy target',
  },
  'health-unknown': {
    kind: 'service',
    severity: 'error',
    meaning: "the scheduler could not read the tasks' health",
    title: 'health unknown',
  },
  'daemon-constraint-violated': {
    kind: 'service',
    severity: 'error',
    meaning: 'a daemon task no longer satisfies its placement constraints',
    title: 'daemon constraint violated',
  },
  'service-event': {
    kind: 'service',
    severity: 'info',
    severityFromEventType: true,
    meaning: 'an event name ecs-slack does not know yet',
    title: 'service event',
  },
  'deployment-started': {
    kind: 'deployment',
    severity: 'info',
    meaning: '`SERVICE_DEPLOYMENT_IN_PROGRESS`',
    title: 'deployment started',
    deploymentState: 'in-progress',
  },
  'deployment-rolling-back': {
    kind: 'deployment',
    severity: 'warning',
    meaning: 'an IN_PROGRESS whose reason says the circuit breaker or an alarm is rolling back',
    title: 'deployment rolling back',
    deploymentState: 'rolling-back',
  },
  'deployment-completed': {
    kind: 'deployment',
    severity: 'success',
    meaning: '`SERVICE_DEPLOYMENT_COMPLETED`, including a completed rollback',
    title: 'deployment completed',
    deploymentState: 'completed',
    recovery: true,
  },
  'deployment-failed': {
    kind: 'deployment',
    severity: 'error',
    meaning: '`SERVICE_DEPLOYMENT_FAILED`',
    title: 'deployment failed',
    deploymentState: 'failed',
    stoppedTaskEvidence: true,
  },
  'deployment-event': {
    kind: 'deployment',
    severity: 'info',
    severityFromEventType: true,
    meaning: 'a deployment event name ecs-slack does not know yet',
    title: 'deployment event',
  },
  // Container-instance outcomes in the order `classifyContainerInstance` tests them, the order in
  // which the event patterns list their fields.
  'instance-registration-failed': {
    kind: 'container-instance',
    severity: 'error',
    meaning: 'REGISTRATION_FAILED',
    title: 'instance registration failed',
    detailField: { field: 'status', values: ['REGISTRATION_FAILED'] },
  },
  'agent-update-failed': {
    kind: 'container-instance',
    severity: 'warning',
    meaning: 'an agent update failed',
    title: 'agent update failed',
    detailField: { field: 'agentUpdateStatus', values: ['FAILED'] },
  },
  'instance-deregistered': {
    kind: 'container-instance',
    severity: 'info',
    meaning: 'DEREGISTERING or INACTIVE',
    title: 'instance deregistered',
    detailField: { field: 'status', values: ['DEREGISTERING', 'INACTIVE'] },
  },
  'instance-draining': {
    kind: 'container-instance',
    severity: 'info',
    meaning: 'DRAINING: no new placements, service tasks moved away',
    title: 'instance draining',
    detailField: { field: 'status', values: ['DRAINING'] },
  },
  'agent-disconnected': {
    kind: 'container-instance',
    severity: 'warning',
    meaning: 'the ECS agent lost its connection (brief reconnects are routine)',
    title: 'agent disconnected',
    digestVerb: 'lost its agent',
    detailField: { field: 'agentConnected', values: [false] },
  },
  'instance-registering': {
    kind: 'container-instance',
    severity: 'info',
    meaning: 'REGISTERING',
    title: 'instance registering',
    detailField: { field: 'status', values: ['REGISTERING'] },
  },
  'instance-active': {
    kind: 'container-instance',
    severity: 'info',
    meaning: 'ACTIVE with its agent connected: mostly free-resource churn',
    title: 'instance active',
    churn: true,
  },
  'unknown-event': {
    kind: 'unknown',
    severity: 'info',
    meaning: 'any other detail-type from `aws.ecs`, passed through',
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
