/**
 * The shortcuts taken for speed (issue 7) return exactly what the straightforward code they
 * replaced returned. Each reference below is that code, kept here as the specification.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STOP_REASONS, matchStopCode, matchStopReason, type StopReasonRow } from '../src/classify/stop-reasons.js';
import { clip } from '../src/classify/text.js';
import { arnPartition, firstSegment, parseArn } from '../src/internal/arn.js';
import { canonicalUtcMillis, timeMillis } from '../src/internal/time.js';
import { code, date, join, link, pre, text, type Mrkdwn } from '../src/slack.js';

const INERT: Readonly<Record<string, string>> = { '*': '\u2217', '~': '\u223c', '`': '\u02cb', _: '\u02cd' };
const escapeText = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const reference = {
  text: (value: string) =>
    escapeText(
      value
        .replace(/[\r\n\t\u2028\u2029]+/g, ' ')
        .replace(/^(\s*)>/, '$1\u02c3')
        .replace(/[*~`]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, (c) => INERT[c] ?? c),
    ),
  code: (value: string) => `\`${escapeText(value.replace(/`/g, '\u02cb').replace(/[\r\n\t\u2028\u2029]+/g, ' '))}\``,
  pre: (value: string) =>
    `\`\`\`${escapeText(
      value
        .replace(/`/g, '\u02cb')
        .replace(/[\u2028\u2029]/g, '\n')
        .replace(/^([^\S\r\n]*)>/gm, '$1\u02c3'),
    )}\`\`\``,
  link: (url: string, label?: string) => {
    const shown = reference.text(label ?? url).replace(/\|/g, '\u2223');
    if (!/^https?:\/\//i.test(url)) return shown;
    const safe = url.replace(/[|<>\s"]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
    return `<${safe}|${shown}>`;
  },
  date: (isoTime: string, format = '{date_short_pretty} {time}') => {
    // ISO-8601 dates from 1970 to 9999 only: "50" is not a date in 1950.
    const millis = /^\d{4}-\d\d-\d\d/.test(isoTime) ? Date.parse(isoTime) : Number.NaN;
    if (Number.isNaN(millis) || millis < 0 || millis >= Date.UTC(10000, 0, 1)) return reference.text(isoTime);
    const iso = new Date(millis).toISOString();
    return `<!date^${Math.floor(millis / 1000)}^${format.replace(/[|>^]/g, '')}|${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC>`;
  },
  join: (parts: ReadonlyArray<string | undefined>, separator: string) =>
    parts.filter((p) => p !== undefined && p !== '').join(separator),
  clip: (value: string, max: number) => {
    const flat = value.replace(/\s+/g, ' ').trim();
    if (flat.length <= max) return flat;
    let cut = flat.slice(0, max - 1);
    if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
    const space = cut.lastIndexOf(' ');
    return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
  },
  matchStopReason: (value: string | undefined): StopReasonRow | undefined => {
    if (value === undefined) return undefined;
    const trimmed = value.trim();
    if (trimmed === '') return undefined;
    const startsWithToken = (t: string, token: string) =>
      t.startsWith(token) && ['', ':', ' '].includes(t.charAt(token.length));
    const matchRow = (t: string, tokensOnly: boolean) => {
      let lower: string | undefined;
      for (const row of STOP_REASONS) {
        if (row.tokens !== undefined && !row.tokens.some((token) => startsWithToken(t, token))) continue;
        if (row.tokens === undefined && (tokensOnly || (row.prefixes === undefined && row.contains === undefined)))
          continue;
        if (row.prefixes !== undefined && !row.prefixes.some((prefix) => t.startsWith(prefix))) continue;
        if (row.contains !== undefined && !t.includes(row.contains)) continue;
        if (row.keywords !== undefined) {
          lower ??= t.toLowerCase();
          const haystack = lower;
          // Each keyword at the start of a word (`efs` is not in `prefs`).
          const atWordStart = (keyword: string) =>
            new RegExp(`(?<![0-9a-z_])${keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(haystack);
          if (!row.keywords.some(atWordStart)) continue;
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
  fc.string({
    unit: fc.constantFrom(
      'a',
      'Z',
      '0',
      ' ',
      '_',
      '*',
      '~',
      '`',
      '&',
      '<',
      '>',
      '\n',
      '\t',
      '\r',
      '|',
      '"',
      'é',
      '\u00a0',
      '\u2028',
      '\u2029',
      '\v',
      '\u{1f680}',
    ),
  }),
);
const digits = (n: number) => fc.integer({ min: 0, max: 10 ** n - 1 }).map((v) => String(v).padStart(n, '0'));
/** ISO-8601-like times, valid and not: every field in and out of range, optional parts, other zones. */
const isoish = fc.oneof(
  fc
    .tuple(
      digits(4),
      digits(2),
      digits(2),
      digits(2),
      digits(2),
      fc.option(digits(2)),
      fc.option(fc.string({ unit: fc.constantFrom('0', '1', '5', '9'), minLength: 0, maxLength: 12 })),
      fc.constantFrom('Z', 'z', '+00:00', '+02:00', ''),
    )
    .map(
      ([y, mo, d, h, mi, s, f, zone]) =>
        `${y}-${mo}-${d}T${h}:${mi}${s === null ? '' : `:${s}`}${s === null || f === null ? '' : `.${f}`}${zone}`,
    ),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom(
    '2020-03-16T15:37:04Z',
    '2023-05-03T15:18:04.11Z',
    '2020-02-29T23:59:59.999Z',
    '2020-04-31T00:00:00Z',
    '2020-03-16T24:00:00Z',
    '0099-01-01T00:00:00Z',
    '1970-01-01T00:00Z',
  ),
  fc.string(),
);

