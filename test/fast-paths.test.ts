/**
 * The shortcuts taken for speed (issue 7) return exactly what the straightforward code they
 * replaced returned. Each reference below is that code, kept here as the specification.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STOP_REASONS, matchStopCode, matchStopReason, type StopReasonRow } from '../src/classify/stop-reasons.js';
import { clip } from '../src/classify/text.js';
import { arnPartition, firstSegment, parseArn } from '../src/internal/arn.js';

const reference = {
  clip: (value: string, max: number) => {
    const flat = value.replace(/\s+/g, ' ').trim();
    if (flat.length <= max) return flat;
    const cut = flat.slice(0, max - 1);
    const space = cut.lastIndexOf(' ');
    return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
  },
  matchStopReason: (value: string | undefined): StopReasonRow | undefined => {
    if (value === undefined) return undefined;
    const trimmed = value.trim();
    if (trimmed === '') return undefined;
    const startsWithToken = (t: string, token: string) => t.startsWith(token) && ['', ':', ' '].includes(t.charAt(token.length));
    const matchRow = (t: string, tokensOnly: boolean) => {
      let lower: string | undefined;
      for (const row of STOP_REASONS) {
        if (row.tokens !== undefined && !row.tokens.some((token) => startsWithToken(t, token))) continue;
        if (row.tokens === undefined && (tokensOnly || (row.prefixes === undefined && row.contains === undefined))) continue;
        if (row.prefixes !== undefined && !row.prefixes.some((prefix) => t.startsWith(prefix))) continue;
        if (row.contains !== undefined && !t.includes(row.contains)) continue;
        if (row.keywords !== undefined) {
          lower ??= t.toLowerCase();
          const haystack = lower;
          if (!row.keywords.some((keyword) => haystack.includes(keyword))) continue;
        }
        return row;
      }
      return undefined;
    };
    const outer = matchRow(trimmed, false);
    const colon = trimmed.indexOf(': ');
    const inner = colon > 0 ? matchRow(trimmed.slice(colon + 2), true) : undefined;
    if (inner === undefined || (outer?.keywords !== undefined && inner.keywords === undefined)) return outer;
    return inner;
  },
};

/** Strings near the shapes the code expects, and arbitrary ones. */
const textish = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom('a', 'Z', '0', ' ', '_', '*', '~', '`', '&', '<', '>', '\n', '\t', '\r', '|', '"', 'é', '\u00a0', '\u2028') }),
);
describe('fast paths give what the straightforward code gave', () => {
  it('clip', () => {
    fc.assert(
      fc.property(textish, fc.integer({ min: 2, max: 40 }), (value, max) => {
        expect(clip(value, max)).toBe(reference.clip(value, max));
      }),
      { numRuns: 2000 },
    );
  });

  it('the stop-reason catalogue, looked up by first character, finds the row a full scan finds', () => {
    const starts = STOP_REASONS.flatMap((row) => [...(row.tokens ?? []), ...(row.prefixes ?? []), ...(row.contains === undefined ? [] : [row.contains])]);
    const words = STOP_REASONS.flatMap((row) => row.keywords ?? []);
    const reason = fc
      .tuple(fc.option(fc.constantFrom(...starts)), fc.constantFrom('', ': ', ' ', ':'), fc.option(fc.constantFrom(...starts)), fc.option(fc.constantFrom(...words)), textish)
      .map(([a, separator, b, keyword, rest]) => `${a ?? ''}${separator}${b ?? ''} ${keyword ?? ''} ${rest}`);
    fc.assert(
      fc.property(fc.oneof(reason, textish), (value) => {
        expect(matchStopReason(value)).toBe(reference.matchStopReason(value));
      }),
      { numRuns: 5000 },
    );
    for (const code of ['SpotInterruption', 'TerminationNotice', 'InfrastructureHealth', 'UserInitiated', 'x', 'constructor']) {
      expect(matchStopCode(code)).toBe(STOP_REASONS.find((row) => row.stopCodes?.includes(code)));
    }
  });

  it('arnPartition and firstSegment are parts of parseArn', () => {
    const arnish = fc.oneof(
      fc.string(),
      fc.array(fc.constantFrom('arn', 'aws', 'aws-cn', 'ecs', 'eu-west-1', '123', 'task/c/1', 'cluster/prod', 'cluster', 'cluster/', 'task-definition/web:3', 'c/d/', '', 'x'), { maxLength: 7 }).map((parts) => parts.join(':')),
    );
    fc.assert(
      fc.property(arnish, (arn) => {
        const parsed = parseArn(arn);
        expect(arnPartition(arn)).toBe(parsed?.partition);
        for (const type of ['cluster', 'task-definition', 'task', 'c']) {
          expect(firstSegment(arn, type)).toBe(parsed?.resourceType === type ? parsed.segments[0] : undefined);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
