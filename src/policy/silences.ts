/**
 * Silences kept in a `StateStore` (memory or DynamoDB) under their own scope: add, list,
 * expire, find the one that silences an event, count what each suppressed, and claim the
 * one-time summary of each that ended. Only the store's atomic operations are used, so many
 * concurrent Lambdas agree.
 *
 * @module
 */
import type { Classification } from '../classify/classification.js';
import { ConfigError } from '../errors.js';
import type { StateKey, StateStore, StateValue } from '../state/store.js';
import { timeMillis } from '../internal/time.js';
import { firstIssue } from './issues.js';
import { matchesClassification } from './match.js';
import { CheckIssues } from './check-helpers.js';
import { checkNewSilence, publicSilence, readSilenceRecord } from './silence-check.js';
import type { NewSilence, Silence, SilenceRecord } from './silence-schema.js';
import { DESTINATION_FIELD, claimSummaries, settleSummary, type SilenceSummary } from './silence-summary.js';

/**
 * Options of {@link createSilences}.
 */
export interface SilencesOptions {
  /** Where silences live: the same store as the noise filter's, or any other. */
  readonly store: StateStore;
  /** The store scope of the silence records. Default `silence`. */
  readonly scope?: string;
  /** How long an ended silence is kept, so that its summary can go out. Default 432,000 (5 days). */
  readonly retentionSeconds?: number;
  /**
   * How long {@link Silences.silenceFor} reuses one reading of the silences, in seconds; a new or
   * expired silence takes up to this long to act. Ends are always exact. Default 30; 0 reads each time.
   */
  readonly refreshSeconds?: number;
  /** How long a claimed summary is held before another caller may claim it, in seconds. Default 300. */
  readonly leaseSeconds?: number;
}

/**
 * Options of {@link Silences.count}.
 */
export interface CountOptions {
  /** The policy destinations the event would have gone to; the silence's summary goes to each. */
  readonly destinations?: readonly string[];
}

/**
 * What {@link Silences.expire} did.
 *
 * - `expired`: the silence now ends at the given time
 * - `already-ended`: it had ended before; nothing changed
 * - `not-found`: no such silence (or it ended longer ago than the retention)
 */
export type ExpireResult =
  | {
      /** Discriminant. */
      readonly status: 'expired' | 'already-ended';
      /** The silence, as it is now. */
      readonly silence: Silence;
    }
  | {
      /** Discriminant. */
      readonly status: 'not-found';
    };

/**
 * The silences of one store. Every method takes the current time (epoch milliseconds) and
 * never reads a clock.
 */
export interface Silences {
  /**
   * Stores a new silence.
   *
   * @param silence - Matcher, author, reason, start (default now) and end.
   * @param now - Current time, epoch milliseconds.
   * @returns The stored silence.
   * @throws `ConfigError` naming the field: no end, an end in the past or before the start, an
   *   empty matcher, a blank author or reason, an id already taken.
   */
  add(silence: NewSilence, now: number): Promise<Silence>;
  /**
   * The silences that have not ended (active or yet to start), the soonest to end first.
   *
   * @param now - Current time, epoch milliseconds.
   * @returns Each silence with its count so far.
   */
  list(now: number): Promise<Silence[]>;
  /**
   * Ends a silence now. It is kept for the retention, so its summary still goes out.
   *
   * @param id - The silence's id.
   * @param now - Current time, epoch milliseconds.
   * @returns What happened.
   */
  expire(id: string, now: number): Promise<ExpireResult>;
  /**
   * The active silence that matches an event, if any (of several, the one that ends last).
   *
   * @param classification - The event's classification, after the policy's severity overrides.
   * @param now - Current time, epoch milliseconds.
   * @returns The silence, or `undefined`.
   */
  silenceFor(classification: Classification, now: number): Promise<Silence | undefined>;
  /**
   * Counts one suppressed event against a silence, atomically; only while the silence is active
   * and unchanged since it was read.
   *
   * @param silence - As {@link Silences.silenceFor} returned it.
   * @param now - Current time, epoch milliseconds.
   * @param options - The destinations the event would have gone to: its summary goes there.
   * @returns The silence with its new count, or `undefined` when it ended or was expired
   *   meanwhile: then the event is not silenced.
   */
  count(silence: Silence, now: number, options?: CountOptions): Promise<Silence | undefined>;
  /**
   * Claims the summaries of the silences that ended by `now` and suppressed something: each goes
   * to exactly one caller, however many ask at once. Send each, then settle it with
   * {@link Silences.commitSummary}, or {@link Silences.releaseSummary} when it could not be sent.
   *
   * @param now - Current time, epoch milliseconds.
   * @returns The summaries this caller must send.
   */
  summaries(now: number): Promise<SilenceSummary[]>;
  /**
   * Marks a summary sent, for good.
   *
   * @param summary - As {@link Silences.summaries} returned it.
   * @param now - Current time, epoch milliseconds.
   */
  commitSummary(summary: SilenceSummary, now: number): Promise<void>;
  /**
   * Hands a summary back, so the next {@link Silences.summaries} claims it again.
   *
   * @param summary - As {@link Silences.summaries} returned it.
   * @param now - Current time, epoch milliseconds.
   */
  releaseSummary(summary: SilenceSummary, now: number): Promise<void>;
}

