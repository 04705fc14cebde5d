/**
 * Deployment threads: one progress card per deployment, edited in place as its tasks start and
 * fail, with problems, rollbacks and the outcome as replies in its thread. The card's channel,
 * `ts` and counters live in the `StateStore`, so it works across concurrent Lambdas (DynamoDB
 * store) and cold starts. Needs a sender that can update messages (the Web API sender).
 *
 * @module
 */
import type { Classification } from '../classify/types.js';
import { ThreadBusyError } from '../errors.js';
import type { EcsEvent } from '../events/index.js';
import { numberField, stringField } from '../filter/state-change.js';
import type { JsonValue, StateChange, StateKey, StateRecord, StateStore, StateValue } from '../filter/store.js';
import { renderDeploymentCard, type DeploymentState } from '../render/deployment-card.js';
import type { RenderOptions } from '../render/options.js';
import type { SlackSender } from './sender.js';

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
   * Applies a task or deployment event to its deployment's card: opens the card on the first
   * event of a deployment (its `SERVICE_DEPLOYMENT_IN_PROGRESS`, or the first task event whose
   * `startedBy` is the deployment), counts tasks that started and failed (each task once), sets
   * the state, and edits the card. Idempotent: a retried event changes nothing twice.
   *
   * A task event does not open a card for a deployment known to have finished, or when another
   * deployment of its service started since (both remembered for 90 days), so a crash loop long
   * after a deployment completed alerts in the channel instead. A deployment that finished before
   * the handler ever saw one of its service's deployments is not known: its tasks may still open
   * a card.
   *
   * @param event - The parsed event.
   * @param classification - Its classification.
   * @param now - Current time, epoch milliseconds.
   * @returns The thread the event belongs to (reply there), or `undefined` when it belongs to no
   *   open deployment (post it to the channel as usual).
   * @throws `DeliveryError` when Slack refused the card, or {@link ThreadBusyError} when another
   *   Lambda is posting the card right now: retry the event later.
   */
  observe(event: EcsEvent, classification: Classification, now: number): Promise<DeploymentThread | undefined>;
}

const DAY = 86_400;
const STATE_OF_OUTCOME: Readonly<Record<string, DeploymentState>> = {
  'deployment-started': 'in-progress',
  'deployment-rolling-back': 'rolling-back',
  'deployment-completed': 'completed',
  'deployment-failed': 'failed',
};
const FINAL: ReadonlySet<string> = new Set(['completed', 'failed']);
/** How long the current and finished deployments of a service are remembered: 90 days. */
const MEMORY_SECONDS = 90 * DAY;

const currentKey = (c: Classification): StateKey => ({
  scope: `currentdeploy#${c.identity.cluster ?? ''}/${c.identity.service ?? ''}`,
  id: '-',
});

