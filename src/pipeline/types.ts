/**
 * The pipeline's types: the options of `createPipeline`, the {@link Pipeline} it makes, the
 * options of its `handle` and `flush`, and what it says happened to an event.
 *
 * @module
 */
import type { Classification } from '../classify/classification.js';
import type { AmazonQSender } from '../deliver/amazon-q/sns-sender.js';
import type { PaceOptions } from '../deliver/pace.js';
import type { SlackSender } from '../deliver/sender.js';
import type { EcsEvent } from '../events/index.js';
import type { NoiseFilter } from '../filter/decision.js';
import type { NoiseFilterOptions } from '../filter/filter-options.js';
import type { ParsedRecord } from '../parse/index.js';
import type { salvageEcsEvent } from '../parse/lenient.js';
import type { Policy } from '../policy/schema.js';
import type { Silences } from '../policy/silences.js';
import type { Enricher } from '../render/evidence.js';
import type { RenderOptions } from '../render/options.js';
import type { StoreRetryOptions } from '../state/retrying-store.js';
import type { StateStore } from '../state/store.js';
import type { GroupOptions } from './group/options.js';
import type { PipelineLogger } from './log.js';

/**
 * Options of {@link createPipeline}.
 */
export interface PipelineOptions {
  /**
   * Where messages go: `createWebhookSender(...)`, `createWebApiSender(...)`, an Amazon Q sender
   * (`createAmazonQSender(...)` from `ecs-slack/amazon-q`: rendered as Amazon Q notifications,
   * without threads) or your own. Required without a policy; not with one.
   */
  readonly sender?: SlackSender | AmazonQSender;
  /**
   * The alert policy (`ecs-slack/policy`): its severity overrides and styles apply to every
   * event, and its routes send each event to its destinations, each with its own sender (from
   * `destinations`), its own state (under the destination's name) and noise filters (the route's
   * overrides on top of `filter`). A destination that fails is retried alone: the others, by
   * their own duplicate check, do not post the event twice. Checked here like `parsePolicy`.
   */
  readonly policy?: Policy;
  /** With a policy: the sender of each of its destinations, by name. */
  readonly destinations?: Readonly<Record<string, SlackSender | AmazonQSender>>;
  /**
   * Silences (`createSilences` of `ecs-slack/policy`): an event one holds is suppressed
   * (`silenced`) after the duplicate check and counted, and the flush posts one summary per ended
   * silence to the destinations its events would have gone to (the default route's without a
   * record of them). Default: the silences kept in `store` (scope `silence`, as `ecs-slack
   * silence` writes them); `false` for none.
   */
  readonly silences?: Silences | false;
  /**
   * The noise filter, or options to create one (default: the `alerts` preset). With a policy,
   * options only: each destination gets its filters.
   */
  readonly filter?: NoiseFilter | NoiseFilterOptions;
  /**
   * State shared by the filter and the deployment threads; default a new `MemoryStateStore` whose
   * evictions are logged (give your own one an `onEvict` to hear of them).
   */
  readonly store?: StateStore;
  /**
   * Keeps this pipeline's state apart from other pipelines sharing the store (one per Slack
   * channel, say): its own duplicates, digests and deployment cards. Default: none.
   */
  readonly namespace?: string;
  /** How messages are drawn. */
  readonly render?: RenderOptions;
  /**
   * Root-cause evidence for each alert sent (`createEnricher()` from `ecs-slack/aws`): called once
   * per alert, never for suppressed events or digests, and within the deadline less the time
   * delivery needs. Default: none.
   */
  readonly enrich?: Enricher;
  /**
   * Deployment threads (a progress card per deployment, problems as replies). Default: on when
   * the sender can update messages (the Web API sender), off otherwise.
   */
  readonly threads?: boolean;
  /**
   * What {@link Pipeline.handleRecord} does with a record that is not a valid ECS event:
   *
   * - `alert` (default): an `aws.ecs` event of a known detail-type with fields missing or
   *   unreadable is read leniently ({@link salvageEcsEvent}), classified from what it holds and
   *   handled as its severity says, its message naming the missing fields; any other record is
   *   `invalid`, for a retry and the dead-letter queue
   * - `drop`: logged and dropped (`dropped`)
   * - `fail`: `invalid`, for a retry and the dead-letter queue
   */
  readonly onInvalid?: 'alert' | 'drop' | 'fail';
  /** Where log entries go; default one JSON line per entry on standard output. */
  readonly logger?: PipelineLogger;
  /** The clock, epoch milliseconds; default `Date.now`. */
  readonly clock?: () => number;
  /**
   * Milliseconds this invocation may still use, for the filter and threads it creates: store
   * retries never wait past it and claims last no longer. Default: no budget.
   */
  readonly remainingMs?: () => number;
  /** How the filter and threads it creates retry retryable store errors; `false` for never. */
  readonly storeRetry?: StoreRetryOptions | false;
  /**
   * Grouping of alerts into incidents: first alerts of one cluster with one cause family within
   * `groupWaitSeconds` (30) form one incident, the first sent at once and the others in one
   * grouped message (updated in place with the Web API). Default: on, with `GROUP_DEFAULTS`;
   * a policy's `group` applies on top; `false` (or `{ groupBy: false }`) sends one message per
   * alert. Amazon Q destinations are grouped too (their grouped notification goes out when the
   * window closes: SNS cannot edit it).
   */
  readonly group?: GroupOptions | false;
  /**
   * Pacing of each Slack destination: a token bucket in `store` (shared by concurrent Lambdas)
   * at Slack's rate, 1 message per second with bursts of 3 (`PACE_DEFAULTS`), honouring
   * `Retry-After`. Default: on, with `PACE_DEFAULTS`; `false` for none. Amazon Q destinations
   * (SNS) are never paced. Its clock and sleep default to real time, not `clock`.
   */
  readonly pace?: PaceOptions | false;
}

