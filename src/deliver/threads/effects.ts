/**
 * What an event does to its deployment's card: the counts and times it changes, claimed once
 * per task (or event) so that a retry changes nothing twice.
 *
 * @internal
 * @module
 */
import type { Classification } from '../../classify/classification.js';
import { type DeploymentState, outcomeRecord } from '../../classify/outcomes.js';
import type { EcsEvent } from '../../events/index.js';
import type { StateChange, StateKey, StateValue } from '../../state/store.js';
import { isFinal, type ThreadCard } from './card.js';

/**
 * The deployment an event is about: a deployment event's id, or a service task's `startedBy`.
 *
 * @internal
 */
export function deploymentOf(event: EcsEvent, c: Classification): string | undefined {
  if (event.kind === 'deployment') return event.detail.deploymentId;
  if (event.kind === 'task') return c.identity.deploymentId;
  return undefined;
}

/**
 * What an event does to its deployment's card, before the store says whether it was done already.
 *
 * @internal
 */
export interface Effect {
  /** Claimed once per deployment, task (or event) and kind of change, so a retry does nothing twice. */
  readonly marker: StateKey;
  /** The task counts it adds; kept in the tally while the card cannot open. */
  readonly counts?: Readonly<Record<string, number>>;
  /** Whether the change depends on the card as read, so must not land on a card changed since. */
  readonly conditional: boolean;
  /** The change to the card as it stands, or `undefined` when it changes nothing. */
  change(card: ThreadCard): StateChange | undefined;
}

/** Whether ISO time `a` is known to be earlier than `b`. */
function isBefore(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && Date.parse(a) < Date.parse(b);
}

/**
 * Whether a deployment event's state replaces the card's: a final state is never left, and a
 * non-final event older than the one that set the state is news from the past.
 */
function takesState(card: ThreadCard, state: DeploymentState, at: string): boolean {
  if (isFinal(card.state)) return false;
  return isFinal(state) || !isBefore(at, card.stateAt);
}

/** A deployment event's change: its state (and reason) if it takes, and times it moves. */
function deploymentChange(
  card: ThreadCard,
  state: DeploymentState,
  at: string,
  reason: string | undefined,
): StateChange | undefined {
  const set: StateValue = {};
  if (takesState(card, state, at)) {
    Object.assign(set, { state, stateAt: at });
    if (reason !== undefined) set.reason = reason;
  }
  if (isBefore(at, card.startedAt)) set.startedAt = at;
  if (isBefore(card.updatedAt, at)) set.updatedAt = at;
  return Object.keys(set).length === 0 ? undefined : { set };
}

/**
 * A task's effect: counts added once per task, with the time (and reason) of the event unless
 * the card already shows later news. Counts add up in any order, so it needs no compare-and-set,
 * which keeps many tasks starting at once from contending for the card.
 */
function taskEffect(marker: StateKey, counts: Record<string, number>, at: string, set: StateValue): Effect {
  return {
    marker,
    counts,
    conditional: false,
    change: (card) => ({
      add: counts,
      set: isBefore(at, card.updatedAt) ? {} : { ...set, updatedAt: at },
    }),
  };
}

/**
 * What the event does to its card, if anything.
 *
 * @internal
 */
export function effectOf(event: EcsEvent, c: Classification, deploymentId: string, now: number): Effect | undefined {
  const at = event.time === '' ? new Date(now).toISOString() : event.time;
  const marker = (subject: string, what: string): StateKey => ({
    scope: `threadtask#${deploymentId}#${subject}`,
    id: what,
  });
  if (event.kind === 'deployment') {
    const state = outcomeRecord(c.outcome).deploymentState;
    if (state === undefined) return undefined;
    const reason = event.detail.reason;
    return {
      marker: marker(event.id, 'deployment-event'),
      conditional: true,
      change: (card) => deploymentChange(card, state, at, reason),
    };
  }
  const taskId = c.identity.taskId;
  if (event.kind !== 'task' || taskId === undefined) return undefined;
  if (event.detail.lastStatus === 'RUNNING' && c.phase === 'running')
    return taskEffect(marker(taskId, 'started'), { started: 1 }, at, {});
  if (c.phase === 'stopped' && c.severity === 'error')
    return taskEffect(marker(taskId, 'failed'), { failed: 1 }, at, { reason: c.summary });
  return undefined;
}
