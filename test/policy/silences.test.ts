/**
 * Silences on both stores: the memory store, and the DynamoDB store on dynalite. Every test has
 * its own scope; several `Silences` over one store stand for concurrent Lambdas.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbStateStore } from '../../src/dynamodb/index.js';
import { classify, isConfigError, type Classification } from '../../src/index.js';
import { MemoryStateStore, type StateStore } from '../../src/state/index.js';
import {
  createSilences,
  silenceSummaryText,
  type NewSilence,
  type Silences,
  type SilencesOptions,
} from '../../src/policy/index.js';
import { startDynalite, type Dynalite } from '../helpers/dynalite.js';
import { parsedFixture } from '../helpers/fixtures.js';

const T0 = Date.UTC(2025, 5, 1, 13, 0);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const iso = (millis: number) => new Date(millis).toISOString();

/** Task events of service example-api-v1 in cluster test: a crash and an OOM kill. */
const crash: Classification = classify(
  parsedFixture('task', 'task-stopped-essential-container-exited-fargate-sidecar'),
);
const oom: Classification = classify(parsedFixture('task', 'synthetic-task-oom-exit137'));
/** A service event of another service. */
const impaired: Classification = classify(parsedFixture('service', 'service-task-start-impaired'));

const MIGRATION: NewSilence = {
  match: { service: 'example-api-v1' },
  author: 'ana',
  reason: 'migration',
  endsAt: iso(T0 + 2 * HOUR),
};

