/**
 * Slack's message limits, as data, and the one policy per kind of field that keeps every
 * message within them: prose gets an ellipsis, lists are cut with "and N more", identifiers are
 * never cut (a field whose identifier does not fit is left out).
 *
 * @module
 */
import { endOutsidePair } from '../classify/text.js';
import type { Mrkdwn } from './mrkdwn.js';

/**
 * The limits ecs-slack renders within (characters as JavaScript string length, counted on the
 * escaped text Slack receives).
 *
 * @see https://docs.slack.dev/reference/block-kit/blocks
 */
export const SLACK_LIMITS: {
  /** Blocks in one message. @see https://docs.slack.dev/reference/block-kit/blocks */
  readonly blocks: 50;
  /** Header block text (plain text). @see https://docs.slack.dev/reference/block-kit/blocks/header-block */
  readonly headerText: 150;
  /** Section block text, and any text object. @see https://docs.slack.dev/reference/block-kit/blocks/section-block */
  readonly sectionText: 3000;
  /** Fields in one section block. */
  readonly sectionFields: 10;
  /** Text of one section field. */
  readonly fieldText: 2000;
  /** Elements in one context block. @see https://docs.slack.dev/reference/block-kit/blocks/context-block */
  readonly contextElements: 10;
  /** Elements in one actions block. @see https://docs.slack.dev/reference/block-kit/blocks/actions-block */
  readonly actionsElements: 25;
  /** Button text (plain text). @see https://docs.slack.dev/reference/block-kit/block-elements/button-element */
  readonly buttonText: 75;
  /** Button URL. */
  readonly buttonUrl: 3000;
  /** `block_id`. */
  readonly blockId: 255;
  /** Top-level `text`: Slack truncates at 40,000 and recommends about 4,000; we keep it to a sentence. */
  readonly fallbackText: 600;
} = {
  blocks: 50,
  headerText: 150,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonUrl: 3000,
  blockId: 255,
  fallbackText: 600,
};

const ELLIPSIS = '…';

/**
 * Prose policy: the longest prefix of `raw` whose rendering fits in `max` characters, with an
 * ellipsis when cut. `render` is applied to the cut raw text (escaping expands `&`, `<`, `>`),
 * so an entity or a code span is never cut in half.
 *
 * @param raw - The text before rendering.
 * @param max - The limit on the rendered length.
 * @param render - Turns raw text into what is sent (for example {@link text} or {@link pre}).
 * @returns The rendered text, at most `max` characters (empty when not even the ellipsis fits).
 * @example
 * ```ts
 * fitProse(reason, SLACK_LIMITS.sectionText, pre);
 * ```
 */
export function fitProse<T extends string>(raw: string, max: number, render: (value: string) => T): T {
  const whole = render(raw);
  if (whole.length <= max) return whole;
  // Binary search on the raw length; rendering is monotonic in it.
  let low = 0;
  let high = raw.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (render(cut(raw, mid)).length <= max) low = mid;
    else high = mid - 1;
  }
  const fitted = render(cut(raw, low));
  // Not even the ellipsis fits: nothing, rather than more than `max`.
  return fitted.length <= max ? fitted : ('' as T);
}

/** Cuts before a lone surrogate half, then adds the ellipsis. */
function cut(raw: string, length: number): string {
  return raw.slice(0, endOutsidePair(raw, length)).trimEnd() + ELLIPSIS;
}

/**
 * List policy: as many items as fit in `max` characters when joined by `separator`, then
 * "and N more".
 *
 * @param items - Rendered items, in order of importance.
 * @param max - The limit on the joined length.
 * @param separator - What goes between items (`\n`, `, `).
 * @param more - Renders the tail note for `n` items left out.
 * @returns The joined items.
 * @example
 * ```ts
 * fitList(lines, SLACK_LIMITS.sectionText, '\n', (n) => trusted(`…and ${n} more`));
 * ```
 */
export function fitList(
  items: readonly Mrkdwn[],
  max: number,
  separator: string,
  more: (count: number) => Mrkdwn,
): Mrkdwn {
  let out = '';
  for (let i = 0; i < items.length; i++) {
    const next = out === '' ? (items[i] as string) : `${out}${separator}${items[i]}`;
    const left = items.length - i - 1;
    const tail = left === 0 ? '' : `${separator}${more(left)}`;
    if (next.length + tail.length > max) {
      const note = more(items.length - i);
      return (out === '' ? note : `${out}${separator}${note}`) as Mrkdwn;
    }
    out = next;
  }
  return out as Mrkdwn;
}

/**
 * Identifier policy: identifiers are never cut. Returns the rendered value when it fits, else
 * `undefined` so the caller leaves the field out.
 *
 * @param rendered - The rendered identifier.
 * @param max - The limit.
 * @returns `rendered`, or `undefined` when it does not fit.
 * @example
 * ```ts
 * const value = fitId(code(taskArn), SLACK_LIMITS.fieldText);
 * ```
 */
export function fitId<T extends string>(rendered: T, max: number): T | undefined {
  return rendered.length <= max ? rendered : undefined;
}
