/**
 * The shared anatomy of every message: header, summary, culprit, fields, reason, lists, hint,
 * links and context, in full or compact form, always within Slack's limits.
 *
 * @internal
 * @module
 */
import type {
  ActionsBlock,
  Button,
  ContextBlock,
  HeaderBlock,
  KnownBlock,
  MrkdwnElement,
  SectionBlock,
} from '@slack/types';
import type { Classification, Severity } from '../classify/classification.js';
import { SLACK_LIMITS, fitId, fitList, fitProse } from './limits.js';
import { bold, join, link, linkTo, mention, pre, text, trusted, webUrl, type Mention, type Mrkdwn } from './mrkdwn.js';
import { severityStyle, type RenderOptions } from './options.js';
import type { SlackMessage } from './slack-message.js';

/**
 * A field of the grid: label and rendered value.
 *
 * @internal
 */
export interface DraftField {
  readonly label: string;
  readonly value: Mrkdwn | undefined;
  /** The console URL the value links to, if any. */
  readonly url?: string;
  /** A key field (times, deployment): kept before the user's extra fields when the grid is full. */
  readonly key?: boolean;
}

/**
 * A console or log link.
 *
 * @internal
 */
export interface DraftLink {
  readonly label: string;
  readonly url: string | undefined;
  /** The user's own link (`logLink`): shown even when the field grid links its URL already. */
  readonly own?: boolean;
  /** The page where the operator acts ("View in console"): always shown first, even when a field links it. */
  readonly primary?: boolean;
}

/**
 * What a kind-specific renderer decides; {@link assemble} lays it out.
 *
 * @internal
 */
export interface Draft {
  /** The title, plain text (`web: out of memory`). */
  readonly title: string;
  /** The one-sentence summary (plain text). */
  readonly summary: string;
  readonly severity: Severity;
  /** A line about the culprit, already rendered. */
  readonly culprit?: Mrkdwn;
  readonly fields: readonly DraftField[];
  /** The AWS text that explains the event (raw). */
  readonly reason?: string;
  /** Label of the reason block, `Reason` by default. */
  readonly reasonLabel?: string;
  /** A titled list (containers), items rendered, most important first. */
  readonly list?: { readonly title: string; readonly items: readonly Mrkdwn[] };
  readonly hint?: Classification['hint'];
  readonly links: readonly DraftLink[];
  /** Context pieces (account, Region, time), rendered. */
  readonly context: readonly Mrkdwn[];
  /** Prefix for block ids, when blocks need stable ids (message updates). */
  readonly blockIdPrefix?: string;
}

const mrkdwn = (value: string): MrkdwnElement => ({ type: 'mrkdwn', text: value, verbatim: true });

function section(value: Mrkdwn, blockId?: string): SectionBlock {
  const block: SectionBlock = { type: 'section', text: mrkdwn(value) };
  if (blockId !== undefined) block.block_id = blockId;
  return block;
}

/** Room for mentions at the head of a message: a third of a section's text. */
const MAX_MENTIONS_TEXT = 1000;
/** Room the summary always keeps beside the mentions and the culprit line. */
const MIN_SUMMARY_TEXT = 200;

function mentionsFor(severity: Severity, options: RenderOptions): Mrkdwn | undefined {
  const list: readonly Mention[] | undefined = options.mentions?.[severity];
  if (list === undefined || list.length === 0) return undefined;
  // List policy, so the section that leads with them keeps room for the summary.
  return fitList(list.map(mention), MAX_MENTIONS_TEXT, ' ', (count) => text(`(and ${count} more)`));
}

/**
 * Lays a draft out as a Slack message.
 *
 * @internal
 */
