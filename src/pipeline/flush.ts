/**
 * The pipeline's flush: at each destination its due digests and its grouped messages whose window
 * has closed, then the summaries of the silences that ended, each logged.
 *
 * @internal
 * @module
 */
import type { PipelineContext } from './context.js';
import type { Destination, DestinationOutcome } from './destination.js';
import { flushDestination } from './digests.js';
import { errorLine, type PipelineLogger } from './log.js';
import { report } from './report.js';
import { resultOf } from './result.js';
import type { PipelineResult } from './types.js';

/**
 * Sends what is due: each destination's digests and grouped messages, then the silences' summaries.
 *
 * @param context - The pipeline's parts.
 * @param deadline - When the flush must end, if ever.
 * @returns One result per digest, grouped message, and summary and destination.
 * @internal
 */
export async function flushPipeline(context: PipelineContext, deadline: number | undefined): Promise<PipelineResult[]> {
  const { log, clock, silencing, destinations } = context;
  context.call.deadline = deadline;
  const results: PipelineResult[] = [];
  for (const destination of destinations.values()) {
    results.push(...(await flushDestination(context, destination, deadline)));
    results.push(...(await flushIncidents(log, destination, deadline)));
  }
  if (silencing === undefined) return results;
  try {
    const posted = await silencing.summaries(
      clock(),
      (summary) => summaryTargets(context, summary.destinations),
      deadline,
    );
    for (const { destination, outcome } of posted) {
      const choice = destination.name === undefined ? undefined : { destination: destination.name, route: 'silence' };
      report(log, undefined, undefined, choice, outcome);
      results.push(resultOf(undefined, outcome));
    }
  } catch (error) {
    log({ level: 'error', msg: 'failed', reason: 'silence-summary', detail: errorLine(error) });
    results.push({ status: 'failed', error });
  }
  return results;
}

/** Sends the grouped messages of one destination whose window has closed. */
async function flushIncidents(
  log: PipelineLogger,
  destination: Destination,
  deadline: number | undefined,
): Promise<PipelineResult[]> {
  if (destination.grouping === undefined) return [];
  const choice = destination.name === undefined ? undefined : { destination: destination.name, route: 'incident' };
  try {
    const sent = await destination.grouping.flush(deadline);
    return sent.map((delivery) => {
      const outcome: DestinationOutcome =
        delivery.error === undefined
          ? { status: 'sent', what: 'incident' }
          : { status: 'failed', error: delivery.error };
      report(log, undefined, delivery.classification, choice, outcome);
      return resultOf(delivery.classification, outcome);
    });
  } catch (error) {
    report(log, undefined, undefined, choice, { status: 'failed', error });
    return [{ status: 'failed', error }];
  }
}

/** Where the summary of a silence goes: the destinations its events would have gone to, else the default route's. */
function summaryTargets(context: PipelineContext, destinationsOfSummary: readonly string[]): Destination[] {
  const { policy, destinations } = context;
  if (policy === undefined) return [destinations.get(undefined)!];
  const known = destinationsOfSummary.filter((name) => destinations.has(name));
  const names = known.length > 0 ? known : [policy.default.to].flat();
  return names.map((name) => destinations.get(name)!);
}
