/**
 * From a service to a Slack message about its latest stopped task: `ListTasks` (desired status
 * STOPPED) and `DescribeTasks` with your own ECS client, then the `Task` (the API's shape: Dates,
 * no EventBridge envelope) as the detail of an `ECS Task State Change` event, classified and
 * rendered by ecs-slack. No Bolt in here, so it is easy to test and to reuse.
 */
import { DescribeTasksCommand, paginateListTasks, type ECSClient, type Task } from '@aws-sdk/client-ecs';
import {
  classify,
  parseEcsEvents,
  renderMessage,
  type Classification,
  type RenderOptions,
  type SlackMessage,
} from 'ecs-slack';

/** DescribeTasks takes at most 100 tasks a call. */
const DESCRIBE_LIMIT = 100;

const when = (task: Task): number => (task.stoppedAt ?? task.stoppingAt ?? task.createdAt)?.getTime() ?? 0;

/**
 * The service's most recently stopped task, or `undefined` when ECS lists none (it keeps
 * stopped tasks for about an hour).
 */
export async function latestStoppedTask(ecs: ECSClient, cluster: string, service: string): Promise<Task | undefined> {
  // ListTasks gives no order: read every page (a crash loop can stop hundreds of tasks an hour).
  const arns: string[] = [];
  for await (const page of paginateListTasks(
    { client: ecs },
    { cluster, serviceName: service, desiredStatus: 'STOPPED' },
  )) {
    arns.push(...(page.taskArns ?? []));
  }
  let latest: Task | undefined;
  for (let i = 0; i < arns.length; i += DESCRIBE_LIMIT) {
    const described = await ecs.send(new DescribeTasksCommand({ cluster, tasks: arns.slice(i, i + DESCRIBE_LIMIT) }));
    for (const task of described.tasks ?? []) if (latest === undefined || when(task) > when(latest)) latest = task;
  }
  return latest;
}

/**
 * A `Task` from DescribeTasks as the `detail` of an `ECS Task State Change` event: Dates become
 * ISO strings (what `JSON.stringify` does) and `updatedAt`, which events have and the API has
 * not, is the latest of the task's times. The event's time and id are derived from it.
 */
export function taskStateChangeDetail(task: Task): Record<string, unknown> {
  const detail = JSON.parse(JSON.stringify(task)) as Record<string, unknown>;
  const updated = task.stoppedAt ?? task.executionStoppedAt ?? task.stoppingAt ?? task.startedAt ?? task.createdAt;
  if (updated !== undefined) detail.updatedAt = updated.toISOString();
  return detail;
}

/**
 * Classifies and renders a task from DescribeTasks. A bare detail needs its kind, which
 * `parseEcsEvents` turns into a full event (envelope fields derived from the task's ARNs).
 *
 * @throws the `ParseError` when the task lacks what an event must have (its ARNs, statuses).
 */
export function renderTask(
  task: Task,
  options?: RenderOptions,
): { message: SlackMessage; classification: Classification } {
  const [record] = parseEcsEvents(taskStateChangeDetail(task), { kind: 'task' });
  if (record === undefined) throw new Error('no event');
  if (!record.success) throw record.error;
  const classification = classify(record.data);
  return { message: renderMessage(record.data, { ...options, classification: classification }), classification };
}
