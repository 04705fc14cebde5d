/**
 * `createPipeline`: parse, classify, filter, render and deliver, with every decision settled and
 * logged. The Lambda handler is a thin layer over it; use it directly in your own handlers.
 *
 * @module
 */
import { checkPipelineOptions } from './check-options.js';
import { classify } from '../classify/index.js';
import type { Classification } from '../classify/classification.js';
import { outcomeRecord } from '../classify/outcomes.js';
import type { SlackSender } from '../deliver/sender.js';
import { createDeploymentThreads, type DeploymentThread, type DeploymentThreads } from '../deliver/threads/index.js';
import { isEcsSlackError } from '../errors.js';
import type { EcsEvent } from '../events/index.js';
import { evictionDetail } from '../filter/keys.js';
import { MemoryStateStore, type StateEviction } from '../state/memory-store.js';
import { redact } from '../internal/redact.js';
import { namespacedStore } from '../state/namespaced-store.js';
import { createNoiseFilter } from '../filter/noise-filter.js';
import type { StoreRetryOptions } from '../state/retrying-store.js';
import type { StateStore } from '../state/store.js';
import type { DigestDecision, NoiseFilter, NotifyDecision } from '../filter/decision.js';
import type { NoiseFilterOptions } from '../filter/filter-options.js';
import type { ParsedRecord } from '../parse/index.js';
import { salvageEcsEvent } from '../parse/lenient.js';
import { renderDecision } from '../render/decision.js';
import type { Enricher, Evidence } from '../render/evidence.js';
import type { RenderOptions } from '../render/options.js';
import { evidenceWithin } from './evidence.js';

/**
 * One structured log line: what happened to an event, never a secret.
 */
export interface PipelineLogEntry {
  /**
   * `info` for sent and suppressed, `warn` for deferred and invalid (and for sent when the filter
   * state could not be saved after delivery, and for state the default memory store evicted to
   * stay within its bounds), `error` for failed.
   */
  readonly level: 'info' | 'warn' | 'error';
  /** What happened. */
  readonly msg: 'sent' | 'suppressed' | 'deferred' | 'failed' | 'invalid' | 'dropped' | 'evicted';
  /** The record id (SQS `messageId`, event id). */
  readonly id?: string;
  /** Event kind. */
  readonly kind?: string;
  /** Classification outcome. */
  readonly outcome?: string;
  /** Classification severity. */
  readonly severity?: string;
  /** Cluster name. */
  readonly cluster?: string;
  /** Service name. */
  readonly service?: string;
  /** The fields the event lacked, when it was read leniently (`onInvalid: 'alert'`). */
  readonly missing?: readonly string[];
  /**
   * Why it was suppressed or deferred (`deadline` when there was no time left to start it), or
   * what was sent (`alert`, `digest`, `recovery`, `thread-reply`).
   */
  readonly reason?: string;
  /** One readable line: the suppression detail, or the error message (never a URL or token). */
  readonly detail?: string;
}

/**
 * Receives log entries; the default writes one JSON line to standard output.
 */
export type PipelineLogger = (entry: PipelineLogEntry) => void;

/**
 * Options of {@link createPipeline}.
 */
export interface PipelineOptions {
  /** Where messages go: `createWebhookSender(...)`, `createWebApiSender(...)` or your own. */
  readonly sender: SlackSender;
  /** The noise filter, or options to create one (default: the `alerts` preset). */
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
   * (committed when delivered, released when not) and logging one line. Failures come back as
   * `failed`, an event the deadline leaves no time for as `deferred`.
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
   * Sends the digests whose fold window has closed. Call it from a scheduled invocation, or after
   * each batch (the Lambda handler does). Digests the deadline leaves no time for stay due.
   *
   * @param options - The deadline.
   * @returns One result per digest.
   */
  flush(options?: FlushOptions): Promise<PipelineResult[]>;
}

/**
 * The default logger: one JSON line per entry on standard output (CloudWatch Logs in Lambda).
 *
 * @param entry - The entry to write.
 * @example
 * ```ts
 * createPipeline({ sender, logger: (entry) => entry.level !== 'info' && jsonLineLogger(entry) });
 * ```
 */
export const jsonLineLogger: PipelineLogger = (entry) => {
  console.log(JSON.stringify(entry));
};

/**
 * Composes the pipeline: classify, filter (with its state), render, deliver (to the channel, or
 * into a deployment's thread), settle and log.
 *
 * @param options - Sender, filter, store, rendering, threads, logger and clock.
 * @returns The pipeline.
 * @throws `ConfigError` naming the option, for an option of the wrong shape (a filter without
 *   `commit`, an unknown option name, threads with a sender that cannot update messages).
 * @example
 * ```ts
 * const pipeline = createPipeline({ sender: createWebhookSender({ url }) });
 * for (const record of parseEcsEvents(input)) {
 *   if (record.success) await pipeline.handle(record.data, { id: record.id });
 * }
 * ```
 */
