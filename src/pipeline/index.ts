/**
 * `createPipeline`: parse, classify, filter, render and deliver, with every decision settled and
 * logged; with a policy, per destination. The Lambda handler is a thin layer over it; use it
 * directly in your own handlers.
 *
 * @module
 */
import { checkPipelineOptions } from './check-options.js';
import { classify } from '../classify/index.js';
import type { Classification } from '../classify/classification.js';
import type { AmazonQSender } from '../deliver/amazon-q/sns-sender.js';
import type { SlackSender } from '../deliver/sender.js';
import type { EcsEvent } from '../events/index.js';
import type { DigestDecision, NoiseFilter } from '../filter/decision.js';
import type { NoiseFilterOptions } from '../filter/filter-options.js';
import { evictionDetail } from '../filter/keys.js';
import type { ParsedRecord } from '../parse/index.js';
import { salvageEcsEvent } from '../parse/lenient.js';
import type { Enricher, Evidence } from '../render/evidence.js';
import { evidenceWithin } from './evidence.js';
import { parsePolicy } from '../policy/load.js';
import { routeFor, type RouteChoice } from '../policy/route.js';
import type { Policy, RouteFilter } from '../policy/schema.js';
import { applyPolicySeverity } from '../policy/severity.js';
import { createSilences, type Silences } from '../policy/silences.js';
import type { RenderOptions } from '../render/options.js';
import { MemoryStateStore, type StateEviction } from '../state/memory-store.js';
import { namespacedStore } from '../state/namespaced-store.js';
import type { StoreRetryOptions } from '../state/retrying-store.js';
import type { StateStore } from '../state/store.js';
import { ConfigError } from '../errors.js';
import {
  type AlertSender,
  createDestination,
  type Destination,
  type DestinationOutcome,
  isAmazonQ,
} from './destination.js';
import { errorLine, jsonLineLogger, redacting, type PipelineLogger } from './log.js';
import { createSilencing, type Silencing } from './silencing.js';
import { createPacedSender, type PaceOptions } from '../deliver/pace.js';
import { type GroupOptions, resolveGroupOptions } from './group/options.js';

export { jsonLineLogger, type PipelineLogEntry, type PipelineLogger } from './log.js';

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

