/**
 * Incidents in the state store: alerts of one group key (cluster and cause family, by default)
 * within a window form one incident record, listing every affected service; recoveries are
 * recorded on it; its grouped message goes out when its window closes (or at once, updated in
 * place, with a sender that can edit messages).
 *
 * Only a first alert of a service (a filter `notify`) or a recovery touches this state: the
 * repeats the noise filter folds never reach it.
 *
 * An incident record (scope `incident`) holds `start` and `until` (epoch ms), `leader` (the
 * service whose alert went out at once), `order` (services in the order they joined, at most
 * {@link MAX_SERVICES}) with `alerts` and `outcomes` per service, `recovered`, `shown` and
 * `shownRecovered` (what the last grouped message showed), `batch` (when the first change not
 * shown yet came, 0 for none), `sending` (the lease of a delivery under way), `latest` (an alert
 * event, as a digest stores it), `firstJoins` (when the last service joined within the first
 * window: its digest is due a fold window later) and, once posted with the Web API, `channel` and `ts`.
 *
 * @internal
 * @module
 */
import type { Classification } from '../../classify/classification.js';
import type { EcsEvent } from '../../events/index.js';
import { digestView } from '../../filter/digest-view.js';
import { foldKey } from '../../filter/keys.js';
import { numberField, stringField } from '../../state/codec.js';
import type { JsonValue, StateKey, StateRecord, StateStore, StateValue } from '../../state/store.js';
import { groupFieldValue, type ResolvedGroupOptions } from './options.js';

/** The scope of incident records. */
export const INCIDENT_SCOPE = 'incident';
/** The scope of the index from a service to its open incident. */
const MEMBER_SCOPE = 'incident-member';
/** Most services an incident names one by one; more are counted in `extra`. */
export const MAX_SERVICES = 200;
/** How long a delivery of a grouped message may hold it, in ms. */
const SENDING_LEASE_MS = 30_000;
/**
 * Conditional writes a change may lose before it gives up. Each loss means another writer's
 * change landed, and grouping admits one alert of a cluster at a time per process: with dozens
 * of concurrent workers, every alert still finds its incident.
 */
const MAX_ATTEMPTS = 50;

const encode = (part: string): string => part.replace(/[%|]/g, (ch) => encodeURIComponent(ch));

/**
 * The service an alert is about, as incidents name it; `undefined` when it has none (it is not grouped).
 *
 * @internal
 */
export function serviceName(c: Classification): string | undefined {
  return c.identity.service ?? c.identity.group?.replace(/^family:/, '');
}

/**
 * Whether an alert may join an incident: a first alert (not a recovery) of a task or service,
 * a warning or an error, with a cluster and a service.
 *
 * @internal
 */
export function groupable(c: Classification): boolean {
  return (
    (c.kind === 'task' || c.kind === 'service') &&
    (c.severity === 'warning' || c.severity === 'error') &&
    c.identity.cluster !== undefined &&
    serviceName(c) !== undefined
  );
}

/**
 * The key of the incident an alert opens.
 *
 * @internal
 */
export function incidentKey(c: Classification, options: ResolvedGroupOptions): StateKey {
  return { scope: INCIDENT_SCOPE, id: options.groupBy.map((field) => encode(groupFieldValue(c, field))).join('|') };
}

/** The index record naming a service's open incident. */
function memberKey(c: Classification): StateKey {
  return { scope: MEMBER_SCOPE, id: `${encode(c.identity.cluster ?? '')}|${encode(serviceName(c) ?? '')}` };
}

/** What {@link joinIncident} decided. */
export type JoinOutcome =
  /** The incident's first alert (or its retry): send it as it is, at once. */
  | { readonly role: 'lead'; readonly key: StateKey }
  /** Joined the incident: its grouped message reports it. */
  | { readonly role: 'joined'; readonly key: StateKey; readonly record: StateRecord };

/** A record's string list field. */
function list(value: StateValue, field: string): string[] {
  const items = value[field];
  return Array.isArray(items) ? items.filter((item): item is string => typeof item === 'string') : [];
}

/** A record's object field. */
function objectField(value: StateValue, field: string): StateValue {
  const found = value[field];
  return typeof found === 'object' && found !== null && !Array.isArray(found) ? found : {};
}

