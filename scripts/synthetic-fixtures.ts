/**
 * Writes the synthetic fixtures: events for situations AWS documents but no public, attributable
 * sample exists for (see "Situations wanted but not found" in test/fixtures/events/SOURCES.md).
 *
 * Each one is a real published event with the fields of the documented situation changed, so the
 * shapes stay real; the reason texts come from the AWS documentation pages cited. Run with
 * `npm run fixtures:synthetic`; `test/fixtures/synthetic.test.ts` checks the files are current.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

type Json = Record<string, any>;
type Kind = 'task' | 'service' | 'deployment' | 'container-instance';

/** One synthetic fixture: its base event, what changed, and where the situation is documented. */
export interface Synthetic {
  readonly kind: Kind;
  readonly name: string;
  readonly base: string;
  readonly situation: string;
  readonly source: string;
  readonly change: (event: Json) => void;
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const EVENTS = join(ROOT, 'test/fixtures/events');

const FARGATE_STOPPED = 'task-stopped-essential-container-exited-fargate-sidecar';
const FARGATE_RUNNING = 'task-running-fargate-service-exec-enabled';
const EC2_STOPPED = 'task-stopped-user-initiated-ec2-bridge-asg-capacity-provider';
const D = 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/';

/** Makes a stopped Fargate task fail before running: no start, no exit codes, the given reasons. */
function failedToStart(reason: string, containerReason: string = reason) {
  return (e: Json) => {
    const d = e.detail;
    Object.assign(d, { stopCode: 'TaskFailedToStart', stoppedReason: reason });
    for (const key of ['startedAt', 'pullStoppedAt', 'connectivityAt']) delete d[key];
    d.containers = [d.containers[1]];
    const app = d.containers[0];
    delete app.exitCode;
    delete app.runtimeId;
    delete app.imageDigest;
    app.reason = containerReason;
  };
}

/** Sets the containers' exit codes and reasons by name on a stopped task. */
function exits(
  stopCode: string | undefined,
  stoppedReason: string,
  containers: Record<string, { exitCode?: number; reason?: string }>,
) {
  return (e: Json) => {
    const d = e.detail;
    if (stopCode === undefined) delete d.stopCode;
    else d.stopCode = stopCode;
    d.stoppedReason = stoppedReason;
    for (const c of d.containers) {
      const set = containers[c.name];
      if (set === undefined) continue;
      if ('exitCode' in set) {
        if (set.exitCode === undefined) delete c.exitCode;
        else c.exitCode = set.exitCode;
      }
      if (set.reason !== undefined) c.reason = set.reason;
    }
  };
}

const pull = (rest: string) => `CannotPullContainerError: ${rest}`;
const rie = (rest: string) => `ResourceInitializationError: ${rest}`;

/** The synthetic fixtures, in file-name order within each kind. */
export const SYNTHETICS: readonly Synthetic[] = [
  // Task: out of memory.
  {
    kind: 'task',
    name: 'synthetic-task-oom-exit137',
    base: FARGATE_STOPPED,
    situation: 'container killed for memory, exit 137',
    source: `${D}out-of-memory.html`,
    change: exits('EssentialContainerExited', 'Essential container in task exited', {
      app: { exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage' },
      envoy: { exitCode: 143 },
    }),
  },
  {
    kind: 'task',
    name: 'synthetic-task-oom-exit0',
    base: FARGATE_STOPPED,
    situation: 'OOM reason while the exit code is 0',
    source: `${D}out-of-memory.html`,
    change: exits('EssentialContainerExited', 'Essential container in task exited', {
      app: { exitCode: 0, reason: 'OutOfMemoryError: Container killed due to memory usage' },
      envoy: { exitCode: 0 },
    }),
  },
  {
    kind: 'task',
    name: 'synthetic-task-oom-stopped-reason',
    base: FARGATE_STOPPED,
    situation: 'OOM in the task stoppedReason only',
    source: `${D}out-of-memory.html`,
    change: exits('EssentialContainerExited', 'OutOfMemoryError: Container killed due to memory usage', {
      app: { exitCode: 137 },
      envoy: { exitCode: 143 },
    }),
  },
  // Task: failed to start (image pull sub-cases).
  {
    kind: 'task',
    name: 'synthetic-task-pull-not-found',
    base: FARGATE_STOPPED,
    situation: 'image tag does not exist',
    source: `${D}task_cannot_pull_image.html`,
    change: failedToStart(
      pull(
        'pull image manifest has been retried 5 time(s): failed to resolve ref 111111111111.dkr.ecr.eu-central-1.amazonaws.com/example-api:missing: 111111111111.dkr.ecr.eu-central-1.amazonaws.com/example-api:missing: not found',
      ),
    ),
  },
  {
    kind: 'task',
    name: 'synthetic-task-pull-access-denied',
    base: FARGATE_STOPPED,
    situation: 'execution role may not pull from ECR',
    source: `${D}task_cannot_pull_image.html`,
    change: failedToStart(
      pull(
        'pull image manifest has been retried 5 time(s): failed to resolve ref 111111111111.dkr.ecr.eu-central-1.amazonaws.com/example-api:1: pulling from host 111111111111.dkr.ecr.eu-central-1.amazonaws.com failed with status code [manifests 1]: 403 Forbidden',
      ),
    ),
  },
  {
    kind: 'task',
    name: 'synthetic-task-pull-network',
    base: FARGATE_STOPPED,
    situation: 'no route to the registry',
    source: `${D}task_cannot_pull_image.html`,
    change: failedToStart(
      pull(
        'pull image manifest has been retried 5 time(s): failed to resolve ref docker.io/library/nginx:latest: failed to do request: Head "https://registry-1.docker.io/v2/library/nginx/manifests/latest": dial tcp 54.227.20.253:443: i/o timeout',
      ),
    ),
  },
  {
    kind: 'task',
    name: 'synthetic-task-pull-disk-full',
    base: EC2_STOPPED,
    situation: 'EC2 instance disk full while pulling',
    source: `${D}task_cannot_pull_image.html`,
    change: (e) => {
      const reason = pull('write /var/lib/docker/tmp/GetImageBlob123: no space left on device');
      exits('TaskFailedToStart', reason, { Webapp: { exitCode: undefined, reason } })(e);
      delete e.detail.startedAt;
    },
  },
  {
    kind: 'task',
    name: 'synthetic-task-pull-rate-limited',
    base: FARGATE_STOPPED,
    situation: 'Docker Hub pull rate limit',
    source: `${D}task_cannot_pull_image.html`,
    change: failedToStart(
      pull(
        'inspect image has been retried 5 time(s): httpReaderSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/library/nginx/manifests/sha256:abc: 429 Too Many Requests - Server message: toomanyrequests: You have reached your pull rate limit.',
      ),
    ),
  },
  {
    kind: 'task',
    name: 'synthetic-task-pull-manifest',
    base: FARGATE_STOPPED,
    situation: 'unusable image manifest',
    source: `${D}task_cannot_pull_image.html`,
    change: failedToStart(
      pull('failed to copy: httpReadSeeker: failed open: unsupported media type application/vnd.example.unknown'),
    ),
  },
  {
    kind: 'task',
    name: 'synthetic-task-pull-other',
    base: FARGATE_STOPPED,
    situation: 'image pull failed for another reason',
    source: `${D}task_cannot_pull_image.html`,
    change: failedToStart(pull('ref pull has been retried 1 time(s): failed to extract layer')),
  },
  // Task: failed to start (resource initialisation).
  {
    kind: 'task',
    name: 'synthetic-task-rie-secrets',
    base: FARGATE_STOPPED,
    situation: 'secret cannot be read',
    source: `${D}resource-initialization-error.html`,
    change: failedToStart(
      rie(
        'unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 1 time(s): failed to fetch secret arn:aws:secretsmanager:eu-central-1:111111111111:secret:db-password from secrets manager: AccessDeniedException',
      ),
      'CannotStartContainerError: ResourceInitializationError: unable to pull secrets or registry auth',
    ),
  },
  {
    kind: 'task',
    name: 'synthetic-task-rie-registry-network',
    base: FARGATE_STOPPED,
    situation: 'no route to ECR for registry auth',
    source: `${D}resource-initialization-error.html`,
    change: failedToStart(
      rie(
        'unable to pull secrets or registry auth: The task cannot pull registry auth from Amazon ECR: There is a connection issue between the task and Amazon ECR. Check your task network configuration. RequestError: send request failed caused by: Post "https://api.ecr.eu-central-1.amazonaws.com/": dial tcp 3.124.4.1:443: i/o timeout',
      ),
    ),
  },
  {
    kind: 'task',
    name: 'synthetic-task-rie-logging',
    base: FARGATE_STOPPED,
    situation: 'log group does not exist',
    source: `${D}resource-initialization-error.html`,
    change: failedToStart(
      rie(
        'failed to validate logger args: create stream has been retried 1 times: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist. : exit status 1',
      ),
    ),
  },
  {
    kind: 'task',
    name: 'synthetic-task-rie-efs',
    base: FARGATE_STOPPED,
    situation: 'EFS volume cannot be mounted',
    source: `${D}resource-initialization-error.html`,
    change: failedToStart(
      rie(
        'failed to invoke EFS utils commands to set up EFS volumes: stderr: Failed to resolve "fs-0123456789abcdef0.efs.eu-central-1.amazonaws.com" - check that your file system ID is correct: unsuccessful EFS utils command execution; code: 1',
      ),
    ),
  },
  {
    kind: 'task',
    name: 'synthetic-task-rie-other',
    base: FARGATE_STOPPED,
    situation: 'other resource initialisation failure',
    source: `${D}resource-initialization-error.html`,
    change: failedToStart(rie('unexpected failure preparing the task')),
  },
  {
    kind: 'task',
    name: 'synthetic-task-resource-not-found',
    base: FARGATE_STOPPED,
    situation: 'referenced parameter does not exist',
    source: `${D}resource-initialization-error.html`,
    change: failedToStart(
      'ResourceNotFoundException: parameter /prod/api/key does not exist',
      'ResourceNotFoundException: parameter /prod/api/key does not exist',
    ),
  },
  // Task: failed to start (network, capacity, runtime).
  {
    kind: 'task',
    name: 'synthetic-task-eni-timeout',
    base: FARGATE_STOPPED,
    situation: 'ENI not ready in time',
    source: `${D}failed-to-start-error.html`,
    change: failedToStart('Timeout waiting for network interface provisioning to complete.', 'Task failed to start'),
  },
  {
    kind: 'task',
    name: 'synthetic-task-subnet-full',
    base: FARGATE_STOPPED,
    situation: 'subnet has no free addresses',
    source: `${D}failed-to-start-error.html`,
    change: failedToStart(
      "Unexpected EC2 error while attempting to Create Network Interface with public IP assignment enabled in subnet 'subnet-04b38930339729011': InsufficientFreeAddressesInSubnet",
      'Task failed to start',
    ),
  },
  {
    kind: 'task',
    name: 'synthetic-task-eni-device-index',
    base: EC2_STOPPED,
    situation: 'no free ENI slot on the instance',
    source: `${D}failed-to-start-error.html`,
    change: (e) => {
      exits('TaskFailedToStart', 'Unable to attach network interface to unused device index.', {
        Webapp: { exitCode: undefined },
      })(e);
      delete e.detail.startedAt;
    },
  },
  {
    kind: 'task',
    name: 'synthetic-task-compute-strategy',
    base: FARGATE_STOPPED,
    situation: 'task definition does not fit the capacity provider',
    source: `${D}failed-to-start-error.html`,
    change: failedToStart(
      'The selected task definition is not compatible with the selected compute strategy.',
      'Task failed to start',
    ),
  },
  {
    kind: 'task',
    name: 'synthetic-task-internal-error',
    base: FARGATE_STOPPED,
    situation: 'ENI attached after the timeout',
    source: `${D}internal-error.html`,
    change: failedToStart(
      'InternalError: failed to configure ENI: attachment exceeded timeout',
      'Task failed to start',
    ),
  },
  {
    kind: 'task',
    name: 'synthetic-task-agent',
    base: EC2_STOPPED,
    situation: 'agent on the chosen instance disconnected',
    source: `${D}failed-to-start-error.html`,
    change: (e) => {
      exits('TaskFailedToStart', 'AGENT', { Webapp: { exitCode: undefined } })(e);
      delete e.detail.startedAt;
    },
  },
  {
    kind: 'task',
    name: 'synthetic-task-entrypoint-missing',
    base: FARGATE_STOPPED,
    situation: 'entrypoint does not exist in the image',
    source: `${D}cannot-start-container.html`,
    change: failedToStart(
      'Essential container in task exited',
      'CannotStartContainerError: ResourceInitializationError: failed to create new container runtime task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/app/server": stat /app/server: no such file or directory: unknown',
    ),
  },
  {
    kind: 'task',
    name: 'synthetic-task-cannot-start-container',
    base: FARGATE_STOPPED,
    situation: 'runtime could not start the container',
    source: `${D}cannot-start-container.html`,
    change: failedToStart(
      'Essential container in task exited',
      'CannotStartContainerError: failed to get container status',
    ),
  },
  {
    kind: 'task',
    name: 'synthetic-task-cannot-create-volume',
    base: FARGATE_STOPPED,
    situation: 'volume could not be created',
    source: `${D}stopped-task-error-codes.html`,
    change: failedToStart('CannotCreateVolumeError: volume "data" could not be created', 'Task failed to start'),
  },
  {
    kind: 'task',
    name: 'synthetic-task-runtime-timeout',
    base: FARGATE_STOPPED,
    situation: 'container did not reach RUNNING in time',
    source: `${D}stopped-task-error-codes.html`,
    change: failedToStart(
      'Task failed to start',
      'ContainerRuntimeTimeoutError: Could not transition to running; timed out after waiting 1m: context deadline exceeded',
    ),
  },
  {
    kind: 'task',
    name: 'synthetic-task-docker-timeout',
    base: FARGATE_STOPPED,
    situation: 'platform 1.3 name of the same timeout',
    source: `${D}stopped-task-error-codes.html`,
    change: failedToStart(
      'Task failed to start',
      'DockerTimeoutError: Could not transition to started; timed out after waiting 3m0s',
    ),
  },
  {
    kind: 'task',
    name: 'synthetic-task-container-runtime-error',
    base: FARGATE_STOPPED,
    situation: 'containerd error',
    source: `${D}container-runtime-error.html`,
    change: failedToStart('Task failed to start', 'ContainerRuntimeError: failed to create container'),
  },
  {
    kind: 'task',
    name: 'synthetic-task-failed-to-start-generic',
    base: FARGATE_STOPPED,
    situation: 'TaskFailedToStart with no detail anywhere',
    source: `${D}failed-to-start-error.html`,
    change: failedToStart('Task failed to start', 'Task failed to start'),
  },
  {
    kind: 'task',
    name: 'synthetic-task-cannot-stop-container',
    base: FARGATE_STOPPED,
    situation: 'runtime could not stop a container',
    source: `${D}stopped-task-error-codes.html`,
    change: exits('EssentialContainerExited', 'Essential container in task exited', {
      app: { exitCode: 1 },
      envoy: { exitCode: undefined, reason: 'CannotStopContainerError: failed to stop container' },
    }),
  },
  {
    kind: 'task',
    name: 'synthetic-task-cannot-inspect-container',
    base: FARGATE_STOPPED,
    situation: 'agent could not inspect a container',
    source: `${D}stopped-task-error-codes.html`,
    change: exits(
      'SomethingNew',
      'CannotInspectContainerError: Could not transition to inspecting; timed out after waiting 30s',
      { app: { exitCode: undefined }, envoy: { exitCode: undefined } },
    ),
  },
  // Task: crashes and completions.
  {
    kind: 'task',
    name: 'synthetic-task-crashed-exit1-sidecar143',
    base: FARGATE_STOPPED,
    situation: 'app exits 1, the sidecar is SIGTERMed',
    source: 'https://repost.aws/knowledge-center/ecs-task-stopped',
    change: exits('EssentialContainerExited', 'Essential container in task exited', {
      app: { exitCode: 1 },
      envoy: { exitCode: 143 },
    }),
  },
  {
    kind: 'task',
    name: 'synthetic-task-crashed-exit137',
    base: FARGATE_STOPPED,
    situation: 'killed with no OOM reason',
    source: 'https://repost.aws/knowledge-center/ecs-task-stopped',
    change: exits('EssentialContainerExited', 'Essential container in task exited', {
      app: { exitCode: 137 },
      envoy: { exitCode: 0 },
    }),
  },
  {
    kind: 'task',
    name: 'synthetic-task-crashed-exit139',
    base: FARGATE_STOPPED,
    situation: 'segmentation fault',
    source: 'https://repost.aws/knowledge-center/ecs-task-stopped',
    change: exits('EssentialContainerExited', 'Essential container in task exited', {
      app: { exitCode: 139 },
      envoy: { exitCode: 143 },
    }),
  },
  {
    kind: 'task',
    name: 'synthetic-task-crashed-no-stopcode',
    base: FARGATE_STOPPED,
    situation: 'pre-2019 event: no stopCode, app exits 1',
    source: 'https://github.com/awsdocs/amazon-ecs-developer-guide (2018 edition)',
    change: exits(undefined, 'Essential container in task exited', { app: { exitCode: 1 }, envoy: { exitCode: 0 } }),
  },
  {
    kind: 'task',
    name: 'synthetic-task-completed-sidecar143',
    base: FARGATE_STOPPED,
    situation: 'batch job exits 0, its sidecar is SIGTERMed',
    source: 'https://repost.aws/knowledge-center/ecs-task-stopped',
    change: exits('EssentialContainerExited', 'Essential container in task exited', {
      app: { exitCode: 0 },
      envoy: { exitCode: 143 },
    }),
  },
  {
    kind: 'task',
    name: 'synthetic-task-exit-code-missing',
    base: FARGATE_STOPPED,
    situation: 'essential container exited but no exit code reported',
    source: `${D}ecs_task_events.html`,
    change: exits('EssentialContainerExited', 'Essential container in task exited', {
      app: { exitCode: undefined },
      envoy: { exitCode: undefined },
    }),
  },
  {
    kind: 'task',
    name: 'synthetic-task-guardduty-sidecar-crash',
    base: 'docs-task-running-fargate-guardduty-sidecar-2025',
    situation: 'app and the image-less GuardDuty agent both exit 1',
    source: `${D}ecs_task_events.html`,
    change: (e) => {
      Object.assign(e.detail, {
        lastStatus: 'STOPPED',
        desiredStatus: 'STOPPED',
        stopCode: 'EssentialContainerExited',
        stoppedReason: 'Essential container in task exited',
        stoppedAt: '2025-01-01T00:10:00Z',
      });
      for (const c of e.detail.containers) {
        c.lastStatus = 'STOPPED';
        c.exitCode = c.name === 'aws-otel-collector' ? 143 : 1;
      }
    },
  },
  // Task: scheduler, user, Spot and infrastructure stops.
  {
    kind: 'task',
    name: 'synthetic-task-container-health-check',
    base: FARGATE_STOPPED,
    situation: 'container health check failed',
    source: 'https://repost.aws/knowledge-center/ecs-task-container-health-check-failures',
    change: exits('ServiceSchedulerInitiated', 'Task failed container health checks', {
      app: { exitCode: 137 },
      envoy: { exitCode: 143 },
    }),
  },
  {
    kind: 'task',
    name: 'synthetic-task-scaled-in',
    base: FARGATE_STOPPED,
    situation: 'scheduler scaling activity not naming a deployment (text unverified)',
    source: `${D}service-event-messages.html`,
    change: exits('ServiceSchedulerInitiated', 'Scaling activity initiated by (service example-api-v1)', {
      app: { exitCode: 143 },
      envoy: { exitCode: 143 },
    }),
  },
  {
    kind: 'task',
    name: 'synthetic-task-stopped-by-user-custom',
    base: EC2_STOPPED,
    situation: 'StopTask with a custom reason',
    source: `${D}ecs_task_events.html`,
    change: exits('UserInitiated', 'Nightly shutdown by scheduler lambda <!channel>', {}),
  },
  {
    kind: 'task',
    name: 'synthetic-task-spot-warning',
    base: FARGATE_RUNNING,
    situation: 'Fargate Spot two-minute warning while RUNNING',
    source: `${D}fargate-capacity-providers.html`,
    change: (e) => {
      Object.assign(e.detail, {
        desiredStatus: 'STOPPED',
        stopCode: 'SpotInterruption',
        stoppedReason: 'Your Spot Task was interrupted.',
        stoppingAt: e.detail.updatedAt,
        capacityProviderName: 'FARGATE_SPOT',
      });
    },
  },
  {
    kind: 'task',
    name: 'synthetic-task-spot-stopped',
    base: FARGATE_STOPPED,
    situation: 'final STOPPED after a Spot interruption',
    source: `${D}spot-interruption-errors.html`,
    change: (e) => {
      exits('SpotInterruption', 'Your Spot Task was interrupted.', {
        app: { exitCode: 143 },
        envoy: { exitCode: 143 },
      })(e);
      e.detail.capacityProviderName = 'FARGATE_SPOT';
    },
  },
  {
    kind: 'task',
    name: 'synthetic-task-spot-termination-notice',
    base: FARGATE_RUNNING,
    situation: '2023 docs spelling of the Spot warning',
    source: `${D}fargate-capacity-providers.html`,
    change: (e) => {
      Object.assign(e.detail, {
        desiredStatus: 'STOPPED',
        stopCode: 'TerminationNotice',
        stoppedReason: 'Your Spot Task was interrupted.',
        capacityProviderName: 'FARGATE_SPOT',
      });
    },
  },
  {
    kind: 'task',
    name: 'synthetic-task-fargate-maintenance',
    base: FARGATE_STOPPED,
    situation: 'Fargate task retired for maintenance',
    source: `${D}task-maintenance.html`,
    change: exits(
      'ServiceSchedulerInitiated',
      'Task stopped because ECS is performing maintenance on the underlying infrastructure hosting the task.',
      { app: { exitCode: 143 }, envoy: { exitCode: 143 } },
    ),
  },
  {
    kind: 'task',
    name: 'synthetic-task-host-terminated',
    base: EC2_STOPPED,
    situation: 'EC2 host terminated',
    source: `${D}ecs_task_events.html`,
    change: exits(undefined, 'Host EC2 (instance i-0a1b2c3d4e5f67890) terminated.', {
      Webapp: { exitCode: undefined },
    }),
  },
  {
    kind: 'task',
    name: 'synthetic-task-infrastructure-health',
    base: FARGATE_STOPPED,
    situation: 'newest stop code, no reason documented',
    source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Task.html',
    change: exits('InfrastructureHealth', 'Task stopped due to infrastructure health', {
      app: { exitCode: 143 },
      envoy: { exitCode: 143 },
    }),
  },
  {
    kind: 'task',
    name: 'synthetic-task-unknown-stop',
    base: FARGATE_STOPPED,
    situation: 'stop code and reason nobody knows yet',
    source: 'forward compatibility',
    change: exits('QuantumFluctuation', 'The task was stopped for a reason AWS invented later', {
      app: { exitCode: 143 },
      envoy: { exitCode: 143 },
    }),
  },
  // Task: lifecycle.
  {
    kind: 'task',
    name: 'synthetic-task-pending',
    base: FARGATE_RUNNING,
    situation: 'PENDING while it should run',
    source: `${D}task-lifecycle-explanation.html`,
    change: (e) => {
      e.detail.lastStatus = 'PENDING';
      for (const c of e.detail.containers) c.lastStatus = 'PENDING';
      delete e.detail.startedAt;
    },
  },
  {
    kind: 'task',
    name: 'synthetic-task-deactivating',
    base: FARGATE_STOPPED,
    situation: 'DEACTIVATING after an essential container exited, exit codes not in yet',
    source: `${D}task-lifecycle-explanation.html`,
    change: (e) => {
      exits('EssentialContainerExited', 'Essential container in task exited', {
        app: { exitCode: undefined },
        envoy: { exitCode: undefined },
      })(e);
      e.detail.lastStatus = 'DEACTIVATING';
      delete e.detail.stoppedAt;
    },
  },
  {
    kind: 'task',
    name: 'synthetic-task-stopping-crash',
    base: FARGATE_STOPPED,
    situation: 'STOPPING with the crash already known',
    source: `${D}task-lifecycle-explanation.html`,
    change: (e) => {
      exits('EssentialContainerExited', 'Essential container in task exited', {
        app: { exitCode: 1 },
        envoy: { exitCode: undefined },
      })(e);
      e.detail.lastStatus = 'STOPPING';
      delete e.detail.stoppedAt;
    },
  },
  // Service actions.
  ...(
    [
      ['synthetic-service-desired-count-updated', 'INFO', 'SERVICE_DESIRED_COUNT_UPDATED', { desiredCount: 4 }],
      [
        'synthetic-service-tasks-stopped',
        'INFO',
        'TASKS_STOPPED',
        { taskArns: ['arn:aws:ecs:us-west-2:111122223333:task/default/1234567890abcdef1234567890abcdef'] },
      ],
      [
        'synthetic-service-taskset-steady-state',
        'INFO',
        'TASKSET_STEADY_STATE',
        {
          taskSetArns: ['arn:aws:ecs:us-west-2:111122223333:task-set/default/servicetest/ecs-svc/1234567890123456789'],
        },
      ],
      [
        'synthetic-service-configuration-failure',
        'ERROR',
        'SERVICE_TASK_CONFIGURATION_FAILURE',
        {
          reason:
            'ECS was unable to assume the role arn:aws:iam::111122223333:role/missing-task-role that was provided for this task.',
        },
      ],
      ['synthetic-service-ecs-throttled', 'ERROR', 'ECS_OPERATION_THROTTLED', {}],
      ['synthetic-service-cloudmap-throttled', 'ERROR', 'SERVICE_DISCOVERY_OPERATION_THROTTLED', {}],
      [
        'synthetic-service-cloudmap-unhealthy',
        'WARN',
        'SERVICE_DISCOVERY_INSTANCE_UNHEALTHY',
        { serviceRegistryArns: ['arn:aws:servicediscovery:us-west-2:111122223333:service/srv-example'] },
      ],
      ['synthetic-service-lattice-unhealthy', 'WARN', 'VPC_LATTICE_TARGET_UNHEALTHY', {}],
      ['synthetic-service-health-unknown', 'ERROR', 'SERVICE_HEALTH_UNKNOWN', {}],
      ['synthetic-service-daemon-constraint', 'ERROR', 'SERVICE_DAEMON_PLACEMENT_CONSTRAINT_VIOLATED', {}],
      ['synthetic-service-placement-memory', 'ERROR', 'SERVICE_TASK_PLACEMENT_FAILURE', { reason: 'RESOURCE:MEMORY' }],
      ['synthetic-service-placement-ports', 'ERROR', 'SERVICE_TASK_PLACEMENT_FAILURE', { reason: 'RESOURCE:PORTS' }],
      ['synthetic-service-placement-eni', 'ERROR', 'SERVICE_TASK_PLACEMENT_FAILURE', { reason: 'RESOURCE:ENI' }],
      [
        'synthetic-service-placement-quota',
        'ERROR',
        'SERVICE_TASK_PLACEMENT_FAILURE',
        { reason: "You've reached the limit on the number of vCPUs you can run concurrently" },
      ],
      ['synthetic-service-deployment-completed', 'INFO', 'SERVICE_DEPLOYMENT_COMPLETED', {}],
      ['synthetic-service-unknown-event', 'WARN', 'SERVICE_SOMETHING_NEW', { reason: 'A future warning' }],
    ] as const
  ).map(
    ([name, eventType, eventName, extra]): Synthetic => ({
      kind: 'service',
      name,
      base: 'docs-service-task-start-impaired',
      situation: `${eventName} (${eventType})`,
      source: `${D}ecs_service_events.html`,
      change: (e) => {
        Object.assign(e.detail, { eventType, eventName, ...extra });
      },
    }),
  ),
  // Deployments.
  {
    kind: 'deployment',
    name: 'synthetic-deployment-rollback-real-reason',
    base: 'deployment-in-progress-with-clusterarn',
    situation: 'rollback with the reason text DescribeServices shows',
    source: `${D}deployment-circuit-breaker.html`,
    change: (e) => {
      e.detail.reason = 'ECS deployment circuit breaker: rolling back to deploymentId ecs-svc/5172139016543851234.';
    },
  },
  {
    kind: 'deployment',
    name: 'synthetic-deployment-failed-real-reason',
    base: 'deployment-in-progress-with-clusterarn',
    situation: 'circuit breaker failure, plural wording',
    source: `${D}deployment-circuit-breaker.html`,
    change: (e) => {
      Object.assign(e.detail, {
        eventType: 'ERROR',
        eventName: 'SERVICE_DEPLOYMENT_FAILED',
        reason: 'ECS deployment circuit breaker: tasks failed to start.',
      });
    },
  },
  {
    kind: 'deployment',
    name: 'synthetic-deployment-unknown-event',
    base: 'deployment-in-progress-with-clusterarn',
    situation: 'deployment event name AWS may add',
    source: 'forward compatibility',
    change: (e) => {
      Object.assign(e.detail, {
        eventType: 'INFO',
        eventName: 'SERVICE_DEPLOYMENT_BAKING',
        reason: 'ECS deployment ecs-svc/6177963417134325488 is baking.',
      });
    },
  },
  // Container instances.
  ...(
    [
      ['synthetic-instance-draining', { status: 'DRAINING' }, 'DRAINING'],
      ['synthetic-instance-agent-disconnected', { agentConnected: false }, 'agent disconnected'],
      [
        'synthetic-instance-registration-failed',
        {
          status: 'REGISTRATION_FAILED',
          agentConnected: false,
          statusReason: 'The trunk ENI could not be attached to the instance.',
        },
        'REGISTRATION_FAILED',
      ],
      ['synthetic-instance-deregistering', { status: 'DEREGISTERING', agentConnected: false }, 'DEREGISTERING'],
      ['synthetic-instance-inactive', { status: 'INACTIVE', agentConnected: false }, 'INACTIVE'],
      ['synthetic-instance-registering', { status: 'REGISTERING' }, 'REGISTERING'],
      ['synthetic-instance-agent-update-failed', { agentUpdateStatus: 'FAILED' }, 'agent update FAILED'],
    ] as const
  ).map(
    ([name, extra, situation]): Synthetic => ({
      kind: 'container-instance',
      name,
      base: 'docs-container-instance-active',
      situation,
      source: `${D}ecs_container_instance_events.html`,
      change: (e) => {
        Object.assign(e.detail, extra);
      },
    }),
  ),
];

/** Applies one synthetic change to a fresh copy of its base event, with its own envelope id. */
export function buildSynthetic(synthetic: Synthetic): Json {
  const event = JSON.parse(readFileSync(join(EVENTS, synthetic.kind, `${synthetic.base}.json`), 'utf8')) as Json;
  synthetic.change(event);
  let hash = 0;
  for (const char of synthetic.name) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0;
  event.id = `5e7e71c0-0000-4000-8000-${hash.toString(16).padStart(12, '0')}`;
  return event;
}

/** The JSON text of a synthetic fixture file. */
export function syntheticText(synthetic: Synthetic): string {
  return `${JSON.stringify(buildSynthetic(synthetic), null, 2)}\n`;
}

/** The Markdown table of synthetic fixtures for SOURCES.md. */
export function sourcesTable(): string {
  const rows = SYNTHETICS.map((s) => `| \`${s.kind}/${s.name}.json\` | ${s.situation} | \`${s.base}\` | ${s.source} |`);
  return ['| File | Situation | Based on | Documented at |', '|---|---|---|---|', ...rows].join('\n');
}

const BEGIN = '<!-- synthetic-fixtures:begin -->';
const END = '<!-- synthetic-fixtures:end -->';

/** SOURCES.md with its synthetic section brought up to date. */
export function sourcesText(current: string): string {
  const section = `${BEGIN}\n${sourcesTable()}\n${END}`;
  const start = current.indexOf(BEGIN);
  if (start < 0)
    return `${current.trimEnd()}\n\n## Synthetic fixtures\n\nHand-written from the documented shapes: each is the real event in "Based on" with the fields of the situation changed (reason texts from the page cited). Regenerate with \`npm run fixtures:synthetic\`.\n\n${section}\n`;
  return current.slice(0, start) + section + current.slice(current.indexOf(END) + END.length);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const synthetic of SYNTHETICS) {
    writeFileSync(join(EVENTS, synthetic.kind, `${synthetic.name}.json`), syntheticText(synthetic));
  }
  const sources = join(EVENTS, 'SOURCES.md');
  writeFileSync(sources, sourcesText(readFileSync(sources, 'utf8')));
  console.log(`wrote ${SYNTHETICS.length} synthetic fixtures`);
}
