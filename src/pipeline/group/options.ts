/**
 * Grouping in force: the pipeline's and the policy's options resolved, and the value of each
 * group field.
 *
 * @internal
 * @module
 */
import type { Classification } from '../../classify/classification.js';
import { ConfigError } from '../../errors.js';
import { GROUP_DEFAULTS, GROUP_FIELDS, type GroupField, type GroupOptions } from '../../policy/group.js';

export { GROUP_DEFAULTS, type GroupField, type GroupOptions } from '../../policy/group.js';

/**
 * Grouping in force: the fields and windows, in milliseconds.
 *
 * @internal
 */
export interface ResolvedGroupOptions {
  readonly groupBy: readonly GroupField[];
  readonly waitMs: number;
  readonly intervalMs: number;
  /**
   * The destination's longest fold window: an incident is kept until the digests of the services
   * that joined it first are due, so that they wait for each other. Default 0.
   */
  readonly digestWindowMs?: number;
}

/**
 * Resolves grouping: the pipeline's options, then the policy's on top; `undefined` when off
 * (neither gives `group`, or `groupBy` is `false`).
 *
 * @param caller - Named in a `ConfigError`.
 * @internal
 */
export function resolveGroupOptions(
  caller: string,
  ...layers: ReadonlyArray<GroupOptions | false | undefined>
): ResolvedGroupOptions | undefined {
  if (layers.every((layer) => layer === undefined)) return undefined;
  let merged: GroupOptions = {};
  for (const layer of layers) {
    if (layer === undefined) continue;
    if (layer === false) merged = { ...merged, groupBy: false };
    else merged = { ...merged, ...layer };
  }
  const groupBy = merged.groupBy ?? GROUP_DEFAULTS.groupBy;
  if (groupBy === false) return undefined;
  if (!Array.isArray(groupBy) || groupBy.some((field) => !GROUP_FIELDS.includes(field)))
    throw new ConfigError(`${caller}: group.groupBy: expected false or fields of ${GROUP_FIELDS.join(', ')}`);
  const seconds = (name: 'groupWaitSeconds' | 'groupIntervalSeconds'): number => {
    const value = merged[name] ?? GROUP_DEFAULTS[name];
    if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value))
      throw new ConfigError(`${caller}: group.${name}: expected a positive number of seconds`);
    return value * 1000;
  };
  return { groupBy, waitMs: seconds('groupWaitSeconds'), intervalMs: seconds('groupIntervalSeconds') };
}

/**
 * The value of one group field for a classification.
 *
 * @internal
 */
export function groupFieldValue(c: Classification, field: GroupField): string {
  switch (field) {
    case 'account':
      return c.identity.account;
    case 'region':
      return c.identity.region;
    case 'cluster':
      return c.identity.cluster ?? '';
    case 'cause':
      return c.cause ?? c.outcome;
    case 'outcome':
      return c.outcome;
    case 'severity':
      return c.severity;
  }
}
