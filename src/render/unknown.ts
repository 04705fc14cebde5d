/**
 * The renderer of detail-types ecs-slack does not model: the type, cluster, resource and raw detail.
 *
 * @internal
 * @module
 */
import type { Classification } from '../classify/classification.js';
import type { UnknownEcsEvent } from '../events/index.js';
import { draftBase, linkedField, linksOf, withExtraFields } from './draft-parts.js';
import { jsonPreview } from './json-preview.js';
import type { Draft } from './layout.js';
import { SLACK_LIMITS } from './limits.js';
import { code, text } from './mrkdwn.js';
import type { RenderOptions } from './options.js';

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
    ...draftBase(event, c, options),
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
