/**
 * Container-instance events: registration, draining, agent connection and updates, told apart
 * from the routine churn of free resources.
 *
 * @module
 */
import { ecsDocs } from './aws-docs.js';
import type { ContainerInstanceEvent } from '../events/index.js';
import type { Identity } from './identity.js';
import { presentText } from './stop-reasons.js';
import { clip } from './text.js';
import { withSeverity } from './outcomes.js';
import type { InstanceVerdict } from './verdict.js';

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
      ...withSeverity('instance-registration-failed'),
      summary: `${name}${where} failed to register${because}`,
      hint: {
        id: 'instance-registration-failed',
        fix: "The instance could not join the cluster, often while attaching its trunk network interface. Check the instance role, the agent's log and ENI trunking.",
        docsUrl: ecsDocs('container-instance-eni.html'),
      },
      ...reason,
    };
  }
  if (d.agentUpdateStatus === 'FAILED') {
    return {
      ...withSeverity('agent-update-failed'),
      summary: `The ECS agent update on ${name.charAt(0).toLowerCase()}${name.slice(1)}${where} failed`,
      hint: {
        id: 'agent-update-failed',
        fix: 'Update the agent by replacing the instance with a current ECS-optimized AMI, or update it manually.',
        docsUrl: ecsDocs('ecs-agent-update.html'),
      },
      ...reason,
    };
  }
  if (d.status === 'DEREGISTERING' || d.status === 'INACTIVE') {
    return {
      ...withSeverity('instance-deregistered'),
      summary: `${name}${where} was deregistered`,
      ...reason,
    };
  }
  if (d.status === 'DRAINING') {
    return { ...withSeverity('instance-draining'), summary: `${name}${where} is draining`, ...reason };
  }
  if (!d.agentConnected) {
    return {
      ...withSeverity('agent-disconnected'),
      summary: `The ECS agent on ${name.charAt(0).toLowerCase()}${name.slice(1)}${where} disconnected`,
      hint: {
        id: 'agent-disconnected',
        fix: 'Brief disconnects are routine. If it stays disconnected, check the instance is running and can reach the ECS endpoint, then restart the agent.',
        docsUrl: ecsDocs('ecs_container_instance_events.html'),
      },
      ...reason,
    };
  }
  if (d.status === 'REGISTERING') {
    return { ...withSeverity('instance-registering'), summary: `${name}${where} is registering`, ...reason };
  }
  return { ...withSeverity('instance-active'), summary: `${name}${where} is active`, ...reason };
}
