/**
 * Baseline: the handler people write by hand for the same job. Untyped field access on
 * `JSON.parse` output, no validation, a tiny classify (stopped how, which container), a Block Kit
 * message with a header, a few fields with a console link, the reason and a context line, then
 * `JSON.stringify` of the payload. Escapes `&`, `<` and `>` in event text, as Slack requires.
 */

/** Slack's three control characters, escaped the usual way. */
const escapeMrkdwn = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * From the event text to the JSON body of a Slack message, or `undefined` when the event is not
 * a stopped task.
 */
export function handWritten(body: string): string | undefined {
  const event = JSON.parse(body); // untyped on purpose, like the handlers this stands for
  if (event.source !== 'aws.ecs' || event['detail-type'] !== 'ECS Task State Change') return undefined;
  const detail = event.detail;
  if (detail.lastStatus !== 'STOPPED') return undefined;

  const containers: any[] = detail.containers ?? [];
  const oom = containers.find((c) => typeof c.reason === 'string' && c.reason.includes('OutOfMemory'));
  const crashed = containers.find((c) => typeof c.exitCode === 'number' && c.exitCode !== 0 && c.exitCode !== 143);
  const culprit = oom ?? crashed;
  const outcome = oom
    ? 'out of memory'
    : crashed
      ? `crashed (exit ${crashed.exitCode})`
      : detail.stopCode === 'UserInitiated'
        ? 'stopped by a user'
        : 'stopped';
  const severe = culprit !== undefined || detail.stopCode === 'TaskFailedToStart';

  const service =
    typeof detail.group === 'string' && detail.group.startsWith('service:') ? detail.group.slice(8) : detail.group;
  const cluster = detail.clusterArn.split('/').pop();
  const taskId = detail.taskArn.split('/').pop();
  const taskDefinition = detail.taskDefinitionArn.split('/').pop();
  const consoleUrl = `https://${event.region}.console.aws.amazon.com/ecs/v2`;
  const taskUrl = `${consoleUrl}/clusters/${cluster}/tasks/${taskId}/configuration?region=${event.region}`;

  const message = {
    text: `${service}: task ${outcome}`,
    blocks: [
      {
        type: 'header',
        text: {
          type: 'plain_text',
          text: `${severe ? ':red_circle:' : ':large_yellow_circle:'} ${service}: ${outcome}`,
        },
      },
      {
        type: 'section',
        fields: [
          { type: 'mrkdwn', text: `*Cluster*\n${escapeMrkdwn(cluster)}` },
          { type: 'mrkdwn', text: `*Task*\n<${taskUrl}|${escapeMrkdwn(taskId)}>` },
          { type: 'mrkdwn', text: `*Task definition*\n${escapeMrkdwn(taskDefinition)}` },
          {
            type: 'mrkdwn',
            text: `*Container*\n${culprit ? `\`${escapeMrkdwn(culprit.name)}\` exit ${culprit.exitCode ?? '?'}` : 'none'}`,
          },
        ],
      },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: `*Reason*\n${escapeMrkdwn(detail.stoppedReason ?? 'unknown')}` },
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: `${event.account} · ${event.region} · ${event.time}` }] },
    ],
  };
  return JSON.stringify(message);
}
