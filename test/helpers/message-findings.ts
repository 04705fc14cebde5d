/**
 * What makes a rendered message unsafe to post, one finding per line, for the renderer tests
 * and the property tests alike.
 */
import type { SlackMessage } from '../../src/index.js';
import { controlSequenceKind, controlSequences, mrkdwnTexts, quoteLines, validateMessage } from './block-kit.js';

/** Hosts the library links to: the AWS console, AWS docs and re:Post. */
const OWN_LINK =
  /^<https:\/\/([a-z0-9-]+\.console\.(aws\.amazon\.com|amazonaws\.cn|amazonaws-us-gov\.com)|docs\.aws\.amazon\.com|repost\.aws)\/[^\s<>|]*\|[^<>|]+>$/;
const OWN_DATE = /^<!date\^\d+\^[^|^>]+\|\d{4}-\d\d-\d\d \d\d:\d\d UTC>$/;

/** What a message may carry beyond the library's own links and dates. */
export interface Allowed {
  readonly mentions?: readonly string[];
  readonly linkHosts?: RegExp;
}

/**
 * Everything wrong with a message, one line each (empty when it is safe): Block Kit violations
 * and limits, blank fallback text, control sequences the library did not build (console, docs
 * or log links; date tokens; the mentions it was asked for), lines Slack would store as block
 * quotes, unfolded U+2028 / U+2029, and lone surrogates.
 */
export function messageFindings(message: SlackMessage, allowed: Allowed = {}): string[] {
  const findings = validateMessage(message).map((problem) => `invalid: ${problem}`);
  if (typeof message.text !== 'string' || message.text.trim() === '') findings.push('text: blank fallback');
  for (const { path, text } of mrkdwnTexts(message)) {
    for (const sequence of controlSequences(text)) {
      const kind = controlSequenceKind(sequence);
      const ok =
        (kind === 'link' && (OWN_LINK.test(sequence) || (allowed.linkHosts?.test(sequence) ?? false))) ||
        (kind === 'date' && OWN_DATE.test(sequence)) ||
        ((kind === 'usergroup' || kind === 'special' || kind === 'user') &&
          (allowed.mentions ?? []).includes(sequence));
      if (!ok) findings.push(`${path}: unexpected ${kind} ${sequence.slice(0, 80)}`);
    }
    for (const line of quoteLines(text)) findings.push(`${path}: block quote ${JSON.stringify(line.slice(0, 40))}`);
  }
  if (/[\u2028\u2029]/.test(JSON.stringify(message))) findings.push('payload: unfolded U+2028 or U+2029');
  if (!strings(message).every((value) => value.isWellFormed())) findings.push('payload: lone surrogate');
  return findings;
}

/** Every string inside a value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(strings);
}
