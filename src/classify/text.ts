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
  const flat = text.replace(/\s+/g, ' ').trim();
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
