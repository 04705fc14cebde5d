/**
 * fast-check arbitraries of hostile input, built from the real fixture events: hostile strings
 * injected at random string fields (lone surrogates, U+2028 / U+2029, `>` after line breaks,
 * mentions, very long text), unknown detail-types nested thousands of levels deep, and render
 * options whose mentions fill their room next to a culprit line that fills its own.
 */
import fc from 'fast-check';
import type { RenderOptions } from '../../src/index.js';
import { allFixtures, loadFixture } from './fixtures.js';

/** One lone UTF-16 surrogate half. */
export const loneSurrogate: fc.Arbitrary<string> = fc
  .integer({ min: 0xd800, max: 0xdfff })
  .map((code) => String.fromCharCode(code));

/** Pieces that broke a stage or a message once, or could. */
export const HOSTILE_PIECES: readonly string[] = [
  '\ud800',
  '\udfff',
  '\ud83d',
  'a\udc00b',
  '\u2028',
  '\u2029',
  '\u2028> quote',
  '\u2029&gt; quote',
  '\n>',
  '\n> <!channel>',
  '\r\n> quote',
  '\n  > indented',
  '\n&gt; entity',
  '>',
  '> first',
  '<!channel>',
  '<!here|here>',
  '<@U024BE7LH>',
  '<!subteam^SAZ94GDB8>',
  '<#C024BE7LR>',
  '<https://evil.example.com|Click here>',
  '<!date^1392734382^{date}|yesterday>',
  '&lt;!channel&gt;',
  '```',
  '*bold*',
  '_it_',
  '~s~',
  '`c`',
  '|',
  '&',
  '\t',
  '%',
  '/',
  ':',
];

/** A hostile string: pieces and plain text mixed, or a very long text with a piece in it. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom(...HOSTILE_PIECES), loneSurrogate, fc.string({ maxLength: 12 })), {
        minLength: 1,
        maxLength: 8,
      })
      .map((parts) => parts.join('')),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...HOSTILE_PIECES), fc.integer({ min: 2900, max: 7000 }), fc.boolean())
      .map(([piece, length, wordy]) => `${(wordy ? 'word ' : 'x').repeat(wordy ? length / 5 : length)}${piece}`),
  },
);

type Path = readonly (string | number)[];

/** The paths of every string inside a JSON value. */
function stringPaths(value: unknown, prefix: Path = []): Path[] {
  if (typeof value === 'string') return [prefix];
  if (typeof value !== 'object' || value === null) return [];
  const keys = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
  return keys.flatMap((key) => stringPaths((value as Record<string | number, unknown>)[key], [...prefix, key]));
}

const fixtures = allFixtures().map((fixture) => ({ event: fixture.event, paths: stringPaths(fixture.event) }));

/**
 * A real event with up to five of its strings made hostile: replaced, or with a hostile string
 * after or before the original (so ARNs still parse and the hostile part lands in names).
 */
export const hostileEvent: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(
    fc.constantFrom(...fixtures),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom('replace', 'append', 'prepend'), hostileString), {
      minLength: 1,
      maxLength: 5,
    }),
  )
  .map(([fixture, changes]) => {
    const copy = structuredClone(fixture.event);
    for (const [pick, how, hostile] of changes) {
      const path = fixture.paths[pick % fixture.paths.length]!;
      let parent: any = copy;
      for (const key of path.slice(0, -1)) parent = parent[key];
      const key = path[path.length - 1]!;
      const original = String(parent[key]);
      parent[key] = how === 'replace' ? hostile : how === 'append' ? `${original}${hostile}` : `${hostile}${original}`;
    }
    return copy;
  });

/** A value nested `depth` levels deep (objects and arrays in turn), hostile strings at the bottom and in keys. */
function nested(depth: number, leaf: string): unknown {
  let value: unknown = { [`k${leaf}`]: leaf };
  for (let level = 0; level < depth; level++)
    value = level % 2 === 0 ? { [leaf.slice(0, 3) || 'a']: value, n: level } : [value, leaf];
  return value;
}

/** An `aws.ecs` event of a detail-type ecs-slack does not model, its detail shallow or nested up to 12,000 levels. */
export const deepUnknownEvent: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(
    fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 5000, max: 12_000 })),
    hostileString,
    hostileString,
  )
  .map(([depth, leaf, cluster]) => ({
    ...loadFixture('service', 'docs-service-steady-state'),
    'detail-type': `ECS Future Change ${leaf.slice(0, 20)}`,
    detail: { clusterArn: `arn:aws:ecs:us-east-1:111122223333:cluster/${cluster}`, payload: nested(depth, leaf) },
  }));

/**
 * Up to 90 user groups whose ids share one length (2 to 15), so that some lists fill the room
 * for mentions to its last character.
 */
const userGroups = (minCount: number) =>
  fc
    .tuple(fc.integer({ min: 2, max: 15 }), fc.integer({ min: minCount, max: 90 }))
    .chain(([length, count]) =>
      fc.array(
        fc.nat().map(
          (n) =>
            `S${n
              .toString(36)
              .toUpperCase()
              .padStart(length - 1, '0')
              .slice(0, length - 1)}`,
        ),
        { minLength: count, maxLength: count },
      ),
    )
    .map((ids) => ids.map((id) => ({ userGroup: id })))
    .map((list) => ({ error: list, warning: list, info: list, success: list }));

/**
 * Render options: every layout, and mentions for every severity long enough to fill (or pass)
 * the room the header section gives them.
 */
export const edgeOptions: fc.Arbitrary<RenderOptions> = fc.record(
  {
    color: fc.boolean(),
    variant: fc.constantFrom<'full' | 'compact'>('full', 'compact'),
    buttons: fc.boolean(),
    mentions: userGroups(1),
  },
  { requiredKeys: ['color', 'variant'] },
);

/** The full layout with mentions that fill, or nearly fill, their room (45 to 90 user groups). */
export const fullMentionsOptions: fc.Arbitrary<RenderOptions> = fc.record({
  color: fc.boolean(),
  variant: fc.constant('full' as const),
  mentions: userGroups(45),
});

/**
 * A crashed task whose culprit container has a name of 1,940 to 1,950 characters: a culprit
 * line of 1,990 to 2,000 characters, at the limit of one line, for a mention lead near its own.
 */
export const longCulpritEvent: fc.Arbitrary<Record<string, unknown>> = fc
  .integer({ min: 1940, max: 1950 })
  .map((length) => {
    const event = loadFixture('task', 'synthetic-task-crashed-exit1-sidecar143') as any;
    for (const container of event.detail.containers) if (container.exitCode === 1) container.name = 'n'.repeat(length);
    return event;
  });
