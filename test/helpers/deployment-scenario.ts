/**
 * A whole deployment as EventBridge delivers it, built from real captured events: the deployment
 * starts, three of its tasks reach RUNNING (one reports twice, as container-level events do), two
 * crash, the circuit breaker rolls back, the deployment completes.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const EVENTS = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'events');
const load = (kind: string, name: string): Record<string, any> =>
  JSON.parse(readFileSync(join(EVENTS, kind, `${name}.json`), 'utf8'));

/** The deployment of the scenario. */
export const DEPLOYMENT_ID = 'ecs-svc/6177963417134325488';
const CLUSTER_ARN = 'arn:aws:ecs:ap-northeast-1:999999999999:cluster/example-cluster';

function task(base: Record<string, any>, n: number, minute: number): Record<string, any> {
  const event = structuredClone(base);
  const taskArn = `arn:aws:ecs:ap-northeast-1:999999999999:task/example-cluster/${String(n).padStart(32, 'a')}`;
  const time = new Date(Date.parse('2025-02-18T00:17:22Z') + minute * 60_000).toISOString().replace('.000', '');
  Object.assign(event, {
    id: `deploy-task-${n}-${event.detail.lastStatus}-${minute}`,
    time,
    region: 'ap-northeast-1',
    account: '999999999999',
    resources: [taskArn],
  });
  Object.assign(event.detail, {
    taskArn,
    clusterArn: CLUSTER_ARN,
    group: 'service:example-service',
    startedBy: DEPLOYMENT_ID,
    updatedAt: time,
  });
  for (const container of event.detail.containers) container.taskArn = taskArn;
  return event;
}

function deployment(eventName: string, eventType: string, reason: string, minute: number): Record<string, any> {
  const event = load('deployment', 'deployment-in-progress-with-clusterarn');
  const time = new Date(Date.parse('2025-02-18T00:17:22Z') + minute * 60_000).toISOString().replace('.000', '');
  Object.assign(event, { id: `deploy-${eventName}-${minute}`, time });
  Object.assign(event.detail, { eventName, eventType, reason, updatedAt: time });
  return event;
}

/** The events, in the order they arrive. */
export function deploymentScenario(): Array<Record<string, any>> {
  const running = load('task', 'task-running-fargate-service-exec-enabled');
  const crashed = load('task', 'synthetic-task-crashed-exit1-sidecar143');
  return [
    deployment('SERVICE_DEPLOYMENT_IN_PROGRESS', 'INFO', `ECS deployment ${DEPLOYMENT_ID} in progress.`, 0),
    task(running, 1, 1),
    task(running, 2, 1),
    { ...task(running, 2, 1), id: 'deploy-task-2-RUNNING-again' },
    task(running, 3, 2),
    task(crashed, 4, 3),
    task(crashed, 5, 4),
    deployment(
      'SERVICE_DEPLOYMENT_IN_PROGRESS',
      'INFO',
      'ECS deployment circuit breaker: rolling back to deploymentId ecs-svc/5172139016543851234.',
      5,
    ),
    deployment('SERVICE_DEPLOYMENT_COMPLETED', 'INFO', `ECS deployment ${DEPLOYMENT_ID} completed.`, 9),
  ];
}
