/**
 * The one-time summary of an ended silence: `checkout: 14 events silenced by ana from 13:00 to
 * 15:00 UTC: migration`, claimed by exactly one caller with a lease, then sent or handed back.
 *
 * @module
 */
import type { StateKey, StateStore, StoreWrite } from '../state/store.js';
import { timeMillis } from '../internal/time.js';
import { describeMatch } from './match.js';
import { publicSilence, readSilenceRecord } from './silence-check.js';
import type { Silence, SilenceRecord } from './silence-schema.js';

/**
 * What an ended silence suppressed, to send once.
 */
export interface SilenceSummary {
  /** The silence, with its final count. */
  readonly silence: Silence;
  /** How many events it suppressed (at least 1). */
  readonly count: number;
  /** One plain-text line, for example `checkout: 14 events silenced by ana from 13:00 to 15:00 UTC: migration`. */
  readonly text: string;
  /**
   * The policy destinations its events would have gone to, in name order; empty when none were
   * counted with the `destinations` of `Silences.count` (then send it where you see fit).
   */
  readonly destinations: readonly string[];
  /** The claim this caller holds (epoch milliseconds); opaque, for settling. */
  readonly lease: number;
}

/**
 * The prefix of the fields of a silence record that count events per destination.
 *
 * @internal
 */
export const DESTINATION_FIELD = 'to:';

/** The destinations a stored silence counted events for. */
function destinationsOf(record: SilenceRecord): string[] {
  const fields = record as unknown as Readonly<Record<string, unknown>>;
  return Object.keys(fields)
    .filter((field) => field.startsWith(DESTINATION_FIELD) && typeof fields[field] === 'number' && fields[field] > 0)
    .map((field) => field.slice(DESTINATION_FIELD.length))
    .sort();
}

/** What the summary operations need from their silences. @internal */
export interface SummaryContext {
  /** The store. */
  readonly store: StateStore;
  /** A silence's key. */
  readonly key: (id: string) => StateKey;
  /** A write's time and lifetime. */
  readonly write: (endsAt: string, now: number) => StoreWrite;
  /** How long a claim holds, milliseconds. */
  readonly leaseMs: number;
}

/** `13:00`, or `2025-06-01 13:00` when `withDate`. */
function clock(millis: number, withDate: boolean): string {
  const text = new Date(millis).toISOString();
  return withDate ? `${text.slice(0, 10)} ${text.slice(11, 16)}` : text.slice(11, 16);
}

/**
 * The summary line of a silence: what it matched, how many events, who, when (UTC; dates only
 * when it spans days), why. Plain text: render it escaped.
 *
 * @param silence - The silence.
 * @param count - How many events it suppressed.
 * @returns One line.
 * @example
 * ```ts
 * silenceSummaryText(silence, 14); // 'checkout: 14 events silenced by ana from 13:00 to 15:00 UTC: migration'
 * ```
 */
export function silenceSummaryText(silence: Silence, count: number): string {
  const start = timeMillis(silence.startsAt);
  const end = timeMillis(silence.endsAt);
  const sameDay = silence.startsAt.slice(0, 10) === silence.endsAt.slice(0, 10);
  const events = count === 1 ? '1 event' : `${count} events`;
  const when = `from ${clock(start, !sameDay)} to ${clock(end, !sameDay)} UTC`;
  return `${describeMatch(silence.match)}: ${events} silenced by ${silence.author} ${when}: ${silence.reason}`;
}

/**
 * Claims the summary of each ended silence whose summary is not sent nor held by a live claim.
 * A silence that suppressed nothing is marked sent at once and not returned.
 *
 * @internal
 */
export async function claimSummaries(
  context: SummaryContext,
  ended: readonly SilenceRecord[],
  now: number,
): Promise<SilenceSummary[]> {
  const { store, key, write, leaseMs } = context;
  const out: SilenceSummary[] = [];
  for (const record of ended) {
    if (record.summary === 'sent' || (record.summary === 'claimed' && record.lease > now)) continue;
    const lease = now + leaseMs;
    const where: Record<string, string | number> =
      record.summary === 'pending' ? { summary: 'pending' } : { summary: 'claimed', lease: record.lease };
    const claimed = await store.update(
      key(record.id),
      { set: { summary: 'claimed', lease } },
      { ...write(record.endsAt, now), where },
    );
    const after = claimed === undefined ? undefined : readSilenceRecord(claimed.value);
    if (after === undefined) continue; // another caller claimed it first
    const summary: SilenceSummary = {
      silence: publicSilence(after),
      count: after.suppressed,
      text: silenceSummaryText(after, after.suppressed),
      destinations: destinationsOf(after),
      lease,
    };
    if (after.suppressed === 0) await settleSummary(context, summary, 'sent', now);
    else out.push(summary);
  }
  return out;
}

/**
 * Marks a claimed summary `sent`, or hands it back (`pending`), if the claim is still this one.
 *
 * @internal
 */
export async function settleSummary(
  context: SummaryContext,
  summary: SilenceSummary,
  to: 'sent' | 'pending',
  now: number,
): Promise<void> {
  const { store, key, write } = context;
  const where = { summary: 'claimed', lease: summary.lease };
  await store.update(
    key(summary.silence.id),
    { set: { summary: to, lease: 0 } },
    { ...write(summary.silence.endsAt, now), where },
  );
}