export function assemble(draft: Draft, options: RenderOptions): SlackMessage {
  const style = severityStyle(draft.severity, options);
  const mentions = mentionsFor(draft.severity, options);
  const id = (name: string): string | undefined =>
    draft.blockIdPrefix === undefined ? undefined : `${draft.blockIdPrefix}-${name}`.slice(0, SLACK_LIMITS.blockId);
  const links = webLinks(draft.links);
  // The summary shows twice (its section and the fallback text): escaped once when it fits both.
  const summaryText = text(draft.summary);
  const fitSummary = (max: number): Mrkdwn =>
    summaryText.length <= max ? summaryText : fitProse(draft.summary, max, text);
  const blocks: KnownBlock[] = [];

  if (options.variant === 'compact') {
    const head = join(
      [mentions, trusted(style.emoji), bold(fitProse(draft.title, SLACK_LIMITS.headerText, text))],
      ' ',
    );
    const line = fitSummary(SLACK_LIMITS.sectionText - head.length - 3);
    blocks.push(section(trusted(`${head}\n${line}`), id('summary')));
    const context = [...links.map((l) => linkTo(l.safe, l.label)), ...draft.context].slice(
      0,
      SLACK_LIMITS.contextElements,
    );
    const contextLine = contextBlock(context, id('context'));
    if (contextLine !== undefined) blocks.push(contextLine);
  } else {
    const header: HeaderBlock = {
      type: 'header',
      // plain_text is never parsed for mentions, links or entities: event text goes in as it is.
      text: {
        type: 'plain_text',
        text: fitProse(`${style.emoji} ${draft.title}`, SLACK_LIMITS.headerText, plain),
        emoji: true,
      },
    };
    const headerId = id('header');
    if (headerId !== undefined) header.block_id = headerId;
    blocks.push(header);
    const lead = mentions === undefined ? '' : `${mentions} `;
    // The culprit line holds an identifier: shown whole or not at all, and only where it leaves
    // the summary its room after the mentions.
    const culpritRoom = Math.min(SLACK_LIMITS.fieldText, SLACK_LIMITS.sectionText - lead.length - MIN_SUMMARY_TEXT);
    const culprit = draft.culprit === undefined ? '' : (fitId(`\n${draft.culprit}`, culpritRoom) ?? '');
    const summary = fitSummary(SLACK_LIMITS.sectionText - lead.length - culprit.length);
    blocks.push(section(trusted(`${lead}${summary}${culprit}`), id('summary')));
    const inGrid = new Set<string>();
    const fields = fieldBlock(draft.fields, id('fields'), inGrid);
    if (fields !== undefined) blocks.push(fields);
    if (draft.reason !== undefined && draft.reason.trim() !== '') {
      const label = `${bold(text(draft.reasonLabel ?? 'Reason'))}\n`;
      blocks.push(
        section(
          trusted(`${label}${fitProse(draft.reason, SLACK_LIMITS.sectionText - label.length, pre)}`),
          id('reason'),
        ),
      );
    }
    if (draft.list !== undefined && draft.list.items.length > 0) {
      const label = `${bold(text(draft.list.title))}\n`;
      const items = fitList(draft.list.items, SLACK_LIMITS.sectionText - label.length, '\n', (n) =>
        trusted(`…and ${n} more`),
      );
      blocks.push(section(trusted(`${label}${items}`), id('list')));
    }
    if (draft.hint !== undefined) {
      const docs = link(draft.hint.docsUrl, 'AWS docs');
      const label = ':bulb: *How to fix:* ';
      const fix = fitProse(draft.hint.fix, SLACK_LIMITS.sectionText - label.length - docs.length - 1, text);
      blocks.push(section(trusted(`${label}${fix} ${docs}`), id('hint')));
    }
    if (options.buttons === true) {
      if (links.length > 0) blocks.push(buttons(links, id('links')));
    } else {
      // The link line leaves out what the field grid links already (the task, its definition),
      // but never the page where the operator acts, nor the user's own log link.
      const more = inGrid.size === 0 ? links : links.filter((l) => l.primary || l.own || !inGrid.has(l.url));
      if (more.length > 0) blocks.push(linkLine(more, id('links')));
    }
    const contextLine = contextBlock(draft.context.slice(0, SLACK_LIMITS.contextElements), id('context'));
    if (contextLine !== undefined) blocks.push(contextLine);
  }

  const label = style.customLabel === undefined ? '' : `${text(style.customLabel)}: `;
  const fallback = `${label}${fitSummary(SLACK_LIMITS.fallbackText - label.length)}`;
  const message: SlackMessage = { text: mentions === undefined ? fallback : `${mentions} ${fallback}` };
  const kept = blocks.slice(0, SLACK_LIMITS.blocks);
  if (options.color === false) {
    message.blocks = kept;
  } else {
    // The first block stays on top so `text` is only the notification fallback (with no top-level
    // blocks Slack would also show `text` above the attachment); the rest gets the colour bar.
    const [first, ...rest] = kept;
    message.blocks = first === undefined ? [] : [first];
    if (rest.length > 0) message.attachments = [{ color: style.color, blocks: rest }];
  }
  return message;
}

