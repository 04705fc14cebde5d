/**
 * The built-in sample events behind `ecs-slack demo`: events from the test fixtures (AWS
 * documentation examples and captures published by open-source projects, plus a few synthetic
 * ones for documented situations without a public sample; provenance in
 * `test/fixtures/events/SOURCES.md`), bundled into the executable at build time.
 *
 * @internal
 * @module
 */
import deploymentCompleted from './docs-deployment-completed.json' with { type: 'json' };
import deploymentFailed from './docs-deployment-failed.json' with { type: 'json' };
import deploymentStarted from './deployment-in-progress-with-clusterarn.json' with { type: 'json' };
import deploymentRollback from './docs-deployment-rollback-in-progress.json' with { type: 'json' };
import instanceActive from './docs-container-instance-active.json' with { type: 'json' };
import placementFailure from './docs-service-task-placement-failure-fargate-spot.json' with { type: 'json' };
import startImpaired from './service-task-start-impaired.json' with { type: 'json' };
import steadyState from './docs-service-steady-state.json' with { type: 'json' };
import batchCompleted from './task-stopped-ec2-standalone-exit0-no-stopcode.json' with { type: 'json' };
import elbHealthCheck from './task-stopped-elb-health-check-failed-fargate.json' with { type: 'json' };
import appCrashed from './task-stopped-essential-container-exited-fargate-sidecar.json' with { type: 'json' };
import deploymentStop from './task-stopped-service-scaling-deployment-fargate.json' with { type: 'json' };
import taskRunning from './task-running-fargate-service-exec-enabled.json' with { type: 'json' };
import oomKilled from './synthetic-task-oom-exit137.json' with { type: 'json' };
import imageNotFound from './synthetic-task-pull-not-found.json' with { type: 'json' };
import spotWarning from './synthetic-task-spot-warning.json' with { type: 'json' };
import userStopped from './task-stopped-user-initiated-ec2-bridge-asg-capacity-provider.json' with { type: 'json' };

/**
 * A named sample event.
 *
 * @internal
 */
export interface Sample {
  /** Short name, shown by the demo. */
  readonly name: string;
  /** The raw event as published. */
  readonly event: unknown;
}

/**
 * The demo's sample events, in the order a deployment story would show them.
 *
 * @internal
 */
export const SAMPLES: readonly Sample[] = [
  { name: 'deployment started', event: deploymentStarted },
  { name: 'task running', event: taskRunning },
  { name: 'old task replaced by the deployment', event: deploymentStop },
  { name: 'app container crashed (exit 2)', event: appCrashed },
  { name: 'task failed ELB health checks', event: elbHealthCheck },
  { name: 'container ran out of memory (synthetic)', event: oomKilled },
  { name: 'image tag not found (synthetic)', event: imageNotFound },
  { name: 'Fargate Spot two-minute warning (synthetic)', event: spotWarning },
  { name: 'service cannot start tasks', event: startImpaired },
  { name: 'no Fargate Spot capacity', event: placementFailure },
  { name: 'circuit breaker rolls back', event: deploymentRollback },
  { name: 'deployment failed', event: deploymentFailed },
  { name: 'deployment completed', event: deploymentCompleted },
  { name: 'service steady', event: steadyState },
  { name: 'batch job finished (exit 0)', event: batchCompleted },
  { name: 'task stopped by a user', event: userStopped },
  { name: 'container instance active', event: instanceActive },
];
