/**
 * Building blocks shared by the four ECS event schemas.
 *
 * @module
 */
import * as z from 'zod/mini';
import { once } from '../internal/once.js';

/**
 * A string that is usually one of the known values `T`, but may be any other string AWS adds
 * later. Editors still suggest the known values.
 *
 * @typeParam T - The values documented today.
 * @example
 * ```ts
 * const status: OpenString<'RUNNING' | 'STOPPED'> = 'DEACTIVATING'; // fine
 * ```
 */
export type OpenString<T extends string> = T | (string & {});

/**
 * A `{ name, value }` pair, as in task attachment details and attributes.
 */
export interface NameValuePair {
  /** The pair's name, for example `subnetId` or `ecs.cpu-architecture`. */
  name: string;
  /** The value; absent for capability attributes that only declare a name. */
  value?: string;
}

/**
 * Builds {@link NameValuePairSchema} on first use (see {@link once}).
 *
 * @internal
 */
export const nameValuePairSchema: () => z.ZodMiniType<NameValuePair> = /* @__PURE__ */ once(() =>
  z.looseObject({
    name: z.string(),
    value: z.optional(z.string()),
  }),
);

/**
 * Schema of a {@link NameValuePair}; unknown fields pass through.
 */
export const NameValuePairSchema: z.ZodMiniType<NameValuePair> = /* @__PURE__ */ nameValuePairSchema();

/**
 * Status of a task or container-instance attachment.
 *
 * @see https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Attachment.html
 */
export type AttachmentStatus = OpenString<
  'PRECREATED' | 'CREATED' | 'ATTACHING' | 'ATTACHED' | 'DETACHING' | 'DETACHED' | 'DELETED' | 'FAILED'
>;

/**
 * A resource attached to a task or container instance: an elastic network interface (`eni`),
 * a service-discovery registration (`sdi`), a load-balancer registration (`elb`), a trunk ENI.
 *
 * @see https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Attachment.html
 */
export interface Attachment {
  /** Unique id of the attachment. */
  id: string;
  /** Attachment type as events spell it: `eni`, `sdi`, `elb`, ... (the API names differ). */
  type: OpenString<'eni' | 'sdi' | 'elb'>;
  /** Lifecycle status of the attachment. */
  status: AttachmentStatus;
  /** Type-specific details: `subnetId`, `networkInterfaceId`, `privateIPv4Address`, ... */
  details?: NameValuePair[];
}

/**
 * Builds {@link AttachmentSchema} on first use.
 *
 * @internal
 */
export const attachmentSchema: () => z.ZodMiniType<Attachment> = /* @__PURE__ */ once(() =>
  z.looseObject({
    id: z.string(),
    type: z.string(),
    status: z.string(),
    details: z.optional(z.array(nameValuePairSchema())),
  }),
);

/**
 * Schema of an {@link Attachment}; unknown fields pass through.
 */
export const AttachmentSchema: z.ZodMiniType<Attachment> = /* @__PURE__ */ attachmentSchema();

/**
 * The envelope EventBridge puts around every AWS service event.
 *
 * Structurally compatible with `EventBridgeEvent<TDetailType, TDetail>` from
 * `@types/aws-lambda`.
 *
 * @typeParam TDetailType - The `detail-type` string.
 * @typeParam TDetail - The kind-specific body.
 * @see https://docs.aws.amazon.com/eventbridge/latest/ref/events-structure.html
 */
export interface EcsEnvelope<TDetailType extends string, TDetail> {
  /** Envelope version, always `"0"` (not the resource version, which is `detail.version`). */
  version: string;
  /** Unique id of this delivery; duplicates of one event share it. */
  id: string;
  /** Which kind of event this is. */
  'detail-type': TDetailType;
  /** Always `aws.ecs` for Amazon ECS events. */
  source: 'aws.ecs';
  /** The AWS account id. Published samples often redact it, so its shape is not checked. */
  account: string;
  /** When the event was emitted, ISO-8601 UTC (`2020-03-16T15:37:04Z`). */
  time: string;
  /** The AWS Region, for example `eu-west-1`. */
  region: string;
  /**
   * The ARN of the resource the event is about: the task, the container instance, or (for
   * service action and deployment events) the service.
   */
  resources: string[];
  /** The kind-specific body. */
  detail: TDetail;
  /** Name of the EventBridge replay that re-sent this event, when it was replayed. */
  'replay-name'?: string;
}

/**
 * Builds the schema of an ECS envelope around a detail-type and a detail schema.
 *
 * @internal
 */
export function envelopeSchema<TDetailType extends string, TDetail>(
  detailType: z.ZodMiniType<TDetailType>,
  detail: z.ZodMiniType<TDetail>,
): z.ZodMiniType<EcsEnvelope<TDetailType, TDetail>> {
  return z.looseObject({
    version: z.string(),
    id: z.string(),
    'detail-type': detailType,
    source: z.literal('aws.ecs'),
    account: z.string(),
    time: z.string(),
    region: z.string(),
    resources: z.array(z.string()),
    detail,
    'replay-name': z.optional(z.string()),
  });
}

/**
 * Builds the schema of an event of a detail-type ecs-slack does not model: the envelope
 * around any detail object.
 *
 * @internal
 */
export const unknownEcsEventSchema: () => z.ZodMiniType<EcsEnvelope<string, Record<string, unknown>>> =
  /* @__PURE__ */ once(() => envelopeSchema(z.string(), z.record(z.string(), z.unknown())));