/** A JSON object with own fields only (safe for any service name, `__proto__` included). */
function withField(base: StateValue, field: string, value: JsonValue): StateValue {
  const copy: StateValue = { ...base };
  Object.defineProperty(copy, field, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/**
 * How long an incident record lives after a write: its interval, its window and a margin, or
 * until the digests of its first services are due, when that is later.
 */
function ttlSeconds(options: ResolvedGroupOptions): number {
  const open = options.intervalMs + options.waitMs * 2;
  return Math.ceil((Math.max(open, options.waitMs + (options.digestWindowMs ?? 0)) + SENDING_LEASE_MS) / 1000);
}

/** Whether an incident can take no more services: idle past its interval, everything shown. */
function over(value: StateValue, options: ResolvedGroupOptions, now: number): boolean {
  return numberField(value, 'batch') === 0 && numberField(value, 'until') + options.intervalMs <= now;
}

/**
 * Records a first alert in its incident: opens one (this alert leads, and goes out at once) or
 * joins the open one (its grouped message reports it). A service already in an open incident of
 * its cluster joins that one, whatever its cause (a start-impaired service whose tasks cannot
 * pull their image stays in the pull incident).
 *
 * @internal
 */
export async function joinIncident(
  store: StateStore,
  event: EcsEvent,
  c: Classification,
  options: ResolvedGroupOptions & { readonly now: number },
): Promise<JoinOutcome> {
  const { now } = options;
  const name = serviceName(c)!;
  const write = { now, ttlSeconds: ttlSeconds(options) };
  const member = memberKey(c);
  const indexed = await store.get(member, now);
  const own = incidentKey(c, options);
  const joinedId = indexed === undefined ? undefined : stringField(indexed.value, 'incident');
  let key = joinedId === undefined ? own : { scope: INCIDENT_SCOPE, id: joinedId };
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const record = await store.get(key, now);
    if (record === undefined && key.id !== own.id) {
      key = own; // the incident it was in has ended
      continue;
    }
    if (record === undefined || over(record.value, options, now)) {
      const value: StateValue = {
        start: now,
        until: now,
        leader: name,
        order: [name],
        alerts: withField({}, name, 1),
        outcomes: withField({}, name, [c.outcome]),
        recovered: [],
        extra: 0,
        shown: 1,
        shownRecovered: 0,
        batch: 0,
        sending: 0,
        firstJoins: now,
        latest: digestView(event, foldKey(c).id),
      };
      const opened =
        record === undefined
          ? await store.put(key, value, write)
          : await store.put(key, value, { ...write, expectedVersion: record.version });
      if (opened === undefined) continue;
      await store.update(member, { set: { incident: key.id } }, write);
      return { role: 'lead', key };
    }
    const value = record.value;
    const outcomes = objectField(value, 'outcomes');
    const seen = list(outcomes, name);
    // The leader's own alert again: its delivery failed and this is the retry.
    if (value.leader === name && seen.includes(c.outcome) && list(value, 'order').length === 1)
      return { role: 'lead', key };
    const joined = joinValue(value, name, c, now, options.waitMs);
    const updated = await store.put(key, joined, { ...write, expectedVersion: record.version });
    if (updated === undefined) continue;
    if (joinedId !== key.id) await store.update(member, { set: { incident: key.id } }, write);
    return { role: 'joined', key, record: updated };
  }
  // Lost every race: others are filling this incident right now; joining it is the safe side.
  throw new Error('incident: too much contention to record the alert; retry');
}

/** The incident's value once `name` joined with `c`. */
function joinValue(value: StateValue, name: string, c: Classification, now: number, waitMs: number): StateValue {
  const order = list(value, 'order');
  const alerts = objectField(value, 'alerts');
  const outcomes = objectField(value, 'outcomes');
  const known = Object.hasOwn(alerts, name);
  const room = known || order.length < MAX_SERVICES;
  const seen = list(outcomes, name);
  const early = !known && now <= numberField(value, 'start') + waitMs;
  return {
    ...value,
    until: now,
    batch: numberField(value, 'batch') || now,
    ...(early ? { firstJoins: Math.max(now, numberField(value, 'firstJoins')) } : {}),
    ...(room
      ? {
          order: known ? order : [...order, name],
          alerts: withField(alerts, name, (known ? numberField(alerts, name) : 0) + 1),
          outcomes: withField(outcomes, name, seen.includes(c.outcome) ? seen : [...seen, c.outcome]),
        }
      : { extra: numberField(value, 'extra') + 1 }),
  };
}

/**
 * Records a service's recovery on its open incident, once; `undefined` when it is in none, or
 * alone in it (the recovery goes out on its own).
 *
 * @internal
 */
export async function recoverInIncident(
  store: StateStore,
  c: Classification,
  options: ResolvedGroupOptions & { readonly now: number },
): Promise<ClaimedIncident | undefined> {
  const { now } = options;
  const name = serviceName(c);
  if (name === undefined || c.identity.cluster === undefined) return undefined;
  const indexed = await store.get(memberKey(c), now);
  const id = indexed === undefined ? undefined : stringField(indexed.value, 'incident');
  if (id === undefined) return undefined;
  const key = { scope: INCIDENT_SCOPE, id };
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const record = await store.get(key, now);
    if (record === undefined || !Object.hasOwn(objectField(record.value, 'alerts'), name)) return undefined;
    // The incident has ended: its services recover on their own.
    if (over(record.value, options, now)) return undefined;
    // An incident of its own service alone (nobody joined): its recovery goes out as it always did.
    if (list(record.value, 'order').length === 1) return undefined;
    const recovered = list(record.value, 'recovered');
    if (recovered.includes(name)) return { key, record };
    const value: StateValue = {
      ...record.value,
      until: now,
      recovered: [...recovered, name],
      batch: numberField(record.value, 'batch') || now,
    };
    const updated = await store.put(key, value, {
      now,
      ttlSeconds: ttlSeconds(options),
      expectedVersion: record.version,
    });
    if (updated !== undefined) return { key, record: updated };
  }
  return undefined;
}

