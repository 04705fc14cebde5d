/**
 * The task renderer: what stopped, which container, why, and where to look.
 *
 * @internal
 * @module
 */
import type { Classification } from '../classify/classification.js';
import type { TaskEvent } from '../events/index.js';
import {
  contextOf,
  dateValue,
  duration,
  linkedField,
  linksOf,
  placeFields,
  titleOf,
  withExtraFields,
} from './draft-parts.js';
import type { Draft } from './layout.js';
import { fitProse } from './limits.js';
import { bold, code, join, text, trusted, type Mrkdwn } from './mrkdwn.js';
import type { RenderOptions } from './options.js';

/**
 * Drafts a task message.
 *
 * @internal
 */
export function draftTask(event: TaskEvent, c: Classification, options: RenderOptions): Draft {
  const d = event.detail;
  const id = c.identity;
  const provider = d.capacityProviderName === d.launchType ? undefined : d.capacityProviderName;
  const capacity =
    provider === undefined ? d.launchType : d.launchType === undefined ? provider : `${d.launchType} · ${provider}`;
  const definition =
    id.taskDefinitionFamily === undefined
      ? undefined
      : id.taskDefinitionRevision === undefined
        ? id.taskDefinitionFamily
        : `${id.taskDefinitionFamily}:${id.taskDefinitionRevision}`;
  const fields = withExtraFields(
    [
      ...placeFields(c),
      // A task outside a service is placed by its group (a family or a custom name).
      {
        label: 'Group',
        value: id.service === undefined && id.group !== undefined && id.group !== '' ? text(id.group) : undefined,
      },
      linkedField('Task', id.taskId, c.links.task),
      linkedField('Task definition', definition, c.links.taskDefinition),
      {
        label: 'Status',
        value:
          c.phase === 'stopped' || d.lastStatus === d.desiredStatus
            ? undefined
            : code(`${d.lastStatus} → ${d.desiredStatus}`),
      },
      { label: 'Capacity', value: capacity === undefined ? undefined : text(capacity) },
      { label: 'Deployment', value: id.deploymentId === undefined ? undefined : code(id.deploymentId), key: true },
      { label: 'Started', value: dateValue(d.startedAt), key: true },
      { label: 'Stopped', value: dateValue(d.stoppedAt), key: true },
      { label: 'Uptime', value: uptime(d.startedAt, d.stoppedAt ?? d.executionStoppedAt), key: true },
    ],
    event,
    c,
    options,
  );
  const containers = d.containers.length > 1 ? containerLines(event) : [];
  return {
    title: titleOf(event, c, options),
    summary: c.summary,
    severity: c.severity,
    // Absent parts are `undefined` rather than spread in conditionally: same draft, less work.
    culprit: c.culprit === undefined ? undefined : culpritLine(c),
    fields,
    reason: c.reason ?? d.stoppedReason,
    list: containers.length === 0 ? undefined : { title: `Containers (${d.containers.length})`, items: containers },
    hint: c.hint,
    links: linksOf(
      [
        ['Task', c.links.task],
        ['Service events', c.links.serviceEvents],
        ['Deployments', c.links.serviceDeployments],
        ['Task definition', c.links.taskDefinition],
      ],
      event,
      c,
      options,
    ),
    context: contextOf(event, c),
  };
}

function uptime(from: string | undefined, to: string | undefined): Mrkdwn | undefined {
  const text_ = duration(from, to);
  return text_ === undefined ? undefined : text(text_);
}

function culpritLine(c: Classification): Mrkdwn {
  const culprit = c.culprit!;
  const exit =
    culprit.exitCode === undefined
      ? text('no exit code')
      : join(
          [
            trusted('exit'),
            bold(String(culprit.exitCode)),
            culprit.exitMeaning === undefined ? undefined : text(`(${culprit.exitMeaning})`),
          ],
          ' ',
        );
  return join([trusted(':mag: *Container*'), code(culprit.name), exit], ' ');
}

/** A container's reason in the list of containers is cut to this many characters. */
const CONTAINER_REASON_MAX = 120;

function containerLines(event: TaskEvent): Mrkdwn[] {
  // Containers that explain something first: a reason, then a non-zero exit.
  const rank = (c: TaskEvent['detail']['containers'][number]) =>
    (c.reason !== undefined ? 0 : 2) + (c.exitCode !== undefined && c.exitCode !== 0 ? 0 : 1);
  return [...event.detail.containers]
    .sort((a, b) => rank(a) - rank(b))
    .map((c) =>
      join(
        [
          code(c.name),
          text(c.lastStatus),
          c.exitCode === undefined ? undefined : join([trusted('exit'), bold(String(c.exitCode))], ' '),
          c.image === undefined ? text('(no image: AWS-managed)') : undefined,
          c.reason === undefined
            ? undefined
            : join([trusted('—'), fitProse(c.reason, CONTAINER_REASON_MAX, text)], ' '),
        ],
        ' ',
      ),
    );
}
