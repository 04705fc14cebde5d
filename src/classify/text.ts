/**
 * Small text helpers for summaries.
 *
 * @internal
 * @module
 */

/**
 * Cuts `text` to at most `max` characters (ellipsis included), on a word boundary when one is
 * near, and folds whitespace runs and line breaks to one space.
 *
 * @internal
 */
export function clip(text: string, max: number): string {
  // Only spaces, one at a time, none at either end: already flat (the usual AWS reason).
  const flat = NOT_FLAT.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
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
