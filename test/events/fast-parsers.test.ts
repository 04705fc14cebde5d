import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FAST_PARSERS_FILE, generateFastParsers } from '../../scripts/fast-parsers.js';
import { type EventIssue, readShape } from '../../src/events/explain.js';
import * as fast from '../../src/events/fast-parsers.js';
import { unknownEcsEventSchema } from '../../src/events/common.js';
import {
  ContainerInstanceStateChangeSchema,
  DeploymentStateChangeSchema,
  ServiceActionSchema,
  TaskStateChangeSchema,
  type KnownEcsEventKind,
} from '../../src/schemas.js';
import { wellFormedDeep } from '../../src/internal/well-formed.js';
import { completeEnvelope } from '../../src/parse/envelope.js';
import { allFixtures } from '../helpers/fixtures.js';

interface ZodLike {
  safeParse(input: unknown): { success: boolean; data?: unknown; error?: { issues: readonly ZodIssueLike[] } };
}
interface ZodIssueLike {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly expected?: string;
  readonly values?: readonly unknown[];
}

const PARSERS: Record<KnownEcsEventKind, readonly [(input: unknown) => unknown, ZodLike, string]> = {
  task: [fast.taskStateChange, TaskStateChangeSchema, 'taskStateChange'],
  service: [fast.serviceAction, ServiceActionSchema, 'serviceAction'],
  deployment: [fast.deploymentStateChange, DeploymentStateChangeSchema, 'deploymentStateChange'],
  'container-instance': [
    fast.containerInstanceStateChange,
    ContainerInstanceStateChangeSchema,
    'containerInstanceStateChange',
  ],
};

/** What an issue says, zod's or the explanation's: code, path, and what was expected. */
const gist = ({ code, path, expected, values }: ZodIssueLike | EventIssue) => ({ code, path, expected, values });

/** Asserts the explanation (`explain.ts`) finds the issues zod finds, in zod's order. */
function expectSameIssues(shape: string, schema: ZodLike, input: unknown): unknown {
  const expected = schema.safeParse(input);
  const issues: EventIssue[] = [];
  const read = readShape(fast.SHAPES[shape]!, input, issues);
  expect(issues.map(gist)).toEqual((expected.error?.issues ?? []).map(gist));
  if (expected.success) expect(spelled(wellFormedDeep(read))).toEqual(spelled(wellFormedDeep(expected.data)));
  return expected.success;
}

/**
 * A value spelled out for comparison: types, key order, prototypes, explicit `undefined`, `NaN`
 * and `-0` all show (toStrictEqual ignores key order and compares an own `constructor` key with
 * ===, which fails for NaN).
 */
function spelled(value: unknown): unknown {
  if (typeof value === 'number') return ['number', Object.is(value, -0) ? '-0' : String(value)];
  if (Array.isArray(value)) return ['array', ...Array.from(value, spelled)];
  if (typeof value === 'object' && value !== null) {
    const prototype = Object.getPrototypeOf(value) === Object.prototype ? 'plain' : 'other';
    return [
      'object',
      prototype,
      ...Object.keys(value).map((key) => [key, spelled((value as Record<string, unknown>)[key])]),
    ];
  }
  return [typeof value, value];
}

/**
 * Asserts the fast parser and zod agree on `input`: both reject it, or both return the same value
 * once zod's is made well-formed (the one thing the fast parsers add).
 */
function expectSameAsZod(kind: KnownEcsEventKind, input: unknown): void {
  const [parse, schema, shape] = PARSERS[kind];
  expectSameIssues(shape, schema, input);
  expectSameIssues('unknownEcsEvent', unknownEcsEventSchema(), input);
  const expected = schema.safeParse(input);
  const actual = parse(input);
  if (!expected.success) {
    expect(actual).toBe(fast.INVALID);
    return;
  }
  expect(actual).not.toBe(fast.INVALID);
  expect(spelled(actual)).toEqual(spelled(wellFormedDeep(expected.data)));
}

const fixtures = allFixtures();

