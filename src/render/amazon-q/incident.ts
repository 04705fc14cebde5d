/**
 * The Amazon Q notification of an incident: the services of one cluster that failed for one
 * cause, as the Slack grouped message shows them.
 *
 * @module
 */
import { stableHash } from '../../internal/hash.js';
import { VIEW_IN_CONSOLE } from '../draft-parts.js';
import { type Incident, incidentTitle } from '../incident.js';
import { fitProse } from '../limits.js';
import type { RenderOptions } from '../options.js';
import { assembleQ, factValue, utcText } from './assemble.js';
import { contextOf, culpritLine, metadataOf, reasonOf } from './draft.js';
import { escapeClientMarkdown, mdTrusted } from './markdown.js';
import { withLabel } from './render.js';
import type { AmazonQNotification } from './types.js';

/** Room for the list of services (in the summary, and as a fact). */
const SERVICES_ROOM = 500;

/**
 * The thread of an incident's notifications: one id per cluster, cause family and start, so the
 * grouped notification and the incident's digest read as one conversation.
 *
 * @internal
 */
export function incidentThreadId(incident: Incident): string {
  const c = incident.latest.classification;
  const cause = c.cause ?? c.outcome;
  return `incident-${stableHash(`${c.identity.account}|${c.identity.region}|${c.identity.cluster}|${cause}|${incident.since}`)}`;
}

/**
 * Renders an incident as an Amazon Q Developer custom notification: its title, every affected
 * service with its count (as many as fit, then "and N more"), the shared cause, the fix and the
 * cluster's console link, in the incident's thread (`metadata.threadId`).
 *
 * @param incident - The incident.
 * @param options - The same options as `renderAmazonQ` (the title and styles apply).
 * @returns The notification to publish.
 * @example
 * ```ts
 * await sender.post(renderAmazonQIncident(incident));
 * ```
 */
export function renderAmazonQIncident(incident: Incident, options: RenderOptions = {}): AmazonQNotification {
  const { event, classification: c } = incident.latest;
  const title = incidentTitle(incident);
  const digest = incident.repeats !== undefined;
  // Names only, a count where a service alerted more than once: all 30 of an outage fit.
  const names = incident.services.map((service) =>
    service.count > 1 ? `${service.name} (${service.count})` : service.name,
  );
  const recovered =
    incident.recovered.length === 0 ? '' : `; ${incident.recovered.length} recovered: ${incident.recovered.join(', ')}`;
  const services = fitProse(`${names.join(', ')}${recovered}`, SERVICES_ROOM, (value) => value);
  const thread = incidentThreadId(incident);
  const metadata = metadataOf(event, c, digest ? 'digest' : 'alert');
  const severity = incident.recovered.length === incident.services.length ? 'success' : c.severity;
  // Keywords come from the classification: the cluster and the incident's severity, no one service.
  const { service: _service, group: _group, ...cluster } = c.identity;
  return assembleQ({
    title,
    summary: `${title}. ${services}`,
    severity,
    ...(c.culprit === undefined || incident.services.length > 1 ? {} : { culprit: culpritLine(c) }),
    facts: [
      { label: 'Cluster', value: factValue(c.identity.cluster ?? 'unknown', c.links.cluster) },
      { label: 'Services', value: mdTrusted(String(incident.services.length)) },
      ...(digest ? [{ label: 'Repeats', value: mdTrusted(String(incident.repeats)) }] : []),
      { label: 'Since', value: utcText(incident.since) },
      { label: 'Latest', value: utcText(incident.until) },
      { label: 'Affected', value: escapeClientMarkdown(services) },
    ],
    ...withLabel(reasonOf(event, c), 'Shared cause'),
    ...(c.hint === undefined ? {} : { hint: c.hint }),
    links: c.links.cluster === undefined ? [] : [{ label: VIEW_IN_CONSOLE, url: c.links.cluster, primary: true }],
    context: contextOf(event),
    classification: { ...c, severity, identity: cluster },
    metadata: {
      ...metadata,
      threadId: thread,
      eventType: digest ? 'ECS incident digest' : 'ECS incident',
    },
    id: `${thread}-${stableHash(`${incident.until}|${incident.services.length}|${incident.repeats ?? ''}`)}`,
    ...(options.styles === undefined ? {} : { styles: options.styles }),
  });
}