/**
 * Whether a digest of a service should wait for the digests of the other services of its
 * incident: the service is in an incident with others, and the fold windows of the services that
 * joined it in its first window (opened by their first alerts) are not all closed yet. A digest
 * waits at most the incident's first window (`groupWaitSeconds`) past its own.
 *
 * @param windowMs - The fold window's length.
 * @internal
 */
export async function digestWaits(
  store: StateStore,
  c: Classification,
  options: { readonly now: number; readonly windowMs: number },
): Promise<boolean> {
  const { now } = options;
  if (serviceName(c) === undefined || c.identity.cluster === undefined) return false;
  const indexed = await store.get(memberKey(c), now);
  const id = indexed === undefined ? undefined : stringField(indexed.value, 'incident');
  if (id === undefined) return false;
  const record = await store.get({ scope: INCIDENT_SCOPE, id }, now);
  if (record === undefined || list(record.value, 'order').length < 2) return false;
  return now < numberField(record.value, 'firstJoins') + options.windowMs;
}

/**
 * An incident claimed for delivery: its key, its record as claimed, and what it showed.
 *
 * @internal
 */
export interface ClaimedIncident {
  readonly key: StateKey;
  readonly record: StateRecord;
}

/**
 * Claims an incident for its grouped message: when something is not shown yet and, unless
 * `now` is forced, its window has closed. `undefined` when there is nothing to send or another
 * delivery holds it.
 *
 * @internal
 */
export async function claimIncident(
  store: StateStore,
  key: StateKey,
  options: ResolvedGroupOptions & { readonly now: number; readonly force?: boolean },
): Promise<ClaimedIncident | undefined> {
  const { now } = options;
  const record = await store.get(key, now);
  if (record === undefined) return undefined;
  const batch = numberField(record.value, 'batch');
  if (batch === 0 || numberField(record.value, 'sending') > now) return undefined;
  if (options.force !== true && now < batch + options.waitMs) return undefined;
  const claimed = await store.put(
    key,
    { ...record.value, sending: now + SENDING_LEASE_MS },
    { now, ttlSeconds: ttlSeconds(options), expectedVersion: record.version },
  );
  return claimed === undefined ? undefined : { key, record: claimed };
}

/**
 * The incidents whose grouped message is due at `now`, claimed.
 *
 * @internal
 */
export async function dueIncidents(
  store: StateStore,
  options: ResolvedGroupOptions & { readonly now: number },
): Promise<ClaimedIncident[]> {
  const due: ClaimedIncident[] = [];
  for (const { id, record } of await store.list(INCIDENT_SCOPE, options.now)) {
    const batch = numberField(record.value, 'batch');
    if (batch === 0 || options.now < batch + options.waitMs) continue;
    const claimed = await claimIncident(store, { scope: INCIDENT_SCOPE, id }, options);
    if (claimed !== undefined) due.push(claimed);
  }
  return due;
}

/**
 * Settles a claimed incident: after delivery, what its message showed is recorded (and where it
 * was posted); changes that came meanwhile stay due. Without `posted`, the claim is handed back.
 *
 * @internal
 */
export async function settleIncident(
  store: StateStore,
  claimed: ClaimedIncident,
  options: ResolvedGroupOptions & {
    readonly now: number;
    readonly posted?: { readonly channel?: string | undefined; readonly ts?: string | undefined } | undefined;
  },
): Promise<void> {
  const { now, posted } = options;
  const shown = list(claimed.record.value, 'order').length + numberField(claimed.record.value, 'extra');
  const shownRecovered = list(claimed.record.value, 'recovered').length;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const record = await store.get(claimed.key, now);
    if (record === undefined) return;
    const value = record.value;
    const total = list(value, 'order').length + numberField(value, 'extra');
    const more = total > shown || list(value, 'recovered').length > shownRecovered;
    const next: StateValue =
      posted === undefined
        ? { ...value, sending: 0 }
        : {
            ...value,
            sending: 0,
            shown,
            shownRecovered,
            batch: more ? now : 0,
            ...(posted.channel === undefined || posted.ts === undefined
              ? {}
              : { channel: posted.channel, ts: posted.ts }),
          };
    const written = await store.put(claimed.key, next, {
      now,
      ttlSeconds: ttlSeconds(options),
      expectedVersion: record.version,
    });
    if (written !== undefined) return;
  }
}

/**
 * The service names and counts of an incident record, in the order they joined.
 *
 * @internal
 */
export function incidentServices(value: StateValue): Array<{ name: string; count: number; outcomes: string[] }> {
  const alerts = objectField(value, 'alerts');
  const outcomes = objectField(value, 'outcomes');
  return list(value, 'order').map((name) => ({
    name,
    count: numberField(alerts, name),
    outcomes: list(outcomes, name),
  }));
}

/**
 * The lists of an incident record a renderer needs.
 *
 * @internal
 */
export function incidentLists(value: StateValue): { leader: string | undefined; recovered: string[]; extra: number } {
  return {
    leader: stringField(value, 'leader'),
    recovered: list(value, 'recovered'),
    extra: numberField(value, 'extra'),
  };
}
