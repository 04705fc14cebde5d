/**
 * Where a container's logs are in CloudWatch Logs, from its log configuration: `awslogs`, or
 * FireLens with the CloudWatch output (`cloudwatch_logs`, or the older `cloudwatch`).
 *
 * @internal
 * @module
 */
import type { LogLocation } from '../render/evidence.js';
import type { ContainerLogConfig } from './task-definitions.js';

/**
 * The task a container ran in: what the stream names and FireLens templates refer to.
 *
 * @internal
 */
export interface TaskContext {
  readonly taskId: string;
  readonly taskArn: string;
  /** The cluster name. */
  readonly cluster?: string;
  /** `family:revision`. */
  readonly taskDefinition?: string;
  /** The Region of the task (the default Region of its logs). */
  readonly region: string;
}

/**
 * A log location, or a one-line note on why there is none (the stream can still be unknown in a
 * location: a FireLens stream name whose template cannot be filled in).
 *
 * @internal
 */
export type LocationResult = { readonly location: LogLocation; readonly note?: string } | { readonly note: string };

const FIRELENS_CLOUDWATCH = new Set(['cloudwatch_logs', 'cloudwatch']);

/**
 * The CloudWatch Logs location of a container's logs in a task.
 *
 * @remarks
 * - `awslogs`: group `awslogs-group`, Region `awslogs-region`, stream
 *   `<awslogs-stream-prefix>/<container>/<task id>`; without a prefix the stream cannot be named.
 * - `awsfirelens` with `Name` `cloudwatch_logs` or `cloudwatch`: group `log_group_template` or
 *   `log_group_name`; stream `log_stream_template`, `log_stream_name`, or `log_stream_prefix`
 *   followed by FireLens's tag `<container>-firelens-<task id>`; templates such as
 *   `$(ecs_task_id)` filled in.
 *
 * @internal
 */
export function logLocationOf(container: ContainerLogConfig, task: TaskContext): LocationResult {
  const o = container.options;
  const driver = container.logDriver;
  if (driver === undefined) return { note: `no logs to link: ${container.name} has no log configuration` };
  if (driver === 'awslogs') {
    const group = o['awslogs-group'];
    if (group === undefined || group === '') return { note: `no logs to link: ${container.name} has no awslogs-group` };
    const region = o['awslogs-region'] || task.region;
    const prefix = o['awslogs-stream-prefix'];
    if (prefix === undefined || prefix === '') {
      return { note: `no log stream link: ${container.name} logs to ${group} without awslogs-stream-prefix` };
    }
    return { location: { driver, region, group, stream: `${prefix}/${container.name}/${task.taskId}` } };
  }
  if (driver === 'awsfirelens') {
    const output = (o.name ?? '').toLowerCase();
    if (!FIRELENS_CLOUDWATCH.has(output)) {
      return {
        note: `no logs to link: ${container.name} logs through FireLens to ${output === '' ? 'a custom output' : output}`,
      };
    }
    const group = fill(o.log_group_template, container, task) ?? o.log_group_name;
    if (group === undefined || group === '')
      return { note: `no logs to link: ${container.name} has no log_group_name` };
    const region = o.region || task.region;
    const tag = `${container.name}-firelens-${task.taskId}`;
    const stream =
      fill(o.log_stream_template, container, task) ??
      (o.log_stream_name !== undefined
        ? fill(o.log_stream_name, container, task)
        : o.log_stream_prefix !== undefined
          ? `${o.log_stream_prefix}${tag}`
          : undefined);
    if (stream === undefined)
      return {
        location: { driver, region, group },
        note: `no log stream link: the stream name of ${container.name} cannot be worked out`,
      };
    return { location: { driver, region, group, stream } };
  }
  return { note: `no logs to link: ${container.name} logs with the ${driver} driver` };
}

/** `$(name)` and `$name` in FireLens templates. */
const VARIABLE = /\$\(([^)]*)\)|\$(\w+)/g;

/**
 * A FireLens template with its ECS variables filled in, or `undefined` when it is absent or uses
 * a variable that only the log record knows.
 */
function fill(template: string | undefined, container: ContainerLogConfig, task: TaskContext): string | undefined {
  if (template === undefined || template === '') return undefined;
  const values: Readonly<Record<string, string | undefined>> = {
    ecs_task_id: task.taskId,
    ecs_task_arn: task.taskArn,
    ecs_cluster: task.cluster,
    ecs_task_definition: task.taskDefinition,
    container_name: container.name,
    tag: `${container.name}-firelens-${task.taskId}`,
  };
  let unknown = false;
  const filled = template.replace(VARIABLE, (_match, paren: string | undefined, bare: string | undefined) => {
    const name = paren ?? bare ?? '';
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (value === undefined) unknown = true;
    return value ?? '';
  });
  return unknown ? undefined : filled;
}

/**
 * The container to show: the culprit when the task definition has it, else the first essential
 * container that is not the log router, else the first container.
 *
 * @internal
 */
export function pickContainer(
  containers: readonly ContainerLogConfig[],
  culprit: string | undefined,
): ContainerLogConfig | undefined {
  return (
    (culprit === undefined ? undefined : containers.find((c) => c.name === culprit)) ??
    containers.find((c) => c.essential && !c.logRouter) ??
    containers[0]
  );
}
