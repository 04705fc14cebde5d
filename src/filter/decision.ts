/**
 * The noise filter's decisions, and the filter itself: decide, settle, flush.
 *
 * @module
 */
import type { Classification } from '../classify/classification.js';
import type { EcsEvent } from '../events/index.js';
import type { Digest } from './digest.js';
import type { ResolvedFilterOptions } from './filter-options.js';
import type { DecisionReceipt } from './receipt.js';

/**
 * Why an event was suppressed.
 *
 * @remarks
 * - `kind`, `outcome`, `severity`, `cluster`, `service`: a stateless include/exclude rule
 * - `transitional`: a task event that is not terminal
 * - `routine-stop`: a deployment replacement, scale-in or user stop
 * - `instance-churn`: a container instance that is merely ACTIVE
 * - `steady-state`: a steady state that is not a recovery (alerts) or not a change (verbose)
 * - `duplicate`: the same event, or the same resource version, already handled
 * - `stale`: an older resource version than one already seen (arrived out of order)
 * - `folded`: a repeat counted into the digest of its incident
 * - `silenced`: a silence (`ecs-slack/policy`) holds it; counted for the silence's summary
 */
export type SuppressReason =
  | 'kind'
  | 'outcome'
  | 'severity'
  | 'cluster'
  | 'service'
  | 'transitional'
  | 'routine-stop'
  | 'instance-churn'
  | 'steady-state'
  | 'duplicate'
  | 'stale'
  | 'folded'
  | 'silenced';

/** Send this event. */
export interface NotifyDecision {
  /** Discriminant. */
  readonly action: 'notify';
  /** What to render: the event's classification, or a recovery rewrite of it. */
  readonly classification: Classification;
  /** `true` when this steady state or completed deployment is announced as a recovery. */
  readonly recovery: boolean;
  /** Settle with {@link NoiseFilter.commit} after delivery, {@link NoiseFilter.release} on failure. */
  readonly receipt: DecisionReceipt;
}

/** Send this digest of folded repeats (the event itself is counted in the next one). */
export interface DigestDecision {
  /** Discriminant. */
  readonly action: 'digest';
  /** The repeats to report. */
  readonly digest: Digest;
  /** Settle with {@link NoiseFilter.commit} after delivery, {@link NoiseFilter.release} on failure. */
  readonly receipt: DecisionReceipt;
}

/** Do not send; here is why. */
export interface SuppressDecision {
  /** Discriminant. */
  readonly action: 'suppress';
  /** The rule that suppressed it. */
  readonly reason: SuppressReason;
  /** One readable sentence, for logs. */
  readonly detail: string;
}

/**
 * Another delivery of this event is in flight (claimed and not settled yet): retry later. A
 * Lambda handler reports the record as failed so SQS or Lambda retries it; if the other delivery
 * succeeds, the retry is then a duplicate, and if it crashed, its claim expires after the lease.
 */
export interface DeferDecision {
  /** Discriminant. */
  readonly action: 'defer';
  /** One readable sentence, for logs. */
  readonly detail: string;
}

/**
 * What to do with an event.
 */
export type Decision = NotifyDecision | DigestDecision | SuppressDecision | DeferDecision;

/**
 * The noise filter: decides per event, settles decisions after delivery, and flushes due digests.
 */
export interface NoiseFilter {
  /** The options in force (preset plus overrides). */
  readonly options: ResolvedFilterOptions;
  /**
   * Decides what to do with one event at time `now` (epoch milliseconds; never read from a clock).
   *
   * @param event - The parsed event.
   * @param classification - Its classification.
   * @param now - Current time, epoch milliseconds.
   * @returns Notify, digest, suppress (with its reason) or defer.
   */
  decide(event: EcsEvent, classification: Classification, now: number): Promise<Decision>;
  /**
   * Makes a notify or digest decision permanent after the message was delivered.
   *
   * @param decision - The decision returned by {@link NoiseFilter.decide} or {@link NoiseFilter.flush}.
   * @param now - Current time, epoch milliseconds.
   */
  commit(decision: NotifyDecision | DigestDecision, now: number): Promise<void>;
  /**
   * Undoes a notify or digest decision whose message could not be delivered, so the event's retry
   * is handled again and no digest count is lost. For a digest, the digest is credited to the next
   * one and the event stays counted in the window it opened, so its retry is a duplicate. Never
   * release a decision whose message was delivered, even when {@link NoiseFilter.commit} failed.
   *
   * @param decision - The decision returned by {@link NoiseFilter.decide} or {@link NoiseFilter.flush}.
   * @param now - Current time, epoch milliseconds.
   */
  release(decision: NotifyDecision | DigestDecision, now: number): Promise<void>;
  /**
   * The digests whose fold window has closed by `now`, each claimed so that only one caller sends
   * it. Call from a scheduled invocation (or after each batch) so the last digest of a crash loop
   * goes out even when no further event comes.
   *
   * @param now - Current time, epoch milliseconds.
   * @returns Digest decisions, to send and settle like {@link NoiseFilter.decide}'s.
   */
  flush(now: number): Promise<DigestDecision[]>;
}
