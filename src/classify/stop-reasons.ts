/**
 * The stop-reason catalogue: one table from the reasons AWS writes (`stoppedReason`, container
 * `reason`, service-action `reason`) to an outcome, a cause, a plain-language fix and the AWS
 * page about it.
 *
 * Rows match on the leading category token (`CannotPullContainerError`,
 * `ResourceInitializationError`, ...) or a stable prefix, because AWS rewords the sentences
 * after it; sub-cases add keywords looked up in the rest of the text, each at the start of a word
 * (so `efs` is not found in `prefs`). The first matching row wins, so specific rows come before
 * their family's generic row.
 *
 * @module
 */
import { ecsDocs, knowledgeCenter } from './aws-docs.js';
import type { Cause, TaskOutcome } from './classification.js';
import { once } from '../internal/once.js';

const PULL = ecsDocs('task_cannot_pull_image.html');
const RIE = ecsDocs('resource-initialization-error.html');
const FTS = ecsDocs('failed-to-start-error.html');
const STOPPED = ecsDocs('stopped-task-error-codes.html');
const SERVICE_MESSAGES = ecsDocs('service-event-messages.html');
const PULL_TOKENS = ['CannotPullContainerError', 'CannotPullImageManifestError'];

/**
 * One row of the catalogue.
 *
 * @internal
 */
export interface StopReasonRow {
  /** Stable id, also the hint id. */
  readonly id: string;
  /** The text starts with one of these tokens, followed by `:`, a space or the end. */
  readonly tokens?: readonly string[];
  /** The text starts with one of these strings. */
  readonly prefixes?: readonly string[];
  /** The text contains this string. */
  readonly contains?: string;
  /**
   * With `tokens`/`prefixes`/`contains`: at least one of these (lower case, matched
   * case-insensitively) must also occur, at the start of a word: `efs` does not match `prefs`.
   */
  readonly keywords?: readonly string[];
  /** Stop codes this row explains on their own, whatever the reason text. */
  readonly stopCodes?: readonly string[];
  /** The task outcome the reason implies, when it implies one. */
  readonly outcome?: TaskOutcome;
  /** The failure family. */
  readonly cause?: Cause;
  /** What usually fixes it. */
  readonly fix: string;
  /** The AWS page about it. */
  readonly docsUrl: string;
}

/**
 * The catalogue, in match order.
 *
 * @internal
 */