/**
 * Composes the pipeline: classify (with the policy's severities), route, filter (with its state),
 * render, deliver (to the channel, into a deployment's thread, or to Amazon Q), settle and log.
 *
 * @param options - Sender (or policy and destinations), filter, store, rendering, threads,
 *   silences, logger and clock.
 * @returns The pipeline.
 * @throws `ConfigError` naming the option, for an option of the wrong shape (a filter without
 *   `commit`, an unknown option name, threads with a sender that cannot update messages, an
 *   invalid policy, a policy destination without a sender).
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
  const policy = policyOf(options);
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
  const clock = options.clock ?? Date.now;
  const onInvalid = options.onInvalid ?? 'alert';
  const silences = options.silences === false ? undefined : (options.silences ?? createSilences({ store: shared }));
  const silencing: Silencing | undefined = silences === undefined ? undefined : createSilencing(silences, clock);
  const render: RenderOptions =
    policy?.styles === undefined
      ? (options.render ?? {})
      : { ...options.render, styles: { ...policy.styles, ...options.render?.styles } };
  // On by default: an outage reads as one incident, and no destination provokes Slack's 429.
  const group = resolveGroupOptions('createPipeline', options.group ?? {}, policy?.group);
  const pace = options.pace ?? {};
  // Amazon Q notifications go through SNS, not Slack's rate: never paced.
  const paced = (sender: AlertSender, own: StateStore): AlertSender =>
    pace === false || isAmazonQ(sender) ? sender : createPacedSender(sender, { ...pace, store: own, bucket: 'slack' });
  const common = {
    group,
    filter: options.filter,
    render,
    threads: options.threads,
    remainingMs,
    storeRetry: options.storeRetry,
    silenced: silencing?.check,
    silenceProbe: silencing?.holds,
    clock,
  };
  const destinations = new Map<string | undefined, Destination>();
  if (policy === undefined) {
    const sender = paced(options.sender as AlertSender, store);
    destinations.set(undefined, createDestination({ ...common, name: undefined, sender, store, routeFilters: [] }));
  } else {
    for (const name of Object.keys(policy.destinations)) {
      const own = namespacedStore(store, name);
      const sender = paced(options.destinations![name]!, own);
      const routeFilters = routeFiltersOf(policy, name);
      destinations.set(name, createDestination({ ...common, name, sender, store: own, routeFilters }));
    }
  }

  /** The classification the routes, filters and renderers see: the policy's severity on top. */
  const judged = (event: EcsEvent, c: Classification): Classification =>
    policy === undefined ? c : applyPolicySeverity(policy, event, c);
  /** Where an event goes: its routes' destinations, or the one destination. */
  const choicesFor = (c: Classification): ReadonlyArray<RouteChoice | undefined> =>
    policy === undefined ? [undefined] : routeFor(policy, c);

  const describe = (id: string | undefined, c: Classification | undefined, choice?: RouteChoice) => ({
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
    ...(choice === undefined ? {} : { destination: choice.destination, route: choice.route }),
  });

  /** Logs what a destination did, and returns its status. */
  function report(
    id: string | undefined,
    c: Classification | undefined,
    choice: RouteChoice | undefined,
    outcome: DestinationOutcome,
  ): void {
    const where = describe(id, c, choice);
    switch (outcome.status) {
      case 'sent':
        if (!('unsettled' in outcome) || outcome.unsettled === undefined) {
          log({ level: 'info', msg: 'sent', ...where, reason: outcome.what });
        } else {
          const detail = `delivered, but the filter state was not saved: ${errorLine(outcome.unsettled)}`;
          log({ level: 'warn', msg: 'sent', ...where, reason: outcome.what, detail });
        }
        return;
      case 'suppressed':
        log({ level: 'info', msg: 'suppressed', ...where, reason: outcome.reason, detail: outcome.detail });
        return;
      case 'deferred':
        log({
          level: 'warn',
          msg: 'deferred',
          ...where,
          ...(outcome.detail.includes('deadline') ? { reason: 'deadline' } : {}),
          detail: outcome.detail,
        });
        return;
      case 'failed':
        log({ level: 'error', msg: 'failed', ...where, detail: errorLine(outcome.error) });
    }
  }

  /** Classifies, routes, filters, delivers and settles one event; `missing` names what a salvaged event lacked. */
  async function run(
    event: EcsEvent,
    id: string,
    deadline: number | undefined,
    missing: readonly string[] | undefined,
  ): Promise<PipelineResult> {
    callDeadline = deadline;
    let c: Classification | undefined;
    let choices: ReadonlyArray<RouteChoice | undefined>;
    let silenced = false;
    try {
      c = classify(event);
      if (missing !== undefined && missing.length > 0) c = { ...c, missing };
      c = judged(event, c);
      choices = choicesFor(c);
      if (silencing !== undefined) {
        silencing.begin(event, policy === undefined ? [] : choices.map((choice) => choice!.destination));
        silenced = await silencing.holds(event, c, clock());
      }
    } catch (error) {
      log({ level: 'error', msg: 'failed', ...describe(id, c), detail: errorLine(error) });
      return { status: 'failed', ...(c === undefined ? {} : { classification: c }), error };
    }
    const results: Array<{ choice: RouteChoice | undefined; outcome: DestinationOutcome }> = [];
    const enrich = options.enrich;
    const classified = c;
    let gathering: Promise<Evidence | undefined> | undefined;
    const evidence =
      enrich === undefined ? undefined : () => (gathering ??= evidenceWithin(enrich, event, classified, deadline));
    for (const choice of choices) {
      let outcome: DestinationOutcome;
      if (deadline !== undefined && Date.now() >= deadline) {
        // Nothing claimed for it yet: the event is handed back, and this destination takes it then.
        outcome = { status: 'deferred', detail: 'not started: the deadline has passed' };
      } else {
        const destination = destinations.get(choice?.destination)!;
        outcome = await destination.handle(event, c, {
          routeFilter: choice?.filter,
          mentions: choice?.mentions,
          deadline,
          silenced,
          evidence,
        });
      }
      report(id, c, choice, outcome);
      results.push({ choice, outcome });
    }
    return summarise(c, results, policy !== undefined);
  }

  /** Sends the due digests of one destination. */
  async function flushDestination(destination: Destination, deadline: number | undefined): Promise<PipelineResult[]> {
    const results: PipelineResult[] = [];
    let due: { filter: NoiseFilter; digests: DigestDecision[] } | undefined;
    try {
      due = await destination.due(clock());
    } catch (error) {
      const choice = destination.name === undefined ? undefined : { destination: destination.name, route: 'flush' };
      report(undefined, undefined, choice, { status: 'failed', error });
      return [{ status: 'failed', error }];
    }
    const digests = await heldBack(destination, due);
    const buckets = destination.grouping === undefined ? digests.map((d) => [d]) : destination.grouping.bucket(digests);
    for (const bucket of buckets) {
      if (bucket.length > 1) {
        results.push(...(await flushIncidentDigest(destination, due!.filter, bucket, deadline)));
        continue;
      }
      const found = bucket[0]!;
      const { event } = found.digest.latest;
      const c = judged(event, found.digest.latest.classification);
      const decision: DigestDecision = { ...found, digest: { ...found.digest, latest: { event, classification: c } } };
      const choice =
        destination.name === undefined ? undefined : choicesFor(c).find((ch) => ch?.destination === destination.name);
      const shown =
        destination.name === undefined ? undefined : (choice ?? { destination: destination.name, route: 'flush' });
      let outcome: DestinationOutcome;
      if (deadline !== undefined && Date.now() >= deadline) {
        // Released, the digest stays due: the next flush sends it.
        await due!.filter.release(decision, clock()).catch(() => undefined);
        outcome = { status: 'deferred', detail: 'digest not started: the deadline has passed' };
      } else {
        const mentions = choice?.mentions;
        const where = mentions === undefined ? destination.render : { ...destination.render, mentions };
        outcome = await destination.deliverAndSettle(due!.filter, decision, { render: where, deadline });
      }
      report(event.id, c, shown, outcome);
      results.push(resultOf(c, outcome));
    }
    return results;
  }

  /**
   * The due digests that go out now: a digest of a service in an incident with others waits,
   * released (its count kept), for theirs, so that the incident's digests go out as one.
   */
  async function heldBack(
    destination: Destination,
    due: { readonly filter: NoiseFilter; readonly digests: DigestDecision[] } | undefined,
  ): Promise<DigestDecision[]> {
    const windowSeconds = due?.filter.options.foldWindowSeconds;
    if (due === undefined || destination.grouping === undefined || windowSeconds === false) return due?.digests ?? [];
    const now = clock();
    const sending: DigestDecision[] = [];
    for (const digest of due.digests) {
      // The incident's state cannot be read: the digest goes out now, on its own if it must.
      const waits = await destination.grouping.waits(digest, now, windowSeconds! * 1000).catch(() => false);
      if (!waits) sending.push(digest);
      else if (
        !(await due.filter.release(digest, now).then(
          () => true,
          () => false,
        ))
      )
        sending.push(digest);
    }
    return sending;
  }

  /** Sends the digests of one incident as one message, and logs each. */
  async function flushIncidentDigest(
    destination: Destination,
    filter: NoiseFilter,
    bucket: DigestDecision[],
    deadline: number | undefined,
  ): Promise<PipelineResult[]> {
    const shown = destination.name === undefined ? undefined : { destination: destination.name, route: 'flush' };
    let outcome: DestinationOutcome;
    if (deadline !== undefined && Date.now() >= deadline) {
      for (const decision of bucket) await filter.release(decision, clock()).catch(() => undefined);
      outcome = { status: 'deferred', detail: 'digest not started: the deadline has passed' };
    } else {
      outcome = await destination.deliverIncidentDigest(filter, bucket, { render: destination.render, deadline });
    }
    return bucket.map((decision) => {
      const { event } = decision.digest.latest;
      const c = judged(event, decision.digest.latest.classification);
      report(event.id, c, shown, outcome);
      return resultOf(c, outcome);
    });
  }

  /** Sends the grouped messages of one destination whose window has closed. */
  async function flushIncidents(destination: Destination, deadline: number | undefined): Promise<PipelineResult[]> {
    if (destination.grouping === undefined) return [];
    const choice = destination.name === undefined ? undefined : { destination: destination.name, route: 'incident' };
    try {
      const sent = await destination.grouping.flush(deadline);
      return sent.map((delivery) => {
        const outcome: DestinationOutcome =
          delivery.error === undefined
            ? { status: 'sent', what: 'incident' }
            : { status: 'failed', error: delivery.error };
        report(undefined, delivery.classification, choice, outcome);
        return resultOf(delivery.classification, outcome);
      });
    } catch (error) {
      report(undefined, undefined, choice, { status: 'failed', error });
      return [{ status: 'failed', error }];
    }
  }

  /** Where the summary of a silence goes: the destinations its events would have gone to, else the default route's. */
  const summaryTargets = (destinationsOfSummary: readonly string[]): Destination[] => {
    if (policy === undefined) return [destinations.get(undefined)!];
    const known = destinationsOfSummary.filter((name) => destinations.has(name));
    const names = known.length > 0 ? known : [policy.default.to].flat();
    return names.map((name) => destinations.get(name)!);
  };

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
      for (const destination of destinations.values()) {
        results.push(...(await flushDestination(destination, deadline)));
        results.push(...(await flushIncidents(destination, deadline)));
      }
      if (silencing === undefined) return results;
      try {
        const posted = await silencing.summaries(clock(), (summary) => summaryTargets(summary.destinations), deadline);
        for (const { destination, outcome } of posted) {
          const choice =
            destination.name === undefined ? undefined : { destination: destination.name, route: 'silence' };
          report(undefined, undefined, choice, outcome);
          results.push(resultOf(undefined, outcome));
        }
      } catch (error) {
        log({ level: 'error', msg: 'failed', reason: 'silence-summary', detail: errorLine(error) });
        results.push({ status: 'failed', error });
      }
      return results;
    },
  };
}

