/**
 * The `clusters` and `services` include lists as conditions on the fields that name a cluster
 * or a service, kind by kind, the way `identify` reads them:
 *
 * - cluster: `detail.clusterArn` (task, container-instance and other events); for service action
 *   and deployment events, the long-form service ARN in `resources` first, else
 *   `detail.clusterArn`. Deployment events before 2025 carry no `clusterArn` at all, and old
 *   services have short ARNs without a cluster, so those two kinds match on either field.
 * - service: the task's `group` (`service:NAME`); the last segment of the service ARN in
 *   `resources`. Container-instance and other events name no service: an include list drops them,
 *   as the filter does.
 *
 * Exclude lists are left to the filter: the patterns stay a superset of what it notifies.
 *
 * @internal
 * @module
 */
import type { EcsEventKind } from '../events/index.js';
import type { NameFilter } from '../filter/filter-options.js';
import { globWildcard, literalWildcard, mergeFields } from './fields.js';
import type { EventPatternFields, EventPatternMatch } from './types.js';

/** Exact names as cheap `suffix` (or exact) matches, globs as wildcards. */
function names(
  list: readonly string[],
  exact: (name: string) => EventPatternMatch,
  wildcard: (glob: string) => string,
): EventPatternMatch[] {
  return list.map((name) => (name.includes('*') ? { wildcard: wildcard(globWildcard(name)) } : exact(name)));
}

function clusterArns(list: readonly string[]): EventPatternMatch[] {
  return names(
    list,
    (name) => ({ suffix: `:cluster/${name}` }),
    (glob) => `*:cluster/${glob}`,
  );
}

function clusterScope(kind: EcsEventKind, list: readonly string[]): EventPatternFields | undefined {
  if (list.length === 0) return undefined;
  const byClusterArn: EventPatternFields = { detail: { clusterArn: clusterArns(list) } };
  if (kind !== 'service' && kind !== 'deployment') return byClusterArn;
  const inServiceArn = list.map((name): EventPatternMatch => {
    const cluster = name.includes('*') ? globWildcard(name) : literalWildcard(name);
    return { wildcard: `*:service/${cluster}/*` };
  });
  return { $or: [{ resources: inServiceArn }, byClusterArn] };
}

function serviceScope(kind: EcsEventKind, list: readonly string[]): EventPatternFields | undefined {
  if (list.length === 0) return undefined;
  switch (kind) {
    case 'task':
      return {
        detail: {
          group: names(
            list,
            (name) => `service:${name}`,
            (glob) => `service:${glob}`,
          ),
        },
      };
    case 'service':
    case 'deployment':
      return {
        resources: names(
          list,
          (name) => ({ suffix: `/${name}` }),
          (glob) => `*/${glob}`,
        ),
      };
    default:
      return undefined;
  }
}

/**
 * The conditions that keep a kind's events within the include lists: `{}` without include
 * lists, `undefined` when no event of the kind can pass them.
 *
 * @internal
 */
export function scopeOf(
  kind: EcsEventKind,
  clusters: NameFilter,
  services: NameFilter,
): EventPatternFields | undefined {
  let scope: EventPatternFields = {};
  if (clusters.include !== undefined) {
    const byCluster = clusterScope(kind, clusters.include);
    if (byCluster === undefined) return undefined;
    scope = mergeFields(scope, byCluster);
  }
  if (services.include !== undefined) {
    const byService = serviceScope(kind, services.include);
    if (byService === undefined) return undefined;
    scope = mergeFields(scope, byService);
  }
  return scope;
}
