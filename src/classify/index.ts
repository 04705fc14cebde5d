/**
 * `classify`: from a parsed event to what happened, how bad it is, who is to blame and what
 * usually fixes it.
 *
 * @module
 */
import type { EcsEvent } from '../events/index.js';
import { classifyContainerInstance } from './container-instance.js';
import { classifyDeployment } from './deployment.js';
import { identify } from './identity.js';
import { consoleLinks } from './links.js';
import { withSeverity } from './outcomes.js';
import { classifyService } from './service.js';
import { classifyTask } from './task.js';
import type { Classification } from './classification.js';

/**
 * Classifies a parsed ECS event: outcome, severity, task phase, cause, a one-sentence summary,
 * the culprit container, a hint with its AWS documentation link, identity and console links.
 *
 * Pure and total: it never throws for an event that parsed, and unknown stop codes, reasons and
 * event names fall back to a generic outcome (`stopped`, `service-event`, `deployment-event`).
 *
 * @param event - A parsed event from {@link parseEcsEvent}.
 * @returns The classification.
 * @throws `TypeError` when `event` is not a parsed event (a raw event, `null`): a mistake in the
 *   calling code, which types catch; the message says what it got.
 * @example
 * ```ts
 * import { classify, parseEcsEvent } from 'ecs-slack';
 *
 * const c = classify(
 *   parseEcsEvent({
 *     source: 'aws.ecs',
 *     'detail-type': 'ECS Task State Change',
 *     detail: {
 *       clusterArn: 'arn:aws:ecs:eu-west-1:123456789012:cluster/prod',
 *       taskArn: 'arn:aws:ecs:eu-west-1:123456789012:task/prod/1f2e3d4c5b6a40718293a4b5c6d7e8f9',
 *       taskDefinitionArn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7',
 *       group: 'service:web',
 *       lastStatus: 'STOPPED',
 *       desiredStatus: 'STOPPED',
 *       stopCode: 'EssentialContainerExited',
 *       containers: [{ name: 'api', lastStatus: 'STOPPED', exitCode: 137, reason: 'OutOfMemoryError: Container killed' }],
 *     },
 *   }),
 * );
 * console.log(c.outcome, c.severity); // 'out-of-memory error'
 * console.log(c.summary); // 'api ran out of memory (exit 137) and was stopped (task 1f2e3d4c of web)'
 * ```
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/stopped-task-error-codes.html
 */
export function classify(event: EcsEvent): Classification {
  // For callers without the types: a raw or missing event fails here, in words, rather than
  // deep inside (or by returning undefined).
  if (typeof (event as Partial<EcsEvent> | null | undefined)?.kind !== 'string') throw notAnEvent('classify', event);
  const identity = identify(event);
  const links = consoleLinks(identity);
  switch (event.kind) {
    case 'task': {
      // The hot path: the verdict's fields copied one by one (a spread in the middle of a
      // literal takes V8's slow path).
      const v = classifyTask(event, identity);
      // identity and links are set last, where the spread put them (the key order shows in JSON).
      const c = { kind: event.kind, outcome: v.outcome, severity: v.severity, phase: v.phase, summary: v.summary } as {
        -readonly [K in keyof Classification]: Classification[K];
      };
      if (v.cause !== undefined) c.cause = v.cause;
      if (v.reason !== undefined) c.reason = v.reason;
      if (v.culprit !== undefined) c.culprit = v.culprit;
      if (v.hint !== undefined) c.hint = v.hint;
      c.identity = identity;
      c.links = links;
      return c;
    }
    case 'service':
      return { kind: event.kind, ...classifyService(event, identity), identity, links };
    case 'deployment':
      return { kind: event.kind, ...classifyDeployment(event, identity), identity, links };
    case 'container-instance':
      return { kind: event.kind, ...classifyContainerInstance(event, identity), identity, links };
    case 'unknown':
      return {
        kind: 'unknown',
        ...withSeverity('unknown-event'),
        summary: `${event['detail-type'] || 'An ECS event'}${identity.cluster === undefined ? '' : ` in ${identity.cluster}`}`,
        identity,
        links,
      };
    default:
      throw notAnEvent('classify', event);
  }
}

/**
 * The `TypeError` for a value passed where a parsed event belongs, saying what it is instead:
 * `classify: expected a parsed EcsEvent (from parseEcsEvent), got an object without \`kind\``.
 *
 * @param caller - The public function that was given it.
 * @internal
 */
export function notAnEvent(caller: string, value: unknown): TypeError {
  return new TypeError(`${caller}: expected a parsed EcsEvent (from parseEcsEvent), got ${describeNonEvent(value)}`);
}

function describeNonEvent(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value !== 'object') return `a ${typeof value}`;
  const raw = value as Record<string, unknown>;
  if (raw.kind === undefined)
    return 'detail-type' in raw ? 'a raw event without `kind`: parse it first' : 'an object without `kind`';
  return 'an object whose `kind` is not an event kind';
}
