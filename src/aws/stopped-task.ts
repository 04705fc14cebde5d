/**
 * A service's latest stopped task, from `ecs:ListTasks` and `ecs:DescribeTasks`, as an
 * `ECS Task State Change` event the classifier reads.
 *
 * @internal
 * @module
 */
import type { Task } from '@aws-sdk/client-ecs';
import type { TaskEvent } from '../events/index.js';
import { parseEcsEvents } from '../parse/index.js';
import type { AwsClients } from './clients.js';

/**
 * The service to look at.
 *
 * @internal
 */
export interface ServiceRef {
  /** The Region of the cluster. */
  readonly region: string;
  /** Cluster name or ARN. */
  readonly cluster: string;
  readonly service: string;
  /** Prefer tasks this deployment started (`startedBy`), for a failed deployment. */
  readonly deploymentId?: string;
}

const stopTime = (task: Task): number =>
  (task.stoppedAt ?? task.stoppingAt ?? task.executionStoppedAt ?? task.createdAt)?.getTime() ?? 0;

/**
 * The service's most recently stopped task (of the deployment, when it started any), or
 * `undefined` when ECS lists none: it keeps stopped tasks for about an hour. One page of
 * `ListTasks` (100 tasks) and one `DescribeTasks`, to stay within the time budget; `signal`
 * gives each call its abort signal, and learns which call is running.
 *
 * @internal
 */
export async function latestStoppedTask(
  clients: AwsClients,
  ref: ServiceRef,
  signal: (action: 'ecs:ListTasks' | 'ecs:DescribeTasks') => AbortSignal,
): Promise<Task | undefined> {
  const ecs = clients.ecs(ref.region);
  const { ListTasksCommand, DescribeTasksCommand } = clients.ecsCommands;
  const listed = await ecs.send(
    new ListTasksCommand({ cluster: ref.cluster, serviceName: ref.service, desiredStatus: 'STOPPED', maxResults: 100 }),
    { abortSignal: signal('ecs:ListTasks') },
  );
  const arns = listed.taskArns ?? [];
  if (arns.length === 0) return undefined;
  const described = await ecs.send(new DescribeTasksCommand({ cluster: ref.cluster, tasks: arns }), {
    abortSignal: signal('ecs:DescribeTasks'),
  });
  const tasks = described.tasks ?? [];
  const ofDeployment =
    ref.deploymentId === undefined ? [] : tasks.filter((task) => task.startedBy === ref.deploymentId);
  let latest: Task | undefined;
  for (const task of ofDeployment.length > 0 ? ofDeployment : tasks)
    if (latest === undefined || stopTime(task) > stopTime(latest)) latest = task;
  return latest;
}

/**
 * A `Task` from `DescribeTasks` (Dates, no envelope) as a parsed task event: Dates become ISO
 * strings, `updatedAt` (which events have and the API has not) is the stop time, and the
 * envelope is derived from the task's ARNs. `undefined` when the task lacks what an event needs.
 *
 * @internal
 */
export function taskEventOf(task: Task): TaskEvent | undefined {
  const detail = JSON.parse(JSON.stringify(task)) as Record<string, unknown>;
  const updated = task.stoppedAt ?? task.executionStoppedAt ?? task.stoppingAt ?? task.startedAt ?? task.createdAt;
  if (updated !== undefined) detail.updatedAt = updated.toISOString();
  const [record] = parseEcsEvents(detail, { kind: 'task' });
  return record?.success === true && record.data.kind === 'task' ? record.data : undefined;
}
