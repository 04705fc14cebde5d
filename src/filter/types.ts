/**
 * The noise filter's vocabulary: options, presets and decisions.
 *
 * @module
 */
import type { Classification, Outcome, Severity } from '../classify/classification.js';
import type { EcsEvent, EcsEventKind } from '../events/index.js';
import type { Digest } from '../render/digest.js';
import type { STORE_RETRY_DEFAULTS, StoreRetryOptions } from '../state/retrying-store.js';
import type { StateKey, StateStore } from '../state/store.js';

/**
 * A ready-made set of filter options.
 *
 * - `alerts` (default): warnings and errors; deployment start, completion, failure and rollback;
 *   recoveries. Transitional task states, routine stops (deployment replacements, scale-in, user
 *   stops), container-instance churn and steady states are suppressed; repeats are folded into
 *   digests; duplicates and stale events are dropped.
 * - `verbose`: every terminal change (every STOPPED task, every service and deployment event) for
 *   a deployment feed; still deduplicated, repeated steady states and instance churn still quiet,
 *   no folding.
 * - `none`: no filtering at all: every event is notified, duplicates included.
 */
export type FilterPreset = 'alerts' | 'verbose' | 'none';

/**
 * Names to keep or drop. Entries are exact names or `*` globs (`prod-*`); `exclude` wins.
 */
export interface NameFilter {
  /** Only these (default: all). */
  readonly include?: readonly string[];
  /** Never these. */
  readonly exclude?: readonly string[];
}

/**
 * Options of {@link createNoiseFilter}. Every option of the chosen preset can be overridden.
 */
export interface NoiseFilterOptions {
  /** The starting point; default `alerts`. */
  readonly preset?: FilterPreset;
  /** Where state lives; default a new `MemoryStateStore`. Use the DynamoDB store across Lambdas. */
  readonly store?: StateStore;
  /**
   * Keeps this filter's records apart from other filters sharing the store (one filter per Slack
   * channel, say), so each `flush` only sends its own digests. Default: none.
   */
  readonly namespace?: string;
  /** Only these kinds (default: all). */
  readonly kinds?: readonly EcsEventKind[];
  /** Outcomes always notified, whatever their severity (alerts: the deployment outcomes). */
  readonly notifyOutcomes?: readonly Outcome[];
  /** Outcomes never notified. */
  readonly suppressOutcomes?: readonly Outcome[];
  /** The lowest severity notified (alerts: `warning`; verbose: `info`). */
  readonly minSeverity?: Severity;
  /** Clusters to keep or drop. */
  readonly clusters?: NameFilter;
  /** Services to keep or drop (events without a service are kept unless `include` is set). */
  readonly services?: NameFilter;
  /** Suppress task events that are not terminal (starting, running, stopping), except Spot warnings. Default `true`. */
  readonly transitional?: boolean;
  /** Suppress routine stops: deployment replacements, scale-in, user stops (alerts `true`, verbose `false`). */
  readonly routineStops?: boolean;
  /** Suppress container instances that are merely ACTIVE (free-resource churn). Default `true`. */
  readonly instanceChurn?: boolean;
  /**
   * Steady states: `recovery` notifies one only right after a problem on the same service
   * (alerts), `changes` notifies the first after anything else (verbose), `all` every one.
   */
  readonly steadyStates?: 'recovery' | 'changes' | 'all';
  /** Drop duplicate deliveries and stale (out-of-order) events. Default `true` (not for `none`). */
  readonly dedupe?: boolean;
  /**
   * Fold repeats of one incident (cluster, service, outcome, cause, culprit container) inside
   * this window into the first alert plus a digest; `false` to notify every repeat.
   * Alerts: 600 seconds; verbose: `false`.
   */
  readonly foldWindowSeconds?: number | false;
  /** Announce the first steady state or completed deployment after a problem as a recovery. Alerts `true`. */
  readonly recovery?: boolean;
  /** How long duplicates are remembered, in seconds. Default 86,400 (a day). */
  readonly dedupeTtlSeconds?: number;
  /**
   * How long a claimed event is held while it is being delivered, in seconds (default 300): a
   * duplicate arriving meanwhile is deferred, not dropped, so a crashed delivery is retried.
   */
  readonly leaseSeconds?: number;
  /**
   * Milliseconds this invocation may still use (a Lambda's remaining time less a margin), read
   * when needed. Store retries never wait past it, and a claim is held no longer than it, so a
   * delivery cut off by its deadline is decided afresh by the next invocation instead of being
   * deferred for the whole lease. Default: no budget.
   */
  readonly remainingMs?: () => number;
  /**
   * How store calls that failed with a retryable `StateStoreError` (throttling, a server or
   * network fault) are retried; `false` to never retry. Default {@link STORE_RETRY_DEFAULTS}.
   */
  readonly storeRetry?: StoreRetryOptions | false;
}

