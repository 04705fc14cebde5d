/**
 * The pipeline's log lines: what each destination did with an event, a digest or a summary, with
 * the event's classification and the route that chose the destination.
 *
 * @internal
 * @module
 */
import type { Classification } from '../classify/classification.js';
import type { RouteChoice } from '../policy/route.js';
import type { DestinationOutcome } from './destination.js';
import { errorLine, type PipelineLogEntry, type PipelineLogger } from './log.js';

/**
 * The fields of a log line that say what it is about: the record id, the classification, and
 * the destination and route.
 *
 * @param id - The record id, if any.
 * @param c - The classification, when the event got that far.
 * @param choice - The route choice, with a policy.
 * @returns The fields.
 * @internal
 */
export function describe(
  id: string | undefined,
  c: Classification | undefined,
  choice?: RouteChoice,
): Omit<PipelineLogEntry, 'level' | 'msg' | 'reason' | 'detail'> {
  return {
    ...(id === undefined ? {} : { id }),
    ...(c === undefined
      ? {}
      : {
          kind: c.kind,
          outcome: c.outcome,
          severity: c.severity,
          ...(c.identity.cluster === undefined ? {} : { cluster: c.identity.cluster }),
          ...(c.identity.service === undefined ? {} : { service: c.identity.service }),
          ...(c.missing === undefined ? {} : { missing: c.missing }),
        }),
    ...(choice === undefined ? {} : { destination: choice.destination, route: choice.route }),
  };
}

/**
 * Logs what a destination did.
 *
 * @param log - The pipeline's logger.
 * @param id - The record id, if any.
 * @param c - The classification, when the event got that far.
 * @param choice - The route choice, with a policy.
 * @param outcome - What the destination did.
 * @internal
 */
export function report(
  log: PipelineLogger,
  id: string | undefined,
  c: Classification | undefined,
  choice: RouteChoice | undefined,
  outcome: DestinationOutcome,
): void {
  const where = describe(id, c, choice);
  switch (outcome.status) {
    case 'sent':
      if (!('unsettled' in outcome) || outcome.unsettled === undefined) {
        log({ level: 'info', msg: 'sent', ...where, reason: outcome.what });
      } else {
        const detail = `delivered, but the filter state was not saved: ${errorLine(outcome.unsettled)}`;
        log({ level: 'warn', msg: 'sent', ...where, reason: outcome.what, detail });
      }
      return;
    case 'suppressed':
      log({ level: 'info', msg: 'suppressed', ...where, reason: outcome.reason, detail: outcome.detail });
      return;
    case 'deferred':
      log({
        level: 'warn',
        msg: 'deferred',
        ...where,
        ...(outcome.detail.includes('deadline') ? { reason: 'deadline' } : {}),
        detail: outcome.detail,
      });
      return;
    case 'failed':
      log({ level: 'error', msg: 'failed', ...where, detail: errorLine(outcome.error) });
  }
}
