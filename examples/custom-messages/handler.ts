/**
 * Messages shaped for your team: extra fields (one a time in each reader's time zone), a link to the culprit container's CloudWatch
 * logs, user groups mentioned per severity, and the compact variant, all through `render`.
 * The message itself stays escaped and within Slack's limits whatever these return.
 */
import { consoleBase } from 'ecs-slack/aws';
import type { Classification, EcsEvent, ExtraField, LogLink, RenderOptions } from 'ecs-slack';
import { createHandler } from 'ecs-slack/lambda';
import { date } from 'ecs-slack/slack';

/** Where each service's containers log: the awslogs-group and awslogs-stream-prefix of its task definition. */
const LOGS: Readonly<Record<string, { group: string; streamPrefix: string }>> = {
  'example-api-v1': { group: '/ecs/example-api', streamPrefix: 'ecs' },
};

/** Who owns what, shown as a field. */
const TEAMS: Readonly<Record<string, string>> = { 'example-api-v1': 'Payments' };

/** The CloudWatch console escapes each path part twice, then writes `%` as `$`. */
const consolePart = (part: string): string => encodeURIComponent(encodeURIComponent(part)).replace(/%/g, '$');

/** The log stream of the container that explains the stop: awslogs names it `<prefix>/<container>/<task id>`. */
export function cloudWatchLogs(event: EcsEvent, c: Classification): LogLink | undefined {
  const logs = c.identity.service === undefined ? undefined : LOGS[c.identity.service];
  const base = consoleBase(c.identity.partition, event.region);
  if (logs === undefined || base === undefined || c.culprit === undefined || c.identity.taskId === undefined)
    return undefined;
  const stream = `${logs.streamPrefix}/${c.culprit.name}/${c.identity.taskId}`;
  const url = `${new URL(base).origin}/cloudwatch/home?region=${event.region}#logsV2:log-groups/log-group/${consolePart(logs.group)}/log-events/${consolePart(stream)}`;
  return { url, label: `Logs of ${c.culprit.name}` };
}

export const render: RenderOptions = {
  // Shown after ecs-slack's own fields. A value is plain text (escaped); mrkdwn is markup built
  // with ecs-slack/slack, shown as it is: date() reads in each reader's own time zone.
  fields: (event, c): ExtraField[] => [
    { label: 'Team', value: TEAMS[c.identity.service ?? ''] ?? 'Platform' },
    { label: 'Reported', mrkdwn: date(event.time, '{date_long_pretty} at {time}') },
  ],
  logLink: cloudWatchLogs,
  // User group ids (Slack: the group's profile, "Copy group ID"). Nobody is mentioned otherwise;
  // 'here' and 'channel' only when listed.
  mentions: { error: [{ userGroup: 'S0123ABCD' }], warning: [{ user: 'U0456EFGH' }] },
  // Two blocks instead of the full layout: for busy channels.
  variant: process.env.SLACK_COMPACT === 'true' ? 'compact' : 'full',
};

export const handler = createHandler({ render });