describe('fast paths give what the straightforward code gave', () => {
  it('text, code, pre, link and join', () => {
    fc.assert(
      fc.property(textish, textish, (a, b) => {
        expect(text(a)).toBe(reference.text(a));
        expect(code(a)).toBe(reference.code(a));
        expect(pre(a)).toBe(reference.pre(a));
        expect(link(`https://x.test/${a}`, b)).toBe(reference.link(`https://x.test/${a}`, b));
        expect(link(a)).toBe(reference.link(a));
        expect(join([a as Mrkdwn, undefined, '' as Mrkdwn, b as Mrkdwn], ' · ')).toBe(
          reference.join([a, undefined, '', b], ' · '),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('date, and the canonical UTC reader behind it', () => {
    fc.assert(
      fc.property(
        isoish,
        fc.constantFrom(undefined, '{date_short_pretty} {time_secs}', '{date}|x^y>'),
        (iso, format) => {
          expect(timeMillis(iso)).toBe(Date.parse(iso));
          const canonical = canonicalUtcMillis(iso);
          if (canonical !== undefined) expect(canonical).toBe(Date.parse(iso));
          expect(date(iso, format)).toBe(reference.date(iso, format));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('reads canonical times itself, including the fractions AWS writes', () => {
    // Past nine fraction digits V8 drops the fraction's leading zeros (.0009000000 is 9 ms).
    expect(timeMillis('0100-01-01T00:00:00.0009000000Z')).toBe(Date.parse('0100-01-01T00:00:00.0009000000Z'));
    for (const iso of [
      '2020-03-16T15:37:04Z',
      '2023-05-03T15:18:04.11Z',
      '2019-11-19T19:55:38.725Z',
      '2020-03-16T15:34Z',
      '2020-03-16T15:37:04.123456789Z',
    ]) {
      expect(canonicalUtcMillis(iso)).toBe(Date.parse(iso));
    }
    for (const iso of [
      '2020-04-31T00:00:00Z',
      '2020-03-16T24:00:00Z',
      '2020-03-16T15:37:04+00:00',
      '0099-01-01T00:00:00Z',
      '0100-01-01T00:00:00.0009000000Z',
    ]) {
      expect(canonicalUtcMillis(iso)).toBeUndefined();
    }
  });

  it('clip never leaves half an emoji', () => {
    const reason = `${'x'.repeat(120)}${'\u{1f680}'.repeat(40)}`;
    for (let max = 121; max < 200; max++) {
      const clipped = clip(reason, max);
      expect(clipped.length).toBeLessThanOrEqual(max);
      expect(clipped).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    }
  });

  it('clip', () => {
    fc.assert(
      fc.property(textish, fc.integer({ min: 2, max: 40 }), (value, max) => {
        expect(clip(value, max)).toBe(reference.clip(value, max));
      }),
      { numRuns: 2000 },
    );
  });

  it('the stop-reason catalogue, looked up by first character, finds the row a full scan finds', () => {
    const starts = STOP_REASONS.flatMap((row) => [
      ...(row.tokens ?? []),
      ...(row.prefixes ?? []),
      ...(row.contains === undefined ? [] : [row.contains]),
    ]);
    const words = STOP_REASONS.flatMap((row) => row.keywords ?? []);
    const reason = fc
      .tuple(
        fc.option(fc.constantFrom(...starts)),
        fc.constantFrom('', ': ', ' ', ':'),
        fc.option(fc.constantFrom(...starts)),
        fc.option(fc.constantFrom(...words)),
        textish,
      )
      .map(([a, separator, b, keyword, rest]) => `${a ?? ''}${separator}${b ?? ''} ${keyword ?? ''} ${rest}`);
    fc.assert(
      fc.property(fc.oneof(reason, textish), (value) => {
        expect(matchStopReason(value)).toBe(reference.matchStopReason(value));
      }),
      { numRuns: 5000 },
    );
    for (const code of [
      'SpotInterruption',
      'TerminationNotice',
      'InfrastructureHealth',
      'UserInitiated',
      'x',
      'constructor',
    ]) {
      expect(matchStopCode(code)).toBe(STOP_REASONS.find((row) => row.stopCodes?.includes(code)));
    }
  });

  it('arnPartition and firstSegment are parts of parseArn', () => {
    const arnish = fc.oneof(
      fc.string(),
      fc
        .array(
          fc.constantFrom(
            'arn',
            'aws',
            'aws-cn',
            'ecs',
            'eu-west-1',
            '123',
            'task/c/1',
            'cluster/prod',
            'cluster',
            'cluster/',
            'task-definition/web:3',
            'c/d/',
            '',
            'x',
          ),
          { maxLength: 7 },
        )
        .map((parts) => parts.join(':')),
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
