/**
 * The zod-free silence checks (`silence-check.ts`) against the zod schemas of
 * `silence-schema.ts`: the same decision, value and error line on thousands of silences and
 * stored records, valid and not.
 */
import { describe, expect, it } from 'vitest';
import { firstIssue } from '../../src/policy/issues.js';
import { checkNewSilence, readSilenceRecord } from '../../src/policy/silence-check.js';
import { newSilenceSchema, silenceRecordSchema } from '../../src/policy/silence-schema.js';
import { seededRandom } from '../helpers/random.js';

const SILENCE = {
  match: { cluster: 'prod-*', service: ['api', 'web'], outcome: 'crashed' },
  author: 'alice',
  reason: 'deploying the fix',
  startsAt: '2025-06-01T14:00:00Z',
  endsAt: '2025-06-01T15:00:00.123+02:00',
  id: 'fix-1',
  thread: { channel: 'C0123ABCD', ts: '1717250400.000100' },
};

const RECORD = {
  ...SILENCE,
  createdAt: '2025-06-01T13:59:00Z',
  suppressed: 3,
  summary: 'pending',
  lease: 0,
  extra: { kept: true },
};

const VALUES: unknown[] = [
  undefined,
  null,
  true,
  0,
  -1,
  Number.NaN,
  '',
  ' alice',
  'x'.repeat(101),
  'prod',
  'crashd',
  'claimed',
  '2025-06-01',
  '2025-13-01T00:00:00Z',
  '2025-06-01T15:00:00Z',
  'C0123ABCD',
  'c0',
  '1717250400.000100',
  [],
  ['api'],
  [5],
  {},
  { cluster: 'prod' },
  { channel: 'C0', ts: '1.2', more: 1 },
  Object.create(null),
];

/** Every container and key inside `value`. */
function slots(value: unknown, out: Array<[Record<string | number, unknown>, string | number]> = []) {
  if (typeof value === 'object' && value !== null)
    for (const key of Object.keys(value)) {
      out.push([value as Record<string | number, unknown>, Array.isArray(value) ? Number(key) : key]);
      slots((value as Record<string, unknown>)[key], out);
    }
  return out;
}

function mutated(base: object, random: () => number): unknown {
  const copy = structuredClone(base);
  for (let n = 1 + Math.floor(random() * 2); n > 0; n--) {
    const all = slots(copy);
    const [container, key] = all[Math.floor(random() * all.length)]!;
    const roll = random();
    const value = structuredClone(VALUES[Math.floor(random() * VALUES.length)]);
    if (roll < 0.7) container[key] = value;
    else if (!Array.isArray(container)) delete container[key];
  }
  return copy;
}

/** Runs `compare` on `base` and 2999 changed copies; asserts both verdicts were seen often. */
function overChanged(base: object, seed: number, compare: (value: unknown) => boolean): void {
  const random = seededRandom(seed);
  const counts = { valid: 0, invalid: 0 };
  for (let i = 0; i < 3000; i++) counts[compare(i === 0 ? base : mutated(base, random)) ? 'valid' : 'invalid']++;
  expect(counts.valid).toBeGreaterThan(100);
  expect(counts.invalid).toBeGreaterThan(1000);
}

describe('zod-free silence checks', () => {
  it('decide a new silence as newSilenceSchema does, with the same error line', () => {
    overChanged(SILENCE, 7, (value) => {
      const zod = newSilenceSchema().safeParse(value);
      const checked = checkNewSilence(value);
      expect(checked.success, JSON.stringify(value)).toBe(zod.success);
      if (zod.success && checked.success) expect(checked.data).toStrictEqual(zod.data);
      if (!zod.success && !checked.success)
        expect(firstIssue(checked.issues, value)).toEqual(firstIssue(zod.error.issues as never, value));
      return zod.success;
    });
  });

  it('read a stored record as silenceRecordSchema does', () => {
    overChanged(RECORD, 8, (value) => {
      const zod = silenceRecordSchema().safeParse(value);
      expect(readSilenceRecord(value as never), JSON.stringify(value)).toStrictEqual(
        zod.success ? zod.data : undefined,
      );
      return zod.success;
    });
  });
});
