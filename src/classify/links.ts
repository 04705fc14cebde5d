/**
 * AWS console (v2) links for the resources an event names.
 *
 * @module
 */
import type { Identity } from './identity.js';

/**
 * Links into the Amazon ECS console (v2) for what an event is about. Only the links the
 * identity allows are present; none in partitions without a public console (`aws-iso*`).
 */
export interface ConsoleLinks {
  /** The cluster's services tab. */
  readonly cluster?: string;
  /** The service's health tab. */
  readonly service?: string;
  /** The service's events tab. */
  readonly serviceEvents?: string;
  /** The service's deployments tab (there is no per-deployment link). */
  readonly serviceDeployments?: string;
  /** The task's configuration tab. */
  readonly task?: string;
  /** The task definition revision (or family when the revision is unknown). */
  readonly taskDefinition?: string;
  /** The container instance. */
  readonly containerInstance?: string;
}

const CONSOLE_HOSTS: Readonly<Record<string, string>> = {
  aws: 'console.aws.amazon.com',
  'aws-cn': 'console.amazonaws.cn',
  'aws-us-gov': 'console.amazonaws-us-gov.com',
};

/**
 * The console base URL (`https://<region>.console.aws.amazon.com/ecs/v2`) for a partition and
 * Region, or `undefined` where there is no public console.
 *
 * @param partition - `aws`, `aws-cn` or `aws-us-gov`.
 * @param region - The Region, for example `eu-west-1`.
 * @returns The base URL, without a trailing slash.
 * @example
 * ```ts
 * consoleBase('aws-cn', 'cn-north-1'); // 'https://cn-north-1.console.amazonaws.cn/ecs/v2'
 * ```
 * @see https://docs.aws.amazon.com/general/latest/gr/mgmt-console.html
 */
export function consoleBase(partition: string | undefined, region: string): string | undefined {
  const origin = consoleOrigin(partition, region);
  return origin === undefined ? undefined : `${origin}/ecs/v2`;
}

/**
 * The console origin (`https://<region>.console.aws.amazon.com`) of a partition and Region, for
 * every service's console, or `undefined` where there is no public console.
 *
 * @internal
 */
export function consoleOrigin(partition: string | undefined, region: string): string | undefined {
  const host =
    partition === undefined || !Object.hasOwn(CONSOLE_HOSTS, partition) ? undefined : CONSOLE_HOSTS[partition];
  if (host === undefined || !/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) return undefined;
  return `https://${region}.${host}`;
}

/**
 * Builds the console links for an identity. Every path segment is URL-encoded.
 *
 * @param identity - From {@link identify}.
 * @returns The links the identity allows.
 * @example
 * ```ts
 * const { task } = consoleLinks(identify(event));
 * ```
 */
export function consoleLinks(identity: Identity): ConsoleLinks {
  const base = consoleBase(identity.partition, identity.region);
  if (base === undefined) return {};
  const query = `?region=${encodeURIComponent(identity.region)}`;
  const links: { -readonly [K in keyof ConsoleLinks]: string } = {};
  const cluster =
    identity.cluster === undefined ? undefined : `${base}/clusters/${encodeURIComponent(identity.cluster)}`;
  if (cluster !== undefined) {
    links.cluster = `${cluster}/services${query}`;
    if (identity.service !== undefined) {
      const service = `${cluster}/services/${encodeURIComponent(identity.service)}`;
      links.service = `${service}/health${query}`;
      links.serviceEvents = `${service}/events${query}`;
      links.serviceDeployments = `${service}/deployments${query}`;
    }
    if (identity.taskId !== undefined) {
      links.task = `${cluster}/tasks/${encodeURIComponent(identity.taskId)}/configuration${query}`;
    }
    if (identity.containerInstanceId !== undefined) {
      links.containerInstance = `${cluster}/infrastructure/container-instances/${encodeURIComponent(identity.containerInstanceId)}${query}`;
    }
  }
  if (identity.taskDefinitionFamily !== undefined) {
    const family = `${base}/task-definitions/${encodeURIComponent(identity.taskDefinitionFamily)}`;
    links.taskDefinition =
      identity.taskDefinitionRevision === undefined
        ? `${family}${query}`
        : `${family}/${identity.taskDefinitionRevision}${query}`;
  }
  return links;
}

/**
 * The console page where the operator acts on an event: the task for a task event, the
 * service's health tab for a service event, its deployments tab for a deployment, the container
 * instance for an instance event, else the cluster. `undefined` where there is no public console.
 *
 * @param kind - The event's kind.
 * @param links - Its console links, from {@link consoleLinks}.
 * @returns The URL, or `undefined`.
 * @example
 * ```ts
 * const url = actionLink(c.kind, c.links); // "View in console"
 * ```
 */
export function actionLink(kind: string, links: ConsoleLinks): string | undefined {
  switch (kind) {
    case 'task':
      return links.task ?? links.service ?? links.cluster;
    case 'service':
      return links.service ?? links.serviceEvents ?? links.cluster;
    case 'deployment':
      return links.serviceDeployments ?? links.service ?? links.cluster;
    case 'container-instance':
      return links.containerInstance ?? links.cluster;
    default:
      return links.cluster;
  }
}