export const STOP_REASONS: readonly StopReasonRow[] = [
  // Out of memory: wins whatever the exit code.
  {
    id: 'out-of-memory',
    tokens: ['OutOfMemoryError'],
    outcome: 'out-of-memory',
    fix: 'The container used more memory than its limit. Raise the container or task memory in the task definition, check memoryReservation against the hard limit, and look for a leak.',
    docsUrl: ecsDocs('out-of-memory.html'),
  },
  // Image pull (CannotPullContainerError and the manifest variant). Access denied comes first:
  // Docker's `pull access denied for x, repository does not exist or may require 'docker login'`
  // names both, and the reference files it under access denied.
  {
    id: 'image-pull-access-denied',
    tokens: PULL_TOKENS,
    keywords: ['access denied', 'accessdenied', 'not authorized', 'unauthorized', 'forbidden', 'denied'],
    outcome: 'failed-to-start',
    cause: 'image-pull',
    fix: 'The task execution role may not pull the image. Grant it ecr:GetAuthorizationToken, ecr:BatchGetImage and ecr:GetDownloadUrlForLayer, or give it the private registry credentials.',
    docsUrl: PULL,
  },
  {
    id: 'image-pull-not-found',
    tokens: PULL_TOKENS,
    keywords: ['not found', 'manifest unknown', 'does not exist', 'name unknown'],
    outcome: 'failed-to-start',
    cause: 'image-pull',
    fix: 'The image or tag does not exist in that registry. Check the image URI and tag in the task definition, and that the image was pushed to the same Region.',
    docsUrl: PULL,
  },
  {
    id: 'image-pull-network',
    tokens: PULL_TOKENS,
    keywords: ['i/o timeout', 'context canceled', 'request canceled', 'dial tcp', 'timeout', 'connection'],
    outcome: 'failed-to-start',
    cause: 'image-pull',
    fix: 'The task has no network path to the registry. Give its subnet a NAT gateway, a public IP (public subnets), or ECR api/dkr and S3 gateway VPC endpoints.',
    docsUrl: PULL,
  },
  {
    id: 'image-pull-disk-full',
    tokens: PULL_TOKENS,
    keywords: ['no space left on device'],
    outcome: 'failed-to-start',
    cause: 'image-pull',
    fix: "The container instance's disk is full. Prune unused images, cap container log sizes, or give the instance a bigger volume.",
    docsUrl: PULL,
  },
  {
    id: 'image-pull-rate-limited',
    tokens: PULL_TOKENS,
    keywords: ['toomanyrequests', 'rate limit'],
    outcome: 'failed-to-start',
    cause: 'image-pull',
    fix: 'The registry rate-limited the pull (Docker Hub). Authenticate the pulls or mirror the image to ECR with a pull-through cache.',
    docsUrl: PULL,
  },
  {
    id: 'image-pull-manifest',
    tokens: PULL_TOKENS,
    keywords: ['failed to copy', 'unsupported media type', 'manifest'],
    outcome: 'failed-to-start',
    cause: 'image-pull',
    fix: "The image manifest could not be used. Rebuild and push the image with a standard manifest for the task's platform (linux/amd64 or linux/arm64).",
    docsUrl: PULL,
  },
  {
    id: 'image-pull',
    tokens: PULL_TOKENS,
    outcome: 'failed-to-start',
    cause: 'image-pull',
    fix: 'The image could not be pulled. Check the image URI and tag, the execution role permissions, and the network path to the registry.',
    docsUrl: PULL,
  },
  // Resource initialisation (Fargate): secrets, registry auth, log driver, EFS. The log driver
  // row also reads `CannotStartContainerError: ... failed to initialize logging driver`.
  {
    id: 'logging',
    tokens: ['ResourceInitializationError', 'CannotStartContainerError'],
    keywords: ['logger', 'logging driver', 'log group', 'awslogs', 'log stream'],
    outcome: 'failed-to-start',
    cause: 'logging',
    fix: 'The log driver could not be set up, usually because the CloudWatch log group does not exist. Create it (or set awslogs-create-group with logs:CreateLogGroup), and check the route to CloudWatch Logs.',
    docsUrl: RIE,
  },
  {
    id: 'volume-efs',
    tokens: ['ResourceInitializationError'],
    // EFS named, not any mount: a bind mount that failed (`error mounting "/etc/x" to rootfs`)
    // is not an EFS problem.
    keywords: ['efs', 'nfs'],
    outcome: 'failed-to-start',
    cause: 'volume',
    fix: "The EFS volume could not be mounted. Check for a mount target in the task's Availability Zone, that security groups allow NFS (2049), and the access point and IAM authorization.",
    docsUrl: RIE,
  },
  {
    id: 'secrets-network',
    tokens: ['ResourceInitializationError'],
    keywords: ['connection issue', 'i/o timeout', 'context deadline exceeded', 'dial tcp', 'network'],
    outcome: 'failed-to-start',
    cause: 'network',
    fix: 'The task could not reach Secrets Manager, SSM or ECR. Give its subnet a route (NAT gateway or VPC endpoints for secretsmanager, ssm, ecr.api, ecr.dkr and S3) and turn on VPC DNS resolution.',
    docsUrl: RIE,
  },
  {
    id: 'secrets',
    tokens: ['ResourceInitializationError'],
    keywords: [
      'secret',
      'parameter',
      'asm',
      'ssm',
      'kms',
      'resourcenotfoundexception',
      'accessdenied',
      'registry auth',
    ],
    outcome: 'failed-to-start',
    cause: 'secrets',
    fix: 'A secret or parameter could not be read. Check that it exists in this Region and that the task execution role has secretsmanager:GetSecretValue, ssm:GetParameters and kms:Decrypt on it.',
    docsUrl: RIE,
  },
  {
    id: 'resource-initialization',
    tokens: ['ResourceInitializationError'],
    outcome: 'failed-to-start',
    cause: 'other',
    fix: 'Fargate could not prepare the task (secrets, registry authentication, logging or volumes). The message after the colon names the resource.',
    docsUrl: RIE,
  },
  {
    id: 'secrets-not-found',
    tokens: ['ResourceNotFoundException'],
    outcome: 'failed-to-start',
    cause: 'secrets',
    fix: 'A secret or parameter the task definition references does not exist. Fix the ARN or name, and check the Region.',
    docsUrl: RIE,
  },
  // Networking.
  {
    id: 'eni-timeout',
    prefixes: ['Timeout waiting for network interface provisioning'],
    outcome: 'failed-to-start',
    cause: 'network',
    fix: 'The network interface was not ready in time. Usually transient; if it repeats, check ENI limits, trunking and free addresses in the subnets.',
    docsUrl: FTS,
  },
  {
    id: 'subnet-no-addresses',
    prefixes: ['Unexpected EC2 error while attempting to Create Network Interface'],
    outcome: 'failed-to-start',
    cause: 'network',
    fix: 'The subnet has no free IP addresses. Use larger subnets or add subnets to the service.',
    docsUrl: FTS,
  },
  {
    id: 'eni-device-index',
    prefixes: ['Unable to attach network interface to unused device index'],
    outcome: 'failed-to-start',
    cause: 'capacity',
    fix: 'The EC2 instance has no free network interface slot for an awsvpc task. Use larger instances or turn on ENI trunking.',
    docsUrl: FTS,
  },
  {
    id: 'compute-strategy',
    prefixes: ['The selected task definition is not compatible with the selected compute strategy'],
    outcome: 'failed-to-start',
    cause: 'capacity',
    fix: 'The task definition does not support the capacity provider or launch type used. Match its requiresCompatibilities to the strategy.',
    docsUrl: FTS,
  },
  {
    id: 'internal-error',
    tokens: ['InternalError'],
    outcome: 'failed-to-start',
    cause: 'other',
    fix: 'An internal error in ECS or Fargate, often a network interface that attached too late. Retry; contact AWS Support if it persists.',
    docsUrl: ecsDocs('internal-error.html'),
  },
  {
    id: 'agent',
    prefixes: ['AGENT'],
    outcome: 'failed-to-start',
    cause: 'capacity',
    fix: "The target container instance's ECS agent is disconnected. Check the instance's connectivity, then restart or update the agent.",
    docsUrl: FTS,
  },
  // Container runtime.
  {
    id: 'entrypoint-not-found',
    tokens: ['CannotStartContainerError'],
    keywords: ['executable file not found', 'no such file or directory', 'permission denied', 'exec format error'],
    outcome: 'failed-to-start',
    cause: 'runtime',
    fix: "The container's entrypoint or command cannot run: the file is missing, not executable, or built for another CPU architecture. Check the command in the task definition and the image platform.",
    docsUrl: ecsDocs('cannot-start-container.html'),
  },
  {
    id: 'cannot-start-container',
    tokens: ['CannotStartContainerError'],
    outcome: 'failed-to-start',
    cause: 'runtime',
    fix: 'The runtime could not start the container: check the command, entrypoint, memory limits and log driver settings in the task definition.',
    docsUrl: ecsDocs('cannot-start-container.html'),
  },
  {
    id: 'cannot-create-volume',
    tokens: ['CannotCreateVolumeError'],
    outcome: 'failed-to-start',
    cause: 'volume',
    fix: 'A volume from the task definition could not be created. Check the volume configuration (EFS, bind mounts, Docker volumes).',
    docsUrl: STOPPED,
  },
  {
    id: 'runtime-timeout',
    tokens: ['ContainerRuntimeTimeoutError', 'DockerTimeoutError'],
    outcome: 'failed-to-start',
    cause: 'runtime',
    fix: 'The container did not reach RUNNING in time. Check image size and start-up time, and the load on the host.',
    docsUrl: STOPPED,
  },
  {
    id: 'container-runtime-error',
    tokens: ['ContainerRuntimeError'],
    outcome: 'failed-to-start',
    cause: 'runtime',
    fix: 'containerd reported an unexpected error. Retry; contact AWS Support if it persists.',
    docsUrl: ecsDocs('container-runtime-error.html'),
  },
  {
    id: 'cannot-stop-container',
    tokens: ['CannotStopContainerError'],
    cause: 'runtime',
    fix: 'The runtime could not stop the container. Usually transient on the agent side; check the host if it repeats.',
    docsUrl: STOPPED,
  },
  {
    id: 'cannot-inspect-container',
    tokens: ['CannotInspectContainerError'],
    cause: 'runtime',
    fix: 'The agent could not inspect the container. Usually transient; check the health of the host if it repeats.',
    docsUrl: STOPPED,
  },
  {
    id: 'task-failed-to-start',
    prefixes: ['Task failed to start'],
    outcome: 'failed-to-start',
    cause: 'other',
    fix: "The task failed before running. The containers' reasons usually say why.",
    docsUrl: FTS,
  },
  // Scheduler decisions.
  {
    id: 'elb-health-check',
    prefixes: ['Task failed ELB health checks'],
    outcome: 'health-check-failed',
    cause: 'load-balancer',
    fix: 'The load balancer could not reach a healthy target. Check the health-check path and port, that the security group lets the load balancer in, and add a health-check grace period for slow starts. Exit code 137/143 is the consequence, not the cause.',
    docsUrl: knowledgeCenter('ecs-fargate-health-check-failures'),
  },
  {
    id: 'container-health-check',
    prefixes: ['Task failed container health checks'],
    outcome: 'health-check-failed',
    cause: 'container-health',
    fix: "The task definition's healthCheck command failed on an essential container. Test the command in the image, and give it a longer startPeriod.",
    docsUrl: knowledgeCenter('ecs-task-container-health-check-failures'),
  },
  {
    id: 'deployment-replaced',
    prefixes: ['Scaling activity initiated by (deployment'],
    outcome: 'deployment-replaced',
    fix: 'Nothing to fix: a deployment or scale-in replaced the task.',
    docsUrl: SERVICE_MESSAGES,
  },
  {
    id: 'scaled-in',
    prefixes: ['Scaling activity initiated by'],
    outcome: 'scaled-in',
    fix: 'Nothing to fix: the service scaled in.',
    docsUrl: SERVICE_MESSAGES,
  },
  // Capacity and infrastructure.
  {
    id: 'spot-interruption',
    prefixes: ['Your Spot Task was interrupted', 'SpotInterruptionError'],
    stopCodes: ['SpotInterruption', 'TerminationNotice'],
    outcome: 'spot-interrupted',
    fix: 'Fargate Spot took the capacity back. Handle SIGTERM within stopTimeout (at most 120 s), spread over several Availability Zones, and mix FARGATE with FARGATE_SPOT in the capacity provider strategy.',
    docsUrl: ecsDocs('spot-interruption-errors.html'),
  },
  {
    id: 'infrastructure-health',
    stopCodes: ['InfrastructureHealth'],
    outcome: 'infrastructure',
    fix: 'AWS stopped the task because of unhealthy underlying infrastructure. Service tasks are replaced automatically; re-run standalone tasks.',
    docsUrl: STOPPED,
  },
  {
    id: 'fargate-maintenance',
    contains: 'ECS is performing maintenance on the underlying infrastructure',
    outcome: 'infrastructure',
    fix: 'AWS retired the host or platform version. Service tasks are replaced automatically: keep more than one task and handle SIGTERM; re-run standalone tasks.',
    docsUrl: ecsDocs('task-maintenance.html'),
  },
  {
    id: 'host-terminated',
    prefixes: ['Host EC2'],
    keywords: ['terminated'],
    outcome: 'infrastructure',
    fix: 'The EC2 instance went away (scale-in, Spot reclaim or manual termination). Use managed termination protection and instance draining; re-run standalone tasks.',
    docsUrl: ecsDocs('container-instance-draining.html'),
  },
  {
    id: 'stopped-by-user',
    prefixes: ['Task stopped by user'],
    outcome: 'stopped-by-user',
    fix: 'Someone or some tool called StopTask. CloudTrail names the caller if this was unexpected.',
    docsUrl: STOPPED,
  },
  {
    id: 'essential-container-exited',
    prefixes: ['Essential container in task exited'],
    fix: "An essential container ended, so ECS stopped the task. The containers' exit codes and reasons say why.",
    docsUrl: knowledgeCenter('ecs-task-stopped'),
  },
  // Service action placement reasons.
  {
    id: 'placement-fargate',
    prefixes: ['RESOURCE:FARGATE'],
    cause: 'capacity',
    fix: 'No Fargate capacity was available (often Fargate Spot). Add on-demand FARGATE to the capacity provider strategy, or retry later.',
    docsUrl: knowledgeCenter('fargate-spot-termination-notice'),
  },
  {
    id: 'placement-ports',
    prefixes: ['RESOURCE:PORTS'],
    cause: 'capacity',
    fix: 'No container instance has the host port free. Use dynamic host ports (hostPort 0) or awsvpc networking, or add instances.',
    docsUrl: SERVICE_MESSAGES,
  },
  {
    id: 'placement-eni',
    prefixes: ['RESOURCE:ENI'],
    cause: 'capacity',
    fix: 'No container instance has a free network interface slot. Turn on ENI trunking or use larger instances.',
    docsUrl: SERVICE_MESSAGES,
  },
  {
    id: 'placement-resources',
    prefixes: ['RESOURCE:'],
    cause: 'capacity',
    fix: 'No container instance has enough free CPU, memory or GPU for the task. Add capacity (or a capacity provider with managed scaling), or make the task smaller.',
    docsUrl: SERVICE_MESSAGES,
  },
  {
    id: 'task-quota',
    contains: 'reached the limit on the number of',
    cause: 'capacity',
    fix: 'The account hit its Fargate task or vCPU quota. Request a quota increase in Service Quotas.',
    docsUrl: SERVICE_MESSAGES,
  },
];