function describeSilences(name: string, store: () => StateStore): void {
  let scopes = 0;
  /** Silences over a fresh scope; `more()` gives others over the same one (other Lambdas). */
  const fresh = (options: Omit<SilencesOptions, 'store'> = {}) => {
    const scope = `silence-test-${++scopes}`;
    const more = (extra: Omit<SilencesOptions, 'store' | 'scope'> = {}): Silences =>
      createSilences({ store: store(), scope, refreshSeconds: 0, ...extra });
    return { silences: createSilences({ store: store(), scope, refreshSeconds: 0, ...options }), more, scope };
  };

  describe(`${name}: silences`, () => {
    it('adds a silence and lists it with its fields normalised', async () => {
      const { silences } = fresh();
      const added = await silences.add({ ...MIGRATION, id: 'mig-1', endsAt: '2025-06-01T17:00:00+02:00' }, T0);
      expect(added).toEqual({
        id: 'mig-1',
        match: { service: 'example-api-v1' },
        author: 'ana',
        reason: 'migration',
        startsAt: '2025-06-01T13:00:00.000Z',
        endsAt: '2025-06-01T15:00:00.000Z',
        createdAt: '2025-06-01T13:00:00.000Z',
        suppressed: 0,
      });
      expect(await silences.list(T0 + MINUTE)).toEqual([added]);
      expect((await silences.add(MIGRATION, T0)).id).toMatch(/^[0-9a-f]{8}$/);
    });

    it.each([
      [
        'no end',
        { ...MIGRATION, endsAt: undefined },
        'silence: endsAt: expected endsAt as an ISO-8601 time, but it is missing',
      ],
      [
        'an end in the past',
        { ...MIGRATION, endsAt: iso(T0 - MINUTE) },
        'silence: endsAt 2025-06-01T12:59:00.000Z is in the past',
      ],
      ['an end now', { ...MIGRATION, endsAt: iso(T0) }, 'silence: endsAt 2025-06-01T13:00:00.000Z is in the past'],
      [
        'an end before the start',
        { ...MIGRATION, startsAt: iso(T0 + 3 * HOUR) },
        'silence: endsAt 2025-06-01T15:00:00.000Z is not after startsAt 2025-06-01T16:00:00.000Z',
      ],
      [
        'a time without a zone',
        { ...MIGRATION, endsAt: '2025-06-01T15:00:00' },
        'silence: endsAt: expected endsAt as an ISO-8601 time with a zone, such as 2025-06-01T15:00:00Z',
      ],
      [
        'a silence of everything',
        { ...MIGRATION, match: {} },
        'silence: match: expected at least one field: a silence of every event is refused',
      ],
      [
        'an unknown outcome',
        { ...MIGRATION, match: { outcome: 'oom' } },
        'silence: match.outcome: unknown outcome "oom"',
      ],
      [
        'a blank author',
        { ...MIGRATION, author: ' ' },
        'silence: author: expected an author, without leading or trailing blanks',
      ],
      ['no reason', { ...MIGRATION, reason: undefined }, 'silence: reason: expected a reason, but it is missing'],
    ])('refuses %s with one line', async (_, input, message) => {
      const { silences } = fresh();
      const error = await silences.add(input as NewSilence, T0).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isConfigError(error)).toBe(true);
      expect((error as Error).message).toBe(message);
      expect(await silences.list(T0)).toEqual([]);
    });

    it('refuses an id already taken', async () => {
      const { silences } = fresh();
      await silences.add({ ...MIGRATION, id: 'x' }, T0);
      await expect(silences.add({ ...MIGRATION, id: 'x', reason: 'other' }, T0)).rejects.toThrow(
        'silence: the id "x" is already taken',
      );
      expect((await silences.list(T0)).map((s) => s.reason)).toEqual(['migration']);
    });

    it('lists the silences that have not ended, yet to start ones included, soonest end first', async () => {
      const { silences } = fresh();
      await silences.add({ ...MIGRATION, id: 'late', endsAt: iso(T0 + 5 * HOUR) }, T0);
      await silences.add({ ...MIGRATION, id: 'soon', endsAt: iso(T0 + HOUR) }, T0);
      await silences.add({ ...MIGRATION, id: 'future', startsAt: iso(T0 + 3 * HOUR), endsAt: iso(T0 + 4 * HOUR) }, T0);
      expect((await silences.list(T0)).map((s) => s.id)).toEqual(['soon', 'future', 'late']);
      expect((await silences.list(T0 + HOUR)).map((s) => s.id)).toEqual(['future', 'late']);
    });

    it('finds the matching active silence, the one ending last; none before its start or from its end', async () => {
      const { silences } = fresh();
      await silences.add({ ...MIGRATION, id: 'short', endsAt: iso(T0 + HOUR) }, T0);
      await silences.add({ ...MIGRATION, id: 'crashes', match: { cluster: 'test', outcome: 'crashed' } }, T0);
      await silences.add(
        {
          ...MIGRATION,
          id: 'later',
          match: { service: 'image_inferrer' },
          startsAt: iso(T0 + HOUR),
          endsAt: iso(T0 + 3 * HOUR),
        },
        T0,
      );
      expect((await silences.silenceFor(crash, T0))?.id).toBe('crashes');
      expect((await silences.silenceFor(oom, T0))?.id).toBe('short');
      expect(await silences.silenceFor(oom, T0 + HOUR)).toBeUndefined();
      expect(await silences.silenceFor(impaired, T0 + HOUR - 1)).toBeUndefined();
      expect((await silences.silenceFor(impaired, T0 + HOUR))?.id).toBe('later');
      expect(await silences.silenceFor(impaired, T0 + 3 * HOUR)).toBeUndefined();
    });

    it('reuses one reading for refreshSeconds: a new silence acts after it, an end acts at once', async () => {
      const { silences, more } = fresh({ refreshSeconds: 30 });
      expect(await silences.silenceFor(crash, T0)).toBeUndefined();
      await more().add({ ...MIGRATION, id: 'm', endsAt: iso(T0 + 40_000) }, T0);
      expect(await silences.silenceFor(crash, T0 + 29_999)).toBeUndefined();
      expect((await silences.silenceFor(crash, T0 + 30_000))?.id).toBe('m');
      expect(await silences.silenceFor(crash, T0 + 40_000)).toBeUndefined();
    });

    it('counts suppressed events atomically across concurrent callers', async () => {
      const { silences, more } = fresh();
      const silence = (await silences.add(MIGRATION, T0))!;
      const lambdas = [silences, more(), more(), more()];
      const counted = await Promise.all(Array.from({ length: 24 }, (_, i) => lambdas[i % 4]!.count(silence, T0 + i)));
      expect(counted.every((s) => s !== undefined)).toBe(true);
      expect(counted.map((s) => s!.suppressed).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 24 }, (_, i) => i + 1),
      );
      expect((await silences.list(T0 + HOUR))[0]?.suppressed).toBe(24);
    });

    it('expires a silence now: it stops matching and counting, even where it was read before', async () => {
      const { silences, more } = fresh({ refreshSeconds: 60 });
      const added = await silences.add({ ...MIGRATION, id: 'e' }, T0);
      const seen = (await silences.silenceFor(crash, T0))!;
      const result = await more().expire('e', T0 + HOUR);
      expect(result).toEqual({ status: 'expired', silence: { ...added, endsAt: iso(T0 + HOUR) } });
      expect(await silences.count(seen, T0 + HOUR + 1)).toBeUndefined(); // changed since read: not counted
      expect(await silences.silenceFor(crash, T0 + HOUR + 2)).toBeUndefined(); // read afresh
      expect(await silences.list(T0 + HOUR)).toEqual([]);
      expect(await silences.expire('e', T0 + HOUR + 3)).toEqual({
        status: 'already-ended',
        silence: result.status === 'expired' ? result.silence : undefined,
      });
      expect(await silences.expire('nope', T0)).toEqual({ status: 'not-found' });
    });

    it('gives each ended silence’s summary to exactly one of many concurrent callers, once', async () => {
      const { silences, more } = fresh();
      const silence = await silences.add({ ...MIGRATION, id: 's' }, T0);
      for (let i = 0; i < 3; i++) await silences.count(silence, T0 + i * MINUTE);
      expect(await silences.summaries(T0 + 2 * HOUR - 1)).toEqual([]); // not ended yet
      const lambdas = [silences, ...Array.from({ length: 7 }, () => more())];
      const claimed = (await Promise.all(lambdas.map((l) => l.summaries(T0 + 2 * HOUR)))).flat();
      expect(claimed.map((s) => s.text)).toEqual([
        'example-api-v1: 3 events silenced by ana from 13:00 to 15:00 UTC: migration',
      ]);
      expect(claimed[0]).toMatchObject({ count: 3, silence: { id: 's', suppressed: 3 } });
      await silences.commitSummary(claimed[0]!, T0 + 2 * HOUR + 1);
      expect(await more().summaries(T0 + 3 * HOUR)).toEqual([]);
    });

    it('hands a summary back on release, and lets another caller take it once its lease has run out', async () => {
      const { silences, more } = fresh({ leaseSeconds: 60 });
      const silence = await silences.add({ ...MIGRATION, id: 'r' }, T0);
      await silences.count(silence, T0);
      const [first] = await silences.summaries(T0 + 2 * HOUR);
      await silences.releaseSummary(first!, T0 + 2 * HOUR + 1);
      const [again] = await more({ leaseSeconds: 60 }).summaries(T0 + 2 * HOUR + 2);
      expect(again?.count).toBe(1);
      // Its sender crashed: nobody may take it during the lease, anybody after it.
      expect(await silences.summaries(T0 + 2 * HOUR + 2 + 59_999)).toEqual([]);
      const [late] = await silences.summaries(T0 + 2 * HOUR + 2 + 60_000);
      expect(late?.count).toBe(1);
      await more().commitSummary(again!, T0 + 2 * HOUR + 70_000); // the crashed claim settles nothing
      expect(await more().summaries(T0 + 2 * HOUR + 70_001)).toEqual([]); // still held by the late claim
      await silences.commitSummary(late!, T0 + 2 * HOUR + 80_000);
      expect(await more().summaries(T0 + 4 * HOUR)).toEqual([]);
    });

    it('sends no summary for a silence that silenced nothing; keeps ended ones for the retention only', async () => {
      const { silences, scope } = fresh({ retentionSeconds: 3600 });
      const quiet = await silences.add({ ...MIGRATION, id: 'quiet' }, T0);
      expect(await silences.summaries(T0 + 2 * HOUR)).toEqual([]);
      expect((await store().get({ scope, id: quiet.id }, T0 + 2 * HOUR))?.value).toMatchObject({ summary: 'sent' });
      expect((await store().get({ scope, id: quiet.id }, T0))?.expiresAt).toBe(T0 + 3 * HOUR);
      expect(await silences.expire('quiet', T0 + 3 * HOUR)).toEqual({ status: 'not-found' });
    });
  });
}

