/**
 * `registerEcsSlackActions`: the Bolt listeners behind the buttons of interactive alerts.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import type { AllMiddlewareArgs, App, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ActionsBlock } from '@slack/types';
import { ConfigError, isConfigError } from '../errors.js';
import type { PolicyMatch } from '../policy/match.js';
import { createSilences, type Silences } from '../policy/silences.js';
import { verifyAction, type AlertAction, type AlertTarget } from '../render/action-value.js';
import { ACTION_ID_PREFIX, alertActionBlocks } from '../render/alert-actions.js';
import type { StateStore } from '../state/store.js';
import { createAllowList } from './allow.js';
import { editedMessage, mutedStatus, statusBlock, unmuteRow, userMention, type PayloadMessage } from './message.js';

/**
 * Options of {@link registerEcsSlackActions}.
 */
export interface EcsSlackActionsOptions {
  /**
   * Where the silences live: the alert pipeline's store (the same DynamoDB table), whose
   * silences (scope `silence`) the pipeline reads.
   */
  readonly store: StateStore;
  /**
   * Who may acknowledge, mute and unmute: Slack user ids (`U0123ABCD`) and user group ids
   * (`S0123ABCD`, members read with `usergroups.users.list`, which needs the `usergroups:read`
   * scope). Anyone else gets an ephemeral "not allowed", and nothing changes.
   */
  readonly allow: readonly string[];
  /**
   * The Slack app's signing secret, which signed the buttons' values (`render.signingSecret` of the
   * alerts). Default the `SLACK_SIGNING_SECRET` environment variable.
   */
  readonly signingSecret?: string;
  /** The clock, epoch milliseconds; default `Date.now`. */
  readonly now?: () => number;
  /** How long user group members are reused before they are read again, in seconds. Default 60. */
  readonly allowCacheSeconds?: number;
}

/** What a user outside `allow` is told, to them alone. */
const NOT_ALLOWED =
  'You are not allowed to acknowledge or mute these ECS alerts: ask to be added to the app\u2019s allow list.';

/** The reason of every silence set from Slack. */
const REASON = 'muted from Slack';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** The matcher a verified mute rebuilds: exact names, the cause only when asked for. */
function matchOf(target: AlertTarget, withCause: boolean): PolicyMatch {
  return {
    service: target.service,
    ...(target.cluster === undefined ? {} : { cluster: target.cluster }),
    ...(target.account === undefined ? {} : { account: target.account }),
    ...(target.region === undefined ? {} : { region: target.region }),
    ...(withCause && target.cause !== undefined ? { cause: target.cause } : {}),
  };
}

/** One click, one id: the same request replayed names the same silence, which is then refused. */
function silenceIdOf(parts: readonly string[]): string {
  return `slack-${createHash('sha256').update(parts.join('\n')).digest('base64url').slice(0, 24)}`;
}

/**
 * Registers the listeners of the alert buttons on a Bolt app: Acknowledge, Mute 1h / 4h / 24h
 * (the service, or the service and its cause) and Unmute. A click counts when Bolt verified
 * Slack's signature, the value carries this secret's HMAC and the user is in `allow`; the silence
 * (author the user, reason "muted from Slack", the alert's `ts` for its summary's thread) is then
 * rebuilt from the value, and the alert edited in place: "Muted until 15:00 UTC by @ana".
 *
 * @param app - The Bolt app (`new App(...)`, with any receiver: HTTP, Socket Mode, `AwsLambdaReceiver`).
 * @param options - The store, who may act, the signing secret and the clock.
 * @returns Nothing; the listeners are registered.
 * @throws `ConfigError` when no signing secret is given nor in the environment, or `allow` is empty.
 * @example
 * ```ts
 * import { App } from '@slack/bolt';
 *
 * const app = new App({ token: process.env.SLACK_BOT_TOKEN, signingSecret: process.env.SLACK_SIGNING_SECRET });
 * registerEcsSlackActions(app, { store, allow: ['S0123ABCD'] });
 * ```
 * @see https://docs.slack.dev/reference/interaction-payloads/block_actions-payload
 */
