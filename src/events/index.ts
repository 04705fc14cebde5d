/**
 * The parsed-event union: every ECS event, discriminated by `kind`.
 *
 * @module
 */
import type { EcsEnvelope } from './common.js';
import type { ContainerInstanceStateChange } from './container-instance-state-change.js';
import type { DeploymentStateChange } from './deployment-state-change.js';
import {
  CONTAINER_INSTANCE_STATE_CHANGE,
  DEPLOYMENT_STATE_CHANGE,
  SERVICE_ACTION,
  TASK_STATE_CHANGE,
} from './detail-types.js';
import type { ServiceAction } from './service-action.js';
import type { TaskStateChange } from './task-state-change.js';

/**
 * What an event is about, the discriminant of {@link EcsEvent}.
 *
 * @remarks
 * - `task`: `ECS Task State Change`
 * - `service`: `ECS Service Action`
 * - `deployment`: `ECS Deployment State Change`
 * - `container-instance`: `ECS Container Instance State Change`
 * - `unknown`: any other `detail-type` from `aws.ecs` (for example `ECS Container Instance
 *   Health Change`), passed through with its raw detail
 */
export type EcsEventKind = 'task' | 'service' | 'deployment' | 'container-instance' | 'unknown';

/**
 * The four kinds ecs-slack understands in depth (every {@link EcsEventKind} but `unknown`).
 */
export type KnownEcsEventKind = Exclude<EcsEventKind, 'unknown'>;

/**
 * The `detail-type` of each known kind.
 *
 * @example
 * ```ts
 * DETAIL_TYPES.task; // 'ECS Task State Change'
 * ```
 */
export const DETAIL_TYPES: {
  /** Task events. */
  readonly task: typeof TASK_STATE_CHANGE;
  /** Service action events. */
  readonly service: typeof SERVICE_ACTION;
  /** Deployment events. */
  readonly deployment: typeof DEPLOYMENT_STATE_CHANGE;
  /** Container-instance events. */
  readonly 'container-instance': typeof CONTAINER_INSTANCE_STATE_CHANGE;
} = {
  task: TASK_STATE_CHANGE,
  service: SERVICE_ACTION,
  deployment: DEPLOYMENT_STATE_CHANGE,
  'container-instance': CONTAINER_INSTANCE_STATE_CHANGE,
};

/** A parsed `ECS Task State Change`. */
export interface TaskEvent extends TaskStateChange {
  /** Discriminant: always `task`. */
  kind: 'task';
}

/** A parsed `ECS Service Action`. */
export interface ServiceActionEvent extends ServiceAction {
  /** Discriminant: always `service`. */
  kind: 'service';
}

/** A parsed `ECS Deployment State Change`. */
export interface DeploymentEvent extends DeploymentStateChange {
  /** Discriminant: always `deployment`. */
  kind: 'deployment';
}

/** A parsed `ECS Container Instance State Change`. */
export interface ContainerInstanceEvent extends ContainerInstanceStateChange {
  /** Discriminant: always `container-instance`. */
  kind: 'container-instance';
}

/**
 * An event from `aws.ecs` with a `detail-type` ecs-slack does not model. Kept, never an error,
 * so new event types AWS adds still reach you.
 */
export interface UnknownEcsEvent extends EcsEnvelope<string, Record<string, unknown>> {
  /** Discriminant: always `unknown`. */
  kind: 'unknown';
}

/**
 * Any parsed Amazon ECS event. Narrow on `kind` to get the right `detail` type.
 *
 * @example
 * ```ts
 * const event = parseEcsEvent(input);
 * if (event.kind === 'task') console.log(event.detail.lastStatus);
 * ```
 */
export type EcsEvent = TaskEvent | ServiceActionEvent | DeploymentEvent | ContainerInstanceEvent | UnknownEcsEvent;
