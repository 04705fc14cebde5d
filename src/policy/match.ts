/**
 * Matchers: which events a route or a silence applies to, by where they come from and what
 * the classifier concluded.
 *
 * @module
 */
import type { Cause, Classification, Outcome, Severity } from '../classify/classification.js';
import type { EcsEventKind } from '../events/index.js';
import { passesNameFilter } from '../filter/glob.js';

/** One value, or a list of which any one matches. */
export type OneOrMany<T> = T | readonly T[];

/**
 * Which events a route or a silence applies to. Every field given must match (and); a list
 * matches when any of its values does (or). Names are exact or `*` globs (`prod-*`); an event
 * without the field (a container-instance event has no service) never matches a name. An
 * empty matcher matches every event.
 *
 * @example
 * ```ts
 * const match: PolicyMatch = { cluster: 'prod-*', severity: ['warning', 'error'] };
 * ```
 */
export interface PolicyMatch {
  /** AWS account ids or globs. */
  readonly account?: OneOrMany<string>;
  /** AWS Regions or globs (`eu-*`). */
  readonly region?: OneOrMany<string>;
  /** Cluster names or globs. */
  readonly cluster?: OneOrMany<string>;
  /** Service names or globs. */
  readonly service?: OneOrMany<string>;
  /** Event kinds. */
  readonly kind?: OneOrMany<EcsEventKind>;
  /** Outcomes, after the policy's severity overrides (see `docs/classification.md`). */
  readonly outcome?: OneOrMany<Outcome>;
  /** Severities, after the policy's severity overrides. */
  readonly severity?: OneOrMany<Severity>;
  /** Failure families (`image-pull`, `secrets`, ...); an event without a cause never matches. */
  readonly cause?: OneOrMany<Cause>;
}

/**
 * The fields of a {@link PolicyMatch}, in the order summaries name them.
 *
 * @internal
 */
export const MATCH_FIELDS: readonly (keyof PolicyMatch)[] = [
  'service',
  'cluster',
  'outcome',
  'cause',
  'kind',
  'severity',
  'account',
  'region',
];

function list<T>(value: OneOrMany<T>): readonly T[] {
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}

function names(value: OneOrMany<string> | undefined, name: string | undefined): boolean {
  return value === undefined || passesNameFilter(name, { include: list(value) });
}

function among<T>(value: OneOrMany<T> | undefined, actual: T | undefined): boolean {
  return value === undefined || (actual !== undefined && list(value).includes(actual));
}

/**
 * Whether a classification matches a {@link PolicyMatch}.
 *
 * @param match - The matcher.
 * @param classification - The event's classification, after the policy's severity overrides.
 * @returns `true` when every field of the matcher matches.
 * @example
 * ```ts
 * matchesClassification({ service: 'checkout', outcome: 'crashed' }, classify(event));
 * ```
 */
export function matchesClassification(match: PolicyMatch, classification: Classification): boolean {
  const { identity } = classification;
  return (
    among(match.kind, classification.kind) &&
    among(match.outcome, classification.outcome) &&
    among(match.severity, classification.severity) &&
    among(match.cause, classification.cause) &&
    names(match.account, identity.account) &&
    names(match.region, identity.region) &&
    names(match.cluster, identity.cluster) &&
    names(match.service, identity.service)
  );
}

/**
 * A matcher in words, for summaries: `checkout`, `checkout, cluster prod`, `outcome crashed`.
 *
 * @internal
 */
export function describeMatch(match: PolicyMatch): string {
  const parts: string[] = [];
  for (const field of MATCH_FIELDS) {
    const value = match[field];
    if (value === undefined) continue;
    const values = list<string>(value).join(' or ');
    parts.push(field === 'service' && parts.length === 0 ? values : `${field} ${values}`);
  }
  return parts.length === 0 ? 'every event' : parts.join(', ');
}
