/**
 * A deployment's progress card as it is stored: a typed record and its codec (the stored field
 * names are the store's format, kept as they were), where the card's records live, and the card as
 * a Slack message.
 *
 * @internal
 * @module
 */
import type { Classification } from '../../classify/classification.js';
import type { ConsoleLinks } from '../../classify/links.js';
import type { DeploymentState } from '../../classify/outcomes.js';
import type { EcsEvent } from '../../events/index.js';
import { renderDeploymentCard } from '../../render/deployment-card.js';
import type { RenderOptions } from '../../render/options.js';
import type { SlackMessage } from '../../render/slack-message.js';
import { booleanField, numberField, type RecordCodec, stringField } from '../../state/codec.js';
import type { JsonValue, StateKey, StateValue } from '../../state/store.js';

/**
 * A deployment's card, as its record holds it.
 *
 * @internal
 */
export interface ThreadCard {
  readonly deploymentId: string;
  readonly service?: string | undefined;
  readonly cluster?: string | undefined;
  /** Where the deployment stands. */
  readonly state: DeploymentState;
  /** When the event that set `state` happened (ISO-8601). */
  readonly stateAt?: string | undefined;
  /** Tasks started and failed so far. */
  readonly started: number;
  readonly failed: number;
  readonly startedAt?: string | undefined;
  readonly updatedAt?: string | undefined;
  readonly reason?: string | undefined;
  readonly links: ConsoleLinks;
  /** `posting` while one invocation posts it, `posted` once its `channel` and `ts` are known. */
  readonly phase?: 'posting' | 'posted' | undefined;
  readonly channel?: string | undefined;
  readonly ts?: string | undefined;
  /** Grows with every change; `shown` is the revision Slack shows. */
  readonly revision: number;
  readonly shown: number;
  /** Slack refused to edit it for good: the deployment's events alert in the channel. */
  readonly unusable: boolean;
}

const STATES: readonly string[] = ['in-progress', 'rolling-back', 'completed', 'failed'];
const FINAL_STATES: readonly string[] = ['completed', 'failed'];

/**
 * Whether a card's state is final (`completed` or `failed`): a card never leaves it.
 *
 * @internal
 */
export function isFinal(state: DeploymentState | undefined): boolean {
  return state !== undefined && FINAL_STATES.includes(state);
}

/** A stored string field, or nothing (kept absent, not undefined, when encoding). */
const optional = (name: string, value: string | undefined): StateValue =>
  value === undefined ? {} : { [name]: value };

/**
 * How a card is stored.
 *
 * @internal
 */
export const cardCodec: RecordCodec<ThreadCard> = {
  encode(card) {
    return {
      deploymentId: card.deploymentId,
      state: card.state,
      started: card.started,
      failed: card.failed,
      ...optional('startedAt', card.startedAt),
      ...optional('updatedAt', card.updatedAt),
      links: { ...card.links } as { [field: string]: JsonValue },
      ...optional('service', card.service),
      ...optional('cluster', card.cluster),
    };
  },
  decode(value) {
    const state = stringField(value, 'state');
    const phase = stringField(value, 'phase');
    return {
      deploymentId: stringField(value, 'deploymentId') ?? '',
      service: stringField(value, 'service'),
      cluster: stringField(value, 'cluster'),
      state: (state !== undefined && STATES.includes(state) ? state : 'in-progress') as DeploymentState,
      stateAt: stringField(value, 'stateAt'),
      started: numberField(value, 'started'),
      failed: numberField(value, 'failed'),
      startedAt: stringField(value, 'startedAt'),
      updatedAt: stringField(value, 'updatedAt'),
      reason: stringField(value, 'reason'),
      links: (value.links ?? {}) as ConsoleLinks,
      phase: phase === 'posting' || phase === 'posted' ? phase : undefined,
      channel: stringField(value, 'channel'),
      ts: stringField(value, 'ts'),
      revision: numberField(value, 'revision'),
      shown: numberField(value, 'shown'),
      unusable: booleanField(value, 'unusable'),
    };
  },
};

/**
 * The card a deployment's first event opens.
 *
 * @internal
 */
export function initialCard(event: EcsEvent, c: Classification, deploymentId: string): StateValue {
  return cardCodec.encode({
    deploymentId,
    service: c.identity.service,
    cluster: c.identity.cluster,
    state: 'in-progress',
    started: 0,
    failed: 0,
    startedAt: event.time,
    updatedAt: event.time,
    links: c.links,
    revision: 0,
    shown: 0,
    unusable: false,
  });
}

/**
 * The card as a Slack message, at `revision`.
 *
 * @internal
 */
export function cardMessage(card: ThreadCard, revision: number, render: RenderOptions | undefined): SlackMessage {
  return renderDeploymentCard(
    {
      deploymentId: card.deploymentId,
      ...(card.service === undefined ? {} : { service: card.service }),
      ...(card.cluster === undefined ? {} : { cluster: card.cluster }),
      state: card.state,
      tasksStarted: card.started,
      tasksFailed: card.failed,
      ...(card.startedAt === undefined ? {} : { startedAt: card.startedAt }),
      ...(card.updatedAt === undefined ? {} : { updatedAt: card.updatedAt }),
      ...(card.reason === undefined ? {} : { reason: card.reason }),
      links: card.links,
      revision,
    },
    render,
  );
}

/**
 * The record of a deployment's card.
 *
 * @internal
 */
export const cardKey = (deploymentId: string): StateKey => ({ scope: `thread#${deploymentId}`, id: '-' });

/**
 * Tasks of a deployment counted while its card could not open yet.
 *
 * @internal
 */
export const tallyKey = (deploymentId: string): StateKey => ({ scope: `tally#${deploymentId}`, id: '-' });

/**
 * The deployment of a service that is current.
 *
 * @internal
 */
export const currentKey = (c: Classification): StateKey => ({
  scope: `currentdeploy#${c.identity.cluster ?? ''}/${c.identity.service ?? ''}`,
  id: '-',
});

/**
 * The mark of a deployment that finished.
 *
 * @internal
 */
export const finishedKey = (deploymentId: string): StateKey => ({ scope: `finished#${deploymentId}`, id: '-' });
