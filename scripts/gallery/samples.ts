/**
 * The gallery's messages: real and synthetic fixture events rendered by ecs-slack itself, one per
 * situation a paged engineer meets, plus a digest, a deployment card and the compact variant.
 */
import { classify, parseEcsEvent, renderDigest, renderMessage, type RenderOptions } from '../../src/index.js';
import { renderDeploymentCard } from '../../src/slack.js';
import { renderAmazonQ } from '../../src/amazon-q/index.js';
import { loadFixture } from '../../test/helpers/fixtures.js';
import { amazonQInSlack } from './amazon-q.js';
import type { GalleryEntry } from './types.js';

type Kind = Parameters<typeof loadFixture>[0];

interface Case {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly kind: Kind;
  readonly fixture: string;
  readonly options?: RenderOptions;
}

const CASES: readonly Case[] = [
  {
    name: 'task-oom-kill',
    title: 'Out of memory (error)',
    description:
      'A Fargate service task whose app container hit its memory limit (synthetic, from the documented OutOfMemoryError reason).',
    kind: 'task',
    fixture: 'synthetic-task-oom-exit137',
  },
  {
    name: 'task-crashed',
    title: 'Crash with a sidecar (error)',
    description: 'Real capture: the app exited 2, the Envoy sidecar exited 0; the culprit is the app.',
    kind: 'task',
    fixture: 'task-stopped-essential-container-exited-fargate-sidecar',
  },
  {
    name: 'task-elb-health-check',
    title: 'Load balancer health checks failed (error)',
    description: 'Real capture: the scheduler replaced the task; exit 143 is the consequence, not the cause.',
    kind: 'task',
    fixture: 'task-stopped-elb-health-check-failed-fargate',
  },
  {
    name: 'task-image-not-found',
    title: 'Image tag not found (error)',
    description: 'TaskFailedToStart with CannotPullContainerError ... not found (synthetic).',
    kind: 'task',
    fixture: 'synthetic-task-pull-not-found',
  },
  {
    name: 'task-secrets',
    title: 'Secret cannot be read (error)',
    description: 'ResourceInitializationError while fetching a Secrets Manager value (synthetic).',
    kind: 'task',
    fixture: 'synthetic-task-rie-secrets',
  },
  {
    name: 'task-spot-warning',
    title: 'Fargate Spot two-minute warning (warning)',
    description: 'The task is still RUNNING; the stop is coming (synthetic, from the documented snippet).',
    kind: 'task',
    fixture: 'synthetic-task-spot-warning',
  },
  {
    name: 'task-batch-completed',
    title: 'Batch job finished (success)',
    description: 'Real capture from 2018: exit 0 and no stop code.',
    kind: 'task',
    fixture: 'task-stopped-ec2-standalone-exit0-no-stopcode',
  },
  {
    name: 'task-user-stop-hostile',
    title: 'Hostile text stays text',
    description: 'A StopTask reason containing <!channel>: escaped, nobody is pinged (synthetic).',
    kind: 'task',
    fixture: 'synthetic-task-stopped-by-user-custom',
  },
  {
    name: 'service-start-impaired',
    title: 'Service cannot start tasks (warning)',
    description: 'Real capture of SERVICE_TASK_START_IMPAIRED.',
    kind: 'service',
    fixture: 'service-task-start-impaired',
  },
  {
    name: 'service-placement-fargate',
    title: 'No Fargate Spot capacity (error)',
    description: 'AWS docs example of SERVICE_TASK_PLACEMENT_FAILURE with RESOURCE:FARGATE.',
    kind: 'service',
    fixture: 'docs-service-task-placement-failure-fargate-spot',
  },
  {
    name: 'deployment-started',
    title: 'Deployment started (info)',
    description: 'Real capture with the newer clusterArn field.',
    kind: 'deployment',
    fixture: 'deployment-in-progress-with-clusterarn',
  },
  {
    name: 'deployment-rolling-back',
    title: 'Circuit breaker rolling back (warning)',
    description: 'The rollback reason text as DescribeServices shows it (synthetic).',
    kind: 'deployment',
    fixture: 'synthetic-deployment-rollback-real-reason',
  },
  {
    name: 'deployment-failed',
    title: 'Deployment failed (error)',
    description: 'AWS docs example of SERVICE_DEPLOYMENT_FAILED.',
    kind: 'deployment',
    fixture: 'docs-deployment-failed',
  },
  {
    name: 'deployment-completed',
    title: 'Deployment completed (success)',
    description: 'AWS docs example of SERVICE_DEPLOYMENT_COMPLETED.',
    kind: 'deployment',
    fixture: 'docs-deployment-completed',
  },
  {
    name: 'instance-agent-disconnected',
    title: 'ECS agent disconnected (warning)',
    description: 'Container instance event (synthetic, from the AWS docs example).',
    kind: 'container-instance',
    fixture: 'synthetic-instance-agent-disconnected',
  },
  {
    name: 'task-oom-compact',
    title: 'Compact variant',
    description: "The same out-of-memory alert with { variant: 'compact' }.",
    kind: 'task',
    fixture: 'synthetic-task-oom-exit137',
    options: { variant: 'compact' },
  },
];

/** The gallery entries, rendered from the sources. */
export function galleryEntries(): GalleryEntry[] {
  const entries: GalleryEntry[] = CASES.map(({ kind, fixture, options, ...entry }) => ({
    ...entry,
    message: renderMessage(parseEcsEvent(loadFixture(kind, fixture)), options),
  }));
  const crash = parseEcsEvent(loadFixture('task', 'synthetic-task-crashed-exit1-sidecar143'));
  entries.push({
    name: 'crash-loop-digest',
    title: 'Crash-loop digest',
    description: 'What the noise filter sends after the first alert when a task keeps crashing: one digest per window.',
    message: renderDigest({
      count: 14,
      since: '2020-03-16T15:27:04Z',
      until: '2020-03-16T15:37:04Z',
      latest: { event: crash, classification: classify(crash) },
    }),
  });
  entries.push({
    name: 'deployment-card',
    title: 'Deployment progress card',
    description: 'The card deployment threads post once and then edit in place as tasks start and fail.',
    message: renderDeploymentCard({
      deploymentId: 'ecs-svc/6177963417134325488',
      service: 'example-service',
      cluster: 'example-cluster',
      state: 'in-progress',
      tasksStarted: 3,
      tasksFailed: 2,
      startedAt: '2025-02-18T00:17:22Z',
      updatedAt: '2025-02-18T00:21:40Z',
      reason: 'app exited with code 1 (application error) and task a6eaf015 of example-service stopped',
      links: classify(parseEcsEvent(loadFixture('deployment', 'deployment-in-progress-with-clusterarn'))).links,
    }),
  });
  entries.push({
    name: 'amazon-q-task-crashed',
    title: 'Amazon Q Developer in Slack',
    description:
      'The crash with a sidecar above as an Amazon Q Developer custom notification (ecs-slack/amazon-q): title, description, next steps and keywords in Slack. An approximation drawn from the fields; Amazon Q lays them out itself.',
    message: amazonQInSlack(
      renderAmazonQ(parseEcsEvent(loadFixture('task', 'task-stopped-essential-container-exited-fargate-sidecar'))),
    ),
  });
  return entries;
}
