/**
 * `createEnricher`: root-cause evidence for an alert, within a time budget, never failing the
 * alert.
 *
 * @module
 */
import { classify } from '../classify/index.js';
import { outcomeRecord } from '../classify/outcomes.js';
import type { Classification } from '../classify/classification.js';
import { ConfigError } from '../errors.js';
import type { AwsClientLike } from '../internal/aws-client.js';
import type { EcsEvent, TaskEvent } from '../events/index.js';
import type { Enricher, EnrichOptions, Evidence } from '../render/evidence.js';
import { awsClients, SdkUnavailable, type AwsClients } from './clients.js';
import { EvidenceDraft } from './evidence-draft.js';
import { gatherTaskLogs, type LogsPlan } from './gather-logs.js';
import { redactSecrets } from './redact.js';
import { latestStoppedTask, taskEventOf } from './stopped-task.js';
import { taskDefinitionSource } from './task-definitions.js';

export type { Enricher, EnrichOptions };

/**
 * Options of {@link createEnricher}. Every option is optional.
 */
export interface EnricherOptions {
  /**
   * Your ECS client, used for every Region. Default: one client per Region, created with the
   * SDK's standard configuration (credentials, `AWS_ENDPOINT_URL_ECS`) and `maxAttempts: 2`.
   * An `ECSClient` of `@aws-sdk/client-ecs`, typed by its `send` alone ({@link AwsClientLike}).
   */
  readonly ecs?: AwsClientLike;
  /**
   * Your CloudWatch Logs client, used for every Region. Default: one per Region, like `ecs`
   * (`AWS_ENDPOINT_URL_CLOUDWATCH_LOGS` applies). A `CloudWatchLogsClient` of
   * `@aws-sdk/client-cloudwatch-logs`, typed by its `send` alone ({@link AwsClientLike}).
   */
  readonly logs?: AwsClientLike;
  /** How many log lines to show, 0 to 100; `0` for links only. Default 15. */
  readonly tailLines?: number;
  /** Total time for one enrichment, in milliseconds. Default 1,500. */
  readonly budgetMs?: number;
  /** Timeout of each AWS call, in milliseconds (always within the budget). Default 1,000. */
  readonly callTimeoutMs?: number;
  /** Your own secret patterns, redacted like the built-in ones (see {@link redactSecrets}). */
  readonly redact?: readonly RegExp[];
  /** Task definition revisions kept in the cache. Default 200. */
  readonly cacheSize?: number;
  /** How long a task definition stays cached, in milliseconds. Default one hour. */
  readonly cacheTtlMs?: number;
}

/**
 * The defaults of {@link createEnricher}.
 */
export const ENRICHER_DEFAULTS: {
  /** Log lines shown. */
  readonly tailLines: 15;
  /** Total budget, milliseconds. */
  readonly budgetMs: 1500;
  /** Timeout of one AWS call, milliseconds. */
  readonly callTimeoutMs: 1000;
  /** Task definition revisions cached. */
  readonly cacheSize: 200;
  /** Task definition cache lifetime, milliseconds. */
  readonly cacheTtlMs: 3_600_000;
} = { tailLines: 15, budgetMs: 1500, callTimeoutMs: 1000, cacheSize: 200, cacheTtlMs: 3_600_000 };

/** Less time than this left: no AWS call is started. */
const MIN_WORK_MS = 50;

const NOTHING: Evidence = Object.freeze({
  links: Object.freeze({}),
  lines: Object.freeze([]),
  notes: Object.freeze([]),
});

/**
 * Creates an enricher: for a stopped task, the culprit container's log location (from its task
 * definition, cached per revision), links to its stream and to Logs Insights, and its last log
 * lines with secrets redacted; for `task-start-impaired` and `deployment-failed`, the same for
 * the service's latest stopped task, with its stop reason. Other events get empty evidence.
 * Create one per process and reuse it, so the cache is shared across events.
 *
 * @remarks The AWS SDK starts loading when the enricher is created (in a Lambda, during its init
 * phase), so the first alert's budget is not spent on it.
 *
 * @param options - Clients, lines, budget, timeouts, redaction patterns, cache.
 * @returns The enricher: `(event, classification, { deadline }) => Promise<Evidence>`.
 * @throws `ConfigError` (from `ecs-slack`) for an option out of range, naming it.
 * @example
 * ```ts
 * const enrich = createEnricher({ tailLines: 20 });
 * const evidence = await enrich(event, classification, { deadline: Date.now() + context.getRemainingTimeInMillis() - 3000 });
 * const message = renderMessage(event, { classification: classification, evidence });
 * ```
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html
 */
