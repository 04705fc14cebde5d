/**
 * Finds the strings in a Slack payload that Slack parses for control sequences (`<...>`), and
 * lists the sequences in them, so renderer tests can prove that no mention or link appears that
 * the library did not build on purpose.
 *
 * @see https://docs.slack.dev/messaging/formatting-message-text#advanced
 */
import type { SlackMessage } from '../../src/render/slack-message.js';

/** A string of a payload that Slack reads as mrkdwn, with its JSON path (`blocks[2].fields[0].text`). */
export interface MrkdwnText {
  readonly path: string;
  readonly text: string;
}

/** What a control sequence does once Slack renders it. */
export type ControlSequenceKind = 'link' | 'user' | 'channel' | 'usergroup' | 'special' | 'date' | 'other';

/** One list of blocks in a payload: the top-level `blocks`, or the `blocks` of one attachment. */
export interface BlockList {
  readonly path: string;
  readonly blocks: readonly unknown[];
}

/** Plain-object guard for walking payloads of unknown shape. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Every `<...>` span of a mrkdwn string, in order, brackets included. Slack treats every unescaped
 * `<` as the start of a control sequence, so anything listed here is a link, a mention, a date
 * token or markup that Slack will try to interpret; escaped text (`&lt;`) never shows up.
 *
 * @example
 * ```ts
 * controlSequences('Deploy by <@U123> <https://x.test|log> &lt;not-this&gt;');
 * // ['<@U123>', '<https://x.test|log>']
 * ```
 */
export function controlSequences(text: string): string[] {
  return [...text.matchAll(/<[^<>]*>/g)].map((match) => match[0]);
}

/**
 * Classifies one control sequence as Slack renders it: `<@U..>` user, `<#C..>` channel,
 * `<!subteam^S..>` user group, `<!here>` / `<!channel>` / `<!everyone>` / `<!group>` special
 * mention, `<!date^...>` date token, any other `<!...>` other, and everything else a link
 * (`<https://...|label>`, `<mailto:...>`).
 */
export function controlSequenceKind(sequence: string): ControlSequenceKind {
  const body = sequence.replace(/^<|>$/g, '');
  if (body.startsWith('@')) return 'user';
  if (body.startsWith('#')) return 'channel';
  if (body.startsWith('!subteam^')) return 'usergroup';
  if (/^!(here|channel|everyone|group)(\||$)/.test(body)) return 'special';
  if (body.startsWith('!date^')) return 'date';
  if (body.startsWith('!')) return 'other';
  return 'link';
}

/**
 * The lines of a mrkdwn string that Slack stores as a block quote: those whose first character
 * after blanks is `>`, or `&gt;` (Slack decodes the entity first), inside a code block too.
 * Lines end where Slack breaks them: CR, LF, U+2028 and U+2029.
 *
 * @example
 * ```ts
 * quoteLines('ok\n&gt; quoted'); // ['&gt; quoted']
 * ```
 */
export function quoteLines(text: string): string[] {
  return text.split(/\r\n|[\r\n\u2028\u2029]/).filter((line) => /^[^\S\r\n]*(>|&gt;)/.test(line));
}

/** The top-level block list and each attachment's block list, with their paths. */
export function blockLists(message: unknown): BlockList[] {
  if (!isRecord(message)) return [];
  const lists: BlockList[] = [];
  if (Array.isArray(message['blocks'])) lists.push({ path: 'blocks', blocks: message['blocks'] });
  const attachments = message['attachments'];
  if (Array.isArray(attachments)) {
    attachments.forEach((attachment: unknown, index) => {
      if (isRecord(attachment) && Array.isArray(attachment['blocks'])) {
        lists.push({ path: `attachments[${index}].blocks`, blocks: attachment['blocks'] });
      }
    });
  }
  return lists;
}

/**
 * Every string of the payload that Slack parses for control sequences, with its path: the
 * top-level `text` (unless `mrkdwn: false`), every `mrkdwn` text object (section text and fields,
 * context elements), and the legacy attachment strings `pretext`, `text`, `footer` and
 * `fields[].value`. `plain_text` objects are not listed: Slack never parses them.
 *
 * @example
 * ```ts
 * for (const { path, text } of mrkdwnTexts(message)) {
 *   expect(controlSequences(text), path).toEqual([]);
 * }
 * ```
 */
export function* mrkdwnTexts(message: SlackMessage): Generator<MrkdwnText, void, undefined> {
  const root: unknown = message;
  if (!isRecord(root)) return;
  if (typeof root['text'] === 'string' && root['mrkdwn'] !== false) yield { path: 'text', text: root['text'] };
  for (const list of blockLists(root)) {
    for (const [index, block] of list.blocks.entries()) {
      yield* blockMrkdwn(block, `${list.path}[${index}]`);
    }
  }
  const attachments = root['attachments'];
  if (!Array.isArray(attachments)) return;
  for (const [index, attachment] of attachments.entries()) {
    if (!isRecord(attachment)) continue;
    const path = `attachments[${index}]`;
    for (const key of ['pretext', 'text', 'footer']) {
      const value = attachment[key];
      if (typeof value === 'string') yield { path: `${path}.${key}`, text: value };
    }
    const fields = attachment['fields'];
    if (!Array.isArray(fields)) continue;
    for (const [position, field] of fields.entries()) {
      if (isRecord(field) && typeof field['value'] === 'string') {
        yield { path: `${path}.fields[${position}].value`, text: field['value'] };
      }
    }
  }
}

/** The mrkdwn text objects of one block. */
function* blockMrkdwn(block: unknown, path: string): Generator<MrkdwnText, void, undefined> {
  if (!isRecord(block)) return;
  const candidates: [string, unknown][] = [[`${path}.text`, block['text']]];
  for (const key of ['fields', 'elements']) {
    const list = block[key];
    if (Array.isArray(list))
      list.forEach((item: unknown, index) => candidates.push([`${path}.${key}[${index}]`, item]));
  }
  for (const [at, candidate] of candidates) {
    if (isRecord(candidate) && candidate['type'] === 'mrkdwn' && typeof candidate['text'] === 'string') {
      yield { path: `${at}.text`, text: candidate['text'] };
    }
  }
}
