/**
 * The noise filter's decision for a claimed event that no silence holds: a recovery after a
 * problem, a steady state that is news (or not), or a warning or error folded into its incident's
 * window (first alert, folded repeat or digest); with what its settling must then write.
 *
 * @internal
 * @module
 */
import { outcomeRecord } from '../classify/outcomes.js';
import type { Classification } from '../classify/classification.js';
import type { EcsEvent } from '../events/index.js';
import type { Decision, NotifyDecision } from './decision.js';
import type { ResolvedFilterOptions } from './filter-options.js';
import { type FoldCache, fold } from './fold.js';
import { DUPLICATE_DETAIL, foldedDetail } from './fold-repeat.js';
import { foldKey, problemKey, serviceOf, steadyKey } from './keys.js';
import { foldTtlSeconds } from './lifetimes.js';
import { type ReceiptState, toReceipt } from './receipt.js';
import { suppress } from './rules.js';
import type { StateKey, StateStore } from '../state/store.js';

/**
 * What a noise filter decides with: its options, its store and the fold windows it last saw.
 *
 * @internal
 */
export interface FilterState {
  readonly options: ResolvedFilterOptions;
  readonly store: StateStore;
  /** The fold windows last seen, so a repeat is written without a read (see `FoldCache`). */
  readonly windows: FoldCache;
}

/**
 * What {@link decideClaimed} knows of a claimed event besides the event and its classification.
 *
 * @internal
 */
export interface ClaimedEvent {
  /** The time, epoch milliseconds. */
  readonly now: number;
  /** The event's claims, settled with the decision. */
  readonly claims: StateKey[];
  /** The claim (`scope|id`) that alerts for its fold window, when deduplicating. */
  readonly by: string | undefined;
  /** The task's id among its fold window's members, for a task event. */
  readonly member: string | undefined;
}

/**
 * Decides a claimed event: a recovery, a steady state, a folded repeat or digest, or an alert.
 *
 * @param state - The filter's options, store and fold windows.
 * @param event - The event.
 * @param c - Its classification.
 * @param claimed - The time, the event's claims and what identifies it in its fold window.
 * @returns The decision.
 * @internal
 */
export async function decideClaimed(
  state: FilterState,
  event: EcsEvent,
  c: Classification,
  { now, claims, by, member }: ClaimedEvent,
): Promise<Decision> {
  const service = serviceOf(c);
  const { options, store, windows } = state;
  const { recovery, steadyStates, foldWindowSeconds } = options;
  // Recoveries: the first steady state or completed deployment after a problem, announced once.
  if (recovery && service !== undefined && outcomeRecord(c.outcome).recovery === true) {
    const key = problemKey(service);
    const problem = await store.take(key, now);
    if (problem !== undefined) {
      const after = typeof problem.value.outcome === 'string' ? problem.value.outcome : 'a problem';
      // A recovery is news like any other: under `changes` it leaves the service steady (or
      // not) exactly as the plain event would, so the next steady state is not news again.
      return notify(recovered(c, after), true, {
        claims,
        recoveredFrom: { key, value: problem.value },
        ...steadyAfter(options, c, service),
      });
    }
  }
  if (c.outcome === 'steady-state' && steadyStates !== 'all') {
    if (steadyStates === 'recovery' || service === undefined)
      return suppress('steady-state', 'steady state without a problem before it');
    const steady = await store.get(steadyKey(service), now);
    if (steady?.value.steady === true) return suppress('steady-state', 'service is still steady');
    return notify(c, false, { claims, ...steadyAfter(options, c, service) });
  }
  const receipt: { -readonly [K in keyof ReceiptState]: ReceiptState[K] } = {
    claims,
    ...steadyAfter(options, c, service),
  };
  if (service !== undefined && (c.severity === 'warning' || c.severity === 'error')) {
    receipt.problem = { key: problemKey(service), outcome: c.outcome };
  }
  if (foldWindowSeconds !== false && c.kind !== 'deployment' && (c.severity === 'warning' || c.severity === 'error')) {
    const key = foldKey(c);
    const folded = await fold(store, key, event, {
      windowMs: foldWindowSeconds * 1000,
      ttlSeconds: foldTtlSeconds(options),
      now,
      cache: windows,
      ...(by === undefined ? {} : { by }),
      ...(member === undefined ? {} : { member }),
    });
    if (folded.kind === 'duplicate') return suppress('duplicate', DUPLICATE_DETAIL);
    if (folded.kind === 'folded') return suppress('folded', foldedDetail(c.outcome));
    if (folded.kind === 'digest') {
      return {
        action: 'digest',
        digest: folded.digest,
        receipt: toReceipt({ ...receipt, digestOf: { key, count: folded.count, since: folded.since } }),
      };
    }
    receipt.alertOf = key;
    receipt.alertStart = folded.start;
  }
  return notify(c, false, receipt);
}

/** Steady-state bookkeeping (`changes` only): a steady state leaves its service steady, anything else not. */
function steadyAfter(
  options: ResolvedFilterOptions,
  c: Classification,
  service: string | undefined,
): Pick<ReceiptState, 'steady'> {
  if (options.steadyStates !== 'changes' || service === undefined) return {};
  return { steady: { key: steadyKey(service), steady: c.outcome === 'steady-state' } };
}

/** A notify decision, its receipt made opaque. */
function notify(classification: Classification, recovery: boolean, receipt: ReceiptState): NotifyDecision {
  return { action: 'notify', classification, recovery, receipt: toReceipt(receipt) };
}

/** A steady state or completed deployment rewritten as the recovery it announces. */
function recovered(c: Classification, after: string): Classification {
  const service = c.identity.service ?? 'The service';
  return {
    ...c,
    severity: 'success',
    summary: `${service} recovered after ${after}: ${c.summary.charAt(0).toLowerCase()}${c.summary.slice(1)}`,
  };
}
