/**
 * The message of an incident: the services of one cluster that failed for one cause, named with
 * their counts ("prod: 29 more services cannot pull their images: CannotPullContainerError ...").
 *
 * @module
 */
import type { Cause, ClassifiedEvent, Outcome } from '../classify/classification.js';
import { outcomeRecord } from '../classify/outcomes.js';
import { VIEW_IN_CONSOLE, contextOf, dateValue } from './draft-parts.js';
import { assemble } from './layout.js';
import { text } from './mrkdwn.js';
import type { RenderOptions } from './options.js';
import type { SlackMessage } from './slack-message.js';

/**
 * One service of an incident: its name, how many of its alerts (or, in a digest, repeats) the
 * incident holds, and what happened to it.
 */
export interface IncidentService {
  /** The service's name (or a standalone task's group). */
  readonly name: string;
  /** Alerts it raised in the incident; in a digest, the repeats folded since its alert. */
  readonly count: number;
  /** Its outcomes, in the order they came (`failed-to-start`, `task-start-impaired`). */
  readonly outcomes: readonly Outcome[];
}

/**
 * An incident as its message shows it: alerts of one cluster with one cause family, grouped.
 */
export interface Incident {
  /** One alert of the incident, for the cluster, the shared cause, its reason, hint and links. */
  readonly latest: ClassifiedEvent;
  /** Every affected service, in the order they joined. */
  readonly services: readonly IncidentService[];
  /** The service whose alert went out at once: the title counts the others ("29 more"). */
  readonly first?: string;
  /** Services that recovered since, each once. */
  readonly recovered: readonly string[];
  /** When the incident began and its latest change (ISO-8601). */
  readonly since: string;
  /** The incident's latest change (ISO-8601). */
  readonly until: string;
  /** In a digest of the incident: the repeats folded across its services. */
  readonly repeats?: number;
}

/** What services of a cause family cannot do, plural and singular. */
const CAUSE_WORDS: Readonly<Record<Cause, readonly [string, string]>> = {
  'image-pull': ['cannot pull their images', 'cannot pull its image'],
  secrets: ['cannot read their secrets', 'cannot read its secrets'],
  logging: ['cannot set up their logging', 'cannot set up its logging'],
  network: ['cannot set up their networking', 'cannot set up its networking'],
  volume: ['cannot mount their volumes', 'cannot mount its volumes'],
  capacity: ['cannot get capacity', 'cannot get capacity'],
  runtime: ['cannot start their containers', 'cannot start its containers'],
  'load-balancer': ['fail their load balancer health checks', 'fails its load balancer health checks'],
  'container-health': ['fail their container health checks', 'fails its container health checks'],
  other: ['cannot start their tasks', 'cannot start its tasks'],
};

/**
 * What the services of an incident have in common, as words after "N services":
 * `cannot pull their images`, or the outcome's digest verb (`crashed`).
 *
 * @param latest - An alert of the incident.
 * @param count - How many services the words are about (1 gives the singular).
 * @returns The words.
 * @example
 * ```ts
 * incidentWords(pullFailure, 29); // 'cannot pull their images'
 * ```
 */
export function incidentWords(latest: ClassifiedEvent, count: number): string {
  const c = latest.classification;
  if (c.cause !== undefined) return CAUSE_WORDS[c.cause][count === 1 ? 1 : 0];
  return outcomeRecord(c.outcome).digestVerb ?? `had "${c.outcome}"`;
}

/**
 * The incident's title: `prod: 29 more services cannot pull their images`, or for its digest
 * `prod: 30 services cannot pull their images, 420 more failures`.
 *
 * @param incident - The incident.
 * @returns One plain line.
 * @example
 * ```ts
 * incidentTitle(incident); // 'prod: 29 more services cannot pull their images'
 * ```
 */
export function incidentTitle(incident: Incident): string {
  const c = incident.latest.classification;
  const cluster = c.identity.cluster ?? 'ECS';
  const others = incident.services.filter((s) => s.name !== incident.first).length;
  const shown = incident.repeats === undefined ? others : incident.services.length;
  const more = incident.repeats === undefined && incident.first !== undefined ? 'more ' : '';
  const noun = shown === 1 ? 'service' : 'services';
  const base = `${cluster}: ${shown} ${more}${noun} ${incidentWords(incident.latest, shown)}`;
  if (incident.repeats === undefined) return base;
  return `${base}, ${incident.repeats === 1 ? 'once more' : `${incident.repeats} more failures`}`;
}

/** One service's line: `checkout: 2 alerts (task failed to start, unable to start tasks)`. */
function serviceLine(service: IncidentService, digest: boolean): string {
  const what = service.outcomes.map((o) => outcomeRecord(o).title).join(', ');
  const count = digest ? `${service.count} more` : `${service.count} ${service.count === 1 ? 'alert' : 'alerts'}`;
  return `${service.name}: ${count}${what === '' ? '' : ` (${what})`}`;
}

/**
 * Renders an incident: its title, the shared cause, every affected service with its count, the
 * services that recovered, the fix and the cluster's links. Used for the grouped message (updated
 * in place with the Web API) and for the incident's digest.
 *
 * @param incident - The incident.
 * @param options - The same options as `renderMessage`.
 * @returns A Slack message.
 * @example
 * ```ts
 * await sender.post(renderIncident(incident));
 * ```
 */
export function renderIncident(incident: Incident, options: RenderOptions = {}): SlackMessage {
  const { event, classification: c } = incident.latest;
  const title = incidentTitle(incident);
  const digest = incident.repeats !== undefined;
  const items = incident.services.map((service) => text(serviceLine(service, digest)));
  const recovered =
    incident.recovered.length === 0 ? '' : `; ${incident.recovered.length} recovered: ${incident.recovered.join(', ')}`;
  const reason = c.reason === undefined ? '' : `: ${c.reason}`;
  return assemble(
    {
      title,
      summary: `${title}${reason}${recovered}`,
      severity: incident.recovered.length === incident.services.length ? 'success' : c.severity,
      fields: [
        {
          label: 'Cluster',
          value: text(c.identity.cluster ?? 'unknown'),
          ...(c.links.cluster ? { url: c.links.cluster } : {}),
        },
        { label: 'Services', value: text(String(incident.services.length)) },
        ...(digest ? [{ label: 'Repeats', value: text(String(incident.repeats)) }] : []),
        { label: 'Since', value: dateValue(incident.since), key: true },
        { label: 'Latest', value: dateValue(incident.until), key: true },
      ],
      ...(c.reason === undefined ? {} : { reason: c.reason, reasonLabel: 'Shared cause' }),
      list: { title: 'Services', items },
      ...(c.hint === undefined ? {} : { hint: c.hint }),
      links: [{ label: VIEW_IN_CONSOLE, url: c.links.cluster, primary: true }],
      context: contextOf(event, c),
    },
    options,
  );
}
