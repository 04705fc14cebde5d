import { describe, expect, it } from 'vitest';
import { STOP_REASONS, matchStopCode, matchStopReason } from '../../src/classify/stop-reasons.js';
import { allFixtures } from '../helpers/fixtures.js';

/** Every reason text and stop code the fixtures carry. */
function fixtureTexts(): { texts: string[]; codes: string[] } {
  const texts: string[] = [];
  const codes: string[] = [];
  for (const { event } of allFixtures()) {
    const d = event.detail as Record<string, any>;
    for (const text of [d.stoppedReason, d.reason, d.statusReason, ...(d.containers ?? []).map((c: any) => c.reason)]) {
      if (typeof text === 'string') texts.push(text);
    }
    if (typeof d.stopCode === 'string') codes.push(d.stopCode);
  }
  return { texts, codes };
}

describe('the stop-reason catalogue', () => {
  it('every row is matched by some real or synthetic fixture', () => {
    const { texts, codes } = fixtureTexts();
    const matched = new Set([...texts.map((t) => matchStopReason(t)?.id), ...codes.map((c) => matchStopCode(c)?.id)]);
    expect(STOP_REASONS.map((row) => row.id).filter((id) => !matched.has(id))).toEqual([]);
  });

  it('every row links to AWS documentation and says what to do', () => {
    for (const row of STOP_REASONS) {
      expect(row.docsUrl, row.id).toMatch(/^https:\/\/(docs\.aws\.amazon\.com\/AmazonECS\/latest\/(developerguide|APIReference)\/[\w-]+\.html|repost\.aws\/knowledge-center\/[\w-]+)$/);
      expect(row.fix.length, row.id).toBeGreaterThan(30);
      expect(row.fix.endsWith('.'), row.id).toBe(true);
    }
  });

  it('matches the leading category token, not a word inside another', () => {
    expect(matchStopReason('CannotPullContainerError: x not found')?.id).toBe('image-pull-not-found');
    expect(matchStopReason('CannotPullContainerErrors: x')).toBeUndefined();
    expect(matchStopReason('Error: CannotPullContainerError: x')?.id).toBe('image-pull');
    expect(matchStopReason('  OutOfMemoryError: Container killed due to memory usage  ')?.id).toBe('out-of-memory');
  });

  it('finds the precise category inside a wrapper, unless the wrapper matched a precise sub-case', () => {
    expect(matchStopReason('CannotStartContainerError: ResourceInitializationError: unable to pull secrets')?.id).toBe('secrets');
    expect(matchStopReason('CannotStartContainerError: ResourceInitializationError: exec: "/x": no such file or directory')?.id).toBe(
      'entrypoint-not-found',
    );
  });

  it('matches sub-case keywords case-insensitively, first row wins', () => {
    expect(matchStopReason('CannotPullContainerError: ... 403 FORBIDDEN')?.id).toBe('image-pull-access-denied');
    expect(matchStopReason('ResourceInitializationError: failed to validate logger args: dial tcp: i/o timeout')?.id).toBe('logging');
  });

  it('returns nothing for empty, blank or unknown text', () => {
    for (const text of [undefined, '', '   ', 'Something entirely new']) expect(matchStopReason(text)).toBeUndefined();
    expect(matchStopCode(undefined)).toBeUndefined();
    expect(matchStopCode('EssentialContainerExited')).toBeUndefined();
    expect(matchStopCode('TerminationNotice')?.id).toBe('spot-interruption');
  });
});

describe('docs/classification.md', () => {
  it('lists every catalogue row', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(new URL('../../docs/classification.md', import.meta.url), 'utf8');
    for (const row of STOP_REASONS) expect(doc, row.id).toContain(`[\`${row.id}\`](${row.docsUrl})`);
  });
});
