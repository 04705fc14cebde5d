/**
 * The buttons of an interactive alert: Acknowledge and Mute 1h / 4h / 24h for the service, and a
 * second row muting only the alert's cause of that service. Each value is signed
 * (`action-value.ts`); `ecs-slack/slack-actions` handles the clicks.
 *
 * @internal
 * @module
 */
import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import type { Classification } from '../classify/classification.js';
import { MUTE_HOURS, signAction, type AlertTarget } from './action-value.js';
import { beforeContext } from './evidence-blocks.js';
import { SLACK_LIMITS } from './limits.js';
import type { RenderOptions } from './options.js';
import type { SlackMessage } from './slack-message.js';

/**
 * The `block_id`s of the alert's button rows, and the prefix of every `action_id` they hold.
 *
 * @internal
 */
export const ACTIONS_BLOCK_ID = 'ecs-slack-actions';
/** @internal */
export const CAUSE_ACTIONS_BLOCK_ID = 'ecs-slack-actions-cause';
/** @internal */
export const ACTION_ID_PREFIX = 'ecs-slack-';

/**
 * The service an alert is about, or `undefined` for an alert of no service (a container
 * instance): only a service can be muted from Slack.
 *
 * @internal
 */
export function alertTarget(c: Classification): AlertTarget | undefined {
  const { identity } = c;
  if (identity.service === undefined || identity.service === '') return undefined;
  return {
    service: identity.service,
    ...(identity.cluster === undefined ? {} : { cluster: identity.cluster }),
    ...(identity.account === '' ? {} : { account: identity.account }),
    ...(identity.region === '' ? {} : { region: identity.region }),
    ...(c.cause === undefined ? {} : { cause: c.cause }),
  };
}

function button(text: string, actionId: string, value: string, primary = false): Button {
  const element: Button = { type: 'button', text: { type: 'plain_text', text }, action_id: actionId, value };
  if (primary) element.style = 'primary';
  return element;
}

/**
 * The button rows for a target, values signed with `secret`.
 *
 * @internal
 */
export function alertActionBlocks(target: AlertTarget, secret: string): ActionsBlock[] {
  const rows: ActionsBlock[] = [
    {
      type: 'actions',
      block_id: ACTIONS_BLOCK_ID,
      elements: [
        button('Acknowledge', `${ACTION_ID_PREFIX}ack`, signAction({ action: 'ack', target }, secret), true),
        ...MUTE_HOURS.map((hours) =>
          button(
            `Mute ${hours}h`,
            `${ACTION_ID_PREFIX}mute-${hours}h`,
            signAction({ action: 'mute', target, hours, withCause: false }, secret),
          ),
        ),
      ],
    },
  ];
  if (target.cause !== undefined) {
    rows.push({
      type: 'actions',
      block_id: CAUSE_ACTIONS_BLOCK_ID,
      elements: MUTE_HOURS.map((hours) =>
        button(
          `Mute ${target.cause} ${hours}h`,
          `${ACTION_ID_PREFIX}mute-cause-${hours}h`,
          signAction({ action: 'mute', target, hours, withCause: true }, secret),
        ),
      ),
    });
  }
  return rows;
}

/**
 * The message with the alert's buttons before its closing context line (in the attachment when
 * colour is on), when `interactive` is on with a signing secret and the alert is about a service.
 * The buttons are kept over the message's last blocks when Slack's 50 would be passed.
 *
 * @internal
 */
export function withAlertActions(message: SlackMessage, c: Classification, options: RenderOptions): SlackMessage {
  const secret = options.signingSecret;
  if (options.interactive !== true || secret === undefined || secret === '') return message;
  const target = alertTarget(c);
  if (target === undefined) return message;
  const rows: KnownBlock[] = alertActionBlocks(target, secret);
  const attachment = message.attachments?.[0];
  const top = message.blocks?.length ?? 0;
  if (attachment?.blocks !== undefined) {
    const room = SLACK_LIMITS.blocks - top - rows.length;
    const blocks = beforeContext(attachment.blocks.slice(0, Math.max(0, room)), rows);
    return { ...message, attachments: [{ ...attachment, blocks }] };
  }
  const blocks = message.blocks ?? [];
  return { ...message, blocks: beforeContext(blocks.slice(0, SLACK_LIMITS.blocks - rows.length), rows) };
}
