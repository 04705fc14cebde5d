/**
 * Events built from real fixtures by changing the fields the noise filter and the event patterns
 * look at: every status, stop code, event name, event type and identity shape, known and unknown,
 * so the patterns are checked against the real classifier well beyond the fixtures.
 */
import { loadFixture } from '../helpers/fixtures.js';

/** One generated event and what was changed. */
export interface Variant {
  readonly label: string;
  readonly event: Record<string, any>;
}

function variant(base: Record<string, any>, label: string, change: (event: Record<string, any>) => void): Variant {
  const event = structuredClone(base);
  change(event);
  return { label, event };
}

/** Sets a detail field, or deletes it for `undefined`. */
function put(detail: Record<string, unknown>, field: string, value: unknown): void {
  if (value === undefined) delete detail[field];
  else detail[field] = value;
}

const TASK_STATUSES = [
  'PROVISIONING',
  'PENDING',
  'ACTIVATING',
  'RUNNING',
  'DEACTIVATING',
  'STOPPING',
  'DEPROVISIONING',
  'STOPPED',
  'DELETED',
  'SUSPENDED',
];
const DESIRED = ['RUNNING', 'STOPPED', 'PENDING'];
const STOP_CODES = [
  undefined,
  'TaskFailedToStart',
  'EssentialContainerExited',
  'UserInitiated',
  'ServiceSchedulerInitiated',
  'SpotInterruption',
  'TerminationNotice',
  'InfrastructureHealth',
  'SomethingNew',
];
const STOP_REASONS = [
  undefined,
  'Your Spot Task was interrupted.',
  '  Your Spot Task was interrupted.',
  'SpotInterruptionError: capacity reclaimed',
  'Essential container in task exited',
  'Scaling activity initiated by (deployment ecs-svc/1234567890123456789)',
  'Task stopped by user',
  'CannotPullContainerError: pull image manifest has been retried 5 time(s): not found',
];

/** Task events: every last and desired status, stop code and a range of stopped reasons. */
export function taskVariants(): Variant[] {
  const bases = ['task-stopped-essential-container-exited-fargate-sidecar', 'synthetic-task-oom-exit137'].map((name) =>
    loadFixture('task', name),
  );
  const out: Variant[] = [];
  for (const [b, base] of bases.entries()) {
    for (const last of TASK_STATUSES) {
      for (const desired of DESIRED) {
        for (const code of STOP_CODES) {
          for (const reason of STOP_REASONS) {
            out.push(
              variant(base, `task#${b} ${last}/${desired} ${code ?? '-'} ${reason ?? '-'}`, (e) => {
                put(e.detail, 'lastStatus', last);
                put(e.detail, 'desiredStatus', desired);
                put(e.detail, 'stopCode', code);
                put(e.detail, 'stoppedReason', reason);
              }),
            );
          }
        }
      }
    }
  }
  return out;
}

const SERVICE_NAMES = [
  'SERVICE_STEADY_STATE',
  'TASKSET_STEADY_STATE',
  'CAPACITY_PROVIDER_STEADY_STATE',
  'SERVICE_DESIRED_COUNT_UPDATED',
  'TASKS_STOPPED',
  'SERVICE_DEPLOYMENT_IN_PROGRESS',
  'SERVICE_DEPLOYMENT_COMPLETED',
  'SERVICE_DEPLOYMENT_FAILED',
  'SERVICE_DEPLOYMENT_BAKING',
  'SERVICE_TASK_START_IMPAIRED',
  'SERVICE_DISCOVERY_INSTANCE_UNHEALTHY',
  'VPC_LATTICE_TARGET_UNHEALTHY',
  'SERVICE_DAEMON_PLACEMENT_CONSTRAINT_VIOLATED',
  'ECS_OPERATION_THROTTLED',
  'SERVICE_DISCOVERY_OPERATION_THROTTLED',
  'SERVICE_TASK_PLACEMENT_FAILURE',
  'SERVICE_TASK_CONFIGURATION_FAILURE',
  'SERVICE_HEALTH_UNKNOWN',
  'SERVICE_SOMETHING_NEW',
];
const EVENT_TYPES = ['INFO', 'WARN', 'ERROR', 'NOTICE'];
const SERVICE_REASONS = [
  undefined,
  'ECS deployment circuit breaker: rolling back to deploymentId ecs-svc/1234567890123456789.',
  'RESOURCE:CPU',
];

