/**
 * Service action events: steady states, trouble starting or placing tasks, throttling, health.
 *
 * @module
 */
import { ecsDocs } from './aws-docs.js';
import type { ServiceActionEvent } from '../events/index.js';
import { deploymentVerdict } from './deployment.js';
import type { Identity } from './identity.js';
import { matchStopReason, presentText } from './stop-reasons.js';
import { clip } from './text.js';
import type { Cause, Hint, ServiceOutcome } from './classification.js';
import { severityOfEventType, withSeverity } from './outcomes.js';
import type { ServiceVerdict } from './verdict.js';

const SERVICE_MESSAGES = ecsDocs('service-event-messages.html');
const SERVICE_EVENTS = ecsDocs('ecs_service_events.html');

/**
 * What a known service action name is classified as.
 *
 * @internal
 */
export interface NameRow {
  readonly outcome: ServiceOutcome;
  /** Sentence after the service name. */
  readonly says: string;
  readonly cause?: Cause;
  readonly hint?: Omit<Hint, 'id'>;
}

/**
 * Known service action names (deployment names aside). Unknown ones become `service-event`, with
 * severity from `eventType`. The event patterns read it to know which names a preset never
 * notifies.
 *
 * @internal
 */
export const SERVICE_EVENT_NAMES: Readonly<Record<string, NameRow>> = {
  SERVICE_STEADY_STATE: { outcome: 'steady-state', says: 'is in a steady state' },
  TASKSET_STEADY_STATE: { outcome: 'steady-state', says: 'has a task set in a steady state' },
  CAPACITY_PROVIDER_STEADY_STATE: {
    outcome: 'steady-state',
    says: 'has its capacity providers in a steady state',
  },
  SERVICE_DESIRED_COUNT_UPDATED: {
    outcome: 'desired-count-updated',
    says: 'had its desired count updated',
  },
  TASKS_STOPPED: { outcome: 'tasks-stopped', says: 'stopped running tasks' },
  SERVICE_TASK_START_IMPAIRED: {
    outcome: 'task-start-impaired',
    says: 'is unable to consistently start tasks successfully',
    hint: {
      fix: "Tasks keep stopping soon after they start. The stopped tasks' reasons (task events) say why; the scheduler backs off until they start.",
      docsUrl: SERVICE_MESSAGES,
    },
  },
  SERVICE_TASK_PLACEMENT_FAILURE: {
    outcome: 'placement-failed',
    says: 'cannot place a task',
    cause: 'capacity',
    hint: { fix: 'No capacity matched the task. Add capacity or make the task smaller.', docsUrl: SERVICE_MESSAGES },
  },
  SERVICE_TASK_CONFIGURATION_FAILURE: {
    outcome: 'configuration-failed',
    says: 'cannot place a task because of its configuration',
    cause: 'other',
    hint: {
      fix: 'The reason names the setting: for example tags without the long-ARN opt-in, or a task role ECS cannot assume.',
      docsUrl: SERVICE_EVENTS,
    },
  },
  ECS_OPERATION_THROTTLED: {
    outcome: 'throttled',
    says: 'was throttled by Amazon ECS API limits',
    hint: {
      fix: 'Too many ECS API calls in the account and Region. Spread out deployments and automation, or ask for higher limits.',
      docsUrl: SERVICE_EVENTS,
    },
  },
  SERVICE_DISCOVERY_OPERATION_THROTTLED: {
    outcome: 'throttled',
    says: 'was throttled by AWS Cloud Map API limits',
    hint: {
      fix: 'Too many Cloud Map API calls. Spread out deployments, or ask for higher limits.',
      docsUrl: SERVICE_EVENTS,
    },
  },
  SERVICE_DISCOVERY_INSTANCE_UNHEALTHY: {
    outcome: 'unhealthy',
    says: 'has a task that is unhealthy in AWS Cloud Map',
    hint: { fix: "Check the Cloud Map health check and the task's own health.", docsUrl: SERVICE_EVENTS },
  },
  VPC_LATTICE_TARGET_UNHEALTHY: {
    outcome: 'unhealthy',
    says: 'has a VPC Lattice target that is unhealthy',
    hint: {
      fix: 'Check the VPC Lattice target group health check and the task it points at.',
      docsUrl: SERVICE_EVENTS,
    },
  },
  SERVICE_HEALTH_UNKNOWN: {
    outcome: 'health-unknown',
    says: 'could not read the health of its tasks',
    hint: {
      fix: 'The scheduler could not read health data; check the load balancer and service health configuration.',
      docsUrl: SERVICE_EVENTS,
    },
  },
  SERVICE_DAEMON_PLACEMENT_CONSTRAINT_VIOLATED: {
    outcome: 'daemon-constraint-violated',
    says: 'has a daemon task that no longer meets its placement constraints',
    hint: {
      fix: 'An instance changed so the daemon task no longer fits its constraints; check instance attributes and the constraints.',
      docsUrl: SERVICE_EVENTS,
    },
  },
};

/**
 * Classifies a service action event. A blank `reason` counts as none.
 *
 * @internal
 */
export function classifyService(event: ServiceActionEvent, identity: Identity): ServiceVerdict {
  const { eventName, eventType } = event.detail;
  // A blank reason says nothing: treated as absent, so no empty `()` in the summary.
  const reason = presentText(event.detail.reason);
  if (eventName.startsWith('SERVICE_DEPLOYMENT_')) {
    return deploymentVerdict({ eventName, eventType, reason, identity });
  }
  const service = identity.service ?? 'The service';
  // Own keys only: an event name like `constructor` is unknown, not Object.prototype's.
  const row = Object.hasOwn(SERVICE_EVENT_NAMES, eventName) ? SERVICE_EVENT_NAMES[eventName] : undefined;
  const because = reason === undefined ? '' : ` (${clip(reason, 160)})`;
  if (row === undefined) {
    return {
      severity: severityOfEventType(eventType),
      outcome: 'service-event',
      summary: `${service} reported ${eventName === '' ? 'an event without a name' : eventName}${because}`,
      ...(reason === undefined ? {} : { reason }),
    };
  }
  const catalogue = matchStopReason(reason);
  const hint: Hint | undefined =
    catalogue !== undefined
      ? { id: catalogue.id, fix: catalogue.fix, docsUrl: catalogue.docsUrl }
      : row.hint === undefined
        ? undefined
        : { id: row.outcome, ...row.hint };
  const cause = catalogue?.cause ?? row.cause;
  return {
    ...withSeverity(row.outcome),
    summary: `${service} ${row.says}${because}`,
    ...(cause === undefined ? {} : { cause }),
    ...(reason === undefined ? {} : { reason }),
    ...(hint === undefined ? {} : { hint }),
  };
}
