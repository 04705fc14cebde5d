/**
 * Claims of a delivery: the noise filter's duplicate check across Lambdas. A claim is taken
 * (`pending`, with its owner) before an event is decided, confirmed (`done`) once the event is
 * settled, and handed back when nothing came of it.
 *
 * @internal
 * @module
 */
import { DUPLICATE_DETAIL } from './fold-repeat.js';
import type { Decision } from './decision.js';
import type { ResolvedFilterOptions } from './filter-options.js';
import { dedupeLifetime } from './lifetimes.js';
import { suppress } from './rules.js';
import type { StateKey, StateStore } from '../state/store.js';

/**
 * Who holds a claim: unique per claim attempt across every process sharing the store (a random
 * token per process and a counter), with no cryptographic strength needed, so no Web Crypto:
 * loading it took 2 ms of a Lambda's cold start.
 */
const OWNER_PREFIX = `${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
let owners = 0;
const nextOwner = (): string => `${OWNER_PREFIX}-${(owners++).toString(36)}`;

/**
 * Claims a delivery; a claim held by another delivery defers, a confirmed one is a duplicate.
 * The claim lasts `ttlSeconds` (the lease, or what is left of the budget when that is shorter):
 * a delivery cut off by its deadline leaves a claim that ends with it.
 *
 * @param store - The filter's store.
 * @param key - The claim's key.
 * @param now - The time, epoch milliseconds.
 * @param ttlSeconds - How long the claim lasts.
 * @returns `claimed`, or the decision when the event is not ours to decide.
 * @internal
 */
export async function claimDelivery(
  store: StateStore,
  key: StateKey,
  now: number,
  ttlSeconds: number,
): Promise<'claimed' | Decision> {
  const owner = nextOwner();
  const lease = { now, ttlSeconds };
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      const created = await store.put(key, { state: 'pending', owner }, lease);
      if (created !== undefined) return 'claimed';
      const existing = await store.get(key, now);
      if (existing === undefined) continue;
      // An earlier try of this put was stored, though its answer was lost (and it was retried).
      if (existing.value.owner === owner) return 'claimed';
      if (existing.value.state === 'done') {
        return suppress('duplicate', DUPLICATE_DETAIL);
      }
      return { action: 'defer', detail: 'another delivery of this event is in flight' };
    }
    return { action: 'defer', detail: 'could not claim the event' };
  } catch (error) {
    // A put that failed may still have been stored: hand back a claim that is ours.
    await releaseOwn(store, key, owner, now).catch(() => undefined);
    throw error;
  }
}

/** Takes the claim of `key` if `owner` holds it and it is still pending. */
async function releaseOwn(store: StateStore, key: StateKey, owner: string, now: number): Promise<void> {
  const existing = await store.get(key, now);
  if (existing?.value.owner === owner && existing.value.state === 'pending') {
    await store.take(key, now, existing.version);
  }
}

/**
 * Confirms claims (`done`), one after the other, for the dedupe TTL: a redelivery of their event
 * is a duplicate from then on.
 *
 * @param store - The filter's store.
 * @param options - The filter's options (`dedupeTtlSeconds`).
 * @param claims - The claims to confirm.
 * @param now - The time, epoch milliseconds.
 * @returns Once every claim is confirmed.
 * @internal
 */
export async function confirmClaims(
  store: StateStore,
  options: ResolvedFilterOptions,
  claims: readonly StateKey[],
  now: number,
): Promise<void> {
  for (const claim of claims) await store.update(claim, { set: { state: 'done' } }, dedupeLifetime(options, now));
}