function startsWithToken(text: string, token: string): boolean {
  if (!text.startsWith(token)) return false;
  const next = text.charAt(token.length);
  return next === '' || next === ':' || next === ' ';
}

/**
 * `text`, or `undefined` when it is absent, empty or only whitespace: AWS sometimes sends
 * `"stoppedReason": ""`, which says no more than a missing reason and must not leave a dangling
 * `: ` or `()` in a summary.
 *
 * @internal
 */
export function presentText(text: string | undefined): string | undefined {
  if (text === undefined || text === '') return undefined;
  // The usual reason starts with a visible ASCII character: no need to look further.
  const first = text.charCodeAt(0);
  if (first > 32 && first < 127) return text;
  return text.trim() === '' ? undefined : text;
}

/**
 * Finds the catalogue row that explains a reason text, or `undefined` when none does.
 *
 * @internal
 */
export function matchStopReason(text: string | undefined): StopReasonRow | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const outer = matchRow(trimmed, false);
  // A wrapper category around another (`CannotStartContainerError: ResourceInitializationError:
  // ...`): the inner one wins unless the outer row matched a precise sub-case.
  const colon = trimmed.indexOf(': ');
  const inner = colon > 0 ? matchRow(trimmed.slice(colon + 2), true) : undefined;
  if (inner === undefined || (outer?.keywords !== undefined && inner.keywords === undefined)) return outer;
  return inner;
}

