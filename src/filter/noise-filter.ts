/**
 * `createNoiseFilter`: one alert per incident, across any number of Lambdas.
 *
 * @module
 */
import type { Classification } from '../classify/types.js';
import type { EcsEvent } from '../events/index.js';
import { checkFilterOptions } from './check-options.js';
import { creditDigest, digestOfWindow, fold, reopenAlert, windowOpen } from './fold.js';
import { FOLD_SCOPE, claimKey, foldKey, orderKey, problemKey, serviceOf, steadyKey, versionOf } from './keys.js';
import { MemoryStateStore } from './memory-store.js';
import { namespacedStore } from './namespaced-store.js';
import { resolveFilterOptions } from './presets.js';
import { applyStatelessRules, suppress } from './rules.js';
import type { StateKey, StateStore } from './store.js';
import type {
  Decision,
  DecisionReceipt,
  DigestDecision,
  NoiseFilter,
  NoiseFilterOptions,
  NotifyDecision,
  ResolvedFilterOptions,
  SuppressDecision,
} from './types.js';

/**
 * Creates a noise filter. Stateless rules (kind, outcome, severity, cluster and service
 * include/exclude, transitional states, routine stops, instance churn) need no state; duplicates,
 * stale events, folding, recoveries and steady-state changes live in the `StateStore`, so the
 * same filter works in one process or across many concurrent Lambdas (DynamoDB store).
 *
 * Usage: `decide` each event; send what it says; then `commit` the decision after delivery or
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
 *     await sender.post(renderMessage(event, decision.classification));
 *   } catch (error) {
 *     await filter.release(decision, Date.now());
 *     throw error;
 *   }
 *   await filter.commit(decision, Date.now()); // never release a message Slack accepted
 * }
 * ```
 */
export function createNoiseFilter(options: NoiseFilterOptions = {}): NoiseFilter {
  checkFilterOptions(options, 'createNoiseFilter');
  const store = options.store ?? new MemoryStateStore();
  return new StatefulNoiseFilter(resolveFilterOptions(options), options.namespace === undefined ? store : namespacedStore(store, options.namespace));
}

class StatefulNoiseFilter implements NoiseFilter {
  readonly options: ResolvedFilterOptions;
  readonly #store: StateStore;

  constructor(options: ResolvedFilterOptions, store: StateStore) {
    this.options = options;
    this.#store = store;
  }

  async decide(event: EcsEvent, c: Classification, now: number): Promise<Decision> {
    const verdict = applyStatelessRules(event, c, this.options);
    if (verdict !== 'pass') return verdict;
    const claims: StateKey[] = [];
    if (this.options.dedupe) {
      const versioned = versionOf(event);
      if (versioned !== undefined) {
        const seen = await this.#store.putIfHigher(orderKey(versioned.resource), versioned.version, this.#long(now));
        if (seen === 'lower') return suppress('stale', `version ${versioned.version} is older than one already seen`);
      }
      const claim = claimKey(event, versioned);
      const claimed = await this.#claim(claim, now);
      if (claimed !== 'claimed') return claimed;
      claims.push(claim);
    }
    const decision = await this.#decideClaimed(event, c, now, claims);
    // A suppression settles the event at once: a duplicate of it is a duplicate.
    if (decision.action === 'suppress') await this.#confirm(claims, now);
    return decision;
  }

