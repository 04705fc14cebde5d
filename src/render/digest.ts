/**
 * The digest a crash loop folds into: "api crashed 14 more times in the last 10 min; last exit 1".
 *
 * @module
 */
import type { Digest } from '../filter/digest.js';
import {
  contextOf,
  customTitle,
  dateValue,
  linkedField,
  linksOf,
  placeFields,
  subjectOf,
  withExtraFields,
} from './draft-parts.js';
import { assemble } from './layout.js';
import { outcomeRecord } from '../classify/outcomes.js';
import type { RenderOptions } from './options.js';
import type { SlackMessage } from './slack-message.js';
import { text } from './mrkdwn.js';

export type { ClassifiedEvent } from '../classify/classification.js';
export type { Digest } from '../filter/digest.js';

/**
 * The digest's sentence: `api crashed 14 more times in the last 10 min; last exit 1`.
 *
 * @param digest - The folded repeats.
 * @returns One plain sentence.
 * @example
 * ```ts
 * digestSummary({ count: 14, since, until, latest }); // 'api crashed 14 more times in the last 10 min; last exit 1'
 * ```
 */
export function digestSummary(digest: Digest): string {
  const c = digest.latest.classification;
  const subject = c.culprit?.name ?? c.identity.service ?? c.identity.group ?? c.identity.cluster ?? 'The service';
  const verb = outcomeRecord(c.outcome).digestVerb ?? `had "${c.outcome}"`;
  const minutes = Math.max(1, Math.ceil((Date.parse(digest.until) - Date.parse(digest.since)) / 60_000) || 1);
  const times = digest.count === 1 ? 'once more' : `${digest.count} more times`;
  const last = c.culprit?.exitCode === undefined ? '' : `; last exit ${c.culprit.exitCode}`;
  return `${subject} ${verb} ${times} in the last ${minutes} min${last}`;
}

/**
 * Renders a digest of folded repeats: the count and window, the latest details, the fix.
 *
 * @param digest - The folded repeats.
 * @param options - The same options as {@link renderMessage}.
 * @returns A Slack message.
 * @example
 * ```ts
 * await sender.post(renderDigest(digest));
 * ```
 */
export function renderDigest(digest: Digest, options: RenderOptions = {}): SlackMessage {
  const { event, classification: c } = digest.latest;
  return assemble(
    {
      title:
        customTitle(event, c, options) ??
        `${subjectOf(c)}: ${outcomeRecord(c.outcome).title}, ${digest.count === 1 ? 'once more' : `${digest.count} more times`}`,
      summary: digestSummary(digest),
      severity: c.severity,
      fields: withExtraFields(
        [
          ...placeFields(c),
          { label: 'Repeats', value: text(String(digest.count)) },
          { label: 'Since', value: dateValue(digest.since) },
          { label: 'Latest', value: dateValue(digest.until) },
          linkedField('Latest task', c.identity.taskId, c.links.task),
        ],
        event,
        c,
        options,
      ),
      ...(c.reason === undefined ? {} : { reason: c.reason, reasonLabel: 'Latest reason' }),
      ...(c.hint === undefined ? {} : { hint: c.hint }),
      links: linksOf(
        [
          ['Latest task', c.links.task],
          ['Service events', c.links.serviceEvents],
        ],
        event,
        c,
        options,
      ),
      context: contextOf(event, c),
    },
    options,
  );
}
