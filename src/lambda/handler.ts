/**
 * `createHandler`: the whole Lambda, for EventBridge invocations, SQS batches (with partial batch
 * responses), SNS, and scheduled invocations that flush digests.
 *
 * @module
 */
import { createAmazonQSender, type AmazonQSender, type AmazonQSenderOptions } from '../deliver/amazon-q/sns-sender.js';
import { createWebApiSender, type SlackChatClient } from '../deliver/web-api.js';
import type { SlackSender } from '../deliver/sender.js';
import { createWebhookSender } from '../deliver/webhook.js';
import { ConfigError, HandlerError } from '../errors.js';
import type { KnownEcsEventKind } from '../events/index.js';
import { parseEcsEvents, type ParsedRecord } from '../parse/index.js';
import { checkHandlerOptions } from '../pipeline/check-options.js';
import { createPipeline, jsonLineLogger, type Pipeline, type PipelineOptions } from '../pipeline/index.js';
import { errorLine } from '../pipeline/log.js';
import { policySenders } from '../pipeline/policy-senders.js';
import { loadPolicy, parsePolicyFrom, POLICY_VARIABLE } from '../policy/load.js';
import type { Policy } from '../policy/schema.js';
import { budgetOf, DEFAULT_DEADLINE_MARGIN_MS, withinBudget } from './budget.js';
import { ENVIRONMENT, webhookUrlSource, type SecretResolver } from './config.js';
import type { Enricher, EnricherOptions } from '../aws/enricher.js';
import { enricherFor } from './enrich.js';
import { presetFromEnvironment, tableFromEnvironment } from './environment.js';

/**
 * Options of {@link createHandler}: the pipeline's options (filter, store, namespace, render,
 * threads, onInvalid, storeRetry, silences, logger, clock) and the Lambda's own. Give one
 * destination: `sender`, `webApi`, `webhookUrl`, `amazonQ`, or the environment
 * (`SLACK_WEBHOOK_URL`, `SLACK_WEBHOOK_SECRET_ID`, `SLACK_WEBHOOK_PARAMETER`); or a policy
 * (`policy`, or `ECS_SLACK_POLICY`), whose destinations replace them.
 */
export interface HandlerOptions
  extends Omit<PipelineOptions, 'sender' | 'remainingMs' | 'enrich' | 'policy' | 'destinations'> {
  /** Your own sender. */
  readonly sender?: SlackSender | AmazonQSender;
  /**
   * Your `@slack/web-api` `WebClient`, and the channel to post to (enables deployment threads).
   * With a policy, the client its `web-api` destinations post with; the channel is theirs.
   */
  readonly webApi?: {
    /** Your `WebClient`, or any object with `chat.postMessage` and `chat.update`. */
    readonly client: SlackChatClient;
    /** The channel id; required without a policy. */
    readonly channel?: string;
  };
  /** The incoming webhook URL (default, and when blank: from the environment). */
  readonly webhookUrl?: string;
  /**
   * Amazon Q Developer in chat applications: the SNS topic its channel configuration subscribes
   * to (the destination, without a policy), and optionally your SNS client and retry settings
   * (for a policy's `amazon-q` destinations too). Messages are Amazon Q notifications, without threads.
   */
  readonly amazonQ?: Partial<Pick<AmazonQSenderOptions, 'topicArn'>> & Omit<AmazonQSenderOptions, 'topicArn'>;
  /**
   * The alert policy (`ecs-slack/policy`), as an object or JSON text; default the environment's
   * `ECS_SLACK_POLICY` (JSON text, or the name of an SSM parameter fetched with `resolveSecret`
   * on the first invocation). An invalid policy is one `ConfigError` naming the path, before any
   * event is taken.
   */
  readonly policy?: Policy | string;
  /**
   * Fetches `SLACK_WEBHOOK_SECRET_ID` / `SLACK_WEBHOOK_PARAMETER`, an `ECS_SLACK_POLICY` SSM
   * parameter and the secrets of a policy's webhooks, once per cold start.
   */
  readonly resolveSecret?: SecretResolver;
  /**
   * Root-cause evidence in alerts (`ecs-slack/aws`): `true` for the defaults, `createEnricher`
   * options, or your own enricher; `false` for none. Default: `ECS_SLACK_ENRICH=true` in the
   * environment turns it on. Needs the IAM permissions in `docs/evidence.md`.
   */
  readonly enrich?: boolean | EnricherOptions | Enricher;
  /** The environment to read; default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The kind of bare `detail` payloads, for rules whose input transformer passes `$.detail`. */
  readonly kind?: KnownEcsEventKind;
  /**
   * After each invocation, send digests whose fold window has closed (and the summaries of
   * silences that ended), at most once per this many seconds per Lambda instance (default 60;
   * `false` to leave it to a scheduled rule).
   */
  readonly flushIntervalSeconds?: number | false;
  /**
   * Time kept back from the invocation's remaining time (`context.getRemainingTimeInMillis()`),
   * in milliseconds: the rest is the budget of every record and post; what has not been delivered
   * when it runs out is handed back before Lambda ends the invocation. At most half the remaining
   * time is kept back. Default 1000.
   */
  readonly deadlineMarginMs?: number;
}