/**
 * Why an event was suppressed.
 *
 * - `kind`, `outcome`, `severity`, `cluster`, `service`: a stateless include/exclude rule
 * - `transitional`: a task event that is not terminal
 * - `routine-stop`: a deployment replacement, scale-in or user stop
 * - `instance-churn`: a container instance that is merely ACTIVE
 * - `steady-state`: a steady state that is not a recovery (alerts) or not a change (verbose)
 * - `duplicate`: the same event, or the same resource version, already handled
 * - `stale`: an older resource version than one already seen (arrived out of order)
 * - `folded`: a repeat counted into the digest of its incident
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
  | 'folded';

/**
 * What the filter holds for a decision until it is settled: state written when deciding that
 * {@link NoiseFilter.commit} makes permanent and {@link NoiseFilter.release} undoes. Opaque.
 */
export interface DecisionReceipt {
  /** Claims to confirm on commit, and on release to drop (notify) or confirm (digest: its event is already counted). */
  readonly claims: readonly StateKey[];
  /** A problem marker taken for a recovery, to put back on release. */
  readonly recoveredFrom?: ReceiptMarker;
  /** A digest's fold window, to credit back on release. */
  readonly digestOf?: ReceiptWindow;
  /** The fold window whose first alert this is, to hand back on release. */
  readonly alertOf?: StateKey;
  /** When that fold window started (epoch ms): release hands back this window's alert, never a newer window's. */
  readonly alertStart?: number;
  /** A problem this notification marks on its service, for a later recovery. */
  readonly problem?: ReceiptProblem;
  /** Steady-state bookkeeping for `changes`. */
  readonly steady?: ReceiptSteady;
}

/** A record taken when deciding, with its value. */
export interface ReceiptMarker {
  /** Where it lived. */
  readonly key: StateKey;
  /** What it held. */
  readonly value: Readonly<Record<string, unknown>>;
}

/** The fold window a digest came from. */
export interface ReceiptWindow {
  /** The window's key. */
  readonly key: StateKey;
  /** Repeats the digest reports. */
  readonly count: number;
  /** When those repeats began (ISO-8601). */
  readonly since: string;
}

/** A problem to mark on a service once its alert is delivered. */
export interface ReceiptProblem {
  /** The service's problem marker. */
  readonly key: StateKey;
  /** The problem's outcome. */
  readonly outcome: string;
}

/** Whether a service is steady once this notification is delivered. */
export interface ReceiptSteady {
  /** The service's steady flag. */
  readonly key: StateKey;
  /** The flag's new value. */
  readonly steady: boolean;
}

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

/**
 * Every filter option with its value in force.
 */
export interface ResolvedFilterOptions {
  /** The preset the options started from. */
  readonly preset: FilterPreset;
  /** See {@link NoiseFilterOptions.kinds}. */
  readonly kinds: readonly EcsEventKind[] | undefined;
  /** See {@link NoiseFilterOptions.notifyOutcomes}. */
  readonly notifyOutcomes: readonly Outcome[];
  /** See {@link NoiseFilterOptions.suppressOutcomes}. */
  readonly suppressOutcomes: readonly Outcome[];
  /** See {@link NoiseFilterOptions.minSeverity}. */
  readonly minSeverity: Severity;
  /** See {@link NoiseFilterOptions.clusters}. */
  readonly clusters: NameFilter;
  /** See {@link NoiseFilterOptions.services}. */
  readonly services: NameFilter;
  /** See {@link NoiseFilterOptions.transitional}. */
  readonly transitional: boolean;
  /** See {@link NoiseFilterOptions.routineStops}. */
  readonly routineStops: boolean;
  /** See {@link NoiseFilterOptions.instanceChurn}. */
  readonly instanceChurn: boolean;
  /** See {@link NoiseFilterOptions.steadyStates}. */
  readonly steadyStates: 'recovery' | 'changes' | 'all';
  /** See {@link NoiseFilterOptions.dedupe}. */
  readonly dedupe: boolean;
  /** See {@link NoiseFilterOptions.foldWindowSeconds}. */
  readonly foldWindowSeconds: number | false;
  /** See {@link NoiseFilterOptions.recovery}. */
  readonly recovery: boolean;
  /** See {@link NoiseFilterOptions.dedupeTtlSeconds}. */
  readonly dedupeTtlSeconds: number;
  /** See {@link NoiseFilterOptions.leaseSeconds}. */
  readonly leaseSeconds: number;
}
