/**
 * Deployment threads: one progress card per deployment, edited in place as its tasks start and
 * fail, with problems, rollbacks and the outcome as replies in its thread. The card's channel,
 * `ts` and counters live in the `StateStore`, so it works across concurrent Lambdas (DynamoDB
 * store) and cold starts. Needs a sender that can update messages (the Web API sender).
 *
 * @module
 */
import type { Classification } from '../../classify/classification.js';
import { outcomeRecord } from '../../classify/outcomes.js';
import { ThreadBusyError, isDeliveryError } from '../../errors.js';
import type { EcsEvent } from '../../events/index.js';
import type { DeploymentState } from '../../classify/outcomes.js';
import type { RenderOptions } from '../../render/options.js';
import { retryingStore, type STORE_RETRY_DEFAULTS, type StoreRetryOptions } from '../../state/retrying-store.js';
import type { StateKey, StateRecord, StateStore, StateValue, StoreWrite } from '../../state/store.js';
import type { PostedMessage, SlackSender } from '../sender.js';
import { cardCodec, cardKey, cardMessage, currentKey, finishedKey, initialCard, isFinal, tallyKey } from './card.js';
import { deploymentOf, type Effect, effectOf } from './effects.js';

/**
 * Options of {@link createDeploymentThreads}.
 */
export interface DeploymentThreadsOptions {
  /** Posts the cards and replies; must implement `update` (the Web API sender does). */
  readonly sender: SlackSender;
  /** Where cards are remembered: share it between Lambdas (DynamoDB store) so each deployment gets one card. */
  readonly store: StateStore;
  /** How the card is drawn (colour, variant). */
  readonly render?: RenderOptions;
  /** How long a deployment's card is remembered, in seconds; default 7 days. */
  readonly ttlSeconds?: number;
  /** How long a card being posted is held before another Lambda may try, in seconds; default 60. */
  readonly leaseSeconds?: number;
  /** Milliseconds this invocation may still use: store retries never wait past it. Default: no budget. */
  readonly remainingMs?: () => number;
  /** How retryable store errors are retried; `false` to never retry. Default {@link STORE_RETRY_DEFAULTS}. */
  readonly storeRetry?: StoreRetryOptions | false;
  /**
   * Whether a task event may open its deployment's card. Default `true`. With `false` only a
   * deployment event opens one (a rollout), tasks before it are tallied into the card when it
   * opens, and a service's tasks outside a rollout alert in the channel: what `createPipeline`
   * does while it groups alerts into incidents, so an outage is not one card per service.
   */
  readonly openOnTask?: boolean;
}

/**
 * The thread an event belongs to.
 */
export interface DeploymentThread {
  /** The deployment (`ecs-svc/...`). */
  readonly deploymentId: string;
  /** Channel of the card. */
  readonly channel: string;
  /** `ts` of the card: pass it as `threadTs` to reply. */
  readonly ts: string;
  /** Where the deployment stands after this event. */
  readonly state: DeploymentState;
}

/**
 * Keeps deployment cards up to date.
 */
export interface DeploymentThreads {
  /**
   * Applies a task or deployment event to its deployment's card (a service event only finds the
   * thread of its service's deployment under way, if any, and changes nothing): opens the card on the first
   * event of a deployment (its `SERVICE_DEPLOYMENT_IN_PROGRESS`, or the first task event whose
   * `startedBy` is the deployment), counts tasks that started and failed (each task once), sets
   * the state, and edits the card. Idempotent: a retried event changes nothing twice.
   *
   * Deployment events may arrive out of order. A card never leaves *completed* or *failed*; among
   * the other states, a deployment event older than the one that set the current state does not
   * change it (nor the reason), though it still moves *Started* earlier when it is older than it.
   *
   * A task event does not open a card for a deployment known to have finished, or when another
   * deployment of its service started since (both remembered for 90 days), so a crash loop long
   * after a deployment completed alerts in the channel instead. A deployment that finished before
   * the handler ever saw one of its service's deployments is not known: its tasks may still open
   * a card. A task that started or failed while another deployment of its service was current is
   * still counted, in a tally kept as long as cards are: when its deployment's card opens later
   * (the deployment's `SERVICE_DEPLOYMENT_IN_PROGRESS` arrived after its first tasks), the card
   * starts from that tally.
   *
   * When Slack refuses to edit the card for good (a `DeliveryError` that is not `retryable`, such
   * as `message_not_found` or `cant_update_message` once someone deleted the card), the card is
   * given up: this and every later event of the deployment returns `undefined`, so its alerts go
   * to the channel instead of failing forever. A retryable failure still throws: retrying the
   * event retries the edit too.
   *
   * Cards are posted at least once: should the store fail twice in a row to record a card just
   * posted, the event's retry (after `leaseSeconds`) posts a second card.
   *
   * @param event - The parsed event.
   * @param classification - Its classification.
   * @param now - Current time, epoch milliseconds.
   * @returns The thread the event belongs to (reply there), or `undefined` when it belongs to no
   *   open deployment or its card was given up (post it to the channel as usual).
   * @throws `DeliveryError` when Slack refused to post the card or could not edit it for now,
   *   `StateStoreError` when the store failed, or {@link ThreadBusyError} when another Lambda is
   *   posting the card right now or kept changing it: retry the event later.
   */
  observe(event: EcsEvent, classification: Classification, now: number): Promise<DeploymentThread | undefined>;
}

