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
  if (arn === undefined || !arn.startsWith('arn:')) return undefined;
  let start = 4;
  const fields: string[] = [];
  for (let i = 0; i < 4; i++) {
    const colon = arn.indexOf(':', start);
    if (colon < 0) return undefined;
    fields.push(arn.slice(start, colon));
    start = colon + 1;
  }
  const resource = arn.slice(start);
  const slash = resource.indexOf('/');
  const resourceType = slash < 0 ? resource : resource.slice(0, slash);
  const segments = slash < 0 ? [] : resource.slice(slash + 1).split('/');
  return {
    partition: fields[0] as string,
    service: fields[1] as string,
    region: fields[2] as string,
    account: fields[3] as string,
    resourceType,
    segments,
  };
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
