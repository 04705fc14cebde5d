/**
 * The parts of a draft every kind-specific renderer shares: title, place fields, links, context,
 * durations and dates.
 *
 * @internal
 * @module
 */
import type { Classification } from '../classify/classification.js';
import type {
  ContainerInstanceEvent,
  DeploymentEvent,
  EcsEvent,
  ServiceActionEvent,
  UnknownEcsEvent,
} from '../events/index.js';
import { actionLink } from '../classify/links.js';
import { timeMillis } from '../internal/time.js';
import type { Draft, DraftField, DraftLink } from './layout.js';
import { SLACK_LIMITS, fitId, fitList, fitProse } from './limits.js';
import { code, date, link, text, trusted, type Mrkdwn } from './mrkdwn.js';
import { outcomeRecord } from '../classify/outcomes.js';
import type { ExtraField, RenderOptions } from './options.js';

/**
 * What a message is about: the service, else the task's group (without `family:`), else the
 * container instance, else the cluster.
 *
 * @internal
 */
export function subjectOf(c: Classification): string {
  const { service, group, cluster, ec2InstanceId, containerInstanceId } = c.identity;
  return (
    service ??
    group?.replace(/^family:/, '') ??
    (c.kind === 'container-instance' ? (ec2InstanceId ?? containerInstanceId) : undefined) ??
    cluster ??
    'ECS'
  );
}

/**
 * The user's title, when the options give one that is not blank.
 *
 * @internal
 */
