import { describe, expect, it } from 'vitest';
import { jsonPreview } from '../../src/render/json-preview.js';
import { allFixtures } from '../helpers/fixtures.js';

const WIDE = { maxDepth: 100, maxLength: 1_000_000 };

describe('jsonPreview', () => {
  it('writes what JSON.stringify(value, null, 2) writes, within its bounds', () => {
    for (const { event } of allFixtures()) expect(jsonPreview(event, WIDE)).toBe(JSON.stringify(event, null, 2));
    const odd = {
      a: [undefined, () => 1, null],
      b: undefined,
      c: new Date(0),
      d: -0,
      e: Number.NaN,
      f: '\ud800',
      g: [[], {}],
    };
    expect(jsonPreview(odd, WIDE)).toBe(JSON.stringify(odd, null, 2));
    expect(jsonPreview({ big: 10n }, WIDE)).toBe('{\n  "big": 10\n}');
  });

  it('elides containers below maxDepth', () => {
    expect(jsonPreview({ a: { b: { c: 1 } }, d: [[1]], e: {} }, { maxDepth: 1, maxLength: 1000 })).toBe(
      '{\n  "a": {…},\n  "d": […],\n  "e": {}\n}',
    );
  });

  it('cuts at maxLength with an ellipsis, never between the halves of a pair, and reads no further', () => {
    let reads = 0;
    const wide: Record<string, unknown> = {};
    for (let i = 0; i < 20_000; i++) {
      Object.defineProperty(wide, `key${i}`, { enumerable: true, get: () => ((reads += 1), '😀'.repeat(10)) });
    }
    const preview = jsonPreview(wide, { maxDepth: 5, maxLength: 3000 });
    expect(preview.length).toBeLessThanOrEqual(3000);
    expect(preview.endsWith('…')).toBe(true);
    expect(preview.isWellFormed()).toBe(true);
    expect(reads).toBeLessThan(200);
    expect(jsonPreview('x'.repeat(100), { maxDepth: 5, maxLength: 10 })).toBe('"xxxxxxxx…');
  });
});
