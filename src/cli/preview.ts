/**
 * A terminal preview of a Slack message, for `ecs-slack demo`.
 *
 * @internal
 * @module
 */
import type { KnownBlock, MessageAttachment, TextObject } from '@slack/types';
import type { SlackMessage } from '../render/slack-message.js';

const EMOJI: Readonly<Record<string, string>> = {
  ':rotating_light:': '🚨',
  ':mute:': '🔇',
  ':red_circle:': '🔴',
  ':large_yellow_circle:': '🟡',
  ':large_green_circle:': '🟢',
  ':white_circle:': '⚪',
  ':mag:': '🔍',
  ':bulb:': '💡',
  ':link:': '🔗',
  ':repeat:': '🔁',
};

/**
 * Turns mrkdwn into terminal text: links show their label, dates their fallback, entities decode.
 *
 * @internal
 */
export function plainText(mrkdwn: string): string {
  return mrkdwn
    .replace(/<!date\^[^|>]*\|([^>]*)>/g, '$1')
    .replace(/<(https?:[^|>]*)\|([^>]*)>/g, '$2')
    .replace(/<!(here|channel|everyone)>/g, '@$1')
    .replace(/<!subteam\^([A-Z0-9]+)>/g, '@group:$1')
    .replace(/<@([A-Z0-9]+)>/g, '@$1')
    .replace(/```/g, '')
    .replace(/\*([^*\n]+)\*/g, '$1')
    .replace(EMOJI_CODE, emojiOf)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

const EMOJI_CODE = /:[a-z_]+:/g;
const emojiOf = (code: string): string => EMOJI[code] ?? code;

/** Terminal text of a text object: mrkdwn is decoded; plain_text is shown as it is, emoji drawn. */
function textOf(object: TextObject | undefined): string {
  if (object === undefined) return '';
  return object.type === 'mrkdwn' ? plainText(object.text) : object.text.replace(EMOJI_CODE, emojiOf);
}

function blockLines(block: KnownBlock): string[] {
  switch (block.type) {
    case 'header':
      return [textOf(block.text)];
    case 'section': {
      const lines = block.text === undefined ? [] : textOf(block.text).split('\n');
      const fields = (block.fields ?? []).map((field) => textOf(field).replace('\n', ': '));
      return [...lines, ...fields];
    }
    case 'context':
      return [block.elements.map((element) => ('text' in element ? textOf(element as TextObject) : '')).join(' · ')];
    case 'actions':
      return [
        block.elements
          .map((element) =>
            'text' in element && element.text !== undefined ? `[${textOf(element.text as TextObject)}]` : '',
          )
          .join(' '),
      ];
    default:
      return [];
  }
}

/**
 * Renders a message as indented terminal lines, with a coloured bar for the attachment.
 *
 * @internal
 */
export function preview(message: SlackMessage, indent = '    '): string {
  const top = (message.blocks ?? []).flatMap(blockLines);
  const attachment: MessageAttachment | undefined = message.attachments?.[0];
  const bar = attachment?.color === undefined ? '' : '┃ ';
  const inner = ((attachment?.blocks ?? []) as KnownBlock[]).flatMap(blockLines);
  return [...top.map((line) => `${indent}${line}`), ...inner.map((line) => `${indent}${bar}${line}`)].join('\n');
}
