/**
 * A stable, fast, non-cryptographic digest for ids derived from event text.
 *
 * @internal
 * @module
 */

/**
 * Two 32-bit FNV-1a hashes with different offsets, as 16 hex digits: the same text always gives
 * the same digest, in every process, so duplicates of an event without an id share a derived id.
 *
 * @param text - What to digest.
 * @returns 16 lowercase hex digits.
 * @internal
 */
export function stableHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/**
 * The id of an event that has none (or an empty one): `derived-` and a digest of its detail-type
 * and detail, so duplicate deliveries share it.
 *
 * @param detailType - The event's `detail-type`.
 * @param detail - The event's `detail`.
 * @returns `derived-` and 16 hex digits.
 * @throws What `JSON.stringify` throws for a detail it cannot serialize (`RangeError` when nested
 *   too deeply or too large, `TypeError` for a cycle).
 * @internal
 */
export function derivedEventId(detailType: unknown, detail: unknown): string {
  return `derived-${stableHash(`${String(detailType)}\n${JSON.stringify(detail)}`)}`;
}
