/**
 * Deployment events: started, rolling back, completed, failed.
 *
 * @module
 */
import type { DeploymentEvent } from '../events/index.js';
import type { Identity } from './identity.js';
import type { ServiceVerdict } from './service.js';
import { severityOfEventType } from './service.js';
import { presentText } from './stop-reasons.js';
import { clip } from './text.js';
import type { DeploymentOutcome, Severity } from './types.js';

const CIRCUIT_BREAKER = 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html';

/**
 * Classifies a deployment event.
 *
 * @internal
 */
export function classifyDeployment(event: DeploymentEvent, identity: Identity): ServiceVerdict {
  const { eventName, eventType, reason, deploymentId } = event.detail;
  return deploymentVerdict(eventName, eventType, reason, deploymentId, identity);
}

/**
 * Every outcome {@link deploymentVerdict} can give each deployment event name, with its severity
 * (an IN_PROGRESS is a rollback when its reason says so). Any other name is a `deployment-event`
 * with the severity of its `eventType`. Keep in step with the switch below; the event patterns
 * read it to know which names a preset never notifies.
 *
 * @internal
 */
export const DEPLOYMENT_EVENT_NAMES: Readonly<Record<string, ReadonlyArray<readonly [DeploymentOutcome, Severity]>>> = {
  SERVICE_DEPLOYMENT_IN_PROGRESS: [
    ['deployment-started', 'info'],
    ['deployment-rolling-back', 'warning'],
  ],
  SERVICE_DEPLOYMENT_COMPLETED: [['deployment-completed', 'success']],
  SERVICE_DEPLOYMENT_FAILED: [['deployment-failed', 'error']],
};

/**
 * The verdict for a deployment event name, shared with the deployment names that arrive as
 * service actions. A blank `reason` counts as none.
 *
 * @internal
 */
export function deploymentVerdict(
  eventName: string,
  eventType: string,
  givenReason: string | undefined,
  deploymentId: string | undefined,
  identity: Identity,
): ServiceVerdict {
  const reason = presentText(givenReason);
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
          outcome: 'deployment-rolling-back',
          severity: 'warning',
          summary: `${deployment} is rolling back${target === undefined || !target.startsWith('ecs-svc/') ? '' : ` to ${target}`}: ${reason.includes('circuit breaker') ? 'the circuit breaker tripped' : 'it did not become healthy'}`,
          hint: {
            id: 'deployment-rollback',
            fix: "New tasks failed to start or to pass health checks, so ECS is going back to the last good deployment. The stopped tasks' reasons say why.",
            docsUrl: CIRCUIT_BREAKER,
          },
          ...withReason,
        };
      }
      return { outcome: 'deployment-started', severity: 'info', summary: `${deployment} started`, ...withReason };
    case 'SERVICE_DEPLOYMENT_COMPLETED':
      return {
        outcome: 'deployment-completed',
        severity: 'success',
        summary: `${deployment} completed`,
        ...withReason,
      };
    case 'SERVICE_DEPLOYMENT_FAILED':
      return {
        outcome: 'deployment-failed',
        severity: 'error',
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
