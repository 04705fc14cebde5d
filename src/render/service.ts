/**
 * Renderers for service actions, deployments, container instances and unknown kinds.
 *
 * @internal
 * @module
 */
import type { Classification } from '../classify/classification.js';
import type { ContainerInstanceEvent, DeploymentEvent, ServiceActionEvent, UnknownEcsEvent } from '../events/index.js';
import { lastSegment } from '../internal/arn.js';
import { contextOf, dateValue, linkedField, linksOf, placeFields, titleOf, withExtraFields } from './common.js';
import { jsonPreview } from './json-preview.js';
import type { Draft } from './layout.js';
import { SLACK_LIMITS } from './limits.js';
import { code, text } from './mrkdwn.js';
import type { RenderOptions } from './options.js';

function names(arns: readonly string[] | undefined): string | undefined {
  if (arns === undefined || arns.length === 0) return undefined;
  const shown = arns.slice(0, 5).map((arn) => lastSegment(arn) ?? arn);
  return arns.length > 5 ? `${shown.join(', ')} and ${arns.length - 5} more` : shown.join(', ');
}

function base(
  event: ServiceActionEvent | DeploymentEvent | ContainerInstanceEvent | UnknownEcsEvent,
  c: Classification,
  options: RenderOptions,
) {
  return {
    title: titleOf(event, c, options),
    summary: c.summary,
    severity: c.severity,
    ...(c.hint === undefined ? {} : { hint: c.hint }),
    context: contextOf(event, c),
  };
}

/**
 * Drafts a service action message.
 *
 * @internal
 */
export function draftService(event: ServiceActionEvent, c: Classification, options: RenderOptions): Draft {
  const d = event.detail;
  const providers = names(d.capacityProviderArns);
  const instances = d.containerInstanceArns?.length;
  // A reason that is only a code (`SERVICE:THROTTLED`) is a field; prose is quoted below.
  const reasonCode = d.reason !== undefined && /^[A-Z]+:[A-Z_]+$/.test(d.reason) ? d.reason : undefined;
  return {
    ...base(event, c, options),
    fields: withExtraFields(
      [
        ...placeFields(c),
        { label: 'Event', value: code(d.eventName) },
        { label: 'Reason code', value: reasonCode === undefined ? undefined : code(reasonCode) },
        { label: 'Capacity providers', value: providers === undefined ? undefined : text(providers) },
        { label: 'Instances considered', value: instances === undefined ? undefined : text(String(instances)) },
        { label: 'Desired count', value: d.desiredCount === undefined ? undefined : text(String(d.desiredCount)) },
        { label: 'Tasks', value: d.taskArns === undefined ? undefined : text(String(d.taskArns.length)) },
        { label: 'At', value: dateValue(d.createdAt) },
      ],
      event,
      c,
      options,
    ),
    ...(d.reason === undefined || reasonCode !== undefined ? {} : { reason: d.reason }),
    links: linksOf(
      [
        ['Service events', c.links.serviceEvents],
        ['Deployments', c.links.serviceDeployments],
        ['Cluster', c.links.cluster],
      ],
      event,
      c,
      options,
    ),
  };
}

/**
 * Drafts a deployment message.
 *
 * @internal
 */
export function draftDeployment(event: DeploymentEvent, c: Classification, options: RenderOptions): Draft {
  const d = event.detail;
  return {
    ...base(event, c, options),
    fields: withExtraFields(
      [
        ...placeFields(c),
        { label: 'Deployment', value: code(d.deploymentId) },
        { label: 'Event', value: code(d.eventName) },
        { label: 'Updated', value: dateValue(d.updatedAt) },
      ],
      event,
      c,
      options,
    ),
    ...(d.reason === undefined ? {} : { reason: d.reason }),
    links: linksOf(
      [
        ['Deployments', c.links.serviceDeployments],
        ['Service events', c.links.serviceEvents],
        ['Service', c.links.service],
      ],
      event,
      c,
      options,
    ),
  };
}

/**
 * Drafts a container-instance message.
 *
 * @internal
 */
export function draftInstance(event: ContainerInstanceEvent, c: Classification, options: RenderOptions): Draft {
  const d = event.detail;
  const id = c.identity;
  return {
    ...base(event, c, options),
    fields: withExtraFields(
      [
        linkedField('Cluster', id.cluster, c.links.cluster),
        linkedField('Instance', id.ec2InstanceId ?? id.containerInstanceId, c.links.containerInstance),
        { label: 'Status', value: code(d.status) },
        { label: 'Agent', value: text(d.agentConnected ? 'connected' : 'disconnected') },
        {
          label: 'Agent version',
          value: d.versionInfo?.agentVersion === undefined ? undefined : code(d.versionInfo.agentVersion),
        },
        { label: 'Agent update', value: d.agentUpdateStatus === undefined ? undefined : code(d.agentUpdateStatus) },
        {
          label: 'Running tasks',
          value: d.runningTasksCount === undefined ? undefined : text(String(d.runningTasksCount)),
        },
        {
          label: 'Capacity provider',
          value: d.capacityProviderName === undefined ? undefined : text(d.capacityProviderName),
        },
        { label: 'Registered', value: dateValue(d.registeredAt) },
      ],
      event,
      c,
      options,
    ),
    ...(d.statusReason === undefined ? {} : { reason: d.statusReason }),
    links: linksOf(
      [
        ['Container instance', c.links.containerInstance],
        ['Cluster', c.links.cluster],
      ],
      event,
      c,
      options,
    ),
  };
}

/** How much of an unknown detail is shown: the levels people read, within one section. */
const DETAIL_PREVIEW = { maxDepth: 6, maxLength: SLACK_LIMITS.sectionText } as const;

/**
 * Drafts a message for a detail-type ecs-slack does not model: its type, cluster, resource and
 * the raw detail.
 *
 * @internal
 */
export function draftUnknown(event: UnknownEcsEvent, c: Classification, options: RenderOptions): Draft {
  return {
    ...base(event, c, options),
    fields: withExtraFields(
      [
        { label: 'Detail type', value: text(event['detail-type']) },
        linkedField('Cluster', c.identity.cluster, c.links.cluster),
        { label: 'Resource', value: event.resources[0] === undefined ? undefined : code(event.resources[0]) },
      ],
      event,
      c,
      options,
    ),
    reason: jsonPreview(event.detail, DETAIL_PREVIEW),
    reasonLabel: 'Detail',
    links: linksOf([['Cluster', c.links.cluster]], event, c, options),
  };
}
