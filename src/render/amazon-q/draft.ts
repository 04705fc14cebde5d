/**
 * What each kind of event puts in an Amazon Q notification: the facts, the reason and the links.
 *
 * @internal
 * @module
 */
import type { Classification } from '../../classify/classification.js';
import type { EcsEvent } from '../../events/index.js';
import { duration, linksOf, titleOf } from '../draft-parts.js';
import type { RenderOptions } from '../options.js';
import { factValue, utcText, type QDraft, type QFact } from './assemble.js';
import { escapeClientMarkdown, mdBold, mdCode, mdTrusted, type ClientMarkdown } from './markdown.js';
import {
  additionalContextOf,
  eventTypeOf,
  notificationId,
  relatedResourcesOf,
  threadIdOf,
  type NotificationRole,
} from './metadata.js';

/** Longest label of a user's extra field. */
const MAX_LABEL = 100;
/** Extra fields shown at most, as in Slack's field grid. */
const MAX_EXTRA = 10;

/** The cluster, service (or group), task, task definition and deployment, linked where possible. */
export function placeFacts(c: Classification): QFact[] {
  const id = c.identity;
  const revision = id.taskDefinitionRevision === undefined ? '' : `:${id.taskDefinitionRevision}`;
  const definition = id.taskDefinitionFamily === undefined ? undefined : `${id.taskDefinitionFamily}${revision}`;
  return [
    { label: 'Cluster', value: factValue(id.cluster, c.links.cluster) },
    { label: 'Service', value: factValue(id.service, c.links.service) },
    { label: 'Group', value: id.service === undefined ? factValue(id.group) : undefined },
    { label: 'Task', value: factValue(id.taskId, c.links.task) },
    { label: 'Task definition', value: factValue(definition, c.links.taskDefinition) },
    { label: 'Deployment', value: factValue(id.deploymentId) },
  ];
}

/** The facts only one kind has. */
function kindFacts(event: EcsEvent, c: Classification): QFact[] {
  switch (event.kind) {
    case 'task': {
      const d = event.detail;
      const uptime = duration(d.startedAt, d.stoppedAt ?? d.executionStoppedAt);
      return [
        { label: 'Capacity', value: factValue(d.capacityProviderName ?? d.launchType) },
        { label: 'Stopped', value: utcText(d.stoppedAt) },
        { label: 'Uptime', value: uptime === undefined ? undefined : mdTrusted(uptime) },
      ];
    }
    case 'service':
      return [
        { label: 'Event', value: factValue(event.detail.eventName) },
        { label: 'Reason code', value: factValue(reasonCode(event)) },
      ];
    case 'deployment':
      return [{ label: 'Event', value: factValue(event.detail.eventName) }];
    case 'container-instance': {
      const d = event.detail;
      const instance = c.identity.ec2InstanceId ?? c.identity.containerInstanceId;
      return [
        { label: 'Instance', value: factValue(instance, c.links.containerInstance) },
        { label: 'Status', value: factValue(d.status) },
        { label: 'Agent', value: mdTrusted(d.agentConnected ? 'connected' : 'disconnected') },
      ];
    }
    default:
      return [{ label: 'Detail type', value: escapeClientMarkdown(event['detail-type']) }];
  }
}

/** A service reason that is only a code (`SERVICE:THROTTLED`) is a fact, not prose. */
function reasonCode(event: EcsEvent): string | undefined {
  if (event.kind !== 'service') return undefined;
  const reason = event.detail.reason;
  return reason !== undefined && /^[A-Z]+:[A-Z_]+$/.test(reason) ? reason : undefined;
}

/** The AWS text that explains the event, and its label. */
export function reasonOf(event: EcsEvent, c: Classification): { reason?: string; reasonLabel?: string } {
  switch (event.kind) {
    case 'task':
      return { reason: c.reason ?? event.detail.stoppedReason };
    case 'service':
      return reasonCode(event) === undefined ? { reason: event.detail.reason } : {};
    case 'deployment':
      return { reason: event.detail.reason };
    case 'container-instance':
      return { reason: event.detail.statusReason };
    default:
      return { reason: JSON.stringify(event.detail, null, 2), reasonLabel: 'Detail' };
  }
}