describe('generated fast parsers', () => {
  it('are what scripts/fast-parsers.ts generates from the schemas (npm run parsers:generate)', () => {
    expect(readFileSync(FAST_PARSERS_FILE, 'utf8')).toBe(generateFastParsers());
  });

  it.each(fixtures.map((f) => [`${f.kind}/${f.name}`, f] as const))(
    'agree with zod on %s, as published and completed',
    (_, fixture) => {
      expectSameAsZod(fixture.kind, fixture.event);
      const completed = completeEnvelope(fixture.event, fixture.kind);
      expectSameAsZod(fixture.kind, completed);
      expect(PARSERS[fixture.kind][0](completed)).not.toBe(fast.INVALID);
    },
  );

  it('build fresh objects and arrays, and leave their input alone', () => {
    const event = fixtures.find((f) => f.kind === 'task' && f.name.startsWith('task-stopped'))!.event as any;
    const before = structuredClone(event);
    const parsed = fast.taskStateChange(event) as any;
    expect(event).toStrictEqual(before);
    expect(parsed).not.toBe(event);
    expect(parsed.detail).not.toBe(event.detail);
    expect(parsed.detail.containers).not.toBe(event.detail.containers);
    expect(parsed.detail.containers[0]).not.toBe(event.detail.containers[0]);
    expect(parsed.resources).not.toBe(event.resources);
  });

  /** Lone surrogate halves, alone or around other text. */
  const illFormed = fc.constantFrom('\ud800', 'a\udfff', '\ud83d!', 'x\udc00y', { nested: ['\ud800'] }, ['\udbff']);
  /** Odd values: wrong types, non-finite numbers, explicit undefined, nesting, lone surrogates. */
  const oddValue = fc.oneof(
    fc.jsonValue(),
    fc.constantFrom(
      undefined,
      null,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      -0,
      1.5,
      '',
      [],
      {},
      [undefined],
      [null],
      { name: 1 },
      true,
    ),
    illFormed,
  );
  /** A key for an added field: unknown names, names of known fields elsewhere, and tricky ones. */
  const oddKey = fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.constantFrom(
      '__proto__',
      'constructor',
      'toString',
      'name',
      'value',
      'kind',
      'detail',
      'containers',
      'exitCode',
      '0',
      'x\ud800',
    ),
  );

  /** A real event with one change at a random place: a value replaced or removed, or a field added. */
  const mutated = fc
    .tuple(fc.constantFrom(...fixtures), fc.nat(), fc.nat(2), oddValue, oddKey)
    .map(([fixture, pick, action, value, key]) => {
      const copy = structuredClone(fixture.event);
      const places: unknown[][] = [];
      const walk = (node: unknown, path: unknown[]) => {
        places.push(path);
        if (typeof node === 'object' && node !== null)
          for (const k of Object.keys(node)) walk((node as any)[k], [...path, k]);
      };
      walk(copy, []);
      const path = places[pick % places.length]!;
      let target: any = copy;
      for (const step of path.slice(0, -1)) target = target[step as string];
      const last = path.at(-1) as string | undefined;
      if (action === 0 && last !== undefined) target[last] = value;
      else if (action === 1 && last !== undefined) delete target[last];
      else {
        const node = last === undefined ? copy : target[last];
        if (typeof node === 'object' && node !== null && !Array.isArray(node)) {
          // JSON.parse makes `__proto__` an own key, as Lambda events would.
          Object.assign(node, JSON.parse(`{${JSON.stringify(key)}: 0}`));
          (node as any)[key] = value;
        }
      }
      return [fixture.kind, copy] as const;
    });

  it('agree with zod on real events with one thing changed', () => {
    fc.assert(
      fc.property(mutated, ([kind, event]) => expectSameAsZod(kind, event)),
      { numRuns: 5000 },
    );
  });

  it('agree with zod on objects that are not plain: null prototype, inherited fields', () => {
    for (const fixture of fixtures.filter((f) => f.name.startsWith('task-stopped') || f.name.startsWith('docs-'))) {
      const bare = Object.assign(Object.create(null), fixture.event);
      expectSameAsZod(fixture.kind, bare);
      const inheriting = Object.assign(Object.create({ inherited: 'yes' }), fixture.event);
      expectSameAsZod(fixture.kind, inheriting);
      const detailInheriting = {
        ...fixture.event,
        detail: Object.assign(Object.create({ extra: 1 }), fixture.event.detail),
      };
      expectSameAsZod(fixture.kind, detailInheriting);
    }
  });
});
