/**
 * Identity: which account, Region, cluster, service, task and deployment an event is about.
 *
 * @module
 */
import type { EcsEvent } from '../events/index.js';
import { arnPartition, firstSegment, lastSegment, parseArn } from '../internal/arn.js';

/**
 * Where an event comes from and what it is about, pulled out of the ARNs and fields that each
 * kind spreads its identity over.
 *
 * Every field but `account` and `region` is optional: each kind carries a different subset.
 */
export interface Identity {
  /** AWS account id (as given; samples are often redacted). */
  readonly account: string;
  /** AWS Region. */
  readonly region: string;
  /** `aws`, `aws-cn`, `aws-us-gov`, `aws-iso`, ...: from the ARNs, else from the Region name. */
  readonly partition?: string;
  /** Cluster name. */
  readonly cluster?: string;
  /** Cluster ARN. */
  readonly clusterArn?: string;
  /**
   * Service name: from `group` (`service:NAME`) for task events, from `resources[0]` for
   * service action and deployment events.
   */
  readonly service?: string;
  /** Service ARN (service action and deployment events). */
  readonly serviceArn?: string;
  /** The task's `group` when it is not a service (`family:NAME` or a custom group). */
  readonly group?: string;
  /** Task id: the last segment of the task ARN, long or short form. */
  readonly taskId?: string;
  /** Task ARN. */
  readonly taskArn?: string;
  /** Task definition family. */
  readonly taskDefinitionFamily?: string;
  /** Task definition revision, when the ARN has one. */
  readonly taskDefinitionRevision?: number;
  /**
   * Deployment id (`ecs-svc/...`): the deployment event's own, or a service task's `startedBy`,
   * which is the deployment that launched it.
   */
  readonly deploymentId?: string;
  /** Container instance id (EC2 and external tasks, container-instance events). */
  readonly containerInstanceId?: string;
  /** EC2 instance id (container-instance events). */
  readonly ec2InstanceId?: string;
  /** `EC2`, `FARGATE`, `EXTERNAL`. */
  readonly launchType?: string;
  /** `FARGATE`, `FARGATE_SPOT` or an Auto Scaling group capacity provider. */
  readonly capacityProvider?: string;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Works out which account, Region, cluster, service, task and deployment an event is about.
 *
 * @param event - A parsed event.
 * @returns The identity; fields the event does not carry are absent.
 * @example
 * ```ts
 * const { cluster, service, taskId } = identify(parseEcsEvent(input));
 * ```
 */
export function identify(event: EcsEvent): Identity {
  const identity: Mutable<Identity> = { account: event.account, region: event.region };
  const resource = event.resources[0];
  switch (event.kind) {
    case 'task': {
      const d = event.detail;
      setCluster(identity, d.clusterArn);
      const group = d.group;
      if (group?.startsWith('service:')) identity.service = group.slice('service:'.length);
      else if (group !== undefined) identity.group = group;
      identity.taskArn = d.taskArn;
      set(identity, 'taskId', lastSegment(d.taskArn));
      setTaskDefinition(identity, d.taskDefinitionArn);
      if (d.startedBy?.startsWith('ecs-svc/')) identity.deploymentId = d.startedBy;
      set(identity, 'containerInstanceId', lastSegment(d.containerInstanceArn));
      set(identity, 'launchType', d.launchType);
      set(identity, 'capacityProvider', d.capacityProviderName);
      break;
    }
    case 'service':
    case 'deployment': {
      setService(identity, resource);
      setCluster(identity, event.detail.clusterArn);
      if (event.kind === 'deployment') identity.deploymentId = event.detail.deploymentId;
      break;
    }
    case 'container-instance': {
      const d = event.detail;
      setCluster(identity, d.clusterArn);
      set(identity, 'containerInstanceId', lastSegment(d.containerInstanceArn));
      set(identity, 'ec2InstanceId', d.ec2InstanceId);
      set(identity, 'capacityProvider', d.capacityProviderName);
      break;
    }
    case 'unknown': {
      const clusterArn = event.detail.clusterArn;
      if (typeof clusterArn === 'string') setCluster(identity, clusterArn);
      break;
    }
  }
  set(identity, 'partition', partitionOf([resource, identity.clusterArn], event.region));
  return identity;
}

function set<K extends keyof Identity>(identity: Mutable<Identity>, key: K, value: Identity[K] | undefined): void {
  if (value !== undefined && value !== '') identity[key] = value;
}

function setCluster(identity: Mutable<Identity>, clusterArn: string | undefined): void {
  if (clusterArn === undefined || identity.clusterArn !== undefined) return;
  identity.clusterArn = clusterArn;
  set(identity, 'cluster', firstSegment(clusterArn, 'cluster'));
}

function setService(identity: Mutable<Identity>, serviceArn: string | undefined): void {
  const arn = parseArn(serviceArn);
  if (arn === undefined || arn.resourceType !== 'service' || serviceArn === undefined) return;
  identity.serviceArn = serviceArn;
  set(identity, 'service', arn.segments[arn.segments.length - 1]);
  if (arn.segments.length >= 2 && arn.segments[0]) {
    // Long-form service ARN: cluster name is the first segment; build its ARN for links.
    const cluster = arn.segments[0];
    identity.cluster = cluster;
    identity.clusterArn = `arn:${arn.partition}:ecs:${arn.region}:${arn.account}:cluster/${cluster}`;
  }
}

function setTaskDefinition(identity: Mutable<Identity>, taskDefinitionArn: string): void {
  const name = firstSegment(taskDefinitionArn, 'task-definition');
  if (name === undefined || name === '') return;
  const colon = name.lastIndexOf(':');
  const revision = colon < 0 ? Number.NaN : Number(name.slice(colon + 1));
  if (Number.isInteger(revision) && revision > 0) {
    identity.taskDefinitionFamily = name.slice(0, colon);
    identity.taskDefinitionRevision = revision;
  } else {
    identity.taskDefinitionFamily = name;
  }
}

/**
 * The partition of the first parseable ARN, else guessed from the Region name.
 *
 * @internal
 */
export function partitionOf(arns: ReadonlyArray<string | undefined>, region: string): string | undefined {
  for (const candidate of arns) {
    const partition = arnPartition(candidate);
    if (partition !== undefined && partition !== '') return partition;
  }
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  return /^[a-z]{2}-[a-z]+-\d$/.test(region) ? 'aws' : undefined;
}
