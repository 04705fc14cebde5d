/**
 * Folding: repeats of one incident inside a window become the first alert plus one digest.
 *
 * A fold window record holds `start` (epoch ms), `windowMs` (its length, so that filters with
 * other windows sharing the store close it on time), `since` and `until` (ISO), `count` (repeats
 * after the first alert), `alerted` (whether the first alert is out or on its way; set back to
 * `false` when it could not be delivered, so the next event of the window alerts instead), `by`
 * (the claim of the event that alerts, so that a retry of it alerts again if it never settled),
 * `latest` (the latest repeat, as its digest shows it: see `digestView`), the ids of the task
 * repeats it counted (`members`, `prior`, `unlisted`, `priorUnlisted`: see `fold-members`) and,
 * after a failed digest delivery, `carryCount` / `carrySince` credited to the next digest.
 *
 * @internal
 * @module
 */
import { classify } from '../classify/index.js';
import type { Classification } from '../classify/classification.js';
import type { EcsEvent } from '../events/index.js';
import { safeParseEcsEvent } from '../parse/index.js';
import type { Digest } from './digest.js';
import { digestView } from './digest-view.js';
import { carried, closedMembersKey, hasMember, priorOf, withMember } from './fold-members.js';
import { numberField, stringField } from '../state/codec.js';
import type { StateKey, StateRecord, StateStore, StateValue, StoreWrite } from '../state/store.js';

/** What folding decided for one event. */
export type FoldOutcome =
  | { readonly kind: 'first'; readonly start: number }
  | { readonly kind: 'folded'; readonly count: number }
  | { readonly kind: 'duplicate' }
  | { readonly kind: 'digest'; readonly digest: Digest; readonly count: number; readonly since: string };

const MAX_ATTEMPTS = 8;
/** Tries of a repeat to be counted and listed at once; later ones count it by its claim only. */
const LISTING_ATTEMPTS = 4;

/** How many fold windows a {@link FoldCache} remembers; the oldest is forgotten first. */
const CACHED_WINDOWS = 256;

/**
 * The fold windows one filter last read or wrote, so that the next repeat of an incident is
 * written in one compare-and-set on the version it knows, without reading it first. A window
 * that changed elsewhere fails the compare-and-set, is forgotten and read again: the cache saves
 * requests, never decides.
 *
 * @internal
 */
export class FoldCache {
  readonly #records = new Map<string, StateRecord>();

  /** The record last seen for `key`, while it lives. */
  get(key: StateKey, now: number): StateRecord | undefined {
    const record = this.#records.get(cacheId(key));
    return record !== undefined && now < record.expiresAt ? record : undefined;
  }

