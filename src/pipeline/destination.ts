/**
 * One destination of the pipeline: its sender, its state, its noise filters (one per route
 * filter of a policy), its deployment threads, and how an event or a digest is rendered for it
 * (Slack, or Amazon Q by the sender's `format`), delivered and settled.
 *
 * @internal
 * @module
 */
import type { Classification } from '../classify/classification.js';
import { outcomeRecord } from '../classify/outcomes.js';
import type { AmazonQSender } from '../deliver/amazon-q/sns-sender.js';
import { isPaceDeferral } from '../deliver/pace.js';
import type { PostOptions, SlackSender } from '../deliver/sender.js';
import { createDeploymentThreads, type DeploymentThread, type DeploymentThreads } from '../deliver/threads/index.js';
import type { EcsEvent } from '../events/index.js';
import type { DigestDecision, NoiseFilter, NotifyDecision } from '../filter/decision.js';
import type { NoiseFilterOptions, SilenceCheck } from '../filter/filter-options.js';
import { createProbedNoiseFilter } from '../filter/noise-filter.js';
import type { SilenceProbe } from '../filter/filter-options.js';
import type { RouteFilter } from '../policy/schema.js';
import { renderAmazonQDecision } from '../render/amazon-q/render.js';
import { renderDecision } from '../render/decision.js';
import type { Evidence } from '../render/evidence.js';
import type { RenderOptions } from '../render/options.js';
import type { StoreRetryOptions } from '../state/retrying-store.js';
import type { StateStore } from '../state/store.js';
import { createGrouping, type Grouping, type IncidentSender } from './group/grouping.js';
import { renderIncident } from '../render/incident.js';
import { renderAmazonQIncident } from '../render/amazon-q/incident.js';
import type { ResolvedGroupOptions } from './group/options.js';

/**
 * Where a pipeline posts: a Slack sender, or an Amazon Q sender (`format: 'amazon-q'`).
 *
 * @internal
 */
export type AlertSender = SlackSender | AmazonQSender;

/**
 * Whether a sender takes Amazon Q notifications rather than Slack messages.
 *
 * @internal
 */
export function isAmazonQ(sender: AlertSender): sender is AmazonQSender {
  return (sender as { format?: unknown }).format === 'amazon-q';
}

/**
 * What a destination did with an event or a digest.
 *
 * @internal
 */
export type DestinationOutcome =
  | { readonly status: 'sent'; readonly what: string; readonly unsettled?: unknown }
  | { readonly status: 'suppressed'; readonly reason: string; readonly detail: string }
  | { readonly status: 'deferred'; readonly detail: string }
  | { readonly status: 'failed'; readonly error: unknown };

/**
 * What a destination is made of.
 *
 * @internal
 */
export interface DestinationSetup {
  /** The policy's name for it; `undefined` for the one destination of a pipeline without a policy. */
  readonly name: string | undefined;
  readonly sender: AlertSender;
  /** The destination's state (under its own namespace with a policy). */
  readonly store: StateStore;
  /** A noise filter, or the options every filter of this destination starts from. */
  readonly filter: NoiseFilter | NoiseFilterOptions | undefined;
  /** The route filters of the routes that send here (`undefined` for a route without one). */
  readonly routeFilters: ReadonlyArray<RouteFilter | undefined>;
  readonly render: RenderOptions;
  /** The `threads` option; Amazon Q destinations never have threads. */
  readonly threads: boolean | undefined;
  readonly remainingMs: () => number;
  readonly storeRetry: StoreRetryOptions | false | undefined;
  readonly silenced: SilenceCheck | undefined;
  /** Whether a silence holds an event, not counted: with it, a repeat can be folded by its id alone. */
  readonly silenceProbe: SilenceProbe | undefined;
  readonly clock: () => number;
  /** Grouping into incidents, `undefined` when off. */
  readonly group?: ResolvedGroupOptions | undefined;
}

/**
 * How one event is handled at a destination.
 *
 * @internal
 */
