/**
 * A digest: the repeats of one incident the noise filter folded together. Render it with
 * `renderDigest`.
 *
 * @module
 */
import type { ClassifiedEvent } from '../classify/classification.js';

/**
 * Repeats of one incident folded together by the noise filter.
 */
export interface Digest {
  /** How many repeats were folded, not counting the first alert. */
  readonly count: number;
  /** When the folding window started (ISO-8601). */
  readonly since: string;
  /** When the latest repeat happened (ISO-8601). */
  readonly until: string;
  /** The latest repeat, whose details the digest shows. */
  readonly latest: ClassifiedEvent;
}
