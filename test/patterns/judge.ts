/**
 * What the noise filter and the event patterns make of one event, side by side.
 */
import { applyStatelessRules, resolveFilterOptions } from '../../src/filter/index.js';
import {
  classify,
  parseEcsEvent,
  type Classification,
  type EcsEvent,
  type FilterPreset,
  type NoiseFilterOptions,
} from '../../src/index.js';
import { eventPattern, eventPatterns } from '../../src/patterns/index.js';
import type { EventPattern } from '../../src/patterns/index.js';
import { matchesPattern } from '../helpers/event-pattern.js';

/** Filter options or a preset name, as `eventPatterns` takes them. */
export type PatternOptions = NoiseFilterOptions | FilterPreset;

/** The filter's view and the patterns' view of one event. */
export interface Judgement {
  /** The stateless rules pass it: the filter notifies it, or may later (a steady state as a recovery). */
  readonly passes: boolean;
  /** Indexes of the patterns of `eventPatterns` that select it. */
  readonly selectedBy: number[];
  /** Whether the single `eventPattern` selects it. */
  readonly selectedByOne: boolean;
}

/** Patterns per options, computed once. */
const cache = new Map<string, { list: EventPattern[]; one: EventPattern | undefined }>();

function patternsFor(options: PatternOptions): { list: EventPattern[]; one: EventPattern | undefined } {
  const key = JSON.stringify(options);
  let entry = cache.get(key);
  if (entry === undefined) {
    const list = eventPatterns(options);
    entry = { list, one: list.length === 0 ? undefined : eventPattern(options) };
    cache.set(key, entry);
  }
  return entry;
}

/** Parsed and classified events, by raw event (each is judged under many options). */
const classified = new WeakMap<object, { event: EcsEvent; c: Classification }>();

/** Judges one raw event under the options. */
export function judge(options: PatternOptions, raw: object): Judgement {
  const resolved = resolveFilterOptions(typeof options === 'string' ? { preset: options } : options);
  let entry = classified.get(raw);
  if (entry === undefined) {
    const event = parseEcsEvent(raw);
    entry = { event, c: classify(event) };
    classified.set(raw, entry);
  }
  const passes = applyStatelessRules(entry.event, entry.c, resolved) === 'pass';
  const { list, one } = patternsFor(options);
  const selectedBy = list.flatMap((pattern, index) => (matchesPattern(pattern, raw) ? [index] : []));
  return { passes, selectedBy, selectedByOne: one !== undefined && matchesPattern(one, raw) };
}

/** Whether any pattern of the options selects the event. */
export function selected(options: PatternOptions, raw: unknown): boolean {
  return patternsFor(options).list.some((pattern) => matchesPattern(pattern, raw));
}