/** The policy, checked, when the options have one. */
function policyOf(options: PipelineOptions): Policy | undefined {
  if (options.policy === undefined) return undefined;
  let policy: Policy;
  try {
    policy = parsePolicy(options.policy);
  } catch (error) {
    throw new ConfigError(`createPipeline: options.policy: ${(error as Error).message}`, { cause: error });
  }
  const senders = options.destinations ?? {};
  for (const name of Object.keys(policy.destinations)) {
    if (!Object.hasOwn(senders, name))
      throw new ConfigError(
        `createPipeline: options.destinations.${name}: required, the sender of the policy's destination`,
      );
  }
  for (const name of Object.keys(senders)) {
    if (!Object.hasOwn(policy.destinations, name))
      throw new ConfigError(`createPipeline: options.destinations.${name}: the policy has no such destination`);
  }
  return policy;
}

/** The route filters of the routes (and default) that send to a destination. */
function routeFiltersOf(policy: Policy, name: string): Array<RouteFilter | undefined> {
  const routes = [...(policy.routes ?? []), policy.default];
  return routes.filter((route) => [route.to].flat().includes(name)).map((route) => route.filter);
}

/** A result of one delivery, for `flush`. */
function resultOf(c: Classification | undefined, outcome: DestinationOutcome): PipelineResult {
  const base = c === undefined ? {} : { classification: c };
  switch (outcome.status) {
    case 'sent':
      return { status: 'sent', ...base, ...(outcome.unsettled === undefined ? {} : { error: outcome.unsettled }) };
    case 'failed':
      return { status: 'failed', ...base, error: outcome.error };
    default:
      return { status: outcome.status, ...base };
  }
}

const RANK = { failed: 3, deferred: 2, sent: 1, suppressed: 0 } as const;

/** The event's result: the worst of its destinations', and with a policy each destination's. */
function summarise(
  c: Classification,
  results: ReadonlyArray<{ choice: RouteChoice | undefined; outcome: DestinationOutcome }>,
  perDestination: boolean,
): PipelineResult {
  let worst = results[0]!.outcome;
  for (const { outcome } of results) if (RANK[outcome.status] > RANK[worst.status]) worst = outcome;
  const result = resultOf(c, worst);
  if (!perDestination) return result;
  return {
    ...result,
    destinations: results.map(({ choice, outcome }) => ({
      destination: choice!.destination,
      route: choice!.route,
      status: outcome.status,
      ...(outcome.status === 'failed' ? { error: outcome.error } : {}),
    })),
  };
}
