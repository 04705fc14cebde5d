/**
 * The presets and how options override them.
 *
 * @module
 */
import { type Outcome, outcomesWhere } from '../classify/outcomes.js';
import { refuseRenamedOptions } from './check-options.js';
import type { FilterPreset, NoiseFilterOptions, ResolvedFilterOptions } from './filter-options.js';

/** The deployment news always notified by `alerts`: every outcome that moves a deployment's card. */
const DEPLOYMENT_FEED: readonly Outcome[] = /* @__PURE__ */ outcomesWhere(
  (record) => record.deploymentState !== undefined,
);

/**
 * The option values of each preset.
 *
 * @example
 * ```ts
 * FILTER_PRESETS.alerts.foldWindowSeconds; // 600
 * ```
 */
export const FILTER_PRESETS: Readonly<Record<FilterPreset, ResolvedFilterOptions>> = {
  alerts: {
    preset: 'alerts',
    kinds: undefined,
    notifyOutcomes: DEPLOYMENT_FEED,
    suppressOutcomes: [],
    minSeverity: 'warning',
    clusters: {},
    services: {},
    suppressTransitional: true,
    suppressRoutineStops: true,
    suppressInstanceChurn: true,
    steadyStates: 'recovery',
    dedupe: true,
    foldWindowSeconds: 600,
    recovery: true,
    dedupeTtlSeconds: 86_400,
    leaseSeconds: 300,
  },
  verbose: {
    preset: 'verbose',
    kinds: undefined,
    notifyOutcomes: DEPLOYMENT_FEED,
    suppressOutcomes: [],
    minSeverity: 'info',
    clusters: {},
    services: {},
    suppressTransitional: true,
    suppressRoutineStops: false,
    suppressInstanceChurn: true,
    steadyStates: 'changes',
    dedupe: true,
    foldWindowSeconds: false,
    recovery: true,
    dedupeTtlSeconds: 86_400,
    leaseSeconds: 300,
  },
  none: {
    preset: 'none',
    kinds: undefined,
    notifyOutcomes: [],
    suppressOutcomes: [],
    minSeverity: 'info',
    clusters: {},
    services: {},
    suppressTransitional: false,
    suppressRoutineStops: false,
    suppressInstanceChurn: false,
    steadyStates: 'all',
    dedupe: false,
    foldWindowSeconds: false,
    recovery: false,
    dedupeTtlSeconds: 86_400,
    leaseSeconds: 300,
  },
};

/**
 * The preset named in `options` (default `alerts`) with every given option laid over it.
 *
 * @param options - Filter options.
 * @returns Every option with its value in force.
 * @throws `RangeError` for an unknown preset or a window, TTL or lease that is not a positive number;
 *   `ConfigError` for an option under its old name (`transitional`: use `suppressTransitional`).
 * @example
 * ```ts
 * resolveFilterOptions({ preset: 'alerts', foldWindowSeconds: 300 }).foldWindowSeconds; // 300
 * ```
 */
export function resolveFilterOptions(options: NoiseFilterOptions = {}): ResolvedFilterOptions {
  refuseRenamedOptions(options, 'resolveFilterOptions');
  const preset = options.preset ?? 'alerts';
  const base = FILTER_PRESETS[preset];
  if (base === undefined)
    throw new RangeError(`unknown filter preset ${JSON.stringify(preset)}; use alerts, verbose or none`);
  const resolved: { -readonly [K in keyof ResolvedFilterOptions]: ResolvedFilterOptions[K] } = { ...base };
  for (const key of Object.keys(resolved) as Array<keyof ResolvedFilterOptions>) {
    if (key === 'preset') continue;
    const value = (options as Record<string, unknown>)[key];
    if (value !== undefined) (resolved as Record<string, unknown>)[key] = value;
  }
  for (const key of ['dedupeTtlSeconds', 'leaseSeconds'] as const) {
    if (!(resolved[key] > 0)) throw new RangeError(`${key} must be a positive number of seconds`);
  }
  if (resolved.foldWindowSeconds !== false && !(resolved.foldWindowSeconds > 0)) {
    throw new RangeError('foldWindowSeconds must be a positive number of seconds, or false');
  }
  return resolved;
}
