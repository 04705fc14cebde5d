/**
 * The evidence section of a message: the failing container's last log lines in a code block,
 * links to its log stream and Logs Insights, the service's latest stopped task, and notes on what
 * could not be fetched.
 *
 * @internal
 * @module
 */
import type { ContextBlock, KnownBlock, MrkdwnElement, SectionBlock } from '@slack/types';
import type { Evidence, StoppedTaskSummary } from './evidence.js';
import { SLACK_LIMITS, fitId, fitList, fitProse } from './limits.js';
import { bold, code, join, link, pre, preformatted, text, trusted, type Mrkdwn } from './mrkdwn.js';
import type { RenderOptions } from './options.js';
import type { SlackMessage } from './slack-message.js';

const MAX_LINE = 400;
const section = (value: Mrkdwn): SectionBlock => ({ type: 'section', text: mrkdwn(value) });
const mrkdwn = (value: string): MrkdwnElement => ({ type: 'mrkdwn', text: value, verbatim: true });

/**
 * A log line as code-block text: escaped, backticks as look-alikes (as {@link pre} does, so no
 * line can close the block), cut to {@link MAX_LINE}.
 */
const codeLine = (line: string): string => fitProse(line, MAX_LINE, preformatted);

/**
 * The blocks that show evidence: the stopped task, the log lines with their links, the notes.
 *
 * @internal
 */
export function evidenceBlocks(evidence: Evidence, variant: RenderOptions['variant']): KnownBlock[] {
  const links = join(
    [linkTo(evidence.links.stream, 'Log stream'), linkTo(evidence.links.insights, 'Logs Insights')],
    ' · ',
  );
  const notes = evidence.notes.filter((note) => note.trim() !== '').map((note) => fitProse(note, 300, text));
  if (variant === 'compact') {
    const context = contextOf([...(links === '' ? [] : [trusted(`:scroll: ${links}`)]), ...notes]);
    return context === undefined ? [] : [context];
  }
  const blocks: KnownBlock[] = [];
  if (evidence.stoppedTask !== undefined) blocks.push(stoppedTaskBlock(evidence.stoppedTask));
  const logs = logsBlock(evidence, links);
  if (logs !== undefined) blocks.push(logs);
  const context = contextOf(notes);
  if (context !== undefined) blocks.push(context);
  return blocks;
}

/** Longest link kept (console links are a few hundred characters; names make them longer). */
const MAX_URL = 1200;
/** Longest identifier shown (container name, task id); a longer one is left out, never cut. */
const MAX_ID = 200;

function linkTo(url: string | undefined, label: string): Mrkdwn | undefined {
  if (url === undefined) return undefined;
  const shown = link(url, label);
  return shown.length - label.length > MAX_URL ? undefined : shown;
}

function stoppedTaskBlock(task: StoppedTaskSummary): SectionBlock {
  const id = task.taskId.trim() === '' || fitId(code(task.taskId), MAX_ID) === undefined ? undefined : task.taskId;
  const shown = id === undefined ? undefined : task.url === undefined ? code(id) : (linkTo(task.url, id) ?? code(id));
  const head = join([trusted(':mag_right: *Latest stopped task*'), shown], ' ');
  const room = SLACK_LIMITS.sectionText - head.length - 1;
  const summary = fitProse(task.summary, Math.min(room, 600), text);
  const rest = room - summary.length - 1;
  const reason =
    task.reason === undefined || task.reason.trim() === '' || rest < 20 ? '' : `\n${fitProse(task.reason, rest, pre)}`;
  return section(trusted(`${head}\n${summary}${reason}`));
}

function logsBlock(evidence: Evidence, links: Mrkdwn): SectionBlock | undefined {
  const container =
    evidence.container === undefined || evidence.container.trim() === ''
      ? undefined
      : fitId(code(evidence.container), MAX_ID);
  if (evidence.lines.length === 0) {
    if (links === '') return undefined;
    return section(
      join(
        [trusted(':scroll:'), links, container === undefined ? undefined : join([trusted('of'), container], ' ')],
        ' ',
      ),
    );
  }
  // Newest lines matter most: keep as many from the end as fit, with the heading and links.
  const shown = evidence.lines.map(codeLine);
  const heading = (kept: number): Mrkdwn => {
    const count = kept === shown.length ? `Last ${kept} log lines` : `Last ${kept} of ${shown.length} log lines`;
    const title = bold(container === undefined ? text(count) : join([text(count), trusted('of'), container], ' '));
    return join([trusted(':scroll:'), title, links === '' ? undefined : trusted(`· ${links}`)], ' ');
  };
  let kept = 0;
  let size = 6;
  for (let i = shown.length - 1; i >= 0; i--) {
    const next = size + (shown[i] as string).length + (kept === 0 ? 0 : 1);
    if (next + heading(kept + 1).length + 1 > SLACK_LIMITS.sectionText) break;
    size = next;
    kept++;
  }
  if (kept === 0) return section(heading(0));
  const block = `\`\`\`${shown.slice(shown.length - kept).join('\n')}\`\`\``;
  return section(trusted(`${heading(kept)}\n${block}`));
}

function contextOf(pieces: readonly Mrkdwn[]): ContextBlock | undefined {
  if (pieces.length === 0) return undefined;
  const max = SLACK_LIMITS.contextElements;
  const elements =
    pieces.length <= max
      ? pieces
      : [
          ...pieces.slice(0, max - 1),
          fitList(pieces.slice(max - 1), SLACK_LIMITS.sectionText, ' · ', (n) => text(`and ${n} more`)),
        ];
  return { type: 'context', elements: elements.map(mrkdwn) };
}

/**
 * The message with the evidence blocks added before its closing context line (account, Region,
 * time), within the attachment when colour is on; blocks past Slack's 50 are left out.
 *
 * @internal
 */
export function withEvidence(message: SlackMessage, evidence: Evidence, options: RenderOptions): SlackMessage {
  const added = evidenceBlocks(evidence, options.variant);
  const attachment = message.attachments?.[0];
  const total = (message.blocks?.length ?? 0) + (attachment?.blocks?.length ?? 0);
  const kept = added.slice(0, Math.max(0, SLACK_LIMITS.blocks - total));
  if (kept.length === 0) return message;
  if (attachment?.blocks !== undefined)
    return { ...message, attachments: [{ ...attachment, blocks: beforeContext(attachment.blocks, kept) }] };
  return { ...message, blocks: beforeContext(message.blocks ?? [], kept) };
}

/**
 * `list` with `added` before its last block when that is a context line, else at the end.
 *
 * @internal
 */
export function beforeContext<B extends { readonly type: string }>(list: readonly B[], added: readonly B[]): B[] {
  const at = list.length > 0 && list[list.length - 1]?.type === 'context' ? list.length - 1 : list.length;
  return [...list.slice(0, at), ...added, ...list.slice(at)];
}
