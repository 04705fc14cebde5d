/**
 * The classification vocabulary: the public contract of `classify`. Values are only ever added,
 * never renamed.
 *
 * @module
 */
import type { EcsEventKind } from '../events/index.js';
import type { Identity } from './identity.js';
import type { ConsoleLinks } from './links.js';

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
 * Where a task is in its lifecycle, from `lastStatus` and `desiredStatus`.
 *
 * - `starting`: PROVISIONING, PENDING or ACTIVATING while it should run
 * - `running`: RUNNING (including a RUNNING task whose stop was just decided)
 * - `stopping`: DEACTIVATING, STOPPING or DEPROVISIONING
 * - `stopped`: STOPPED
 */
export type TaskPhase = 'starting' | 'running' | 'stopping' | 'stopped';

/**
 * What happened to a task.
 *
 * - `starting`: desired RUNNING, last PROVISIONING / PENDING / ACTIVATING (info)
 * - `running`: last RUNNING, desired RUNNING (info)
 * - `stopping`: a stop was decided, the task is not STOPPED yet, nothing more specific is known (info)
 * - `completed`: stopped after its essential container exited 0 and nothing else failed: a finished batch job (success).
 *   Exits 137/143 of the other containers (ECS stopping them) do not count as failures; a missing exit code is not a 0
 * - `crashed`: stopped because a container exited non-zero for its own reasons (error)
 * - `out-of-memory`: a container or the task was killed for exceeding its memory, whatever the exit code (error)
 * - `failed-to-start`: `TaskFailedToStart`, or an image pull, resource initialisation, network or runtime error before running (error)
 * - `health-check-failed`: the load balancer or the container health check failed and the scheduler replaced the task (error)
 * - `deployment-replaced`: stopped by a deployment's scaling activity (`Scaling activity initiated by (deployment ...)`) (info)
 * - `scaled-in`: stopped by another scheduler scaling activity (info)
 * - `stopped-by-user`: `StopTask` was called (`UserInitiated`) (info)
 * - `spot-interrupted`: Spot capacity reclaimed: the two-minute warning while still RUNNING, or the final stop (warning)
 * - `infrastructure`: AWS stopped it: Fargate maintenance, the EC2 host terminated, `InfrastructureHealth` (warning)
 * - `stopped`: stopped for a reason nothing above recognises (warning)
 */
export type TaskOutcome =
  | 'starting'
  | 'running'
  | 'stopping'
  | 'completed'
  | 'crashed'
  | 'out-of-memory'
  | 'failed-to-start'
  | 'health-check-failed'
  | 'deployment-replaced'
  | 'scaled-in'
  | 'stopped-by-user'
  | 'spot-interrupted'
  | 'infrastructure'
  | 'stopped';

/**
 * What a service action event reports.
 *
 * - `steady-state`: `SERVICE_STEADY_STATE`, `TASKSET_STEADY_STATE`, `CAPACITY_PROVIDER_STEADY_STATE` (info)
 * - `desired-count-updated`: the scheduler changed the desired count (info)
 * - `tasks-stopped`: the service stopped running tasks (info)
 * - `task-start-impaired`: tasks keep failing to start; the scheduler backs off (warning)
 * - `placement-failed`: no capacity to place a task (`RESOURCE:CPU`, `RESOURCE:FARGATE`, ...) (error)
 * - `configuration-failed`: a task could not be placed because of its configuration (error)
 * - `throttled`: the scheduler was throttled by ECS or Cloud Map API limits (error)
 * - `unhealthy`: a Cloud Map instance or VPC Lattice target is unhealthy (warning)
 * - `health-unknown`: the scheduler could not read the tasks' health (error)
 * - `daemon-constraint-violated`: a daemon task no longer satisfies its placement constraints (error)
 * - `service-event`: an event name ecs-slack does not know yet; severity from `eventType`
 */
export type ServiceOutcome =
  | 'steady-state'
  | 'desired-count-updated'
  | 'tasks-stopped'
  | 'task-start-impaired'
  | 'placement-failed'
  | 'configuration-failed'
  | 'throttled'
  | 'unhealthy'
  | 'health-unknown'
  | 'daemon-constraint-violated'
  | 'service-event';

/**
 * What a deployment event reports (also used for the deployment names that arrive as service
 * actions).
 *
 * - `deployment-started`: `SERVICE_DEPLOYMENT_IN_PROGRESS` (info)
 * - `deployment-rolling-back`: an IN_PROGRESS whose reason says the circuit breaker or an alarm is rolling back (warning)
 * - `deployment-completed`: `SERVICE_DEPLOYMENT_COMPLETED`, including a completed rollback (success)
 * - `deployment-failed`: `SERVICE_DEPLOYMENT_FAILED` (error)
 * - `deployment-event`: a deployment event name ecs-slack does not know yet; severity from `eventType`
 */