export interface EventDelivery {
  /** The route's filter overrides, if any. */
  readonly routeFilter?: RouteFilter | undefined;
  /** The route's mentions, replacing the render options' when given. */
  readonly mentions?: RenderOptions['mentions'] | undefined;
  readonly deadline: number | undefined;
  /** A silence holds the event: no deployment card is touched for it. */
  readonly silenced: boolean;
  /** The event's evidence, gathered once for all destinations, and only when one of them alerts. */
  readonly evidence?: (() => Promise<Evidence | undefined>) | undefined;
}

/**
 * A destination, ready to take events and digests.
 *
 * @internal
 */
export interface Destination {
  readonly name: string | undefined;
  readonly sender: AlertSender;
  readonly store: StateStore;
  readonly render: RenderOptions;
  /** Its grouping into incidents, when on. */
  readonly grouping: Grouping | undefined;
  /** Filters, renders, delivers and settles one event. Never throws. */
  handle(event: EcsEvent, c: Classification, delivery: EventDelivery): Promise<DestinationOutcome>;
  /** The due digests of this destination, claimed, and the filter that settles them. */
  due(now: number): Promise<{ readonly filter: NoiseFilter; readonly digests: DigestDecision[] } | undefined>;
  /** Delivers a decision and settles it with `filter`: released when not delivered, committed once delivered. */
  deliverAndSettle(
    filter: NoiseFilter,
    decision: NotifyDecision | DigestDecision,
    where: Where,
  ): Promise<DestinationOutcome>;
  /** Delivers the digests of one incident as one message, and settles each with `filter`. */
  deliverIncidentDigest(
    filter: NoiseFilter,
    decisions: readonly DigestDecision[],
    where: Pick<Where, 'render' | 'deadline'>,
  ): Promise<DestinationOutcome>;
}

/** Where a decision goes: its event (none for a digest), its deployment thread, how it is drawn, the deadline. */
interface Where {
  readonly event?: EcsEvent | undefined;
  readonly thread?: DeploymentThread | undefined;
  readonly render: RenderOptions;
  readonly deadline: number | undefined;
}

/** Why a post the pace could not start in time is deferred (the pipeline logs it as `deadline`). */
const PACE_DEFERRED = 'not sent: its turn in the pace comes after the deadline';

/** A filter's key among a destination's filters: its route's overrides. */
function filterKey(routeFilter: RouteFilter | undefined): string {
  return routeFilter === undefined ? '' : JSON.stringify(routeFilter);
}

/**
 * Creates a destination.
 *
 * @internal
 */
