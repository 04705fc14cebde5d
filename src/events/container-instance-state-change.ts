/**
 * `ECS Container Instance State Change`: an EC2 or external instance registered, drained,
 * lost its agent, or merely had its free resources change.
 *
 * @module
 */
import * as z from 'zod/mini';
import { once } from '../internal/once.js';
import type { Attachment, EcsEnvelope, NameValuePair, OpenString } from './common.js';
import { attachmentSchema, envelopeSchema, nameValuePairSchema } from './common.js';

import { CONTAINER_INSTANCE_STATE_CHANGE } from './detail-types.js';

export { CONTAINER_INSTANCE_STATE_CHANGE } from './detail-types.js';

/**
 * A container instance's status.
 *
 * @see https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerInstance.html
 */
export type ContainerInstanceStatus = OpenString<
  'REGISTERING' | 'REGISTRATION_FAILED' | 'ACTIVE' | 'INACTIVE' | 'DEREGISTERING' | 'DRAINING'
>;

/**
 * Progress of an agent update on the instance.
 */
export type AgentUpdateStatus = OpenString<'PENDING' | 'STAGING' | 'STAGED' | 'UPDATING' | 'UPDATED' | 'FAILED'>;

/**
 * A registered or remaining resource of the instance (`CPU`, `MEMORY`, `PORTS`, ...).
 */
export interface InstanceResource {
  /** `CPU`, `MEMORY`, `PORTS`, `PORTS_UDP`, `GPU`, ... */
  name: string;
  /** `INTEGER`, `LONG`, `DOUBLE` or `STRINGSET`. */
  type?: string;
  /** Value of an `INTEGER` resource. */
  integerValue?: number;
  /** Value of a `LONG` resource. */
  longValue?: number;
  /** Value of a `DOUBLE` resource. */
  doubleValue?: number;
  /** Value of a `STRINGSET` resource (ports). */
  stringSetValue?: string[];
}

/**
 * Versions of the software on the instance.
 */
export interface VersionInfo {
  /** Git hash of the ECS agent. */
  agentHash?: string;
  /** ECS agent version. */
  agentVersion?: string;
  /** Docker version. */
  dockerVersion?: string;
}

/**
 * The body of an `ECS Container Instance State Change` event.
 *
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_container_instance_events.html
 */
export interface ContainerInstanceStateChangeDetail {
  /** ARN of the cluster. */
  clusterArn: string;
  /** ARN of the container instance. */
  containerInstanceArn: string;
  /** Instance status. */
  status: ContainerInstanceStatus;
  /** Whether the ECS agent is connected; flips several times an hour as normal operation. */
  agentConnected: boolean;
  /** EC2 instance id (or the SSM managed-instance id for ECS Anywhere). */
  ec2InstanceId?: string;
  /** Why the instance is in this status (for example `REGISTRATION_FAILED`). */
  statusReason?: string;
  /** Progress of an agent update. */
  agentUpdateStatus?: AgentUpdateStatus;
  /** Resource version: grows with every change, identical on duplicate deliveries. */
  version?: number;
  /** Agent and Docker versions. */
  versionInfo?: VersionInfo;
  /** Resources the instance registered with. */
  registeredResources?: InstanceResource[];
  /** Resources still free. */
  remainingResources?: InstanceResource[];
  /** Capability and custom attributes. */
  attributes?: NameValuePair[];
  /** Number of running tasks. */
  runningTasksCount?: number;
  /** Number of pending tasks. */
  pendingTasksCount?: number;
  /** When the instance registered. */
  registeredAt?: string;
  /** When the instance last changed. */
  updatedAt?: string;
  /** Trunk ENI and other attachments. */
  attachments?: Attachment[];
  /** Auto Scaling group capacity provider of the instance. */
  capacityProviderName?: string;
  /** Account type (schema registry field). */
  accountType?: string;
}

/**
 * Builds {@link ContainerInstanceStateChangeDetailSchema} on first use.
 *
 * @internal
 */
export const containerInstanceStateChangeDetailSchema: () => z.ZodMiniType<ContainerInstanceStateChangeDetail> =
  /* @__PURE__ */ once(() => {
    const optionalNumber = z.optional(z.number());

    const instanceResource: z.ZodMiniType<InstanceResource> = z.looseObject({
      name: z.string(),
      type: z.optional(z.string()),
      integerValue: optionalNumber,
      longValue: optionalNumber,
      doubleValue: optionalNumber,
      stringSetValue: z.optional(z.array(z.string())),
    });

    return z.looseObject({
      clusterArn: z.string(),
      containerInstanceArn: z.string(),
      status: z.string(),
      agentConnected: z.boolean(),
      ec2InstanceId: z.optional(z.string()),
      statusReason: z.optional(z.string()),
      agentUpdateStatus: z.optional(z.string()),
      version: optionalNumber,
      versionInfo: z.optional(
        z.looseObject({
          agentHash: z.optional(z.string()),
          agentVersion: z.optional(z.string()),
          dockerVersion: z.optional(z.string()),
        }),
      ),
      registeredResources: z.optional(z.array(instanceResource)),
      remainingResources: z.optional(z.array(instanceResource)),
      attributes: z.optional(z.array(nameValuePairSchema())),
      runningTasksCount: optionalNumber,
      pendingTasksCount: optionalNumber,
      registeredAt: z.optional(z.string()),
      updatedAt: z.optional(z.string()),
      attachments: z.optional(z.array(attachmentSchema())),
      capacityProviderName: z.optional(z.string()),
      accountType: z.optional(z.string()),
    });
  });

/**
 * Schema of {@link ContainerInstanceStateChangeDetail}; unknown fields pass through.
 */
export const ContainerInstanceStateChangeDetailSchema: z.ZodMiniType<ContainerInstanceStateChangeDetail> =
  /* @__PURE__ */ containerInstanceStateChangeDetailSchema();

/**
 * An `ECS Container Instance State Change` event in its EventBridge envelope.
 */
export type ContainerInstanceStateChange = EcsEnvelope<
  typeof CONTAINER_INSTANCE_STATE_CHANGE,
  ContainerInstanceStateChangeDetail
>;

/**
 * Builds {@link ContainerInstanceStateChangeSchema} on first use.
 *
 * @internal
 */
export const containerInstanceStateChangeSchema: () => z.ZodMiniType<ContainerInstanceStateChange> =
  /* @__PURE__ */ once(() =>
    envelopeSchema(z.literal(CONTAINER_INSTANCE_STATE_CHANGE), containerInstanceStateChangeDetailSchema()),
  );

/**
 * Schema of a whole {@link ContainerInstanceStateChange} event.
 *
 * @example
 * ```ts
 * const event = ContainerInstanceStateChangeSchema.parse(input);
 * console.log(event.detail.status, event.detail.agentConnected);
 * ```
 */
export const ContainerInstanceStateChangeSchema: z.ZodMiniType<ContainerInstanceStateChange> =
  /* @__PURE__ */ containerInstanceStateChangeSchema();
