/**
 * The log configuration of each container of a task definition revision, from
 * `ecs:DescribeTaskDefinition`, cached per revision.
 *
 * @internal
 * @module
 */
import type { ContainerDefinition } from '@aws-sdk/client-ecs';
import type { AwsClients } from './clients.js';
import { TtlCache } from './ttl-cache.js';

/**
 * What enrichment keeps of a container definition: its name, whether it is essential or a
 * FireLens log router, and its log driver with the options that say where logs go. Nothing else
 * (environment variables, secrets) is kept.
 *
 * @internal
 */
export interface ContainerLogConfig {
  readonly name: string;
  readonly essential: boolean;
  /** The container routes the others' logs (`firelensConfiguration`). */
  readonly logRouter: boolean;
  /** `awslogs`, `awsfirelens`, `splunk`, ...; absent without a log configuration. */
  readonly logDriver?: string;
  /** The driver's options that locate logs, keys in lower case. */
  readonly options: Readonly<Record<string, string>>;
}

/** Option keys that locate logs (awslogs and the FireLens CloudWatch outputs). */
const LOCATING = new Set([
  'awslogs-group',
  'awslogs-region',
  'awslogs-stream-prefix',
  'name',
  'region',
  'log_group_name',
  'log_group_template',
  'log_stream_name',
  'log_stream_prefix',
  'log_stream_template',
]);

/**
 * The containers of a task definition as enrichment needs them.
 *
 * @internal
 */
export function containerLogConfigs(definitions: readonly ContainerDefinition[] | undefined): ContainerLogConfig[] {
  return (definitions ?? []).flatMap((definition) => {
    if (definition.name === undefined) return [];
    const options: Record<string, string> = {};
    for (const [key, value] of Object.entries(definition.logConfiguration?.options ?? {})) {
      const lower = key.toLowerCase();
      if (LOCATING.has(lower) && typeof value === 'string') options[lower] = value;
    }
    const driver = definition.logConfiguration?.logDriver;
    return [
      {
        name: definition.name,
        essential: definition.essential !== false,
        logRouter: definition.firelensConfiguration !== undefined,
        ...(driver === undefined ? {} : { logDriver: driver }),
        options,
      },
    ];
  });
}

/**
 * Options of {@link taskDefinitionSource}.
 *
 * @internal
 */
export interface TaskDefinitionSourceOptions {
  readonly maxEntries: number;
  readonly ttlMs: number;
  /** Timeout of one DescribeTaskDefinition call (shared by every caller waiting for it). */
  readonly callTimeoutMs: number;
}

/**
 * A function from a task definition ARN (and its Region) to its containers' log configuration:
 * one `DescribeTaskDefinition` per revision while cached, concurrent callers sharing it.
 *
 * @internal
 */
export function taskDefinitionSource(
  options: TaskDefinitionSourceOptions,
): (arn: string, region: string, clients: AwsClients) => Promise<ContainerLogConfig[]> {
  const cache = new TtlCache<ContainerLogConfig[]>({ maxEntries: options.maxEntries, ttlMs: options.ttlMs });
  return (arn, region, clients) =>
    cache.get(arn, async () => {
      const command = new clients.ecsCommands.DescribeTaskDefinitionCommand({ taskDefinition: arn });
      const output = await clients
        .ecs(region)
        .send(command, { abortSignal: AbortSignal.timeout(options.callTimeoutMs) });
      return containerLogConfigs(output.taskDefinition?.containerDefinitions);
    });
}