export function createPipeline(options: PipelineOptions): Pipeline {
  checkPipelineOptions(options);
  const log = redacting(options.logger ?? jsonLineLogger);
  const logEviction = (eviction: StateEviction): void =>
    log({ level: 'warn', msg: 'evicted', reason: eviction.reason, detail: evictionDetail(eviction) });
  const shared = options.store ?? new MemoryStateStore({ onEvict: logEviction });
  const store = options.namespace === undefined ? shared : namespacedStore(shared, options.namespace);
  // The store's budget: the caller's, or else what the deadline of the call under way leaves.
  let callDeadline: number | undefined;
  const remainingMs =
    options.remainingMs ??
    ((): number => (callDeadline === undefined ? Number.POSITIVE_INFINITY : callDeadline - Date.now()));
  const budget = {
    remainingMs,
    ...(options.storeRetry === undefined ? {} : { storeRetry: options.storeRetry }),
  };
  const filter: NoiseFilter =
    options.filter !== undefined && 'decide' in options.filter
      ? (options.filter as NoiseFilter)
      : createNoiseFilter({ ...budget, ...(options.filter as NoiseFilterOptions | undefined), store });
  const sender = options.sender;
  const threadsOn = options.threads ?? sender.update !== undefined;
  const threads: DeploymentThreads | undefined = threadsOn
    ? createDeploymentThreads({
        sender,
        store,
        ...budget,
        ...(options.render === undefined ? {} : { render: options.render }),
      })
    : undefined;
  const clock = options.clock ?? Date.now;
  const onInvalid = options.onInvalid ?? 'alert';

  const describe = (id: string | undefined, c: Classification | undefined) => ({
    ...(id === undefined ? {} : { id }),
    ...(c === undefined
      ? {}
      : {
          kind: c.kind,
          outcome: c.outcome,
          severity: c.severity,
          ...(c.identity.cluster === undefined ? {} : { cluster: c.identity.cluster }),
          ...(c.identity.service === undefined ? {} : { service: c.identity.service }),
          ...(c.missing === undefined ? {} : { missing: c.missing }),
        }),
  });

  const failed = (
    { id, c }: { readonly id?: string | undefined; readonly c?: Classification | undefined },
    error: unknown,
  ): PipelineResult => {
    log({ level: 'error', msg: 'failed', ...describe(id, c), detail: errorLine(error) });
    return { status: 'failed', ...(c === undefined ? {} : { classification: c }), error };
  };

  /** Delivers a notify or digest decision, to the channel or into the event's deployment thread. */
  async function deliver(decision: NotifyDecision | DigestDecision, where: Delivery): Promise<string> {
    const { event, thread, deadline, evidence } = where;
    const timing = deadline === undefined ? {} : { deadline };
    const render = evidence === undefined ? options.render : { ...options.render, evidence };
    if (thread === undefined) {
      await sender.post(renderDecision(decision, event, render), timing);
      return decision.action === 'digest' ? 'digest' : decision.recovery ? 'recovery' : 'alert';
    }
    // The card is the news of a deployment starting; everything else is a reply in its thread.
    const outcome = decision.action === 'notify' ? decision.classification.outcome : undefined;
    if (outcome !== undefined && outcomeRecord(outcome).deploymentState === 'in-progress') return 'card';
    await sender.post(renderDecision(decision, event, render), { threadTs: thread.ts, ...timing });
    return 'thread-reply';
  }

  /**
   * Delivers a decision and settles it: released when not delivered, committed once delivered.
   * Throws only when the delivery failed; a commit error comes back as `unsettled`.
   */
  async function deliverAndSettle(
    decision: NotifyDecision | DigestDecision,
    where: Delivery,
  ): Promise<{ what: string; unsettled?: unknown }> {
    let what: string;
    try {
      what = await deliver(decision, where);
    } catch (error) {
      // The delivery's error is the one to report; a release that fails too leaves claims that
      // expire on their own.
      await filter.release(decision, clock()).catch(() => undefined);
      throw error;
    }
    // Slack has the message now, so it is never released (that would credit a sent digest back
    // and free the claims for a second post) and never reported as failed (the retry would post it
    // again once the lease ends). A failed commit costs less: the claims stay pending until the
    // lease ends, and a problem or steady mark may be missing (see docs/noise.md).
    try {
      await filter.commit(decision, clock());
      return { what };
    } catch (error) {
      return { what, unsettled: error };
    }
  }

  /** Logs a delivered decision: a warning when its commit failed, since state was not saved. */
  const sent = (
    id: string | undefined,
    c: Classification,
    delivered: { what: string; unsettled?: unknown },
  ): PipelineResult => {
    if (!('unsettled' in delivered)) {
      log({ level: 'info', msg: 'sent', ...describe(id, c), reason: delivered.what });
      return { status: 'sent', classification: c };
    }
    const detail = `delivered, but the filter state was not saved: ${errorLine(delivered.unsettled)}`;
    log({ level: 'warn', msg: 'sent', ...describe(id, c), reason: delivered.what, detail });
    return { status: 'sent', classification: c, error: delivered.unsettled };
  };

  /** Classifies, filters, delivers and settles one event; `missing` names what a salvaged event lacked. */
  async function run(
    event: EcsEvent,
    id: string,
    deadline: number | undefined,
    missing: readonly string[] | undefined,
  ): Promise<PipelineResult> {
    callDeadline = deadline;
    let c: Classification | undefined;
    try {
      c = classify(event);
      if (missing !== undefined && missing.length > 0) c = { ...c, missing };
      if (deadline !== undefined && Date.now() >= deadline) {
        // Nothing claimed yet: the event is simply handed back whole.
        const detail = 'not started: the deadline has passed';
        log({ level: 'warn', msg: 'deferred', ...describe(id, c), reason: 'deadline', detail });
        return { status: 'deferred', classification: c };
      }
      const now = clock();
      const thread = threads === undefined ? undefined : await threads.observe(event, c, now);
      const decision = await filter.decide(event, c, now);
      if (decision.action === 'suppress') {
        log({ level: 'info', msg: 'suppressed', ...describe(id, c), reason: decision.reason, detail: decision.detail });
        return { status: 'suppressed', classification: c };
      }
      if (decision.action === 'defer') {
        log({ level: 'warn', msg: 'deferred', ...describe(id, c), detail: decision.detail });
        return { status: 'deferred', classification: c };
      }
      const evidence =
        options.enrich === undefined ? undefined : await evidenceWithin(options.enrich, event, c, deadline);
      return sent(id, c, await deliverAndSettle(decision, { event, thread, deadline, evidence }));
    } catch (error) {
      return failed({ id, c }, error);
    }
  }

  return {
    async handle(event, handleOptions = {}) {
      if (typeof handleOptions !== 'object' || handleOptions === null) {
        throw new TypeError(
          'pipeline.handle: the second argument is an options object: handle(event, { id, deadline })',
        );
      }
      return run(event, handleOptions.id ?? event.id, handleOptions.deadline, undefined);
    },

    async handleRecord(record, recordOptions = {}) {
      const deadline = recordOptions.deadline;
      if (record.success) return run(record.data, record.id, deadline, undefined);
      const salvaged = onInvalid === 'alert' && record.input !== undefined ? salvageEcsEvent(record.input) : undefined;
      if (salvaged !== undefined) return run(salvaged.event, record.id, deadline, salvaged.missing);
      const drop = onInvalid === 'drop';
      log({ level: 'warn', msg: drop ? 'dropped' : 'invalid', id: record.id, detail: errorLine(record.error) });
      return { status: drop ? 'dropped' : 'invalid', error: record.error };
    },

    async flush(flushOptions = {}) {
      const deadline = flushOptions.deadline;
      callDeadline = deadline;
      const results: PipelineResult[] = [];
      let due: DigestDecision[];
      try {
        due = await filter.flush(clock());
      } catch (error) {
        return [failed({}, error)];
      }
      for (const decision of due) {
        const c = decision.digest.latest.classification;
        const id = decision.digest.latest.event.id;
        if (deadline !== undefined && Date.now() >= deadline) {
          // Released, the digest stays due: the next flush sends it.
          await filter.release(decision, clock()).catch(() => undefined);
          const detail = 'digest not started: the deadline has passed';
          log({ level: 'warn', msg: 'deferred', ...describe(id, c), reason: 'deadline', detail });
          results.push({ status: 'deferred', classification: c });
          continue;
        }
        try {
          results.push(sent(id, c, await deliverAndSettle(decision, { deadline })));
        } catch (error) {
          results.push(failed({ id, c }, error));
        }
      }
      return results;
    },
  };
}

