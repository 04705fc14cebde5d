/**
 * `ecs-slack/patterns`: EventBridge event patterns that select only what a noise filter preset
 * can notify, so the events it would drop anyway never invoke the Lambda. For infrastructure code
 * (CDK, Terraform) and the `ecs-slack patterns` command.
 *
 * @example
 * ```ts
 * import { eventPattern } from 'ecs-slack/patterns';
 *
 * new events.Rule(this, 'EcsAlerts', { eventPattern: eventPattern('alerts') });
 * ```
 *
 * @module ecs-slack/patterns
 */
import { DETAIL_TYPES, type EcsEventKind, type KnownEcsEventKind } from '../events/index.js';
import { resolveFilterOptions } from '../filter/presets.js';
import type { FilterPreset, NoiseFilterOptions } from '../filter/filter-options.js';
import { mergeFields } from './fields.js';
import { DETAIL_CONDITIONS } from './kinds.js';
import { checkFilterOptions } from '../filter/check-options.js';
import { scopeOf } from './scope.js';
import type { EventPattern, EventPatternFields, EventPatternMatch } from './types.js';

export type { AnythingButMatch, EventPattern, EventPatternFields, EventPatternMatch } from './types.js';

const SOURCE = 'aws.ecs';
const KINDS: readonly EcsEventKind[] = ['task', 'service', 'deployment', 'container-instance', 'unknown'];
const KNOWN_KINDS: readonly KnownEcsEventKind[] = ['task', 'service', 'deployment', 'container-instance'];

/** Kinds whose conditions are the same, one pattern between them. */
interface Group {
  readonly kinds: EcsEventKind[];
  readonly key: string;
  readonly fields: EventPatternFields;
}

/** The detail-types of a group; other detail-types (`unknown`) as everything but the known ones elsewhere. */
function detailTypes(kinds: readonly EcsEventKind[]): { 'detail-type'?: EventPatternMatch[] } {
  if (!kinds.includes('unknown'))
    return { 'detail-type': kinds.map((kind) => DETAIL_TYPES[kind as KnownEcsEventKind]) };
  const others = KNOWN_KINDS.filter((kind) => !kinds.includes(kind)).map((kind) => DETAIL_TYPES[kind]);
  return others.length === 0 ? {} : { 'detail-type': [{ 'anything-but': others }] };
}

/**
 * The EventBridge event patterns that select every event a noise filter with these options can
 * notify, and leave out what its stateless rules always suppress. Use them as the pattern of the
 * rule that invokes your Lambda: fewer invocations, same Slack messages. The filter still runs;
 * the patterns are only a pre-filter, and a superset.
 *
 * @remarks One pattern per group of kinds: task events, service actions, deployments, container
 * instances, and other `aws.ecs` detail-types (ecs-slack passes those through as kind
 * `unknown`), kinds with the same conditions sharing one. They never overlap, so each can be its
 * own rule with the same target without an event arriving twice; {@link eventPattern} joins
 * them into one pattern for one rule.
 *
 * What they leave out, by rule (`alerts`): task events before STOPPED except Spot interruption
 * warnings (`suppressTransitional`); container instances that are merely ACTIVE (`suppressInstanceChurn`);
 * service action and deployment event names whose outcome can never reach the minimum severity
 * (`SERVICE_DESIRED_COUNT_UPDATED`, `TASKS_STOPPED`); other detail-types when their `info`
 * severity is below it; and, with `clusters` or `services` include lists, other clusters and
 * services. What they keep: every STOPPED task (routine stops cannot be told from crashes by
 * their fields), every steady state (`alerts` announces recoveries with them), every deployment
 * event, event names the classifier does not know yet, and events without `stopCode` or
 * (deployments before 2025) without `clusterArn`. Exclude lists, folding, duplicates and
 * recoveries are left to the filter.
 *
 * `none` notifies everything, so its pattern is all of `aws.ecs`: every detail-type, including
 * the ones ecs-slack does not model (and `AWS API Call via CloudTrail` when a trail records ECS
 * calls); `verbose` likewise keeps the detail-types it does not model. Pass `kinds` to narrow.
 *
 * A rule's pattern may hold at most 2,048 characters: long include lists may not fit one rule.
 *
 * @param options - A preset name, or filter options (the preset plus overrides) as given to
 *   `createNoiseFilter`. Default `alerts`.
 * @returns The patterns, fresh plain objects; empty when the options let no event through.
 * @throws `RangeError` for an unknown preset or invalid options (as {@link resolveFilterOptions}),
 *   an unknown `minSeverity` or `steadyStates`, or an empty cluster or service name or an ARN
 *   in their place (the filter compares names: `prod`, not `arn:aws:ecs:…:cluster/prod`).
 * @throws `TypeError` when `options` is neither a preset name nor an object, or an option has
 *   the wrong type (`clusters: { include: 'prod' }` instead of `['prod']`).
 * @example
 * ```ts
 * // Terraform: one aws_cloudwatch_event_rule per pattern, or eventPattern(...) for one rule.
 * for (const pattern of eventPatterns({ preset: 'alerts', clusters: { include: ['prod'] } })) {
 *   console.log(JSON.stringify(pattern));
 * }
 * ```
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_cwe_events.html
 */
