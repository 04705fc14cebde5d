/**
 * `--preset`: the CLI runs its input through the noise filter, with a memory store and each
 * event's own time, as a Lambda would have over time.
 *
 * @internal
 * @module
 */
import { classify } from '../classify/index.js';
import type { Classification } from '../classify/types.js';
import type { EcsEvent } from '../events/index.js';
import { createNoiseFilter } from '../filter/noise-filter.js';
import type { Decision, DigestDecision, FilterPreset, NoiseFilter } from '../filter/types.js';
import { UsageError } from './args.js';

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
    throw new UsageError(`unknown preset "${preset}"; use ${PRESETS.join(', ')}`);
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
 * Runs events through a filter in input order, at each event's own time (or the last known
 * time), settling every decision as delivered.
 *
 * @internal
 */
export class OfflineFilter {
  readonly #filter: NoiseFilter;
  #now = 0;

  constructor(filter: NoiseFilter) {
    this.#filter = filter;
  }

  /** Decides one event and settles the decision. */
  async decide(event: EcsEvent, c: Classification = classify(event)): Promise<Decision> {
    const time = Date.parse(event.time);
    if (Number.isFinite(time)) this.#now = Math.max(this.#now, time);
    const decision = await this.#filter.decide(event, c, this.#now);
    if (decision.action === 'notify' || decision.action === 'digest') await this.#filter.commit(decision, this.#now);
    return decision;
  }

  /** The digests still open at the end of input, as if their windows had closed. */
  async finish(): Promise<DigestDecision[]> {
    const window = this.#filter.options.foldWindowSeconds;
    if (window === false) return [];
    const at = this.#now + window * 1000;
    const due = await this.#filter.flush(at);
    for (const decision of due) await this.#filter.commit(decision, at);
    return due;
  }
}
