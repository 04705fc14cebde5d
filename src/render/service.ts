/**
 * The service action renderer: the event, its reason code or reason, capacity and counts.
 *
 * @internal
 * @module
 */
import type { Classification } from '../classify/classification.js';
import type { ServiceActionEvent } from '../events/index.js';
import { lastSegment } from '../internal/arn.js';
import { dateValue, draftBase, linksOf, placeFields, withExtraFields } from './draft-parts.js';
import type { Draft } from './layout.js';
import { code, text } from './mrkdwn.js';
import type { RenderOptions } from './options.js';

function names(arns: readonly string[] | undefined): string | undefined {
  if (arns === undefined || arns.length === 0) return undefined;
  const shown = arns.slice(0, 5).map((arn) => lastSegment(arn) ?? arn);
  return arns.length > 5 ? `${shown.join(', ')} and ${arns.length - 5} more` : shown.join(', ');
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
    ...draftBase(event, c, options),
    fields: withExtraFields(
      [
        ...placeFields(c),
        { label: 'Event', value: code(d.eventName) },
        { label: 'Reason code', value: reasonCode === undefined ? undefined : code(reasonCode) },
        { label: 'Capacity providers', value: providers === undefined ? undefined : text(providers) },
        { label: 'Instances considered', value: instances === undefined ? undefined : text(String(instances)) },
        { label: 'Desired count', value: d.desiredCount === undefined ? undefined : text(String(d.desiredCount)) },
        { label: 'Tasks', value: d.taskArns === undefined ? undefined : text(String(d.taskArns.length)) },
        { label: 'At', value: dateValue(d.createdAt), key: true },
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
