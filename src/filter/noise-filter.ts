/**
 * `createNoiseFilter`: one alert per incident, across any number of Lambdas.
 *
 * @module
 */
import type { Classification } from '../classify/classification.js';
import type { EcsEvent } from '../events/index.js';
import { checkFilterOptions } from './check-options.js';
import { claimDelivery, confirmClaims } from './claim.js';
import { decideClaimed, type FilterState } from './decide-claimed.js';
import { FoldCache, creditDigest, digestOfWindow, reopenAlert, windowOpen } from './fold.js';
import { keepClosedMembers, memberId } from './fold-members.js';
import { foldRepeat, foldsOnceClaimed } from './fold-repeat.js';
import { FOLD_SCOPE, type Versioned, claimKey, foldKey, orderKey, versionOf } from './keys.js';
import { dedupeLifetime, foldTtlSeconds, leaseSeconds } from './lifetimes.js';
import { MemoryStateStore } from '../state/memory-store.js';
import { namespacedStore } from '../state/namespaced-store.js';
import { retryingStore } from '../state/retrying-store.js';
import { resolveFilterOptions } from './presets.js';
import { applyStatelessRules, suppress } from './rules.js';
import { settleAll } from './settle-all.js';
import type { StateKey, StateStore } from '../state/store.js';
import type { Decision, DigestDecision, NoiseFilter, NotifyDecision } from './decision.js';
import { receiptState, toReceipt } from './receipt.js';
import type { NoiseFilterOptions, ResolvedFilterOptions, SilenceCheck, SilenceProbe } from './filter-options.js';

/**
 * Creates a noise filter. Stateless rules (kind, outcome, severity, cluster and service
 * include/exclude, transitional states, routine stops, instance churn) need no state; duplicates,
 * stale events, folding, recoveries and steady-state changes live in the `StateStore`, so the
 * same filter works in one process or across many concurrent Lambdas (DynamoDB store).
 *
 * @remarks Usage: `decide` each event; send what it says; then `commit` the decision after delivery or
 * `release` it when the delivery failed (never after it succeeded, even if `commit` throws), so a
 * retry is handled again and nothing is lost or sent twice. Call `flush` from a scheduled
 * invocation (or after each batch) to send digests whose window has closed.
 *
 * @param options - A preset (`alerts` by default) and overrides.
 * @returns The filter.
 * @throws `TypeError` or `RangeError` naming the option, for options of the wrong type or value
 *   (an unknown `minSeverity` or preset, a cluster ARN where its name belongs, a window that is
 *   not a positive number of seconds).
 * @example
 * ```ts
 * const filter = createNoiseFilter({ preset: 'alerts', store: new DynamoDbStateStore({ client, tableName }) });
 * const decision = await filter.decide(event, classify(event), Date.now());
 * if (decision.action === 'notify') {
 *   try {
 *     await sender.post(renderMessage(event, { classification: decision.classification }));
 *   } catch (error) {
 *     await filter.release(decision, Date.now());
 *     throw error;
 *   }
 *   await filter.commit(decision, Date.now()); // never release a message Slack accepted
 * }
 * ```
 */
export function createNoiseFilter(options: NoiseFilterOptions = {}): NoiseFilter {
  return createProbedNoiseFilter(options, undefined);
}

/**
 * {@link createNoiseFilter} with the pipeline's silence probe: without one, a filter with a
 * `silenced` check decides every event through its claim (the check counts what it silences).
 *
 * @internal
 */
export function createProbedNoiseFilter(options: NoiseFilterOptions, probe: SilenceProbe | undefined): NoiseFilter {
  checkFilterOptions(options, 'createNoiseFilter');
  const given = options.store ?? new MemoryStateStore();
  const store = options.namespace === undefined ? given : namespacedStore(given, options.namespace);
  const retry = options.storeRetry === false ? { maxAttempts: 1 } : options.storeRetry;
  const remainingMs = options.remainingMs;
  return new StatefulNoiseFilter(
    resolveFilterOptions(options),
    retryingStore(store, { ...retry, ...(remainingMs === undefined ? {} : { remainingMs }) }),
    { remainingMs, silenced: options.silenced, probe },
  );
}