/** Plain text as sent: line breaks (U+2028 and U+2029 too) folded, for a header or a button is one line. */
const plain = (value: string): string => (PLAIN_BREAKS.test(value) ? value.replace(PLAIN_BREAKS_ALL, ' ') : value);
const PLAIN_BREAKS = /[\r\n\u2028\u2029]/;
const PLAIN_BREAKS_ALL = /[\r\n\u2028\u2029]+/g;

/** The field grid; adds the URLs of the fields it shows to `linked`. */
function fieldBlock(
  fields: readonly DraftField[],
  blockId: string | undefined,
  linked: Set<string>,
): SectionBlock | undefined {
  const shown: MrkdwnElement[] = [];
  for (const field of fields) {
    if (field.value === undefined || shown.length === SLACK_LIMITS.sectionFields) continue;
    const label = `${bold(text(field.label))}\n`;
    const value = fitId(field.value, SLACK_LIMITS.fieldText - label.length);
    if (value === undefined) continue;
    shown.push(mrkdwn(`${label}${value}`));
    if (field.url !== undefined) linked.add(field.url);
  }
  if (shown.length === 0) return undefined;
  const block: SectionBlock = { type: 'section', fields: shown };
  if (blockId !== undefined) block.block_id = blockId;
  return block;
}

/** A link of the message with its URL checked and encoded once, for every place that shows it. */
interface WebLink {
  readonly label: string;
  readonly url: string;
  /** The URL as sent: {@link webUrl} of `url`. */
  readonly safe: string;
  readonly own: boolean;
  readonly primary: boolean;
}

/**
 * Only web links: Slack rejects a whole message whose button URL is not http(s), and a link line
 * would show a bare label.
 */
function webLinks(links: readonly DraftLink[]): WebLink[] {
  const kept: WebLink[] = [];
  for (const { label, url, own, primary } of links) {
    const safe = url === undefined ? undefined : webUrl(url);
    if (url === undefined || safe === undefined || safe.length > SLACK_LIMITS.buttonUrl) continue;
    kept.push({ label, url, safe, own: own === true, primary: primary === true });
  }
  return kept;
}

function linkLine(links: readonly WebLink[], blockId: string | undefined): SectionBlock {
  const items = links.map((l) => linkTo(l.safe, l.label));
  return section(
    trusted(`:link: ${fitList(items, SLACK_LIMITS.sectionText - 8, ' · ', (n) => trusted(`and ${n} more`))}`),
    blockId,
  );
}

function buttons(links: readonly WebLink[], blockId: string | undefined): ActionsBlock {
  const elements: Button[] = links.slice(0, SLACK_LIMITS.actionsElements).map((l, index) => ({
    type: 'button',
    text: { type: 'plain_text', text: fitProse(l.label, SLACK_LIMITS.buttonText, plain) },
    url: l.safe,
    action_id: `ecs-slack-link-${index}`,
  }));
  const block: ActionsBlock = { type: 'actions', elements };
  if (blockId !== undefined) block.block_id = blockId;
  return block;
}

/** A context line of the pieces that fit whole (they hold links and date tokens: never cut). */
function contextBlock(pieces: readonly Mrkdwn[], blockId: string | undefined): ContextBlock | undefined {
  const elements: MrkdwnElement[] = [];
  for (const piece of pieces) if (fitId(piece, SLACK_LIMITS.sectionText) !== undefined) elements.push(mrkdwn(piece));
  if (elements.length === 0) return undefined;
  const block: ContextBlock = { type: 'context', elements };
  if (blockId !== undefined) block.block_id = blockId;
  return block;
}
