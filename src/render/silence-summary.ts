/**
 * The message of an ended silence: what it kept quiet, how many events, who set it and why.
 *
 * @module
 */
import { describeMatch } from '../policy/match.js';
import type { SilenceSummary } from '../policy/silence-summary.js';
import { dateValue } from './draft-parts.js';
import { assemble } from './layout.js';
import { code, text } from './mrkdwn.js';
import type { RenderOptions } from './options.js';
import type { SlackMessage } from './slack-message.js';

/** The header emoji of a silence summary. */
const MUTE = ':mute:';

/**
 * Renders the summary of an ended silence as a Slack message: `:mute: checkout: silence ended`,
 * the summary line, how many events, who, from and until, the reason, and the silence's id.
 *
 * @param summary - From `Silences.summaries`.
 * @param options - Colour, variant, mentions (of `info`) and styles, as for `renderMessage`.
 * @returns The message to send.
 * @example
 * ```ts
 * for (const summary of await silences.summaries(Date.now())) await sender.post(renderSilenceSummary(summary));
 * ```
 */
export function renderSilenceSummary(summary: SilenceSummary, options: RenderOptions = {}): SlackMessage {
  const { silence } = summary;
  const styles = { ...options.styles, info: { ...options.styles?.info, emoji: MUTE } };
  return assemble(
    {
      title: `${describeMatch(silence.match)}: silence ended`,
      summary: summary.text,
      severity: 'info',
      fields: [
        { label: 'Silenced events', value: text(String(summary.count)) },
        { label: 'By', value: text(silence.author) },
        { label: 'From', value: dateValue(silence.startsAt) },
        { label: 'Until', value: dateValue(silence.endsAt) },
        { label: 'Silence', value: code(silence.id) },
      ],
      reason: silence.reason,
      links: [],
      context: [],
    },
    { ...options, styles },
  );
}
