import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeClientMarkdown } from '../../src/amazon-q/index.js';
import { mdBlock, mdCode, mdLink } from '../../src/render/amazon-q/markdown.js';
import { markdownProblems } from '../helpers/client-markdown.js';

/** Strings rich in everything markdown, mrkdwn and HTML give meaning to. */
const markup = fc.oneof(
  fc.string({ maxLength: 200, unit: 'binary' }),
  fc
    .array(
      fc.constantFrom(
        '<',
        '>',
        '&',
        '|',
        '!',
        '@',
        '#',
        '*',
        '_',
        '`',
        '~',
        '[',
        ']',
        '(',
        ')',
        '\\',
        '\n',
        '\r',
        'a',
        '1',
        '.',
        ' ',
        ':',
        '//',
        'https://',
        'www.',
      ),
      { maxLength: 200 },
    )
    .map((parts) => parts.join('')),
);

describe('escapeClientMarkdown', () => {
  it.each([
    ['<!channel> & <@U123>', '＜!channel＞ ＆ ＜＠U123＞'],
    ['[click](https://evil.example.com)', '［click］(https:∕∕evil․example․com)'],
    ['**bold** _it_ my_service ~s~ `c`', '∗∗bold∗∗ ˍitˍ my_service ∼s∼ ˋcˋ'],
    ['line one\n> quote\r\n# heading', 'line one ＞ quote ＃ heading'],
    ['exit 1.5 at 10.0.0.1 in v1.2', 'exit 1.5 at 10.0.0.1 in v1.2'],
    ['ecr.eu-west-1.amazonaws.com/app', 'ecr․eu-west-1․amazonaws․com/app'],
    ['a|b \\ c', 'a∣b ∖ c'],
  ])('%j reads as %j', (input, expected) => {
    expect(escapeClientMarkdown(input)).toBe(expected);
  });

  it('leaves text with nothing special as it is (the same string)', () => {
    const plain = 'app exited with code 2 and task a6eaf015 of example-api-v1 stopped';
    expect(escapeClientMarkdown(plain)).toBe(plain);
  });

  it('never lets any string form markup, and never makes it longer', () => {
    fc.assert(
      fc.property(markup, (input) => {
        const out = escapeClientMarkdown(input);
        expect(markdownProblems(out)).toEqual([]);
        expect(out.length).toBeLessThanOrEqual(input.length);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 1000) },
    );
  });
});

describe('code spans, code blocks and links', () => {
  it('no string leaves its code span or block, or pings, opens HTML or carries a URL scheme', () => {
    fc.assert(
      fc.property(markup, (input) => {
        expect(markdownProblems(mdCode(input))).toEqual([]);
        expect(markdownProblems(mdBlock(input))).toEqual([]);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 1000) },
    );
  });

  it('a link is one link to where it says, whatever its URL and label; other schemes give the bare label', () => {
    const own = 'https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/';
    fc.assert(
      fc.property(markup, markup, (path, label) => {
        const link = mdLink(`${own}${path}`, label);
        expect(markdownProblems(link)).toEqual([]);
        expect(link.startsWith(`[${escapeClientMarkdown(label)}](${own}`)).toBe(true);
        expect(mdLink(`javascript:${path}`, label)).toBe(escapeClientMarkdown(label));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 1000) },
    );
  });
});
