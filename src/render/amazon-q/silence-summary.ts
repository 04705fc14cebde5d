/**
 * The Amazon Q notification of an ended silence.
 *
 * @module
 */
import { describeMatch } from '../../policy/match.js';
import type { SilenceSummary } from '../../policy/silence-summary.js';
import { fitProse } from '../limits.js';
import type { RenderOptions } from '../options.js';
import { utcText } from './assemble.js';
import { AMAZON_Q_LIMITS } from './limits.js';
import { escapeClientMarkdown, mdBlock, mdBold, mdCode, mdTrusted } from './markdown.js';
import { plainId } from './metadata.js';
import type { AmazonQNotification } from './types.js';

/**
 * Renders the summary of an ended silence as an Amazon Q Developer custom notification: the
 * title `:mute: checkout: silence ended`, the summary line, the count, author, window and reason.
 *
 * @param summary - From `Silences.summaries`.
 * @param options - Only `styles.info.label` applies (it prefixes the summary).
 * @returns The notification to publish.
 * @example
 * ```ts
 * for (const summary of await silences.summaries(Date.now())) await sender.post(renderAmazonQSilenceSummary(summary));
 * ```
 */
export function renderAmazonQSilenceSummary(summary: SilenceSummary, options: RenderOptions = {}): AmazonQNotification {
  const { silence } = summary;
  const title = `:mute: ${fitProse(`${describeMatch(silence.match)}: silence ended`, AMAZON_Q_LIMITS.title - 7, escapeClientMarkdown)}`;
  const facts = [
    `${mdBold(mdTrusted('Silenced events:'))} ${summary.count}`,
    `${mdBold(mdTrusted('By:'))} ${fitProse(silence.author, 100, escapeClientMarkdown)}`,
    `${mdBold(mdTrusted('From:'))} ${utcText(silence.startsAt) ?? ''}`,
    `${mdBold(mdTrusted('Until:'))} ${utcText(silence.endsAt) ?? ''}`,
    `${mdBold(mdTrusted('Silence:'))} ${mdCode(silence.id)}`,
  ].join(' · ');
  const line = fitProse(summary.text, 1000, escapeClientMarkdown);
  const reason = `${mdBold(mdTrusted('Reason'))}\n${fitProse(silence.reason, 600, mdBlock)}`;
  const label = options.styles?.info?.label;
  const prefix =
    label === undefined || label.trim() === '' ? '' : `${escapeClientMarkdown(label.trim().slice(0, 40))}: `;
  return {
    version: '1.0',
    source: 'custom',
    id: `silence-${plainId(silence.id) ?? 'ended'}`,
    content: {
      textType: 'client-markdown',
      title,
      description: [line, facts, reason].join('\n\n'),
      keywords: ['silence', 'info'],
    },
    metadata: {
      summary: `${prefix}${fitProse(summary.text, AMAZON_Q_LIMITS.summary - prefix.length, escapeClientMarkdown)}`,
      eventType: 'ecs-slack silence summary',
      additionalContext: { silence: plainId(silence.id) ?? '', suppressed: String(summary.count) },
    },
  };
}
