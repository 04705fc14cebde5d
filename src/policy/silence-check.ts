/**
 * Silences checked without zod: a new silence and a stored record, as `silence-schema.ts`' zod
 * schemas check them (the same decisions, values and error lines; `test/policy/silence-check.test.ts`
 * compares them), written with `check-kit.ts` so the Lambda never loads zod.
 *
 * @internal
 * @module
 */
import type { StateValue } from '../state/store.js';
import { timeMillis } from '../internal/time.js';
import { matching, text } from './check-helpers.js';
import { type Check, literal, number, object, string, type Verdict, verdict } from './check-kit.js';
import { policyMatch } from './fast-check.js';
import type { NewSilence, Silence, SilenceRecord } from './silence-schema.js';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const isoTime = (what: string): Check =>
  string(`expected ${what} as an ISO-8601 time`, {
    test: (value: string) => ISO.test(value) && !Number.isNaN(timeMillis(value)),
    message: `expected ${what} as an ISO-8601 time with a zone, such as 2025-06-01T15:00:00Z`,
  });

const thread = object(
  {
    channel: matching(/^[A-Z0-9]{1,40}$/, 'expected a Slack channel ID such as C0123ABCD'),
    ts: matching(/^\d{1,12}\.\d{1,9}$/, 'expected a Slack message ts such as 1717250400.000100'),
  },
  { unknown: 'strict' },
);

const nonEmptyMatch: Check = (value) => {
  const result = policyMatch(value);
  if (result.issues.some((issue) => issue.continue !== true)) return result;
  if (Object.keys(result.value as object).length === 0)
    result.issues.push({
      code: 'custom',
      path: [],
      message: 'expected at least one field: a silence of every event is refused',
      continue: true,
    });
  return result;
};

const newSilence = object(
  {
    match: nonEmptyMatch,
    author: text('an author', 100),
    reason: text('a reason', 500),
    startsAt: isoTime('startsAt'),
    endsAt: isoTime('endsAt'),
    id: matching(/^[A-Za-z0-9_-]{1,64}$/, 'expected letters, digits, "-" and "_", at most 64'),
    thread,
  },
  { optional: ['startsAt', 'id', 'thread'], unknown: 'strict' },
);

const silenceRecord = object(
  {
    id: string(),
    match: policyMatch,
    author: string(),
    reason: string(),
    startsAt: isoTime('startsAt'),
    endsAt: isoTime('endsAt'),
    createdAt: string(),
    suppressed: number(),
    summary: literal('pending', 'claimed', 'sent'),
    lease: number(),
    thread,
  },
  { optional: ['thread'], unknown: 'loose' },
);

/**
 * Checks a new silence as `newSilenceSchema().safeParse` does: the silence, or the issues.
 *
 * @internal
 */
export const checkNewSilence = (value: unknown): Verdict<NewSilence> => verdict(newSilence, value);

/**
 * A stored value read back as a silence record, or `undefined` when it is not one (a record
 * written by something else is ignored, which silences nothing).
 *
 * @internal
 */
export function readSilenceRecord(value: StateValue): SilenceRecord | undefined {
  const result = verdict<SilenceRecord>(silenceRecord, value);
  return result.success ? result.data : undefined;
}

/**
 * The silence of a record, without the summary's bookkeeping.
 *
 * @internal
 */
export function publicSilence(record: SilenceRecord): Silence {
  const { id, match, author, reason, startsAt, endsAt, createdAt, suppressed, thread } = record;
  const silence = { id, match, author, reason, startsAt, endsAt, createdAt, suppressed };
  return thread === undefined ? silence : { ...silence, thread };
}
