/**
 * The classification vocabulary as runtime lists, for validating what a policy names. Each list
 * is the key set of a record typed by its union, so the compiler refuses a list that misses or
 * invents a value.
 *
 * @internal
 * @module
 */
import type { Cause, Outcome, Severity } from '../classify/types.js';
import type { EcsEventKind } from '../events/index.js';

const KIND_SET: Readonly<Record<EcsEventKind, true>> = {
  task: true,
  service: true,
  deployment: true,
  'container-instance': true,
  unknown: true,
};

const SEVERITY_SET: Readonly<Record<Severity, true>> = { info: true, success: true, warning: true, error: true };

const CAUSE_SET: Readonly<Record<Cause, true>> = {
  'image-pull': true,
  secrets: true,
  logging: true,
  network: true,
  volume: true,
  capacity: true,
  runtime: true,
  'load-balancer': true,
  'container-health': true,
  other: true,
};

const OUTCOME_SET: Readonly<Record<Outcome, true>> = {
  starting: true,
  running: true,
  stopping: true,
  completed: true,
  crashed: true,
  'out-of-memory': true,
  'failed-to-start': true,
  'health-check-failed': true,
  'deployment-replaced': true,
  'scaled-in': true,
  'stopped-by-user': true,
  'spot-interrupted': true,
  infrastructure: true,
  stopped: true,
  'steady-state': true,
  'desired-count-updated': true,
  'tasks-stopped': true,
  'task-start-impaired': true,
  'placement-failed': true,
  'configuration-failed': true,
  throttled: true,
  unhealthy: true,
  'health-unknown': true,
  'daemon-constraint-violated': true,
  'service-event': true,
  'deployment-started': true,
  'deployment-rolling-back': true,
  'deployment-completed': true,
  'deployment-failed': true,
  'deployment-event': true,
  'instance-active': true,
  'instance-registering': true,
  'instance-draining': true,
  'instance-deregistered': true,
  'instance-registration-failed': true,
  'agent-disconnected': true,
  'agent-update-failed': true,
  'unknown-event': true,
};

/** Every event kind. @internal */
export const KINDS: readonly EcsEventKind[] = Object.keys(KIND_SET) as EcsEventKind[];
/** Every severity, least severe first. @internal */
export const SEVERITIES: readonly Severity[] = Object.keys(SEVERITY_SET) as Severity[];
/** Every cause family. @internal */
export const CAUSES: readonly Cause[] = Object.keys(CAUSE_SET) as Cause[];
/** Every outcome. @internal */
export const OUTCOMES: readonly Outcome[] = Object.keys(OUTCOME_SET) as Outcome[];
