/**
 * A destination's grouping: first alerts of one cluster and cause family become one incident,
 * shown in one grouped message (posted when the window closes, or posted at once and updated in
 * place by a sender that can edit messages); the digests of its services become one digest.
 *
 * @internal
 * @module
 */
import type { Classification, Outcome } from '../../classify/classification.js';
import { classify } from '../../classify/index.js';
import type { PostOptions } from '../../deliver/sender.js';
import type { EcsEvent } from '../../events/index.js';
import type { DigestDecision } from '../../filter/decision.js';
import { safeParseEcsEvent } from '../../parse/index.js';
import { type Incident, incidentTitle } from '../../render/incident.js';
import type { RenderOptions } from '../../render/options.js';
import { numberField, stringField } from '../../state/codec.js';
import type { StateKey, StateStore, StateValue } from '../../state/store.js';
import {
  type ClaimedIncident,
  claimIncident,
  digestWaits,
  dueIncidents,
  groupable,
  incidentKey,
  incidentLists,
  incidentServices,
  joinIncident,
  recoverInIncident,
  serviceName,
  settleIncident,
} from './incidents.js';
import type { ResolvedGroupOptions } from './options.js';

/** What grouping did with a first alert or a recovery. */
export type Admission =
  /** Not grouped, or the incident's first alert: send it as usual. */
  | { readonly action: 'send' }
  /** Recorded on its incident: the grouped message reports it. */
  | { readonly action: 'grouped'; readonly key: StateKey; readonly detail: string };

/** A grouped message sent (or not), for the pipeline's log. */
export interface IncidentDelivery {
  readonly classification: Classification | undefined;
  readonly title: string;
  readonly error?: unknown;
}

/** A destination's grouping. */
export interface Grouping {
  readonly options: ResolvedGroupOptions;
  /** Records a notify decision's alert or recovery on its incident, or says to send it. */
  admit(event: EcsEvent, c: Classification, recovery: boolean, now: number): Promise<Admission>;
  /** With a sender that edits messages: posts the incident's grouped message now, or updates it. */
  showNow(key: StateKey, deadline: number | undefined): Promise<IncidentDelivery | undefined>;
  /** Sends the grouped messages whose window has closed. */
  flush(deadline: number | undefined): Promise<IncidentDelivery[]>;
  /**
   * Whether a due digest waits for the other digests of its incident (their fold windows close
   * soon after): released, it comes back at the next flush, to go out with them as one digest.
   */
  waits(digest: DigestDecision, now: number, windowMs: number): Promise<boolean>;
  /** Digests that belong to one incident, together; each list is sent as one message. */
  bucket(digests: readonly DigestDecision[]): DigestDecision[][];
  /** The incident several digests of one incident make: sent as one message. */
  digestIncident(digests: readonly DigestDecision[]): Incident;
}

/**
 * Where a destination's incidents go: its sender with the renderer for it (a Slack message, or
 * an Amazon Q notification), and `update` when the sender edits messages in place.
 */
export interface IncidentSender {
  /** Posts the incident, rendered with `render` when given (a route's options), else the destination's. */
  post(
    incident: Incident,
    options: PostOptions,
    render?: RenderOptions,
  ): Promise<{ channel?: string | undefined; ts?: string | undefined }>;
  readonly update?: ((channel: string, ts: string, incident: Incident) => Promise<void>) | undefined;
}

/** What a grouping needs. */
export interface GroupingSetup {
  readonly store: StateStore;
  readonly sender: IncidentSender;
  readonly options: ResolvedGroupOptions;
  readonly clock: () => number;
}

/**
 * Creates a destination's grouping.
 *
 * @internal
 */