function matchRow(trimmed: string, tokensOnly: boolean): StopReasonRow | undefined {
  let lower: string | undefined;
  for (const row of rowsStartingWith(trimmed.charAt(0))) {
    if (row.tokens !== undefined && !someToken(trimmed, row.tokens)) continue;
    if (tokensOnly && row.tokens === undefined) continue;
    if (row.prefixes !== undefined && !somePrefix(trimmed, row.prefixes)) continue;
    if (row.contains !== undefined && !trimmed.includes(row.contains)) continue;
    if (row.keywords !== undefined) {
      lower ??= trimmed.toLowerCase();
      if (!someKeyword(lower, row.keywords)) continue;
    }
    return row;
  }
  return undefined;
}

/**
 * The catalogue indexed for {@link rowsStartingWith}, built on first use: rows by the first
 * character of their tokens or prefixes, and the rows that match on `contains` alone (which are
 * also in every list of the index, in catalogue order).
 */
const rowIndex = /* @__PURE__ */ once(() => {
  const byFirst = new Map<string, StopReasonRow[]>();
  const containsOnly: StopReasonRow[] = [];
  for (const row of STOP_REASONS) {
    const starts = row.tokens ?? row.prefixes;
    if (starts === undefined) {
      if (row.contains === undefined) continue;
      containsOnly.push(row);
      for (const rows of byFirst.values()) rows.push(row);
      continue;
    }
    for (const start of starts) {
      const character = start.charAt(0);
      const rows = byFirst.get(character) ?? [...containsOnly];
      if (rows.at(-1) !== row) rows.push(row);
      byFirst.set(character, rows);
    }
  }
  return { byFirst, containsOnly };
});

