/**
 * `ECS Task State Change`: a task (or one of its containers) changed state.
 *
 * @module
 */
import * as z from 'zod/mini';
import { once } from '../internal/once.js';
import {
  attachmentSchema,
  envelopeSchema,
  nameValuePairSchema,
  type Attachment,
  type EcsEnvelope,
  type NameValuePair,
  type OpenString,
} from './common.js';

import { TASK_STATE_CHANGE } from './detail-types.js';

export { TASK_STATE_CHANGE } from './detail-types.js';

/**
 * A task's `lastStatus`, in lifecycle order. `DELETED` only shows in `DescribeTasks`.
 *
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-lifecycle-explanation.html
 */
export type TaskStatus = OpenString<
  | 'PROVISIONING'
  | 'PENDING'
  | 'ACTIVATING'
  | 'RUNNING'
  | 'DEACTIVATING'
  | 'STOPPING'
  | 'DEPROVISIONING'
  | 'STOPPED'
  | 'DELETED'
>;

/**
 * A task's `desiredStatus`: `RUNNING` while it should live, `STOPPED` once a stop is decided.
 */
export type TaskDesiredStatus = OpenString<'PENDING' | 'RUNNING' | 'STOPPED'>;

/**
 * Why a task stopped, set as soon as the stop is decided. Absent on events from before 2019.
 *
 * @see https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Task.html
 */
export type TaskStopCode = OpenString<
  | 'TaskFailedToStart'
  | 'EssentialContainerExited'
  | 'UserInitiated'
  | 'ServiceSchedulerInitiated'
  | 'SpotInterruption'
  | 'TerminationNotice'
  | 'InfrastructureHealth'
>;

/**
 * How the task was launched. Filled with the resolved type even when a capacity provider
 * strategy was used.
 */
export type LaunchType = OpenString<'EC2' | 'FARGATE' | 'EXTERNAL'>;

/**
 * A container's `lastStatus`.
 */
export type ContainerStatus = OpenString<'PENDING' | 'RUNNING' | 'STOPPED'>;

/**
 * A port mapping of a bridge or host mode container on EC2.
 */
export interface NetworkBinding {
  /** Host address the port is bound to. */
  bindIP?: string;
  /** Port inside the container. */
  containerPort?: number;
  /** Port on the host (dynamic in bridge mode). */
  hostPort?: number;
  /** `tcp` or `udp`. */
  protocol?: OpenString<'tcp' | 'udp'>;
}

/**
 * The network interface of an `awsvpc` container.
 */
export interface NetworkInterface {
  /** Id of the task's ENI attachment. */
  attachmentId?: string;
  /** Private IPv4 address. */
  privateIpv4Address?: string;
  /** IPv6 address, when the subnet has one. */
  ipv6Address?: string;
}

/**
 * An agent running next to the container, such as the ECS Exec agent.
 */
export interface ManagedAgent {
  /** Agent name, for example `ExecuteCommandAgent`. */
  name: string;
  /** Agent status: `PENDING`, `RUNNING`, `STOPPED`. */
  status?: string;
  /** Why the agent is in this state, when it failed. */
  reason?: string;
  /** When the agent last started. */
  lastStartedAt?: string;
}

/**
 * One container of the task, as the event reports it.
 *
 * Sizes are strings (`"256"`; one AWS sample has the string `"null"`). Whether a container is
 * essential is not in the event.
 *
 * @see https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Container.html
 */
export interface Container {
  /** Container name from the task definition. */
  name: string;
  /** The container's own status, independent of the task's. */
  lastStatus: ContainerStatus;
  /** Container ARN (long or short form). */
  containerArn?: string;
  /** ARN of the task the container belongs to. */
  taskArn?: string;
  /** Image reference. Absent for some AWS-injected sidecars (GuardDuty agent). */
  image?: string;
  /** Digest of the pulled image. */
  imageDigest?: string;
  /** Runtime container id (Docker id, or `<taskId>-<n>` on Fargate 1.4+). */
  runtimeId?: string;
  /**
   * Exit code, once the container stopped and the runtime reported one. Absent when the
   * container never ran: absence is not success.
   */
  exitCode?: number;
  /** Container-level failure text, such as `OutOfMemoryError: Container killed due to memory usage`. */
  reason?: string;
  /** Port mappings (bridge and host network modes). */
  networkBindings?: NetworkBinding[];
  /** Network interfaces (`awsvpc` network mode). */
  networkInterfaces?: NetworkInterface[];
  /** CPU units reserved, as a string. */
  cpu?: string;
  /** Hard memory limit in MiB, as a string. */
  memory?: string;
  /** Soft memory limit in MiB, as a string. */
  memoryReservation?: string;
  /** Agents such as ECS Exec. */
  managedAgents?: ManagedAgent[];
  /** Container health (normally not sent in events). */
  healthStatus?: OpenString<'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN'>;
  /** GPUs assigned to the container. */
  gpuIds?: string[];
}

