/**
 * What a fold window keeps of its latest repeat: the event as its digest shows it, without the
 * parts no digest reads (task overrides, attachments, instance attributes and resources, network
 * details), long texts cut and long lists shortened. An event of 250 KB keeps a few KB, in the
 * memory store and in a DynamoDB item alike.
 *
 * @internal
 * @module
 */
import { classify } from '../classify/index.js';
import { endOutsidePair } from '../classify/text.js';
import type { EcsEvent } from '../events/index.js';
import { safeParseEcsEvent } from '../parse/index.js';
import { foldKey } from './keys.js';
import { setField } from '../state/semantics.js';
import type { JsonValue, StateValue } from '../state/store.js';

/** Fields of `detail` that neither classifying nor rendering reads. */
const DROPPED_DETAIL: ReadonlySet<string> = new Set([
  'overrides',
  'attachments',
  'attributes',
  'registeredResources',
  'remainingResources',
]);
/** Fields of each container that neither classifying nor rendering reads. */
const DROPPED_CONTAINER: ReadonlySet<string> = new Set(['networkInterfaces', 'networkBindings', 'managedAgents']);
/** Longest text kept, in UTF-16 units (Slack shows far less of a reason). */
const MAX_TEXT = 1_000;
/** Most items kept of a list (a task has at most 10 containers). */
const MAX_ITEMS = 20;
/** Deepest nesting kept below the event (detail.containers[].x is 3 deep). */
const MAX_DEPTH = 6;

/**
 * The event as a fold window stores it for its digest. Falls back to the whole event when the
 * view would not parse or would classify into another incident (it never does for events AWS
 * sends), so a digest is never lost to the trimming.
 *
 * @param event - The latest repeat.
 * @param incident - The id of its fold key (its incident).
 * @returns A JSON copy holding what the digest shows.
 * @internal
 */
export function digestView(event: EcsEvent, incident: string): StateValue {
  const view = trimmed(event as unknown as JsonValue, 0, undefined) as StateValue;
  const parsed = safeParseEcsEvent(view);
  if (parsed.success && foldKey(classify(parsed.data)).id === incident) return view;
  return event as unknown as StateValue;
}

/** A bounded copy of `value`; `parent` names the field it sits in. */
function trimmed(value: JsonValue, depth: number, parent: string | undefined): JsonValue {
  if (typeof value === 'string') {
    return value.length <= MAX_TEXT ? value : `${value.slice(0, endOutsidePair(value, MAX_TEXT - 1))}…`;
  }
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((item) => trimmed(item ?? null, depth + 1, parent));
  const dropped =
    depth === 1 && parent === 'detail' ? DROPPED_DETAIL : parent === 'containers' ? DROPPED_CONTAINER : undefined;
  const copy: StateValue = {};
  for (const key of Object.keys(value)) {
    const field = value[key];
    if (field === undefined || dropped?.has(key) === true) continue;
    if (depth >= MAX_DEPTH && typeof field === 'object' && field !== null) continue;
    setField(copy, key, trimmed(field, depth + 1, key));
  }
  return copy;
}