/**
 * What happened to one event.
 *
 * @remarks
 * - `sent`: a message (alert, recovery, digest or thread reply) was delivered
 * - `suppressed`: the noise filter dropped it, with a reason
 * - `deferred`: not handled now: another delivery of it is in flight, or the deadline left no
 *   time to start it; retry it later
 * - `failed`: delivery or state failed; `error` says why (a `DeliveryError` or
 *   `StateStoreError` says whether a retry may help in its `retryable`)
 * - `invalid`: ({@link Pipeline.handleRecord}) not a readable ECS event; `error` is the
 *   `ParseError`; hand it back so it ends in the dead-letter queue
 * - `dropped`: ({@link Pipeline.handleRecord}, `onInvalid: 'drop'`) not a valid ECS event, dropped
 */
export interface PipelineResult {
  /** What happened. */
  readonly status: 'sent' | 'suppressed' | 'deferred' | 'failed' | 'invalid' | 'dropped';
  /** The classification, when the event got that far. */
  readonly classification?: Classification;
  /**
   * The error, for `failed`; for `sent`, the state store error when the message was delivered
   * but the filter could not record it (not retried: a retry would post the message twice).
   */
  readonly error?: unknown;
  /**
   * With a policy: what happened at each destination (the event's status is the worst of them:
   * failed, then deferred, then sent, then suppressed).
   */
  readonly destinations?: ReadonlyArray<{
    /** The destination's name. */
    readonly destination: string;
    /** The route that chose it. */
    readonly route: string;
    /** What happened there. */
    readonly status: 'sent' | 'suppressed' | 'deferred' | 'failed';
    /** The error, for `failed`. */
    readonly error?: unknown;
  }>;
}

/**
 * Options of {@link Pipeline.handle}.
 */
export interface HandleOptions {
  /** The record id for the log (SQS `messageId`); default the event id. */
  readonly id?: string;
  /**
   * Epoch milliseconds on `Date.now`'s clock (not the pipeline's `clock`) by which the event must
   * be settled: it is not started once the deadline has passed, and no post runs past it (see
   * `PostOptions.deadline`). Default: none.
   */
  readonly deadline?: number;
}

/**
 * Options of {@link Pipeline.flush}.
 */
export interface FlushOptions {
  /**
   * Epoch milliseconds on `Date.now`'s clock by which the flush must end: digests not started by
   * then stay due (released, `deferred`) for the next flush. Default: none.
   */
  readonly deadline?: number;
}

/**
 * The composed pipeline.
 */
export interface Pipeline {
  /**
   * Classifies, filters, renders and delivers one parsed event, settling the filter's decision
   * (committed when delivered, released when not) and logging one line (per destination, with a
   * policy). Failures come back as `failed`, an event the deadline leaves no time for as `deferred`.
   *
   * @param event - A parsed event.
   * @param options - The record id for the log, and the deadline.
   * @returns What happened.
   * @throws `TypeError` only when called wrongly (a record id where the options belong).
   */
  handle(event: EcsEvent, options?: HandleOptions): Promise<PipelineResult>;
  /**
   * Handles one record of `parseEcsEvents`: its event as {@link Pipeline.handle} does, or, when
   * it failed to parse, as `onInvalid` says (by default an ECS event with fields missing is
   * alerted on from what it holds, its message naming them).
   *
   * @param record - A record from `parseEcsEvents`.
   * @param options - The deadline.
   * @returns What happened: also `invalid` or `dropped` for a record that is not a valid event.
   */
  handleRecord(record: ParsedRecord, options?: Pick<HandleOptions, 'deadline'>): Promise<PipelineResult>;
  /**
   * Sends the digests whose fold window has closed, and the summaries of the silences that ended.
   * Call it from a scheduled invocation, or after each batch (the Lambda handler does). Digests
   * and summaries the deadline leaves no time for stay due.
   *
   * @param options - The deadline.
   * @returns One result per digest, and per summary and destination.
   */
  flush(options?: FlushOptions): Promise<PipelineResult[]>;
}