/**
 * The ephemeral storage of a Fargate task.
 */
export interface EphemeralStorage {
  /** Size in GiB (20 by default). */
  sizeInGiB?: number;
}

/**
 * Per-container overrides given to `RunTask` or by the service. Environment overrides may hold
 * secret-looking values: ecs-slack never renders them.
 */
export interface ContainerOverride {
  /** Name of the overridden container. */
  name?: string;
  /** Command override. */
  command?: string[];
  /** Environment overrides. */
  environment?: NameValuePair[];
  /** CPU override. */
  cpu?: number;
  /** Memory override in MiB. */
  memory?: number;
  /** Soft memory override in MiB. */
  memoryReservation?: number;
}

/**
 * Overrides applied to the task.
 */
export interface TaskOverrides {
  /** Per-container overrides. */
  containerOverrides?: ContainerOverride[];
  /** Task-level CPU override, as a string. */
  cpu?: string;
  /** Task-level memory override, as a string. */
  memory?: string;
  /** IAM role of the task. */
  taskRoleArn?: string;
  /** IAM role used to pull images and fetch secrets. */
  executionRoleArn?: string;
}

/**
 * The body of an `ECS Task State Change` event: the task as `DescribeTasks` would return it,
 * with timestamps as ISO-8601 strings.
 *
 * Fields AWS added over the years (`stopCode`, `capacityProviderName`, `enableExecuteCommand`,
 * ...) are optional, because older events lack them.
 *
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_task_events.html
 */
export interface TaskStateChangeDetail {
  /** ARN of the cluster. */
  clusterArn: string;
  /** ARN of the task, long (`task/<cluster>/<id>`) or short (`task/<id>`) form. */
  taskArn: string;
  /** ARN of the task definition, normally ending in `:<revision>`. */
  taskDefinitionArn: string;
  /** Where the task is now. */
  lastStatus: TaskStatus;
  /** Where the scheduler wants it. */
  desiredStatus: TaskDesiredStatus;
  /** The containers, possibly only partly filled in early states. */
  containers: Container[];
  /**
   * `service:<name>` for service tasks, `family:<family>` for standalone tasks by default, or a
   * custom group. The only field of a task event that names the service.
   */
  group?: string;
  /** When the task was created. */
  createdAt?: string;
  /** When the task last changed. */
  updatedAt?: string;
  /** Resource version: grows with every change, identical on duplicate deliveries. */
  version?: number;
  /** Overrides applied to the task. */
  overrides?: TaskOverrides;
  /** `EC2`, `FARGATE` or `EXTERNAL`; absent in events from 2016. */
  launchType?: LaunchType;
  /** `FARGATE`, `FARGATE_SPOT` or an Auto Scaling group capacity provider. */
  capacityProviderName?: string;
  /** Task CPU units, as a string. */
  cpu?: string;
  /** Task memory in MiB, as a string. */
  memory?: string;
  /** Availability Zone, once placed. */
  availabilityZone?: string;
  /** The EC2 or external instance (never on Fargate). */
  containerInstanceArn?: string;
  /** Fargate platform version (`1.4.0`). */
  platformVersion?: string;
  /** Fargate platform family (`Linux`). */
  platformFamily?: string;
  /** Whether the task is connected to the control plane. */
  connectivity?: OpenString<'CONNECTED' | 'DISCONNECTED'>;
  /** When `connectivity` last changed. */
  connectivityAt?: string;
  /** When image pulls started. */
  pullStartedAt?: string;
  /** When image pulls finished. */
  pullStoppedAt?: string;
  /** When the task reached `RUNNING`; absent if it never did. */
  startedAt?: string;
  /**
   * Who started the task. For service tasks `ecs-svc/<digits>`, which is the id of the
   * deployment that launched it.
   */
  startedBy?: string;
  /** When the stop was requested. */
  stoppingAt?: string;
  /** When the containers finished. */
  executionStoppedAt?: string;
  /** When the task reached `STOPPED`. */
  stoppedAt?: string;
  /** Why the task stopped or is stopping. */
  stopCode?: TaskStopCode;
  /** Free-text reason, such as `Essential container in task exited`. */
  stoppedReason?: string;
  /** ENI, service discovery and load-balancer attachments. */
  attachments?: Attachment[];
  /** Task attributes such as `ecs.cpu-architecture`. */
  attributes?: NameValuePair[];
  /** Whether ECS Exec is enabled. */
  enableExecuteCommand?: boolean;
  /** Fargate ephemeral storage. */
  ephemeralStorage?: EphemeralStorage;
  /** Task health (documented as absent from events; kept if it ever appears). */
  healthStatus?: OpenString<'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN'>;
}

