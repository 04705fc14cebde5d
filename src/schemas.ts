/**
 * `ecs-slack/schemas`: the raw shapes. The zod schemas of the four detail-types and their types,
 * to extend or compose in your own schemas; the detail-type constants; and `unwrap`, which finds
 * the raw events in what a Lambda receives (EventBridge, SQS, SNS, arrays, replays).
 *
 * @example
 * ```ts
 * import * as z from 'zod';
 * import { TaskStateChangeSchema } from 'ecs-slack/schemas';
 *
 * const Archived = z.object({ event: TaskStateChangeSchema, receivedAt: z.number() });
 * ```
 *
 * @module ecs-slack/schemas
 */
export {
  AttachmentSchema,
  NameValuePairSchema,
  type Attachment,
  type AttachmentStatus,
  type EcsEnvelope,
  type NameValuePair,
  type OpenString,
} from './events/common.js';
export {
  TASK_STATE_CHANGE,
  TaskStateChangeDetailSchema,
  TaskStateChangeSchema,
  type Container,
  type ContainerOverride,
  type ContainerStatus,
  type EphemeralStorage,
  type LaunchType,
  type ManagedAgent,
  type NetworkBinding,
  type NetworkInterface,
  type TaskDesiredStatus,
  type TaskOverrides,
  type TaskStateChange,
  type TaskStateChangeDetail,
  type TaskStatus,
  type TaskStopCode,
} from './events/task-state-change.js';
export {
  SERVICE_ACTION,
  ServiceActionDetailSchema,
  ServiceActionSchema,
  type ServiceAction,
  type ServiceActionDetail,
  type ServiceActionName,
  type ServiceEventType,
} from './events/service-action.js';
export {
  DEPLOYMENT_STATE_CHANGE,
  DeploymentStateChangeDetailSchema,
  DeploymentStateChangeSchema,
  type DeploymentEventName,
  type DeploymentStateChange,
  type DeploymentStateChangeDetail,
} from './events/deployment-state-change.js';
export {
  CONTAINER_INSTANCE_STATE_CHANGE,
  ContainerInstanceStateChangeDetailSchema,
  ContainerInstanceStateChangeSchema,
  type AgentUpdateStatus,
  type ContainerInstanceStateChange,
  type ContainerInstanceStateChangeDetail,
  type ContainerInstanceStatus,
  type InstanceResource,
  type VersionInfo,
} from './events/container-instance-state-change.js';
export { DETAIL_TYPES, type KnownEcsEventKind } from './events/index.js';
export {
  unwrap,
  type RecordSource,
  type UnwrapFailure,
  type UnwrapOptions,
  type UnwrapOrigin,
  type UnwrappedEvent,
  type UnwrappedRecord,
} from './unwrap/index.js';
