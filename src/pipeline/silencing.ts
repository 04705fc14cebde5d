/**
 * Silences in the pipeline: the noise filters' check (after their duplicate check, counted once
 * per event with the destinations it would have gone to), and the summaries of ended silences,
 * each claimed once across Lambdas and posted once per destination.
 *
 * @internal
 * @module
 */
import type { Classification } from '../classify/classification.js';
import type { EcsEvent } from '../events/index.js';
import type { SilenceCheck } from '../filter/filter-options.js';
import type { SilenceSummary } from '../policy/silence-summary.js';
import type { Silences } from '../policy/silences.js';
import { renderAmazonQSilenceSummary } from '../render/amazon-q/silence-summary.js';
import { renderSilenceSummary } from '../render/silence-summary.js';
import type { StateKey } from '../state/store.js';
import { type Destination, type DestinationOutcome, isAmazonQ } from './destination.js';

/** How long a destination remembers that it posted a silence's summary: as long as silences are kept. */
const SENT_TTL_SECONDS = 432_000;

/**
 * The silences as the pipeline uses them.
 *
 * @internal
 */
export interface Silencing {
  /** The filters' check: counts an event once, however many destinations ask. */
  readonly check: SilenceCheck;
  /** Names the destinations of an event about to be handled, for its count. */
  begin(event: EcsEvent, destinations: readonly string[]): void;
  /**
   * Whether a silence holds the event (not counted), asked once per event: it then opens or edits
   * no deployment card, and no filter counts it without a claim.
   */
  holds(event: EcsEvent, c: Classification, now: number): Promise<boolean>;
  /** Posts the summaries of the silences that ended, each to its destinations; one outcome per post. */
  summaries(
    now: number,
    send: (summary: SilenceSummary) => readonly Destination[],
    deadline: number | undefined,
  ): Promise<Array<{ readonly destination: Destination; readonly outcome: DestinationOutcome }>>;
}

/** The marker of a summary posted to a destination, in that destination's state. */
function sentKey(summary: SilenceSummary): StateKey {
  return { scope: `silence-sent#${summary.silence.id}`, id: '-' };
}

/**
 * Wraps the silences for the pipeline.
 *
 * @internal
 */
export function createSilencing(silences: Silences, clock: () => number): Silencing {
  const events = new WeakMap<
    EcsEvent,
    { destinations: readonly string[]; result?: Promise<string | undefined>; held?: Promise<boolean> }
  >();

  async function decide(c: Classification, now: number, destinations: readonly string[]): Promise<string | undefined> {
    const silence = await silences.silenceFor(c, now);
    if (silence === undefined) return undefined;
    const counted = await silences.count(silence, now, { destinations });
    if (counted === undefined) return undefined;
    return `silence ${silence.id} by ${silence.author} until ${silence.endsAt}: ${silence.reason}`;
  }

  /** Posts one summary to one destination, unless it was posted there before (then `false`). */
  async function post(summary: SilenceSummary, destination: Destination, deadline: number | undefined) {
    const { store, sender, render } = destination;
    if ((await store.get(sentKey(summary), clock())) !== undefined) return false;
    const timing = deadline === undefined ? {} : { deadline };
    const thread = summary.silence.thread;
    if (isAmazonQ(sender)) await sender.post(renderAmazonQSilenceSummary(summary, render), timing);
    // In the thread of the alert it was muted from, where the Web API can reply (a webhook cannot).
    else if (thread !== undefined && typeof sender.update === 'function')
      await sender.post(renderSilenceSummary(summary, render), { ...timing, threadTs: thread.ts });
    else await sender.post(renderSilenceSummary(summary, render), timing);
    await store.put(sentKey(summary), { at: clock() }, { now: clock(), ttlSeconds: SENT_TTL_SECONDS }).catch(() => {
      // Posted: a missing marker only risks a second post if another destination fails too.
    });
    return true;
  }

  return {
    check(event, c, now) {
      const entry = events.get(event) ?? { destinations: [] };
      entry.result ??= decide(c, now, entry.destinations);
      events.set(event, entry);
      return entry.result;
    },
    begin(event, destinations) {
      events.set(event, { destinations });
    },
    holds(event, c, now) {
      const entry = events.get(event) ?? { destinations: [] };
      entry.held ??= silences.silenceFor(c, now).then((silence) => silence !== undefined);
      events.set(event, entry);
      return entry.held;
    },
    async summaries(now, send, deadline) {
      const out: Array<{ destination: Destination; outcome: DestinationOutcome }> = [];
      for (const summary of await silences.summaries(now)) {
        let ok = true;
        for (const destination of send(summary)) {
          if (deadline !== undefined && Date.now() >= deadline) {
            ok = false;
            out.push({
              destination,
              outcome: { status: 'deferred', detail: 'summary not started: the deadline has passed' },
            });
            continue;
          }
          try {
            if (await post(summary, destination, deadline))
              out.push({ destination, outcome: { status: 'sent', what: 'silence-summary' } });
          } catch (error) {
            ok = false;
            out.push({ destination, outcome: { status: 'failed', error } });
          }
        }
        // Handed back when a destination failed: the next flush claims it again, and posts it only
        // where it was not posted yet.
        const settle = ok ? silences.commitSummary(summary, clock()) : silences.releaseSummary(summary, clock());
        await settle.catch(() => undefined);
      }
      return out;
    },
  };
}
