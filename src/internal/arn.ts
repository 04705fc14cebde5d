/**
 * Amazon Resource Name parsing for the ARN shapes ECS events carry.
 *
 * @internal
 * @module
 */

/**
 * The parts of an ARN.
 *
 * @internal
 */
export interface ParsedArn {
  /** `aws`, `aws-cn`, `aws-us-gov`, `aws-iso`, ... */
  readonly partition: string;
  /** `ecs` for everything here. */
  readonly service: string;
  /** The Region, for example `eu-west-1`. */
  readonly region: string;
  /** The account id (redacted in many samples, so never validated). */
  readonly account: string;
  /** The resource type before the first `/`: `task`, `cluster`, `service`, ... */
  readonly resourceType: string;
  /** The `/`-separated segments after the resource type. */
  readonly segments: readonly string[];
}

/**
 * Splits an ARN into its parts, or returns `undefined` for anything that is not one.
 *
 * `arn:aws:ecs:eu-west-1:123:task/cluster/abc` gives resource type `task` and segments
 * `['cluster', 'abc']`; a task-definition ARN keeps its `:revision` in the last segment.
 *
 * @internal
 */
export function parseArn(arn: string | undefined): ParsedArn | undefined {
  const start = resourceStart(arn);
  if (arn === undefined || start < 0) return undefined;
  const a = arn.indexOf(':', 4);
  const b = arn.indexOf(':', a + 1);
  const c = arn.indexOf(':', b + 1);
  const d = start - 1;
  const slash = arn.indexOf('/', start);
  return {
    partition: arn.slice(4, a),
    service: arn.slice(a + 1, b),
    region: arn.slice(b + 1, c),
    account: arn.slice(c + 1, d),
    resourceType: slash < 0 ? arn.slice(d + 1) : arn.slice(d + 1, slash),
    segments: slash < 0 ? [] : arn.slice(slash + 1).split('/'),
  };
}

/**
 * The partition of an ARN (`aws`, `aws-cn`, ...), or `undefined` for anything that is not one:
 * {@link parseArn}'s `partition` without splitting the rest.
 *
 * @internal
 */
export function arnPartition(arn: string | undefined): string | undefined {
  return arn === undefined || resourceStart(arn) < 0 ? undefined : arn.slice(4, arn.indexOf(':', 4));
}

/**
 * The first segment of an ARN whose resource type is `resourceType` (the cluster name of a
 * cluster ARN, `family:revision` of a task definition ARN), or `undefined`: {@link parseArn}'s
 * `segments[0]` when its `resourceType` matches, without building the rest.
 *
 * @internal
 */
export function firstSegment(arn: string | undefined, resourceType: string): string | undefined {
  const start = resourceStart(arn);
  if (
    arn === undefined ||
    start < 0 ||
    !arn.startsWith(resourceType, start) ||
    arn.charAt(start + resourceType.length) !== '/'
  )
    return undefined;
  const from = start + resourceType.length + 1;
  const end = arn.indexOf('/', from);
  return end < 0 ? arn.slice(from) : arn.slice(from, end);
}

/** Where the resource part of an ARN starts (after its fifth `:`), or -1 for anything else. */
function resourceStart(arn: string | undefined): number {
  if (arn === undefined || !arn.startsWith('arn:')) return -1;
  let at = 3;
  for (let i = 0; i < 4 && at >= 0; i++) at = arn.indexOf(':', at + 1);
  return at < 0 ? -1 : at + 1;
}

/**
 * The last `/`-separated segment of an ARN (a task id, a container-instance id), or
 * `undefined` when there is none.
 *
 * @internal
 */
export function lastSegment(arn: string | undefined): string | undefined {
  if (arn === undefined) return undefined;
  const slash = arn.lastIndexOf('/');
  return slash < 0 || slash === arn.length - 1 ? undefined : arn.slice(slash + 1);
}
