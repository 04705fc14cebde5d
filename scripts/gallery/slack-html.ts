/**
 * Draws a {@link SlackMessage} as HTML that imitates Slack's message layout: app avatar, bold app
 * name and time, the attachment's colour bar, and the blocks our renderers emit (header, section
 * text and two-column fields, context, divider, actions with buttons, image). Other block types
 * are drawn as a labelled placeholder so nothing disappears silently.
 *
 * What Slack shows is reproduced too: the top-level `text` is the message body when there are no
 * top-level `blocks` (even when attachments follow); with blocks it is only the notification
 * fallback, which the gallery prints under the message.
 *
 * The output is safe for any input: text goes through `mrkdwn-html.ts`, attribute values are
 * escaped, colours are checked before they reach a style, and no external resource is loaded.
 */
import type { SlackMessage } from '../../src/render/slack-message.js';
import { escapeHtml, mrkdwnToHtml, plainTextToHtml } from './mrkdwn-html.js';
import { formatSlackDate } from './slack-date.js';

/** How the app posting the message is drawn. */
export interface MessageHtmlOptions {
  /** The bold name beside the avatar. Defaults to `ECS Alerts`. */
  readonly appName?: string;
  /**
   * Posting time (Unix seconds) for the time beside the name. Defaults to the latest `<!date^...>`
   * token of the message, else a fixed time: the output never depends on the clock.
   */
  readonly postedAt?: number;
}

/** Slack's colours for the named attachment colours. */
export const ATTACHMENT_COLORS: Readonly<Record<string, string>> = {
  good: '#2eb886',
  warning: '#daa038',
  danger: '#a30200',
};

/** 2024-01-01 12:00 UTC: the time shown when the message carries no date. */
const FIXED_TIME = 1_704_110_400;

type Json = Record<string, unknown>;
const isJson = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A text object (`plain_text` or `mrkdwn`) as HTML. */
function textHtml(text: unknown): string {
  if (!isJson(text)) return '';
  if (text['type'] === 'mrkdwn') return mrkdwnToHtml(str(text['text']), { verbatim: text['verbatim'] === true });
  return plainTextToHtml(str(text['text']), text['emoji'] !== false);
}

/** An image that is never fetched: a grey tile carrying its alt text. */
function imageHtml(image: Json, className: string): string {
  const alt = escapeHtml(str(image['alt_text']));
  return `<span class="${className}" role="img" aria-label="${alt}" title="${alt}"></span>`;
}

function buttonHtml(button: Json): string {
  const style = button['style'] === 'primary' || button['style'] === 'danger' ? ` button-${button['style']}` : '';
  const url = typeof button['url'] === 'string' ? ` title="${escapeHtml(button['url'])}"` : '';
  return `<span class="button${style}"${url}>${textHtml(button['text'])}</span>`;
}

function elementHtml(element: unknown): string {
  if (!isJson(element)) return '';
  if (element['type'] === 'button') return buttonHtml(element);
  if (element['type'] === 'image') return imageHtml(element, 'accessory-image');
  return `<span class="button button-other">${escapeHtml(str(element['type']))}</span>`;
}

function sectionHtml(block: Json): string {
  const text = block['text'] === undefined ? '' : `<div class="mrkdwn">${textHtml(block['text'])}</div>`;
  const fields = Array.isArray(block['fields'])
    ? `<div class="fields">${block['fields'].map((field: unknown) => `<div class="field mrkdwn">${textHtml(field)}</div>`).join('')}</div>`
    : '';
  const accessory =
    block['accessory'] === undefined ? '' : `<div class="accessory">${elementHtml(block['accessory'])}</div>`;
  return `<div class="block section"><div class="section-main">${text}${fields}</div>${accessory}</div>`;
}

function contextHtml(block: Json): string {
  const elements = Array.isArray(block['elements']) ? block['elements'] : [];
  const items = elements.map((element: unknown) =>
    isJson(element) && element['type'] === 'image'
      ? imageHtml(element, 'context-image')
      : `<span class="context-text">${textHtml(element)}</span>`,
  );
  return `<div class="block context">${items.join('')}</div>`;
}

