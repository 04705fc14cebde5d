/**
 * `--preset`: the CLI runs its input through the noise filter, with a memory store and each
 * event's own time, as a Lambda would have over time.
 *
 * @internal
 * @module
 */
import { classify } from '../classify/index.js';
import type { Classification } from '../classify/classification.js';
import type { EcsEvent } from '../events/index.js';
import { createNoiseFilter } from '../filter/noise-filter.js';
import { timeMillis } from '../internal/time.js';
import type { Decision, DigestDecision, NoiseFilter } from '../filter/decision.js';
import type { FilterPreset } from '../filter/filter-options.js';
import { UsageError, shownArgument } from './args.js';

const PRESETS: readonly FilterPreset[] = ['alerts', 'verbose', 'none'];

/**
 * The preset a `--preset` value names, or `undefined` without one.
 *
 * @throws {@link UsageError} for anything but `alerts`, `verbose` or `none`.
 * @internal
 */
export function presetOption(preset: unknown): FilterPreset | undefined {
  if (typeof preset !== 'string') return undefined;
  if (!PRESETS.includes(preset as FilterPreset)) {
    throw new UsageError(`unknown preset ${shownArgument(preset)}; use ${PRESETS.join(', ')}`);
  }
  return preset as FilterPreset;
}

/**
 * The filter for a `--preset` value, or `undefined` without one.
 *
 * @internal
 */
export function presetFilter(preset: unknown): NoiseFilter | undefined {
  const name = presetOption(preset);
  return name === undefined ? undefined : createNoiseFilter({ preset: name });
}

/**
 * Time as the input tells it: the latest event time seen so far (an event without a readable
 * time, or one earlier than the latest, leaves it where it is).
 *
 * @internal
 */
export class EventClock {
  #now = 0;

  /** The current time, epoch milliseconds. */
  get now(): number {
    return this.#now;
  }

  /** Moves to the event's time when that is later; returns the current time. */
  advance(event: EcsEvent): number {
    const time = timeMillis(event.time);
    if (Number.isFinite(time)) this.#now = Math.max(this.#now, time);
    return this.#now;
  }

  /**
   * Moves past the end of input by the filter's fold window, so every open window has closed;
   * returns the new time, or `undefined` when the filter does not fold.
   */
  endOfInput(filter: NoiseFilter): number | undefined {
    const window = filter.options.foldWindowSeconds;
    return window === false ? undefined : this.forward(window);
  }

  /** Moves forward by this many seconds; returns the new time. */
  forward(seconds: number): number {
    this.#now += seconds * 1000;
    return this.#now;
  }
}

/**
 * Runs events through a filter in input order, at each event's own time (or the last known
 * time), settling every decision as delivered.
 *
 * @internal
 */
export class OfflineFilter {
  readonly #filter: NoiseFilter;
  readonly #clock = new EventClock();

  constructor(filter: NoiseFilter) {
    this.#filter = filter;
  }

  /** Decides one event and settles the decision. */
  async decide(event: EcsEvent, c: Classification = classify(event)): Promise<Decision> {
    const now = this.#clock.advance(event);
    const decision = await this.#filter.decide(event, c, now);
    if (decision.action === 'notify' || decision.action === 'digest') await this.#filter.commit(decision, now);
    return decision;
  }

  /** The digests still open at the end of input, as if their windows had closed. */
  async finish(): Promise<DigestDecision[]> {
    const at = this.#clock.endOfInput(this.#filter);
    if (at === undefined) return [];
    const due = await this.#filter.flush(at);
    for (const decision of due) await this.#filter.commit(decision, at);
    return due;
  }
}
