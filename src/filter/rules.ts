/**
 * The stateless rules: decisions that need nothing but the event and its classification.
 *
 * @module
 */
import type { Classification } from '../classify/classification.js';
import { outcomeRecord, severityAtLeast } from '../classify/outcomes.js';
import type { EcsEvent } from '../events/index.js';
import { passesNameFilter } from './glob.js';
import type { ResolvedFilterOptions } from './filter-options.js';
import type { SuppressDecision, SuppressReason } from './decision.js';

/**
 * What the stateless rules conclude: suppress (with the reason), or pass on to the stateful
 * rules.
 */
export type StatelessVerdict = SuppressDecision | 'pass';

/**
 * A suppression with its reason and a line of detail.
 *
 * @internal
 */
export function suppress(reason: SuppressReason, detail: string): SuppressDecision {
  return { action: 'suppress', reason, detail };
}

/**
 * Applies the stateless rules, in order: kind, outcome, cluster, service, transitional task
 * states, routine stops, instance churn, steady states (when recovery is off), always-notified
 * outcomes, minimum severity.
 *
 * @param event - The parsed event.
 * @param c - Its classification.
 * @param options - The filter options in force.
 * @returns A suppression with its reason, or `'pass'`.
 * @example
 * ```ts
 * const verdict = applyStatelessRules(event, classify(event), resolveFilterOptions({ preset: 'alerts' }));
 * if (verdict !== 'pass') console.log(verdict.reason, verdict.detail);
 * ```
 */
export function applyStatelessRules(
  event: EcsEvent,
  c: Classification,
  options: ResolvedFilterOptions,
): StatelessVerdict {
  if (options.kinds !== undefined && !options.kinds.includes(event.kind)) {
    return suppress('kind', `${event.kind} events are not notified`);
  }
  if (options.suppressOutcomes.includes(c.outcome)) return suppress('outcome', `${c.outcome} is never notified`);
  if (!passesNameFilter(c.identity.cluster, options.clusters)) {
    return suppress('cluster', `cluster ${c.identity.cluster ?? '(none)'} is filtered out`);
  }
  if (!passesNameFilter(c.identity.service, options.services)) {
    return suppress('service', `service ${c.identity.service ?? '(none)'} is filtered out`);
  }
  if (
    options.suppressTransitional &&
    c.kind === 'task' &&
    c.phase !== 'stopped' &&
    outcomeRecord(c.outcome).beforeStop !== true
  ) {
    return suppress('transitional', `task is ${c.phase}, not stopped yet`);
  }
  if (options.suppressRoutineStops && outcomeRecord(c.outcome).routineStop === true)
    return suppress('routine-stop', `routine stop (${c.outcome})`);
  if (options.suppressInstanceChurn && outcomeRecord(c.outcome).churn === true) {
    return suppress('instance-churn', 'container instance is active: free-resource churn');
  }
  if (c.outcome === 'steady-state') {
    if (options.steadyStates === 'all') return 'pass';
    if (options.steadyStates === 'recovery' && !options.recovery)
      return suppress('steady-state', 'steady states are not notified');
    return 'pass';
  }
  if (options.notifyOutcomes.includes(c.outcome)) return 'pass';
  if (!severityAtLeast(c.severity, options.minSeverity)) {
    return suppress('severity', `${c.severity} is below ${options.minSeverity}`);
  }
  return 'pass';
}
