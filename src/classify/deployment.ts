/**
 * Deployment events: started, rolling back, completed, failed.
 *
 * @module
 */
import { ecsDocs } from './aws-docs.js';
import type { DeploymentEvent } from '../events/index.js';
import type { Identity } from './identity.js';
import { presentText } from './stop-reasons.js';
import { clip } from './text.js';
import type { DeploymentOutcome } from './classification.js';
import { severityOfEventType, withSeverity } from './outcomes.js';
import type { ServiceVerdict } from './verdict.js';

const CIRCUIT_BREAKER = ecsDocs('deployment-circuit-breaker.html');

/**
 * Classifies a deployment event.
 *
 * @internal
 */
export function classifyDeployment(event: DeploymentEvent, identity: Identity): ServiceVerdict {
  const { eventName, eventType, reason, deploymentId } = event.detail;
  return deploymentVerdict({ eventName, eventType, reason, deploymentId, identity });
}

/**
 * Every outcome {@link deploymentVerdict} can give each deployment event name (an IN_PROGRESS is
 * a rollback when its reason says so). Any other name is a `deployment-event`
 * with the severity of its `eventType`. Keep in step with the switch below; the event patterns
 * read it to know which names a preset never notifies.
 *
 * @internal
 */
export const DEPLOYMENT_EVENT_NAMES: Readonly<Record<string, readonly DeploymentOutcome[]>> = {
  SERVICE_DEPLOYMENT_IN_PROGRESS: ['deployment-started', 'deployment-rolling-back'],
  SERVICE_DEPLOYMENT_COMPLETED: ['deployment-completed'],
  SERVICE_DEPLOYMENT_FAILED: ['deployment-failed'],
};

/**
 * A deployment event, or a deployment name that arrived as a service action.
 *
 * @internal
 */
export interface DeploymentFacts {
  /** `SERVICE_DEPLOYMENT_IN_PROGRESS`, ... */
  readonly eventName: string;
  /** INFO, WARN or ERROR. */
  readonly eventType: string;
  /** AWS's reason; a blank one counts as none. */
  readonly reason?: string | undefined;
  /** The deployment, when the event names it. */
  readonly deploymentId?: string | undefined;
  /** Who it is about. */
  readonly identity: Identity;
}

/**
 * The verdict for a deployment event name, shared with the deployment names that arrive as
 * service actions. A blank `reason` counts as none.
 *
 * @internal
 */
export function deploymentVerdict(facts: DeploymentFacts): ServiceVerdict {
  const { eventName, eventType, deploymentId, identity } = facts;
  const reason = presentText(facts.reason);
  const service = identity.service ?? 'the service';
  const deployment =
    deploymentId === undefined || deploymentId === ''
      ? `A deployment of ${service}`
      : `Deployment ${deploymentId} of ${service}`;
  const withReason = reason === undefined ? {} : { reason };
  switch (eventName) {
    case 'SERVICE_DEPLOYMENT_IN_PROGRESS':
      if (reason !== undefined && /rolling back/i.test(reason)) {
        const target = /rolling back to (?:deploymentId )?(\S+?)\.?$/i.exec(reason)?.[1];
        return {
          ...withSeverity('deployment-rolling-back'),
          summary: `${deployment} is rolling back${target === undefined || !target.startsWith('ecs-svc/') ? '' : ` to ${target}`}: ${reason.includes('circuit breaker') ? 'the circuit breaker tripped' : 'it did not become healthy'}`,
          hint: {
            id: 'deployment-rollback',
            fix: "New tasks failed to start or to pass health checks, so ECS is going back to the last good deployment. The stopped tasks' reasons say why.",
            docsUrl: CIRCUIT_BREAKER,
          },
          ...withReason,
        };
      }
      return { ...withSeverity('deployment-started'), summary: `${deployment} started`, ...withReason };
    case 'SERVICE_DEPLOYMENT_COMPLETED':
      return {
        ...withSeverity('deployment-completed'),
        summary: `${deployment} completed`,
        ...withReason,
      };
    case 'SERVICE_DEPLOYMENT_FAILED':
      return {
        ...withSeverity('deployment-failed'),
        summary: `${deployment} failed${reason === undefined ? '' : `: ${clip(reason, 160)}`}`,
        hint: {
          id: 'deployment-failed',
          fix: "The deployment circuit breaker (or a CloudWatch alarm) stopped the deployment. The stopped tasks' reasons say why the new tasks failed.",
          docsUrl: CIRCUIT_BREAKER,
        },
        ...withReason,
      };
    default:
      return {
        outcome: 'deployment-event',
        severity: severityOfEventType(eventType),
        summary: `${deployment} reported ${eventName === '' ? 'an event without a name' : eventName}`,
        ...withReason,
      };
  }
}
