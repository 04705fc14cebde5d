/**
 * The notification's metadata: its id, the thread it joins, the ARNs it names and the context
 * for custom actions. Identifiers are never cut or escaped: one that is not a plain identifier
 * is left out (a derived id takes the place of an unusable event id).
 *
 * @internal
 * @module
 */
import type { Classification } from '../../classify/classification.js';
import type { EcsEvent } from '../../events/index.js';
import { foldKey } from '../../filter/keys.js';
import { stableHash } from '../../internal/hash.js';
import { AMAZON_Q_LIMITS } from './limits.js';

/** An identifier ecs-slack passes through as it is: no markup, no spaces, no control characters. */
const PLAIN_ID = /^[A-Za-z0-9_\-.:/+=,]+$/;
/** An ARN of a plain identifier. */
const PLAIN_ARN = /^arn:[a-z0-9-]+:[a-z0-9-]+:[a-z0-9-]*:[0-9]*:[A-Za-z0-9_\-.:/+=,]+$/;
/** A `detail-type` shown as the event type: words, no markup. */
const PLAIN_TYPE = /^[A-Za-z0-9 _\-.:/]{1,128}$/;

/** `value` when it is a plain identifier of at most `max` characters, else `undefined`. */
export function plainId(value: string | undefined, max: number = AMAZON_Q_LIMITS.id): string | undefined {
  return value !== undefined && value.length <= max && PLAIN_ID.test(value) ? value : undefined;
}

/**
 * What a notification is: an alert about one event, or a digest of an incident's repeats.
 *
 * @internal
 */
export type NotificationRole = 'alert' | 'digest';

/**
 * The incident an event belongs to (what the noise filter folds together: account, Region,
 * cluster, service, outcome, cause and culprit container), as a short stable id.
 *
 * @internal
 */
export function incidentId(c: Classification): string {
  return `incident-${stableHash(`${c.identity.account}|${c.identity.region}|${foldKey(c).id}`)}`;
}

/**
 * The thread a notification joins, grouping what Slack groups: the deployment id for the task
 * and deployment events of a deployment, the incident for folded repeats and digests (and for
 * the first alert of a problem that folds, so its digests follow it); none for the rest.
 *
 * @internal
 */
export function threadIdOf(c: Classification, role: NotificationRole): string | undefined {
  if (role === 'digest') return incidentId(c);
  const deployment = plainId(c.identity.deploymentId);
  if ((c.kind === 'task' || c.kind === 'deployment') && deployment !== undefined) return deployment;
  // The noise filter folds warnings and errors of every kind but deployments.
  if (c.kind !== 'deployment' && (c.severity === 'warning' || c.severity === 'error')) return incidentId(c);
  return undefined;
}

/**
 * The notification's id: the event's id when it is a plain identifier, else one derived from it.
 *
 * @internal
 */
export function notificationId(event: EcsEvent): string {
  return plainId(event.id) ?? `event-${stableHash(event.id)}`;
}

/**
 * The event type: the `detail-type` when it is plain words, else `ECS event`.
 *
 * @internal
 */
export function eventTypeOf(event: EcsEvent): string {
  const type = event['detail-type'];
  return PLAIN_TYPE.test(type) ? type : 'ECS event';
}

/**
 * The ARNs the event names (its resources, the cluster, service, task, task definition and
 * container instance), each once, plain ones only, at most {@link AMAZON_Q_LIMITS}.relatedResources.
 *
 * @internal
 */
export function relatedResourcesOf(event: EcsEvent, c: Classification): string[] {
  const d = event.detail as { taskDefinitionArn?: unknown; containerInstanceArn?: unknown };
  const candidates: unknown[] = [
    ...event.resources,
    c.identity.taskArn,
    c.identity.serviceArn,
    c.identity.clusterArn,
    d.taskDefinitionArn,
    d.containerInstanceArn,
  ];
  const arns = new Set<string>();
  for (const arn of candidates) {
    if (typeof arn === 'string' && arn.length <= AMAZON_Q_LIMITS.resourceArn && PLAIN_ARN.test(arn)) arns.add(arn);
  }
  return [...arns].slice(0, AMAZON_Q_LIMITS.relatedResources);
}

/**
 * Context for custom actions: ecs-slack's vocabulary and the identifiers that are plain, each at
 * most {@link AMAZON_Q_LIMITS}.contextValue characters.
 *
 * @internal
 */
export function additionalContextOf(c: Classification): Record<string, string> {
  const id = c.identity;
  const context: Record<string, string> = { kind: c.kind, outcome: c.outcome, severity: c.severity };
  const candidates: ReadonlyArray<readonly [string, string | undefined]> = [
    ['cause', c.cause],
    ['account', id.account],
    ['region', id.region],
    ['cluster', id.cluster],
    ['service', id.service],
    ['taskId', id.taskId],
    ['deploymentId', id.deploymentId],
    ['containerInstanceId', id.containerInstanceId],
    ['container', c.culprit?.name],
    ['exitCode', c.culprit?.exitCode === undefined ? undefined : String(c.culprit.exitCode)],
  ];
  for (const [key, value] of candidates) {
    const plain = plainId(value, AMAZON_Q_LIMITS.contextValue);
    if (plain !== undefined) context[key] = plain;
  }
  return context;
}
