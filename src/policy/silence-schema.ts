/**
 * Silences: time-boxed matchers with an author and a reason, as given and as stored.
 *
 * @module
 */
import * as z from 'zod/mini';
import { once } from '../internal/once.js';
import { timeMillis } from '../internal/time.js';
import type { PolicyMatch } from './match.js';
import { policyMatchSchema } from './match-schema.js';
import { text } from './zod-helpers.js';

/**
 * A silence as {@link Silences.add} takes it.
 *
 * @example
 * ```ts
 * const migration: NewSilence = {
 *   match: { service: 'checkout' },
 *   author: 'ana',
 *   reason: 'migration',
 *   endsAt: '2025-06-01T15:00:00Z',
 * };
 * ```
 */
export interface NewSilence {
  /** Which events; at least one field (a silence of everything is refused). */
  readonly match: PolicyMatch;
  /** Who set it. */
  readonly author: string;
  /** Why, in a few words; shown in the summary. */
  readonly reason: string;
  /** When it starts (ISO-8601); default now. */
  readonly startsAt?: string;
  /** When it ends (ISO-8601): required, after now and after `startsAt`. */
  readonly endsAt: string;
  /** Its id; default a new random one. Letters, digits, `-` and `_`. */
  readonly id?: string;
  /**
   * The Slack message it was set from (a muted alert): its summary is posted in that message's
   * thread when the destination posts through the Web API.
   */
  readonly thread?: SilenceThread;
}

/**
 * A Slack message a silence was set from: channel ID and message `ts`.
 *
 * @example
 * ```ts
 * const thread: SilenceThread = { channel: 'C0123ABCD', ts: '1717250400.000100' };
 * ```
 */
export interface SilenceThread {
  /** The channel ID. */
  readonly channel: string;
  /** The message's `ts`. */
  readonly ts: string;
}

/**
 * A stored silence.
 */
export interface Silence {
  /** Its id, for `ecs-slack silence expire ID`. */
  readonly id: string;
  /** Which events it silences. */
  readonly match: PolicyMatch;
  /** Who set it. */
  readonly author: string;
  /** Why. */
  readonly reason: string;
  /** When it starts, ISO-8601 UTC. */
  readonly startsAt: string;
  /** When it ends (or was expired), ISO-8601 UTC. */
  readonly endsAt: string;
  /** When it was set, ISO-8601 UTC. */
  readonly createdAt: string;
  /** How many events it suppressed so far. */
  readonly suppressed: number;
  /** The Slack message it was set from, if any: its summary goes in that thread. */
  readonly thread?: SilenceThread;
}

/**
 * Where a stored silence's end-of-silence summary is: not sent yet, being sent by one caller
 * until `lease` (epoch milliseconds), or sent.
 *
 * @internal
 */
export interface SilenceRecord extends Silence {
  /** The summary's state. */
  readonly summary: 'pending' | 'claimed' | 'sent';
  /** Until when a claim holds, epoch milliseconds; 0 when not claimed. */
  readonly lease: number;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const isoTime = (what: string): z.ZodMiniType<string> =>
  z
    .string({ error: `expected ${what} as an ISO-8601 time` })
    .check(
      z.refine(
        (value) => ISO.test(value) && !Number.isNaN(timeMillis(value)),
        `expected ${what} as an ISO-8601 time with a zone, such as 2025-06-01T15:00:00Z`,
      ),
    );

/**
 * Builds the schema of {@link NewSilence}.
 *
 * @internal
 */
export const newSilenceSchema: () => z.ZodMiniType<NewSilence> = /* @__PURE__ */ once(
  () =>
    z.strictObject({
      match: policyMatchSchema().check(
        z.refine(
          (match) => Object.keys(match).length > 0,
          'expected at least one field: a silence of every event is refused',
        ),
      ),
      author: text('an author', 100),
      reason: text('a reason', 500),
      startsAt: z.optional(isoTime('startsAt')),
      endsAt: isoTime('endsAt'),
      id: z.optional(
        z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected letters, digits, "-" and "_", at most 64')),
      ),
      thread: z.optional(threadSchema()),
    }) as unknown as z.ZodMiniType<NewSilence>,
);

const threadSchema: () => z.ZodMiniType<SilenceThread> = /* @__PURE__ */ once(() =>
  z.strictObject({
    channel: z.string().check(z.regex(/^[A-Z0-9]{1,40}$/, 'expected a Slack channel ID such as C0123ABCD')),
    ts: z.string().check(z.regex(/^\d{1,12}\.\d{1,9}$/, 'expected a Slack message ts such as 1717250400.000100')),
  }),
);

export const silenceRecordSchema: () => z.ZodMiniType<SilenceRecord> = /* @__PURE__ */ once(
  () =>
    z.looseObject({
      id: z.string(),
      match: policyMatchSchema(),
      author: z.string(),
      reason: z.string(),
      startsAt: isoTime('startsAt'),
      endsAt: isoTime('endsAt'),
      createdAt: z.string(),
      suppressed: z.number(),
      summary: z.enum(['pending', 'claimed', 'sent']),
      lease: z.number(),
      thread: z.optional(threadSchema()),
    }) as unknown as z.ZodMiniType<SilenceRecord>,
);
