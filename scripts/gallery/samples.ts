/**
 * The gallery's messages: real and synthetic fixture events rendered by ecs-slack itself, one per
 * situation a paged engineer meets, plus a digest, a deployment card, the compact variant, and a
 * crash with its evidence gathered by the real enricher from the tests' loopback AWS.
 */
import { classify, parseEcsEvent, renderDigest, renderMessage, type RenderOptions } from '../../src/index.js';
import { renderDeploymentCard, renderIncident, renderSilenceSummary } from '../../src/slack.js';
import { renderAmazonQ } from '../../src/amazon-q/index.js';
import { createEnricher } from '../../src/aws/index.js';
import { CRASH, CRASH_GROUP, CRASH_STREAM, clientsFor, startFakeAws } from '../../test/aws/harness.js';
import { loadFixture } from '../../test/helpers/fixtures.js';
import { alertTarget } from '../../src/render/alert-actions.js';
import { editedMessage, mutedStatus, unmuteRow } from '../../src/slack-actions/message.js';
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

/** What the crashed app wrote last: a failed migration, with a database password to redact. */
const CRASH_LOG = [
  '2020-03-16T15:37:02.114Z INFO  orders-api 1.42.0 starting (node v20.11.1)',
  '2020-03-16T15:37:02.356Z INFO  connecting to postgres://orders:pg-s3cret-pass@db.internal:5432/orders',
  '2020-03-16T15:37:02.871Z INFO  running migration 0042_customer_index',
  '2020-03-16T15:37:03.402Z ERROR migration 0042_customer_index failed: relation "orders_customer_id_idx" already exists',
  'Error: migration failed',
  '    at Migrator.run (/app/dist/db/migrate.js:88:13)',
  '    at async main (/app/dist/main.js:24:5)',
  '2020-03-16T15:37:03.417Z FATAL cannot start without a migrated database; exiting with code 2',
];

/** The crash with a sidecar, with the evidence `createHandler({ enrich: true })` would add. */
async function crashWithEvidence(): Promise<GalleryEntry> {
  const aws = await startFakeAws({ streams: { [`${CRASH_GROUP} ${CRASH_STREAM}`]: CRASH_LOG } });
  try {
    const event = parseEcsEvent(loadFixture('task', CRASH));
    const classification = classify(event);
    const evidence = await createEnricher(clientsFor(aws))(event, classification);
    return {
      name: 'task-crashed-evidence',
      title: 'Crash with its last log lines (error)',
      description:
        "The crash with a sidecar above with enrichment on (ecs-slack/aws): the app container's last lines from CloudWatch Logs, the password redacted, and links to its log stream and Logs Insights.",
      message: renderMessage(event, { classification, evidence }),
    };
  } finally {
    await aws.close();
  }
}

/** The gallery entries, rendered from the sources. */
export async function galleryEntries(): Promise<GalleryEntry[]> {
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
  const pull = parseEcsEvent(loadFixture('task', 'synthetic-task-pull-not-found'));
  const services = Array.from({ length: 30 }, (_, i) => `catalogue-${String(i).padStart(2, '0')}`);
  entries.push({
    name: 'incident-grouped',
    title: 'An outage across a cluster, as one incident',
    description:
      'A registry outage: 30 services of one cluster cannot pull their images. The first alert goes out at once; the other 29 join this one grouped message (updated in place with the Web API).',
    message: renderIncident({
      latest: { event: pull, classification: classify(pull) },
      first: services[0] ?? 'catalogue-00',
      services: services.map((name, i) => ({
        name,
        count: i === 0 ? 1 : 1 + (i % 3),
        outcomes: i % 10 === 9 ? ['failed-to-start', 'task-start-impaired'] : ['failed-to-start'],
      })),
      recovered: [],
      since: '2020-03-16T15:37:04Z',
      until: '2020-03-16T15:43:10Z',
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
    name: 'silence-ended',
    title: 'A silence ended',
    description:
      'The one summary of a silence set during a migration (ecs-slack silence add), posted when it ends to the channels its events would have gone to.',
    message: renderSilenceSummary({
      silence: {
        id: '3f9c2a1b',
        match: { service: 'checkout' },
        author: 'ana',
        reason: 'database migration',
        startsAt: '2025-06-01T13:00:00Z',
        endsAt: '2025-06-01T15:00:00Z',
        createdAt: '2025-06-01T12:58:10Z',
        suppressed: 14,
      },
      count: 14,
      text: 'checkout: 14 events silenced by ana from 13:00 to 15:00 UTC: database migration',
      destinations: ['ops'],
      lease: 0,
    }),
  });
  entries.push(...interactiveAlerts());
  entries.push({
    name: 'amazon-q-task-crashed',
    title: 'Amazon Q Developer in Slack',
    description:
      'The crash with a sidecar above as an Amazon Q Developer custom notification (ecs-slack/amazon-q): title, description, next steps and keywords in Slack. An approximation drawn from the fields; Amazon Q lays them out itself.',
    message: amazonQInSlack(
      renderAmazonQ(parseEcsEvent(loadFixture('task', 'task-stopped-essential-container-exited-fargate-sidecar'))),
    ),
  });
  entries.splice(entries.findIndex((entry) => entry.name === 'task-crashed') + 1, 0, await crashWithEvidence());
  return entries;
}

/** The image-pull failure with its buttons, and the same alert once muted from Slack. */
function interactiveAlerts(): GalleryEntry[] {
  const secret = 'gallery-signing-secret';
  const event = parseEcsEvent(loadFixture('task', 'synthetic-task-pull-not-found'));
  const message = renderMessage(event, { interactive: true, signingSecret: secret });
  const target = alertTarget(classify(event));
  if (target === undefined) throw new Error('the gallery alert has no service');
  const now = Date.parse('2025-06-01T14:00:00Z');
  const muted = editedMessage(message, mutedStatus('U0ANA0001', now + 3_600_000, now, target.service), [
    unmuteRow(target, 'slack-gallery', secret),
  ]);
  return [
    {
      name: 'task-interactive',
      title: 'Interactive alert',
      description:
        'With render: { interactive: true, signingSecret }: Acknowledge and Mute for the service, and a row muting only its cause (docs/interactivity.md).',
      message,
    },
    {
      name: 'task-muted-from-slack',
      title: 'Muted from Slack',
      description:
        'The same alert after Mute 1h: edited in place with who muted it and until when, and an Unmute button; the pipeline suppresses the service (silenced) until then.',
      message: muted,
    },
  ];
}
