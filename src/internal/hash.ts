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