export function registerEcsSlackActions(app: App, options: EcsSlackActionsOptions): void {
  const secret = options.signingSecret ?? process.env['SLACK_SIGNING_SECRET'];
  if (secret === undefined || secret === '')
    throw new ConfigError('registerEcsSlackActions: no signingSecret, and SLACK_SIGNING_SECRET is not set');
  if (!Array.isArray(options.allow) || options.allow.length === 0)
    throw new ConfigError('registerEcsSlackActions: allow is empty: nobody could act on an alert');
  const now = options.now ?? Date.now;
  const silences = createSilences({ store: options.store, refreshSeconds: 0 });
  const allowed = createAllowList(options.allow, now, options.allowCacheSeconds ?? 60);

  app.action<BlockAction>({ type: 'block_actions', action_id: new RegExp(`^${ACTION_ID_PREFIX}`) }, async (args) => {
    await args.ack();
    await handle(args, { secret, silences, allowed, now });
  });
}

interface Context {
  readonly secret: string;
  readonly silences: Silences;
  readonly allowed: (user: string, client: ActionArgs['client']) => Promise<boolean>;
  readonly now: () => number;
}

async function handle(args: ActionArgs, context: Context): Promise<void> {
  const { action, body, client, logger } = args;
  // Console link buttons (`render.buttons`) only need their acknowledgement.
  if (action.type !== 'button' || action.action_id.startsWith(`${ACTION_ID_PREFIX}link-`)) return;
  const intent = verifyAction(action.value, context.secret);
  const channel = body.channel?.id ?? (body.container['channel_id'] as string | undefined);
  const message = body.message as (PayloadMessage & { ts: string }) | undefined;
  if (intent === undefined || channel === undefined || message === undefined) {
    logger.warn('ecs-slack: refused a click whose button value is not one ecs-slack signed');
    return;
  }
  const user = body.user.id;
  try {
    if (!(await context.allowed(user, client))) {
      await client.chat.postEphemeral({ channel, user, text: NOT_ALLOWED });
      return;
    }
    const edit = await act(intent, { ...context, user, channel, ts: message.ts, actionTs: action.action_ts });
    if (edit !== undefined)
      await client.chat.update({ channel, ts: message.ts, ...editedMessage(message, edit.status, edit.rows) });
  } catch (error) {
    logger.error(`ecs-slack: ${intent.action} failed: ${error instanceof Error ? error.name : 'Error'}`);
    await client.chat.postEphemeral({ channel, user, text: `Could not ${intent.action} the alert; try again.` });
  }
}

interface Click extends Context {
  readonly user: string;
  readonly channel: string;
  readonly ts: string;
  readonly actionTs: string;
}

/** Does what the click asks; the message's new status and buttons, or `undefined` to leave it. */
async function act(
  intent: AlertAction,
  click: Click,
): Promise<{ status: ReturnType<typeof statusBlock>; rows: ActionsBlock[] } | undefined> {
  const { secret, silences, user, channel, ts } = click;
  const who = userMention(user);
  const now = click.now();
  if (intent.action === 'ack') {
    return {
      status: statusBlock(`:eyes: Acknowledged by ${who}`),
      rows: alertActionBlocks(intent.target, secret),
    };
  }
  if (intent.action === 'unmute') {
    const result = await silences.expire(intent.silenceId, now);
    if (result.status === 'not-found') return undefined;
    return { status: statusBlock(`:loud_sound: Unmuted by ${who}`), rows: alertActionBlocks(intent.target, secret) };
  }
  const endsAt = now + intent.hours * 3_600_000;
  const id = silenceIdOf([channel, ts, intent.hours, intent.withCause, click.actionTs, user].map(String));
  const match = matchOf(intent.target, intent.withCause);
  try {
    await silences.add(
      { id, match, author: user, reason: REASON, endsAt: new Date(endsAt).toISOString(), thread: { channel, ts } },
      now,
    );
  } catch (error) {
    // The same click again (a replayed request): its silence exists, nothing more to do.
    if (isConfigError(error) && error.message.includes('already taken')) return undefined;
    throw error;
  }
  const what = intent.withCause ? `${intent.target.service}, ${intent.target.cause}` : intent.target.service;
  return {
    status: mutedStatus(user, endsAt, now, what),
    rows: [unmuteRow(intent.target, id, secret)],
  };
}
