/**
 * The log evidence of one stopped task: its container's log location, the console links, and
 * the last lines before the stop.
 *
 * @internal
 * @module
 */
import type { Classification } from '../classify/classification.js';
import type { TaskEvent } from '../events/index.js';
import { timeMillis } from '../internal/time.js';
import type { AwsClients } from './clients.js';
import type { EvidenceDraft } from './evidence-draft.js';
import { failureCode } from './failure.js';
import { logLocationOf, pickContainer, type TaskContext } from './log-location.js';
import { logStreamUrl, logsInsightsUrl } from './log-links.js';
import { tailLogs } from './log-tail.js';
import type { RedactOptions } from './redact.js';
import type { ContainerLogConfig } from './task-definitions.js';

/**
 * What {@link gatherTaskLogs} needs.
 *
 * @internal
 */
export interface LogsPlan {
  readonly event: TaskEvent;
  readonly classification: Classification;
  readonly clients: AwsClients;
  readonly definitions: (arn: string, region: string, clients: AwsClients) => Promise<ContainerLogConfig[]>;
  readonly tailLines: number;
  readonly redact: RedactOptions;
  /** The abort signal of the next AWS call. */
  readonly signal: () => AbortSignal;
}

const MINUTE = 60_000;
/** The stream link shows this much before the stop, and a minute after. */
const STREAM_BEFORE = 10 * MINUTE;
/** The Insights query covers this much before the stop, and five minutes after. */
const INSIGHTS_BEFORE = 60 * MINUTE;
/** Lines are read up to this long after the stop: the last words can arrive late. */
const TAIL_AFTER = 5000;

/**
 * Fills the draft with the log evidence of a task: the culprit's (or first essential
 * container's) log location from its task definition, the links, and the last lines.
 *
 * @internal
 */
export async function gatherTaskLogs(plan: LogsPlan, draft: EvidenceDraft): Promise<void> {
  const { event, classification: c } = plan;
  const d = event.detail;
  const id = c.identity;
  const stoppedAt = firstTime(d.stoppedAt, d.executionStoppedAt, d.stoppingAt, event.time);
  draft.step('logs unavailable', 'ecs:DescribeTaskDefinition');
  const containers = await plan.definitions(d.taskDefinitionArn, id.region, plan.clients);
  draft.done();
  const container = pickContainer(containers, c.culprit?.name);
  if (container === undefined) return draft.note('no logs to link: the task definition has no containers');
  draft.container = container.name;
  const task: TaskContext = {
    taskId: id.taskId ?? d.taskArn,
    taskArn: d.taskArn,
    ...(id.cluster === undefined ? {} : { cluster: id.cluster }),
    ...(id.taskDefinitionFamily === undefined
      ? {}
      : { taskDefinition: `${id.taskDefinitionFamily}:${id.taskDefinitionRevision ?? ''}` }),
    region: id.region,
  };
  const result = logLocationOf(container, task);
  if (result.note !== undefined) draft.note(result.note);
  if (!('location' in result)) return;
  const { location } = result;
  draft.log = location;
  const at = (offset: number): number | undefined => (stoppedAt === undefined ? undefined : stoppedAt + offset);
  if (location.stream !== undefined) {
    draft.stream = logStreamUrl({
      ...location,
      stream: location.stream,
      partition: id.partition,
      ...range(at(-STREAM_BEFORE), at(MINUTE)),
    });
  }
  if (/^[\w-]+$/.test(task.taskId)) {
    const query = `fields @timestamp, @logStream, @message\n| filter @logStream like "${task.taskId}" or @message like "${task.taskId}"\n| sort @timestamp desc\n| limit 200`;
    draft.insights = logsInsightsUrl({
      partition: id.partition,
      region: location.region,
      groups: [location.group],
      query,
      ...range(at(-INSIGHTS_BEFORE), at(5 * MINUTE)),
    });
  }
  if (plan.tailLines === 0 || location.stream === undefined) return;
  draft.step('logs unavailable', 'logs:GetLogEvents');
  let lines: string[];
  try {
    lines = await tailLogs(plan.clients, {
      region: location.region,
      group: location.group,
      stream: location.stream,
      endTime: (stoppedAt ?? Date.now()) + TAIL_AFTER,
      lines: plan.tailLines,
      signal: plan.signal(),
      redact: plan.redact,
    });
  } catch (error) {
    // A container that never started (an image pull failed) has no stream: say so plainly.
    if (failureCode(error) !== 'ResourceNotFound') throw error;
    draft.done();
    return draft.note(
      `no log lines: ${container.name} has no log stream in ${location.group} (it may never have started)`,
    );
  }
  draft.done();
  draft.lines = lines;
  if (lines.length === 0) draft.note(`no log lines from ${container.name} before the stop`);
}

function range(start: number | undefined, end: number | undefined): { start?: number; end?: number } {
  return start === undefined || end === undefined ? {} : { start, end };
}

/** Epoch milliseconds of the first time that reads. */
function firstTime(...times: ReadonlyArray<string | undefined>): number | undefined {
  for (const time of times) {
    const millis = time === undefined ? Number.NaN : timeMillis(time);
    if (Number.isFinite(millis)) return millis;
  }
  return undefined;
}