export function createDestination(setup: DestinationSetup): Destination {
  const { sender, store, clock } = setup;
  const amazonQ = isAmazonQ(sender);
  const budget = {
    remainingMs: setup.remainingMs,
    ...(setup.storeRetry === undefined ? {} : { storeRetry: setup.storeRetry }),
  };
  const given = setup.filter !== undefined && 'decide' in setup.filter ? (setup.filter as NoiseFilter) : undefined;
  const filters = new Map<string, NoiseFilter>();
  const filterFor = (routeFilter: RouteFilter | undefined): NoiseFilter => {
    if (given !== undefined) return given;
    const key = filterKey(routeFilter);
    let filter = filters.get(key);
    if (filter === undefined) {
      const options: NoiseFilterOptions = {
        ...budget,
        ...(setup.filter as NoiseFilterOptions | undefined),
        ...routeFilter,
        store,
        ...(setup.silenced === undefined ? {} : { silenced: setup.silenced }),
      };
      filter = createProbedNoiseFilter(options, setup.silenced === undefined ? undefined : setup.silenceProbe);
      filters.set(key, filter);
    }
    return filter;
  };
  // Every filter this destination can need, now: a filter's options are checked at creation.
  for (const routeFilter of setup.routeFilters.length === 0 ? [undefined] : setup.routeFilters) filterFor(routeFilter);
  const slack = amazonQ ? undefined : (sender as SlackSender);
  const threads: DeploymentThreads | undefined =
    slack !== undefined && (setup.threads ?? slack.update !== undefined)
      ? createDeploymentThreads({
          sender: slack,
          store,
          ...budget,
          render: setup.render,
          // While alerts are grouped into incidents, only a rollout opens a card: an outage's
          // task failures join their incident, not one card per service.
          openOnTask: setup.group === undefined,
        })
      : undefined;
  // Incidents go out as Slack messages, or as Amazon Q notifications (posted, never edited).
  const incidentSender: IncidentSender = amazonQ
    ? {
        post: async (incident, timing, render = setup.render) => {
          await (sender as AmazonQSender).post(renderAmazonQIncident(incident, render), timing);
          return {};
        },
      }
    : {
        post: (incident, timing, render = setup.render) => slack!.post(renderIncident(incident, render), timing),
        update:
          slack!.update === undefined
            ? undefined
            : (channel, ts, incident) => slack!.update!(channel, ts, renderIncident(incident, setup.render)),
      };
  const grouping: Grouping | undefined =
    setup.group === undefined
      ? undefined
      : createGrouping({
          store,
          sender: incidentSender,
          options: { ...setup.group, digestWindowMs: digestWindowMs([...(given ? [given] : []), ...filters.values()]) },
          clock,
        });

  /** Posts a decision: to the channel, into the event's deployment thread, or to Amazon Q. */
  async function post(decision: NotifyDecision | DigestDecision, where: Where): Promise<string> {
    const { event, thread, render, deadline } = where;
    const timing = deadline === undefined ? {} : { deadline };
    const what = decision.action === 'digest' ? 'digest' : decision.recovery ? 'recovery' : 'alert';
    if (amazonQ) {
      await (sender as AmazonQSender).post(renderAmazonQDecision(decision, event, render), timing);
      return what;
    }
    const message = renderDecision(decision, event, render);
    if (thread === undefined) {
      await slack!.post(message, timing);
      return what;
    }
    // The card is the news of a deployment starting; everything else is a reply in its thread,
    // and a service's error (start impaired during a rollout) is shown in the channel too.
    const c = decision.action === 'notify' ? decision.classification : undefined;
    if (c !== undefined && outcomeRecord(c.outcome).deploymentState === 'in-progress') return 'card';
    const reply: PostOptions = { threadTs: thread.ts, ...timing };
    const broadcast = c?.kind === 'service' && c.severity === 'error';
    await slack!.post(message, broadcast ? { ...reply, replyBroadcast: true } : reply);
    return broadcast ? 'thread-broadcast' : 'thread-reply';
  }

  async function deliverAndSettle(
    filter: NoiseFilter,
    decision: NotifyDecision | DigestDecision,
    where: Where,
  ): Promise<DestinationOutcome> {
    let what: string;
    try {
      what = await post(decision, where);
    } catch (error) {
      // The delivery's error is the one to report; a release that fails too leaves claims that
      // expire on their own.
      await filter.release(decision, clock()).catch(() => undefined);
      if (isPaceDeferral(error)) return { status: 'deferred', detail: PACE_DEFERRED };
      return { status: 'failed', error };
    }
    // Slack has the message now, so it is never released (that would credit a sent digest back
    // and free the claims for a second post) and never reported as failed (the retry would post it
    // again once the lease ends). A failed commit costs less: the claims stay pending until the
    // lease ends, and a problem or steady mark may be missing (see docs/noise.md).
    try {
      await filter.commit(decision, clock());
      return { status: 'sent', what };
    } catch (error) {
      return { status: 'sent', what, unsettled: error };
    }
  }

  return {
    name: setup.name,
    sender,
    store,
    render: setup.render,
    grouping,
    async handle(event, c, delivery) {
      const filter = filterFor(delivery.routeFilter);
      const render = delivery.mentions === undefined ? setup.render : { ...setup.render, mentions: delivery.mentions };
      try {
        const now = clock();
        const thread = threads === undefined || delivery.silenced ? undefined : await threads.observe(event, c, now);
        const decision = await filter.decide(event, c, now);
        if (decision.action === 'suppress')
          return { status: 'suppressed', reason: decision.reason, detail: decision.detail };
        if (decision.action === 'defer') return { status: 'deferred', detail: decision.detail };
        if (grouping !== undefined && decision.action === 'notify' && thread === undefined) {
          const grouped = await admitToIncident(grouping, filter, decision, {
            event,
            now,
            deadline: delivery.deadline,
          });
          if (grouped !== undefined) return grouped;
        }
        const evidence = decision.action === 'notify' ? await delivery.evidence?.() : undefined;
        const drawn = evidence === undefined ? render : { ...render, evidence };
        return await deliverAndSettle(filter, decision, { event, thread, render: drawn, deadline: delivery.deadline });
      } catch (error) {
        return { status: 'failed', error };
      }
    },
    async due(now) {
      // Fold windows keep their own length: any filter of the destination that folds flushes them all.
      const filter = given ?? [...filters.values()].find((f) => f.options.foldWindowSeconds !== false);
      if (filter === undefined) return undefined;
      return { filter, digests: await filter.flush(now) };
    },
    deliverAndSettle: (filter, decision, where) => deliverAndSettle(filter, decision, where),
    async deliverIncidentDigest(filter, decisions, where) {
      try {
        const timing = where.deadline === undefined ? {} : { deadline: where.deadline };
        await incidentSender.post(grouping!.digestIncident(decisions), timing, where.render);
      } catch (error) {
        for (const decision of decisions) await filter.release(decision, clock()).catch(() => undefined);
        if (isPaceDeferral(error)) return { status: 'deferred', detail: PACE_DEFERRED };
        return { status: 'failed', error };
      }
      let unsettled: unknown;
      for (const decision of decisions) {
        await filter.commit(decision, clock()).catch((error: unknown) => {
          unsettled ??= error;
        });
      }
      return unsettled === undefined
        ? { status: 'sent', what: 'incident-digest' }
        : { status: 'sent', what: 'incident-digest', unsettled };
    },
  };
}