class StatefulNoiseFilter implements NoiseFilter {
  readonly options: ResolvedFilterOptions;
  readonly #store: StateStore;
  readonly #remainingMs: (() => number) | undefined;
  readonly #silenced: SilenceCheck | undefined;
  readonly #probe: SilenceProbe | undefined;
  /** The fold windows last seen, so a repeat is written without a read (see `FoldCache`). */
  readonly #windows = new FoldCache();
  /** The options, store and fold windows above, as `decideClaimed` takes them. */
  readonly #state: FilterState;

  constructor(
    options: ResolvedFilterOptions,
    store: StateStore,
    hooks: {
      remainingMs: (() => number) | undefined;
      silenced: SilenceCheck | undefined;
      probe: SilenceProbe | undefined;
    },
  ) {
    this.options = options;
    this.#store = store;
    this.#remainingMs = hooks.remainingMs;
    this.#silenced = hooks.silenced;
    this.#probe = hooks.probe;
    this.#state = { options, store, windows: this.#windows };
  }

  async decide(event: EcsEvent, c: Classification, now: number): Promise<Decision> {
    const verdict = applyStatelessRules(event, c, this.options);
    if (verdict !== 'pass') return verdict;
    const claims: StateKey[] = [];
    let by: string | undefined;
    let member: string | undefined;
    if (this.options.dedupe) {
      const versioned = versionOf(event);
      if (versioned !== undefined) {
        // A task is listed in its fold window by this id (see `fold-members.ts`).
        if (event.kind === 'task') member = memberId(versioned.resource);
        const repeat = member === undefined ? undefined : await this.#foldRepeat(event, c, now, versioned, member);
        if (repeat !== undefined) return repeat;
        const seen = await this.#store.putIfHigher(orderKey(versioned.resource), versioned.version, this.#long(now));
        if (seen === 'lower') return suppress('stale', `version ${versioned.version} is older than one already seen`);
      }
      const claim = claimKey(event, versioned);
      const claimed = await claimDelivery(this.#store, claim, now, leaseSeconds(this.options, this.#remainingMs));
      if (claimed !== 'claimed') return claimed;
      claims.push(claim);
      by = `${claim.scope}|${claim.id}`;
    }
    let decision: Decision;
    try {
      // After the duplicate check, so a redelivered event is not counted against its silence twice.
      const silenced = this.#silenced === undefined ? undefined : await this.#silenced(event, c, now);
      decision =
        silenced === undefined
          ? await decideClaimed(this.#state, event, c, { now, claims, by, member })
          : suppress('silenced', silenced);
    } catch (error) {
      // Nothing was decided: hand the claim back, so the retry is decided afresh instead of
      // being deferred until the lease ends. Should that fail too, the lease ends it.
      await settleAll(claims.map((claim) => () => this.#store.take(claim, now))).catch(() => undefined);
      throw error;
    }
    if (decision.action !== 'suppress') return decision;
    // A suppression settles the event at once: a duplicate of it is a duplicate. Its state (a
    // folded count) is already written, so a failure here must not make it count twice.
    try {
      await confirmClaims(this.#store, this.options, claims, now);
      return decision;
    } catch {
      return { ...decision, detail: `${decision.detail} (not recorded as handled: the state store failed)` };
    }
  }

  async commit(decision: NotifyDecision | DigestDecision, now: number): Promise<void> {
    const receipt = receiptState(decision.receipt);
    const { problem, steady } = receipt;
    // Each step on its own: a failed one does not keep the others from being saved.
    await settleAll([
      () => confirmClaims(this.#store, this.options, receipt.claims, now),
      problem && (() => this.#store.update(problem.key, { set: { outcome: problem.outcome } }, this.#long(now))),
      steady &&
        (() =>
          steady.steady
            ? this.#store.update(steady.key, { set: { steady: true } }, this.#long(now))
            : this.#store.take(steady.key, now)),
    ]);
  }

  async release(decision: NotifyDecision | DigestDecision, now: number): Promise<void> {
    const receipt = receiptState(decision.receipt);
    const { recoveredFrom, alertOf, alertStart, digestOf } = receipt;
    const ttlSeconds = foldTtlSeconds(this.options);
    if (alertOf !== undefined) this.#windows.delete(alertOf);
    if (digestOf !== undefined) this.#windows.delete(digestOf.key);
    // Undo what deciding wrote, each step on its own, then settle the claims whatever failed: an
    // undone step left behind is no better repaired by holding the claims until the lease ends
    // (a retry of this event alerts again anyway, see `fold`'s `by`).
    await settleAll([
      recoveredFrom &&
        (() => {
          const outcome = recoveredFrom.value.outcome;
          const set = { outcome: typeof outcome === 'string' ? outcome : 'problem' };
          return this.#store.update(recoveredFrom.key, { set }, this.#long(now));
        }),
      alertOf !== undefined &&
        alertStart !== undefined &&
        (() => reopenAlert(this.#store, alertOf, { start: alertStart, now, ttlSeconds })),
      digestOf !== undefined &&
        decision.action === 'digest' &&
        (() => {
          const { key, count, since } = digestOf;
          const credit = { digest: decision.digest, count, since, now, ttlSeconds };
          return creditDigest(this.#store, key, credit);
        }),
      // What failed was the digest, now credited to the next one; the event that triggered it is
      // already counted in the window it opened. Its retry must be a duplicate, or it is counted twice.
      decision.action === 'digest'
        ? () => confirmClaims(this.#store, this.options, receipt.claims, now)
        : () => settleAll(receipt.claims.map((claim) => () => this.#store.take(claim, now))),
    ]);
  }

  async flush(now: number): Promise<DigestDecision[]> {
    const windowSeconds = this.options.foldWindowSeconds;
    if (windowSeconds === false) return [];
    const due: DigestDecision[] = [];
    for (const { id, record } of await this.#store.list(FOLD_SCOPE, now)) {
      if (windowOpen(record.value, windowSeconds * 1000, now)) continue;
      const key = { scope: FOLD_SCOPE, id };
      this.#windows.delete(key);
      const taken = await this.#store.take(key, now, record.version);
      if (taken !== undefined) await keepClosedMembers(this.#store, key, taken.value, this.#long(now));
      const closed = taken === undefined ? undefined : digestOfWindow(taken);
      if (closed === undefined) continue;
      due.push({
        action: 'digest',
        digest: closed.digest,
        receipt: toReceipt({ claims: [], digestOf: { key, count: closed.count, since: closed.since } }),
      });
    }
    return due;
  }

  /**
   * The fast path (see `foldRepeat`), taken only when no silence can hold the event: the
   * `silenced` check counts what it silences, so it is asked after a claim.
   */
  async #foldRepeat(
    event: EcsEvent,
    c: Classification,
    now: number,
    versioned: Versioned,
    member: string,
  ): Promise<Decision | undefined> {
    const windowSeconds = this.options.foldWindowSeconds;
    if (windowSeconds === false || !foldsOnceClaimed(this.options, c)) return undefined;
    const key = foldKey(c);
    if (this.#windows.get(key, now) === undefined) return undefined;
    if (this.#silenced !== undefined && (this.#probe === undefined || (await this.#probe(event, c, now)))) {
      return undefined;
    }
    return foldRepeat(this.#store, key, event, c, {
      windowMs: windowSeconds * 1000,
      ttlSeconds: foldTtlSeconds(this.options),
      now,
      cache: this.#windows,
      member,
      claimScope: claimKey(event, versioned).scope,
    });
  }
  /** The lifetime of a record kept for the dedupe TTL (see `dedupeLifetime`). */
  #long(now: number): { now: number; ttlSeconds: number } {
    return dedupeLifetime(this.options, now);
  }
}