/**
 * Builds {@link TaskStateChangeDetailSchema} on first use.
 *
 * @internal
 */
export const taskStateChangeDetailSchema: () => z.ZodMiniType<TaskStateChangeDetail> = /* @__PURE__ */ once(() => {
  const optionalString = z.optional(z.string());
  const optionalNumber = z.optional(z.number());

  const container: z.ZodMiniType<Container> = z.looseObject({
    name: z.string(),
    lastStatus: z.string(),
    containerArn: optionalString,
    taskArn: optionalString,
    image: optionalString,
    imageDigest: optionalString,
    runtimeId: optionalString,
    exitCode: optionalNumber,
    reason: optionalString,
    networkBindings: z.optional(
      z.array(
        z.looseObject({
          bindIP: optionalString,
          containerPort: optionalNumber,
          hostPort: optionalNumber,
          protocol: optionalString,
        }),
      ),
    ),
    networkInterfaces: z.optional(
      z.array(
        z.looseObject({
          attachmentId: optionalString,
          privateIpv4Address: optionalString,
          ipv6Address: optionalString,
        }),
      ),
    ),
    cpu: optionalString,
    memory: optionalString,
    memoryReservation: optionalString,
    managedAgents: z.optional(
      z.array(
        z.looseObject({
          name: z.string(),
          status: optionalString,
          reason: optionalString,
          lastStartedAt: optionalString,
        }),
      ),
    ),
    healthStatus: optionalString,
    gpuIds: z.optional(z.array(z.string())),
  });

  const overrides: z.ZodMiniType<TaskOverrides> = z.looseObject({
    containerOverrides: z.optional(
      z.array(
        z.looseObject({
          name: optionalString,
          command: z.optional(z.array(z.string())),
          environment: z.optional(z.array(nameValuePairSchema())),
          cpu: optionalNumber,
          memory: optionalNumber,
          memoryReservation: optionalNumber,
        }),
      ),
    ),
    cpu: optionalString,
    memory: optionalString,
    taskRoleArn: optionalString,
    executionRoleArn: optionalString,
  });

  return z.looseObject({
    clusterArn: z.string(),
    taskArn: z.string(),
    taskDefinitionArn: z.string(),
    lastStatus: z.string(),
    desiredStatus: z.string(),
    containers: z.array(container),
    group: optionalString,
    createdAt: optionalString,
    updatedAt: optionalString,
    version: optionalNumber,
    overrides: z.optional(overrides),
    launchType: optionalString,
    capacityProviderName: optionalString,
    cpu: optionalString,
    memory: optionalString,
    availabilityZone: optionalString,
    containerInstanceArn: optionalString,
    platformVersion: optionalString,
    platformFamily: optionalString,
    connectivity: optionalString,
    connectivityAt: optionalString,
    pullStartedAt: optionalString,
    pullStoppedAt: optionalString,
    startedAt: optionalString,
    startedBy: optionalString,
    stoppingAt: optionalString,
    executionStoppedAt: optionalString,
    stoppedAt: optionalString,
    stopCode: optionalString,
    stoppedReason: optionalString,
    attachments: z.optional(z.array(attachmentSchema())),
    attributes: z.optional(z.array(nameValuePairSchema())),
    enableExecuteCommand: z.optional(z.boolean()),
    ephemeralStorage: z.optional(z.looseObject({ sizeInGiB: optionalNumber })),
    healthStatus: optionalString,
  });
});

/**
 * Schema of {@link TaskStateChangeDetail}. Unknown fields pass through; status and stop-code
 * values are not restricted to the known ones.
 */
export const TaskStateChangeDetailSchema: z.ZodMiniType<TaskStateChangeDetail> =
  /* @__PURE__ */ taskStateChangeDetailSchema();

/**
 * An `ECS Task State Change` event in its EventBridge envelope.
 *
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_task_events.html
 */
export type TaskStateChange = EcsEnvelope<typeof TASK_STATE_CHANGE, TaskStateChangeDetail>;

/**
 * Builds {@link TaskStateChangeSchema} on first use.
 *
 * @internal
 */
export const taskStateChangeSchema: () => z.ZodMiniType<TaskStateChange> = /* @__PURE__ */ once(() =>
  envelopeSchema(z.literal(TASK_STATE_CHANGE), taskStateChangeDetailSchema()),
);

/**
 * Schema of a whole {@link TaskStateChange} event.
 *
 * @example
 * ```ts
 * const result = TaskStateChangeSchema.safeParse(JSON.parse(body));
 * if (result.success) console.log(result.data.detail.lastStatus);
 * ```
 */
export const TaskStateChangeSchema: z.ZodMiniType<TaskStateChange> = /* @__PURE__ */ taskStateChangeSchema();
