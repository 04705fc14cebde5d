/**
 * The pipeline's step for one event: classify (with the policy's severity), route, ask the
 * silences, then hand the event to each of its destinations in turn (those the deadline leaves no
 * time for are deferred), log what each did and sum it up.
 *
 * @internal
 * @module
 */
import { classify } from '../classify/index.js';
import type { Classification } from '../classify/classification.js';
import type { EcsEvent } from '../events/index.js';
import type { RouteChoice } from '../policy/route.js';
import type { Evidence } from '../render/evidence.js';
import { choicesFor, judged, type PipelineContext } from './context.js';
import type { DestinationOutcome } from './destination.js';
import { evidenceWithin } from './evidence.js';
import { errorLine } from './log.js';
import { describe, report } from './report.js';
import { summarise } from './result.js';
import type { PipelineResult } from './types.js';

/**
 * How one event is run, besides the event.
 *
 * @internal
 */
export interface EventRun {
  /** The record id for the log. */
  readonly id: string;
  /** When the event must be settled, if ever. */
  readonly deadline: number | undefined;
  /** What a salvaged event lacked. */
  readonly missing?: readonly string[];
}

/**
 * Classifies, routes, filters, delivers and settles one event.
 *
 * @param context - The pipeline's parts.
 * @param event - The event.
 * @param run - Its record id, its deadline, and what it lacked if salvaged.
 * @returns What happened.
 * @internal
 */
export async function runEvent(
  context: PipelineContext,
  event: EcsEvent,
  { id, deadline, missing }: EventRun,
): Promise<PipelineResult> {
  const { policy, log, silencing, destinations, clock } = context;
  context.call.deadline = deadline;
  let c: Classification | undefined;
  let choices: ReadonlyArray<RouteChoice | undefined>;
  let silenced = false;
  try {
    c = classify(event);
    if (missing !== undefined && missing.length > 0) c = { ...c, missing };
    c = judged(policy, event, c);
    choices = choicesFor(policy, c);
    if (silencing !== undefined) {
      silencing.begin(event, policy === undefined ? [] : choices.map((choice) => choice!.destination));
      silenced = await silencing.holds(event, c, clock());
    }
  } catch (error) {
    log({ level: 'error', msg: 'failed', ...describe(id, c), detail: errorLine(error) });
    return { status: 'failed', ...(c === undefined ? {} : { classification: c }), error };
  }
  const results: Array<{ choice: RouteChoice | undefined; outcome: DestinationOutcome }> = [];
  const enrich = context.options.enrich;
  const classified = c;
  let gathering: Promise<Evidence | undefined> | undefined;
  const evidence =
    enrich === undefined ? undefined : () => (gathering ??= evidenceWithin(enrich, event, classified, deadline));
  for (const choice of choices) {
    let outcome: DestinationOutcome;
    if (deadline !== undefined && Date.now() >= deadline) {
      // Nothing claimed for it yet: the event is handed back, and this destination takes it then.
      outcome = { status: 'deferred', detail: 'not started: the deadline has passed' };
    } else {
      const destination = destinations.get(choice?.destination)!;
      outcome = await destination.handle(event, c, {
        routeFilter: choice?.filter,
        mentions: choice?.mentions,
        deadline,
        silenced,
        evidence,
      });
    }
    report(log, id, c, choice, outcome);
    results.push({ choice, outcome });
  }
  return summarise(c, results, policy !== undefined);
}