/**
 * Records a notify decision on its incident. `undefined`: send it as usual (not grouped, the
 * incident's first alert, or the incident's state failed). Otherwise the decision is committed (the grouped message reports it,
 * and the flush sends that, so nothing is lost) and the event is suppressed as `grouped`; with
 * a sender that edits messages, the grouped message is posted or updated at once.
 */
async function admitToIncident(
  grouping: Grouping,
  filter: NoiseFilter,
  decision: NotifyDecision,
  at: { readonly event: EcsEvent; readonly now: number; readonly deadline: number | undefined },
): Promise<DestinationOutcome | undefined> {
  let admission: Awaited<ReturnType<Grouping['admit']>>;
  try {
    admission = await grouping.admit(at.event, decision.classification, decision.recovery, at.now);
  } catch {
    // The incident's state cannot be read or written: the alert goes out on its own, rather
    // than wait (one message more beats one alert late).
    return undefined;
  }
  if (admission.action === 'send') return undefined;
  let detail = admission.detail;
  try {
    await filter.commit(decision, at.now);
  } catch {
    detail = `${detail} (not recorded as handled: the state store failed)`;
  }
  const shown = await grouping.showNow(admission.key, at.deadline).catch((error: unknown) => ({ error }));
  if (shown?.error !== undefined) detail = `${detail}; the grouped message was not updated now, the flush sends it`;
  return { status: 'suppressed', reason: 'grouped', detail };
}

/** The longest fold window of a destination's filters, in ms (0 when none folds). */
function digestWindowMs(filters: readonly NoiseFilter[]): number {
  return Math.max(
    0,
    ...filters.map((f) => (f.options.foldWindowSeconds === false ? 0 : f.options.foldWindowSeconds * 1000)),
  );
}