/**
 * The partial batch response of an SQS invocation; structurally `SQSBatchResponse` from
 * `@types/aws-lambda`.
 */
export interface BatchResponse {
  /** The records to retry, by `messageId`. */
  batchItemFailures: BatchItemFailure[];
}

/** One record to retry. */
export interface BatchItemFailure {
  /** The SQS `messageId`. */
  itemIdentifier: string;
}

/**
 * An SQS batch as Lambda delivers it (the fields the handler reads).
 */
export interface SqsBatch {
  /** The records. */
  readonly Records: ReadonlyArray<{
    /** The record id reported in `batchItemFailures`. */
    readonly messageId: string;
    /** The event JSON (or an SNS notification holding it). */
    readonly body: string;
  }>;
}

/**
 * The Lambda handler: give it any of EventBridge, SQS, SNS or scheduled events. An SQS batch
 * gets a partial batch response; anything else resolves to nothing (or throws). Assignable to
 * `SQSHandler`, `EventBridgeHandler`, `SNSHandler` and `ScheduledHandler` from
 * `@types/aws-lambda`.
 */
export interface EcsSlackHandler {
  /**
   * Handles an SQS batch.
   *
   * @param event - The batch.
   * @param context - Lambda's context: its remaining time sets the budget.
   * @returns The records to retry.
   */
  (event: SqsBatch, context?: unknown): Promise<BatchResponse>;
  /**
   * Handles an EventBridge event, an SNS batch or a scheduled event.
   *
   * @param event - What Lambda delivered.
   * @param context - Lambda's context: its remaining time sets the budget.
   * @returns Nothing; throws when something must be retried.
   */
  (event: unknown, context?: unknown): Promise<void>;
}

function isScheduled(event: unknown): boolean {
  const e = event as Record<string, unknown> | null;
  return typeof e === 'object' && e !== null && e.source === 'aws.events' && e['detail-type'] === 'Scheduled Event';
}

function isSqs(event: unknown): event is { Records: Array<{ messageId?: string; eventSourceARN?: string }> } {
  const records = (event as { Records?: unknown } | null)?.Records;
  return Array.isArray(records) && records.some((r) => typeof (r as { messageId?: unknown }).messageId === 'string');
}

/**
 * Creates the Lambda handler: unwraps and parses what Lambda delivers, classifies, filters,
 * renders and sends, with deployment threads when posting through the Web API.
 *
 * @remarks Nothing is lost: for SQS it returns the `messageId` of every record that is not a readable ECS
 * event (unless `onInvalid: 'drop'`), that failed to deliver, or that another invocation is still delivering, so
 * SQS retries exactly those (turn on `ReportBatchItemFailures`; FIFO queues stop at the first
 * failure); for EventBridge and SNS it throws, so Lambda retries and the DLQ takes the rest. One
 * JSON log line per event, never a secret.
 *
 * Within the invocation's time: the budget is Lambda's remaining time less `deadlineMarginMs`.
 * No post runs past it, no record starts after it, the digest flush obeys it, and what was not
 * delivered by then is handed back (records already delivered never are) before Lambda ends
 * the invocation, even when a store call or a secret lookup hangs.
 *
 * With `enrich`, each alert carries root-cause evidence (the crashed container's last log lines
 * and links), gathered within the same budget less a second kept for delivery: when AWS is slow
 * or says no, the alert goes out with a note instead.
 *
 * @param options - Slack destination, filter, store, rendering and the rest.
 * @returns The handler.
 * @throws `ConfigError` naming the option, for an option of the wrong shape (checked here, before
 *   any event; the destination from the environment is read on the first invocation), or naming
 *   the variable, for an unknown `ECS_SLACK_PRESET` or an `ECS_SLACK_TABLE` without a `store`.
 * @example
 * ```ts
 * import { createHandler } from 'ecs-slack/lambda';
 *
 * export const handler = createHandler({ filter: { preset: 'alerts' } }); // SLACK_WEBHOOK_URL from the environment
 * ```
 */
