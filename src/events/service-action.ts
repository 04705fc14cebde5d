/**
 * `ECS Service Action`: the service scheduler reports steady state, trouble starting or
 * placing tasks, throttling and health problems.
 *
 * @module
 */
import * as z from 'zod/mini';
import { once } from '../internal/once.js';
import type { EcsEnvelope, OpenString } from './common.js';
import { envelopeSchema } from './common.js';

import { SERVICE_ACTION } from './detail-types.js';

export { SERVICE_ACTION } from './detail-types.js';

/**
 * Severity AWS gives a service action event.
 */
export type ServiceEventType = OpenString<'INFO' | 'WARN' | 'ERROR'>;

/**
 * Service action event names documented today. AWS adds new ones; any other string parses.
 *
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_service_events.html
 */
export type ServiceActionName = OpenString<
  | 'SERVICE_STEADY_STATE'
  | 'TASKSET_STEADY_STATE'
  | 'CAPACITY_PROVIDER_STEADY_STATE'
  | 'SERVICE_DESIRED_COUNT_UPDATED'
  | 'TASKS_STOPPED'
  | 'SERVICE_DEPLOYMENT_IN_PROGRESS'
  | 'SERVICE_DEPLOYMENT_COMPLETED'
  | 'SERVICE_DEPLOYMENT_FAILED'
  | 'SERVICE_TASK_START_IMPAIRED'
  | 'SERVICE_DISCOVERY_INSTANCE_UNHEALTHY'
  | 'VPC_LATTICE_TARGET_UNHEALTHY'
  | 'SERVICE_DAEMON_PLACEMENT_CONSTRAINT_VIOLATED'
  | 'ECS_OPERATION_THROTTLED'
  | 'SERVICE_DISCOVERY_OPERATION_THROTTLED'
  | 'SERVICE_TASK_PLACEMENT_FAILURE'
  | 'SERVICE_TASK_CONFIGURATION_FAILURE'
  | 'SERVICE_HEALTH_UNKNOWN'
>;

/**
 * The body of an `ECS Service Action` event. The service itself is named only in the
 * envelope's `resources[0]`; there is no `detail.version`.
 *
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_service_events.html
 */
export interface ServiceActionDetail {
  /** `INFO`, `WARN` or `ERROR`. */
  eventType: ServiceEventType;
  /** What happened, for example `SERVICE_TASK_START_IMPAIRED`. */
  eventName: ServiceActionName;
  /** ARN of the cluster. */
  clusterArn: string;
  /** When the event was created, millisecond precision. */
  createdAt?: string;
  /** Why, for failures: `RESOURCE:CPU`, `RESOURCE:FARGATE`, ... or prose. */
  reason?: string;
  /** Capacity providers involved (placement failures). */
  capacityProviderArns?: string[];
  /** Container instances considered (EC2 placement failures). */
  containerInstanceArns?: string[];
  /** EC2 instances involved. */
  ec2InstanceIds?: string[];
  /** Tasks involved, for example for `TASKS_STOPPED`. */
  taskArns?: string[];
  /** Task sets involved (blue/green and external deployments). */
  taskSetArns?: string[];
  /** The new desired count (`SERVICE_DESIRED_COUNT_UPDATED`). */
  desiredCount?: number;
  /** Target groups involved (load-balancer health). */
  targetGroupArns?: string[];
  /** Cloud Map registries involved. */
  serviceRegistryArns?: string[];
  /** Container port involved (load-balancer health). */
  containerPort?: number;
}

/**
 * Builds {@link ServiceActionDetailSchema} on first use.
 *
 * @internal
 */
export const serviceActionDetailSchema: () => z.ZodMiniType<ServiceActionDetail> = /* @__PURE__ */ once(() => {
  const optionalStrings = z.optional(z.array(z.string()));

  return z.looseObject({
    eventType: z.string(),
    eventName: z.string(),
    clusterArn: z.string(),
    createdAt: z.optional(z.string()),
    reason: z.optional(z.string()),
    capacityProviderArns: optionalStrings,
    containerInstanceArns: optionalStrings,
    ec2InstanceIds: optionalStrings,
    taskArns: optionalStrings,
    taskSetArns: optionalStrings,
    desiredCount: z.optional(z.number()),
    targetGroupArns: optionalStrings,
    serviceRegistryArns: optionalStrings,
    containerPort: z.optional(z.number()),
  });
});

/**
 * Schema of {@link ServiceActionDetail}; unknown fields and event names pass through.
 */
export const ServiceActionDetailSchema: z.ZodMiniType<ServiceActionDetail> =
  /* @__PURE__ */ serviceActionDetailSchema();

/**
 * An `ECS Service Action` event in its EventBridge envelope.
 */
export type ServiceAction = EcsEnvelope<typeof SERVICE_ACTION, ServiceActionDetail>;

/**
 * Builds {@link ServiceActionSchema} on first use.
 *
 * @internal
 */
export const serviceActionSchema: () => z.ZodMiniType<ServiceAction> = /* @__PURE__ */ once(() =>
  envelopeSchema(z.literal(SERVICE_ACTION), serviceActionDetailSchema()),
);

/**
 * Schema of a whole {@link ServiceAction} event.
 *
 * @example
 * ```ts
 * const event = ServiceActionSchema.parse(input);
 * console.log(event.detail.eventName, event.resources[0]);
 * ```
 */
export const ServiceActionSchema: z.ZodMiniType<ServiceAction> = /* @__PURE__ */ serviceActionSchema();