/** The deployment an event is about: a deployment event's id, or a service task's `startedBy`. */
function deploymentOf(event: EcsEvent, c: Classification): string | undefined {
  if (event.kind === 'deployment') return event.detail.deploymentId;
  if (event.kind === 'task') return c.identity.deploymentId;
  return undefined;
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
  const { sender, store } = options;
  if (sender.update === undefined) throw new TypeError('deployment threads need a sender that can update messages (the Web API sender)');
  const ttlSeconds = options.ttlSeconds ?? 7 * DAY;
  const leaseSeconds = options.leaseSeconds ?? 60;

  const card = (value: StateValue, revision: number) =>
    renderDeploymentCard(
      {
        deploymentId: stringField(value, 'deploymentId') ?? '',
        ...(stringField(value, 'service') === undefined ? {} : { service: stringField(value, 'service') }),
        ...(stringField(value, 'cluster') === undefined ? {} : { cluster: stringField(value, 'cluster') }),
        state: (stringField(value, 'state') ?? 'in-progress') as DeploymentState,
        tasksStarted: numberField(value, 'started'),
        tasksFailed: numberField(value, 'failed'),
        ...(stringField(value, 'startedAt') === undefined ? {} : { startedAt: stringField(value, 'startedAt') }),
        ...(stringField(value, 'updatedAt') === undefined ? {} : { updatedAt: stringField(value, 'updatedAt') }),
        ...(stringField(value, 'reason') === undefined ? {} : { reason: stringField(value, 'reason') }),
        links: (value.links ?? {}) as Record<string, string>,
        revision,
      },
      options.render,
    );

  /** Opens the card: one Lambda claims and posts it, the others wait for its `ts`. */
  async function open(key: StateKey, initial: StateValue, now: number): Promise<StateRecord> {
    const claimed = await store.put(key, { ...initial, phase: 'posting' }, undefined, { now, ttlSeconds: leaseSeconds });
    if (claimed === undefined) {
      const existing = await store.get(key, now);
      if (existing?.value.phase === 'posted') return existing;
      throw new ThreadBusyError(`the card of deployment ${String(initial.deploymentId)} is being posted by another invocation`);
    }
    let posted;
    try {
      posted = await sender.post(card(initial, 0));
    } catch (error) {
      await store.take(key, now);
      throw error;
    }
    const ready = await store.update(
      key,
      { set: { phase: 'posted', channel: posted.channel ?? '', ts: posted.ts ?? '', revision: 0, shown: 0 } },
      undefined,
      { now, ttlSeconds },
    );
    if (ready === undefined) throw new ThreadBusyError('the deployment card vanished while being posted');
    return ready;
  }

  /** Applies a change once per deployment, task (or event) and kind of change. */
  async function firstTime(deploymentId: string, subject: string, what: string, now: number): Promise<boolean> {
    const key = { scope: `threadtask#${deploymentId}#${subject}`, id: what };
    return (await store.put(key, { at: now }, undefined, { now, ttlSeconds })) !== undefined;
  }

  /** What this event changes on the card, if anything. */
  async function changeOf(event: EcsEvent, c: Classification, deploymentId: string, now: number): Promise<StateChange | undefined> {
    const at = event.time === '' ? new Date(now).toISOString() : event.time;
    if (event.kind === 'deployment') {
      const state = STATE_OF_OUTCOME[c.outcome];
      if (state === undefined || !(await firstTime(deploymentId, event.id, 'deployment-event', now))) return undefined;
      const set: StateValue = { state, updatedAt: at };
      if (event.detail.reason !== undefined) set.reason = event.detail.reason;
      return { set };
    }
    if (event.kind !== 'task' || c.identity.taskId === undefined) return undefined;
    if (event.detail.lastStatus === 'RUNNING' && c.phase === 'running' && (await firstTime(deploymentId, c.identity.taskId, 'started', now))) {
      return { add: { started: 1 }, set: { updatedAt: at } };
    }
    if (c.phase === 'stopped' && c.severity === 'error' && (await firstTime(deploymentId, c.identity.taskId, 'failed', now))) {
      return { add: { failed: 1 }, set: { updatedAt: at, reason: c.summary } };
    }
    return undefined;
  }

  /**
   * Remembers which deployment of a service is current and which have finished (for 90 days),
   * so a task of an old or finished deployment (a crash loop long after it completed) does not
   * open a card claiming that deployment is in progress.
   */
  async function remember(deploymentId: string, c: Classification, now: number): Promise<void> {
    const write = { now, ttlSeconds: MEMORY_SECONDS };
    if (c.outcome === 'deployment-started' && c.identity.service !== undefined) {
      await store.update(currentKey(c), { set: { deploymentId } }, undefined, write);
    }
    if (c.outcome === 'deployment-completed' || c.outcome === 'deployment-failed') {
      await store.update({ scope: `finished#${deploymentId}`, id: '-' }, { set: { at: now } }, undefined, write);
    }
  }

  /** Whether a task event may open its deployment's card: not finished, and not superseded. */
  async function mayOpenFor(deploymentId: string, c: Classification, now: number): Promise<boolean> {
    if ((await store.get({ scope: `finished#${deploymentId}`, id: '-' }, now)) !== undefined) return false;
    const current = await store.get(currentKey(c), now);
    return current === undefined || current.value.deploymentId === deploymentId;
  }

  /** Edits the card to show the record's latest revision, until nobody changed it meanwhile. */
  async function refresh(key: StateKey, record: StateRecord, now: number): Promise<void> {
    let current: StateRecord | undefined = record;
    for (let attempt = 0; attempt < 3 && current !== undefined; attempt++) {
      const revision = numberField(current.value, 'revision');
      if (numberField(current.value, 'shown') >= revision) return;
      await sender.update!(stringField(current.value, 'channel') ?? '', stringField(current.value, 'ts') ?? '', card(current.value, revision));
      const marked = await store.update(key, { set: { shown: revision } }, { revision }, { now, ttlSeconds });
      if (marked !== undefined) return;
      current = await store.get(key, now);
    }
  }

  return {
    async observe(event, c, now) {
      const deploymentId = deploymentOf(event, c);
      if (deploymentId === undefined) return undefined;
      const key: StateKey = { scope: `thread#${deploymentId}`, id: '-' };
      let record = await store.get(key, now);
      if (event.kind === 'deployment') await remember(event.detail.deploymentId, c, now);
      if (record === undefined && event.kind === 'task' && !(await mayOpenFor(deploymentId, c, now))) return undefined;
      if (record === undefined || record.value.phase !== 'posted') {
        const initial: { [field: string]: JsonValue } = {
          deploymentId,
          state: 'in-progress',
          started: 0,
          failed: 0,
          startedAt: event.time,
          updatedAt: event.time,
          links: { ...c.links } as { [field: string]: JsonValue },
        };
        if (c.identity.service !== undefined) initial.service = c.identity.service;
        if (c.identity.cluster !== undefined) initial.cluster = c.identity.cluster;
        record = await open(key, initial, now);
      }
      const wasFinal = FINAL.has(stringField(record.value, 'state') ?? '');
      // After completion or failure, later task events are ordinary alerts, not deployment news.
      if (wasFinal && event.kind === 'task') return undefined;
      const change = await changeOf(event, c, deploymentId, now);
      if (change !== undefined) {
        const changed = await store.update(key, { add: { revision: 1, ...change.add }, set: change.set ?? {} }, undefined, { now, ttlSeconds });
        if (changed !== undefined) record = changed;
      }
      await refresh(key, record, now);
      return {
        deploymentId,
        channel: stringField(record.value, 'channel') ?? '',
        ts: stringField(record.value, 'ts') ?? '',
        state: (stringField(record.value, 'state') ?? 'in-progress') as DeploymentState,
      };
    },
  };
}
