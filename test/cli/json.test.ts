import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/cli/json.js';
import { eventPattern, eventPatterns } from '../../src/patterns/index.js';

describe('formatJson', () => {
  it('keeps what fits on one line together, and indents the rest', () => {
    expect(formatJson({ source: ['aws.ecs'] })).toBe('{"source": ["aws.ecs"]}');
    const long = { source: ['aws.ecs'], detail: { lastStatus: ['STOPPED', 'DELETED'], reason: 'x'.repeat(80) } };
    expect(formatJson(long)).toBe(
      `{\n  "source": ["aws.ecs"],\n  "detail": {\n    "lastStatus": ["STOPPED", "DELETED"],\n    "reason": "${'x'.repeat(80)}"\n  }\n}`,
    );
  });

  it.each([
    ['an alerts pattern', eventPattern('alerts')],
    ['the verbose patterns', eventPatterns('verbose')],
    [
      'scalars, empties and escapes',
      { a: [], b: {}, c: null, d: [true, 1.5, 'quote " and \\ and \n'], e: 'é'.repeat(120) },
    ],
  ])('round-trips %s through JSON.parse', (_, value) => {
    expect(JSON.parse(formatJson(value))).toEqual(value);
  });

  it('keeps lines within 100 characters unless one value is longer', () => {
    for (const line of formatJson(eventPattern({ preset: 'verbose', clusters: { include: ['a', 'b-*'] } })).split(
      '\n',
    )) {
      expect(line.length).toBeLessThanOrEqual(100);
    }
  });
});
