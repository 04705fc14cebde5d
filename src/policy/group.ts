/**
 * Grouping options: which alerts form one incident (`groupBy`), how long its window collects
 * services before the grouped message (`groupWaitSeconds`), and how long an incident stays open
 * for more (`groupIntervalSeconds`), after Alertmanager's `group_by`, `group_wait` and
 * `group_interval`.
 *
 * @module
 */

/**
 * A field alerts of one incident share. `cause` is the failure family: the classification's
 * `cause` (`image-pull`, `secrets`, ...) or, without one, its outcome (`crashed`).
 */
export type GroupField = 'account' | 'region' | 'cluster' | 'cause' | 'outcome' | 'severity';

/**
 * How alerts are grouped into incidents (the pipeline's `group` option, a policy's `group`). On
 * by default with {@link GROUP_DEFAULTS}; `false` or `{ groupBy: false }` turns it off.
 */
export interface GroupOptions {
  /**
   * The fields alerts of one incident share; `false` turns grouping off (one message per
   * service's alert, as before grouping). Default `['cluster', 'cause']`.
   */
  readonly groupBy?: readonly GroupField[] | false;
  /**
   * Seconds an incident's window collects services after the first alert (which goes out at
   * once) before the grouped message goes out (webhooks; the Web API updates it as they join).
   * Default 30.
   */
  readonly groupWaitSeconds?: number;
  /**
   * Seconds an incident stays open after its latest change: services failing for the same cause
   * within it join the incident (their grouped message after another `groupWaitSeconds`).
   * Default 300.
   */
  readonly groupIntervalSeconds?: number;
}

/**
 * The defaults of {@link GroupOptions}.
 *
 * @example
 * ```ts
 * import { createPipeline } from 'ecs-slack';
 * import { GROUP_DEFAULTS } from 'ecs-slack/policy';
 *
 * // Grouping is on by default; a longer window, and incidents per cluster whatever the cause:
 * const pipeline = createPipeline({ sender, group: { ...GROUP_DEFAULTS, groupBy: ['cluster'], groupWaitSeconds: 60 } });
 * ```
 */
export const GROUP_DEFAULTS: {
  /** `['cluster', 'cause']`. */
  readonly groupBy: readonly GroupField[];
  /** 30 seconds. */
  readonly groupWaitSeconds: number;
  /** 300 seconds. */
  readonly groupIntervalSeconds: number;
} = { groupBy: ['cluster', 'cause'], groupWaitSeconds: 30, groupIntervalSeconds: 300 };

/**
 * The fields `groupBy` may name.
 *
 * @internal
 */
export const GROUP_FIELDS: readonly GroupField[] = ['account', 'region', 'cluster', 'cause', 'outcome', 'severity'];
