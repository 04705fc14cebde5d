/**
 * The noise filter's options: the presets, name filters, and every option with its value in force.
 *
 * @module
 */
import type { Outcome, Severity } from '../classify/outcomes.js';
import type { EcsEvent, EcsEventKind } from '../events/index.js';
import type { Classification } from '../classify/classification.js';
import type { STORE_RETRY_DEFAULTS, StoreRetryOptions } from '../state/retrying-store.js';
import type { StateStore } from '../state/store.js';

/**
 * A ready-made set of filter options.
 *
 * @remarks
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
  /**
   * Suppress task events that are not terminal (starting, running, stopping), except Spot warnings.
   * Default `true`; `false` to see every task state. Formerly `transitional`.
   */
  readonly suppressTransitional?: boolean;
  /**
   * Suppress routine stops: deployment replacements, scale-in, user stops (alerts `true`, verbose
   * `false`). Formerly `routineStops`.
   */
  readonly suppressRoutineStops?: boolean;
  /**
   * Suppress container instances that are merely ACTIVE (free-resource churn). Default `true`.
   * Formerly `instanceChurn`.
   */
  readonly suppressInstanceChurn?: boolean;
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
  /**
   * Whether a silence holds the event: asked after the stateless rules and the duplicate check
   * (so a redelivery is not counted twice), before folding. Return a detail for the log when
   * the event is silenced (and counted); it is then suppressed with reason `silenced`. The
   * pipeline gives its filters one that reads `ecs-slack/policy` silences. Default: none.
   */
  readonly silenced?: SilenceCheck;
}

/**
 * Asked by the noise filter whether a silence holds an event (see
 * {@link NoiseFilterOptions.silenced}).
 *
 * @param event - The parsed event.
 * @param classification - Its classification.
 * @param now - Current time, epoch milliseconds.
 * @returns A detail for the log when the event is silenced, else `undefined`.
 */
export type SilenceCheck = (
  event: EcsEvent,
  classification: Classification,
  now: number,
) => Promise<string | undefined>;

/**
 * Whether a silence holds an event, without counting it: lets a filter with a `silenced` check
 * count a repeat by its fold window's ids alone (one write), when no silence holds it.
 *
 * @internal
 */
export type SilenceProbe = (event: EcsEvent, classification: Classification, now: number) => Promise<boolean>;

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
  /** See {@link NoiseFilterOptions.suppressTransitional}. */
  readonly suppressTransitional: boolean;
  /** See {@link NoiseFilterOptions.suppressRoutineStops}. */
  readonly suppressRoutineStops: boolean;
  /** See {@link NoiseFilterOptions.suppressInstanceChurn}. */
  readonly suppressInstanceChurn: boolean;
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
