/**
 * `ecs-slack/filter`: the noise filter's parts, for tools that reason about it: the presets'
 * values, options resolved against a preset, the stateless rules, and the severity order.
 * `createNoiseFilter` itself is in the root entry.
 *
 * @example
 * ```ts
 * import { classify } from 'ecs-slack';
 * import { applyStatelessRules, resolveFilterOptions } from 'ecs-slack/filter';
 *
 * const verdict = applyStatelessRules(event, classify(event), resolveFilterOptions({ preset: 'alerts' }));
 * ```
 *
 * @module ecs-slack/filter
 */
export { SEVERITIES } from '../classify/outcomes.js';
export type { ResolvedFilterOptions, SilenceCheck } from './filter-options.js';
export { FILTER_PRESETS, resolveFilterOptions } from './presets.js';
export { applyStatelessRules, type StatelessVerdict } from './rules.js';