/** How often `expire` retries after losing a race on the silence's end. */
const MAX_ATTEMPTS = 5;

function iso(millis: number): string {
  return new Date(millis).toISOString();
}

function newId(): string {
  return globalThis.crypto.randomUUID().slice(0, 8);
}

/** Checks a new silence against the clock; its record, or a `ConfigError` line. */
function validated(input: NewSilence, now: number): SilenceRecord {
  const result = checkNewSilence(input);
  if (!result.success)
    throw new ConfigError(`silence: ${firstIssue(result.issues, input).line.replace(/^policy: /, '')}`, {
      cause: new CheckIssues(result.issues),
    });
  const silence = result.data;
  const startsAt = silence.startsAt === undefined ? now : timeMillis(silence.startsAt);
  const endsAt = timeMillis(silence.endsAt);
  if (endsAt <= now) throw new ConfigError(`silence: endsAt ${iso(endsAt)} is in the past`);
  if (endsAt <= startsAt)
    throw new ConfigError(`silence: endsAt ${iso(endsAt)} is not after startsAt ${iso(startsAt)}`);
  const record: SilenceRecord = {
    id: silence.id ?? newId(),
    match: silence.match,
    author: silence.author,
    reason: silence.reason,
    startsAt: iso(startsAt),
    endsAt: iso(endsAt),
    createdAt: iso(now),
    suppressed: 0,
    summary: 'pending',
    lease: 0,
    ...(silence.thread === undefined ? {} : { thread: silence.thread }),
  };
  return record;
}

/**
 * Creates the silences of a store.
 *
 * @param options - The store, and optionally the scope, retention, refresh and lease.
 * @returns The silences.
 * @example
 * ```ts
 * const silences = createSilences({ store });
 * const endsAt = '2025-06-01T15:00:00Z';
 * await silences.add({ match: { service: 'checkout' }, author: 'ana', reason: 'migration', endsAt }, Date.now());
 * const silence = await silences.silenceFor(classification, Date.now());
 * // Suppressed (reason: silenced) when it was counted against a silence still in force.
 * if (silence !== undefined && (await silences.count(silence, Date.now())) !== undefined) return;
 * ```
 */