/** The ARN shapes a service or deployment event names its cluster and service with. */
function identityShapes(base: Record<string, any>): Array<[string, (event: Record<string, any>) => void]> {
  const [longArn] = base.resources as string[];
  const shortArn = longArn!.replace(/service\/[^/]+\//, 'service/');
  const otherCluster = longArn!.replace(/service\/[^/]+\//, 'service/other-cluster/');
  const clusterArn = `${longArn!.slice(0, longArn!.indexOf(':service/'))}:cluster/${/service\/([^/]+)\//.exec(longArn!)![1]}`;
  return [
    ['long ARN, clusterArn', (e) => put(e.detail, 'clusterArn', clusterArn)],
    ['long ARN, no clusterArn', (e) => put(e.detail, 'clusterArn', undefined)],
    ['short ARN, clusterArn', (e) => ((e.resources = [shortArn]), put(e.detail, 'clusterArn', clusterArn))],
    ['short ARN, no clusterArn', (e) => ((e.resources = [shortArn]), put(e.detail, 'clusterArn', undefined))],
    ['other cluster, no clusterArn', (e) => ((e.resources = [otherCluster]), put(e.detail, 'clusterArn', undefined))],
  ];
}

/** Service action and deployment events: every name, event type, rollback reason and identity shape. */
export function serviceVariants(): Variant[] {
  const bases: Array<[string, Record<string, any>]> = [
    ['service', loadFixture('service', 'docs-service-steady-state')],
    ['deployment', loadFixture('deployment', 'docs-deployment-in-progress')],
  ];
  const out: Variant[] = [];
  for (const [kind, base] of bases) {
    for (const name of SERVICE_NAMES) {
      if (kind === 'deployment' && !name.startsWith('SERVICE_DEPLOYMENT_') && name !== 'SERVICE_SOMETHING_NEW')
        continue;
      for (const type of EVENT_TYPES) {
        for (const reason of SERVICE_REASONS) {
          for (const [shape, reshape] of identityShapes(base)) {
            // The service schema needs clusterArn; deployments may lack it.
            if (kind === 'service' && shape.includes('no clusterArn')) continue;
            out.push(
              variant(base, `${kind} ${name}/${type} ${reason ?? '-'} (${shape})`, (e) => {
                put(e.detail, 'eventName', name);
                put(e.detail, 'eventType', type);
                put(e.detail, 'reason', reason);
                reshape(e);
              }),
            );
          }
        }
      }
    }
  }
  return out;
}

/** Container-instance events: every status, agent connection and agent update status. */
export function instanceVariants(): Variant[] {
  const base = loadFixture('container-instance', 'docs-container-instance-active');
  const out: Variant[] = [];
  for (const status of [
    'REGISTERING',
    'REGISTRATION_FAILED',
    'ACTIVE',
    'INACTIVE',
    'DEREGISTERING',
    'DRAINING',
    'SOMETHING_NEW',
  ]) {
    for (const connected of [true, false]) {
      for (const update of [undefined, 'PENDING', 'UPDATED', 'FAILED']) {
        out.push(
          variant(base, `instance ${status} connected=${connected} update=${update ?? '-'}`, (e) => {
            put(e.detail, 'status', status);
            put(e.detail, 'agentConnected', connected);
            put(e.detail, 'agentUpdateStatus', update);
          }),
        );
      }
    }
  }
  return out;
}

/** Detail-types ecs-slack does not model (kind `unknown`), with and without a cluster. */
export function unknownVariants(): Variant[] {
  const instance = loadFixture('container-instance', 'docs-container-instance-active');
  return [
    variant(instance, 'unknown: ECS Container Instance Health Change', (e) => {
      e['detail-type'] = 'ECS Container Instance Health Change';
    }),
    variant(instance, 'unknown: AWS API Call via CloudTrail', (e) => {
      e['detail-type'] = 'AWS API Call via CloudTrail';
      e.detail = {
        eventSource: 'ecs.amazonaws.com',
        eventName: 'UpdateService',
        requestParameters: { cluster: 'default' },
      };
    }),
  ];
}

/** Every generated event. */
export function allVariants(): Variant[] {
  return [...taskVariants(), ...serviceVariants(), ...instanceVariants(), ...unknownVariants()];
}