describeSilences('MemoryStateStore', () => memory);
const memory = new MemoryStateStore();

let dynalite: Dynalite;
let dynamo: StateStore;
beforeAll(async () => {
  dynalite = await startDynalite();
  dynamo = new DynamoDbStateStore({ client: dynalite.client, tableName: await dynalite.createTable() });
});
afterAll(() => dynalite.close());
describeSilences('DynamoDbStateStore on dynalite', () => dynamo);

describe('silenceSummaryText', () => {
  const base = { id: 'x', author: 'ana', reason: 'migration', createdAt: iso(T0), suppressed: 1 };
  it.each([
    [
      { service: 'checkout' },
      iso(T0),
      iso(T0 + 2 * HOUR),
      14,
      'checkout: 14 events silenced by ana from 13:00 to 15:00 UTC: migration',
    ],
    [
      { service: ['a', 'b'], cluster: 'prod' },
      iso(T0),
      iso(T0 + HOUR),
      1,
      'a or b, cluster prod: 1 event silenced by ana from 13:00 to 14:00 UTC: migration',
    ],
    [
      { cluster: 'batch', outcome: 'crashed' },
      iso(T0 + 10 * HOUR),
      iso(T0 + 14 * HOUR),
      2,
      'cluster batch, outcome crashed: 2 events silenced by ana from 2025-06-01 23:00 to 2025-06-02 03:00 UTC: migration',
    ],
  ] as const)('%j', (match, startsAt, endsAt, count, text) => {
    expect(silenceSummaryText({ ...base, match, startsAt, endsAt }, count)).toBe(text);
  });
});
