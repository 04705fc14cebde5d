/**
 * What the filter's stateless rules can let through, kind by kind, as conditions on `detail`.
 *
 * Each condition is a superset: every event whose outcome can pass the rules satisfies it. The
 * facts come from the classifier where it keeps them as data (service and deployment event
 * names, the Spot rows of the stop-reason catalogue); the container-instance table restates
 * `classifyContainerInstance` and is checked against it by the tests.
 *
 * @internal
 * @module
 */
import { DEPLOYMENT_EVENT_NAMES } from '../classify/deployment.js';
import { SERVICE_EVENT_NAMES } from '../classify/service.js';
import { STOP_REASONS } from '../classify/stop-reasons.js';
import { type Outcome, outcomeRecord, outcomesWhere, type Severity, severityAtLeast } from '../classify/outcomes.js';
import type { EcsEventKind } from '../events/index.js';
import type { ResolvedFilterOptions } from '../filter/filter-options.js';
import { anyOf, literalWildcard } from './fields.js';
import type { EventPatternFields, EventPatternMatch } from './types.js';

/** The severities an event name unknown to the classifier can get from its `eventType`. */
const ANY_SEVERITY: readonly Severity[] = ['info', 'warning', 'error'];

/**
 * Whether an outcome of this severity can pass the outcome, steady-state and severity rules
 * (the order of `applyStatelessRules`: suppressed outcomes, steady states, always-notified
 * outcomes, minimum severity). A steady state that passes may still be held back by the stateful
 * rules: in `alerts` it is notified only as a recovery, which no pattern can foresee.
 *
 * @internal
 */
export function outcomePasses(
  o: ResolvedFilterOptions,
  outcome: Outcome,
  severity: Severity = outcomeRecord(outcome).severity,
): boolean {
  if (o.suppressOutcomes.includes(outcome)) return false;
  if (outcome === 'steady-state') return o.steadyStates !== 'recovery' || o.recovery;
  if (o.notifyOutcomes.includes(outcome)) return true;
  return severityAtLeast(severity, o.minSeverity);
}

/** The outcomes of event names the classifier does not know: their severity is their `eventType`'s. */
const unknownNames = (kinds: readonly string[]): Outcome[] =>
  outcomesWhere((record) => record.severityFromEventType === true && kinds.includes(record.kind));

/**
 * Task events: with `suppressTransitional` on, only STOPPED (or DELETED) tasks, and Spot interruptions
 * whatever their status (the two-minute warning comes while the task is still RUNNING). The
 * Spot branch matches the Spot stop codes, or the Spot reason text for events older than stop
 * codes; with the last-status branch that keeps every STOPPED task, an event without `stopCode`
 * is never lost.
 */
function taskDetail(o: ResolvedFilterOptions): EventPatternFields | undefined {
  if (!o.suppressTransitional) return {};
  const beforeStop = outcomesWhere((record) => record.beforeStop === true);
  const spot = STOP_REASONS.filter((row) => row.outcome !== undefined && beforeStop.includes(row.outcome));
  const codes = spot.flatMap((row) => row.stopCodes ?? []);
  const texts = spot.flatMap((row) => [
    ...(row.tokens ?? []),
    ...(row.prefixes ?? []),
    ...(row.contains === undefined ? [] : [row.contains]),
  ]);
  const branches: EventPatternFields[] = [{ lastStatus: ['STOPPED', 'DELETED'] }];
  if (codes.length > 0) branches.push({ stopCode: codes });
  // The classifier trims the reason and looks for these at its start: `*text*` covers both.
  if (texts.length > 0)
    branches.push({ stoppedReason: texts.map((text) => ({ wildcard: `*${literalWildcard(text)}*` })) });
  return anyOf(branches);
}

/**
 * Service action and deployment events, by `eventName` (never `eventType`, which holds
 * INFO / WARN / ERROR). Names the classifier does not know can be anything their `eventType`
 * says, so they are kept whenever an unknown name could pass: one `anything-but` lists the known
 * names that never can.
 */
function eventNameDetail(
  o: ResolvedFilterOptions,
  known: Readonly<Record<string, readonly Outcome[]>>,
  unknown: readonly Outcome[],
): EventPatternFields | undefined {
  const passing: string[] = [];
  const failing: string[] = [];
  for (const [name, outcomes] of Object.entries(known)) {
    (outcomes.some((outcome) => outcomePasses(o, outcome)) ? passing : failing).push(name);
  }
  const unknownPasses = unknown.some((outcome) => ANY_SEVERITY.some((severity) => outcomePasses(o, outcome, severity)));
  if (unknownPasses) return failing.length === 0 ? {} : { eventName: [{ 'anything-but': failing }] };
  return passing.length === 0 ? undefined : { eventName: passing };
}

function serviceDetail(o: ResolvedFilterOptions): EventPatternFields | undefined {
  const known: Record<string, readonly Outcome[]> = { ...DEPLOYMENT_EVENT_NAMES };
  for (const [name, row] of Object.entries(SERVICE_EVENT_NAMES)) known[name] = [row.outcome];
  return eventNameDetail(o, known, unknownNames(['service', 'deployment']));
}

function deploymentDetail(o: ResolvedFilterOptions): EventPatternFields | undefined {
  return eventNameDetail(o, DEPLOYMENT_EVENT_NAMES, unknownNames(['deployment']));
}

/**
 * Every container-instance outcome but the churn, with the one field value that every event of
 * that outcome has (the order of `classifyContainerInstance` decides between them; a condition per
 * outcome does not need it).
 */
function instanceOutcomes(): ReadonlyArray<readonly [Outcome, string, readonly EventPatternMatch[]]> {
  return outcomesWhere((record) => record.kind === 'container-instance' && record.detailField !== undefined).map(
    (outcome) => {
      const { field, values } = outcomeRecord(outcome).detailField!;
      return [outcome, field, values];
    },
  );
}

/**
 * Container-instance events: a plain ACTIVE instance (`instance-active`, the churn) has no field
 * of its own, so when it can pass every event can; otherwise the fields of the outcomes that can.
 */
function instanceDetail(o: ResolvedFilterOptions): EventPatternFields | undefined {
  const churn = outcomesWhere((record) => record.churn === true);
  if (!o.suppressInstanceChurn && churn.some((outcome) => outcomePasses(o, outcome))) return {};
  const byField = new Map<string, EventPatternMatch[]>();
  for (const [outcome, field, values] of instanceOutcomes()) {
    if (outcomePasses(o, outcome)) byField.set(field, [...(byField.get(field) ?? []), ...values]);
  }
  return anyOf([...byField].map(([field, values]) => ({ [field]: values })));
}

function unknownDetail(o: ResolvedFilterOptions): EventPatternFields | undefined {
  const unknown = outcomesWhere((record) => record.kind === 'unknown');
  return unknown.some((outcome) => outcomePasses(o, outcome)) ? {} : undefined;
}

/**
 * The conditions on `detail` that keep every event of a kind the stateless rules can pass: `{}`
 * for every event of the kind, `undefined` when none can pass.
 *
 * @internal
 */
export const DETAIL_CONDITIONS: Readonly<
  Record<EcsEventKind, (o: ResolvedFilterOptions) => EventPatternFields | undefined>
> = {
  task: taskDetail,
  service: serviceDetail,
  deployment: deploymentDetail,
  'container-instance': instanceDetail,
  unknown: unknownDetail,
};
