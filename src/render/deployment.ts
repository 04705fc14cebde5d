/**
 * The deployment renderer: the deployment, its event and reason, and links to its deployments.
 *
 * @internal
 * @module
 */
import type { Classification } from '../classify/classification.js';
import type { DeploymentEvent } from '../events/index.js';
import { dateValue, draftBase, linksOf, placeFields, withExtraFields } from './draft-parts.js';
import type { Draft } from './layout.js';
import { code } from './mrkdwn.js';
import type { RenderOptions } from './options.js';

/**
 * Drafts a deployment message.
 *
 * @internal
 */
export function draftDeployment(event: DeploymentEvent, c: Classification, options: RenderOptions): Draft {
  const d = event.detail;
  return {
    ...draftBase(event, c, options),
    fields: withExtraFields(
      [
        ...placeFields(c),
        { label: 'Deployment', value: code(d.deploymentId), key: true },
        { label: 'Event', value: code(d.eventName) },
        { label: 'Updated', value: dateValue(d.updatedAt), key: true },
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
