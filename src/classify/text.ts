/**
 * Small text helpers for summaries.
 *
 * @internal
 * @module
 */

/**
 * Cuts `text` to at most `max` characters (ellipsis included), on a word boundary when one is
 * near and never inside a surrogate pair, and folds whitespace runs and line breaks to one space.
 *
 * @internal
 */
export function clip(text: string, max: number): string {
  // Only spaces, one at a time, none at either end: already flat (the usual AWS reason).
  const flat = NOT_FLAT.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, endOutsidePair(flat, max - 1));
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

/**
 * `end`, moved back one when the text there would end between the two halves of a surrogate
 * pair (an emoji): a lone half shows as a replacement character in Slack.
 *
 * @internal
 */
export function endOutsidePair(text: string, end: number): number {
  const last = text.charCodeAt(end - 1);
  return last >= 0xd800 && last <= 0xdbff ? end - 1 : end;
}

/**
 * The first 8 characters of a long id (task ids are 32 hex digits), as people quote them.
 *
 * @internal
 */
export function shortId(id: string): string {
  return id.length > 12 ? id.slice(0, 8) : id;
}

/** Whitespace other than a space, two in a row, or any at either end. */
const NOT_FLAT = /[^\S ]|\s\s|^\s|\s$/;
