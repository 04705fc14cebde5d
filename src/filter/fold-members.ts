/**
 * The repeats a fold window counted, by task: each a short id of its task ARN, kept in the window
 * record itself (`members`, and `prior`: the tail of the window it replaced), so that a repeat is
 * counted and recorded in one write, and a redelivery of it (any version of that task: a task
 * fails once) is recognised as a duplicate by whoever reads the window, with no claim of its own.
 *
 * @internal
 * @module
 */
import { stableHash } from '../internal/hash.js';
import type { StateKey, StateStore, StateValue, StoreWrite } from '../state/store.js';

/**
 * Most ids a window holds (`members` and `prior` together): 1,000 ids of 8 characters, about
 * 9 KB of a DynamoDB item. A window that is full counts further repeats through their claims.
 */
export const MAX_MEMBERS = 1_000;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * The member id of a task: 48 bits of a stable hash of its ARN, as 8 base64url characters.
 *
 * @param resource - The task ARN.
 * @returns 8 characters.
 * @internal
 */
export function memberId(resource: string): string {
  let n = Number.parseInt(stableHash(resource).slice(0, 12), 16);
  let id = '';
  for (let i = 0; i < 8; i++) {
    id = ALPHABET[n % 64] + id;
    n = Math.floor(n / 64);
  }
  return id;
}

function ids(value: StateValue, field: 'members' | 'prior'): string[] {
  const list = value[field];
  return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * Whether a window (open or closed) already counted the task `member`.
 *
 * @internal
 */
export function hasMember(value: StateValue, member: string): boolean {
  return ids(value, 'members').includes(member) || ids(value, 'prior').includes(member);
}

/**
 * Whether a window has room for another id.
 *
 * @internal
 */
export function hasRoom(value: StateValue): boolean {
  return ids(value, 'members').length + ids(value, 'prior').length < MAX_MEMBERS;
}

/**
 * The window's fields after counting `member`: it is listed when there is room and `list`
 * allows, else the window is marked `unlisted` (the repeat's claim dedupes it); nothing for an
 * event that is no task repeat (`undefined`).
 *
 * @internal
 */
export function withMember(value: StateValue, member: string | undefined, list = true): StateValue {
  if (member === undefined) return {};
  if (!list || !hasRoom(value)) return { unlisted: true };
  return { members: [...ids(value, 'members'), member] };
}

/**
 * Whether a repeat of the window may be counted by its id alone: every task repeat it and the
 * window before it counted is listed (none was counted by its claim only, the set being full or
 * contended), so a redelivery of any of them is recognised without a claim.
 *
 * @internal
 */
export function listsAll(value: StateValue): boolean {
  return value.unlisted !== true && value.priorUnlisted !== true && hasRoom(value);
}

/**
 * What a new window inherits from the one it replaces (or the record `flush` left of it): that
 * window's ids as `prior`, so that a late redelivery of one of its repeats is still a duplicate,
 * and whether it counted repeats it did not list.
 *
 * @internal
 */
export function priorOf(value: StateValue | undefined): StateValue {
  return value === undefined ? {} : inherited(ids(value, 'members'), value.unlisted === true);
}

function inherited(prior: string[], unlisted: boolean): StateValue {
  return { ...(prior.length === 0 ? {} : { prior }), ...(unlisted ? { priorUnlisted: true } : {}) };
}

/**
 * Where `flush` keeps the ids of a window it closed, for the window the incident opens next.
 *
 * @internal
 */
export function closedMembersKey(window: StateKey): StateKey {
  return { scope: `folded#${window.id}`, id: '-' };
}

/**
 * The fields of a record `flush` left (see {@link priorOf}) a new window starts with.
 *
 * @internal
 */
export function carried(value: StateValue | undefined): StateValue {
  return value === undefined ? {} : inherited(ids(value, 'prior'), value.priorUnlisted === true);
}

/**
 * Keeps the task ids of a window `flush` closed, for the incident's next window: a late
 * redelivery of one of its repeats is then a duplicate, not a new alert. Best effort: the
 * window is taken, and its digest must go out whatever happens here.
 *
 * @internal
 */
export async function keepClosedMembers(
  store: StateStore,
  window: StateKey,
  value: StateValue,
  write: StoreWrite,
): Promise<void> {
  const kept = priorOf(value);
  if (Object.keys(kept).length === 0) return;
  const set = { prior: [], priorUnlisted: false, ...kept };
  await store.update(closedMembersKey(window), { set }, write).catch(() => undefined);
}