  /** Remembers the record just read or written for `key`. */
  set(key: StateKey, record: StateRecord): void {
    const id = cacheId(key);
    this.#records.delete(id);
    this.#records.set(id, record);
    if (this.#records.size > CACHED_WINDOWS) this.#records.delete(this.#records.keys().next().value!);
  }

  /** Forgets `key`: its record is being changed by something other than `fold`. */
  delete(key: StateKey): void {
    this.#records.delete(cacheId(key));
  }
}

function cacheId(key: StateKey): string {
  return `${key.scope}\u0000${key.id}`;
}

/**
 * Whether a fold window (a record `fold` wrote) is still open at `now`.
 *
 * @internal
 */
export function windowOpen(value: StateValue, windowMs: number, now: number): boolean {
  // The window's own length, when it was opened by a filter that recorded it.
  const own = numberField(value, 'windowMs');
  return now < numberField(value, 'start') + (own > 0 ? own : windowMs);
}

/**
 * The digest a closed window holds, or `undefined` when nothing was folded into it (or its
 * latest repeat can no longer be read).
 *
 * @internal
 */
export function digestOfWindow(record: StateRecord): { digest: Digest; count: number; since: string } | undefined {
  const value = record.value;
  const count = numberField(value, 'count') + numberField(value, 'carryCount');
  const since = stringField(value, 'carrySince') ?? stringField(value, 'since') ?? '';
  const until = stringField(value, 'until') ?? since;
  if (count === 0) return undefined;
  const parsed = safeParseEcsEvent(value.latest);
  if (!parsed.success) return undefined;
  const event: EcsEvent = parsed.data;
  const classification: Classification = classify(event);
  return { digest: { count, since, until, latest: { event, classification } }, count, since };
}

/**
 * How one event is folded.
 *
 * @internal
 */
export interface FoldOptions {
  /** The fold window's length, in ms. */
  readonly windowMs: number;
  /** How long the window record lives, in seconds. */
  readonly ttlSeconds: number;
  /** Current time, epoch ms. */
  readonly now: number;
  /**
   * Who alerts: the event's own claim, the same for every delivery of it (omitted without
   * deduplication). A window whose alert this event took, but never settled (its delivery failed
   * or was cut off), gives the alert to the event again instead of folding it.
   */
  readonly by?: string;
  /** The windows this filter last saw: a repeat of one is written without reading it first. */
  readonly cache?: FoldCache;
  /**
   * The event's task, as `memberId` names it (task events, with deduplication): listed
   * in the window it is counted in, and a duplicate when a window already lists it.
   */
  readonly member?: string;
}

/**
 * Folds one event into its incident's window.
 *
 * @internal
 */
export async function fold(
  store: StateStore,
  key: StateKey,
  event: EcsEvent,
  options: FoldOptions,
): Promise<FoldOutcome> {
  const { windowMs, now, by, member } = options;
  const write = { now, ttlSeconds: options.ttlSeconds };
  const iso = new Date(now).toISOString();
  let view: StateValue | undefined;
  const latest = (): StateValue => (view ??= digestView(event, key.id));
  // A new window, whose first event alerts.
  const opened: StateValue = { start: now, since: iso, until: iso, count: 0, alerted: true, windowMs };
  const fresh: StateValue = by === undefined ? opened : { ...opened, by };
  const cache = options.cache;
  const seen = (record: StateRecord | undefined): StateRecord | undefined => {
    if (record === undefined) cache?.delete(key);
    else cache?.set(key, record);
    return record;
  };
  let closedIds: StateValue | null | undefined;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    // The window as this filter last saw it, on the first try only: every write below is
    // conditional on what was seen, so a stale one fails and the next try reads.
    const known = attempt === 0 ? cache?.get(key, now) : undefined;
    const record = known ?? seen(await store.get(key, now));
    if (record === undefined) {
      // What `flush` kept of the incident's last window: a late redelivery of one of its repeats.
      closedIds ??= member === undefined ? null : ((await store.get(closedMembersKey(key), now))?.value ?? null);
      if (member !== undefined && closedIds !== null && hasMember(closedIds, member)) return { kind: 'duplicate' };
      const created = seen(await store.put(key, { ...fresh, ...carried(closedIds ?? undefined) }, write));
      if (created !== undefined) return { kind: 'first', start: now };
      continue;
    }
    if (windowOpen(record.value, windowMs, now)) {
      const start = numberField(record.value, 'start');
      // This event's alert, taken by a delivery of it that never settled: alert again. Decided
      // on what the store holds, never on what this filter remembers.
      if (by !== undefined && record.value.alerted === true && record.value.by === by) {
        if (known === undefined) return { kind: 'first', start };
        cache?.delete(key);
        continue;
      }
      // Counted already, in this window or listed from the one before.
      if (member !== undefined && hasMember(record.value, member)) return { kind: 'duplicate' };
      if (record.value.alerted === false) {
        // The window's first alert could not be delivered: this event takes its place.
        const set: StateValue = by === undefined ? { alerted: true } : { alerted: true, by };
        const taken = seen(await store.update(key, { set }, { ...write, where: { start, alerted: false } }));
        if (taken !== undefined) return { kind: 'first', start };
        continue;
      }
      const until = { until: iso, latest: latest() };
      // Listed (or known): one compare-and-set on the version seen (a window changed since fails
      // it). A task repeat the window cannot list (full, or lost too many races) is counted by
      // its claim alone, and the window says so: no repeat is then counted by its id alone.
      const counted = withMember(record.value, member, attempt < LISTING_ATTEMPTS);
      const updated = seen(
        known === undefined && counted.members === undefined
          ? await store.update(
              key,
              { add: { count: 1 }, set: { ...until, ...counted } },
              { ...write, where: { start } },
            )
          : await store.put(
              key,
              { ...record.value, count: numberField(record.value, 'count') + 1, ...until, ...counted },
              { ...write, expectedVersion: record.version },
            ),
      );
      if (updated !== undefined) return { kind: 'folded', count: numberField(updated.value, 'count') };
      continue;
    }
    // The window has closed: start a new one. Repeats in the old one go out as a digest, and this
    // event is the new window's first repeat; with none, this event is a new incident.
    // This event is the new window's first repeat: its alert went out long ago, under another event.
    // A late redelivery of one of its repeats: left for the flush (or the next repeat) to close.
    if (member !== undefined && hasMember(record.value, member)) return { kind: 'duplicate' };
    const closed = digestOfWindow(record);
    const prior = priorOf(record.value);
    const next: StateValue =
      closed === undefined
        ? { ...fresh, ...prior }
        : { ...opened, count: 1, latest: latest(), ...prior, ...withMember(prior, member) };
    const replaced = seen(await store.put(key, next, { ...write, expectedVersion: record.version }));
    if (replaced === undefined) continue;
    return closed === undefined ? { kind: 'first', start: now } : { kind: 'digest', ...closed };
  }
  // Lost every race: the others are folding this incident right now, so this one is a repeat.
  return { kind: 'folded', count: -1 };
}

/**
 * A digest that could not be delivered, to credit to its incident's next one.
 *
 * @internal
 */
export interface DigestCredit extends StoreWrite {
  /** The digest that failed. */
  readonly digest: Digest;
  /** The repeats it reported. */
  readonly count: number;
  /** When those repeats began (ISO-8601). */
  readonly since: string;
}

/**
 * Credits a digest that could not be delivered to its incident's next digest.
 *
 * @internal
 */
export async function creditDigest(store: StateStore, key: StateKey, credit: DigestCredit): Promise<void> {
  const { digest, count, since, now, ttlSeconds } = credit;
  const record = await store.get(key, now);
  const carrySince = stringField(record?.value ?? {}, 'carrySince') ?? since;
  // A window taken by `flush` is gone: keep the latest repeat so the credit can be reported.
  const set: StateValue = { carrySince };
  if (record?.value.latest === undefined) {
    set.latest = digest.latest.event as unknown as StateValue;
    set.until = digest.until;
  }
  await store.update(key, { add: { carryCount: count }, set }, { now, ttlSeconds });
}

/**
 * Hands a window's first alert back after it could not be delivered: the window's next event
 * (the retry, or another repeat) alerts instead of being folded.
 *
 * @param window - `start`: the start of the window the alert opened or took over. A release can come
 * after that window closed and a newer one (with an alert of its own, delivered) replaced it
 * under the same key; that newer window must stay alerted, or its next repeat alerts again.
 * @internal
 */
export async function reopenAlert(
  store: StateStore,
  key: StateKey,
  window: { readonly start: number } & StoreWrite,
): Promise<void> {
  const { start, now, ttlSeconds } = window;
  await store.update(key, { set: { alerted: false } }, { now, ttlSeconds, where: { start, alerted: true } });
}
