/**
 * The container-instance renderer: the instance, its status, agent and capacity.
 *
 * @internal
 * @module
 */
import type { Classification } from '../classify/classification.js';
import type { ContainerInstanceEvent } from '../events/index.js';
import { dateValue, draftBase, linkedField, linksOf, withExtraFields } from './draft-parts.js';
import type { Draft } from './layout.js';
import { code, text } from './mrkdwn.js';
import type { RenderOptions } from './options.js';

/**
 * Drafts a container-instance message.
 *
 * @internal
 */
export function draftInstance(event: ContainerInstanceEvent, c: Classification, options: RenderOptions): Draft {
  const d = event.detail;
  const id = c.identity;
  return {
    ...draftBase(event, c, options),
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
        { label: 'Registered', value: dateValue(d.registeredAt), key: true },
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
