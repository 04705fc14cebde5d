/**
 * `createPipeline`: parse, classify, filter, render and deliver, with every decision settled and
 * logged. The Lambda handler is a thin layer over it; use it directly in your own handlers.
 *
 * @module
 */
import { classify } from './classify/index.js';
import type { Classification } from './classify/types.js';
import type { SlackSender } from './deliver/sender.js';
import { createDeploymentThreads, type DeploymentThread, type DeploymentThreads } from './deliver/threads.js';
import { isEcsSlackError } from './errors.js';
import type { EcsEvent } from './events/index.js';
import { evictionDetail } from './filter/keys.js';
import { MemoryStateStore, type StateEviction } from './filter/memory-store.js';
import { namespacedStore } from './filter/namespaced-store.js';
import { createNoiseFilter } from './filter/noise-filter.js';
import type { StoreRetryOptions } from './filter/retrying-store.js';
import type { StateStore } from './filter/store.js';
import type { DigestDecision, NoiseFilter, NoiseFilterOptions, NotifyDecision } from './filter/types.js';
import { renderDecision } from './render/decision.js';
import type { RenderOptions } from './render/options.js';

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
  /**
   * Why it was suppressed or deferred, what was sent (`alert`, `digest`, `recovery`,
   * `thread-reply`), or the bound an eviction kept (`maxBytes`, `maxRecords`).
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
   * Deployment threads (a progress card per deployment, problems as replies). Default: on when
   * the sender can update messages (the Web API sender), off otherwise.
   */
  readonly threads?: boolean;
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
 * - `sent`: a message (alert, recovery, digest or thread reply) was delivered
 * - `suppressed`: the noise filter dropped it, with a reason
 * - `deferred`: another delivery of it is in flight; retry it later
 * - `failed`: delivery or state failed; `error` says why (a `DeliveryError` or
 *   `StateStoreError` says whether a retry may help in its `retryable`)
 */
export interface PipelineResult {
  /** What happened. */
  readonly status: 'sent' | 'suppressed' | 'deferred' | 'failed';
  /** The classification, when the event got that far. */
  readonly classification?: Classification;
  /**
   * The error, for `failed`; for `sent`, the state store error when the message was delivered
   * but the filter could not record it (not retried: a retry would post the message twice).
   */
  readonly error?: unknown;
}

/**
 * The composed pipeline.
 */
export interface Pipeline {
  /**
   * Classifies, filters, renders and delivers one parsed event, settling the filter's decision
   * (committed when delivered, released when not) and logging one line. Never throws: failures
   * come back as `failed`.
   *
   * @param event - A parsed event.
   * @param id - The record id for the log (SQS `messageId`); default the event id.
   * @returns What happened.
   */
  handle(event: EcsEvent, id?: string): Promise<PipelineResult>;
  /**
   * Sends the digests whose fold window has closed. Call it from a scheduled invocation, or after
   * each batch (the Lambda handler does).
   *
   * @returns One result per digest.
   */
  flush(): Promise<PipelineResult[]>;
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
 * @example
 * ```ts
 * const pipeline = createPipeline({ sender: createWebhookSender({ url }) });
 * for (const record of parseEcsEvents(input)) {
 *   if (record.success) await pipeline.handle(record.data, record.id);
 * }
 * ```
 */
export function createPipeline(options: PipelineOptions): Pipeline {
  const log = options.logger ?? jsonLineLogger;
  const logEviction = (eviction: StateEviction): void =>
    log({ level: 'warn', msg: 'evicted', reason: eviction.reason, detail: evictionDetail(eviction) });
  const shared = options.store ?? new MemoryStateStore({ onEvict: logEviction });
  const store = options.namespace === undefined ? shared : namespacedStore(shared, options.namespace);
  const budget = {
    ...(options.remainingMs === undefined ? {} : { remainingMs: options.remainingMs }),
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
        }),
  });

  const failed = (id: string | undefined, c: Classification | undefined, error: unknown): PipelineResult => {
    log({ level: 'error', msg: 'failed', ...describe(id, c), detail: errorLine(error) });
    return { status: 'failed', ...(c === undefined ? {} : { classification: c }), error };
  };

  /** Delivers a notify or digest decision, to the channel or into the event's deployment thread. */
  async function deliver(decision: NotifyDecision | DigestDecision, event: EcsEvent | undefined, thread: DeploymentThread | undefined): Promise<string> {
    if (thread === undefined) {
      await sender.post(renderDecision(decision, event, options.render));
      return decision.action === 'digest' ? 'digest' : decision.recovery ? 'recovery' : 'alert';
    }
    // The card is the news of a deployment starting; everything else is a reply in its thread.
    if (decision.action === 'notify' && decision.classification.outcome === 'deployment-started') return 'card';
    await sender.post(renderDecision(decision, event, options.render), { threadTs: thread.ts });
    return 'thread-reply';
  }

  /**
   * Delivers a decision and settles it: released when not delivered, committed once delivered.
   * Throws only when the delivery failed; a commit error comes back as `unsettled`.
   */
  async function deliverAndSettle(
    decision: NotifyDecision | DigestDecision,
    event: EcsEvent | undefined,
    thread: DeploymentThread | undefined,
  ): Promise<{ what: string; unsettled?: unknown }> {
    let what: string;
    try {
      what = await deliver(decision, event, thread);
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
  const sent = (id: string | undefined, c: Classification, delivered: { what: string; unsettled?: unknown }): PipelineResult => {
    if (!('unsettled' in delivered)) {
      log({ level: 'info', msg: 'sent', ...describe(id, c), reason: delivered.what });
      return { status: 'sent', classification: c };
    }
    const detail = `delivered, but the filter state was not saved: ${errorLine(delivered.unsettled)}`;
    log({ level: 'warn', msg: 'sent', ...describe(id, c), reason: delivered.what, detail });
    return { status: 'sent', classification: c, error: delivered.unsettled };
  };

  return {
    async handle(event, id = event.id) {
      let c: Classification | undefined;
      try {
        c = classify(event);
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
        return sent(id, c, await deliverAndSettle(decision, event, thread));
      } catch (error) {
        return failed(id, c, error);
      }
    },

    async flush() {
      const results: PipelineResult[] = [];
      let due: DigestDecision[];
      try {
        due = await filter.flush(clock());
      } catch (error) {
        return [failed(undefined, undefined, error)];
      }
      for (const decision of due) {
        const c = decision.digest.latest.classification;
        const id = decision.digest.latest.event.id;
        try {
          results.push(sent(id, c, await deliverAndSettle(decision, undefined, undefined)));
        } catch (error) {
          results.push(failed(id, c, error));
        }
      }
      return results;
    },
  };
}

/**
 * One line about an error, safe to log: ecs-slack's own errors never carry a URL or token; for
 * anything else only the class name and the first line of the message.
 *
 * @internal
 */
export function errorLine(error: unknown): string {
  if (isEcsSlackError(error)) return `${error.name}: ${error.message}`;
  if (error instanceof Error) return `${error.name}: ${redact(error.message.split('\n')[0] ?? '')}`;
  return 'non-error thrown';
}

/** Removes anything URL-shaped or token-shaped from a foreign error message. */
function redact(text: string): string {
  return text
    .replace(/https?:\/\/\S+/gi, '[url]')
    .replace(/\bxox[a-z]-[\w-]+/gi, '[token]')
    .slice(0, 300);
}
