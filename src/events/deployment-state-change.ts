/**
 * `ECS Deployment State Change`: a rolling deployment started, completed, failed or is
 * rolling back.
 *
 * @module
 */
import * as z from 'zod/mini';
import { once } from '../internal/once.js';
import type { EcsEnvelope, OpenString } from './common.js';
import { envelopeSchema } from './common.js';

import { DEPLOYMENT_STATE_CHANGE } from './detail-types.js';

export { DEPLOYMENT_STATE_CHANGE } from './detail-types.js';

/**
 * Deployment event names. A rollback is an `SERVICE_DEPLOYMENT_IN_PROGRESS` whose reason says
 * it is rolling back.
 *
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_service_deployment_events.html
 */
export type DeploymentEventName = OpenString<
  'SERVICE_DEPLOYMENT_IN_PROGRESS' | 'SERVICE_DEPLOYMENT_COMPLETED' | 'SERVICE_DEPLOYMENT_FAILED'
>;

/**
 * The body of an `ECS Deployment State Change` event. The service is named only in the
 * envelope's `resources[0]`.
 *
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_service_deployment_events.html
 */
export interface DeploymentStateChangeDetail {
  /** `INFO` or `ERROR`. */
  eventType: OpenString<'INFO' | 'WARN' | 'ERROR'>;
  /** In progress, completed or failed. */
  eventName: DeploymentEventName;
  /** `ecs-svc/<digits>`: equals `startedBy` of the tasks this deployment launches. */
  deploymentId: string;
  /** When the deployment changed (second or millisecond precision). */
  updatedAt: string;
  /** Free text: `ECS deployment ecs-svc/... in progress.`, `... circuit breaker: rolling back ...`. */
  reason?: string;
  /** ARN of the cluster; only in events since 2025, so fall back to `resources[0]`. */
  clusterArn?: string;
}

/**
 * Builds {@link DeploymentStateChangeDetailSchema} on first use.
 *
 * @internal
 */
export const deploymentStateChangeDetailSchema: () => z.ZodMiniType<DeploymentStateChangeDetail> = /* @__PURE__ */ once(
  () =>
    z.looseObject({
      eventType: z.string(),
      eventName: z.string(),
      deploymentId: z.string(),
      updatedAt: z.string(),
      reason: z.optional(z.string()),
      clusterArn: z.optional(z.string()),
    }),
);

/**
 * Schema of {@link DeploymentStateChangeDetail}; unknown fields and names pass through.
 */
export const DeploymentStateChangeDetailSchema: z.ZodMiniType<DeploymentStateChangeDetail> =
  /* @__PURE__ */ deploymentStateChangeDetailSchema();

/**
 * An `ECS Deployment State Change` event in its EventBridge envelope.
 */
export type DeploymentStateChange = EcsEnvelope<typeof DEPLOYMENT_STATE_CHANGE, DeploymentStateChangeDetail>;

/**
 * Builds {@link DeploymentStateChangeSchema} on first use.
 *
 * @internal
 */
export const deploymentStateChangeSchema: () => z.ZodMiniType<DeploymentStateChange> = /* @__PURE__ */ once(() =>
  envelopeSchema(z.literal(DEPLOYMENT_STATE_CHANGE), deploymentStateChangeDetailSchema()),
);

/**
 * Schema of a whole {@link DeploymentStateChange} event.
 *
 * @example
 * ```ts
 * const event = DeploymentStateChangeSchema.parse(input);
 * console.log(event.detail.deploymentId, event.detail.eventName);
 * ```
 */
export const DeploymentStateChangeSchema: z.ZodMiniType<DeploymentStateChange> =
  /* @__PURE__ */ deploymentStateChangeSchema();