/**
 * The rows that can match a text starting with `first`, in catalogue order: those with a token
 * or prefix starting with it, and those matching on `contains` alone. Every other row's token or
 * prefix test would fail, so {@link matchRow} finds the same row while testing a handful.
 */
function rowsStartingWith(first: string): readonly StopReasonRow[] {
  const { byFirst, containsOnly } = rowIndex();
  return byFirst.get(first) ?? containsOnly;
}

// Plain loops: this runs for every reason of every event, and closures would be made each time.
function someToken(text: string, tokens: readonly string[]): boolean {
  for (const token of tokens) if (startsWithToken(text, token)) return true;
  return false;
}

function somePrefix(text: string, prefixes: readonly string[]): boolean {
  for (const prefix of prefixes) if (text.startsWith(prefix)) return true;
  return false;
}

function someKeyword(lower: string, keywords: readonly string[]): boolean {
  for (const keyword of keywords) if (startsAWord(lower, keyword)) return true;
  return false;
}

/**
 * Whether `keyword` occurs in `text` at the start of a word: `efs` is in `EFS utils` and
 * `fs-1.efs.eu-west-1`, not in `user-prefs`; `mount` is not in `amount`. The keyword may be a
 * stem (`secret` finds `secrets`). No regex: this runs for every keyword of every row tried.
 */
function startsAWord(text: string, keyword: string): boolean {
  // A keyword that starts with a non-word character (none today) needs no boundary.
  const bounded = isWordCode(keyword.charCodeAt(0));
  for (let at = text.indexOf(keyword); at >= 0; at = text.indexOf(keyword, at + 1)) {
    if (!bounded || at === 0 || !isWordCode(text.charCodeAt(at - 1))) return true;
  }
  return false;
}

/** `[0-9a-z_]` (the text is lower case): letters, digits and underscore make up a word. */
function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95;
}

/**
 * The catalogue row that a stop code explains on its own (`SpotInterruption`,
 * `InfrastructureHealth`, ...), or `undefined`.
 *
 * @internal
 */
export function matchStopCode(code: string | undefined): StopReasonRow | undefined {
  return code === undefined ? undefined : byStopCode().get(code);
}

/** The first row explaining each stop code, built on first use. */
const byStopCode = /* @__PURE__ */ once(() => {
  const index = new Map<string, StopReasonRow>();
  for (const row of STOP_REASONS)
    for (const stopCode of row.stopCodes ?? []) if (!index.has(stopCode)) index.set(stopCode, row);
  return index;
});
