/**
 * Routing: which destinations an event goes to, and which rule chose each. Pure.
 *
 * @module
 */
import type { Classification } from '../classify/classification.js';
import { matchesClassification, type OneOrMany } from './match.js';
import type { DefaultRoute, Policy, PolicyMentions, RouteFilter } from './schema.js';

/**
 * One destination an event goes to, and the rule that chose it.
 */
export interface RouteChoice {
  /** The destination's name (a key of `policy.destinations`). */
  readonly destination: string;
  /** The route that chose it: its name, else `routes[INDEX]`, or `default`. */
  readonly route: string;
  /** The route's index in `policy.routes`; absent for the default route. */
  readonly index?: number;
  /** Who to mention, per severity, when the route says. */
  readonly mentions?: PolicyMentions;
  /** The route's noise-filter overrides, when it has any. */
  readonly filter?: RouteFilter;
}

function destinations(to: OneOrMany<string>): readonly string[] {
  return typeof to === 'string' ? [to] : to;
}

function choices(route: DefaultRoute, label: string, index: number | undefined): RouteChoice[] {
  return destinations(route.to).map((destination) => ({
    destination,
    route: label,
    ...(index === undefined ? {} : { index }),
    ...(route.mentions === undefined ? {} : { mentions: route.mentions }),
    ...(route.filter === undefined ? {} : { filter: route.filter }),
  }));
}

/**
 * The destinations of an event, in order: the routes are tried in turn, and the first that
 * matches ends the search unless it says `continue`; when none matched, the default route's.
 * A destination chosen twice keeps its first route (its mentions and filter).
 *
 * @param policy - A validated policy.
 * @param classification - The event's classification, after {@link applyPolicySeverity}.
 * @returns At least one choice, each destination once.
 * @example
 * ```ts
 * for (const { destination, route } of routeFor(policy, applyPolicySeverity(policy, event, classify(event)))) {
 *   console.log(destination, 'chosen by', route);
 * }
 * ```
 */
export function routeFor(policy: Policy, classification: Classification): RouteChoice[] {
  const chosen: RouteChoice[] = [];
  let matched = false;
  const routes = policy.routes ?? [];
  for (let index = 0; index < routes.length; index++) {
    const route = routes[index]!;
    if (route.match !== undefined && !matchesClassification(route.match, classification)) continue;
    matched = true;
    chosen.push(...choices(route, route.name ?? `routes[${index}]`, index));
    if (route.continue !== true) break;
  }
  if (!matched) chosen.push(...choices(policy.default, 'default', undefined));
  const seen = new Set<string>();
  const unique: RouteChoice[] = [];
  for (const choice of chosen) {
    if (seen.has(choice.destination)) continue;
    seen.add(choice.destination);
    unique.push(choice);
  }
  return unique;
}