/**
 * Slack mrkdwn as the text a reader sees: date tokens and links become their text (a date's UTC
 * fallback, a link's label), Slack's three escapes are undone. Amazon Q draws no Slack tokens.
 */
function slackMarkupAsText(markup: string): string {
  return markup
    .replace(/<!date\^[^|>]*\|([^>]*)>/g, '$1')
    .replace(/<[^|>]+\|([^>]*)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The user's extra fields (plain text, or mrkdwn shown as its text), after ours. */
export function extraFacts(event: EcsEvent, c: Classification, options: RenderOptions): QFact[] {
  const extra = typeof options.fields === 'function' ? options.fields(event, c) : (options.fields ?? []);
  return extra.slice(0, MAX_EXTRA).map((field) => {
    const value = field.mrkdwn === undefined ? field.value : slackMarkupAsText(field.mrkdwn);
    return {
      label: field.label.length > MAX_LABEL ? `${field.label.slice(0, MAX_LABEL - 1)}…` : field.label,
      value: value === undefined || value === '' ? undefined : escapeClientMarkdown(value),
    };
  });
}

/** The culprit line: `Container app exit 137 (killed by SIGKILL)`. */
export function culpritLine(c: Classification): ClientMarkdown | undefined {
  const culprit = c.culprit;
  if (culprit === undefined) return undefined;
  const meaning = culprit.exitMeaning === undefined ? '' : ` (${escapeClientMarkdown(culprit.exitMeaning)})`;
  const exit =
    culprit.exitCode === undefined ? 'no exit code' : `exit ${mdBold(mdTrusted(String(culprit.exitCode)))}${meaning}`;
  return mdTrusted(`${mdBold(mdTrusted('Container'))} ${mdCode(culprit.name)} ${exit}`);
}

/** Account, Region and the event's time. */
export function contextOf(event: EcsEvent): ClientMarkdown[] {
  const parts: ClientMarkdown[] = [];
  if (event.account !== '') parts.push(escapeClientMarkdown(`account ${event.account}`));
  if (event.region !== '') parts.push(escapeClientMarkdown(event.region));
  const time = utcText(event.time);
  if (time !== undefined) parts.push(time);
  return parts;
}

/** The console links the facts do not hold, and the user's log link. */
export function moreLinks(event: EcsEvent, c: Classification, options: RenderOptions): ReturnType<typeof linksOf> {
  const pairs: Array<readonly [string, string | undefined]> = [
    ['Service events', c.links.serviceEvents],
    ['Deployments', c.links.serviceDeployments],
  ];
  return linksOf(pairs, event, c, options);
}

/** Metadata of a notification about `event`. */
export function metadataOf(event: EcsEvent, c: Classification, role: NotificationRole): QDraft['metadata'] {
  const threadId = threadIdOf(c, role);
  const resources = relatedResourcesOf(event, c);
  return {
    ...(threadId === undefined ? {} : { threadId }),
    eventType: role === 'digest' ? `${eventTypeOf(event)} digest` : eventTypeOf(event),
    ...(resources.length === 0 ? {} : { relatedResources: resources }),
    additionalContext: additionalContextOf(c),
  };
}

/**
 * Drafts the notification of one event.
 *
 * @internal
 */
export function draftEvent(event: EcsEvent, c: Classification, options: RenderOptions, title?: string): QDraft {
  return {
    title: title ?? titleOf(event, c, options),
    summary: c.summary,
    severity: c.severity,
    ...(c.culprit === undefined ? {} : { culprit: culpritLine(c) }),
    facts: [...placeFacts(c), ...kindFacts(event, c), ...extraFacts(event, c, options)],
    ...reasonOf(event, c),
    ...(c.hint === undefined ? {} : { hint: c.hint }),
    links: moreLinks(event, c, options),
    context: contextOf(event),
    classification: c,
    metadata: metadataOf(event, c, 'alert'),
    id: notificationId(event),
    ...(options.styles === undefined ? {} : { styles: options.styles }),
  };
}