/** Where a decision goes: the event (none for a digest), its deployment thread, the deadline, its evidence. */
interface Delivery {
  readonly event?: EcsEvent | undefined;
  readonly thread?: DeploymentThread | undefined;
  readonly deadline?: number | undefined;
  readonly evidence?: Evidence | undefined;
}

/**
 * One line about an error, safe to log: its class name and the first line of its message, with
 * anything shaped like a URL, a webhook path or a token replaced (ecs-slack's own errors are
 * redacted already; one from another copy of the package, or a foreign one, may not be).
 *
 * @internal
 */
export function errorLine(error: unknown): string {
  if (isEcsSlackError(error)) return redact(`${error.name}: ${error.message}`);
  if (error instanceof Error) return redact(`${error.name}: ${error.message.split('\n')[0] ?? ''}`).slice(0, 300);
  return 'non-error thrown';
}

/** The free-text fields of a log entry. */
const FREE_TEXT = ['id', 'cluster', 'service', 'detail'] as const;

/** The logger, given entries whose free text is redacted, whatever its source (event names too). */
function redacting(logger: PipelineLogger): PipelineLogger {
  return (entry) => {
    const out: { -readonly [K in keyof PipelineLogEntry]: PipelineLogEntry[K] } = { ...entry };
    for (const key of FREE_TEXT) {
      const value = out[key];
      if (value !== undefined) out[key] = redact(value);
    }
    logger(out);
  };
}