export function createEnricher(options: EnricherOptions = {}): Enricher {
  const tailLines = integer('tailLines', options.tailLines ?? ENRICHER_DEFAULTS.tailLines, 0, 100);
  const budgetMs = integer('budgetMs', options.budgetMs ?? ENRICHER_DEFAULTS.budgetMs, 1, 60_000);
  const callTimeoutMs = integer('callTimeoutMs', options.callTimeoutMs ?? ENRICHER_DEFAULTS.callTimeoutMs, 1, 60_000);
  const cacheSize = integer('cacheSize', options.cacheSize ?? ENRICHER_DEFAULTS.cacheSize, 1, 100_000);
  const cacheTtlMs = integer('cacheTtlMs', options.cacheTtlMs ?? ENRICHER_DEFAULTS.cacheTtlMs, 0, 7 * 86_400_000);
  const patterns = options.redact ?? [];
  if (!Array.isArray(patterns) || !patterns.every((p) => p instanceof RegExp)) {
    throw new ConfigError('createEnricher: redact must be an array of regular expressions');
  }
  const loadClients = awsClients(options);
  // Start loading the SDK now (a Lambda's init phase), not within the first alert's budget.
  loadClients().catch(() => undefined);
  const definitions = taskDefinitionSource({ maxEntries: cacheSize, ttlMs: cacheTtlMs, callTimeoutMs });
  const redact = { patterns };

  async function gather(event: EcsEvent, c: Classification, draft: EvidenceDraft, end: number): Promise<void> {
    const signal = (): AbortSignal => AbortSignal.timeout(Math.max(1, Math.min(callTimeoutMs, end - Date.now())));
    let clients: AwsClients;
    try {
      clients = await loadClients();
    } catch (error) {
      if (error instanceof SdkUnavailable) return draft.note(`evidence unavailable: ${error.message}`);
      throw error;
    }
    const plan: Omit<LogsPlan, 'event' | 'classification'> = { clients, definitions, tailLines, redact, signal };
    if (event.kind === 'task') return gatherTaskLogs({ ...plan, event, classification: c }, draft);
    const { cluster, clusterArn, service, deploymentId, region } = c.identity;
    if (service === undefined || (clusterArn ?? cluster) === undefined) return;
    const ref = {
      region,
      cluster: (clusterArn ?? cluster) as string,
      service,
      ...(deploymentId === undefined ? {} : { deploymentId }),
    };
    const task = await latestStoppedTask(clients, ref, (action) => {
      draft.step('stopped task unavailable', action);
      return signal();
    });
    if (task === undefined)
      return draft.note(`no stopped task of ${service} listed (ECS keeps them for about an hour)`);
    const taskEvent = taskEventOf(task);
    if (taskEvent === undefined) return draft.note('stopped task unavailable: unreadable');
    const tc = classify(taskEvent);
    draft.stoppedTask = stoppedTaskSummary(taskEvent, tc, (value) => redactSecrets(value, redact));
    return gatherTaskLogs({ ...plan, event: taskEvent, classification: tc }, draft);
  }

  return async (event, classification, enrichOptions = {}) => {
    try {
      if (!wantsEvidence(event, classification)) return NOTHING;
      const started = Date.now();
      const deadline = enrichOptions.deadline;
      const end = Math.min(
        started + budgetMs,
        typeof deadline === 'number' && !Number.isNaN(deadline) ? deadline : Number.POSITIVE_INFINITY,
      );
      if (end - started < MIN_WORK_MS)
        return { links: {}, lines: [], notes: ['logs skipped: no time left before the deadline'] };
      const draft = new EvidenceDraft();
      const work = gather(event, classification, draft, end).catch((error: unknown) => draft.fail(error));
      if ((await settleBy(work, end)) === 'timeout') draft.fail({ name: 'TimeoutError' });
      return draft.snapshot();
    } catch {
      return { links: {}, lines: [], notes: ['evidence unavailable: error'] };
    }
  };
}

/** Task events once a stop is decided; a service that cannot start tasks; a failed deployment. */
function wantsEvidence(event: EcsEvent, c: Classification): boolean {
  if (event.kind === 'task') return c.phase === 'stopped' || c.phase === 'stopping';
  return outcomeRecord(c.outcome).stoppedTaskEvidence === true;
}

function stoppedTaskSummary(
  event: TaskEvent,
  c: Classification,
  redact: (value: string) => string,
): Evidence['stoppedTask'] {
  const d = event.detail;
  const culprit =
    c.culprit === undefined
      ? undefined
      : c.culprit.reason === undefined
        ? c.culprit
        : { ...c.culprit, reason: redact(c.culprit.reason) };
  return {
    taskArn: d.taskArn,
    taskId: c.identity.taskId ?? d.taskArn,
    outcome: c.outcome,
    summary: redact(c.summary),
    ...(c.reason === undefined ? {} : { reason: redact(c.reason) }),
    ...(culprit === undefined ? {} : { culprit }),
    ...(d.stoppedAt === undefined ? {} : { stoppedAt: d.stoppedAt }),
    ...(c.links.task === undefined ? {} : { url: c.links.task }),
  };
}

/** Resolves `'done'` when `work` settles, or `'timeout'` at `end`, whichever is first. */
async function settleBy(work: Promise<unknown>, end: number): Promise<'done' | 'timeout'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), Math.max(0, end - Date.now()));
  });
  try {
    return await Promise.race([work.then(() => 'done' as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function integer(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`createEnricher: ${name} must be an integer from ${min} to ${max}`);
  }
  return value;
}