/** One block as HTML. */
export function blockHtml(block: unknown): string {
  if (!isJson(block)) return '';
  switch (block['type']) {
    case 'header':
      return `<div class="block header">${textHtml(block['text'])}</div>`;
    case 'section':
      return sectionHtml(block);
    case 'context':
      return contextHtml(block);
    case 'divider':
      return '<hr class="block divider">';
    case 'actions': {
      const elements = Array.isArray(block['elements']) ? block['elements'] : [];
      return `<div class="block actions">${elements.map(elementHtml).join('')}</div>`;
    }
    case 'image':
      return `<div class="block image">${imageHtml(block, 'image-tile')}</div>`;
    default:
      return `<div class="block unsupported">[${escapeHtml(str(block['type']))} block]</div>`;
  }
}

const blocksHtml = (blocks: unknown): string => (Array.isArray(blocks) ? blocks.map(blockHtml).join('') : '');

/** The colour of an attachment's bar: named colours mapped, `#RRGGBB` kept, anything else grey. */
export function barColor(color: unknown): string {
  if (typeof color !== 'string') return '#dddddd';
  if (Object.hasOwn(ATTACHMENT_COLORS, color)) return ATTACHMENT_COLORS[color] ?? '#dddddd';
  return /^#[0-9a-fA-F]{6}$/.test(color) ? color.toLowerCase() : '#dddddd';
}

function attachmentHtml(attachment: unknown): string {
  if (!isJson(attachment)) return '';
  const pretext =
    typeof attachment['pretext'] === 'string' ? `<div class="mrkdwn">${mrkdwnToHtml(attachment['pretext'])}</div>` : '';
  const legacy =
    typeof attachment['text'] === 'string' ? `<div class="block mrkdwn">${mrkdwnToHtml(attachment['text'])}</div>` : '';
  const bar = barColor(attachment['color']);
  return (
    `${pretext}<div class="attachment"><div class="attachment-bar" style="background:${bar}"></div>` +
    `<div class="attachment-body">${blocksHtml(attachment['blocks'])}${legacy}</div></div>`
  );
}

/** The latest `<!date^seconds^` of the message: a message is posted after the events it tells of. */
function latestDate(message: SlackMessage): number | undefined {
  const found = [...JSON.stringify(message).matchAll(/<!date\^(\d+)\^/g)].map((match) => Number(match[1]));
  return found.length === 0 ? undefined : Math.max(...found);
}

/** The ECS-orange app avatar, drawn inline. */
const AVATAR =
  '<svg class="avatar" viewBox="0 0 36 36" aria-hidden="true"><rect width="36" height="36" rx="8" fill="#ed7100"/>' +
  '<path d="M18 7l9.5 5.5v11L18 29l-9.5-5.5v-11z" fill="none" stroke="#fff" stroke-width="2.2" stroke-linejoin="round"/>' +
  '<path d="M18 12.5l4.8 2.75v5.5L18 23.5l-4.8-2.75v-5.5z" fill="#fff"/></svg>';

/**
 * One message as an `<article class="slack-message">` element.
 *
 * @example
 * ```ts
 * const html = messageHtml({ text: 'Task stopped', blocks }, { appName: 'ECS Alerts' });
 * ```
 */
export function messageHtml(message: SlackMessage, options: MessageHtmlOptions = {}): string {
  const posted = options.postedAt ?? latestDate(message) ?? FIXED_TIME;
  const name = escapeHtml(options.appName ?? 'ECS Alerts');
  const time = escapeHtml(formatSlackDate(posted, '{time}') ?? '');
  const root: unknown = message;
  const json: Json = isJson(root) ? root : {};
  const text = typeof json['text'] === 'string' ? json['text'] : '';
  const body = json['mrkdwn'] === false ? plainTextToHtml(text, false) : mrkdwnToHtml(text);
  const bodyText = json['blocks'] === undefined && text !== '' ? `<div class="block mrkdwn">${body}</div>` : '';
  const attachments = Array.isArray(json['attachments']) ? json['attachments'].map(attachmentHtml).join('') : '';
  return (
    `<article class="slack-message">${AVATAR}<div class="message-content">` +
    `<div class="message-meta"><span class="app-name">${name}</span><span class="app-badge">APP</span><span class="message-time">${time}</span></div>` +
    `${bodyText}${blocksHtml(json['blocks'])}${attachments}</div></article>`
  );
}
