/**
 * The noise filter's fast path: a task repeat of an incident whose window this filter holds
 * (open, alerted, listing every repeat it counted) is counted and listed in one compare-and-set
 * of the window, with no order record, claim or confirmation; a redelivery of a listed repeat
 * costs no request at all.
 *
 * @internal
 * @module
 */
import type { Classification } from '../classify/classification.js';
import { outcomeRecord } from '../classify/outcomes.js';
import type { EcsEvent } from '../events/index.js';
import type { Decision } from './decision.js';
import { digestView } from './digest-view.js';
import { type FoldCache, windowOpen } from './fold.js';
import { hasMember, listsAll, withMember } from './fold-members.js';
import type { ResolvedFilterOptions } from './filter-options.js';
import { suppress } from './rules.js';
import { numberField, stringField } from '../state/codec.js';
import type { StateKey, StateStore, StoreWrite } from '../state/store.js';

/**
 * What the fast path needs of one task event.
 *
 * @internal
 */
export interface RepeatOptions extends StoreWrite {
  /** The fold window's length, in ms. */
  readonly windowMs: number;
  /** The windows this filter last saw. */
  readonly cache: FoldCache;
  /** The event's task, as `memberId` names it. */
  readonly member: string;
  /** The scope of the event's claims (`claim#` and its task ARN), as the window's `by` starts. */
  readonly claimScope: string;
}

/**
 * The detail of a duplicate's suppression.
 *
 * @internal
 */
export const DUPLICATE_DETAIL = 'already handled (same event or resource version)';

/**
 * The detail of a folded repeat's suppression.
 *
 * @internal
 */
export function foldedDetail(outcome: string): string {
  return `repeat folded into the digest of ${outcome}`;
}

/**
 * Whether an event that passed the stateless rules reaches folding once claimed: a warning or
 * error, not of a deployment, with folding on, and neither a recovery nor a steady state (see
 * `decideClaimed`).
 *
 * @internal
 */
export function foldsOnceClaimed(options: ResolvedFilterOptions, c: Classification): boolean {
  return (
    options.foldWindowSeconds !== false &&
    c.kind !== 'deployment' &&
    (c.severity === 'warning' || c.severity === 'error') &&
    c.outcome !== 'steady-state' &&
    outcomeRecord(c.outcome).recovery !== true
  );
}

/**
 * Counts a task repeat into the window this filter holds for it, if it can without a claim.
 *
 * @returns A `duplicate` (listed already: no request) or `folded` (one write) suppression, or
 *   `undefined`: decide it the usual way (no window held, the event's own task alerted in it, or
 *   the window changed since it was seen: then it is forgotten).
 * @internal
 */
export async function foldRepeat(
  store: StateStore,
  key: StateKey,
  event: EcsEvent,
  c: Classification,
  options: RepeatOptions,
): Promise<Decision | undefined> {
  const { cache, member, now } = options;
  const record = cache.get(key, now);
  if (record === undefined) return undefined;
  const value = record.value;
  if (!windowOpen(value, options.windowMs, now) || value.alerted !== true) return undefined;
  // The task whose event took the alert: its redelivery may have to alert again (see `fold`).
  if (stringField(value, 'by')?.startsWith(`${options.claimScope}|`) === true) return undefined;
  // Ids are only added while a window lives: a copy that lists it proves it is counted.
  if (hasMember(value, member)) return suppress('duplicate', DUPLICATE_DETAIL);
  if (!listsAll(value)) return undefined;
  const next = {
    ...value,
    count: numberField(value, 'count') + 1,
    until: new Date(now).toISOString(),
    latest: digestView(event, key.id),
    ...withMember(value, member),
  };
  const write = { now, ttlSeconds: options.ttlSeconds, expectedVersion: record.version };
  // Written or not when it throws: the retry reads the window, and finds the repeat listed if it was.
  cache.delete(key);
  const written = await store.put(key, next, write);
  if (written === undefined) return undefined;
  cache.set(key, written);
  return suppress('folded', foldedDetail(c.outcome));
}