export function createSilences(options: SilencesOptions): Silences {
  const { store } = options;
  const scope = options.scope ?? 'silence';
  const retentionMs = (options.retentionSeconds ?? 432_000) * 1000;
  const refreshMs = (options.refreshSeconds ?? 30) * 1000;
  const leaseMs = (options.leaseSeconds ?? 300) * 1000;
  for (const [name, value, least] of [
    ['retentionSeconds', retentionMs, 1],
    ['refreshSeconds', refreshMs, 0],
    ['leaseSeconds', leaseMs, 1],
  ] as const) {
    if (!(Number.isFinite(value) && value >= least))
      throw new RangeError(
        `createSilences: ${name} must be a ${least === 0 ? 'non-negative' : 'positive'} number of seconds`,
      );
  }
  const key = (id: string): StateKey => ({ scope, id });
  /** A write's lifetime: until the silence's end plus the retention, from `now`. */
  const write = (endsAt: string, now: number) => ({
    now,
    ttlSeconds: Math.max(1, Math.ceil((timeMillis(endsAt) + retentionMs - now) / 1000)),
  });
  let cache: { readonly at: number; readonly records: readonly SilenceRecord[] } | undefined;

  async function records(now: number): Promise<SilenceRecord[]> {
    const listed = await store.list(scope, now);
    const out = listed.flatMap(({ record }) => readSilenceRecord(record.value) ?? []);
    cache = { at: now, records: out };
    return out;
  }

  async function current(now: number): Promise<readonly SilenceRecord[]> {
    if (cache !== undefined && now >= cache.at && now < cache.at + refreshMs) return cache.records;
    return records(now);
  }

  const silences: Silences = {
    async add(input, now) {
      const record = validated(input, now);
      const stored = await store.put(key(record.id), { ...record } as unknown as StateValue, write(record.endsAt, now));
      if (stored === undefined) throw new ConfigError(`silence: the id ${JSON.stringify(record.id)} is already taken`);
      cache = undefined;
      return publicSilence(record);
    },

    async list(now) {
      const live = (await records(now)).filter((record) => timeMillis(record.endsAt) > now);
      return live
        .sort((a, b) => timeMillis(a.endsAt) - timeMillis(b.endsAt) || a.id.localeCompare(b.id))
        .map(publicSilence);
    },

    async expire(id, now) {
      cache = undefined;
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const found = await store.get(key(id), now);
        const record = found === undefined ? undefined : readSilenceRecord(found.value);
        if (record === undefined) return { status: 'not-found' };
        if (timeMillis(record.endsAt) <= now) return { status: 'already-ended', silence: publicSilence(record) };
        const endsAt = iso(now);
        const updated = await store.update(
          key(id),
          { set: { endsAt } },
          { ...write(endsAt, now), where: { endsAt: record.endsAt } },
        );
        const after = updated === undefined ? undefined : readSilenceRecord(updated.value);
        if (after !== undefined) return { status: 'expired', silence: publicSilence(after) };
      }
      throw new ConfigError(`silence: could not expire ${JSON.stringify(id)}: it kept changing`, { retryable: true });
    },

    async silenceFor(classification, now) {
      let best: SilenceRecord | undefined;
      for (const record of await current(now)) {
        const active = timeMillis(record.startsAt) <= now && now < timeMillis(record.endsAt);
        if (!active || record.summary !== 'pending' || !matchesClassification(record.match, classification)) continue;
        if (best === undefined || record.endsAt > best.endsAt || (record.endsAt === best.endsAt && record.id < best.id))
          best = record;
      }
      return best === undefined ? undefined : publicSilence(best);
    },

    async count(silence, now, countOptions = {}) {
      if (!(timeMillis(silence.startsAt) <= now && now < timeMillis(silence.endsAt))) return undefined;
      const where = { endsAt: silence.endsAt, summary: 'pending' };
      const add: Record<string, number> = { suppressed: 1 };
      for (const destination of countOptions.destinations ?? []) add[`${DESTINATION_FIELD}${destination}`] = 1;
      const updated = await store.update(key(silence.id), { add }, { ...write(silence.endsAt, now), where });
      const record = updated === undefined ? undefined : readSilenceRecord(updated.value);
      if (record === undefined) {
        cache = undefined; // it changed: read the silences afresh next time
        return undefined;
      }
      return publicSilence(record);
    },

    async summaries(now) {
      const ended = (await records(now)).filter((record) => timeMillis(record.endsAt) <= now);
      return claimSummaries({ store, key, write, leaseMs }, ended, now);
    },

    commitSummary: (summary, now) => settleSummary({ store, key, write, leaseMs }, summary, 'sent', now),
    releaseSummary: (summary, now) => settleSummary({ store, key, write, leaseMs }, summary, 'pending', now),
  };
  return silences;
}