export function createHandler(options: HandlerOptions = {}): EcsSlackHandler {
  checkHandlerOptions(options);
  const fromEnvironment = environmentOptions(options);
  const env = options.env ?? process.env;
  // A policy given, or JSON in ECS_SLACK_POLICY, is checked now; one in SSM on the first invocation.
  const early = policyAtColdStart(options, env);
  let pipeline: Pipeline | undefined;
  let lastFlush = Number.NEGATIVE_INFINITY;
  const clock = options.clock ?? Date.now;
  const log = options.logger ?? jsonLineLogger;
  const marginMs = options.deadlineMarginMs ?? DEFAULT_DEADLINE_MARGIN_MS;
  const enrich = enricherFor(options.enrich, env);
  let loading: Promise<Policy | undefined> | undefined;

  const build = (policy: Policy | undefined): Pipeline =>
    createPipeline({
      ...(policy === undefined
        ? { sender: senderFor(options, env) }
        : {
            policy,
            destinations: policySenders(policy, {
              env,
              resolveSecret: options.resolveSecret,
              webClient: options.webApi?.client,
              amazonQ: options.amazonQ,
              caller: 'createHandler',
            }),
          }),
      ...(fromEnvironment.filter === undefined ? {} : { filter: fromEnvironment.filter }),
      ...(options.store === undefined ? {} : { store: options.store }),
      ...(options.namespace === undefined ? {} : { namespace: options.namespace }),
      ...(options.render === undefined ? {} : { render: options.render }),
      ...(options.threads === undefined ? {} : { threads: options.threads }),
      ...(options.onInvalid === undefined ? {} : { onInvalid: options.onInvalid }),
      ...(options.storeRetry === undefined ? {} : { storeRetry: options.storeRetry }),
      ...(enrich === undefined ? {} : { enrich }),
      ...(options.silences === undefined ? {} : { silences: options.silences }),
      ...(options.group === undefined ? {} : { group: options.group }),
      ...(options.pace === undefined ? {} : { pace: options.pace }),
      logger: log,
      clock,
    });
  // Given or JSON: the pipeline and its senders are made now, so any mistake in them shows here.
  if (early !== 'ssm' && early !== undefined) pipeline = build(early);

  const getPipeline = async (): Promise<Pipeline> => {
    if (pipeline !== undefined) return pipeline;
    if (early !== 'ssm') return (pipeline = build(undefined));
    // Kept once loaded; a failed load (an SSM outage) is tried again by the next invocation.
    loading ??= loadPolicy({
      env,
      ...(options.resolveSecret === undefined ? {} : { resolveSecret: options.resolveSecret }),
    });
    try {
      pipeline ??= build(await loading);
    } catch (error) {
      loading = undefined;
      log({ level: 'error', msg: 'failed', reason: 'policy', detail: errorLine(error) });
      throw error;
    }
    return pipeline;
  };

  /** Flushes when due (always when forced); returns how many digests failed. */
  async function flushIfDue(force: boolean, deadline: number | undefined): Promise<number> {
    const interval = options.flushIntervalSeconds ?? 60;
    if (!force && (interval === false || clock() - lastFlush < interval * 1000)) return 0;
    if (deadline !== undefined && Date.now() >= deadline) return 0;
    lastFlush = clock();
    const results = await (await getPipeline()).flush(deadline === undefined ? {} : { deadline });
    return results.filter((r) => r.status === 'failed').length;
  }

  const handler = async (event: unknown, context?: unknown): Promise<BatchResponse | undefined> => {
    const budget = budgetOf(context, marginMs);
    const deadline = budget?.deadline;
    if (isScheduled(event)) {
      const flushed = await withinBudget(flushIfDue(true, deadline), budget);
      if (flushed.late)
        throw new HandlerError('the digest flush did not end before the deadline; digests not sent stay due');
      if (flushed.value > 0) throw new HandlerError(`${flushed.value} digest(s) could not be delivered`);
      return undefined;
    }
    const records = parseEcsEvents(event, options.kind === undefined ? undefined : { kind: options.kind });
    const fifo = isSqs(event) && event.Records.some((r) => r.eventSourceARN?.endsWith('.fifo'));
    // Handled for good (delivered, suppressed or dropped): never handed back.
    const settled = records.map(() => false);
    let stopped = false;
    const run = async (): Promise<void> => {
      const p = await getPipeline();
      for (const [index, record] of records.entries()) {
        if (stopped) return;
        settled[index] = await handled(p, record, deadline);
        // FIFO: nothing after the first failure is handled; it all goes back, in order.
        if (fifo && !settled[index]) break;
      }
      if (!stopped) await flushIfDue(false, deadline).catch(() => 0);
    };
    const outcome = await withinBudget(run(), budget);
    if (outcome.late) {
      // Something (a store call, a secret) outran the deadline: hand back all that is unsettled
      // now, before Lambda ends the invocation and SQS redelivers the whole batch.
      stopped = true;
      for (const [index, record] of records.entries()) {
        if (settled[index]) continue;
        log({
          level: 'warn',
          msg: 'deferred',
          id: record.id,
          reason: 'deadline',
          detail: 'handed back unfinished: the deadline came first',
        });
      }
    }
    const failed = new Set(records.filter((_, index) => !settled[index]).map((record) => record.id));
    if (isSqs(event)) {
      const ids = event.Records.map((r, index) => r.messageId ?? String(index));
      // Every failure must name a message of this batch: SQS would take any other id as the
      // whole batch failing at best. Should one not, retry the invocation rather than lose it.
      const known = new Set(ids);
      const stray = [...failed].filter((id) => !known.has(id));
      if (stray.length > 0)
        throw new HandlerError(
          `${stray.length} failed event(s) name no message of the batch; Lambda will retry the invocation`,
        );
      // FIFO: everything after the first failure goes back too, in order.
      const firstFailed = fifo ? ids.findIndex((id) => failed.has(id)) : -1;
      const retry = firstFailed < 0 ? ids.filter((id) => failed.has(id)) : ids.slice(firstFailed);
      return { batchItemFailures: [...new Set(retry)].map((itemIdentifier) => ({ itemIdentifier })) };
    }
    if (failed.size > 0) {
      const when = outcome.late ? ' (the deadline came first)' : '';
      throw new HandlerError(
        `${failed.size} of ${records.length} event(s) failed${when}; Lambda will retry the invocation`,
      );
    }
    return undefined;
  };
  return handler as EcsSlackHandler;
}