export function customTitle(event: EcsEvent, c: Classification, options: RenderOptions): string | undefined {
  const custom = typeof options.title === 'function' ? options.title(event, c) : options.title;
  // Trimmed: `* padded *` would not be bold in the compact variant.
  const trimmed = custom?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

/**
 * The title: the custom one, or `<subject>: <outcome>`.
 *
 * @internal
 */
export function titleOf(event: EcsEvent, c: Classification, options: RenderOptions): string {
  return customTitle(event, c, options) ?? `${subjectOf(c)}: ${outcomeRecord(c.outcome).title}`;
}

/**
 * A value linked to the console when there is a link, else as code.
 *
 * @internal
 */
export function linked(value: string | undefined, url: string | undefined): Mrkdwn | undefined {
  if (value === undefined || value === '') return undefined;
  return url === undefined ? code(value) : link(url, value);
}

/**
 * A field whose value is linked to the console when there is a link, else shown as code; it
 * remembers its URL so the link line does not repeat it.
 *
 * @internal
 */
export function linkedField(label: string, value: string | undefined, url: string | undefined): DraftField {
  const shown = linked(value, url);
  return shown === undefined || url === undefined ? { label, value: shown } : { label, value: shown, url };
}

/**
 * The cluster and service fields.
 *
 * @internal
 */
export function placeFields(c: Classification): DraftField[] {
  return [
    linkedField('Cluster', c.identity.cluster, c.links.cluster),
    linkedField('Service', c.identity.service, c.links.service),
  ];
}

/**
 * Our fields and the user's extra fields, at most 10: our key fields always, then the user's in
 * order, then our others while there is room; ours first in their order, the user's after.
 *
 * @internal
 */
export function withExtraFields(
  ours: readonly DraftField[],
  event: EcsEvent,
  c: Classification,
  options: RenderOptions,
): DraftField[] {
  const extra = typeof options.fields === 'function' ? options.fields(event, c) : (options.fields ?? []);
  const present = ours.filter((field) => field.value !== undefined);
  const theirs = extra.map(userField).filter((field) => field.value !== undefined);
  const max = SLACK_LIMITS.sectionFields;
  if (present.length + theirs.length <= max) return theirs.length === 0 ? present : [...present, ...theirs];
  const keys = present.filter((field) => field.key === true).length;
  const keptTheirs = theirs.slice(0, Math.max(0, max - keys));
  let room = max - keys - keptTheirs.length;
  const keptOurs = present.filter((field) => field.key === true || room-- > 0);
  return [...keptOurs, ...keptTheirs];
}

/** Longest label of a user's field: a label is a name, and the value needs the room. */
const MAX_LABEL = 100;

/**
 * A user's extra field: plain text cut with an ellipsis (prose policy) so that label and value
 * fit in one field, since dropping it would hide it; mrkdwn shown whole or not at all, since a
 * cut could break a link or a date token.
 */
function userField(field: ExtraField): DraftField {
  const label = fitProse(field.label, MAX_LABEL, (value) => value);
  // The grid adds `*label*` (escaped) and a line break before the value.
  const room = SLACK_LIMITS.fieldText - text(label).length - 3;
  if (field.mrkdwn !== undefined) return { label, value: field.mrkdwn === '' ? undefined : fitId(field.mrkdwn, room) };
  return { label, value: field.value === undefined ? undefined : fitProse(field.value, room, text) };
}

/**
 * The label of the link to the page where the operator acts.
 *
 * @internal
 */
export const VIEW_IN_CONSOLE = 'View in console';

/**
 * "View in console" (the page where the operator acts), the other console links, and the user's
 * log link.
 *
 * @internal
 */
export function linksOf(
  pairs: ReadonlyArray<readonly [string, string | undefined]>,
  event: EcsEvent,
  c: Classification,
  options: RenderOptions,
): DraftLink[] {
  const primary = actionLink(c.kind, c.links);
  const links: DraftLink[] = primary === undefined ? [] : [{ label: VIEW_IN_CONSOLE, url: primary, primary: true }];
  for (const [label, url] of pairs) if (url !== primary) links.push({ label, url });
  const log = options.logLink?.(event, c);
  if (typeof log === 'string') links.push({ label: 'Logs', url: log, own: true });
  else if (log !== undefined)
    links.push({
      label: log.label === undefined || log.label.trim() === '' ? 'Logs' : log.label,
      url: log.url,
      own: true,
    });
  return links;
}

/**
 * The context line: for an event read leniently the fields it lacked, then account, Region and
 * the event's time.
 *
 * @internal
 */
export function contextOf(event: EcsEvent, c: Classification): Mrkdwn[] {
  const parts: Mrkdwn[] = [];
  if (c.missing !== undefined && c.missing.length > 0) parts.push(missingNote(c.missing));
  if (event.account !== '') parts.push(text(`account ${event.account}`));
  if (event.region !== '') parts.push(text(event.region));
  if (event.time !== '') parts.push(date(event.time, '{date_short_pretty} {time_secs}'));
  return parts;
}

/** Room for the list of missing fields in the context line. */
const MAX_MISSING_TEXT = 600;

/** The line of an event read leniently: what it lacked, so nobody trusts the blanks. */
function missingNote(missing: readonly string[]): Mrkdwn {
  const fields = fitList(
    missing.map((name) => code(name)),
    MAX_MISSING_TEXT,
    ', ',
    (n) => text(`and ${n} more`),
  );
  return trusted(`:warning: ${text('Incomplete event, classified from what it holds; missing:')} ${fields}`);
}

/**
 * A human duration between two ISO times (`3m 12s`, `2h 5m`), or `undefined`.
 *
 * @internal
 */
export function duration(from: string | undefined, to: string | undefined): string | undefined {
  if (from === undefined || to === undefined) return undefined;
  const ms = timeMillis(to) - timeMillis(from);
  if (!Number.isFinite(ms) || ms < 0) return undefined;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${s % 60}s`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
  return `${Math.floor(s / 86_400)}d ${Math.floor((s % 86_400) / 3600)}h`;
}

/**
 * A date field value, or `undefined` without a time.
 *
 * @internal
 */
export function dateValue(iso: string | undefined): Mrkdwn | undefined {
  return iso === undefined || iso === '' ? undefined : date(iso);
}

/**
 * The parts every renderer but the task's shares: title, summary, severity, hint and context.
 *
 * @internal
 */
export function draftBase(
  event: ServiceActionEvent | DeploymentEvent | ContainerInstanceEvent | UnknownEcsEvent,
  c: Classification,
  options: RenderOptions,
): Pick<Draft, 'title' | 'summary' | 'severity' | 'hint' | 'context'> {
  return {
    title: titleOf(event, c, options),
    summary: c.summary,
    severity: c.severity,
    ...(c.hint === undefined ? {} : { hint: c.hint }),
    context: contextOf(event, c),
  };
}
