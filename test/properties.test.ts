import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParseError, parseEcsEvents, safeParseEcsEvent } from '../src/index.js';
import { unwrap } from '../src/schemas.js';
import { allFixtures } from './helpers/fixtures.js';
import { snsEvent, sqsEvent } from './helpers/lambda.js';

const events = allFixtures().map((fixture) => fixture.event);

/** Collects the dotted paths of every value inside a JSON object. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [prefix, ...keys.flatMap((key) => paths((value as any)[key], [...prefix, key]))];
}

/** A real event with one value replaced, or removed. */
const mutatedEvent = fc
  .tuple(fc.constantFrom(...events), fc.nat(), fc.option(fc.jsonValue(), { nil: undefined }))
  .map(([event, pick, replacement]) => {
    const copy = structuredClone(event);
    const all = paths(copy).filter((path) => path.length > 0);
    const path = all[pick % all.length]!;
    let parent: any = copy;
    for (const key of path.slice(0, -1)) parent = parent[key];
    const last = path[path.length - 1]!;
    if (replacement === undefined) delete parent[last];
    else parent[last] = replacement;
    return copy;
  });

describe('properties', () => {
  it('safeParseEcsEvent never throws on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = safeParseEcsEvent(value);
        expect(typeof result.success).toBe('boolean');
        if (!result.success) expect(result.error).toBeInstanceOf(ParseError);
      }),
      { numRuns: 500 },
    );
  });

  it('safeParseEcsEvent never throws on mutated real events, and errors are one line', () => {
    fc.assert(
      fc.property(mutatedEvent, (event) => {
        const result = safeParseEcsEvent(event);
        if (!result.success) {
          expect(result.error.message).not.toContain('\n');
          expect(result.error.message.length).toBeLessThan(300);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('unwrap and parseEcsEvents never throw on arbitrary values, text and batches', () => {
    const input = fc.oneof(
      fc.jsonValue(),
      fc.string(),
      fc.array(mutatedEvent, { maxLength: 4 }).map((list) => sqsEvent(list.map((e) => JSON.stringify(e)))),
      fc.array(fc.string(), { maxLength: 4 }).map((bodies) => sqsEvent(bodies)),
      fc.array(fc.string(), { maxLength: 4 }).map((bodies) => snsEvent(bodies)),
      fc.array(mutatedEvent, { maxLength: 4 }).map((list) => list.map((e) => JSON.stringify(e)).join('\n')),
      fc.record({ Records: fc.array(fc.jsonValue(), { maxLength: 4 }) }),
    );
    fc.assert(
      fc.property(input, (value) => {
        const records = unwrap(value);
        expect(Array.isArray(records)).toBe(true);
        for (const record of parseEcsEvents(value)) expect(typeof record.id).toBe('string');
      }),
      { numRuns: 1000 },
    );
  });

  it('every SQS record gets a result carrying its messageId', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            mutatedEvent.map((e) => JSON.stringify(e)),
            fc.string(),
          ),
          { maxLength: 6 },
        ),
        (bodies) => {
          const batch = sqsEvent(bodies);
          const ids = new Set(parseEcsEvents(batch).map((record) => record.id));
          for (const record of batch.Records) expect(ids.has(record.messageId)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
