/**
 * The property that classify and render never throw on an event the parser accepts, and that
 * what they make stays within Slack's limits and forms no mention, link, date or block quote
 * of its own: over real events with hostile strings injected, unknown detail-types nested
 * thousands of levels deep, and a culprit line and a mention lead each at its limit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify, renderMessage, safeParseEcsEvent, type RenderOptions } from '../../src/index.js';
import {
  deepUnknownEvent,
  edgeOptions,
  fullMentionsOptions,
  hostileEvent,
  longCulpritEvent,
} from '../helpers/hostile-events.js';
import { messageFindings } from '../helpers/message-findings.js';

/** The mention sequences the options ask for, which the message may carry. */
function askedFor(options: RenderOptions): string[] {
  const lists = Object.values(options.mentions ?? {});
  return lists
    .flat()
    .map((who) =>
      typeof who === 'string' ? `<!${who}>` : 'userGroup' in who ? `<!subteam^${who.userGroup}>` : `<@${who.user}>`,
    );
}

/** Parses, and when the parser accepts the input, classifies and renders it: nothing may throw or be found. */
function parsedClassifiedRendered(input: unknown, options: RenderOptions): void {
  const parsed = safeParseEcsEvent(input);
  if (!parsed.success) return;
  const message = renderMessage(parsed.data, { ...options, classification: classify(parsed.data) });
  expect(messageFindings(message, { mentions: askedFor(options) })).toEqual([]);
}

const runs = (count: number) => ({ numRuns: Math.round(count * Number(process.env.FC_SCALE ?? 1)) });

describe('classify and render never throw on an event the parser accepts', () => {
  it('real events with hostile strings (lone surrogates, U+2028, > after line breaks, mentions, long text)', () => {
    fc.assert(fc.property(hostileEvent, edgeOptions, parsedClassifiedRendered), runs(400));
  });

  it('unknown detail-types nested up to 12,000 levels deep', () => {
    fc.assert(fc.property(deepUnknownEvent, edgeOptions, parsedClassifiedRendered), runs(80));
  });

  it('a culprit line and a mention lead each at its limit keep the summary within 3,000 characters', () => {
    fc.assert(fc.property(longCulpritEvent, fullMentionsOptions, parsedClassifiedRendered), runs(600));
  });
});
