/**
 * The policy's severity overrides applied to a classification: per ECS event name first, then
 * per outcome. Pure.
 *
 * @module
 */
import type { Classification, Severity } from '../classify/classification.js';
import type { EcsEvent } from '../events/index.js';
import type { Policy } from './schema.js';

/**
 * The severity a policy gives an event: its `detail.eventName`'s override (service action and
 * deployment events), else its outcome's, else the classifier's.
 *
 * @param policy - A validated policy.
 * @param event - The parsed event (for its event name).
 * @param classification - What `classify` concluded.
 * @returns The severity in force.
 * @example
 * ```ts
 * policySeverity({ ...policy, severity: { outcomes: { 'task-start-impaired': 'error' } } }, event, classify(event));
 * ```
 */
export function policySeverity(policy: Policy, event: EcsEvent, classification: Classification): Severity {
  const overrides = policy.severity;
  if (overrides === undefined) return classification.severity;
  const eventName = event.kind === 'service' || event.kind === 'deployment' ? event.detail.eventName : undefined;
  const byName =
    eventName !== undefined && overrides.eventNames !== undefined && Object.hasOwn(overrides.eventNames, eventName)
      ? overrides.eventNames[eventName]
      : undefined;
  const byOutcome =
    overrides.outcomes !== undefined && Object.hasOwn(overrides.outcomes, classification.outcome)
      ? overrides.outcomes[classification.outcome]
      : undefined;
  return byName ?? byOutcome ?? classification.severity;
}

/**
 * The classification with the policy's severity: the same object when nothing changes, else a
 * copy. Route with the result, so that `match.severity` sees what will be shown.
 *
 * @param policy - A validated policy.
 * @param event - The parsed event.
 * @param classification - What `classify` concluded.
 * @returns The classification the policy's routes and renderers see.
 * @example
 * ```ts
 * const classification = applyPolicySeverity(policy, event, classify(event));
 * ```
 */
export function applyPolicySeverity(policy: Policy, event: EcsEvent, classification: Classification): Classification {
  const severity = policySeverity(policy, event, classification);
  return severity === classification.severity ? classification : { ...classification, severity };
}