export function createGrouping(setup: GroupingSetup): Grouping {
  const { store, sender, options, clock } = setup;
  const at = (now: number) => ({ ...options, now });
  // Alerts of one cluster are admitted one at a time in this process: a storm's concurrent
  // events would otherwise mostly lose their conditional writes to each other. Across processes
  // (concurrent Lambdas) the conditional writes decide.
  const lanes = new Map<string, Promise<void>>();
  function inLane<T>(lane: string, task: () => Promise<T>): Promise<T> {
    const run = (lanes.get(lane) ?? Promise.resolve()).then(task);
    const done = run.then(
      () => undefined,
      () => undefined,
    );
    lanes.set(lane, done);
    void done.then(() => {
      if (lanes.get(lane) === done) lanes.delete(lane);
    });
    return run;
  }

  /** Records an alert or a recovery on its incident, or says to send it. */
  async function admit(event: EcsEvent, c: Classification, recovery: boolean, now: number): Promise<Admission> {
    if (recovery) {
      const found = await recoverInIncident(store, c, at(now));
      if (found === undefined) return { action: 'send' };
      const services = incidentServices(found.record.value).length;
      return {
        action: 'grouped',
        key: found.key,
        detail: `recovery recorded on the incident of ${services} services`,
      };
    }
    if (!groupable(c)) return { action: 'send' };
    const joined = await joinIncident(store, event, c, at(now));
    if (joined.role === 'lead') return { action: 'send' };
    const services = incidentServices(joined.record.value).length;
    return {
      action: 'grouped',
      key: joined.key,
      detail: `joined the incident of ${services} services (${joined.key.id}); its grouped message reports it`,
    };
  }

  /** Posts (or updates in place) the grouped message of a claimed incident, then settles it. */
  async function deliver(claimed: ClaimedIncident, deadline: number | undefined): Promise<IncidentDelivery> {
    const incident = incidentOf(claimed.record.value);
    const title = incident === undefined ? 'incident' : incidentTitle(incident);
    const classification = incident?.latest.classification;
    if (incident === undefined) {
      await settleIncident(store, claimed, { ...at(clock()), posted: {} });
      return { classification, title };
    }
    const timing: PostOptions = deadline === undefined ? {} : { deadline };
    const channel = stringField(claimed.record.value, 'channel');
    const ts = stringField(claimed.record.value, 'ts');
    try {
      let posted: { channel?: string | undefined; ts?: string | undefined } = {};
      if (sender.update !== undefined && channel !== undefined && ts !== undefined) {
        await sender.update(channel, ts, incident);
      } else {
        posted = await sender.post(incident, timing);
      }
      await settleIncident(store, claimed, { ...at(clock()), posted });
      return { classification, title };
    } catch (error) {
      await settleIncident(store, claimed, at(clock())).catch(() => undefined);
      return { classification, title, error };
    }
  }

  return {
    options,
    admit(event, c, recovery, now) {
      return inLane(c.identity.cluster ?? '', () => admit(event, c, recovery, now));
    },
    async showNow(key, deadline) {
      if (sender.update === undefined) return undefined;
      const claimed = await claimIncident(store, key, { ...at(clock()), force: true });
      return claimed === undefined ? undefined : deliver(claimed, deadline);
    },
    async flush(deadline) {
      const delivered: IncidentDelivery[] = [];
      for (const claimed of await dueIncidents(store, at(clock()))) {
        if (deadline !== undefined && Date.now() >= deadline) {
          await settleIncident(store, claimed, at(clock())).catch(() => undefined);
          continue;
        }
        delivered.push(await deliver(claimed, deadline));
      }
      return delivered;
    },
    waits(digest, now, windowMs) {
      return digestWaits(store, digest.digest.latest.classification, { now, windowMs });
    },
    bucket(digests) {
      const buckets = new Map<string, DigestDecision[]>();
      for (const digest of digests) {
        const c = digest.digest.latest.classification;
        const id = groupable(c) ? incidentKey(c, options).id : `single|${buckets.size}`;
        const found = buckets.get(id);
        if (found === undefined) buckets.set(id, [digest]);
        else found.push(digest);
      }
      return [...buckets.values()];
    },
    digestIncident,
  };
}

/** The incident of a stored record, as its grouped message shows it. */
function incidentOf(value: StateValue): Incident | undefined {
  const parsed = safeParseEcsEvent(value.latest);
  if (!parsed.success) return undefined;
  const event = parsed.data;
  const { leader, recovered, extra } = incidentLists(value);
  const services = incidentServices(value).map((s) => ({ ...s, outcomes: s.outcomes as Outcome[] }));
  if (extra > 0) services.push({ name: `and ${extra} more`, count: extra, outcomes: [] });
  return {
    latest: { event, classification: classify(event) },
    services,
    ...(leader === undefined ? {} : { first: leader }),
    recovered,
    since: new Date(numberField(value, 'start')).toISOString(),
    until: new Date(numberField(value, 'until')).toISOString(),
  };
}

/** The incident of several digests: each service's repeats, the total, the span. */
function digestIncident(digests: readonly DigestDecision[]): Incident {
  const services = new Map<string, { name: string; count: number; outcomes: Outcome[] }>();
  let repeats = 0;
  let since = digests[0]!.digest.since;
  let until = digests[0]!.digest.until;
  for (const { digest } of digests) {
    const c = digest.latest.classification;
    const name = serviceName(c) ?? c.identity.cluster ?? 'ECS';
    const service = services.get(name) ?? { name, count: 0, outcomes: [] };
    service.count += digest.count;
    if (!service.outcomes.includes(c.outcome)) service.outcomes.push(c.outcome);
    services.set(name, service);
    repeats += digest.count;
    if (digest.since < since) since = digest.since;
    if (digest.until > until) until = digest.until;
  }
  return { latest: digests[0]!.digest.latest, services: [...services.values()], recovered: [], since, until, repeats };
}
