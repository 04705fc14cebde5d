/**
 * Where the noise filter keeps its state. Scopes are DynamoDB partition keys: only `fold` is
 * listed (by `flush`), every other record gets a partition of its own.
 *
 * @internal
 * @module
 */
import type { Classification } from '../classify/classification.js';
import type { EcsEvent } from '../events/index.js';
import { derivedEventId } from '../internal/hash.js';
import type { StateEviction } from '../state/memory-store.js';
import { numberField } from '../state/codec.js';
import type { StateKey } from '../state/store.js';

/** The scope of fold windows, listed by `flush`. */
export const FOLD_SCOPE = 'fold';
/** The id used where a scope holds a single record (DynamoDB keys cannot be empty). */
const ONE = '-';

/**
 * A versioned event's resource (a task or container instance ARN) and `detail.version`.
 *
 * @internal
 */
export interface Versioned {
  /** The task or container instance ARN. */
  readonly resource: string;
  /** Its `detail.version`. */
  readonly version: number;
}

/**
 * The resource and version of a versioned event (tasks and container instances), else
 * `undefined`.
 *
 * @internal
 */
export function versionOf(event: EcsEvent): Versioned | undefined {
  if (event.kind === 'task' && event.detail.version !== undefined)
    return { resource: event.detail.taskArn, version: event.detail.version };
  if (event.kind === 'container-instance' && event.detail.version !== undefined) {
    return { resource: event.detail.containerInstanceArn, version: event.detail.version };
  }
  return undefined;
}

/**
 * The record holding the highest version seen of a resource.
 *
 * @internal
 */
export function orderKey(resource: string): StateKey {
  return { scope: `order#${resource}`, id: ONE };
}

/**
 * The claim of one delivery: a resource version for versioned events, else the envelope id.
 *
 * @param versioned - What {@link versionOf} says of the event.
 * @internal
 */
export function claimKey(event: EcsEvent, versioned: ReturnType<typeof versionOf>): StateKey {
  return versioned === undefined
    ? { scope: `claim#${envelopeId(event)}`, id: ONE }
    : { scope: `claim#${versioned.resource}`, id: String(versioned.version) };
}

/**
 * The envelope id, or for an empty one (an event built by hand: parsing derives it already) the
 * id parsing would derive: sharing an empty id would make every such event a duplicate of the first.
 */
function envelopeId(event: EcsEvent): string {
  return event.id === '' ? derivedEventId(event['detail-type'], event.detail) : event.id;
}

/**
 * The service an event is about, as `cluster/service` (or the group of a standalone task).
 *
 * @internal
 */
export function serviceOf(c: Classification): string | undefined {
  const owner = c.identity.service ?? c.identity.group;
  return owner === undefined ? undefined : `${c.identity.cluster ?? ''}/${owner}`;
}

/**
 * The open-problem marker of a service, taken by its recovery.
 *
 * @internal
 */
export function problemKey(service: string): StateKey {
  return { scope: `problem#${service}`, id: ONE };
}

/**
 * Whether a service was last announced as steady (steady states `changes` mode).
 *
 * @internal
 */
export function steadyKey(service: string): StateKey {
  return { scope: `steady#${service}`, id: ONE };
}

/**
 * The fold window of an incident: cluster, service, outcome, cause and culprit container.
 *
 * @internal
 */
export function foldKey(c: Classification): StateKey {
  const parts = [
    c.identity.cluster ?? '',
    c.identity.service ?? c.identity.group ?? c.identity.ec2InstanceId ?? '',
    c.outcome,
    c.cause ?? '',
    c.culprit?.name ?? '',
  ];
  return {
    scope: FOLD_SCOPE,
    id: parts.map((part) => part.replace(/[%|]/g, (ch) => encodeURIComponent(ch))).join('|'),
  };
}

/**
 * One line saying what an evicted record of the filter or the threads held, and what its loss
 * means: for a fold window, how many repeats no digest will report.
 *
 * @internal
 */
export function evictionDetail(eviction: StateEviction): string {
  const { key, record } = eviction;
  // `claim#arn:aws:…`, or `namespace:fold`: the kind is what comes before `#`, after a namespace.
  const head = key.scope.split('#')[0] ?? '';
  const kind = head.slice(head.lastIndexOf(':') + 1);
  const what = `${key.scope}/${key.id} evicted from the memory store`;
  if (kind === FOLD_SCOPE) {
    const repeats = numberField(record.value, 'count') + numberField(record.value, 'carryCount');
    return `${what}: ${repeats} folded repeat(s) will not be reported, and the incident's next event alerts again`;
  }
  if (kind === 'claim') return `${what}: a later delivery of that event is no longer recognised as a duplicate`;
  return `${what} (${kind} state)`;
}