export type DeploymentOutcome =
  | 'deployment-started'
  | 'deployment-rolling-back'
  | 'deployment-completed'
  | 'deployment-failed'
  | 'deployment-event';

/**
 * What a container-instance event reports.
 *
 * - `instance-active`: ACTIVE with its agent connected: mostly free-resource churn (info)
 * - `instance-registering`: REGISTERING (info)
 * - `instance-draining`: DRAINING: no new placements, service tasks moved away (info)
 * - `instance-deregistered`: DEREGISTERING or INACTIVE (info)
 * - `instance-registration-failed`: REGISTRATION_FAILED (error)
 * - `agent-disconnected`: the ECS agent lost its connection (brief reconnects are routine) (warning)
 * - `agent-update-failed`: an agent update failed (warning)
 */
export type InstanceOutcome =
  | 'instance-active'
  | 'instance-registering'
  | 'instance-draining'
  | 'instance-deregistered'
  | 'instance-registration-failed'
  | 'agent-disconnected'
  | 'agent-update-failed';

/**
 * What happened, across every kind. `unknown-event` is the outcome of kind `unknown` (info).
 */
export type Outcome = TaskOutcome | ServiceOutcome | DeploymentOutcome | InstanceOutcome | 'unknown-event';

/**
 * The family of a failure, refining `failed-to-start`, `health-check-failed` and placement
 * failures.
 *
 * - `image-pull`: the image could not be pulled (not found, access denied, no route, rate limited, ...)
 * - `secrets`: Secrets Manager or SSM values could not be fetched
 * - `logging`: the log driver could not be set up (missing log group, no route to CloudWatch Logs)
 * - `network`: ENI provisioning, subnet addresses, no route to an AWS endpoint
 * - `volume`: an EFS or other volume could not be created or mounted
 * - `capacity`: not enough CPU, memory, ports, ENIs or Fargate capacity, or a quota
 * - `runtime`: the container runtime could not create, start or run the container
 * - `load-balancer`: the load balancer's target health checks failed
 * - `container-health`: the task definition's container health check failed
 * - `other`: a failure of a family not listed above
 */
export type Cause =
  | 'image-pull'
  | 'secrets'
  | 'logging'
  | 'network'
  | 'volume'
  | 'capacity'
  | 'runtime'
  | 'load-balancer'
  | 'container-health'
  | 'other';

/**
 * The container that explains a stop.
 */
export interface Culprit {
  /** Container name. */
  readonly name: string;
  /** Its exit code, when the runtime reported one. */
  readonly exitCode?: number;
  /** What the exit code usually means (`killed by SIGKILL`, `segmentation fault`, ...). */
  readonly exitMeaning?: string;
  /** Its failure reason, as AWS wrote it. */
  readonly reason?: string;
  /** Its image, when known. */
  readonly image?: string;
}

/**
 * What usually fixes a failure, from the stop-reason catalogue.
 */
export interface Hint {
  /** Stable id of the catalogue row, for example `image-pull-not-found` or `exit-137`. */
  readonly id: string;
  /** A short plain-language fix. */
  readonly fix: string;
  /** The AWS documentation page about it. */
  readonly docsUrl: string;
}

/**
 * Everything `classify` concludes about one event.
 */
export interface Classification {
  /** The event's kind. */
  readonly kind: EcsEventKind;
  /** What happened. */
  readonly outcome: Outcome;
  /** How bad it is. */
  readonly severity: Severity;
  /** Where the task is in its lifecycle (task events only). */
  readonly phase?: TaskPhase;
  /** The failure family, where it applies. */
  readonly cause?: Cause;
  /**
   * One plain sentence a human would write, never empty. Until a task is STOPPED it says the
   * task is stopping or being stopped, not that it stopped.
   */
  readonly summary: string;
  /**
   * The AWS text that explains the event (stopped reason, container reason, service or deployment
   * reason). Absent when AWS sent none, or a blank one.
   */
  readonly reason?: string;
  /**
   * The container that explains a task stop. Never an AWS-injected sidecar without an image (the
   * GuardDuty agent) when another container explains it.
   */
  readonly culprit?: Culprit;
  /** What usually fixes it. */
  readonly hint?: Hint;
  /** Account, Region, cluster, service, task, deployment. */
  readonly identity: Identity;
  /** AWS console links. */
  readonly links: ConsoleLinks;
  /**
   * The fields the event lacked or held unreadable (`detail.taskDefinitionArn`), when it was read
   * leniently with `salvageEcsEvent`: the classification is a best effort from the rest, and
   * messages name these fields. Absent for an event that parsed as it was.
   */
  readonly missing?: readonly string[];
}
