/**
 * Container-instance events: registration, draining, agent connection and updates, told apart
 * from the routine churn of free resources.
 *
 * @module
 */
import type { ContainerInstanceEvent } from '../events/index.js';
import type { Identity } from './identity.js';
import { presentText } from './stop-reasons.js';
import { clip } from './text.js';
import type { Hint, InstanceOutcome, Severity } from './types.js';

/**
 * The kind-specific part of a container-instance classification.
 *
 * @internal
 */
export interface InstanceVerdict {
  readonly outcome: InstanceOutcome;
  readonly severity: Severity;
  readonly summary: string;
  readonly reason?: string;
  readonly hint?: Hint;
}

const DOCS = 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/';

/**
 * Classifies a container-instance event. Order: registration failure, failed agent update,
 * deregistration, draining, agent disconnected, registering, then plain ACTIVE (churn). A blank
 * `statusReason` counts as none.
 *
 * @internal
 */
export function classifyContainerInstance(event: ContainerInstanceEvent, identity: Identity): InstanceVerdict {
  const d = event.detail;
  const name = `Container instance ${identity.ec2InstanceId ?? identity.containerInstanceId ?? ''}`.trimEnd();
  const where = identity.cluster === undefined ? '' : ` in cluster ${identity.cluster}`;
  // A blank reason says nothing: treated as absent, so no dangling `: ` in the summary.
  const statusReason = presentText(d.statusReason);
  const reason = statusReason === undefined ? {} : { reason: statusReason };
  const because = statusReason === undefined ? '' : `: ${clip(statusReason, 160)}`;
  if (d.status === 'REGISTRATION_FAILED') {
    return {
      outcome: 'instance-registration-failed',
      severity: 'error',
      summary: `${name}${where} failed to register${because}`,
      hint: {
        id: 'instance-registration-failed',
        fix: "The instance could not join the cluster, often while attaching its trunk network interface. Check the instance role, the agent's log and ENI trunking.",
        docsUrl: `${DOCS}container-instance-eni.html`,
      },
      ...reason,
    };
  }
  if (d.agentUpdateStatus === 'FAILED') {
    return {
      outcome: 'agent-update-failed',
      severity: 'warning',
      summary: `The ECS agent update on ${name.charAt(0).toLowerCase()}${name.slice(1)}${where} failed`,
      hint: {
        id: 'agent-update-failed',
        fix: 'Update the agent by replacing the instance with a current ECS-optimized AMI, or update it manually.',
        docsUrl: `${DOCS}ecs-agent-update.html`,
      },
      ...reason,
    };
  }
  if (d.status === 'DEREGISTERING' || d.status === 'INACTIVE') {
    return {
      outcome: 'instance-deregistered',
      severity: 'info',
      summary: `${name}${where} was deregistered`,
      ...reason,
    };
  }
  if (d.status === 'DRAINING') {
    return { outcome: 'instance-draining', severity: 'info', summary: `${name}${where} is draining`, ...reason };
  }
  if (!d.agentConnected) {
    return {
      outcome: 'agent-disconnected',
      severity: 'warning',
      summary: `The ECS agent on ${name.charAt(0).toLowerCase()}${name.slice(1)}${where} disconnected`,
      hint: {
        id: 'agent-disconnected',
        fix: 'Brief disconnects are routine. If it stays disconnected, check the instance is running and can reach the ECS endpoint, then restart the agent.',
        docsUrl: `${DOCS}ecs_container_instance_events.html`,
      },
      ...reason,
    };
  }
  if (d.status === 'REGISTERING') {
    return { outcome: 'instance-registering', severity: 'info', summary: `${name}${where} is registering`, ...reason };
  }
  return { outcome: 'instance-active', severity: 'info', summary: `${name}${where} is active`, ...reason };
}
