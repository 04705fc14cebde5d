/**
 * The alert as it is edited in place after a click: a status line (acknowledged, muted until,
 * unmuted, by whom) where the buttons were, and the buttons that now apply.
 *
 * @internal
 * @module
 */
import type { ActionsBlock, ContextBlock, KnownBlock, MessageAttachment } from '@slack/types';
import { signAction, type AlertTarget } from '../render/action-value.js';
import { ACTION_ID_PREFIX, ACTIONS_BLOCK_ID } from '../render/alert-actions.js';
import { text } from '../render/mrkdwn.js';
import type { SlackMessage } from '../render/slack-message.js';

/** The `block_id` of the status line. */
export const STATUS_BLOCK_ID = 'ecs-slack-status';

/** A message as a `block_actions` payload carries it. */
export interface PayloadMessage {
  readonly text?: string;
  readonly blocks?: readonly unknown[];
  readonly attachments?: readonly unknown[];
}

/** A Slack user id, as a mention; only ids of the usual shape become markup. */
export function userMention(user: string): string {
  return /^[UW][A-Z0-9]{2,30}$/.test(user) ? `<@${user}>` : text(user);
}

/** `15:00 UTC`, or `2025-06-02 15:00 UTC` when not on the day of `now`. */
export function untilText(endsAt: number, now: number): string {
  const end = new Date(endsAt).toISOString();
  const sameDay = end.slice(0, 10) === new Date(now).toISOString().slice(0, 10);
  return `${sameDay ? '' : `${end.slice(0, 10)} `}${end.slice(11, 16)} UTC`;
}

/** The status line of a muted alert: until when, by whom, what. */
export function mutedStatus(user: string, endsAt: number, now: number, what: string): ContextBlock {
  return statusBlock(`:mute: Muted until ${untilText(endsAt, now)} by ${userMention(user)} (${text(what)})`);
}

/** The status line. */
export function statusBlock(line: string): ContextBlock {
  return { type: 'context', block_id: STATUS_BLOCK_ID, elements: [{ type: 'mrkdwn', text: line, verbatim: true }] };
}

/** The Unmute button of a muted alert. */
export function unmuteRow(target: AlertTarget, silenceId: string, secret: string): ActionsBlock {
  return {
    type: 'actions',
    block_id: ACTIONS_BLOCK_ID,
    elements: [
      {
        type: 'button',
        text: { type: 'plain_text', text: 'Unmute' },
        action_id: `${ACTION_ID_PREFIX}unmute`,
        value: signAction({ action: 'unmute', target, silenceId }, secret),
        style: 'danger',
      },
    ],
  };
}

const isOurs = (block: unknown): boolean => {
  const id = (block as { block_id?: unknown } | null)?.block_id;
  return typeof id === 'string' && (id.startsWith(ACTIONS_BLOCK_ID) || id === STATUS_BLOCK_ID);
};

/** `blocks` with ours replaced by `added`, where the first of ours was; `undefined` when none was there. */
function replaced(blocks: readonly unknown[], added: readonly KnownBlock[]): KnownBlock[] | undefined {
  const at = blocks.findIndex(isOurs);
  if (at === -1) return undefined;
  const rest = blocks.filter((block) => !isOurs(block)) as KnownBlock[];
  return [...rest.slice(0, at), ...added, ...rest.slice(at)];
}

/**
 * The message with its status line and buttons replaced (where they were: in the blocks or in
 * the attachment), the rest as Slack holds it. Only the attachment's colour and blocks are kept.
 *
 * @internal
 */
export function editedMessage(
  message: PayloadMessage,
  status: ContextBlock,
  rows: readonly ActionsBlock[],
): SlackMessage {
  const added: KnownBlock[] = [status, ...rows];
  const attachments = (message.attachments ?? []).map((a) => {
    const { color, blocks } = a as MessageAttachment;
    return { ...(color === undefined ? {} : { color }), ...(blocks === undefined ? {} : { blocks }) };
  });
  const blocks = (message.blocks ?? []) as KnownBlock[];
  const out: SlackMessage = { text: message.text ?? '' };
  const inBlocks = replaced(blocks, added);
  const first = attachments[0];
  const inAttachment =
    inBlocks === undefined && first?.blocks !== undefined ? replaced(first.blocks, added) : undefined;
  out.blocks = inBlocks ?? blocks;
  if (attachments.length > 0) {
    out.attachments =
      inAttachment === undefined ? attachments : [{ ...first, blocks: inAttachment }, ...attachments.slice(1)];
  }
  if (inBlocks === undefined && inAttachment === undefined) {
    // Not where the alert put them (an older message): the status goes last.
    if (first?.blocks !== undefined) out.attachments = [{ ...first, blocks: [...first.blocks, ...added] }];
    else out.blocks = [...blocks, ...added];
  }
  return out;
}