const DAY = 86_400;
/** How long the current and finished deployments of a service are remembered: 90 days. */
const MEMORY_SECONDS = 90 * DAY;
/** How many times a write that lost a race with another Lambda is tried before giving up. */
const MAX_TRIES = 5;

/** The thread of a posted card. */
function threadOf(deploymentId: string, record: StateRecord): DeploymentThread {
  const card = cardCodec.decode(record.value);
  return { deploymentId, channel: card.channel ?? '', ts: card.ts ?? '', state: card.state };
}

/**
 * Creates the deployment-thread keeper.
 *
 * @param options - Sender (with `update`), store, rendering and lifetimes.
 * @returns The thread keeper.
 * @throws `TypeError` when the sender cannot update messages (an incoming webhook cannot).
 * @example
 * ```ts
 * const threads = createDeploymentThreads({ sender: createWebApiSender({ client, channel }), store });
 * const thread = await threads.observe(event, classify(event), Date.now());
 * if (thread) await sender.post(renderMessage(event), { threadTs: thread.ts });
 * ```
 */
export function createDeploymentThreads(options: DeploymentThreadsOptions): DeploymentThreads {
  const { sender } = options;
  const retry = options.storeRetry === false ? { maxAttempts: 1 } : options.storeRetry;
  const store = retryingStore(options.store, {
    ...retry,
    ...(options.remainingMs === undefined ? {} : { remainingMs: options.remainingMs }),
  });
  if (sender.update === undefined)
    throw new TypeError('deployment threads need a sender that can update messages (the Web API sender)');
  const ttlSeconds = options.ttlSeconds ?? 7 * DAY;
  const leaseSeconds = options.leaseSeconds ?? 60;
  const openOnTask = options.openOnTask ?? true;
  const write = (now: number): StoreWrite => ({ now, ttlSeconds });

  const card = (value: StateValue, revision: number) => cardMessage(cardCodec.decode(value), revision, options.render);

  /** Opens the card: one Lambda claims and posts it, the others wait for its `ts`. */
  async function open(key: StateKey, deploymentId: string, initial: StateValue, now: number): Promise<StateRecord> {
    const claimed = await store.put(
      key,
      { ...initial, phase: 'posting' },
      {
        now,
        ttlSeconds: leaseSeconds,
      },
    );
    if (claimed === undefined) {
      const existing = await store.get(key, now);
      if (existing !== undefined && cardCodec.decode(existing.value).phase === 'posted') return existing;
      throw new ThreadBusyError(`the card of deployment ${deploymentId} is being posted by another invocation`);
    }
    let posted: PostedMessage;
    try {
      posted = await sender.post(card(initial, 0));
    } catch (error) {
      await store.take(key, now);
      throw error;
    }
    const ready = await markPosted(key, posted.channel ?? '', posted.ts ?? '', now);
    if (ready === undefined) throw new ThreadBusyError('the deployment card vanished while being posted');
    return absorbTally(key, deploymentId, ready, now);
  }

  /**
   * Records where the card landed. Tried twice: once the lease runs out, a retry of an event whose
   * card was posted but not recorded would post a second card.
   */
  async function markPosted(key: StateKey, channel: string, ts: string, now: number): Promise<StateRecord | undefined> {
    const mark = () => store.update(key, { set: { phase: 'posted', channel, ts, revision: 0, shown: 0 } }, write(now));
    return mark().catch(() => mark());
  }

  /** Claims an effect's marker: `false` when the effect was applied already. */
  async function claim(marker: StateKey, now: number): Promise<boolean> {
    return (await store.put(marker, { at: now }, write(now))) !== undefined;
  }

  /**
   * Runs the write that applies a claimed effect. If it fails, the claim is released, or the
   * event's retry would find the effect done and it would be lost for good.
   */
  async function applyOrRelease<T>(marker: StateKey, now: number, apply: () => Promise<T>): Promise<T> {
    try {
      return await apply();
    } catch (error) {
      // The write's error is the one to report; a release that fails too leaves the change lost.
      await store.take(marker, now).catch(() => undefined);
      throw error;
    }
  }

  /**
   * Applies an effect to the card. A conditional one lands only on the card it was computed from;
   * when another Lambda changed the card meanwhile, it is computed again from the new card.
   */
  async function applyEffect(key: StateKey, record: StateRecord, effect: Effect, now: number): Promise<StateRecord> {
    let current: StateRecord | undefined = record;
    for (let attempt = 0; attempt < MAX_TRIES && current !== undefined; attempt++) {
      const change = effect.change(cardCodec.decode(current.value));
      if (change === undefined) return current;
      const where = effect.conditional ? { revision: cardCodec.decode(current.value).revision } : undefined;
      const changed = await store.update(
        key,
        { add: { revision: 1, ...change.add }, set: change.set ?? {} },
        { ...write(now), where },
      );
      if (changed !== undefined) return changed;
      current = await store.get(key, now);
    }
    throw new ThreadBusyError('the deployment card kept changing while an event was applied to it');
  }

  /**
   * Counts a task of a deployment whose card may not open now, because another deployment of its
   * service is current: if this deployment's announcement is only late, its card starts from it.
   */
  async function tally(key: StateKey, deploymentId: string, effect: Effect | undefined, now: number): Promise<void> {
    const counts = effect?.counts;
    if (effect === undefined || counts === undefined || !(await claim(effect.marker, now))) return;
    await applyOrRelease(effect.marker, now, () => store.update(tallyKey(deploymentId), { add: counts }, write(now)));
    // The card may have opened meanwhile, its opener taking the tally before this count was in it.
    const opened = await store.get(key, now);
    if (opened === undefined) return;
    const openedCard = cardCodec.decode(opened.value);
    if (openedCard.phase !== 'posted' || openedCard.unusable) return;
    await refresh(key, await absorbTally(key, deploymentId, opened, now), now);
  }

  /**
   * Moves the tally into the card. Taking it is atomic, so each count reaches the card once,
   * whichever Lambda takes it.
   */
  async function absorbTally(
    key: StateKey,
    deploymentId: string,
    record: StateRecord,
    now: number,
  ): Promise<StateRecord> {
    const taken = await store.take(tallyKey(deploymentId), now);
    if (taken === undefined) return record;
    const tallied = cardCodec.decode(taken.value);
    const counts = { started: tallied.started, failed: tallied.failed };
    try {
      return (await store.update(key, { add: { revision: 1, ...counts } }, write(now))) ?? record;
    } catch (error) {
      // Put the counts back rather than drop them: a later count of this deployment brings them in.
      await store.update(tallyKey(deploymentId), { add: counts }, write(now)).catch(() => undefined);
      throw error;
    }
  }

  /**
   * Remembers which deployment of a service is current and which have finished (for 90 days),
   * so a task of an old or finished deployment (a crash loop long after it completed) does not
   * open a card claiming that deployment is in progress.
   */
  async function remember(deploymentId: string, c: Classification, now: number): Promise<void> {
    const memory = { now, ttlSeconds: MEMORY_SECONDS };
    const state = outcomeRecord(c.outcome).deploymentState;
    if (state === 'in-progress' && c.identity.service !== undefined) {
      await store.update(currentKey(c), { set: { deploymentId } }, memory);
    }
    if (isFinal(state)) {
      await store.update(finishedKey(deploymentId), { set: { at: now } }, memory);
    }
  }

  /**
   * Whether a task event may open its deployment's card: not when the deployment finished, and
   * not while another deployment of its service is current (its tasks are then only tallied).
   */
  async function verdictFor(
    deploymentId: string,
    c: Classification,
    now: number,
  ): Promise<'open' | 'finished' | 'superseded'> {
    if ((await store.get(finishedKey(deploymentId), now)) !== undefined) return 'finished';
    const current = await store.get(currentKey(c), now);
    return current === undefined || current.value.deploymentId === deploymentId ? 'open' : 'superseded';
  }

  /**
   * Edits the card to show the record's latest revision. If the mark of what was shown fails,
   * another Lambda changed the card while this edit was in flight, and this edit may have landed
   * after theirs: the latest revision is sent again, whatever `shown` says.
   *
   * @returns `false` when Slack refused the edit for good and the card was given up.
   */
  async function refresh(key: StateKey, record: StateRecord, now: number): Promise<boolean> {
    let current: StateRecord | undefined = record;
    let overtaken = false;
    for (let attempt = 0; attempt < MAX_TRIES && current !== undefined; attempt++) {
      const { revision, shown } = cardCodec.decode(current.value);
      if (!overtaken && shown >= revision) return true;
      if (!(await edit(key, current, revision, now))) return false;
      const marked = await store.update(key, { set: { shown: revision } }, { ...write(now), where: { revision } });
      if (marked !== undefined) return true;
      overtaken = true;
      current = await store.get(key, now);
    }
    return true;
  }

  /**
   * Sends one revision of the card. When Slack refuses it for good (the card was deleted), the
   * card is marked unusable, since retrying the event would fail forever and hold back its alert.
   *
   * @returns `false` when the card was given up.
   */
  async function edit(key: StateKey, record: StateRecord, revision: number, now: number): Promise<boolean> {
    try {
      await sender.update!(
        cardCodec.decode(record.value).channel ?? '',
        cardCodec.decode(record.value).ts ?? '',
        card(record.value, revision),
      );
      return true;
    } catch (error) {
      if (!isDeliveryError(error) || error.retryable) throw error;
      await store.update(key, { set: { unusable: true } }, { ...write(now), where: { phase: 'posted' } });
      return false;
    }
  }

  /**
   * The thread of the deployment under way of a service, for its service events (start impaired
   * during a rollout): the current deployment's card, while it is posted and not final.
   */
  async function serviceThread(c: Classification, now: number): Promise<DeploymentThread | undefined> {
    if (c.identity.service === undefined) return undefined;
    const current = await store.get(currentKey(c), now);
    const deploymentId = current?.value.deploymentId;
    if (typeof deploymentId !== 'string') return undefined;
    const record = await store.get(cardKey(deploymentId), now);
    if (record === undefined) return undefined;
    const card = cardCodec.decode(record.value);
    if (card.phase !== 'posted' || card.unusable || isFinal(card.state)) return undefined;
    return threadOf(deploymentId, record);
  }

  return {
    async observe(event, c, now) {
      if (event.kind === 'service') return serviceThread(c, now);
      const deploymentId = deploymentOf(event, c);
      if (deploymentId === undefined) return undefined;
      const key = cardKey(deploymentId);
      let record = await store.get(key, now);
      if (event.kind === 'deployment') await remember(event.detail.deploymentId, c, now);
      // Slack refused to edit this card for good: the deployment's events alert in the channel.
      if (record !== undefined && cardCodec.decode(record.value).unusable) return undefined;
      const effect = effectOf(event, c, deploymentId, now);
      if (record === undefined && event.kind === 'task') {
        const verdict = await verdictFor(deploymentId, c, now);
        // Tallied for a card that may open later: its deployment's own event opens it.
        const waits = verdict === 'superseded' || (verdict === 'open' && !openOnTask);
        if (waits) await tally(key, deploymentId, effect, now);
        if (verdict !== 'open' || !openOnTask) return undefined;
      }
      if (record === undefined || cardCodec.decode(record.value).phase !== 'posted')
        record = await open(key, deploymentId, initialCard(event, c, deploymentId), now);
      // After completion or failure, later task events are ordinary alerts, not deployment news.
      if (isFinal(cardCodec.decode(record.value).state) && event.kind === 'task') return undefined;
      if (effect !== undefined && (await claim(effect.marker, now))) {
        const claimed = record;
        record = await applyOrRelease(effect.marker, now, () => applyEffect(key, claimed, effect, now));
      }
      return (await refresh(key, record, now)) ? threadOf(deploymentId, record) : undefined;
    },
  };
}
