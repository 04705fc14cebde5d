/**
 * The contract between the gallery and whatever produces its messages: a module that exports
 * `galleryEntries()` returning these entries (`samples.ts` today, the real renderer later).
 */
import type { SlackMessage } from '../../src/render/slack-message.js';

/** One message of the gallery. */
export interface GalleryEntry {
  /** File-name slug (`task-oom-kill`): the PNG is `<name>.png`. Lower-case letters, digits and `-`. */
  readonly name: string;
  /** Heading above the message. */
  readonly title: string;
  /** One or two plain sentences under the heading. */
  readonly description?: string;
  /** The payload, exactly as it would be posted. */
  readonly message: SlackMessage;
  /** Posting time in Unix seconds; defaults to the message's latest date token. */
  readonly postedAt?: number;
}

/** What a module plugged into `npm run gallery -- --entries <module>` must export. */
export interface GalleryEntriesModule {
  galleryEntries(): GalleryEntry[] | Promise<GalleryEntry[]>;
}