/**
 * The filter, from the options or `ECS_SLACK_PRESET`; and the check that `ECS_SLACK_TABLE` has
 * the store it asks for, rather than state kept in memory without a word.
 */
function environmentOptions(options: HandlerOptions): Pick<HandlerOptions, 'filter'> {
  const env = options.env ?? process.env;
  const table = tableFromEnvironment(env);
  if (table !== undefined && options.store === undefined)
    throw new ConfigError(
      `${ENVIRONMENT.table} is set but createHandler has no store: pass store: new DynamoDbStateStore({ client, tableName }) from ecs-slack/dynamodb, or use the handler of ecs-slack/function`,
    );
  if (options.filter !== undefined) return { filter: options.filter };
  const preset = presetFromEnvironment(env);
  return preset === undefined ? {} : { filter: { preset } };
}

/** Handles one record; `false` when it must be retried. */
async function handled(p: Pipeline, record: ParsedRecord, deadline: number | undefined): Promise<boolean> {
  const result = await p.handleRecord(record, deadline === undefined ? {} : { deadline });
  return result.status === 'sent' || result.status === 'suppressed' || result.status === 'dropped';
}

/** The sender the options ask for. */
function senderFor(
  options: HandlerOptions,
  env: Readonly<Record<string, string | undefined>>,
): SlackSender | AmazonQSender {
  if (options.sender !== undefined) return options.sender;
  if (options.webApi !== undefined)
    return createWebApiSender({ client: options.webApi.client, channel: options.webApi.channel! });
  if (options.amazonQ?.topicArn !== undefined)
    return createAmazonQSender({ ...options.amazonQ, topicArn: options.amazonQ.topicArn });
  // A blank option falls back to the environment, as a blank SLACK_WEBHOOK_URL falls back further.
  const given = options.webhookUrl?.trim();
  const url = given === undefined || given === '' ? webhookUrlSource(env, options.resolveSecret) : options.webhookUrl!;
  return createWebhookSender({ url });
}

/**
 * The policy known at cold start: given, or JSON text in `ECS_SLACK_POLICY` (both checked here,
 * one `ConfigError` naming the path); `ssm` when `ECS_SLACK_POLICY` names an SSM parameter.
 */
function policyAtColdStart(
  options: HandlerOptions,
  env: Readonly<Record<string, string | undefined>>,
): Policy | 'ssm' | undefined {
  if (options.policy !== undefined) return parsePolicyFrom(options.policy, 'createHandler: options.policy');
  const value = env[POLICY_VARIABLE]?.trim();
  if (value === undefined || value === '') return undefined;
  if (value.startsWith('{')) return parsePolicyFrom(value, POLICY_VARIABLE);
  if (options.resolveSecret === undefined)
    throw new ConfigError(
      `${POLICY_VARIABLE}: the SSM parameter ${JSON.stringify(value)} needs a resolveSecret to fetch it`,
    );
  return 'ssm';
}