export function eventPatterns(options: NoiseFilterOptions | FilterPreset = {}): EventPattern[] {
  return patternsOf(options, 'eventPatterns');
}

function patternsOf(options: NoiseFilterOptions | FilterPreset, caller: string): EventPattern[] {
  checkFilterOptions(options, caller);
  const o = resolveFilterOptions(typeof options === 'string' ? { preset: options } : options);
  const groups: Group[] = [];
  for (const kind of KINDS) {
    if (o.kinds !== undefined && !o.kinds.includes(kind)) continue;
    const detail = DETAIL_CONDITIONS[kind](o);
    const scope = detail === undefined ? undefined : scopeOf(kind, o.clusters, o.services);
    if (detail === undefined || scope === undefined) continue;
    const fields = mergeFields(scope, Object.keys(detail).length === 0 ? {} : { detail });
    const key = JSON.stringify(fields);
    const group = groups.find((candidate) => candidate.key === key);
    if (group === undefined) groups.push({ kinds: [kind], key, fields });
    else group.kinds.push(kind);
  }
  return groups.map((group) => {
    // A fresh copy per call (callers may change what they get), fields in reading order.
    const { resources, detail, $or } = JSON.parse(group.key) as EventPattern;
    return {
      source: [SOURCE],
      ...detailTypes(group.kinds),
      ...(resources === undefined ? {} : { resources }),
      ...(detail === undefined ? {} : { detail }),
      ...($or === undefined ? {} : { $or }),
    };
  });
}

/**
 * The same selection as {@link eventPatterns}, as one pattern for one rule: the patterns joined
 * with a top-level `$or`, or the only pattern itself. This is the one to paste into the console
 * or into Terraform's `event_pattern`.
 *
 * @param options - A preset name, or filter options as given to `createNoiseFilter`. Default `alerts`.
 * @returns One event pattern.
 * @throws `RangeError` for an unknown preset or invalid options, or when the options let no
 *   event through (no pattern can select nothing); `TypeError` for options of the wrong type.
 *   As {@link eventPatterns}.
 * @example
 * ```ts
 * new events.Rule(stack, 'EcsToSlack', {
 *   eventPattern: eventPattern('alerts') as events.EventPattern,
 *   targets: [new targets.LambdaFunction(fn)],
 * });
 * ```
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html
 */
export function eventPattern(options: NoiseFilterOptions | FilterPreset = {}): EventPattern {
  const patterns = patternsOf(options, 'eventPattern');
  const [first] = patterns;
  if (first === undefined)
    throw new RangeError('these filter options notify no event, and no event pattern selects nothing');
  if (patterns.length === 1) return first;
  return { source: [SOURCE], $or: patterns.map(({ source: _source, ...rest }) => rest as EventPatternFields) };
}
