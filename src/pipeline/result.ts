/**
 * What the pipeline says happened to an event (its `PipelineResult`), made from what its
 * destinations did.
 *
 * @internal
 * @module
 */
import type { Classification } from '../classify/classification.js';
import type { RouteChoice } from '../policy/route.js';
import type { DestinationOutcome } from './destination.js';
import type { PipelineResult } from './types.js';

/**
 * The result of one delivery, for `flush`.
 *
 * @param c - The classification, when the event got that far.
 * @param outcome - What the destination did.
 * @returns The result.
 * @internal
 */
export function resultOf(c: Classification | undefined, outcome: DestinationOutcome): PipelineResult {
  const base = c === undefined ? {} : { classification: c };
  switch (outcome.status) {
    case 'sent':
      return { status: 'sent', ...base, ...(outcome.unsettled === undefined ? {} : { error: outcome.unsettled }) };
    case 'failed':
      return { status: 'failed', ...base, error: outcome.error };
    default:
      return { status: outcome.status, ...base };
  }
}

/** How bad each status is: an event's is the worst of its destinations'. */
const RANK = { failed: 3, deferred: 2, sent: 1, suppressed: 0 } as const;

/**
 * The event's result: the worst of its destinations', and with a policy each destination's.
 *
 * @param c - The event's classification.
 * @param results - What each destination did, with the route choice that sent the event there.
 * @param perDestination - Whether to list each destination's result (with a policy).
 * @returns The result.
 * @internal
 */
export function summarise(
  c: Classification,
  results: ReadonlyArray<{ choice: RouteChoice | undefined; outcome: DestinationOutcome }>,
  perDestination: boolean,
): PipelineResult {
  let worst = results[0]!.outcome;
  for (const { outcome } of results) if (RANK[outcome.status] > RANK[worst.status]) worst = outcome;
  const result = resultOf(c, worst);
  if (!perDestination) return result;
  return {
    ...result,
    destinations: results.map(({ choice, outcome }) => ({
      destination: choice!.destination,
      route: choice!.route,
      status: outcome.status,
      ...(outcome.status === 'failed' ? { error: outcome.error } : {}),
    })),
  };
}
