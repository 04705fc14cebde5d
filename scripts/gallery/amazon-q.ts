/**
 * An Amazon Q Developer custom notification drawn in Slack, for the gallery: its title, its
 * description, its next steps and its keywords, with `client-markdown` turned into Slack's mrkdwn
 * (`**bold**` to `*bold*`, `[label](url)` to `<url|label>`) as Amazon Q does for Slack. An
 * approximation: Amazon Q lays the fields out itself, and this follows the fields, not a capture.
 */
import type { KnownBlock } from '@slack/types';
import type { AmazonQNotification } from '../../src/amazon-q/index.js';
import type { SlackMessage } from '../../src/render/slack-message.js';

const BOLD = /\*\*([^*\n]+?)\*\*/g;
const LINK = /\[([^[\]\n]*)\]\((https?:\/\/[^\s()]+)\)/g;

/** `client-markdown` as Slack mrkdwn: `&` escaped, bold and links in Slack's syntax. */
export function mrkdwnOf(markdown: string): string {
  return markdown
    .replace(/&/g, '&amp;')
    .replace(BOLD, '*$1*')
    .replace(LINK, (_, label: string, url: string) => `<${url}|${label}>`);
}

const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text, verbatim: true } });

/** The notification as a Slack message: bold title, description, next steps, keywords. */
export function amazonQInSlack(notification: AmazonQNotification): SlackMessage {
  const { content, metadata } = notification;
  const blocks: KnownBlock[] = [section(`*${mrkdwnOf(content.title)}*`), section(mrkdwnOf(content.description))];
  if (content.nextSteps !== undefined) {
    blocks.push(section(`*Next steps*\n${content.nextSteps.map((step) => `• ${mrkdwnOf(step)}`).join('\n')}`));
  }
  if (content.keywords !== undefined) {
    const keywords = content.keywords.map((keyword) => `\`${mrkdwnOf(keyword)}\``).join('  ');
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: keywords, verbatim: true }] });
  }
  return { text: metadata.summary, blocks };
}