  async #decideClaimed(event: EcsEvent, c: Classification, now: number, claims: StateKey[]): Promise<Decision> {
    const service = serviceOf(c);
    const { recovery, steadyStates, foldWindowSeconds, dedupeTtlSeconds } = this.options;
    // Recoveries: the first steady state or completed deployment after a problem, announced once.
    if (recovery && service !== undefined && (c.outcome === 'steady-state' || c.outcome === 'deployment-completed')) {
      const key = problemKey(service);
      const problem = await this.#store.take(key, now);
      if (problem !== undefined) {
        const after = typeof problem.value.outcome === 'string' ? problem.value.outcome : 'a problem';
        // A recovery is news like any other: under `changes` it leaves the service steady (or
        // not) exactly as the plain event would, so the next steady state is not news again.
        return notify(recovered(c, after), true, { claims, recoveredFrom: { key, value: problem.value }, ...this.#steadyAfter(c, service) });
      }
    }
    if (c.outcome === 'steady-state' && steadyStates !== 'all') {
      if (steadyStates === 'recovery' || service === undefined) return suppress('steady-state', 'steady state without a problem before it');
      const steady = await this.#store.get(steadyKey(service), now);
      if (steady?.value.steady === true) return suppress('steady-state', 'service is still steady');
      return notify(c, false, { claims, ...this.#steadyAfter(c, service) });
    }
    const receipt: { -readonly [K in keyof DecisionReceipt]: DecisionReceipt[K] } = { claims, ...this.#steadyAfter(c, service) };
    if (service !== undefined && (c.severity === 'warning' || c.severity === 'error')) {
      receipt.problem = { key: problemKey(service), outcome: c.outcome };
    }
    if (foldWindowSeconds !== false && c.kind !== 'deployment' && (c.severity === 'warning' || c.severity === 'error')) {
      const key = foldKey(c);
      const folded = await fold(this.#store, key, event, foldWindowSeconds * 1000, dedupeTtlSeconds, now);
      if (folded.kind === 'folded') return suppress('folded', `repeat folded into the digest of ${c.outcome}`);
      if (folded.kind === 'digest') {
        return { action: 'digest', digest: folded.digest, receipt: { ...receipt, digestOf: { key, count: folded.count, since: folded.since } } };
      }
      receipt.alertOf = key;
      receipt.alertStart = folded.start;
    }
    return notify(c, false, receipt);
  }

  async commit(decision: NotifyDecision | DigestDecision, now: number): Promise<void> {
    const { receipt } = decision;
    await this.#confirm(receipt.claims, now);
    if (receipt.problem !== undefined) {
      await this.#store.update(receipt.problem.key, { set: { outcome: receipt.problem.outcome } }, undefined, this.#long(now));
    }
    if (receipt.steady !== undefined) {
      if (receipt.steady.steady) await this.#store.update(receipt.steady.key, { set: { steady: true } }, undefined, this.#long(now));
      else await this.#store.take(receipt.steady.key, now);
    }
  }

  async release(decision: NotifyDecision | DigestDecision, now: number): Promise<void> {
    const { receipt } = decision;
    // Undo first, settle the claims last: if the store fails midway, the claims stay pending until
    // the lease ends, so no retry is decided against half-undone state.
    if (receipt.recoveredFrom !== undefined) {
      const outcome = receipt.recoveredFrom.value.outcome;
      await this.#store.update(receipt.recoveredFrom.key, { set: { outcome: typeof outcome === 'string' ? outcome : 'problem' } }, undefined, this.#long(now));
    }
    if (receipt.alertOf !== undefined && receipt.alertStart !== undefined) {
      await reopenAlert(this.#store, receipt.alertOf, receipt.alertStart, this.options.dedupeTtlSeconds, now);
    }
    if (receipt.digestOf !== undefined && decision.action === 'digest') {
      const { key, count, since } = receipt.digestOf;
      await creditDigest(this.#store, key, decision.digest, count, since, this.options.dedupeTtlSeconds, now);
    }
    if (decision.action === 'digest') {
      // What failed was the digest, now credited to the next one; the event that triggered it is
      // already counted in the window it opened. Its retry must be a duplicate, or it is counted twice.
      await this.#confirm(receipt.claims, now);
    } else {
      for (const claim of receipt.claims) await this.#store.take(claim, now);
    }
  }

  async flush(now: number): Promise<DigestDecision[]> {
    const windowSeconds = this.options.foldWindowSeconds;
    if (windowSeconds === false) return [];
    const due: DigestDecision[] = [];
    for (const { id, record } of await this.#store.list(FOLD_SCOPE, now)) {
      if (windowOpen(record.value, windowSeconds * 1000, now)) continue;
      const key = { scope: FOLD_SCOPE, id };
      const taken = await this.#store.take(key, now, record.version);
      const closed = taken === undefined ? undefined : digestOfWindow(taken);
      if (closed === undefined) continue;
      due.push({ action: 'digest', digest: closed.digest, receipt: { claims: [], digestOf: { key, count: closed.count, since: closed.since } } });
    }
    return due;
  }

  /** Claims a delivery; a claim held by another delivery defers, a confirmed one is a duplicate. */
  async #claim(key: StateKey, now: number): Promise<'claimed' | Decision> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const created = await this.#store.put(key, { state: 'pending' }, undefined, { now, ttlSeconds: this.options.leaseSeconds });
      if (created !== undefined) return 'claimed';
      const existing = await this.#store.get(key, now);
      if (existing === undefined) continue;
      if (existing.value.state === 'done') return suppress('duplicate', 'already handled (same event or resource version)');
      return { action: 'defer', detail: 'another delivery of this event is in flight' };
    }
    return { action: 'defer', detail: 'could not claim the event' };
  }

  /** Steady-state bookkeeping (`changes` only): a steady state leaves its service steady, anything else not. */
  #steadyAfter(c: Classification, service: string | undefined): Pick<DecisionReceipt, 'steady'> {
    if (this.options.steadyStates !== 'changes' || service === undefined) return {};
    return { steady: { key: steadyKey(service), steady: c.outcome === 'steady-state' } };
  }

  async #confirm(claims: readonly StateKey[], now: number): Promise<void> {
    for (const claim of claims) await this.#store.update(claim, { set: { state: 'done' } }, undefined, this.#long(now));
  }

  #long(now: number): { now: number; ttlSeconds: number } {
    return { now, ttlSeconds: this.options.dedupeTtlSeconds };
  }
}

function notify(classification: Classification, recovery: boolean, receipt: DecisionReceipt): NotifyDecision {
  return { action: 'notify', classification, recovery, receipt };
}

/** A steady state or completed deployment rewritten as the recovery it announces. */
function recovered(c: Classification, after: string): Classification {
  const service = c.identity.service ?? 'The service';
  return { ...c, severity: 'success', summary: `${service} recovered after ${after}: ${c.summary.charAt(0).toLowerCase()}${c.summary.slice(1)}` };
}
